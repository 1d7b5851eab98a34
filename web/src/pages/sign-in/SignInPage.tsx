/** Email and password sign-in. On success the session reloads and the person goes where they were headed. */
import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { fieldErrors, messageFor } from '../../api/errors.ts';
import { useSession, useSignIn } from '../../api/session.ts';
import { safeNextPath } from '../../app/paths.ts';
import { Button, Page, TextInput } from '../../components/index.ts';

type Problems = Partial<Record<'email' | 'password', string>>;

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
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});

  if (user) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkForm(email, password);
    setProblems(found);
    if (Object.keys(found).length === 0) signIn.mutate({ email: email.trim(), password });
  };
  const serverProblems = fieldErrors(signIn.error);

  return (
    <div className="sign-in">
      <Page title="Sign in to Publisher" description="Report and publish your agency’s Justice Counts data.">
        <form className="card sign-in__form" onSubmit={onSubmit} noValidate>
          {signIn.isError && (
            <div className="alert alert--error" role="alert">
              {messageFor(signIn.error)}
            </div>
          )}
          <TextInput
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={problems.email ?? serverProblems.email}
          />
          <TextInput
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={problems.password ?? serverProblems.password}
          />
          <Button type="submit" variant="primary" loading={signIn.isPending} className="sign-in__submit">
            Sign in
          </Button>
        </form>
      </Page>
    </div>
  );
}
