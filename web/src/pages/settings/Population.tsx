/**
 * The people living in the agency's jurisdiction, by year: Explore Data and the public dashboard
 * divide counts by it to show rates per 100,000 residents.
 */
import { useState } from 'react';
import type { AgencySettingsResponse } from '@jc/server/contract';
import { useUpdateAgency } from '../../api/agency-settings.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { Button, FormError, NumberInput, useToast } from '../../components/index.ts';
import { AgencySettingsCard } from './AgencySettingsCard.tsx';
import { GuardedEditModal } from './GuardedEditModal.tsx';
import { nextRow, populationRows, readPopulationRows, samePopulation, type PopulationRow } from './population-draft.ts';
import { SettingsBlockIntro } from './SettingsBlockIntro.tsx';

type Stored = AgencySettingsResponse['population'];

function PopulationModal({ initial, onClose }: { initial: Stored; onClose: () => void }) {
  const agency = useCurrentAgency();
  const update = useUpdateAgency(agency.id);
  const toast = useToast();
  const [rows, setRows] = useState(() => populationRows(initial));
  const [checked, setChecked] = useState(false);
  const { entries, problems } = readPopulationRows(rows);
  const change = (key: number, part: Partial<PopulationRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...part } : row)));
  const save = () => {
    setChecked(true);
    if (problems.size > 0) return;
    update.mutate(
      { population: entries },
      {
        onSuccess: () => {
          toast.show('Jurisdiction population saved.', { tone: 'success' });
          onClose();
        },
      },
    );
  };
  return (
    <GuardedEditModal
      title="Edit jurisdiction population"
      dirty={!samePopulation(rows, initial)}
      saving={update.isPending}
      onSubmit={save}
      onClose={onClose}
    >
      <FormError error={update.error} />
      <p className="settings-muted">
        Give the number of people living in the places your agency serves, for each year you have a figure (for example
        the Census Bureau’s estimate). A fiscal year uses the population of the year it starts in.
      </p>
      {rows.length === 0 && <p className="settings-muted">No years added.</p>}
      {rows.map((row) => {
        const problem = checked ? problems.get(row.key) : undefined;
        return (
          <div key={row.key} className="settings-population-row" role="group" aria-label={`Population ${row.year}`}>
            <NumberInput
              label="Year"
              value={row.year}
              error={problem?.year}
              onChange={(event) => change(row.key, { year: event.target.value })}
            />
            <NumberInput
              label="Population"
              value={row.population}
              error={problem?.population}
              onChange={(event) => change(row.key, { population: event.target.value })}
            />
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
              aria-label={`Remove ${row.year || 'this year'}`}
            >
              Remove
            </Button>
          </div>
        );
      })}
      <div>
        <Button size="sm" onClick={() => setRows([...rows, nextRow(rows, new Date().getFullYear())])}>
          + Add a year
        </Button>
      </div>
    </GuardedEditModal>
  );
}

function PopulationSummary({ population }: { population: Stored }) {
  const agency = useCurrentAgency();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <SettingsBlockIntro
        label="jurisdiction population"
        intro="How many people live in your jurisdiction each year. Charts use it to show rates per 100,000 residents."
        configured={population.length > 0}
        canEdit={agency.can['agency.edit']}
        onEdit={() => setEditing(true)}
      />
      {population.length === 0 ? (
        <p className="settings-muted">No population added.</p>
      ) : (
        <dl className="settings-details">
          {population.map((entry) => (
            <div key={entry.year} className="settings-details__row">
              <dt>{entry.year}</dt>
              <dd>{entry.population.toLocaleString('en-US')} residents</dd>
            </div>
          ))}
        </dl>
      )}
      {editing && <PopulationModal initial={population} onClose={() => setEditing(false)} />}
    </>
  );
}

export function Population() {
  return (
    <AgencySettingsCard title="Jurisdiction Population" loading="Loading the population…">
      {(settings) => <PopulationSummary population={settings.population} />}
    </AgencySettingsCard>
  );
}
