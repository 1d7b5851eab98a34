/** The agency's notes on its figures: explanations written when a flagged figure was published. */
import type { PublishedMetricJson } from '@jc/server/contract';
import { notePeriod } from './dashboard-rules.ts';

export function DataNotes({ notes }: { notes: PublishedMetricJson['data_notes'] }) {
  if (notes.length === 0) return null;
  return (
    <section className="public-metric__notes" aria-label="Notes from the agency">
      <h4>Notes from the agency</h4>
      <ul>
        {notes.map((note) => (
          <li key={`${note.start_date} ${note.note}`}>
            <strong>{notePeriod(note)}:</strong> {note.note}
          </li>
        ))}
      </ul>
    </section>
  );
}
