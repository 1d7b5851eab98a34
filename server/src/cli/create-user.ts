import { AGENCY_ROLES, systemActor } from '../domain/actor.ts';
import { linkTo } from '../email/messages.ts';
import { createUser } from '../domain/users/create-user.ts';
import { checkPassword } from '../lib/password.ts';
import { checkEmail, checkRole, checkUserName } from '../domain/users/user-rules.ts';
import { type Command, printResult, requiredId, requiredString, stringOption } from './command.ts';

export const createUserCommand: Command = {
  name: 'create-user',
  summary: 'create a user with a role in an agency',
  options: {
    email: { type: 'string', placeholder: 'EMAIL', description: 'email address (their sign-in)', required: true },
    name: { type: 'string', placeholder: 'NAME', description: 'full name', required: true },
    agency: { type: 'string', placeholder: 'ID', description: 'agency id', required: true },
    role: { type: 'string', placeholder: 'ROLE', description: AGENCY_ROLES.join(' | '), required: true },
    password: {
      type: 'string',
      placeholder: 'PASSWORD',
      description: 'sign-in password (10+ characters), for scripted set-ups',
    },
    'platform-admin': { type: 'boolean', description: 'Justice Counts staff: admin panel and every agency' },
    json: { type: 'boolean', description: 'print the created user as JSON' },
  },
  details: [
    'A member of a superagency is also added to its child agencies.',
    'Without --password, it prints an invitation link (single use, 7 days) for choosing one;',
    'or set one yourself with `jc set-password`.',
    '',
    'Example: jc create-user --email ada@example.org --name "Ada Lovelace" --agency 3 --role AGENCY_ADMIN',
  ].join('\n'),
  run: async (values, { io, clock, config, withDatabase }) => {
    const input = {
      email: checkEmail(requiredString(values, 'email')),
      name: checkUserName(requiredString(values, 'name')),
      agencyId: requiredId(values, 'agency'),
      role: checkRole(requiredString(values, 'role').trim().toUpperCase()),
      password: optionalPassword(stringOption(values, 'password')),
      isPlatformAdmin: values['platform-admin'] === true,
      now: clock.now(),
    };
    const user = await withDatabase((database) => createUser(database.db, systemActor, input));
    const invitationLink = user.invitationToken
      ? linkTo(config.publicUrl, 'accept-invite', user.invitationToken)
      : null;
    const record = {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      agency_ids: user.agencyIds,
      is_platform_admin: user.isPlatformAdmin,
      has_password: user.hasPassword,
      invitation_link: invitationLink,
    };
    const signIn = invitationLink
      ? `Send them this invitation link to choose a password (single use, valid for 7 days):\n${invitationLink}`
      : 'They can sign in with their password.';
    const sentence = `Created user ${user.id} (${user.email}) as ${user.role} of agency ${user.agencyIds.join(', ')}. ${signIn}`;
    printResult(io, values, record, sentence);
  },
};

function optionalPassword(password: string | undefined): string | undefined {
  return password === undefined ? undefined : checkPassword(password);
}
