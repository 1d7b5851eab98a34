/**
 * A superagency's member who also has a row in a child agency: the stronger of the two roles
 * applies, on direct edits and on superagency uploads alike, so a child agency's admin lowering
 * that row changes neither.
 */
import { describe, expect, it } from 'vitest';
import { givenMembership, givenUser, signIn } from '../support/given.ts';
import { givenReport, patchReport } from '../support/given-reports.ts';
import { generatedWorkbook, givenChild, givenUploader, reportsOf, uploadOk } from '../support/given-uploads.ts';
import { testFile } from '../support/test-file.ts';

const { t } = await testFile();

describe('superagency role precedence', () => {
  it('a child admin demoting the superagency admin in the child changes neither direct edits nor uploads', async () => {
    const superagency = await givenUploader(t, {
      name: 'Precedence Superagency',
      systems: ['PRISONS', 'SUPERAGENCY'],
      isSuperagency: true,
    });
    const db = t.database.db;
    const child = await givenChild(db, superagency.agency, 'Precedence Child Prison');
    await givenMembership(db, superagency.user, child, 'AGENCY_ADMIN');
    const childAdmin = await givenUser(db, { agency: child, role: 'AGENCY_ADMIN' });

    const demoted = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${child.id}/users`,
      headers: await signIn(t.app, db, childAdmin),
      payload: { email: superagency.user.email, role: 'READ_ONLY' },
    });
    expect(demoted.statusCode).toBe(200);

    const headers = await signIn(t.app, db, superagency.user);
    const record = await givenReport(db, child);
    const edit = await patchReport(t, headers, record.id, {
      status: 'DRAFT',
      time_loaded: t.clock.now().getTime() / 1000,
      metrics: [],
    });
    expect(edit.statusCode, edit.body).toBe(200);

    const content = await generatedWorkbook('PRISONS', { children: [child.name] });
    await uploadOk(t, headers, { agencyId: superagency.agency.id, system: 'PRISONS', fileName: 'child.xlsx', content });
    expect((await reportsOf(db, child.id)).length).toBeGreaterThan(1);

    const init = await t.app.inject({ method: 'GET', url: '/api/init', headers: { cookie: headers.cookie } });
    const inChild = init.json().user.agencies.find((a: { id: number }) => a.id === child.id);
    expect(inChild?.role, 'the web app is told the role that applies').toBe('AGENCY_ADMIN');
  });

  it('a weaker superagency role does not lower a stronger role in the child', async () => {
    const superagency = await givenUploader(
      t,
      { name: 'Reader Superagency', systems: ['PRISONS', 'SUPERAGENCY'], isSuperagency: true },
      'READ_ONLY',
    );
    const child = await givenChild(t.database.db, superagency.agency, 'Edited Child Prison');
    await givenMembership(t.database.db, superagency.user, child, 'CONTRIBUTOR');
    const record = await givenReport(t.database.db, child);
    const edit = await patchReport(t, superagency.headers, record.id, {
      status: 'DRAFT',
      time_loaded: t.clock.now().getTime() / 1000,
      metrics: [],
    });
    expect(edit.statusCode, edit.body).toBe(200);
  });
});
