/** What an upload wrote, counted: rows saved and skipped, records created, changed and sent back to draft. */
import type { UploadSummaryWire } from '@jc/server/contract';
import { summaryText } from './upload-rules.ts';

export function UploadSummary({ summary }: { summary: UploadSummaryWire }) {
  const { lines } = summaryText(summary);
  return (
    <section className="card up-summary" aria-label="What was saved">
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
