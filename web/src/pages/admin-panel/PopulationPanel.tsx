/**
 * Jurisdiction population for many agencies at once: staff choose a CSV file (agency id or name,
 * year, population); the server checks every line and saves all of them or none, naming each bad
 * line. Agencies can also give their own in Settings.
 */
import { useId, useState } from 'react';
import type { ImportPopulationResponse } from '@jc/server/contract';
import { useImportPopulation } from '../../api/admin.ts';
import { messagesFor } from '../../api/errors.ts';
import { Button } from '../../components/index.ts';

const EXAMPLE = 'agency,year,population\n12,2024,125000\nLake County Sheriff’s Office,2024,"48,300"';

export function PopulationPanel() {
  const save = useImportPopulation();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [saved, setSaved] = useState<ImportPopulationResponse | null>(null);
  const load = async () => {
    if (!file) return;
    setSaved(null);
    save.mutate(await file.text(), { onSuccess: setSaved });
  };
  return (
    <section className="card admin-form" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Jurisdiction population</h2>
      <p>
        Load how many people live in each agency’s jurisdiction, by year, for many agencies at once. Charts use it to
        show rates per 100,000 residents. The file is a CSV whose first line names the columns <code>agency</code> (the
        agency’s ID or its exact name), <code>year</code> and <code>population</code>, for example:
      </p>
      <pre className="admin-example">{EXAMPLE}</pre>
      <p>
        Years the file leaves out keep their figures. If any line has a problem, nothing is saved and each problem is
        listed.
      </p>
      <div className="field">
        <label htmlFor={inputId}>CSV file</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            save.reset();
            setSaved(null);
          }}
        />
      </div>
      <div>
        <Button variant="primary" disabled={!file || save.isPending} onClick={() => void load()}>
          {save.isPending ? 'Loading…' : 'Load population'}
        </Button>
      </div>
      {save.isError && (
        <div className="alert alert--error" role="alert">
          <p>Nothing was saved:</p>
          <ul>
            {messagesFor(save.error).map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {saved && (
        <p className="alert alert--success" role="status">
          Saved {saved.years} {saved.years === 1 ? 'year' : 'years'} of population for {saved.agencies}{' '}
          {saved.agencies === 1 ? 'agency' : 'agencies'}.
        </p>
      )}
    </section>
  );
}
