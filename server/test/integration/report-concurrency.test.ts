/**
 * No lost updates: a save based on a version someone else has since changed is refused with 409
 * version_conflict, including when two saves of the same version race each other. On PostgreSQL
 * the two requests run on separate connections; the record's row lock decides the winner.
 */
import { describe, expect, it } from 'vitest';
import { givenAgency } from '../support/given.ts';
import {
  arrests,
  bulkBody,
  datapointsOf,
  getJson,
  givenReport,
  givenSignedIn,
  historyOf,
  patchReport,
  reportById,
  type Signed,
} from '../support/given-reports.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, db } = await testFile();

async function twoEditors(): Promise<[Signed, Signed]> {
  const agency = await givenAgency(db());
  return [
    await givenSignedIn(t, { agency, role: 'CONTRIBUTOR' }),
    await givenSignedIn(t, { agency, role: 'CONTRIBUTOR' }),
  ];
}

async function loadedVersion(who: Signed, reportId: number): Promise<number> {
  const page = await getJson(t, who.headers, `/api/reports/${reportId}`);
  return page.json().last_modified_at_timestamp ?? 0;
}

describe('PATCH /api/reports/:reportId with time_loaded', () => {
  it('lets exactly one of two simultaneous saves of the same version win', async () => {
    for (const lastModifiedAt of [t.clock.now(), null]) {
      const [alice, bob] = await twoEditors();
      const record = await givenReport(db(), alice.agency, { lastModifiedAt });
      const loaded = await loadedVersion(alice, record.id);
      const results = await Promise.all([
        patchReport(t, alice.headers, record.id, { status: 'DRAFT', time_loaded: loaded, metrics: [arrests(1)] }),
        patchReport(t, bob.headers, record.id, { status: 'DRAFT', time_loaded: loaded, metrics: [arrests(2)] }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const winner = results[0]!.statusCode === 200 ? { who: alice, value: '1' } : { who: bob, value: '2' };
      const loser = results.find((r) => r.statusCode === 409)!;
      expect(loser.json()).toMatchObject({
        code: 'version_conflict',
        description: expect.stringContaining('Someone else has edited this record since you opened it'),
      });
      expect((await datapointsOf(db(), record.id)).map((d) => d.value)).toEqual([winner.value]);
      expect(await historyOf(db(), record.id)).toEqual([]);
      expect((await reportById(db(), record.id))!.modifiedBy).toEqual([winner.who.user.id]);
    }
  });

  it('refuses a stale save after someone else saved, naming them; a reload then saves', async () => {
    const [alice, bob] = await twoEditors();
    const record = await givenReport(db(), alice.agency, { lastModifiedAt: t.clock.now() });
    const aliceLoaded = await loadedVersion(alice, record.id);
    const saved = await patchReport(t, bob.headers, record.id, {
      status: 'DRAFT',
      time_loaded: await loadedVersion(bob, record.id),
      metrics: [arrests(5)],
    });
    expect(saved.statusCode).toBe(200);
    const stale = await expectNoWrites(db(), () =>
      patchReport(t, alice.headers, record.id, {
        status: 'DRAFT',
        time_loaded: aliceLoaded,
        metrics: [arrests(6)],
      }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().description).toContain(`last saved by ${bob.user.name}`);
    expect((await datapointsOf(db(), record.id)).map((d) => d.value)).toEqual(['5']);

    const reloaded = await loadedVersion(alice, record.id);
    expect(reloaded).toBe(saved.json().last_modified_at_timestamp);
    const fresh = await patchReport(t, alice.headers, record.id, {
      status: 'DRAFT',
      time_loaded: reloaded,
      metrics: [arrests(6)],
    });
    expect(fresh.statusCode).toBe(200);
    expect((await datapointsOf(db(), record.id)).map((d) => d.value)).toEqual(['6']);
  });

  it('tells a person whose own other tab saved first that it was them, not someone else', async () => {
    const [alice] = await twoEditors();
    const record = await givenReport(db(), alice.agency, { lastModifiedAt: t.clock.now() });
    const save = (version: number, value: number) =>
      patchReport(t, alice.headers, record.id, { status: 'DRAFT', time_loaded: version, metrics: [arrests(value)] });
    const firstTab = await loadedVersion(alice, record.id);
    expect((await save(await loadedVersion(alice, record.id), 7)).statusCode).toBe(200);
    const stale = await expectNoWrites(db(), () => save(firstTab, 8));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().description).toContain('You changed this record in another tab or window');
    expect(stale.json().description).not.toContain('Someone else');
    expect((await datapointsOf(db(), record.id)).map((d) => d.value)).toEqual(['7']);
  });

  it("treats a bulk status change as a new version too, so an open form can't overwrite it unseen", async () => {
    const [alice, bob] = await twoEditors();
    const record = await givenReport(db(), alice.agency, { status: 'DRAFT', lastModifiedAt: t.clock.now() });
    const loaded = await loadedVersion(alice, record.id);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/reports',
      headers: bob.headers,
      payload: await bulkBody(db(), alice.agency.id, [record.id], { status: 'PUBLISHED' }),
    });
    const res = await expectNoWrites(db(), () =>
      patchReport(t, alice.headers, record.id, { status: 'DRAFT', time_loaded: loaded, metrics: [] }),
    );
    expect(res.statusCode).toBe(409);
    expect((await reportById(db(), record.id))!.status).toBe('PUBLISHED');
  });
});
