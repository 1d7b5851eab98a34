/**
 * A modal dialog on the native <dialog> element: the page behind it is inert, Tab cycles inside
 * it, Escape and the close button call onClose, and focus goes back to where it was on closing.
 */
import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface ModalProps {
  open: boolean;
  title: string;
  /** Called for Escape, the close button and a click on the backdrop; the parent sets open=false. */
  onClose: () => void;
  children: ReactNode;
  /** Buttons along the bottom, main action last. */
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** Set while saving, so an accidental Escape or backdrop click cannot drop the work. */
  preventClose?: boolean;
}

export function Modal(props: ModalProps) {
  return props.open ? <OpenModal {...props} /> : null;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null);
}

function OpenModal({ title, onClose, children, footer, size = 'md', preventClose = false }: ModalProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const returnFocusTo = document.activeElement;
    dialog.showModal();
    const first =
      dialog.querySelector<HTMLElement>('[autofocus], [data-autofocus]') ??
      (bodyRef.current && focusables(bodyRef.current)[0]) ??
      focusables(dialog)[0];
    first?.focus();
    return () => {
      dialog.close();
      if (returnFocusTo instanceof HTMLElement) returnFocusTo.focus();
    };
  }, []);

  const requestClose = () => {
    if (!preventClose) onClose();
  };

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const items = focusables(dialogRef.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className={`modal modal--${size}`}
      aria-labelledby={titleId}
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault();
        requestClose();
      }}
      onClick={(event) => {
        if (event.target === dialogRef.current) requestClose();
      }}
    >
      <div className="modal__panel">
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        <div ref={bodyRef} className="modal__body">
          {children}
        </div>
        {footer && <div className="modal__footer">{footer}</div>}
        <button
          type="button"
          className="modal__close"
          aria-label="Close"
          onClick={requestClose}
          disabled={preventClose}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </div>
    </dialog>
  );
}
