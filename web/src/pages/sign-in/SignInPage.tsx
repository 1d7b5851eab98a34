/**
 * Sign-in: email and password, and single sign-on when the server offers it. On success the
 * session reloads and the person goes where they were headed; with two-factor sign-in a code (or
 * setting it up) comes first. A failed single sign-on comes back here with `?sso_error=…`,
 * explained in words.
 */
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { SsoError } from '@jc/server/contract';
import { ssoStartPath, useAuthMethods } from '../../api/accounts.ts';
import { fieldErrors, messageFor, SUPPORT_EMAIL } from '../../api/errors.ts';
import { useSession, useSignIn, type SignInStep } from '../../api/session.ts';
import { safeNextPath } from '../../app/paths.ts';
import { AuthForm, AuthPage, EmailField, PasswordField, useCheckedSubmit } from '../../components/auth/AuthForm.tsx';
import { TwoFactorStep } from '../../components/two-factor/TwoFactorStep.tsx';

type Problems = Partial<Record<'email' | 'password', string>>;

const SSO_MESSAGES: Record<SsoError, string> = {
  sso_unknown_user: `Your organization signed you in, but no Publisher account uses that email. Ask an admin of your agency to invite you, or email ${SUPPORT_EMAIL}.`,
  sso_failed: 'Single sign-on did not complete. Please try again.',
  sso_not_configured: 'Single sign-on is not set up on this server. Sign in with your email and password.',
};

function checkForm(email: string, password: string): Problems {
  const problems: Problems = {};
  if (!email.trim()) problems.email = 'Enter your email address.';
  else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) problems.email = 'Enter an email address like name@agency.gov.';
  if (!password) problems.password = 'Enter your password.';
  return problems;
}

export default function SignInPage() {
  const { user } = useSession();
  const [searchParams] = useSearchParams();
  const methods = useAuthMethods();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<SignInStep | null>(null);
  const { problems, onSubmit } = useCheckedSubmit(
    () => checkForm(email, password),
    () => signIn.mutate({ email: email.trim(), password }, { onSuccess: setStep }),
  );
  const next = safeNextPath(searchParams.get('next'));
  const ssoError = searchParams.get('sso_error') as SsoError | null;

  if (user) return <Navigate to={next} replace />;
  if (step) {
    const restart = () => {
      setStep(null);
      setPassword('');
      signIn.reset();
    };
    // Once signed in, the session reloads and the line above sends the person on.
    return <TwoFactorStep step={step} email={email.trim()} onSignedIn={() => undefined} onRestart={restart} />;
  }

  const serverProblems = fieldErrors(signIn.error);
  const alert = signIn.isError ? messageFor(signIn.error) : ssoError ? SSO_MESSAGES[ssoError] : undefined;

  return (
    <AuthPage title="Sign in to Publisher" description="Report and publish your agency’s Justice Counts data.">
      <AuthForm
        onSubmit={onSubmit}
        submitLabel="Sign in"
        sending={signIn.isPending}
        links={
          <>
            <Link to="/forgot-password">Forgot your password?</Link>
            {methods.data?.oidc && (
              <a className="btn btn--secondary sign-in__submit" href={ssoStartPath(next)}>
                Sign in with your organization
              </a>
            )}
          </>
        }
      >
        {alert && (
          <div className="alert alert--error" role="alert">
            {alert}
          </div>
        )}
        <EmailField
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={problems.email ?? serverProblems.email}
        />
        <PasswordField
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={problems.password ?? serverProblems.password}
        />
      </AuthForm>
    </AuthPage>
  );
}
