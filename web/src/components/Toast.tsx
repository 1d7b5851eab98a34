/**
 * Short notices in the bottom corner, announced to screen readers through a live region that is
 * always in the page. Wrap the app in <ToastProvider>; call useToast().show(...) anywhere below.
 */
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export type ToastTone = 'info' | 'success' | 'error';

export interface ToastOptions {
  tone?: ToastTone;
  /** One button on the toast, e.g. Undo. */
  action?: { label: string; onClick: () => void };
  /** Milliseconds on screen; 0 keeps it until dismissed. Errors stay longer by default. */
  duration?: number;
}

interface ToastItem extends Required<Pick<ToastOptions, 'tone' | 'duration'>> {
  id: number;
  message: string;
  action?: ToastOptions['action'];
}

export interface ToastApi {
  show(message: string, options?: ToastOptions): void;
  /** Shorthand for show(message, { tone: 'error' }); pass messageFor(error) as the message. */
  error(message: string): void;
}

const ToastContext = createContext<ToastApi | null>(null);
const MAX_VISIBLE = 3;

export function useToast(): ToastApi {
  const toast = use(ToastContext);
  if (!toast) throw new Error('useToast() needs a <ToastProvider> above it.');
  return toast;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((message: string, options: ToastOptions = {}) => {
    const tone = options.tone ?? 'info';
    const duration = options.duration ?? (tone === 'error' ? 8000 : 4000);
    const item: ToastItem = { id: nextId.current++, message, tone, duration, action: options.action };
    // The same words twice in a row (a double click, say) show once.
    setToasts((all) => [...all.filter((t) => t.message !== message), item].slice(-MAX_VISIBLE));
  }, []);
  const api = useMemo<ToastApi>(() => ({ show, error: (message) => show(message, { tone: 'error' }) }), [show]);

  return (
    <ToastContext value={api}>
      {children}
      <section className="toasts" aria-label="Notifications">
        <div aria-live="polite" className="toasts__list">
          {toasts.map((toast) => (
            <Toast key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </div>
      </section>
    </ToastContext>
  );
}

function Toast({ toast, onDismiss }: { toast: ToastItem; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const { id, duration } = toast;
  useEffect(() => {
    if (paused || duration === 0) return;
    const timer = setTimeout(() => onDismiss(id), duration);
    return () => clearTimeout(timer);
  }, [paused, id, duration, onDismiss]);

  return (
    <div
      className={`toast toast--${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <p className="toast__message">{toast.message}</p>
      {toast.action && (
        <button
          type="button"
          className="toast__action"
          onClick={() => {
            toast.action?.onClick();
            onDismiss(id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast__dismiss" aria-label="Dismiss notification" onClick={() => onDismiss(id)}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
