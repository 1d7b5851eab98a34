import { SUPPORT_EMAIL, messageFor } from '../api/errors.ts';
import { useSignOut } from '../api/session.ts';
import { Button, Page, useToast } from './index.ts';

/** Signed in, but no agency has added this account yet. */
export function NoAgencyPage() {
  const signOut = useSignOut();
  const toast = useToast();
  return (
    <Page
      title="No agency connected"
      description="Your account is not connected to any agency yet, so there is nothing to report for."
    >
      <div className="status-page">
        <p>
          Ask an admin of your agency to invite you, or email <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>{' '}
          and we will connect your account.
        </p>
        <Button
          loading={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onError: (error) => toast.error(messageFor(error)) })}
        >
          Sign out
        </Button>
      </div>
    </Page>
  );
}
