/**
 * The Account tab's two-factor card: whether signing in also needs a code from the person's
 * phone, and turning it on, making new recovery codes, or turning it off (refused, with the
 * reason, while staff membership or an agency requires it). Single sign-on accounts have nothing
 * to set here: their organization's own checks apply.
 */
import { useState } from 'react';
import { useMyTwoFactor, useStartMyEnrolment, type TwoFactorStatus } from '../../api/two-factor.ts';
import { Badge, Button, ErrorState, Spinner } from '../../components/index.ts';
import { RenewCodesDialog, TurnOffDialog, TurnOnDialog } from './TwoFactorDialogs.tsx';

/** Few enough recovery codes left to suggest making new ones. */
const FEW_CODES_LEFT = 3;

const REQUIRED_BY = {
  staff: 'Justice Counts staff must use two-factor sign-in',
  agency: 'An agency you belong to requires two-factor sign-in',
} as const;

/** Why it cannot be turned off, or (not on yet) that the next sign-in will ask for it anyway. */
function requirement(status: TwoFactorStatus): string | undefined {
  if (!status.required_by) return undefined;
  const who = REQUIRED_BY[status.required_by];
  return status.enabled
    ? `${who}, so it cannot be turned off.`
    : `${who}: turn it on now, or you will be asked to at your next sign-in.`;
}

type Dialog = 'turn-on' | 'renew' | 'turn-off' | null;

function StatusDetails({ status }: { status: TwoFactorStatus }) {
  const start = useStartMyEnrolment();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const turnOn = () => {
    start.mutate();
    setDialog('turn-on');
  };
  return (
    <>
      <dl className="settings-details">
        <div className="settings-details__row">
          <dt>Status</dt>
          <dd>{status.enabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}</dd>
        </div>
        {status.enabled && (
          <div className="settings-details__row">
            <dt>Recovery codes</dt>
            <dd>
              {status.recovery_codes_left} left
              {status.recovery_codes_left <= FEW_CODES_LEFT && ': make new ones before they run out.'}
            </dd>
          </div>
        )}
      </dl>
      {status.required_by && <p className="settings-muted">{requirement(status)}</p>}
      <div className="settings-actions">
        {status.enabled ? (
          <>
            <Button onClick={() => setDialog('renew')}>Make new recovery codes</Button>
            {!status.required_by && (
              <Button variant="danger" onClick={() => setDialog('turn-off')}>
                Turn off
              </Button>
            )}
          </>
        ) : (
          <Button variant="primary" onClick={turnOn}>
            Turn on two-factor sign-in
          </Button>
        )}
      </div>
      {dialog === 'turn-on' && <TurnOnDialog start={start} onClose={close} />}
      {dialog === 'renew' && <RenewCodesDialog onClose={close} />}
      {dialog === 'turn-off' && <TurnOffDialog onClose={close} />}
    </>
  );
}

export function TwoFactorSettings() {
  const status = useMyTwoFactor();
  return (
    <section className="card settings-section" aria-labelledby="two-factor-settings">
      <h2 id="two-factor-settings" className="settings-section__title">
        Two-factor sign-in
      </h2>
      <p className="settings-muted settings-intro">
        With two-factor sign-in, signing in needs your password and a code from an authenticator app on your phone, so a
        stolen password alone cannot open your account.
      </p>
      {status.isPending ? (
        <Spinner label="Loading your two-factor sign-in…" />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : status.data.has_password ? (
        <StatusDetails status={status.data} />
      ) : (
        <p>
          You sign in through your organization’s single sign-on, whose own checks apply; there is nothing to set here.
        </p>
      )}
    </section>
  );
}
