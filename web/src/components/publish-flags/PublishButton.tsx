/**
 * Publish, for one record or many. When a value is flagged (checks before publishing) and has no
 * explanation yet, it first opens "Explain before publishing": a field per flag, each answer
 * published with its figure as a data note. Publishing waits until every field has an answer.
 */
import { useState } from 'react';
import type { PublishFlagJson } from '@jc/server/contract';
import type { FlagExplanation } from '../../api/reports.ts';
import { Button, Modal, TextArea, type ButtonProps } from '../index.ts';
import { MAX_EXPLANATION_CHARS, flagLabel, flagId, unexplained, type RecordNames } from './flag-rules.ts';
import './publish-flags.css';

export function PublishButton({
  flags,
  recordNames,
  onPublish,
  children,
  ...button
}: Omit<ButtonProps, 'onClick'> & {
  flags: readonly PublishFlagJson[];
  recordNames: RecordNames;
  onPublish: (explanations: FlagExplanation[]) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const needed = unexplained(flags);
  const complete = needed.every((flag) => (texts[flagId(flag)] ?? '').trim() !== '');
  const publish = () => {
    setAsking(false);
    onPublish(
      needed.map((flag) => ({ report_id: flag.report_id, flag: flag.flag, text: texts[flagId(flag)]!.trim() })),
    );
  };
  return (
    <>
      <Button {...button} onClick={() => (needed.length > 0 ? setAsking(true) : onPublish([]))}>
        {children}
      </Button>
      <Modal
        open={asking}
        size="lg"
        title="Explain before publishing"
        onClose={() => setAsking(false)}
        footer={
          <>
            <Button onClick={() => setAsking(false)}>Go back and check</Button>
            <Button variant="primary" disabled={!complete} onClick={publish}>
              Publish with notes
            </Button>
          </>
        }
      >
        <p>
          Some figures look different from your agency’s usual figures or do not add up. If they are right, say why in a
          sentence or two. Each explanation is published next to its figure as a note, so people reading your data
          understand it.
        </p>
        <div className="pf-explain">
          {needed.map((flag) => (
            <TextArea
              key={flagId(flag)}
              label={flagLabel(flag, recordNames)}
              hint="Published with the figure."
              rows={2}
              maxLength={MAX_EXPLANATION_CHARS}
              value={texts[flagId(flag)] ?? ''}
              onChange={(event) => setTexts((now) => ({ ...now, [flagId(flag)]: event.target.value }))}
            />
          ))}
        </div>
      </Modal>
    </>
  );
}
