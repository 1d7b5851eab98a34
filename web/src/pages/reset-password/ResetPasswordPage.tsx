/**
 * `/reset-password?token=…` from the reset email: choose a new password, then go in signed in
 * (after a code, or setting up two-factor sign-in, when the account needs one).
 */
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useResetPassword } from '../../api/accounts.ts';
import { looksLikeLinkToken } from '@jc/server/contract';
import { fieldErrors, INVALID_LINK } from '../../api/errors.ts';
import type { SignInStep } from '../../api/session.ts';
import { AuthForm, AuthPage, useCheckedSubmit } from '../../components/auth/AuthForm.tsx';
import { FormError } from '../../components/index.ts';
import { TwoFactorStep } from '../../components/two-factor/TwoFactorStep.tsx';
import { NewPasswordFields } from '../../components/auth/NewPasswordFields.tsx';
import { newPasswordProblems } from '../../rules/new-password.ts';

export default function ResetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const usable = looksLikeLinkToken(token);
  const reset = useResetPassword();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [step, setStep] = useState<SignInStep | null>(null);
  const enterApp = () => void navigate('/', { replace: true });
  const { problems, onSubmit } = useCheckedSubmit(
    () => newPasswordProblems(password, confirmation, ''),
    () => reset.mutate({ token, password }, { onSuccess: (found) => (found ? setStep(found) : enterApp()) }),
  );
  const server = fieldErrors(reset.error);
  // The new password is saved; the reset link is used up, so starting again means signing in.
  if (step) return <TwoFactorStep step={step} onSignedIn={enterApp} onRestart={() => navigate('/sign-in')} />;

  return (
    <AuthPage
      title="Choose a new password"
      description="Saving it signs you out everywhere else and revokes your API tokens for automated uploads."
    >
      <AuthForm
        onSubmit={onSubmit}
        submitLabel="Save password and sign in"
        sending={reset.isPending}
        disabled={!usable}
      >
        {!usable && (
          <div className="alert alert--error" role="alert">
            {token ? INVALID_LINK : 'This page needs the link from your password reset email.'}{' '}
            <Link to="/forgot-password">Ask for a new one</Link>.
          </div>
        )}
        <FormError error={reset.error} fields={['password']}>
          {' '}
          <Link to="/forgot-password">Ask for a new link</Link>.
        </FormError>
        <NewPasswordFields
          autoFocus
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
          problems={{ ...problems, password: problems.password ?? server.password }}
        />
      </AuthForm>
    </AuthPage>
  );
}
