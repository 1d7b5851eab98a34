/**
 * Segment's browser library, loaded by analytics.ts only when analytics is on. Its settings and
 * events go to the addresses the server gave (Segment's own in production, a stand-in in tests),
 * and every event passes through withoutPersonalData first.
 */
import { AnalyticsBrowser } from '@segment/analytics-next';
import { withoutPersonalData, type AnalyticsEventLike } from '../rules/analytics-privacy.ts';
import type { Segment } from './analytics.ts';
import type { Analytics } from './session.ts';

/**
 * The library's handle is itself a promise (of the loaded library), so it is wrapped: returned
 * from a `then` as is, it would be awaited and replaced by what it resolves to.
 */
export function loadSegment(config: Analytics): Segment {
  const api = new URL(config.apiUrl);
  const segment = AnalyticsBrowser.load(
    { writeKey: config.writeKey, cdnURL: config.cdnUrl },
    {
      integrations: {
        'Segment.io': { apiHost: `${api.host}${api.pathname}`, protocol: api.protocol === 'http:' ? 'http' : 'https' },
      },
    },
  );
  void segment.addSourceMiddleware(({ payload, next }) => {
    payload.obj = withoutPersonalData(payload.obj as AnalyticsEventLike) as typeof payload.obj;
    next(payload);
  });
  return {
    identify: (userId) => segment.identify(userId),
    page: () => segment.page(),
    track: (action, properties) => segment.track(action, properties),
  };
}
