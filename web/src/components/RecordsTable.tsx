import type { ReportOverview } from '@jc/server/contract';
import { agencyPath } from '../app/paths.ts';
import { Badge, EditorName, Table, type BadgeTone, type Column } from './index.ts';
import { distinctEditors, frequencyLabel, groupByYear, longDate, recordTitle } from '../rules/record-names.ts';

const STATUS: Record<ReportOverview['status'], { label: string; tone: BadgeTone }> = {
  DRAFT: { label: 'Draft', tone: 'warning' },
  PUBLISHED: { label: 'Published', tone: 'success' },
  NOT_STARTED: { label: 'Not Started', tone: 'danger' },
};

export function StatusBadge({ status }: { status: ReportOverview['status'] }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

function Editors({ record }: { record: ReportOverview }) {
  const editors = distinctEditors(record.editors);
  const [first] = editors;
  if (!first) return <span className="records__muted">-</span>;
  const others = editors.length - 1;
  return (
    <span title={editors.map((e) => e.name).join(', ')}>
      <EditorName editor={first} />
      {others > 0 && <span className="records__muted">{` & ${others} other${others === 1 ? '' : 's'}`}</span>}
    </span>
  );
}

export interface Selection {
  /** Which records may be picked for the current bulk action. */
  eligible: (record: ReportOverview) => boolean;
  selected: ReadonlySet<number>;
  toggle: (id: number) => void;
}

function columns(selection: Selection | undefined): Column<ReportOverview>[] {
  const pick: Column<ReportOverview>[] = selection
    ? [
        {
          key: 'pick',
          header: <span className="visually-hidden">Select</span>,
          cell: (record) => (
            <input
              type="checkbox"
              className="records__pick"
              aria-label={`Select ${recordTitle(record)}`}
              disabled={!selection.eligible(record)}
              checked={selection.selected.has(record.id)}
              onChange={() => selection.toggle(record.id)}
            />
          ),
        },
      ]
    : [];
  return [
    ...pick,
    { key: 'period', header: 'Recording Period', cell: (record) => recordTitle(record) },
    { key: 'status', header: 'Status', cell: (record) => <StatusBadge status={record.status} /> },
    { key: 'frequency', header: 'Frequency', cell: frequencyLabel },
    { key: 'editors', header: 'Editors', cell: (record) => <Editors record={record} /> },
    { key: 'modified', header: 'Last Modified', cell: (record) => longDate(record.last_modified_at) },
  ];
}

/** The records, one table per year (newest first); in bulk mode each row gets a checkbox instead of a link. */
export function RecordsTable(props: { agencyId: number; records: ReportOverview[]; selection?: Selection }) {
  const { agencyId, records, selection } = props;
  return (
    <div className="records__years">
      {groupByYear(records).map((group) => (
        <Table
          key={group.year}
          caption={String(group.year)}
          columns={columns(selection)}
          rows={group.records}
          rowKey={(record) => record.id}
          rowHref={selection ? undefined : (record) => agencyPath(agencyId, `records/${record.id}`)}
        />
      ))}
    </div>
  );
}
