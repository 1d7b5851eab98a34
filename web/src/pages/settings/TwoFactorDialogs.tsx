/**
 * The dialogs of Settings' two-factor card: turning it on (the same set-up as at sign-in, then
 * the recovery codes), making new recovery codes and turning it off (each after a current code).
 */
import { useUser } from '../../api/session.ts';
import {
  useConfirmMyEnrolment,
  useRenewRecoveryCodes,
  useTurnOffTwoFactor,
  type EnrolmentStart,
} from '../../api/two-factor.ts';
import { messageFor } from '../../api/errors.ts';
import { Modal, Spinner, useToast } from '../../components/index.ts';
import { CodeForm } from '../../components/two-factor/CodeForm.tsx';
import { EnrolmentForm } from '../../components/two-factor/EnrolmentForm.tsx';
import { RecoveryCodes } from '../../components/two-factor/RecoveryCodes.tsx';

/** The codes just made, shown once with a Done button that closes the dialog. */
function NewCodes({ codes, onClose }: { codes: readonly string[]; onClose: () => void }) {
  const user = useUser();
  return <RecoveryCodes codes={codes} email={user.email} continueLabel="Done" onContinue={onClose} />;
}

/** Started by the button that opens it, so one click asks the server for one secret. */
export function TurnOnDialog({ start, onClose }: { start: EnrolmentStart; onClose: () => void }) {
  const confirm = useConfirmMyEnrolment();
  const toast = useToast();
  const done = () => {
    toast.show('Two-factor sign-in is on.', { tone: 'success' });
    onClose();
  };
  return (
    <Modal
      open
      title={confirm.data ? 'Save your recovery codes' : 'Turn on two-factor sign-in'}
      onClose={confirm.data ? done : onClose}
      preventClose={confirm.isPending}
    >
      {confirm.data ? (
        <NewCodes codes={confirm.data} onClose={done} />
      ) : start.isPending ? (
        <Spinner label="Preparing your QR code…" />
      ) : start.isError ? (
        <div className="alert alert--error" role="alert">
          {messageFor(start.error)}
        </div>
      ) : start.data ? (
        <EnrolmentForm
          enrolment={start.data}
          onConfirm={(code) => confirm.mutate(code)}
          confirming={confirm.isPending}
          error={confirm.error}
          submitLabel="Turn on"
        />
      ) : null}
    </Modal>
  );
}

export function RenewCodesDialog({ onClose }: { onClose: () => void }) {
  const renew = useRenewRecoveryCodes();
  return (
    <Modal
      open
      title={renew.data ? 'Save your new recovery codes' : 'Make new recovery codes'}
      onClose={onClose}
      preventClose={renew.isPending}
    >
      {renew.data ? (
        <NewCodes codes={renew.data} onClose={onClose} />
      ) : (
        <>
          <p>Your old recovery codes stop working, and you get ten new ones. Enter a current code to go on.</p>
          <CodeForm
            className="two-factor-dialog__form"
            submitLabel="Make new codes"
            onSubmit={(code) => renew.mutate(code)}
            sending={renew.isPending}
            error={renew.error}
            onSwitch={() => renew.reset()}
          />
        </>
      )}
    </Modal>
  );
}

export function TurnOffDialog({ onClose }: { onClose: () => void }) {
  const turnOff = useTurnOffTwoFactor();
  const toast = useToast();
  const send = (code: string) =>
    turnOff.mutate(code, {
      onSuccess: () => {
        toast.show('Two-factor sign-in is off.', { tone: 'success' });
        onClose();
      },
    });
  return (
    <Modal open title="Turn off two-factor sign-in" onClose={onClose} preventClose={turnOff.isPending}>
      <p>
        Signing in will need only your password, and your recovery codes stop working. Enter a current code to go on.
      </p>
      <CodeForm
        className="two-factor-dialog__form"
        submitLabel="Turn off"
        onSubmit={send}
        sending={turnOff.isPending}
        error={turnOff.error}
        onSwitch={() => turnOff.reset()}
      />
    </Modal>
  );
}
