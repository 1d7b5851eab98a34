/**
 * Create or edit an agency. Tabs: Agency Information and Team Members & Roles (saved together by
 * the footer's Save, offered only when something changed, as one PUT /admin/agency); for an
 * existing agency also Metrics Reporting Agency and Breakdown Settings, and for a superagency with
 * children Copy Metric Settings, each saved by its own button.
 */
import { useState } from 'react';
import { useAdminAgencyTeam, useAdminUsers, useSaveAgency } from '../../api/admin.ts';
import type { AdminAgenciesResponse, AdminAgencySummary, SaveAgencyResponse } from '@jc/server/contract';
import { useSession } from '../../api/session.ts';
import { fieldErrors, messageFor } from '../../api/errors.ts';
import { Button, ErrorState, Modal, Spinner, tabPanelProps, Tabs, useToast } from '../../components/index.ts';
import {
  draftFromAgency,
  draftProblems,
  newAgencyDraft,
  sameDraft,
  toSaveBody,
  type AgencyDraft,
} from './agency-draft.ts';
import { AgencyInfoFields } from './AgencyInfoFields.tsx';
import { AgencyTeamFields } from './AgencyTeamFields.tsx';
import { CopySettingsPanel } from './CopySettingsPanel.tsx';
import { OtherOptionsPanel } from './OtherOptionsPanel.tsx';
import { ReportingAgenciesPanel } from './ReportingAgenciesPanel.tsx';

export interface AgencyModalProps {
  /** null: create an agency. */
  agency: AdminAgencySummary | null;
  all: AdminAgenciesResponse;
  onClose: () => void;
  /** Told of the agency once saved (the user dialog chooses an agency it created). */
  onSaved?: (saved: SaveAgencyResponse) => void;
}

export function AgencyModal({ agency, all, onClose, onSaved }: AgencyModalProps) {
  const team = useAdminAgencyTeam(agency?.id ?? null);
  const users = useAdminUsers();
  const { env } = useSession();
  const title = agency ? `Edit ${agency.name}` : 'Create New Agency';
  if ((agency && team.isPending) || (!agency && users.isPending)) {
    return (
      <Modal open title={title} onClose={onClose}>
        <Spinner label="Loading the agency…" />
      </Modal>
    );
  }
  if (team.isError || (!agency && users.isError)) {
    const failed = team.isError ? team : users;
    return (
      <Modal open title={title} onClose={onClose}>
        <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
      </Modal>
    );
  }
  // A new agency starts with every Justice Counts staff user on its team.
  const loaded = agency ? draftFromAgency(agency, team.data ?? []) : newAgencyDraft(users.data ?? [], env);
  return <AgencyForm agency={agency} all={all} loaded={loaded} title={title} onClose={onClose} onSaved={onSaved} />;
}

type TabId = 'info' | 'team' | 'reporting' | 'breakdowns' | 'copy';
/** Tabs that save on their own; the dialog's footer only closes. */
const SELF_SAVING: readonly TabId[] = ['reporting', 'breakdowns', 'copy'];

interface AgencyFormProps extends AgencyModalProps {
  loaded: AgencyDraft;
  title: string;
}

function AgencyForm({ agency, all, loaded, title, onClose, onSaved }: AgencyFormProps) {
  const save = useSaveAgency();
  const toast = useToast();
  const { env } = useSession();
  const [draft, setDraft] = useState(loaded);
  const [tab, setTab] = useState<TabId>('info');
  const problems = draftProblems(draft);
  const serverErrors = fieldErrors(save.error);
  const changed = !sameDraft(draft, loaded);
  const update = (changes: Partial<AgencyDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const canCopy = agency !== null && agency.is_superagency === true && agency.child_agency_ids.length > 0;
  const tabs = [
    { id: 'info' as const, label: 'Agency Information' },
    { id: 'team' as const, label: `Team Members & Roles (${draft.team.length})` },
    ...(agency
      ? [
          { id: 'reporting' as const, label: 'Metrics Reporting Agency' },
          { id: 'breakdowns' as const, label: 'Breakdown Settings' },
        ]
      : []),
    ...(canCopy ? [{ id: 'copy' as const, label: 'Copy Metric Settings' }] : []),
  ];

  const onSave = () => {
    save.mutate(toSaveBody(draft), {
      onSuccess: (saved) => {
        toast.show(agency ? `${saved.name}: changes saved.` : `${saved.name} has been created (ID ${saved.id}).`, {
          tone: 'success',
        });
        onSaved?.(saved);
        onClose();
      },
      onError: (error) => toast.error(messageFor(error)),
    });
  };

  return (
    <Modal
      open
      title={title}
      size="lg"
      onClose={onClose}
      preventClose={save.isPending}
      footer={
        SELF_SAVING.includes(tab) ? (
          <Button onClick={onClose}>Close</Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={save.isPending}>
              Cancel
            </Button>
            <Button
              variant="primary"
              onClick={onSave}
              disabled={!changed || Object.keys(problems).length > 0}
              loading={save.isPending}
            >
              {agency ? 'Save changes' : 'Create agency'}
            </Button>
          </>
        )
      }
    >
      <Tabs label="Agency" idPrefix="agency-modal" tabs={tabs} current={tab} onSelect={setTab} />
      <div {...tabPanelProps('agency-modal', tab)}>
        {tab === 'info' && (
          <AgencyInfoFields draft={draft} update={update} problems={{ ...problems, ...serverErrors }} all={all} />
        )}
        {tab === 'team' && <AgencyTeamFields team={draft.team} env={env} onChange={(team) => update({ team })} />}
        {tab === 'reporting' && agency && <ReportingAgenciesPanel agencyId={agency.id} />}
        {tab === 'breakdowns' && agency && <OtherOptionsPanel agencyId={agency.id} />}
        {tab === 'copy' && agency && <CopySettingsPanel agency={agency} all={all.agencies} />}
      </div>
    </Modal>
  );
}
