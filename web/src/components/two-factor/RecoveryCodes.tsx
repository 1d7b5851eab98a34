/**
 * The recovery codes, shown once right after they are made: each signs the person in once when
 * their phone is not at hand. They can copy them or save them as a file before going on.
 */
import { useState } from 'react';
import { saveFile } from '../../api/uploads.ts';
import { Button } from '../index.ts';
import { recoveryCodesText } from './two-factor-rules.ts';
import './two-factor.css';

export interface RecoveryCodesProps {
  codes: readonly string[];
  /** Whose codes they are, named in the saved file. */
  email: string;
  continueLabel: string;
  onContinue: () => void;
  continuing?: boolean;
}

export function RecoveryCodes({ codes, email, continueLabel, onContinue, continuing }: RecoveryCodesProps) {
  const [copied, setCopied] = useState<'yes' | 'refused'>();
  const text = recoveryCodesText(codes, email);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('refused'),
    );
  return (
    <div className="recovery-codes">
      <p>
        If your phone is lost or not at hand, each of these codes signs you in once instead of a code from your app.
        Keep them somewhere safe, such as a password manager. <strong>This is the only time they are shown.</strong>
      </p>
      <ol className="recovery-codes__list" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="recovery-codes__actions">
        <Button onClick={() => void copy()}>Copy codes</Button>
        <Button onClick={() => saveFile(new Blob([text], { type: 'text/plain' }), 'justice-counts-recovery-codes.txt')}>
          Download codes
        </Button>
      </div>
      <p role="status" className="recovery-codes__copied">
        {copied === 'yes' && 'The codes are copied.'}
        {copied === 'refused' && 'This browser did not allow copying: download the codes or write them down.'}
      </p>
      <Button variant="primary" className="sign-in__submit" onClick={onContinue} loading={continuing}>
        {continueLabel}
      </Button>
    </div>
  );
}
