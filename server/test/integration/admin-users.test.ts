/** The admin panel's user routes through HTTP (02-http-api §2.10 routes 41–45). */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencyUserAccountAssociation, datapoint, spreadsheet, userAccount } from '../../src/db/schema.ts';
import { countRows, tokenFromEmail } from '../support/given-auth.ts';
import {
  givenAgency,
  givenMembership,
  givenSuperagencyWithChild,
  givenUser,
  signIn,
  type UserRow,
} from '../support/given.ts';
import { givenRecordWithValues } from '../support/given-public-data.ts';
import { testFile } from '../support/test-file.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t, requestAs } = await testFile();
const staff = await givenUser(t.database.db, { isPlatformAdmin: true, name: 'Sam Staff' });

type Method = 'GET' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, payload?: object, as: UserRow | null = staff) =>
  requestAs(as, { method, url, payload });

const agencyIdsOf = async (userId: number) =>
  (
    await t.database.db
      .select({ id: agencyUserAccountAssociation.agencyId })
      .from(agencyUserAccountAssociation)
      .where(eq(agencyUserAccountAssociation.userAccountId, userId))
      .orderBy(agencyUserAccountAssociation.agencyId)
  ).map((row) => row.id);
const usersWith = (email: string) => countRows(t.database.db, sql`select 1 from ${userAccount} where email = ${email}`);

describe('who may call the admin user routes', () => {
  it('refuses a signed-out caller with 401 and an agency admin with 403', async () => {
    const agency = await givenAgency(t.database.db);
    const admin = await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN' });
    expect(
      (await expectNoWrites(t.database.db, () => call('GET', '/admin/user/overview', undefined, null))).statusCode,
    ).toBe(401);
    const refused = await expectNoWrites(t.database.db, () => call('GET', '/admin/user/overview', undefined, admin));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    const email = `refused-${agency.id}@example.test`;
    const write = await expectNoWrites(t.database.db, () =>
      call('PUT', '/admin/user', { users: [{ name: 'X', email, agency_ids: [] }] }, admin),
    );
    expect(write.statusCode).toBe(403);
    expect(await usersWith(email)).toBe(0);
  });

  it('needs the CSRF token on writes', async () => {
    const { cookie } = await signIn(t.app, t.database.db, staff);
    const res = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'PUT',
        url: '/admin/user',
        headers: { cookie },
        payload: { users: [{ name: 'No Token', email: 'no-token@example.test', agency_ids: [] }] },
      }),
    );
    expect(res.statusCode).toBe(403);
    expect(await usersWith('no-token@example.test')).toBe(0);
  });
});

describe('GET /admin/user/overview and /admin/user/:id', () => {
  it('lists every user and shows one with their agencies', async () => {
    const agency = await givenAgency(t.database.db, { name: 'Overview Agency' });
    const user = await givenUser(t.database.db, { agency, name: 'Olive Overview' });
    const list = await call('GET', '/admin/user/overview');
    expect(list.statusCode).toBe(200);
    expect(list.json().users).toContainEqual({
      id: user.id,
      auth0_user_id: null,
      name: 'Olive Overview',
      email: user.email,
      is_platform_admin: false,
    });
    const one = await call('GET', `/admin/user/${user.id}`);
    expect(one.json()).toMatchObject({ id: user.id, agencies: [{ id: agency.id, name: 'Overview Agency', team: [] }] });
    const agencies = await call('GET', `/admin/user/${user.id}/agencies`);
    expect(agencies.json().agencies.map((a: { id: number }) => a.id)).toEqual([agency.id]);
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    expect((await expectNoWrites(t.database.db, () => call('GET', '/admin/user/999999'))).statusCode).toBe(404);
    expect((await expectNoWrites(t.database.db, () => call('GET', '/admin/user/999999/agencies'))).statusCode).toBe(
      404,
    );
    const bad = await expectNoWrites(t.database.db, () => call('GET', '/admin/user/abc'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('params.anyUserId');
  });
});

describe('PUT /admin/user', () => {
  it('creates a user in the listed agencies and the children of a listed superagency, and invites them', async () => {
    const { superagency: parent, child } = await givenSuperagencyWithChild(t.database.db, { sectors: ['PRISONS'] });
    const other = await givenAgency(t.database.db);
    const email = `created-${parent.id}@example.test`;
    const res = await call('PUT', '/admin/user', {
      users: [{ name: ' Cora Created ', email: email.toUpperCase(), agency_ids: [parent.id, other.id] }],
    });
    expect(res.statusCode).toBe(200);
    const [created] = res.json().users;
    expect(created).toMatchObject({ name: 'Cora Created', email, is_platform_admin: false });
    expect(await agencyIdsOf(created.id)).toEqual([parent.id, child.id, other.id].sort((a, b) => a - b));
    const [membership] = await t.database.db
      .select()
      .from(agencyUserAccountAssociation)
      .where(eq(agencyUserAccountAssociation.userAccountId, created.id))
      .limit(1);
    expect(membership).toMatchObject({ role: 'AGENCY_ADMIN', invitationStatus: 'PENDING' });
    expect(tokenFromEmail(t.mailer.sent, email, 'accept-invite')).toMatch(/^[\w-]{40,}$/);
    expect(t.mailer.sent.at(-1)!.text).toContain('Sam Staff has invited you');
  });

  it('keeps a created user whose invitation could not be sent, marks it ERRORED and says so', async () => {
    const agency = await givenAgency(t.database.db);
    const email = `bounce-${agency.id}@example.test`;
    const send = t.mailer.send;
    t.mailer.send = async () => {
      throw new Error('mail server refused');
    };
    try {
      const res = await call('PUT', '/admin/user', { users: [{ name: 'Bo', email, agency_ids: [agency.id] }] });
      expect(res.statusCode).toBe(502);
      expect(res.json()).toMatchObject({ code: 'email_failed', description: expect.stringContaining(email) });
    } finally {
      t.mailer.send = send;
    }
    const [row] = await t.database.db
      .select({ status: agencyUserAccountAssociation.invitationStatus })
      .from(agencyUserAccountAssociation)
      .innerJoin(userAccount, eq(userAccount.id, agencyUserAccountAssociation.userAccountId))
      .where(eq(userAccount.email, email));
    expect(row).toEqual({ status: 'ERRORED' });
  });

  it('sets the agencies of an existing user: adds new ones, removes unlisted ones, keeps roles', async () => {
    const kept = await givenAgency(t.database.db);
    const dropped = await givenAgency(t.database.db);
    const added = await givenAgency(t.database.db);
    const user = await givenUser(t.database.db, { agency: kept, role: 'READ_ONLY' });
    await givenMembership(t.database.db, user, dropped, 'CONTRIBUTOR');
    const res = await call('PUT', '/admin/user', {
      users: [{ user_account_id: user.id, name: 'Renamed', email: user.email, agency_ids: [kept.id, added.id] }],
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .users[0].agencies.map((a: { id: number }) => a.id)
        .sort(),
    ).toEqual([kept.id, added.id].sort());
    expect(await agencyIdsOf(user.id)).toEqual([kept.id, added.id].sort((a, b) => a - b));
    const roles = await t.database.db
      .select({ agencyId: agencyUserAccountAssociation.agencyId, role: agencyUserAccountAssociation.role })
      .from(agencyUserAccountAssociation)
      .where(eq(agencyUserAccountAssociation.userAccountId, user.id));
    expect(roles).toContainEqual({ agencyId: kept.id, role: 'READ_ONLY' });
    expect(roles).toContainEqual({ agencyId: added.id, role: 'AGENCY_ADMIN' });
    const [renamed] = await t.database.db.select().from(userAccount).where(eq(userAccount.id, user.id));
    expect(renamed!.name).toBe('Renamed');
  });

  it('refuses an email that already has an account with 409, writing nothing', async () => {
    const existing = await givenUser(t.database.db);
    const agency = await givenAgency(t.database.db);
    const fresh = `fresh-${agency.id}@example.test`;
    const res = await expectNoWrites(t.database.db, () =>
      call('PUT', '/admin/user', {
        users: [
          { name: 'Fresh', email: fresh, agency_ids: [agency.id] },
          { name: 'Twin', email: existing.email, agency_ids: [agency.id] },
        ],
      }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().description).toContain(`already exists (id ${existing.id})`);
    expect(await usersWith(fresh)).toBe(0);
  });

  it('answers 400 naming the field for bad input, writing nothing', async () => {
    const bad = await expectNoWrites(t.database.db, () =>
      call('PUT', '/admin/user', {
        users: [{ name: '', email: 'nobody@example.test', agency_ids: [] }],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { field: string }) => d.field)).toEqual(['body.users.0.name']);
    const email = await call('PUT', '/admin/user', { users: [{ name: 'N', email: 'not-an-email', agency_ids: [] }] });
    expect(email.json().details[0].field).toBe('body.users.0.email');
    const ids = await call('PUT', '/admin/user', {
      users: [{ name: 'N', email: 'n@example.test', agency_ids: ['1'] }],
    });
    expect(ids.json().details[0].field).toBe('body.users.0.agency_ids.0');
    expect((await expectNoWrites(t.database.db, () => call('PUT', '/admin/user', { users: [] }))).statusCode).toBe(400);
    expect(await usersWith('nobody@example.test')).toBe(0);
    expect(await usersWith('n@example.test')).toBe(0);
  });

  it('refuses to change an email, and answers 404 for an unknown user or agency', async () => {
    const user = await givenUser(t.database.db);
    const moved = await expectNoWrites(t.database.db, () =>
      call('PUT', '/admin/user', {
        users: [{ user_account_id: user.id, name: 'N', email: 'moved@example.test', agency_ids: [] }],
      }),
    );
    expect(moved.statusCode).toBe(400);
    expect(moved.json().details[0].field).toBe('users.0.email');
    const unknownUser = await expectNoWrites(t.database.db, () =>
      call('PUT', '/admin/user', {
        users: [{ user_account_id: 999999, name: 'N', email: 'ghost@example.test', agency_ids: [] }],
      }),
    );
    expect(unknownUser.statusCode).toBe(404);
    const unknownAgency = await expectNoWrites(t.database.db, () =>
      call('PUT', '/admin/user', {
        users: [{ name: 'N', email: 'lost@example.test', agency_ids: [999999] }],
      }),
    );
    expect(unknownAgency.statusCode).toBe(404);
    expect(await usersWith('lost@example.test')).toBe(0);
  });
});

describe('DELETE /admin/user/:id', () => {
  it('deletes the user and their memberships, keeping their uploads and values without their name', async () => {
    const agency = await givenAgency(t.database.db);
    const user = await givenUser(t.database.db, { agency });
    await t.database.db
      .update(userAccount)
      .set({ auth0UserId: `auth0|${user.id}` })
      .where(eq(userAccount.id, user.id));
    const [upload] = await t.database.db
      .insert(spreadsheet)
      .values({
        originalName: 'a.csv',
        standardizedName: `a-${user.id}.csv`,
        agencyId: agency.id,
        system: 'LAW_ENFORCEMENT',
        status: 'UPLOADED',
        uploadedBy: `auth0|${user.id}`,
        uploadedByUserId: user.id,
      })
      .returning();
    const record = await givenRecordWithValues(t.database.db, agency, {}, [
      { metric: 'LAW_ENFORCEMENT_ARRESTS', value: '5' },
    ]);
    await t.database.db.update(datapoint).set({ createdBy: user.id }).where(eq(datapoint.reportId, record.id));
    const res = await call('DELETE', `/admin/user/${user.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, agencies: [{ id: agency.id }] });
    expect(await usersWith(user.email!)).toBe(0);
    expect(await agencyIdsOf(user.id)).toEqual([]);
    const [kept] = await t.database.db.select().from(spreadsheet).where(eq(spreadsheet.id, upload!.id));
    expect(kept).toMatchObject({ uploadedBy: null, uploadedByUserId: null });
    const values = await t.database.db.select().from(datapoint).where(eq(datapoint.reportId, record.id));
    expect(values).toMatchObject([{ value: '5', createdBy: null }]);
    expect((await expectNoWrites(t.database.db, () => call('DELETE', `/admin/user/${user.id}`))).statusCode).toBe(404);
  });

  it('refuses to delete your own account', async () => {
    const res = await expectNoWrites(t.database.db, () => call('DELETE', `/admin/user/${staff.id}`));
    expect(res.statusCode).toBe(409);
    expect(await usersWith(staff.email!)).toBe(1);
  });
});
