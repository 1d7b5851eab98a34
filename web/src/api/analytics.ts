/**
 * Analytics, only when the operator set SEGMENT_KEY: page views and a few key actions go to Segment
 * with the person as an opaque id. Without the key the library is never downloaded (it is its own
 * chunk) and every call here does nothing.
 */
import type { Analytics } from './session.ts';

/** The actions worth counting; their properties never name a person. */
export type TrackedAction = 'Record Saved' | 'Record Published' | 'Records Published' | 'Upload Finished';

/** What this app asks of Segment's library. */
export interface Segment {
  identify(userId: string): unknown;
  page(): unknown;
  track(action: string, properties: Record<string, unknown>): unknown;
}

let segment: Promise<Segment> | null = null;
let identified: string | null = null;

/** Loads the library once; names the person again whenever someone else signs in. */
export function startAnalytics(config: Analytics | null): void {
  if (config === null) return;
  const loading = (segment ??= import('./segment.ts').then(({ loadSegment }) => loadSegment(config)));
  const { userId } = config;
  if (userId !== null && userId !== identified) {
    identified = userId;
    void loading.then((loaded) => loaded.identify(userId));
  }
}

export function trackPage(): void {
  void segment?.then((loaded) => loaded.page());
}

export function track(action: TrackedAction, properties: Record<string, number | string> = {}): void {
  void segment?.then((loaded) => loaded.track(action, properties));
}
