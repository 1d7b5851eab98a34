/** Review's list of every flagged value, in a sentence each, with the note already written for it. */
import type { PublishFlagJson } from '@jc/server/contract';
import { flagId, flagLabel, unexplained, type RecordNames } from './flag-rules.ts';
import './publish-flags.css';

export function PublishFlags({ flags, recordNames }: { flags: readonly PublishFlagJson[]; recordNames: RecordNames }) {
  if (flags.length === 0) return null;
  const count = flags.length === 1 ? '1 figure needs' : `${flags.length} figures need`;
  return (
    <section className="alert alert--warning pf-flags" aria-label="Figures to explain">
      <p className="pf-flags__title">{count} a second look before publishing:</p>
      <ul>
        {flags.map((flag) => (
          <li key={flagId(flag)}>
            {flagLabel(flag, recordNames)}
            {flag.explanation && <span className="pf-flags__note"> Your note: “{flag.explanation}”</span>}
          </li>
        ))}
      </ul>
      {unexplained(flags).length > 0 && (
        <p>If a figure is right, publishing asks you to explain it; the explanation is published with it as a note.</p>
      )}
    </section>
  );
}
