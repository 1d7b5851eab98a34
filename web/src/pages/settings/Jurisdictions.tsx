/**
 * The states and counties the agency serves (included) or leaves out (excluded), picked by name
 * from the Census list; the public side adds or subtracts their populations.
 */
import { useDeferredValue, useState } from 'react';
import type { AgencySettingsResponse, GeographyJson } from '@jc/server/contract';
import { useGeographyNames, useGeographySearch } from '../../api/agency-settings.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { Button, Checkbox, FormError, RadioGroup, Spinner, TextInput } from '../../components/index.ts';
import { AgencySettingsCard } from './AgencySettingsCard.tsx';
import { GuardedEditModal } from './GuardedEditModal.tsx';
import { sameJurisdictions, withoutPlaces, withPlace, type Membership } from './jurisdiction-rules.ts';
import { SettingsBlockIntro } from './SettingsBlockIntro.tsx';
import { useDialogSave } from './use-dialog-save.ts';

const PAGE = 10;
const MEMBERSHIPS = [
  { value: 'included', label: 'Include' },
  { value: 'excluded', label: 'Exclude' },
] as const;
const KIND = { state: 'State', county: 'County' } as const;

type Names = ReadonlyMap<string, GeographyJson>;
const nameOf = (names: Names, geoid: string) => names.get(geoid)?.name ?? geoid;

function SearchResults({ search, onAdd }: { search: string; onAdd: (place: GeographyJson) => void }) {
  const found = useGeographySearch(search);
  const [shown, setShown] = useState(PAGE);
  if (search.trim() === '') return null;
  if (found.isPending) return <Spinner label="Searching…" size="sm" />;
  if (found.isError) return <FormError error={found.error} />;
  if (found.data.length === 0) {
    return <p className="settings-muted">No matches. Try the start of a county or state name.</p>;
  }
  return (
    <>
      <ul className="settings-places" aria-label="Matching places">
        {found.data.slice(0, shown).map((place) => (
          <li key={place.geoid}>
            <span>
              {place.name} <span className="settings-muted">({KIND[place.kind]})</span>
            </span>
            <Button size="sm" onClick={() => onAdd(place)} aria-label={`Add ${place.name}`}>
              + Add
            </Button>
          </li>
        ))}
      </ul>
      {shown < found.data.length && (
        <Button size="sm" variant="ghost" onClick={() => setShown(shown + PAGE)}>
          See more
        </Button>
      )}
    </>
  );
}

function JurisdictionModal(props: {
  initial: AgencySettingsResponse['jurisdictions'];
  names: Names;
  onClose: () => void;
}) {
  const { update, save: saveBody } = useDialogSave(props.onClose);
  const [draft, setDraft] = useState(props.initial);
  const [names, setNames] = useState(() => new Map(props.names));
  const [as, setAs] = useState<Membership>('included');
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const add = (place: GeographyJson) => {
    setNames((current) => new Map(current).set(place.geoid, place));
    setDraft((current) => withPlace(current, place.geoid, as));
  };
  const tick = (geoid: string, on: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(geoid);
      else next.delete(geoid);
      return next;
    });
  const save = () => saveBody({ jurisdictions: draft }, 'Agency jurisdictions saved.');
  const rows = [
    ...draft.included.map((geoid) => ({ geoid, membership: 'Included' })),
    ...draft.excluded.map((geoid) => ({ geoid, membership: 'Excluded' })),
  ];
  return (
    <GuardedEditModal
      title="Edit jurisdictions"
      size="lg"
      dirty={!sameJurisdictions(draft, props.initial)}
      saving={update.isPending}
      onSubmit={save}
      onClose={props.onClose}
    >
      <FormError error={update.error} />
      <RadioGroup legend="Add places as" options={MEMBERSHIPS} value={as} onChange={setAs} />
      <TextInput
        label="Search states and counties"
        hint="Type the start of a name, such as “San Mateo” or “Georgia”."
        value={search}
        data-autofocus
        onChange={(event) => setSearch(event.target.value)}
      />
      <SearchResults key={deferredSearch} search={deferredSearch} onAdd={add} />
      <fieldset className="settings-definition">
        <legend>Your jurisdictions</legend>
        {rows.length === 0 && <p className="settings-muted">No jurisdictions added.</p>}
        {rows.map((row) => (
          <Checkbox
            key={row.geoid}
            label={`${nameOf(names, row.geoid)} (${row.membership})`}
            checked={ticked.has(row.geoid)}
            onChange={(event) => tick(row.geoid, event.target.checked)}
          />
        ))}
        {rows.length > 0 && (
          <div>
            <Button
              size="sm"
              disabled={ticked.size === 0}
              onClick={() => {
                setDraft(withoutPlaces(draft, ticked));
                setTicked(new Set());
              }}
            >
              Remove ticked places
            </Button>
          </div>
        )}
      </fieldset>
    </GuardedEditModal>
  );
}

function JurisdictionSummary({ settings }: { settings: AgencySettingsResponse }) {
  const agency = useCurrentAgency();
  const [editing, setEditing] = useState(false);
  const { included, excluded } = settings.jurisdictions;
  const named = useGeographyNames([...included, ...excluded]);
  const names: Names = new Map((named.data ?? []).map((place) => [place.geoid, place]));
  const list = (geoids: string[]) => geoids.map((geoid) => nameOf(names, geoid)).join('; ');
  const configured = included.length + excluded.length > 0;
  return (
    <>
      <SettingsBlockIntro
        label="jurisdictions"
        intro="The states and counties your agency serves. Exclude places inside them that it does not serve."
        configured={configured}
        canEdit={agency.can['agency.edit']}
        onEdit={() => setEditing(true)}
      />
      {!configured ? (
        <p className="settings-muted">No jurisdictions added.</p>
      ) : (
        <dl className="settings-details">
          <div className="settings-details__row">
            <dt>Included</dt>
            <dd>{included.length > 0 ? list(included) : 'None'}</dd>
          </div>
          <div className="settings-details__row">
            <dt>Excluded</dt>
            <dd>{excluded.length > 0 ? list(excluded) : 'None'}</dd>
          </div>
        </dl>
      )}
      {editing && (
        <JurisdictionModal initial={settings.jurisdictions} names={names} onClose={() => setEditing(false)} />
      )}
    </>
  );
}

export function Jurisdictions() {
  return (
    <AgencySettingsCard title="Jurisdictions" loading="Loading the jurisdictions…">
      {(settings) => <JurisdictionSummary settings={settings} />}
    </AgencySettingsCard>
  );
}
