import { describe, expect, it } from 'vitest';
import { withoutPersonalData } from './analytics-privacy.ts';

describe('withoutPersonalData', () => {
  it('drops query strings, search, referrer and the address from a page view', () => {
    const page = {
      url: 'https://publisher.test/accept-invite?token=secret#x',
      path: '/accept-invite',
      search: '?token=secret',
      referrer: 'https://mail.example.test/inbox?id=9',
      title: 'Publisher',
    };
    const event = withoutPersonalData({ type: 'page', properties: { ...page }, context: { page, ip: '10.1.2.3' } });
    const clean = {
      url: 'https://publisher.test/accept-invite',
      path: '/accept-invite',
      search: '',
      referrer: '',
      title: 'Publisher',
    };
    expect(event).toEqual({ type: 'page', properties: clean, context: { page: clean, ip: '0.0.0.0' } });
  });

  it('keeps a tracked event’s own properties', () => {
    const event = withoutPersonalData({ type: 'track', properties: { agency_id: 4 }, context: {} });
    expect(event).toEqual({ type: 'track', properties: { agency_id: 4 }, context: { ip: '0.0.0.0' } });
  });
});
