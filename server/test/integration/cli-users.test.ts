/** `jc create-user`, `update-user-role` and `set-password`, in-process on the test database. */
import { randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencyUserAccountAssociation, userAccount } from '../../src/db/schema.ts';
import { getInvitation } from '../../src/domain/auth/accept-invitation.ts';
import { givenAgency, givenSuperagencyWithChild, givenUser } from '../support/given.ts';
import { expectRefusal, jcTestFile } from '../support/run-jc.ts';

const { database, jc } = await jcTestFile();

const unique = () => randomUUID().slice(0, 8);
const usersWithEmail = (email: string) =>
  database.db
    .select()
    .from(userAccount)
    .where(sql`lower(${userAccount.email}) = ${email.toLowerCase()}`);
const membershipsOf = (userId: number) =>
  database.db.select().from(agencyUserAccountAssociation).where(eq(agencyUserAccountAssociation.userAccountId, userId));

describe('jc create-user, update-user-role and set-password', () => {
  it('creates a user with an argon2id password who can sign in', async () => {
    const agency = await givenAgency(database.db);
    const email = `ada-${unique()}@example.test`;
    const result = await jc(
      'create-user',
      '--email',
      email.toUpperCase(),
      '--name',
      'Ada',
      '--agency',
      String(agency.id),
      '--role',
      'contributor',
      '--password',
      'correct horse battery',
      '--json',
    );
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { id: number; email: string; role: string; has_password: boolean };
    expect(printed).toMatchObject({ email, role: 'CONTRIBUTOR', has_password: true });
    const [user] = await usersWithEmail(email);
    expect(user?.id).toBe(printed.id);
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await argon2.verify(user?.passwordHash ?? '', 'correct horse battery')).toBe(true);
    const memberships = await membershipsOf(printed.id);
    expect(memberships).toMatchObject([{ agencyId: agency.id, role: 'CONTRIBUTOR', invitationStatus: 'ACCEPTED' }]);
  });

  it('without a password, creates a pending member of a superagency and its children, and prints an invitation link', async () => {
    const { superagency: parent, child } = await givenSuperagencyWithChild(database.db, {
      sectors: ['PRISONS'],
      child: { systems: ['PRISONS'] },
    });
    const email = `grace-${unique()}@example.test`;
    const result = await jc(
      'create-user',
      '--email',
      email,
      '--name',
      'Grace',
      '--agency',
      String(parent.id),
      '--role',
      'AGENCY_ADMIN',
    );
    expect(result.code).toBe(0);
    const link = /^http:\/\/127\.0\.0\.1:3000\/accept-invite\?token=(\S+)$/m.exec(result.stdout);
    expect(link, result.stdout).not.toBeNull();
    const invitation = await getInvitation(database.db, decodeURIComponent(link?.[1] ?? ''), new Date());
    expect(invitation).toMatchObject({ email, name: 'Grace', hasAccount: false });
    const [user] = await usersWithEmail(email);
    expect(user?.passwordHash).toBeNull();
    const memberships = await membershipsOf(user?.id ?? 0);
    expect(memberships.map((m) => [m.agencyId, m.role, m.invitationStatus]).sort()).toEqual(
      [
        [parent.id, 'AGENCY_ADMIN', 'PENDING'],
        [child.id, 'AGENCY_ADMIN', 'PENDING'],
      ].sort(),
    );
  });

  it('refuses bad users with a clear message and writes nothing', async () => {
    const agency = await givenAgency(database.db);
    const taken = await givenUser(database.db, { agency });
    const id = String(agency.id);
    const cases: [string, string[], number, string][] = [
      ['not-an-email', ['--agency', id, '--role', 'READ_ONLY'], 2, 'email: "not-an-email" is not an email address'],
      [
        `x-${unique()}@example.test`,
        ['--agency', id, '--role', 'OWNER'],
        2,
        'role: "OWNER" is not a role; choose from AGENCY_ADMIN',
      ],
      [
        `x-${unique()}@example.test`,
        ['--agency', '99999999', '--role', 'READ_ONLY'],
        2,
        'Agency 99999999 was not found',
      ],
      [
        `x-${unique()}@example.test`,
        ['--agency', id, '--role', 'READ_ONLY', '--password', 'short'],
        2,
        'password: must be at least 10 characters long (got 5)',
      ],
      [`x-${unique()}@example.test`, ['--role', 'READ_ONLY'], 2, 'missing --agency'],
      [
        taken.email ?? '',
        ['--agency', id, '--role', 'READ_ONLY'],
        1,
        `A user with email ${taken.email} already exists`,
      ],
    ];
    for (const [email, args, code, problem] of cases) {
      expectRefusal(await jc('create-user', '--email', email, '--name', 'Nobody', ...args), code, problem);
      expect(await usersWithEmail(email)).toHaveLength(email === taken.email ? 1 : 0);
    }
  });

  it('changes a role, adds the user to another agency, and sets a password', async () => {
    const first = await givenAgency(database.db);
    const second = await givenAgency(database.db);
    const user = await givenUser(database.db, { agency: first, role: 'READ_ONLY' });
    const email = user.email ?? '';
    expect(
      (await jc('update-user-role', '--email', email, '--agency', String(first.id), '--role', 'AGENCY_ADMIN')).code,
    ).toBe(0);
    const added = await jc(
      'update-user-role',
      '--email',
      email,
      '--agency',
      String(second.id),
      '--role',
      'CONTRIBUTOR',
    );
    expect(added).toMatchObject({ code: 0, stdout: `${email} is now CONTRIBUTOR of agency ${second.id}.` });
    const memberships = await membershipsOf(user.id);
    expect(memberships.map((m) => [m.agencyId, m.role]).sort()).toEqual(
      [
        [first.id, 'AGENCY_ADMIN'],
        [second.id, 'CONTRIBUTOR'],
      ].sort(),
    );
    expect((await jc('set-password', '--email', email, '--password', 'a new long password')).code).toBe(0);
    const [stored] = await usersWithEmail(email);
    expect(await argon2.verify(stored?.passwordHash ?? '', 'a new long password')).toBe(true);
  });

  it('refuses role changes for unknown users, agencies and roles, and short passwords, changing nothing', async () => {
    const agency = await givenAgency(database.db);
    const user = await givenUser(database.db, { agency, role: 'READ_ONLY' });
    const email = user.email ?? '';
    const id = String(agency.id);
    expectRefusal(
      await jc('update-user-role', '--email', `nobody-${unique()}@example.test`, '--agency', id, '--role', 'READ_ONLY'),
      2,
      'was not found',
    );
    expectRefusal(
      await jc('update-user-role', '--email', email, '--agency', '99999999', '--role', 'READ_ONLY'),
      2,
      'Agency 99999999 was not found',
    );
    expectRefusal(
      await jc('update-user-role', '--email', email, '--agency', id, '--role', 'BOSS'),
      2,
      'role: "BOSS" is not a role',
    );
    expectRefusal(
      await jc('set-password', '--email', email, '--password', 'tiny'),
      2,
      'password: must be at least 10 characters',
    );
    const memberships = await membershipsOf(user.id);
    expect(memberships).toMatchObject([{ agencyId: agency.id, role: 'READ_ONLY' }]);
    expect((await usersWithEmail(email))[0]?.passwordHash).toBeNull();
  });
});
