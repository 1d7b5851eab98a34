/** New Record: a monthly or annual record for a period, with a live preview of the dates it covers. */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { messageFor } from '../../api/errors.ts';
import { useCreateReport } from '../../api/reports.ts';
import { useUser } from '../../api/session.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import { Button, ButtonLink, EmptyState, Page, Select, useToast } from '../../components/index.ts';
import { recordPeriodPreview, recordRequest, yearOptions, type RecordChoice } from './create-record-rules.ts';
import { MONTH_NAMES } from '@jc/server/contract';
import { recordAbilities } from './record-permissions.ts';
import './records.css';

function Radios<V extends string>(props: {
  legend: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
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
            onChange={() => props.onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

function MonthSelect(props: { label: string; value: number; onChange: (month: number) => void; skip?: number[] }) {
  return (
    <Select label={props.label} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
      {MONTH_NAMES.map((name, index) =>
        props.skip?.includes(index + 1) ? null : (
          <option key={name} value={index + 1}>
            {name}
          </option>
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

export default function CreateRecordPage() {
  const agency = useCurrentAgency();
  const can = recordAbilities(useUser(), agency);
  const navigate = useNavigate();
  const toast = useToast();
  const create = useCreateReport(agency.id);
  const now = new Date();
  const [choice, setChoice] = useState<RecordChoice>({
    frequency: 'MONTHLY',
    month: now.getUTCMonth() + 1,
    yearStandard: 'CALENDAR',
    endingMonth: 9,
    year: now.getUTCFullYear(),
  });
  const change = (patch: Partial<RecordChoice>) => setChoice((current) => ({ ...current, ...patch }));

  if (!can.create) {
    return (
      <Frame>
        <EmptyState title="Only agency admins create records">Ask an admin of your agency to create it.</EmptyState>
      </Frame>
    );
  }

  const endsInYear = choice.frequency === 'ANNUAL' && choice.yearStandard !== 'CALENDAR';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(recordRequest(choice), {
      onSuccess: (record) => {
        toast.show('The record was successfully created.', { tone: 'success' });
        navigate(agencyPath(agency.id, `records/${record.id}`));
      },
      onError: (error) => toast.error(messageFor(error)),
    });
  };

  return (
    <Frame>
      <form className="create-record" onSubmit={submit}>
        <Radios
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
            <MonthSelect label="Month" value={choice.month} onChange={(month) => change({ month })} />
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
            {yearOptions(now).map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </Select>
        </div>
        <p className="create-record__summary" aria-live="polite">
          The record will be created for <strong>{recordPeriodPreview(choice)}</strong>.
        </p>
        <div className="create-record__actions">
          <Button type="submit" variant="primary" loading={create.isPending}>
            Create
          </Button>
        </div>
      </form>
    </Frame>
  );
}
