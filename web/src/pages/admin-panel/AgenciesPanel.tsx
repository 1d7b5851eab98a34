/**
 * Agency Provisioning: search agencies by name, state or ID, filter superagencies or live
 * dashboards, open one in the Publisher, create or edit one, delete one after confirming, and
 * manage the vendors that may report for agencies.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { AdminAgencySummary } from '@jc/server/contract';
import { useAdminAgencies, useDeleteAgency } from '../../api/admin.ts';
import { agencyPath, publicDashboardPath } from '../../app/paths.ts';
import { Badge, Button, Checkbox, type Column } from '../../components/index.ts';
import { filterAgencies } from './admin-rules.ts';
import { AgencyModal } from './AgencyModal.tsx';
import { ProvisioningList } from './ProvisioningList.tsx';
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

const COLUMNS: Column<AdminAgencySummary>[] = [
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
];

export function AgenciesPanel() {
  const agencies = useAdminAgencies();
  const remove = useDeleteAgency();
  const [query, setQuery] = useState('');
  const [superagenciesOnly, setSuperagenciesOnly] = useState(false);
  const [dashboardOnly, setDashboardOnly] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [managingVendors, setManagingVendors] = useState(false);

  const all = agencies.data?.agencies ?? [];
  return (
    <ProvisioningList
      title="Agencies"
      search={{
        label: 'Search agencies',
        placeholder: 'Search by name, state or agency ID',
        value: query,
        onChange: setQuery,
      }}
      toolbar={
        <>
          <Button onClick={() => setManagingVendors(true)}>Manage Vendors</Button>
          <Button variant="primary" onClick={() => setEditing('new')}>
            Create Agency
          </Button>
        </>
      }
      filters={
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
      }
      list={agencies}
      all={all}
      shown={filterAgencies(all, { query, superagenciesOnly, dashboardOnly })}
      columns={COLUMNS}
      empty="No agencies found."
      nameOf={(agency) => agency.name}
      rowLinks={(agency) => (
        <Link className="admin-link" to={agencyPath(agency.id)} aria-label={`Open ${agency.name} in Publisher`}>
          Open in Publisher
        </Link>
      )}
      onEdit={setEditing}
      remove={remove}
      deleteConsequences="Its records, data, settings, uploads and memberships are deleted with it; its child agencies become stand-alone agencies."
    >
      {editing !== null && agencies.data && (
        <AgencyModal agency={editing === 'new' ? null : editing} all={agencies.data} onClose={() => setEditing(null)} />
      )}
      {managingVendors && <VendorsModal onClose={() => setManagingVendors(false)} />}
    </ProvisioningList>
  );
}
