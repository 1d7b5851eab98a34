import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { FieldFrame, useFieldIds, type FieldTextProps } from './Field.tsx';

export type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> & FieldTextProps;

export function TextInput({ label, hint, error, hideLabel, id, className, ...input }: TextInputProps) {
  const ids = useFieldIds(id, { hint, error });
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <input type="text" className={['input', className].filter(Boolean).join(' ')} {...input} {...ids.controlProps} />
    </FieldFrame>
  );
}

/**
 * A text box for figures. It stays a text input (not type=number) so people can type separators
 * and the page can say exactly what is wrong with a value; digits are right-aligned.
 */
export function NumberInput(props: Omit<TextInputProps, 'type' | 'inputMode'>) {
  const className = ['input--number', props.className].filter(Boolean).join(' ');
  return <TextInput autoComplete="off" {...props} inputMode="decimal" className={className} />;
}

export type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldTextProps;

/** "120 of 750 characters." under a box with a limit, so nobody runs into it unawares. */
function characterCount(value: TextAreaProps['value'], max: number | undefined): string | undefined {
  if (max === undefined || typeof value !== 'string') return undefined;
  return `${value.length.toLocaleString('en-US')} of ${max.toLocaleString('en-US')} characters.`;
}

/** Several lines of text, with the same label, hint and error wiring as TextInput. */
export function TextArea({ label, hint, error, hideLabel, id, className, ...textarea }: TextAreaProps) {
  const count = characterCount(textarea.value, textarea.maxLength);
  const fullHint =
    hint && count ? (
      <>
        {hint} {count}
      </>
    ) : (
      (hint ?? count)
    );
  const ids = useFieldIds(id, { hint: fullHint, error });
  return (
    <FieldFrame ids={ids} label={label} hint={fullHint} error={error} hideLabel={hideLabel}>
      <textarea
        className={['input', 'input--area', className].filter(Boolean).join(' ')}
        {...textarea}
        {...ids.controlProps}
      />
    </FieldFrame>
  );
}
