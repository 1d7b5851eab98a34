import { systemActor } from '../domain/actor.ts';
import { checkPassword } from '../lib/password.ts';
import { setPassword } from '../domain/users/set-password.ts';
import { checkEmail } from '../domain/users/user-rules.ts';
import { type Command, requiredString } from './command.ts';

export const setPasswordCommand: Command = {
  name: 'set-password',
  summary: "set a user's sign-in password",
  options: {
    email: { type: 'string', placeholder: 'EMAIL', description: "the user's email address", required: true },
    password: {
      type: 'string',
      placeholder: 'PASSWORD',
      description: 'the new password (10+ characters)',
      required: true,
    },
  },
  run: async (values, { io, withDatabase }) => {
    const email = checkEmail(requiredString(values, 'email'));
    const password = checkPassword(requiredString(values, 'password'));
    await withDatabase((database) => setPassword(database.db, systemActor, { email, password }));
    io.out(`Password set for ${email}.`);
  },
};
