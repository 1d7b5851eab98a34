/** `/verify-email?token=…` from the confirmation email: the new address takes effect when opened. */
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useConfirmEmail } from '../../api/accounts.ts';
import { useSession } from '../../api/session.ts';
import { AuthCard, AuthPage } from '../../components/auth/AuthForm.tsx';
import { ErrorState, PageLoading } from '../../components/index.ts';

export default function VerifyEmailPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const { user } = useSession();
  const confirm = useConfirmEmail();
  const { mutate } = confirm;
  // The link works once, so it is sent once even when React runs effects twice (StrictMode).
  const sent = useRef('');

  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate(token);
  }, [token, mutate]);

  if (token && (confirm.isIdle || confirm.isPending)) return <PageLoading label="Confirming your email…" />;
  return (
    <AuthPage title="Confirm your email">
      <AuthCard>
        {confirm.isSuccess ? (
          <p role="status">
            Your account now uses <strong>{confirm.data.email}</strong>. Sign in with it from now on.
          </p>
        ) : token ? (
          <ErrorState title="This confirmation link does not work" error={confirm.error} />
        ) : (
          <p role="alert">This page needs the link from your confirmation email.</p>
        )}
        <Link to={user ? '/' : '/sign-in'}>{user ? 'Go to Publisher' : 'Sign in'}</Link>
      </AuthCard>
    </AuthPage>
  );
}
