/** `/reset-password?token=…` from the reset email: choose a new password, then go in signed in. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useResetPassword } from '../../api/accounts.ts';
import { fieldErrors } from '../../api/errors.ts';
import { Button, FormError, Page } from '../../components/index.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { newPasswordProblems, type NewPasswordProblems } from './new-password.ts';

export default function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const reset = useResetPassword();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<NewPasswordProblems>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = newPasswordProblems(password, confirmation, '');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    reset.mutate({ token, password }, { onSuccess: () => navigate('/', { replace: true }) });
  };
  const server = fieldErrors(reset.error);

  return (
    <div className="sign-in">
      <Page title="Choose a new password" description="Your other sessions end when you save it.">
        <form className="card sign-in__form" onSubmit={onSubmit} noValidate>
          {!token && (
            <div className="alert alert--error" role="alert">
              This page needs the link from your password reset email.{' '}
              <Link to="/forgot-password">Ask for a new one</Link>.
            </div>
          )}
          <FormError error={reset.error} fields={['password']}>
            {' '}
            <Link to="/forgot-password">Ask for a new link</Link>.
          </FormError>
          <NewPasswordFields
            password={password}
            confirmation={confirmation}
            onPassword={setPassword}
            onConfirmation={setConfirmation}
            problems={{ ...problems, password: problems.password ?? server.password }}
          />
          <Button
            type="submit"
            variant="primary"
            loading={reset.isPending}
            disabled={!token}
            className="sign-in__submit"
          >
            Save password and sign in
          </Button>
        </form>
      </Page>
    </div>
  );
}
