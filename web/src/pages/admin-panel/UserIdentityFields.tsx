/** A user's name and email, as the user dialog and the team's Create User ask for them. */
import { TextInput } from '../../components/index.ts';
import { isEmail } from './admin-rules.ts';

export interface UserIdentity {
  name: string;
  email: string;
}

export const identityReady = (identity: UserIdentity) => identity.name.trim() !== '' && isEmail(identity.email);

export interface UserIdentityFieldsProps {
  identity: UserIdentity;
  onChange: (identity: UserIdentity) => void;
  /** An existing user's email is fixed. */
  emailFixed: boolean;
  serverErrors: Record<string, string>;
}

export function UserIdentityFields({ identity, onChange, emailFixed, serverErrors }: UserIdentityFieldsProps) {
  const { name, email } = identity;
  const emailProblem = email.trim() && !isEmail(email) ? 'Please enter a valid email address.' : undefined;
  return (
    <div className="admin-form__row">
      <TextInput
        label="Name"
        value={name}
        required
        onChange={(event) => onChange({ name: event.target.value, email })}
        error={serverErrors['users.0.name']}
      />
      <TextInput
        label="Email"
        type="email"
        value={email}
        required
        disabled={emailFixed}
        hint={emailFixed ? 'The email cannot be changed here.' : 'They will be emailed an invitation.'}
        onChange={(event) => onChange({ name, email: event.target.value })}
        error={emailProblem ?? serverErrors['users.0.email']}
      />
    </div>
  );
}
