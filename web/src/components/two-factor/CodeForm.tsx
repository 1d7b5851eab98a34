/**
 * A form asking for a current code: the six-digit code from the app, or (after "Use a recovery
 * code instead") one of the recovery codes. Used by the sign-in step and by Settings, where
 * changing two-factor sign-in asks for a code first.
 */
import { useState, type FormEvent } from 'react';
import { messageFor } from '../../api/errors.ts';
import { Button } from '../index.ts';
import { CodeInput } from './CodeInput.tsx';
import { cleanCode, codeProblem, type CodeKind } from './two-factor-rules.ts';

export interface CodeFormProps {
  submitLabel: string;
  /** Sends the code as the server takes it. */
  onSubmit: (code: string) => void;
  sending: boolean;
  /** The server's refusal of the last code, shown under the box. */
  error: unknown;
  /** Forgets that refusal, when the person switches to the other kind of code. */
  onSwitch: () => void;
  className?: string;
}

export function CodeForm({ submitLabel, onSubmit, sending, error, onSwitch, className }: CodeFormProps) {
  const [kind, setKind] = useState<CodeKind>('app');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = codeProblem(code, kind);
    setProblem(found);
    if (!found) onSubmit(cleanCode(code, kind));
  };
  const switchKind = () => {
    setKind(kind === 'app' ? 'recovery' : 'app');
    setCode('');
    setProblem(undefined);
    onSwitch();
  };
  return (
    <form className={className} onSubmit={submit} noValidate>
      <CodeInput
        key={kind}
        kind={kind}
        autoFocus
        value={code}
        onChange={setCode}
        error={problem ?? (error ? messageFor(error) : undefined)}
      />
      <Button type="submit" variant="primary" loading={sending} className="sign-in__submit">
        {submitLabel}
      </Button>
      <Button variant="ghost" onClick={switchKind}>
        {kind === 'app' ? 'Use a recovery code instead' : 'Use the code from your app instead'}
      </Button>
    </form>
  );
}
