/**
 * The security events list: who signed in or was refused, credential, two-factor, token and role
 * changes, admin actions and exports, newest first, a page at a time, with filters and a CSV
 * download of everything they match. Staff see every agency's (Admin Panel); an agency admin
 * sees their own agency's (Settings).
 */
import { useState } from 'react';
import type { SecurityEventItem } from '@jc/server/contract';
import {
  EVENTS_PER_PAGE,
  securityEventsCsvPath,
  useSecurityEvents,
  type EventScope,
  type SecurityEventFilter,
} from '../../api/security-events.ts';
import { Badge, Button, buttonClass, ErrorState, Spinner, Table, type Column } from '../index.ts';
import { EventFilters, type EventFiltersProps } from './EventFilters.tsx';
import { eventDetails, eventTime, eventTitle } from './event-words.ts';
import './security-events.css';

const none = <span className="event-none">—</span>;

function columns(showAgency: boolean): Column<SecurityEventItem>[] {
  const all: (Column<SecurityEventItem> | false)[] = [
    { key: 'when', header: 'When', cell: (e) => <time dateTime={e.occurred_at}>{eventTime(e.occurred_at)}</time> },
    {
      key: 'event',
      header: 'Event',
      cell: (e) => (
        <span className="event-name">
          <span>
            {eventTitle(e)} {e.outcome === 'failure' && <Badge tone="danger">Refused</Badge>}
          </span>
          {eventDetails(e) && <span className="event-name__details">{eventDetails(e)}</span>}
        </span>
      ),
    },
    { key: 'who', header: 'Person', cell: (e) => e.user_email ?? none },
    { key: 'subject', header: 'About', cell: (e) => e.subject_email ?? none },
    showAgency && { key: 'agency', header: 'Agency', cell: (e) => e.agency_name ?? none },
    { key: 'from', header: 'From address', cell: (e) => e.client_ip ?? none },
  ];
  return all.filter((column) => column !== false);
}

export interface SecurityEventsPanelProps {
  scope: EventScope;
  agencies?: EventFiltersProps['agencies'];
}

export function SecurityEventsPanel({ scope, agencies }: SecurityEventsPanelProps) {
  const [filter, setFilter] = useState<SecurityEventFilter>({});
  const [offset, setOffset] = useState(0);
  const events = useSecurityEvents(scope, filter, offset);
  const apply = (next: SecurityEventFilter) => {
    setFilter(next);
    setOffset(0);
  };

  const total = events.data?.total ?? 0;
  const shown = events.data?.events ?? [];
  const range =
    total === 0 ? 'No events' : `${offset + 1}–${offset + shown.length} of ${total.toLocaleString('en-US')}`;
  return (
    <section aria-label="Security events" className="security-events">
      <EventFilters agencies={agencies} onApply={apply} />
      <div className="security-events__bar">
        <p role="status">{events.isFetching ? 'Loading events…' : range}</p>
        <a
          className={buttonClass({ variant: 'secondary', size: 'sm' })}
          href={securityEventsCsvPath(scope, filter)}
          download
        >
          Download CSV
        </a>
      </div>
      {events.isPending ? (
        <Spinner label="Loading events…" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Table
          caption="Security events, newest first"
          hideCaption
          columns={columns(agencies !== undefined)}
          rows={shown}
          rowKey={(e) => e.id}
          empty="No events match these filters."
        />
      )}
      <div className="security-events__pages">
        <Button size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - EVENTS_PER_PAGE))}>
          Newer
        </Button>
        <Button size="sm" disabled={offset + shown.length >= total} onClick={() => setOffset(offset + EVENTS_PER_PAGE)}>
          Older
        </Button>
      </div>
    </section>
  );
}
