/** A new password typed twice, with the rule as a hint; used by invitations and password reset. */
import { TextInput } from '../index.ts';
import { PASSWORD_HINT, type NewPasswordProblems } from '../../rules/new-password.ts';

export interface NewPasswordFieldsProps {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  problems: NewPasswordProblems;
  /** Focus the new password when the page opens (it is the page's first field). */
  autoFocus?: boolean;
}

export function NewPasswordFields({
  password,
  confirmation,
  onPassword,
  onConfirmation,
  problems,
  autoFocus = false,
}: NewPasswordFieldsProps) {
  return (
    <>
      <TextInput
        autoFocus={autoFocus}
        label="New password"
        type="password"
        name="new-password"
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        value={password}
        onChange={(event) => onPassword(event.target.value)}
        error={problems.password}
      />
      <TextInput
        label="Type the password again"
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        value={confirmation}
        onChange={(event) => onConfirmation(event.target.value)}
        error={problems.confirmation}
      />
    </>
  );
}
