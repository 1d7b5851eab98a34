import { AGENCY_ROLES, systemActor } from '../domain/actor.ts';
import { updateUserRole } from '../domain/users/update-user-role.ts';
import { checkEmail, checkRole } from '../domain/users/user-rules.ts';
import { type Command, printResult, requiredId, requiredString } from './command.ts';

export const updateUserRoleCommand: Command = {
  name: 'update-user-role',
  summary: "set a user's role in an agency, adding them to it if needed",
  options: {
    email: { type: 'string', placeholder: 'EMAIL', description: "the user's email address", required: true },
    agency: { type: 'string', placeholder: 'ID', description: 'agency id', required: true },
    role: { type: 'string', placeholder: 'ROLE', description: AGENCY_ROLES.join(' | '), required: true },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  details: 'For a superagency the role is also set in its child agencies.',
  run: async (values, { io, withDatabase }) => {
    const input = {
      email: checkEmail(requiredString(values, 'email')),
      agencyId: requiredId(values, 'agency'),
      role: checkRole(requiredString(values, 'role').trim().toUpperCase()),
    };
    const result = await withDatabase((database) => updateUserRole(database.db, systemActor, input));
    const record = { user_id: result.userId, email: result.email, role: result.role, agency_ids: result.agencyIds };
    const sentence = `${result.email} is now ${result.role} of agency ${result.agencyIds.join(', ')}.`;
    printResult(io, values, record, sentence);
  },
};
