/**
 * Keeps typed values from being lost when the person leaves a record. Every way out inside the
 * app (header links, the agency switcher, Back and Forward, the form's own buttons) first waits for
 * the saves still pending; if something still cannot be saved (not a number, a failed save, a
 * conflict) the person is asked whether to leave without it. Closing or reloading the tab while a
 * save is pending starts it at once and asks the browser's own "Leave site?" question.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';

export interface LeaveGuardOptions {
  /** A change is waiting for its debounce or a save is on its way. */
  hasPending: () => boolean;
  /** Something typed differs from what the server has (once pending saves are answered). */
  hasUnsaved: () => boolean;
  /** Sends every pending change now; resolves once all are answered. */
  flush: () => Promise<void>;
}

export function useLeaveGuard(options: LeaveGuardOptions) {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const mustWait = () => latest.current.hasPending() || latest.current.hasUnsaved();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    const leaving = currentLocation.pathname !== nextLocation.pathname;
    return leaving && mustWait();
  });
  const [asking, setAsking] = useState(false);

  const { state, proceed } = blocker;
  useEffect(() => {
    if (state !== 'blocked') return;
    let current = true;
    void latest.current.flush().then(() => {
      if (!current) return;
      if (latest.current.hasUnsaved()) setAsking(true);
      else proceed?.();
    });
    return () => {
      current = false;
    };
  }, [state, proceed]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!latest.current.hasPending() && !latest.current.hasUnsaved()) return;
      void latest.current.flush();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return {
    /** The person tried to leave with values that could not be saved: ask them. */
    asking,
    stay: () => {
      setAsking(false);
      blocker.reset?.();
    },
    leave: () => {
      setAsking(false);
      blocker.proceed?.();
    },
  };
}
