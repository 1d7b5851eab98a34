/**
 * The filters of the security events list: part of an email, the agency (staff only), the kind
 * of event and a range of days. They apply when the person presses "Show events".
 */
import { useState, type FormEvent } from 'react';
import type { SecurityEventKind } from '@jc/server/contract';
import { SECURITY_EVENT_KINDS, type SecurityEventFilter } from '../../api/security-events.ts';
import { Button, Select, TextInput } from '../index.ts';
import { KIND_WORDS } from './event-words.ts';

export interface EventFiltersProps {
  /** Agencies to choose from; staff only (an agency admin sees their own agency's events). */
  agencies?: readonly { id: number; name: string }[];
  onApply: (filter: SecurityEventFilter) => void;
}

const EMPTY = { email: '', agency: '', kind: '', from: '', to: '' };

export function EventFilters({ agencies, onApply }: EventFiltersProps) {
  const [form, setForm] = useState(EMPTY);
  const [problem, setProblem] = useState<string>();
  const set = (field: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setForm({ ...form, [field]: event.target.value });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const backwards = form.from && form.to && form.from > form.to;
    setProblem(backwards ? 'The first day must not be after the last day.' : undefined);
    if (backwards) return;
    onApply({
      email: form.email.trim() || undefined,
      agency_id: form.agency ? Number(form.agency) : undefined,
      kind: (form.kind || undefined) as SecurityEventKind | undefined,
      from: form.from || undefined,
      to: form.to || undefined,
    });
  };
  const clear = () => {
    setForm(EMPTY);
    setProblem(undefined);
    onApply({});
  };

  return (
    <form className="event-filters" onSubmit={apply} noValidate aria-label="Filter security events">
      <TextInput label="Email contains" type="search" value={form.email} onChange={set('email')} />
      {agencies && (
        <Select label="Agency" value={form.agency} onChange={set('agency')}>
          <option value="">Every agency</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </Select>
      )}
      <Select label="Event" value={form.kind} onChange={set('kind')}>
        <option value="">Every event</option>
        {SECURITY_EVENT_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_WORDS[kind]}
          </option>
        ))}
      </Select>
      <TextInput label="From" type="date" value={form.from} onChange={set('from')} error={problem} />
      <TextInput label="To" type="date" value={form.to} onChange={set('to')} />
      <div className="event-filters__buttons">
        <Button type="submit" variant="primary">
          Show events
        </Button>
        <Button onClick={clear}>Clear</Button>
      </div>
    </form>
  );
}
