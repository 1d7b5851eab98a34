/** The Agency Information tab: name, state, sectors, description, homepage, flags and links. */
import { MAX_AGENCY_DESCRIPTION_CHARS, type AdminAgenciesResponse } from '@jc/server/contract';
import { useStateCounties } from '../../api/agency-settings.ts';
import { messageFor } from '../../api/errors.ts';
import { publicDashboardPath } from '../../app/paths.ts';
import { Checkbox, Select, TextArea, TextInput } from '../../components/index.ts';
import { sectorLabel } from '../../rules/sector-label.ts';
import { STATE_OPTIONS, toggleSystem } from './admin-rules.ts';
import type { AgencyDraft } from './agency-draft.ts';
import { Checklist } from './Checklist.tsx';

export interface AgencyInfoFieldsProps {
  draft: AgencyDraft;
  update: (changes: Partial<AgencyDraft>) => void;
  /** Problems by field: the form's own checks and the server's answer. */
  problems: Partial<Record<string, string>>;
  all: AdminAgenciesResponse;
}

export function AgencyInfoFields({ draft, update, problems, all }: AgencyInfoFieldsProps) {
  const others = all.agencies.filter((agency) => agency.id !== draft.agencyId);
  // The dashboard link follows what is saved, not the unsaved tick.
  const saved = all.agencies.find((agency) => agency.id === draft.agencyId);
  const superagencies = others.filter((agency) => agency.is_superagency);
  const childCandidates = others
    .filter((agency) => !agency.is_superagency)
    .map((agency) => ({
      id: agency.id,
      label: agency.name,
      detail: [
        agency.state,
        agency.super_agency_id && agency.super_agency_id !== draft.agencyId ? 'has another superagency' : null,
        `ID ${agency.id}`,
      ]
        .filter(Boolean)
        .join(' · '),
    }));
  return (
    <div className="admin-form">
      <div className="admin-form__row">
        <TextInput
          label="Name"
          required
          value={draft.name}
          onChange={(event) => update({ name: event.target.value })}
          error={problems.name}
        />
        <Select
          label="State"
          required
          value={draft.stateCode}
          onChange={(event) => update({ stateCode: event.target.value, countyCode: '' })}
          error={problems.state ?? problems.state_code}
        >
          <option value="">Choose a state…</option>
          {STATE_OPTIONS.map((state) => (
            <option key={state.code} value={state.code}>
              {state.name}
            </option>
          ))}
        </Select>
        <CountySelect
          stateCode={draft.stateCode}
          value={draft.countyCode}
          onChange={(countyCode) => update({ countyCode })}
        />
      </div>
      <fieldset className="admin-sectors">
        <legend className="field__label">Sectors</legend>
        <div className="admin-sectors__grid">
          {all.systems.map((system) => (
            <Checkbox
              key={system}
              label={sectorLabel(system)}
              checked={draft.systems.includes(system)}
              onChange={(event) => update({ systems: toggleSystem(draft.systems, system, event.target.checked) })}
            />
          ))}
        </div>
        {problems.systems && <p className="field__error">{problems.systems}</p>}
      </fieldset>
      <TextArea
        label="Agency description"
        rows={3}
        maxLength={MAX_AGENCY_DESCRIPTION_CHARS}
        value={draft.description}
        onChange={(event) => update({ description: event.target.value })}
        error={problems.agency_description}
      />
      <TextInput
        label="Agency URL"
        type="url"
        placeholder="https://www.example.gov"
        value={draft.url}
        onChange={(event) => update({ url: event.target.value })}
        error={problems.url ?? problems.agency_url}
      />
      <div className="admin-flags">
        <Checkbox
          label="Dashboard enabled"
          hint="Publishes the agency's public dashboard."
          checked={draft.isDashboardEnabled}
          onChange={(event) => update({ isDashboardEnabled: event.target.checked })}
        />
        {saved?.is_dashboard_enabled && (
          <a href={publicDashboardPath(saved.id)} target="_blank" rel="noreferrer">
            View public dashboard
          </a>
        )}
        <Checkbox
          label="Stepping Up agency"
          checked={draft.isSteppingUpAgency}
          onChange={(event) => update({ isSteppingUpAgency: event.target.checked })}
        />
        <Checkbox
          label="Superagency"
          hint="Reports for child agencies."
          checked={draft.isSuperagency}
          onChange={(event) => update({ isSuperagency: event.target.checked, isChild: false, superAgencyId: null })}
        />
        <Checkbox
          label="Child agency"
          hint="Reported for by a superagency."
          checked={draft.isChild}
          onChange={(event) => update({ isChild: event.target.checked, isSuperagency: false })}
        />
      </div>
      {draft.isChild && (
        <Select
          label="Superagency"
          value={draft.superAgencyId ?? ''}
          onChange={(event) => update({ superAgencyId: event.target.value ? Number(event.target.value) : null })}
          error={problems.superagency ?? problems.super_agency_id}
        >
          <option value="">Choose the superagency…</option>
          {superagencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name} ({agency.state ?? agency.state_code})
            </option>
          ))}
        </Select>
      )}
      {draft.isSuperagency && (
        <Checklist
          label="Child agencies"
          items={childCandidates}
          chosen={new Set(draft.childAgencyIds)}
          onChange={(chosen) => update({ childAgencyIds: [...chosen] })}
        />
      )}
    </div>
  );
}

/** The agency's county, from the counties of its state. */
function CountySelect(props: { stateCode: string; value: string; onChange: (countyCode: string) => void }) {
  const counties = useStateCounties(props.stateCode);
  return (
    <Select
      label="County"
      value={props.value}
      disabled={props.stateCode === '' || counties.isPending}
      hint={props.stateCode === '' ? 'Choose the state first.' : undefined}
      error={counties.isError ? messageFor(counties.error) : undefined}
      onChange={(event) => props.onChange(event.target.value)}
    >
      <option value="">No county</option>
      {(counties.data ?? []).map((county) => (
        <option key={county.geoid} value={county.county_code ?? ''}>
          {county.name}
        </option>
      ))}
    </Select>
  );
}
