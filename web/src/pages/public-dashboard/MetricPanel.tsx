/**
 * One metric on a category page of an agency's public dashboard: its name and description, three
 * figures about it, the bars of its totals and, beside them, the lines of one breakdown, hovering
 * in step, as counts or rates per 100,000 residents; the agency's notes, the figures as a table,
 * what the agency counts in the metric, and the CSV files to download.
 */
import { useState } from 'react';
import { publicFeedUrl } from '../../api/public-data.ts';
import { RATE_WORDS } from '../../components/charts/rate-rules.ts';
import { ChartFigure, type ChartPicture } from '../../components/charts/ChartFigure.tsx';
import { DataTable } from '../../components/charts/DataTable.tsx';
import { Insights } from '../../components/charts/Insights.tsx';
import { useMetricChart } from '../../components/charts/use-metric-chart.ts';
import { Select, ShareButton } from '../../components/index.ts';
import { BreakdownFigure } from './BreakdownFigure.tsx';
import { metricAnchor } from './category-rules.ts';
import { DataNotes } from './DataNotes.tsx';
import {
  chartSelection,
  chosenBreakdown,
  definitionOf,
  fileLabel,
  totalsOnly,
  type PublicMetric,
} from './dashboard-rules.ts';

function Definition({ metric }: PublicMetric) {
  const { included, excluded, note } = definitionOf(metric);
  if (included.length === 0 && excluded.length === 0 && !note) return null;
  return (
    <details className="public-metric__details">
      <summary>What this metric includes</summary>
      {note && <p>{note}</p>}
      {included.length > 0 && (
        <>
          <h4>Included</h4>
          <ul>
            {included.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </>
      )}
      {excluded.length > 0 && (
        <>
          <h4>Not included</h4>
          <ul>
            {excluded.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

function Downloads({ agencyId, metric }: { agencyId: number; metric: PublicMetric['metric'] }) {
  return (
    <p className="public-metric__downloads">
      <span>Download CSV:</span>
      {metric.filenames.map((file) => (
        <a key={file} href={publicFeedUrl(agencyId, { system: metric.system.key, metric: file })} download>
          {fileLabel(file)}
        </a>
      ))}
    </p>
  );
}

interface MetricPanelProps {
  /** The population by year ("2024" → people) is the base of rates. */
  agency: { id: number; name: string; population: { total: Record<string, number> } };
  entry: PublicMetric;
  /** The last year of a monthly metric, the last five of an annual one; else all time. */
  recent: boolean;
  /** The breakdown the lines show; null for the default. */
  breakdownName: string | null;
  onBreakdown: (name: string) => void;
  /** Rates per 100,000 residents instead of counts, where the metric has them. */
  asRate: boolean;
}

/** A link to this page as it is, opening at the metric. */
const metricLink = (anchor: string) =>
  `${window.location.origin}${window.location.pathname}${window.location.search}#${anchor}`;

export function MetricPanel({ agency, entry, recent, breakdownName, onBreakdown, asRate }: MetricPanelProps) {
  const { metric } = entry;
  const [hovered, setHovered] = useState<string | null>(null);
  const source = { ...entry, population: agency.population.total };
  const totals = useMetricChart(source, chartSelection(recent, totalsOnly, asRate));
  const split = useMetricChart(source, chartSelection(recent, chosenBreakdown(breakdownName), asRate));
  const { breakdown, choice, isMoney, rateNote } = split;
  const title = `${metric.display_name}${split.asRate ? `, ${RATE_WORDS}` : ''}`;
  const anchor = metricAnchor(metric.key);
  const sync = { id: anchor, onHover: setHovered };
  const picture = (by: string | null): ChartPicture => ({
    title,
    agency: agency.name,
    breakdown: by,
    source: `Source: ${agency.name}, published figures, Justice Counts public dashboard ${window.location.origin}/dashboards/${agency.id}`,
  });
  const period = choice.label.toLowerCase();
  const what = `${title}, ${period}${breakdown ? ` by ${breakdown.name.toLowerCase()}` : ''}`;
  const table = breakdown ? split : totals;

  return (
    <section className="public-metric" id={anchor} aria-labelledby={`${anchor}-heading`}>
      <div className="public-metric__header">
        <h3 id={`${anchor}-heading`}>{metric.display_name}</h3>
        <ShareButton size="sm" variant="ghost" label="Copy link" url={() => metricLink(anchor)} />
      </div>
      <p className="public-metric__description">{metric.description}</p>
      <Insights insights={totals.insights} frequency={choice.frequency} isMoney={isMoney} />
      {split.breakdowns.length > 0 && (
        <div className="public-metric__controls">
          <Select label="Breakdown" value={breakdown?.name ?? ''} onChange={(e) => onBreakdown(e.target.value)}>
            {breakdown === null && <option value="">Choose a breakdown</option>}
            {split.breakdowns.map((b) => (
              <option key={b.name} value={b.name}>
                {b.name}
              </option>
            ))}
          </Select>
        </div>
      )}
      <div className={breakdown ? 'public-metric__charts' : undefined}>
        <ChartFigure
          rows={totals.rows}
          series={totals.series}
          isPercentage={false}
          isMoney={isMoney}
          showLegend={false}
          picture={picture(null)}
          sync={sync}
          comparability={metric.comparability}
          caption={`${title}, ${period}, totals. ${rateNote ? `${rateNote} ` : ''}Figures from published records; gaps are periods with no figure.`}
        />
        {breakdown && (
          <BreakdownFigure
            rows={split.rows}
            series={split.series}
            isMoney={isMoney}
            hovered={hovered}
            sync={sync}
            picture={picture(breakdown.name)}
            caption={`${what}. Hover over either chart to see a period's figures.`}
            comparability={metric.comparability}
          />
        )}
      </div>
      <DataNotes notes={metric.data_notes} />
      <details className="public-metric__details">
        <summary>Show the figures as a table</summary>
        <DataTable
          caption={what}
          rows={table.rows}
          series={table.series.map((s) => s.name)}
          isMoney={isMoney}
          showStatus={false}
        />
      </details>
      <Definition metric={metric} datapoints={entry.datapoints} />
      <Downloads agencyId={agency.id} metric={metric} />
    </section>
  );
}
