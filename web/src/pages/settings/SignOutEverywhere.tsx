/** "Sign out everywhere": for a lost laptop or a password someone else may know. */
import { messageFor } from '../../api/errors.ts';
import { useSignOutEverywhere } from '../../api/session.ts';
import { Button } from '../../components/index.ts';

export function SignOutEverywhere() {
  const signOut = useSignOutEverywhere();
  return (
    <section className="card settings-section" aria-labelledby="sign-out-everywhere">
      <h2 id="sign-out-everywhere" className="settings-section__title">
        Sign out everywhere
      </h2>
      <p className="settings-muted">
        Signs you out on every computer and phone, including this one, and revokes every API token you made for
        automated uploads. Scripts that use them stop working until you make new tokens. Resetting your password does
        the same.
      </p>
      {signOut.error && (
        <div className="alert alert--error" role="alert">
          {messageFor(signOut.error)}
        </div>
      )}
      <Button variant="secondary" loading={signOut.isPending} onClick={() => signOut.mutate()}>
        Sign out everywhere
      </Button>
    </section>
  );
}
