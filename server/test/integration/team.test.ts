import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencyUserAccountAssociation, userAccount } from '../../src/db/schema.ts';
import type { AgencyRole } from '../../src/domain/actor.ts';
import { countRows, tokenFromEmail } from '../support/given-auth.ts';
import {
  givenAgency,
  givenMembership,
  givenSuperagencyWithChild,
  givenUser,
  signIn,
  type UserRow,
} from '../support/given.ts';
import { testFile } from '../support/test-file.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';
import { expectNoWrites } from '../support/expect-no-writes.ts';

const { t } = await testFile();

async function teamCall(method: 'POST' | 'PATCH' | 'DELETE', agency: AgencyRow, as: UserRow, payload: object) {
  return t.app.inject({
    method,
    url: `/api/agencies/${agency.id}/users`,
    headers: await signIn(t.app, t.database.db, as),
    payload,
  });
}
const invite = (agency: AgencyRow, as: UserRow, payload: Record<string, string>) =>
  teamCall('POST', agency, as, payload);

async function membershipsOf(email: string) {
  return t.database.db
    .select({
      agencyId: agencyUserAccountAssociation.agencyId,
      role: agencyUserAccountAssociation.role,
      status: agencyUserAccountAssociation.invitationStatus,
    })
    .from(agencyUserAccountAssociation)
    .innerJoin(userAccount, eq(userAccount.id, agencyUserAccountAssociation.userAccountId))
    .where(eq(userAccount.email, email))
    .orderBy(agencyUserAccountAssociation.agencyId);
}
const usersWith = (email: string) => countRows(t.database.db, sql`select 1 from ${userAccount} where email = ${email}`);

async function agencyWith(role: AgencyRole) {
  const agency = await givenAgency(t.database.db);
  return { agency, member: await givenUser(t.database.db, { agency, role }) };
}

describe('POST /api/agencies/:agencyId/users (invite)', () => {
  it('creates a pending member and emails a single-use link to the app', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const email = `new-${agency.id}@example.test`;
    const res = await invite(agency, admin, { invite_name: 'Nia New', invite_email: email.toUpperCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', status_code: 200 });
    expect(await membershipsOf(email)).toEqual([{ agencyId: agency.id, role: 'AGENCY_ADMIN', status: 'PENDING' }]);
    const message = t.mailer.sent.at(-1)!;
    expect(message).toMatchObject({ to: email, subject: expect.stringContaining(agency.name) });
    expect(message.text).toContain(`${t.config.publicUrl}/accept-invite?token=`);
    expect(tokenFromEmail(t.mailer.sent, email, 'accept-invite')).toMatch(/^[\w-]{40,}$/);
  });

  it('adds the invitee to the child agencies of a superagency', async () => {
    const { superagency: parent, child } = await givenSuperagencyWithChild(t.database.db, { sectors: ['PRISONS'] });
    const admin = await givenUser(t.database.db, { agency: parent, role: 'AGENCY_ADMIN' });
    const email = `super-${parent.id}@example.test`;
    expect((await invite(parent, admin, { invite_name: 'Sue', invite_email: email })).statusCode).toBe(200);
    expect((await membershipsOf(email)).map((m) => m.agencyId)).toEqual([parent.id, child.id]);
  });

  it('lets a contributor invite contributors but not admins', async () => {
    const { agency, member } = await agencyWith('CONTRIBUTOR');
    const email = `by-contributor-${agency.id}@example.test`;
    const refused = await expectNoWrites(t.database.db, () =>
      invite(agency, member, {
        invite_name: 'Al',
        invite_email: email,
        invite_role: 'AGENCY_ADMIN',
      }),
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().description).toContain('You cannot give the Agency admin role: you are Contributor');
    expect(await usersWith(email)).toBe(0);
    expect((await invite(agency, member, { invite_name: 'Al', invite_email: email })).statusCode).toBe(200);
    expect(await membershipsOf(email)).toEqual([{ agencyId: agency.id, role: 'CONTRIBUTOR', status: 'PENDING' }]);
  });

  it('invites with the role chosen: read-only from an admin, read-only from a contributor', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const contributor = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    for (const [as, email] of [
      [admin, `reader-by-admin-${agency.id}@example.test`],
      [contributor, `reader-by-contributor-${agency.id}@example.test`],
    ] as const) {
      const res = await invite(agency, as, {
        invite_name: 'Rae Reader',
        invite_email: email,
        invite_role: 'READ_ONLY',
      });
      expect(res.statusCode).toBe(200);
      expect(await membershipsOf(email)).toEqual([{ agencyId: agency.id, role: 'READ_ONLY', status: 'PENDING' }]);
    }
  });

  it('refuses a role that does not exist, naming the field, and writes nothing', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const email = `owner-${agency.id}@example.test`;
    for (const role of ['OWNER', 'JUSTICE_COUNTS_ADMIN', '']) {
      const res = await expectNoWrites(t.database.db, () =>
        invite(agency, admin, { invite_name: 'Ola', invite_email: email, invite_role: role }),
      );
      expect(res.statusCode, role).toBe(400);
      expect(res.json().details[0].field).toBe('body.invite_role');
    }
    expect(await usersWith(email)).toBe(0);
  });

  it('refuses read-only members (403) and outsiders (404), writing nothing', async () => {
    const { agency, member: reader } = await agencyWith('READ_ONLY');
    const { member: outsider } = await agencyWith('AGENCY_ADMIN');
    const email = `refused-${agency.id}@example.test`;
    const byReader = await expectNoWrites(t.database.db, () =>
      invite(agency, reader, { invite_name: 'X', invite_email: email }),
    );
    expect(byReader.statusCode).toBe(403);
    expect(byReader.json().description).toContain('team.invite');
    expect(
      (await expectNoWrites(t.database.db, () => invite(agency, outsider, { invite_name: 'X', invite_email: email })))
        .statusCode,
    ).toBe(404);
    expect(await usersWith(email)).toBe(0);
  });

  it('refuses a malformed email, naming it, and writes nothing', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const sent = t.mailer.sent.length;
    const res = await expectNoWrites(t.database.db, () =>
      invite(agency, admin, { invite_name: 'X', invite_email: 'x@@example' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().description).toContain('invite_email');
    expect(await usersWith('x@@example')).toBe(0);
    expect(t.mailer.sent.length).toBe(sent);
  });

  it('marks the invitation failed when the mail server refuses it, and sends it again on a new invite', async () => {
    const parent = await givenAgency(t.database.db, { isSuperagency: true });
    const child = await givenAgency(t.database.db, { superAgencyId: parent.id });
    const admin = await givenUser(t.database.db, { agency: parent, role: 'AGENCY_ADMIN' });
    const email = `bounce-${Date.now()}@example.test`;
    t.mailer.refused.add(email);
    const refused = await invite(parent, admin, { invite_name: 'Bo Bounce', invite_email: email });
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toMatchObject({ code: 'email_failed' });
    expect(refused.json().description).toContain(`the invitation email to ${email} could not be sent`);
    expect((await membershipsOf(email)).map((m) => [m.agencyId, m.status])).toEqual([
      [parent.id, 'ERRORED'],
      [child.id, 'ERRORED'],
    ]);

    t.mailer.refused.delete(email);
    expect((await invite(parent, admin, { invite_name: 'Bo Bounce', invite_email: email })).statusCode).toBe(200);
    expect((await membershipsOf(email)).map((m) => m.status)).toEqual(['PENDING', 'PENDING']);
    expect(tokenFromEmail(t.mailer.sent, email, 'accept-invite')).toMatch(/^[\w-]{40,}$/);
  });

  it('tells the inviter when the person already belongs to the agency', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const existing = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    const res = await expectNoWrites(t.database.db, () =>
      invite(agency, admin, { invite_name: 'Again', invite_email: existing.email! }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().description).toBe(`A user with the email ${existing.email} already belongs to this agency.`);
    expect(await membershipsOf(existing.email!)).toEqual([
      { agencyId: agency.id, role: 'CONTRIBUTOR', status: 'ACCEPTED' },
    ]);
  });

  it('sends a fresh link to a pending member, retiring the old one', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const email = `twice-${agency.id}@example.test`;
    await invite(agency, admin, { invite_name: 'Tw', invite_email: email });
    const first = tokenFromEmail(t.mailer.sent, email, 'accept-invite');
    expect((await invite(agency, admin, { invite_name: 'Tw', invite_email: email })).statusCode).toBe(200);
    const second = tokenFromEmail(t.mailer.sent, email, 'accept-invite');
    expect(second).not.toBe(first);
    const old = await expectNoWrites(t.database.db, () =>
      t.app.inject({ method: 'GET', url: `/auth/invitation?token=${first}` }),
    );
    expect(old.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/auth/invitation?token=${second}` })).statusCode).toBe(200);
  });

  it('adds an existing user of another agency without a second account', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const { agency: other, member: elsewhere } = await agencyWith('CONTRIBUTOR');
    expect((await invite(agency, admin, { invite_name: 'E', invite_email: elsewhere.email! })).statusCode).toBe(200);
    expect(await usersWith(elsewhere.email!)).toBe(1);
    expect(await membershipsOf(elsewhere.email!)).toEqual(
      [
        { agencyId: other.id, role: 'CONTRIBUTOR', status: 'ACCEPTED' },
        { agencyId: agency.id, role: 'AGENCY_ADMIN', status: 'PENDING' },
      ].sort((a, b) => a.agencyId - b.agencyId),
    );
  });
});

describe('PATCH /api/agencies/:agencyId/users (change role)', () => {
  it('changes a member between admin, contributor and read-only', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const member = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    for (const role of ['AGENCY_ADMIN', 'READ_ONLY', 'CONTRIBUTOR'] as const) {
      const res = await teamCall('PATCH', agency, admin, { email: member.email!, role });
      expect(res.statusCode).toBe(200);
      expect((await membershipsOf(member.email!))[0]?.role).toBe(role);
    }
  });

  it('refuses contributors, own role, Justice Counts roles and hidden staff', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const contributor = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    const staff = await givenUser(t.database.db, { agency, role: 'JUSTICE_COUNTS_ADMIN' });
    const cases: [UserRow, object, number, string][] = [
      [contributor, { email: admin.email, role: 'READ_ONLY' }, 403, 'team.manage'],
      [admin, { email: admin.email, role: 'CONTRIBUTOR' }, 400, 'you cannot change your own role'],
      [
        admin,
        { email: contributor.email, role: 'JUSTICE_COUNTS_ADMIN' },
        403,
        'You cannot give the Justice Counts admin role',
      ],
      [admin, { email: staff.email, role: 'READ_ONLY' }, 404, `A member with the email ${staff.email}`],
      [admin, { email: 'nobody@example.test', role: 'READ_ONLY' }, 404, 'was not found'],
      [admin, { email: contributor.email, role: 'OWNER' }, 400, 'role'],
    ];
    for (const [as, payload, status, text] of cases) {
      const res = await teamCall('PATCH', agency, as, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().description).toContain(text);
    }
    expect((await membershipsOf(admin.email!))[0]?.role).toBe('AGENCY_ADMIN');
    expect((await membershipsOf(contributor.email!))[0]?.role).toBe('CONTRIBUTOR');
    expect((await membershipsOf(staff.email!))[0]?.role).toBe('JUSTICE_COUNTS_ADMIN');
  });
});

describe('DELETE /api/agencies/:agencyId/users (remove or revoke)', () => {
  it('removes a member from this agency only', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const { agency: other } = await agencyWith('AGENCY_ADMIN');
    const member = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    await givenMembership(t.database.db, member, other, 'CONTRIBUTOR');
    expect((await teamCall('DELETE', agency, admin, { email: member.email! })).statusCode).toBe(200);
    expect((await membershipsOf(member.email!)).map((m) => m.agencyId)).toEqual([other.id]);
  });

  it('revokes a pending invitation so its link stops working', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const email = `revoked-${agency.id}@example.test`;
    await invite(agency, admin, { invite_name: 'R', invite_email: email });
    const token = tokenFromEmail(t.mailer.sent, email, 'accept-invite');
    expect((await teamCall('DELETE', agency, admin, { email })).statusCode).toBe(200);
    expect(await membershipsOf(email)).toEqual([]);
    const res = await expectNoWrites(t.database.db, () =>
      t.app.inject({
        method: 'POST',
        url: '/auth/accept-invite',
        payload: { token, name: 'R', password: 'some passphrase' },
      }),
    );
    expect(res.statusCode).toBe(400);
  });

  it('refuses removing yourself and non-admins removing anyone', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const contributor = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    const self = await expectNoWrites(t.database.db, () => teamCall('DELETE', agency, admin, { email: admin.email! }));
    expect(self.statusCode).toBe(400);
    expect(self.json().description).toBe('email: you cannot remove yourself; ask another admin of this agency');
    expect(
      (await expectNoWrites(t.database.db, () => teamCall('DELETE', agency, contributor, { email: admin.email! })))
        .statusCode,
    ).toBe(403);
    const remaining = await t.database.db
      .select()
      .from(agencyUserAccountAssociation)
      .where(and(eq(agencyUserAccountAssociation.agencyId, agency.id)));
    expect(remaining).toHaveLength(2);
  });
});

describe('team list (GET /api/agency/:agencyId)', () => {
  it('hides Justice Counts staff from agency members but not from staff', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const staff = await givenUser(t.database.db, { agency, role: 'JUSTICE_COUNTS_ADMIN' });
    const platformAdmin = await givenUser(t.database.db, { agency, role: 'AGENCY_ADMIN', isPlatformAdmin: true });
    const teamSeenBy = async (user: UserRow) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/agency/${agency.id}`,
        headers: await signIn(t.app, t.database.db, user),
      });
      return (res.json().agencies[0].team as { user_account_id: number }[])
        .map((m) => m.user_account_id)
        .sort((a, b) => a - b);
    };
    expect(await teamSeenBy(admin)).toEqual([admin.id]);
    expect(await teamSeenBy(staff)).toEqual([admin.id, staff.id, platformAdmin.id].sort((a, b) => a - b));
  });
});

describe('what the viewer may do to each member (GET /api/agency/:agencyId)', () => {
  type Listed = { user_account_id: number; can: object; grantable_roles: string[] };
  async function abilitiesSeenBy(agency: AgencyRow, user: UserRow) {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/agency/${agency.id}`,
      headers: await signIn(t.app, t.database.db, user),
    });
    const team = res.json().agencies[0].team as Listed[];
    return new Map(team.map((m) => [m.user_account_id, { can: m.can, grantable_roles: m.grantable_roles }]));
  }
  const nothing = { can: { change_role: false, remove: false }, grantable_roles: [] };
  const allRoles = ['AGENCY_ADMIN', 'CONTRIBUTOR', 'READ_ONLY'];

  it('lets admins manage others but not themselves, and only staff manage staff', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const contributor = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    const staff = await givenUser(t.database.db, { agency, role: 'JUSTICE_COUNTS_ADMIN' });
    const managed = { can: { change_role: true, remove: true }, grantable_roles: allRoles };

    const byAdmin = await abilitiesSeenBy(agency, admin);
    expect(byAdmin.get(admin.id)).toEqual(nothing);
    expect(byAdmin.get(contributor.id)).toEqual(managed);
    expect(byAdmin.has(staff.id)).toBe(false);

    const byStaff = await abilitiesSeenBy(agency, staff);
    expect(byStaff.get(admin.id)).toEqual(managed);
    expect(byStaff.get(staff.id)).toEqual(nothing);
  });

  it('lets contributors and read-only members manage nobody', async () => {
    const { agency, member: admin } = await agencyWith('AGENCY_ADMIN');
    const contributor = await givenUser(t.database.db, { agency, role: 'CONTRIBUTOR' });
    const readOnly = await givenUser(t.database.db, { agency, role: 'READ_ONLY' });
    for (const viewer of [contributor, readOnly]) {
      const seen = await abilitiesSeenBy(agency, viewer);
      expect([...seen.values()]).toEqual([nothing, nothing, nothing]);
      expect(seen.has(admin.id)).toBe(true);
    }
  });
});
