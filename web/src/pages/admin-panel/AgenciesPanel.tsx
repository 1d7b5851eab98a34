/**
 * Agency Provisioning: search agencies by name, state or ID, filter superagencies or live
 * dashboards, open one in the Publisher, create or edit one, delete one after confirming, and
 * manage the vendors that may report for agencies.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useAdminAgencies, useDeleteAgency, type AdminAgencySummary } from '../../api/admin.ts';
import { messageFor } from '../../api/errors.ts';
import { agencyPath, publicDashboardPath } from '../../app/paths.ts';
import {
  Badge,
  Button,
  Checkbox,
  ErrorState,
  Spinner,
  Table,
  TextInput,
  useToast,
  type Column,
} from '../../components/index.ts';
import { filterAgencies } from './admin-rules.ts';
import { AgencyModal } from './AgencyModal.tsx';
import { ConfirmDeleteModal } from './ConfirmDeleteModal.tsx';
import { VendorsModal } from './VendorsModal.tsx';

type Editing = null | 'new' | AdminAgencySummary;

function AgencyBadges({ agency }: { agency: AdminAgencySummary }) {
  return (
    <span className="admin-badges">
      {agency.is_superagency && <Badge tone="info">Superagency</Badge>}
      {agency.super_agency_id !== null && <Badge>Child agency</Badge>}
      {agency.is_dashboard_enabled && (
        <a href={publicDashboardPath(agency.id)} target="_blank" rel="noreferrer">
          <Badge tone="success">Live dashboard</Badge>
        </a>
      )}
    </span>
  );
}

export function AgenciesPanel() {
  const agencies = useAdminAgencies();
  const remove = useDeleteAgency();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [superagenciesOnly, setSuperagenciesOnly] = useState(false);
  const [dashboardOnly, setDashboardOnly] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AdminAgencySummary | null>(null);
  const [managingVendors, setManagingVendors] = useState(false);

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => toast.show(`${deleting.name} has been deleted.`, { tone: 'success' }),
      onError: (error) => toast.error(`${deleting.name} could not be deleted: ${messageFor(error)}`),
      onSettled: () => setDeleting(null),
    });
  };

  const columns: Column<AdminAgencySummary>[] = [
    {
      key: 'name',
      header: 'Agency',
      cell: (agency) => (
        <span className="admin-name">
          {agency.name} <AgencyBadges agency={agency} />
        </span>
      ),
    },
    { key: 'state', header: 'State', cell: (agency) => agency.state ?? agency.state_code },
    { key: 'id', header: 'ID', align: 'end', cell: (agency) => agency.id },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'end',
      cell: (agency) => (
        <span className="admin-row-actions">
          <Link className="admin-link" to={agencyPath(agency.id)} aria-label={`Open ${agency.name} in Publisher`}>
            Open in Publisher
          </Link>
          <Button size="sm" onClick={() => setEditing(agency)} aria-label={`Edit ${agency.name}`}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setDeleting(agency)} aria-label={`Delete ${agency.name}`}>
            Delete
          </Button>
        </span>
      ),
    },
  ];

  const all = agencies.data?.agencies ?? [];
  const shown = filterAgencies(all, { query, superagenciesOnly, dashboardOnly });
  return (
    <section aria-label="Agencies">
      <div className="admin-toolbar">
        <TextInput
          label="Search agencies"
          hideLabel
          type="search"
          placeholder="Search by name, state or agency ID"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className="admin-toolbar__search"
        />
        <Button onClick={() => setManagingVendors(true)}>Manage Vendors</Button>
        <Button variant="primary" onClick={() => setEditing('new')}>
          Create Agency
        </Button>
      </div>
      <div className="admin-filters">
        <Checkbox
          label="Superagencies only"
          checked={superagenciesOnly}
          onChange={(event) => setSuperagenciesOnly(event.target.checked)}
        />
        <Checkbox
          label="Live dashboards only"
          checked={dashboardOnly}
          onChange={(event) => setDashboardOnly(event.target.checked)}
        />
      </div>
      {agencies.isPending ? (
        <Spinner label="Loading agencies…" />
      ) : agencies.isError ? (
        <ErrorState error={agencies.error} onRetry={() => void agencies.refetch()} />
      ) : (
        <Table
          caption={`Agencies (${shown.length} of ${all.length})`}
          columns={columns}
          rows={shown}
          rowKey={(agency) => agency.id}
          empty="No agencies found."
        />
      )}
      {editing !== null && agencies.data && (
        <AgencyModal agency={editing === 'new' ? null : editing} all={agencies.data} onClose={() => setEditing(null)} />
      )}
      {managingVendors && <VendorsModal onClose={() => setManagingVendors(false)} />}
      <ConfirmDeleteModal
        what={deleting?.name ?? null}
        consequences={
          'Its records, data, settings, uploads and memberships are deleted with it; its child agencies become stand-alone agencies.'
        }
        deleting={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
