/**
 * What leaves for analytics: Segment adds the page's address, search, referrer and the visitor's
 * address to every event. Links in Publisher can carry secrets (an invitation or password-reset
 * token in the query) and referrers can name other sites, so both are dropped, and the IP is
 * replaced with 0.0.0.0, which tells Segment to record none.
 */

export interface AnalyticsPage {
  url?: string;
  search?: string;
  referrer?: string;
  [field: string]: unknown;
}

export interface AnalyticsEventLike {
  type?: string;
  properties?: Record<string, unknown>;
  context?: { page?: AnalyticsPage; ip?: string; [field: string]: unknown };
}

const withoutQuery = (url: unknown) => (typeof url === 'string' ? url.split(/[?#]/)[0] : url);

function cleanPage<T extends AnalyticsPage | Record<string, unknown>>(page: T): T {
  return { ...page, url: withoutQuery(page.url), search: '', referrer: '' };
}

export function withoutPersonalData<E extends AnalyticsEventLike>(event: E): E {
  const context = { ...event.context, ip: '0.0.0.0' };
  if (context.page) context.page = cleanPage(context.page);
  const properties = event.type === 'page' && event.properties ? cleanPage(event.properties) : event.properties;
  return { ...event, context, properties };
}
