/** Three figures about what is charted: change over the range, the average, the latest period. */
import './charts.css';
import { formatFigure } from './figure-format.ts';
import type { Frequency } from './series-rules.ts';
import type { Insights as InsightFigures } from './series-rules.ts';

export function Insights({
  insights,
  frequency,
  isMoney,
}: {
  insights: InsightFigures;
  frequency: Frequency;
  isMoney: boolean;
}) {
  const { percentChange, average, mostRecent } = insights;
  const change =
    percentChange === null
      ? 'N/A'
      : `${percentChange > 0 ? '+' : ''}${percentChange.toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
  const per = frequency === 'MONTHLY' ? '/mo' : '/yr';
  return (
    <dl className="explore-insights">
      <div>
        <dt>Percent Change</dt>
        <dd>{change}</dd>
      </div>
      <div>
        <dt>Avg. Total Value</dt>
        <dd>{average === null ? 'N/A' : `${formatFigure(Math.round(average * 10) / 10, isMoney)}${per}`}</dd>
      </div>
      <div>
        <dt>Most Recent</dt>
        <dd>{mostRecent ?? 'N/A'}</dd>
      </div>
    </dl>
  );
}
