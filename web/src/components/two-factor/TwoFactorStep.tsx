/**
 * The step after a correct password (or a reset or invitation link) for a person with two-factor
 * sign-in: a code from their app or a recovery code; or, when it is required and not set up yet,
 * setting it up and saving the recovery codes. Ends with the person signed in.
 */
import { useState } from 'react';
import { messageFor } from '../../api/errors.ts';
import { useReloadSession, type SignInStep } from '../../api/session.ts';
import { useConfirmSignInEnrolment, useSignInEnrolment, useSignInWithCode } from '../../api/two-factor.ts';
import { AuthCard, AuthPage } from '../auth/AuthForm.tsx';
import { Button, Spinner } from '../index.ts';
import { CodeForm } from './CodeForm.tsx';
import { EnrolmentForm } from './EnrolmentForm.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { isSignInExpired, SIGN_IN_EXPIRED } from './two-factor-rules.ts';

export interface TwoFactorStepProps {
  step: SignInStep;
  /** The account's email, when known, named on the saved recovery codes. */
  email?: string;
  /** Called once the session is loaded. */
  onSignedIn: () => void;
  /** Back to the password, when the step has run out. */
  onRestart: () => void;
}

const TITLES = {
  code: {
    title: 'Enter your code',
    description: 'Two-factor sign-in is on for your account: enter the code from your authenticator app.',
  },
  enrol: {
    title: 'Set up two-factor sign-in',
    description:
      'Your account must use two-factor sign-in: after your password you also enter a code from an app on your phone. It takes a minute to set up.',
  },
  saved: {
    title: 'Save your recovery codes',
    description: 'Two-factor sign-in is on, and you are signed in.',
  },
} as const;

function Expired({ title, onRestart }: { title: string; onRestart: () => void }) {
  return (
    <AuthPage title={title}>
      <AuthCard>
        <div className="alert alert--error" role="alert">
          {SIGN_IN_EXPIRED}
        </div>
        <Button variant="primary" className="sign-in__submit" onClick={onRestart}>
          Sign in again
        </Button>
      </AuthCard>
    </AuthPage>
  );
}

function CodePage({ token, onSignedIn, onRestart }: { token: string } & Omit<TwoFactorStepProps, 'step'>) {
  const signIn = useSignInWithCode();
  if (isSignInExpired(signIn.error)) return <Expired title={TITLES.code.title} onRestart={onRestart} />;
  return (
    <AuthPage {...TITLES.code}>
      <CodeForm
        className="card sign-in__form"
        submitLabel="Sign in"
        onSubmit={(code) => signIn.mutate({ token, code }, { onSuccess: onSignedIn })}
        sending={signIn.isPending}
        error={signIn.error}
        onSwitch={() => signIn.reset()}
      />
    </AuthPage>
  );
}

function EnrolPage({ token, email, onSignedIn, onRestart }: { token: string } & Omit<TwoFactorStepProps, 'step'>) {
  const enrolment = useSignInEnrolment(token);
  const confirm = useConfirmSignInEnrolment();
  const reloadSession = useReloadSession();
  const [entering, setEntering] = useState(false);

  if (isSignInExpired(enrolment.error) || isSignInExpired(confirm.error)) {
    return <Expired title={TITLES.enrol.title} onRestart={onRestart} />;
  }
  if (confirm.data) {
    const enter = () => {
      setEntering(true);
      void reloadSession().then(onSignedIn);
    };
    return (
      <AuthPage {...TITLES.saved}>
        <AuthCard>
          <RecoveryCodes
            codes={confirm.data}
            email={email ?? ''}
            continueLabel="I have saved my codes: continue"
            onContinue={enter}
            continuing={entering}
          />
        </AuthCard>
      </AuthPage>
    );
  }
  return (
    <AuthPage {...TITLES.enrol}>
      <AuthCard>
        {enrolment.isPending ? (
          <Spinner label="Preparing your QR code…" />
        ) : enrolment.isError ? (
          <div className="alert alert--error" role="alert">
            {messageFor(enrolment.error)}
          </div>
        ) : (
          <EnrolmentForm
            enrolment={enrolment.data}
            onConfirm={(code) => confirm.mutate({ token, code })}
            confirming={confirm.isPending}
            error={confirm.error}
            submitLabel="Turn on and sign in"
          />
        )}
      </AuthCard>
    </AuthPage>
  );
}

export function TwoFactorStep({ step, ...rest }: TwoFactorStepProps) {
  return step.step === 'code' ? <CodePage token={step.token} {...rest} /> : <EnrolPage token={step.token} {...rest} />;
}
