/**
 * The one shape of the signed-out screens (sign in, accept an invitation, forgot and reset
 * password, two-factor steps): a narrow page holding a card, and in a form the fields first, then
 * the one main button and any links. The form checks what was typed before sending, and sends
 * nothing while a field has a problem.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Page, TextInput, type TextInputProps } from '../index.ts';

export function AuthPage({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <div className="sign-in">
      <Page title={title} description={description}>
        {children}
      </Page>
    </div>
  );
}

export function AuthCard({ role, children }: { role?: 'status'; children: ReactNode }) {
  return (
    <div className="card sign-in__form" role={role}>
      {children}
    </div>
  );
}

/**
 * Checks the fields on submit, keeps their problems (field → words, left out or undefined when
 * fine) for the form to show, and sends when there are none.
 */
export function useCheckedSubmit<Problems extends object>(check: () => Problems, send: () => void) {
  const [problems, setProblems] = useState<Problems>({} as Problems);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setProblems(found);
    if (!Object.values(found).some(Boolean)) send();
  };
  return { problems, onSubmit };
}

export interface AuthFormProps {
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  sending: boolean;
  disabled?: boolean;
  /** Fields, with any alert above them. */
  children: ReactNode;
  /** Links under the button. */
  links?: ReactNode;
}

export function AuthForm({ onSubmit, submitLabel, sending, disabled, children, links }: AuthFormProps) {
  return (
    <form className="card sign-in__form" onSubmit={onSubmit} noValidate>
      {children}
      <Button type="submit" variant="primary" loading={sending} disabled={disabled} className="sign-in__submit">
        {submitLabel}
      </Button>
      {links}
    </form>
  );
}

type FieldProps = Omit<TextInputProps, 'type' | 'name' | 'autoComplete'>;

/** The account's email, filled in by password managers. */
export function EmailField(props: Omit<FieldProps, 'label'>) {
  return <TextInput label="Email" type="email" name="email" autoComplete="username" {...props} />;
}

/** The password the account has now (a new one goes in NewPasswordFields). */
export function PasswordField({ label = 'Password', ...props }: Omit<FieldProps, 'label'> & { label?: string }) {
  return <TextInput label={label} type="password" name="password" autoComplete="current-password" {...props} />;
}
