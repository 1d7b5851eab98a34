/**
 * `/accept-invite?token=…` from the invitation email. Someone new chooses their name and
 * password; someone with an account confirms with their password. Either way they end up signed
 * in and in the agency, after a code or setting up two-factor sign-in when their account needs it.
 */
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { InvitationResponse } from '@jc/server/contract';
import { useAcceptInvitation, useInvitation } from '../../api/accounts.ts';
import { fieldErrors } from '../../api/errors.ts';
import type { SignInStep } from '../../api/session.ts';
import {
  AuthCard,
  AuthForm,
  AuthPage,
  EmailField,
  PasswordField,
  useCheckedSubmit,
} from '../../components/auth/AuthForm.tsx';
import { FormError, ErrorState, PageLoading, TextInput } from '../../components/index.ts';
import { NewPasswordFields } from '../../components/auth/NewPasswordFields.tsx';
import { newPasswordProblems, type NewPasswordProblems } from '../../rules/new-password.ts';
import { TwoFactorStep } from '../../components/two-factor/TwoFactorStep.tsx';

interface Problems extends NewPasswordProblems {
  name?: string;
}

interface AcceptFormProps {
  token: string;
  invitation: InvitationResponse;
  /** Accepted, and signed in unless a two-factor step (given) comes first. */
  onAccepted: (step: SignInStep | null) => void;
}

function AcceptForm({ token, invitation, onAccepted }: AcceptFormProps) {
  const accept = useAcceptInvitation();
  const [name, setName] = useState(invitation.name ?? '');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const existing = invitation.has_account;
  const { problems, onSubmit } = useCheckedSubmit<Problems>(
    () =>
      existing
        ? { password: password ? undefined : 'Enter your password.' }
        : {
            ...newPasswordProblems(password, confirmation, invitation.email),
            name: name.trim() ? undefined : 'Enter your name.',
          },
    () =>
      accept.mutate(existing ? { token, password } : { token, name: name.trim(), password }, {
        onSuccess: onAccepted,
      }),
  );
  const server = fieldErrors(accept.error);

  return (
    <AuthForm
      onSubmit={onSubmit}
      submitLabel={existing ? 'Accept and sign in' : 'Create account and sign in'}
      sending={accept.isPending}
    >
      <FormError error={accept.error} fields={['password', 'name']} />
      <EmailField value={invitation.email} readOnly />
      {existing ? (
        <PasswordField
          autoFocus
          label="Your password"
          hint="You already have an account: confirm it is you."
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={problems.password ?? server.password}
        />
      ) : (
        <>
          <TextInput
            autoFocus
            label="Your name"
            name="name"
            autoComplete="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={problems.name ?? server.name}
          />
          <NewPasswordFields
            password={password}
            confirmation={confirmation}
            onPassword={setPassword}
            onConfirmation={setConfirmation}
            problems={{ ...problems, password: problems.password ?? server.password }}
          />
        </>
      )}
    </AuthForm>
  );
}

export default function AcceptInvitePage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const invitation = useInvitation(token);
  const navigate = useNavigate();
  const [step, setStep] = useState<SignInStep | null>(null);
  const enterApp = () => navigate('/', { replace: true });

  if (step) {
    const email = invitation.data?.email;
    return <TwoFactorStep step={step} email={email} onSignedIn={enterApp} onRestart={() => navigate('/sign-in')} />;
  }
  if (token && invitation.isPending) return <PageLoading label="Checking your invitation…" />;
  const agency = invitation.data?.agency_name ?? 'your agency';
  return (
    <AuthPage
      title={`Join ${agency}`}
      description="You have been invited to report your agency’s data on Justice Counts Publisher."
    >
      {invitation.data ? (
        <AcceptForm
          token={token}
          invitation={invitation.data}
          onAccepted={(found) => (found ? setStep(found) : enterApp())}
        />
      ) : (
        <AuthCard>
          {token ? (
            <ErrorState title="This invitation link does not work" error={invitation.error} />
          ) : (
            <p role="alert">This page needs the link from your invitation email.</p>
          )}
          <p>
            If you already have an account, <Link to="/sign-in">sign in</Link>.
          </p>
        </AuthCard>
      )}
    </AuthPage>
  );
}
