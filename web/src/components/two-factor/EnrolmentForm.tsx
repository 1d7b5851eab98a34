/**
 * Setting up two-factor sign-in: scan the QR code (or type the key) into an authenticator app,
 * then enter the code it shows to prove it works. Used at sign-in and in Settings.
 */
import { useState, type FormEvent } from 'react';
import type { Enrolment } from '../../api/two-factor.ts';
import { messageFor } from '../../api/errors.ts';
import { Button } from '../index.ts';
import { CodeInput } from './CodeInput.tsx';
import { QrCode } from './QrCode.tsx';
import { cleanCode, codeProblem, groupedSecret } from './two-factor-rules.ts';
import './two-factor.css';

export interface EnrolmentFormProps {
  enrolment: Enrolment;
  /** Sends the code; the caller shows what comes next. */
  onConfirm: (code: string) => void;
  confirming: boolean;
  /** The server's refusal of the last code, if any. */
  error: unknown;
  submitLabel: string;
}

export function EnrolmentForm({ enrolment, onConfirm, confirming, error, submitLabel }: EnrolmentFormProps) {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = codeProblem(code, 'app');
    setProblem(found);
    if (!found) onConfirm(cleanCode(code, 'app'));
  };

  return (
    <form className="enrolment" onSubmit={onSubmit} noValidate>
      <ol className="enrolment__steps">
        <li>
          Open an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or 1Password,
          and add an account.
        </li>
        <li>
          Scan this QR code with the app.
          <QrCode rows={enrolment.qr_rows} label="QR code to scan with your authenticator app" />
          <p className="enrolment__secret-label">Cannot scan it? Type this key into the app instead:</p>
          <code className="enrolment__secret" aria-label="Key for your authenticator app">
            {groupedSecret(enrolment.secret)}
          </code>
        </li>
        <li>
          Enter the six-digit code the app now shows.
          <CodeInput
            kind="app"
            value={code}
            onChange={setCode}
            error={problem ?? (error ? messageFor(error) : undefined)}
          />
        </li>
      </ol>
      <Button type="submit" variant="primary" loading={confirming} className="sign-in__submit">
        {submitLabel}
      </Button>
    </form>
  );
}
