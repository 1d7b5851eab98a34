import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencyUserAccountAssociation, userAccount } from '../../src/db/schema.ts';
import { tokenFromEmail } from '../support/given-auth.ts';
import { givenAgency, givenMembership, givenUser, signIn, storedMembership, type UserRow } from '../support/given.ts';
import { testFile } from '../support/test-file.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

const as = async (user: UserRow) => signIn(t.app, t.database.db, user);
const userRow = async (user: UserRow) =>
  (await t.database.db.select().from(userAccount).where(eq(userAccount.id, user.id)))[0]!;
const membership = async (user: UserRow, agency: AgencyRow) => (await storedMembership(t.database.db, agency, user))!;

describe('PUT /api/user_dropdown', () => {
  it('returns the user and agency labels from the session, accepting pending invitations', async () => {
    const agency = await givenAgency(t.database.db, { name: 'Agency Alpha', stateCode: 'us_xx' });
    const user = await givenUser(t.database.db);
    await t.database.db
      .insert(agencyUserAccountAssociation)
      .values({ agencyId: agency.id, userAccountId: user.id, role: 'CONTRIBUTOR', invitationStatus: 'PENDING' });
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/user_dropdown',
      headers: await as(user),
      payload: { name: 'Someone Else', email: 'someone-else@example.test', email_verified: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      agency_id_to_dropdown_names: [{ agency_id: agency.id, dropdown_name: 'Agency Alpha (XX)' }],
      user_id: user.id,
    });
    expect((await membership(user, agency)).invitationStatus).toBe('ACCEPTED');
    expect(await userRow(user)).toMatchObject({ name: user.name, email: user.email });
  });
});

describe('PATCH /api/users', () => {
  const patch = async (user: UserRow, payload: object) =>
    t.app.inject({ method: 'PATCH', url: '/api/users', headers: await as(user), payload });

  it('renames at once and changes the email only once the new address confirms', async () => {
    const user = await givenUser(t.database.db);
    const newEmail = `renamed-${user.id}@example.test`;
    const res = await patch(user, { name: 'Renamed Person', email: newEmail.toUpperCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', status_code: 200, email_confirmation_sent_to: newEmail });
    expect(await userRow(user)).toMatchObject({ name: 'Renamed Person', email: user.email });

    const token = tokenFromEmail(t.mailer.sent, newEmail, 'verify-email');
    const confirm = await t.app.inject({ method: 'POST', url: '/auth/verify-email', payload: { token } });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toEqual({ email: newEmail });
    expect((await userRow(user)).email).toBe(newEmail);

    const again = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'POST', url: '/auth/verify-email', payload: { token } }),
    );
    expect(again.statusCode).toBe(400);
    expect(again.json().description).toContain('this email confirmation link has already been used');
  });

  it('refuses a wrong CSRF token with 403 and changes nothing', async () => {
    const user = await givenUser(t.database.db);
    const { cookie, 'x-csrf-token': csrf } = await as(user);
    const forged = `${csrf.split('.')[0]}.not-the-signature`;
    const res = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/users',
        headers: { cookie, 'x-csrf-token': forged },
        payload: { name: 'Changed By Someone Else' },
      }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_invalid', description: 'The CSRF token is invalid.' });
    expect((await userRow(user)).name).toBe(user.name);
  });

  it('treats nulls as "unchanged", as the reference client sends them', async () => {
    const user = await givenUser(t.database.db);
    const res = await patch(user, { name: null, email: null });
    expect(res.json()).toEqual({ status: 'ok', status_code: 200, email_confirmation_sent_to: null });
    expect(await userRow(user)).toMatchObject({ name: user.name, email: user.email });
  });

  it('refuses a malformed email or one another account uses, changing nothing', async () => {
    const user = await givenUser(t.database.db);
    const other = await givenUser(t.database.db);
    const sent = t.mailer.sent.length;
    const malformed = await expectNoWrites(t.database.db, () =>
      patch(user, { name: 'New Name', email: 'not an email' }),
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().description).toContain('email');
    const taken = await expectNoWrites(t.database.db, () => patch(user, { email: other.email }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().description).toBe(`The email ${other.email} is already used by another account.`);
    expect(await userRow(user)).toMatchObject({ name: user.name, email: user.email });
    expect(t.mailer.sent.length).toBe(sent);
  });
});

describe('PUT /api/:userId/:agencyId/page_visit', () => {
  it('records the visit of the caller only', async () => {
    const agency = await givenAgency(t.database.db);
    const user = await givenUser(t.database.db, { agency, role: 'READ_ONLY' });
    const colleague = await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN' });
    const own = await t.app.inject({
      method: 'PUT',
      url: `/api/${user.id}/${agency.id}/page_visit`,
      headers: await as(user),
    });
    expect(own.statusCode).toBe(200);
    expect((await membership(user, agency)).lastVisit).toBeInstanceOf(Date);

    const theirs = await expectNoWrites(t.database.db, async () =>
      t.app.inject({
        method: 'PUT',
        url: `/api/${colleague.id}/${agency.id}/page_visit`,
        headers: await as(user),
      }),
    );
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().description).toBe(`You can only change your own page visits (you are user ${user.id}).`);
    expect((await membership(colleague, agency)).lastVisit).toBeNull();
  });
});

describe('PUT /api/agency/:agencyId/subscription/:userId', () => {
  const subscribe = async (agency: AgencyRow, user: UserRow, caller: UserRow | null, payload: object) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/agency/${agency.id}/subscription/${user.id}`,
      headers: caller ? await as(caller) : {},
      payload,
    });

  it('stores the caller own choice', async () => {
    const agency = await givenAgency(t.database.db);
    const user = await givenUser(t.database.db, { agency, role: 'READ_ONLY' });
    const res = await subscribe(agency, user, user, { is_subscribed: true, days_after_time_period_to_send_email: 12 });
    expect(res.statusCode).toBe(200);
    expect(await membership(user, agency)).toMatchObject({ subscribed: true, daysAfterTimePeriodToSendEmail: 12 });
  });

  it('refuses the signed out, other users and negative days, changing nothing', async () => {
    const agency = await givenAgency(t.database.db);
    const user = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    const other = await givenUser(t.database.db);
    await givenMembership(t.database.db, other, agency, 'AGENCY_ADMIN');
    expect(
      (await expectNoWrites(t.database.db, () => subscribe(agency, user, null, { is_subscribed: true }))).statusCode,
    ).toBe(401);
    expect(
      (await expectNoWrites(t.database.db, () => subscribe(agency, user, other, { is_subscribed: true }))).statusCode,
    ).toBe(403);
    const negative = await expectNoWrites(t.database.db, () =>
      subscribe(agency, user, user, {
        is_subscribed: true,
        days_after_time_period_to_send_email: -1,
      }),
    );
    expect(negative.statusCode).toBe(400);
    expect(negative.json().description).toContain('negative_days_after_time_period_to_send_email');
    expect(await membership(user, agency)).toMatchObject({ subscribed: false, daysAfterTimePeriodToSendEmail: null });
  });
});
