/**
 * What the fuzz test (fuzz.test.ts) found, one focused test each, so each stays fixed even if the
 * fuzzer's seed or generators change.
 */
import { describe, expect, it } from 'vitest';
import { givenAgency, givenUser, signIn } from '../support/given.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();
const agency = await givenAgency(t.database.db);
const member = await signIn(t.app, t.database.db, await givenUser(t.database.db, { agency, role: 'READ_ONLY' }));

describe('an agency id beyond what an id column holds (above 2147483647) in the path', () => {
  // The permission gate looked the agency up before validation and the query failed (500).
  it.each([
    ['GET', '/api/agencies/2147483648/datapoints', 'params.agencyId'],
    ['PATCH', '/api/agencies/4294967296', 'params.agencyId'],
    ['PUT', `/api/USER/9999999999/page_visit`, 'params.agencyId'],
  ])('%s %s: 400 naming %s', async (method, url, field) => {
    const user = await givenUser(t.database.db, { agency, role: 'READ_ONLY' });
    const res = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: method as 'GET',
        url: url.replace('USER', String(user.id)),
        headers: member,
        payload: method === 'GET' ? undefined : {},
      }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details).toContainEqual({ field, message: expect.any(String) });
  });

  it('the largest id still reaches the gate, which answers 404 for an agency that does not exist', async () => {
    const res = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'GET', url: '/api/agencies/2147483647/datapoints', headers: member }),
    );
    expect(res.statusCode, res.body).toBe(404);
  });
});
