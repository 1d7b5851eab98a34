/**
 * Who entered and changed which value of one metric on this record, and when: each value's first
 * entry (blank → 120) and every later change, newest first.
 */
import type { HistoryEntry } from '@jc/server/contract';
import { useValueHistory } from '../../api/reports.ts';
import { ErrorState, Modal, Spinner } from '../../components/index.ts';

const METHODS: Record<string, string> = {
  MANUAL_ENTRY: 'typed in',
  BULK_UPLOAD: 'uploaded',
  AUTOMATED_BULK_UPLOAD: 'uploaded automatically',
};

const shown = (value: HistoryEntry['old_value']) =>
  value === null ? 'empty' : typeof value === 'number' ? value.toLocaleString('en-US') : `“${value}”`;

/** "Ada Lovelace, typed in" — or, for a value entered before first entries were kept, that it is not known. */
function byWhomAndHow(entry: HistoryEntry): string {
  if (entry.first_entry && entry.new_upload_method === null) {
    return 'First entry; who entered it, and how, is not known';
  }
  const how = METHODS[entry.new_upload_method ?? ''] ?? 'changed';
  return `${entry.user?.name ?? 'The system'}, ${entry.first_entry ? `first entry, ${how}` : how}`;
}

function what(entry: HistoryEntry): string {
  if (entry.context_key) return 'Notes';
  if (!entry.dimension_display_name) return 'Total';
  const sub = entry.sub_dimension_name ? ` – ${entry.sub_dimension_name}` : '';
  return `${entry.disaggregation_display_name}: ${entry.dimension_display_name}${sub}`;
}

export function HistoryModal(props: {
  agencyId: number;
  reportId: number;
  metricKey: string;
  title: string;
  onClose: () => void;
}) {
  const history = useValueHistory(props.agencyId, props.reportId, props.metricKey);
  return (
    <Modal open title={`Change history: ${props.title}`} onClose={props.onClose} size="lg">
      {history.isPending && <Spinner label="Loading the history" />}
      {history.isError && <ErrorState error={history.error} />}
      {history.data?.length === 0 && (
        <p>No value has been entered yet. Entries and changes appear here, newest first.</p>
      )}
      {history.data && history.data.length > 0 && (
        <ol className="de-history">
          {history.data.map((entry, index) => (
            <li key={`${entry.datapoint_id}-${index}`}>
              <strong>{what(entry)}</strong>: {shown(entry.old_value)} → {shown(entry.new_value)}
              <span className="de-history__meta">
                {byWhomAndHow(entry)},{' '}
                {new Date(entry.timestamp).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Modal>
  );
}
