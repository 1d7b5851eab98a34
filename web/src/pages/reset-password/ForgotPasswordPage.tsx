/** `/forgot-password`: ask for a reset link. The answer is the same whether or not the email has an account. */
import { useState } from 'react';
import { Link } from 'react-router';
import { useRequestPasswordReset } from '../../api/accounts.ts';
import { AuthCard, AuthForm, AuthPage, EmailField, useCheckedSubmit } from '../../components/auth/AuthForm.tsx';
import { FormError } from '../../components/index.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const { problems, onSubmit } = useCheckedSubmit(
    () => ({ email: EMAIL.test(email.trim()) ? undefined : 'Enter an email address like name@agency.gov.' }),
    () => request.mutate(email.trim()),
  );

  return (
    <AuthPage title="Reset your password" description="We will email you a link to choose a new password.">
      {request.isSuccess ? (
        <AuthCard role="status">
          <p>
            If an account uses <strong>{email.trim()}</strong>, a link is on its way. It works once, for one hour.
          </p>
          <Link to="/sign-in">Back to sign in</Link>
        </AuthCard>
      ) : (
        <AuthForm
          onSubmit={onSubmit}
          submitLabel="Email me a link"
          sending={request.isPending}
          links={<Link to="/sign-in">Back to sign in</Link>}
        >
          <FormError error={request.error} />
          <EmailField
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={problems.email}
          />
        </AuthForm>
      )}
    </AuthPage>
  );
}
