/** The box for a two-factor code: digits on phones, and the browser may fill in a code it received. */
import { TextInput } from '../index.ts';
import type { CodeKind } from './two-factor-rules.ts';

export interface CodeInputProps {
  kind: CodeKind;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Focus the box at once, when it is the only thing on the screen to fill in. */
  autoFocus?: boolean;
}

export function CodeInput({ kind, value, onChange, error, autoFocus = false }: CodeInputProps) {
  const app = kind === 'app';
  return (
    <TextInput
      label={app ? 'Code from your app' : 'Recovery code'}
      hint={
        app
          ? 'The six-digit code your authenticator app shows for Justice Counts Publisher.'
          : 'One of the codes you saved when you set up two-factor sign-in, like ABCDE-FGHJK. Each works once.'
      }
      name={app ? 'code' : 'recovery-code'}
      inputMode={app ? 'numeric' : 'text'}
      autoComplete={app ? 'one-time-code' : 'off'}
      spellCheck={false}
      className="code-input"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      autoFocus={autoFocus}
    />
  );
}
