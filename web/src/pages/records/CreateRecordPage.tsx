/** New Record: a monthly or annual record for a period, with a live preview of the dates it covers. */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { messageFor } from '../../api/errors.ts';
import { useAgencyReports, useCreateReport } from '../../api/reports.ts';
import { useSession } from '../../api/session.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import {
  Button,
  ButtonLink,
  EmptyState,
  ErrorState,
  Page,
  PageLoading,
  Select,
  useToast,
} from '../../components/index.ts';
import {
  choiceFor,
  initialChoice,
  periodState,
  recordPeriodPreview,
  recordRequest,
  settle,
  yearOptions,
  type PeriodState,
  type RecordCalendar,
  type RecordChoice,
} from './create-record-rules.ts';
import { MONTH_NAMES } from '@jc/server/contract';
import './records.css';

/** `autoFocus`: the chosen option takes the cursor when the form opens. */
function Radios<V extends string>(props: {
  legend: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  autoFocus?: boolean;
}) {
  const name = useId();
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className="radio">
          <input
            type="radio"
            name={name}
            checked={props.value === option.value}
            autoFocus={props.autoFocus === true && props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** A month or year option, switched off (and saying why) when New Record may not offer it. */
function Option({ value, label, state }: { value: number; label: string; state: PeriodState }) {
  const why = state === 'exists' ? ' (has a record)' : state === 'not-ended' ? ' (not ended yet)' : '';
  return (
    <option value={value} disabled={state !== 'open'}>
      {label}
      {why}
    </option>
  );
}

function MonthSelect(props: {
  label: string;
  value: number;
  onChange: (month: number) => void;
  skip?: number[];
  stateOf?: (month: number) => PeriodState;
}) {
  return (
    <Select label={props.label} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
      {MONTH_NAMES.map((name, index) =>
        props.skip?.includes(index + 1) ? null : (
          <Option key={name} value={index + 1} label={name} state={props.stateOf?.(index + 1) ?? 'open'} />
        ),
      )}
    </Select>
  );
}

function Frame({ children }: { children: ReactNode }) {
  const agency = useCurrentAgency();
  return (
    <Page title="New Record" actions={<ButtonLink to={agencyPath(agency.id, 'records')}>← Back to Records</ButtonLink>}>
      {children}
    </Page>
  );
}

/** The period a Home task card asked for (`?frequency=ANNUAL&start=2025-01-01`), if any. */
function askedChoice(params: URLSearchParams): RecordChoice | null {
  const frequency = params.get('frequency');
  const start = params.get('start') ?? '';
  if ((frequency !== 'MONTHLY' && frequency !== 'ANNUAL') || !/^\d{4}-\d{2}-01$/.test(start)) return null;
  return choiceFor(frequency, start);
}

export default function CreateRecordPage() {
  const agency = useCurrentAgency();
  const { today } = useSession();
  const reports = useAgencyReports(agency.id);
  const [params] = useSearchParams();
  if (!agency.can['reports.create']) {
    return (
      <Frame>
        <EmptyState title="Only agency admins create records">Ask an admin of your agency to create it.</EmptyState>
      </Frame>
    );
  }
  if (reports.isPending) return <PageLoading />;
  if (reports.isError) {
    return (
      <Frame>
        <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
      </Frame>
    );
  }
  const existing = reports.data.map((r) => ({ start: r.date_range_start, end: r.date_range_end }));
  return <CreateRecordForm calendar={{ today, existing }} asked={askedChoice(params)} />;
}

const REFUSALS: Record<Exclude<PeriodState, 'open'>, string> = {
  exists: 'already has a record: open it from the records list.',
  'not-ended': 'has not ended yet: its record can be created once it is over.',
};

function CreateRecordForm({ calendar, asked }: { calendar: RecordCalendar; asked: RecordChoice | null }) {
  const agency = useCurrentAgency();
  const navigate = useNavigate();
  const toast = useToast();
  const create = useCreateReport(agency.id);
  const [choice, setChoice] = useState<RecordChoice>(() => initialChoice(calendar, asked));
  const change = (patch: Partial<RecordChoice>) => setChoice((current) => settle({ ...current, ...patch }, calendar));
  const state = periodState(choice, calendar);

  const endsInYear = choice.frequency === 'ANNUAL' && choice.yearStandard !== 'CALENDAR';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (state !== 'open') return;
    create.mutate(recordRequest(choice), {
      onSuccess: (record) => {
        toast.show('The record was successfully created.', { tone: 'success' });
        void navigate(agencyPath(agency.id, `records/${record.id}`));
      },
      onError: (error) => toast.error(messageFor(error)),
    });
  };

  return (
    <Frame>
      <form className="create-record" onSubmit={submit}>
        <Radios
          autoFocus
          legend="How often is this record shared?"
          value={choice.frequency}
          onChange={(frequency) => change({ frequency })}
          options={[
            { value: 'MONTHLY', label: 'Monthly' },
            { value: 'ANNUAL', label: 'Annual' },
          ]}
        />
        {choice.frequency === 'ANNUAL' && (
          <Radios
            legend="Which year does your agency use for annual records?"
            value={choice.yearStandard}
            onChange={(yearStandard) => change({ yearStandard })}
            options={[
              { value: 'CALENDAR', label: 'Calendar Year (Jan – Dec)' },
              { value: 'FISCAL', label: 'Fiscal Year (Jul – Jun)' },
              { value: 'OTHER', label: 'Other' },
            ]}
          />
        )}
        <div className="create-record__when">
          {choice.frequency === 'MONTHLY' && (
            <MonthSelect
              label="Month"
              value={choice.month}
              onChange={(month) => change({ month })}
              stateOf={(month) => periodState({ ...choice, month }, calendar)}
            />
          )}
          {choice.frequency === 'ANNUAL' && choice.yearStandard === 'OTHER' && (
            <MonthSelect
              label="Last month of the year"
              value={choice.endingMonth}
              skip={[6, 12]}
              onChange={(endingMonth) => change({ endingMonth })}
            />
          )}
          <Select
            label={endsInYear ? 'Year it ends' : 'Year'}
            value={choice.year}
            onChange={(e) => change({ year: Number(e.target.value) })}
          >
            {yearOptions(calendar.today).map((year) => (
              <Option
                key={year}
                value={year}
                label={String(year)}
                // A monthly record's year is offered whole; its months say which are taken.
                state={choice.frequency === 'ANNUAL' ? periodState({ ...choice, year }, calendar) : 'open'}
              />
            ))}
          </Select>
        </div>
        <p className="create-record__summary" aria-live="polite">
          {state === 'open' ? (
            <>
              The record will be created for <strong>{recordPeriodPreview(choice)}</strong>.
            </>
          ) : (
            <>
              <strong>{recordPeriodPreview(choice)}</strong> {REFUSALS[state]}
            </>
          )}
        </p>
        <div className="create-record__actions">
          <Button type="submit" variant="primary" loading={create.isPending} disabled={state !== 'open'}>
            Create
          </Button>
        </div>
      </form>
    </Frame>
  );
}
