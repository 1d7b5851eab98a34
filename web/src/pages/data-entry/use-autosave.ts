/**
 * Autosave for the data-entry form. Each metric has its own 1.5-second debounce, so edits to two
 * metrics are both saved; saves go to the server one at a time, each carrying the version the
 * previous answer gave (`time_loaded`), so the server can refuse a save based on a version someone
 * else has since changed. After such a refusal nothing more is sent until the page is reloaded.
 * `hasPending()` tells the form whether anything typed is still waiting or on its way, so it can
 * flush before the person leaves the page.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { messageFor } from '../../api/errors.ts';
import type { ReportMetricUpdate, ReportOverview } from '@jc/server/contract';
import { saveReport } from '../../api/reports.ts';

export const AUTOSAVE_DELAY_MS = 1500;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; message: string };

export interface AutosaveOptions {
  reportId: number;
  /** `last_modified_at_timestamp` of the version the form was loaded from (0 if never modified). */
  loadedVersion: number;
  /**
   * What to send for one metric as the form stands now, and what to remember once it is saved;
   * null when there is nothing to send (no change, or a value that is not a number yet).
   */
  updateFor: (metricKey: string) => { update: ReportMetricUpdate; commit: () => void } | null;
  onSaved: (overview: ReportOverview) => void;
}

export function useAutosave({ reportId, loadedVersion, updateFor, onSaved }: AutosaveOptions) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const version = useRef(loadedVersion);
  const conflicted = useRef(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const inFlight = useRef(0);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const latest = useRef({ updateFor, onSaved });
  useLayoutEffect(() => {
    latest.current = { updateFor, onSaved };
  });

  const send = useCallback(
    async (metricKey: string) => {
      if (conflicted.current) return;
      const pending = latest.current.updateFor(metricKey);
      if (!pending) return;
      setState({ kind: 'saving' });
      try {
        const body = { status: 'DRAFT' as const, time_loaded: version.current, metrics: [pending.update] };
        const overview = await saveReport(reportId, body);
        pending.commit();
        version.current = overview.last_modified_at_timestamp ?? version.current;
        latest.current.onSaved(overview);
        setState({ kind: 'saved' });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'version_conflict') {
          conflicted.current = true;
          setState({ kind: 'conflict', message: messageFor(error) });
        } else {
          setState({ kind: 'failed', message: messageFor(error) });
        }
      }
    },
    [reportId],
  );

  const enqueue = useCallback(
    (metricKey: string) => {
      timers.current.delete(metricKey);
      inFlight.current += 1;
      queue.current = queue.current.then(() => send(metricKey)).finally(() => (inFlight.current -= 1));
      return queue.current;
    },
    [send],
  );

  /** Saves `metricKey` once the person has stopped typing in it for a moment. */
  const schedule = useCallback(
    (metricKey: string) => {
      clearTimeout(timers.current.get(metricKey));
      timers.current.set(
        metricKey,
        setTimeout(() => void enqueue(metricKey), AUTOSAVE_DELAY_MS),
      );
    },
    [enqueue],
  );

  /** Saves everything still waiting now; resolves when every save has been answered. */
  const flush = useCallback(async () => {
    const waiting = [...timers.current.keys()];
    for (const key of waiting) clearTimeout(timers.current.get(key));
    for (const key of waiting) void enqueue(key);
    await queue.current;
  }, [enqueue]);

  /** True while a change waits for its debounce or a save has not been answered yet. */
  const hasPending = useCallback(() => timers.current.size > 0 || inFlight.current > 0, []);

  /** The version to send with a save made outside the form (unpublishing). */
  const currentVersion = useCallback(() => version.current, []);
  const adoptVersion = useCallback((overview: ReportOverview) => {
    version.current = overview.last_modified_at_timestamp ?? version.current;
  }, []);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return {
    state,
    schedule,
    flush,
    hasPending,
    currentVersion,
    adoptVersion,
    isLocked: state.kind === 'conflict',
  };
}
