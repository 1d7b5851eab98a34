/**
 * Publish, for one record or many: when a breakdown does not add up to its total, it first asks,
 * naming every such metric and breakdown, and publishes only on confirmation.
 */
import { useState } from 'react';
import { Button, Modal, type ButtonProps } from '../../components/index.ts';
import { MISMATCH_ADVICE } from '../../rules/breakdown-sum-words.ts';
import { tablesWithWarnings, type ReviewTable } from './review-rules.ts';

export function PublishButton({
  tables,
  onPublish,
  children,
  ...button
}: Omit<ButtonProps, 'onClick'> & { tables: readonly ReviewTable[]; onPublish: () => void }) {
  const [asking, setAsking] = useState(false);
  const flagged = tablesWithWarnings(tables);
  const publish = () => {
    setAsking(false);
    onPublish();
  };
  return (
    <>
      <Button {...button} onClick={() => (flagged.length > 0 ? setAsking(true) : onPublish())}>
        {children}
      </Button>
      <Modal
        open={asking}
        title="Publish figures that do not add up?"
        onClose={() => setAsking(false)}
        footer={
          <>
            <Button onClick={() => setAsking(false)}>Go back and check</Button>
            <Button variant="primary" onClick={publish}>
              Publish anyway
            </Button>
          </>
        }
      >
        <p>Some breakdowns do not add up to their metric’s total:</p>
        <ul className="rv-confirm">
          {flagged.map((table) => (
            <li key={table.metricKey}>
              <strong>{table.title}</strong>
              <ul>
                {table.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        <p>{MISMATCH_ADVICE}</p>
      </Modal>
    </>
  );
}
