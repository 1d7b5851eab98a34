/**
 * Completeness at a glance, as Home and the Admin Panel show it: the share of switched-on metrics
 * reported and published over the window, the median days to publish, and the CSV download; and
 * a share as a percentage with a bar, for table cells.
 */
import type { ReactNode } from 'react';
import type { CompletenessSummaryJson } from '@jc/server/contract';
import { buttonClass } from '../Button.tsx';
import { days, percent, owedSentence, shareBand } from './completeness-words.ts';
import './completeness.css';

export function ShareCell({ share }: { share: number | null }) {
  return (
    <span className={`share share--${shareBand(share)}`}>
      <span className="share__bar" aria-hidden="true">
        <span className="share__fill" style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
      </span>
      {percent(share)}
    </span>
  );
}

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint: string }) {
  return (
    <div className="completeness__figure">
      <dt>{label}</dt>
      <dd>
        <strong>{value}</strong>
        <span>{hint}</span>
      </dd>
    </div>
  );
}

export interface CompletenessFiguresProps {
  summary: CompletenessSummaryJson;
  csvHref: string;
  csvName: string;
}

export function CompletenessFigures({ summary, csvHref, csvName }: CompletenessFiguresProps) {
  return (
    <div className="completeness__head">
      <dl className="completeness__figures">
        <Figure
          label="Reported"
          value={percent(summary.share_reported)}
          hint={owedSentence(summary.reported, summary)}
        />
        <Figure
          label="Published"
          value={percent(summary.share_published)}
          hint={owedSentence(summary.published, summary)}
        />
        <Figure
          label="Time to publish"
          value={days(summary.median_days_to_publish)}
          hint="median, from the end of a period to publishing it"
        />
      </dl>
      <a className={buttonClass({ variant: 'secondary', size: 'sm' })} href={csvHref} download={csvName}>
        Download CSV
      </a>
    </div>
  );
}
