/**
 * Who changed which metric setting, when, from what to what, newest first: one metric's changes
 * (on its page) or all of the agency's (on the overview), behind a "Change history" button.
 */
import { useState } from 'react';
import type { SettingHistoryEntryJson } from '@jc/server/contract';
import { useSettingHistory } from '../../api/metric-settings.ts';
import { Button, EditorName, ErrorState, Modal, Spinner } from '../../components/index.ts';

const shown = (value: string | null) => value ?? 'not set';

function when(entry: SettingHistoryEntryJson): string {
  return entry.timestamp === null
    ? 'at a time not recorded'
    : new Date(entry.timestamp).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

function HistoryList({ agencyId, metricKey }: { agencyId: number; metricKey: string | undefined }) {
  const history = useSettingHistory(agencyId, metricKey);
  if (history.isPending) return <Spinner label="Loading the change history…" />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) {
    return <p>No setting has been changed yet. Changes appear here, newest first, with who made them.</p>;
  }
  return (
    <ol className="mc-history">
      {history.data.map((entry, index) => (
        <li key={`${entry.timestamp}-${index}`} className="mc-history__entry">
          <p className="mc-history__meta">
            <strong>{entry.user ? <EditorName editor={entry.user} /> : 'Someone no longer in the agency'}</strong>,{' '}
            {when(entry)}
            {metricKey === undefined && <> · {entry.metric_display_name}</>}
          </p>
          <ul className="mc-history__changes">
            {entry.changes.map((change, i) => (
              <li key={i}>
                {change.setting}: {shown(change.old_value)} → <strong>{shown(change.new_value)}</strong>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

export function SettingHistoryButton({
  agencyId,
  metricKey,
  title,
}: {
  agencyId: number;
  metricKey?: string;
  title: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Change history
      </Button>
      {open && (
        <Modal open title={`Change history: ${title}`} onClose={() => setOpen(false)} size="lg">
          <HistoryList agencyId={agencyId} metricKey={metricKey} />
        </Modal>
      )}
    </>
  );
}
