/** `/forgot-password`: ask for a reset link. The answer is the same whether or not the email has an account. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useRequestPasswordReset } from '../../api/accounts.ts';
import { Button, FormError, Page, TextInput } from '../../components/index.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = EMAIL.test(email.trim()) ? undefined : 'Enter an email address like name@agency.gov.';
    setProblem(found);
    if (!found) request.mutate(email.trim());
  };

  return (
    <div className="sign-in">
      <Page title="Reset your password" description="We will email you a link to choose a new password.">
        {request.isSuccess ? (
          <div className="card sign-in__form" role="status">
            <p>
              If an account uses <strong>{email.trim()}</strong>, a link is on its way. It works once, for one hour.
            </p>
            <Link to="/sign-in">Back to sign in</Link>
          </div>
        ) : (
          <form className="card sign-in__form" onSubmit={onSubmit} noValidate>
            <FormError error={request.error} />
            <TextInput
              label="Email"
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={problem}
            />
            <Button type="submit" variant="primary" loading={request.isPending} className="sign-in__submit">
              Email me a link
            </Button>
            <Link to="/sign-in">Back to sign in</Link>
          </form>
        )}
      </Page>
    </div>
  );
}
