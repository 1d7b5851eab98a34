/**
 * One metric on an agency's public dashboard: its name and description, three figures about it,
 * a chart over time (totals or split by a breakdown, recent or all), the figures as a table, what
 * the agency counts in it, and the CSV files to download.
 */
import { useState } from 'react';
import { ChartFigure } from '../../components/charts/ChartFigure.tsx';
import { DataTable } from '../../components/charts/DataTable.tsx';
import { Insights } from '../../components/charts/Insights.tsx';
import { useMetricChart } from '../../components/charts/use-metric-chart.ts';
import { Select } from '../../components/index.ts';
import { publicFeedUrl } from '../../api/public-data.ts';
import { DataNotes } from './DataNotes.tsx';
import { definitionOf, fileLabel, recentMonths, type PublicMetric } from './dashboard-rules.ts';

const NO_BREAKDOWN = 'none';

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
  agency: { id: number; name: string };
  entry: PublicMetric;
}

export function MetricPanel({ agency, entry }: MetricPanelProps) {
  const { metric, datapoints } = entry;
  // null until the person picks one: the default breakdown.
  const [breakdownName, setBreakdownName] = useState<string | null>(null);
  const [recent, setRecent] = useState(true);
  const { choice, breakdowns, breakdown, rows, series, insights, isMoney } = useMetricChart(
    { metric, datapoints },
    ({ choices, breakdowns, defaultBreakdown }) => {
      const latest = choices[0]!;
      const name = breakdownName ?? defaultBreakdown;
      return {
        choice: latest,
        breakdown: breakdowns.find((b) => b.name === name) ?? null,
        range: recent ? recentMonths(latest.frequency) : 'all',
        publishedOnly: true,
      };
    },
  );
  const headingId = `metric-${metric.key.replace(/\W+/g, '-').toLowerCase()}`;
  const what = `${metric.display_name}, ${choice.label.toLowerCase()}${breakdown ? ` by ${breakdown.name.toLowerCase()}` : ''}`;

  return (
    <section className="public-metric" aria-labelledby={headingId}>
      <h3 id={headingId}>{metric.display_name}</h3>
      <p className="public-metric__description">{metric.description}</p>
      <Insights insights={insights} frequency={choice.frequency} isMoney={isMoney} />
      <div className="public-metric__controls">
        {breakdowns.length > 0 && (
          <Select
            label="Breakdown"
            value={breakdown?.name ?? NO_BREAKDOWN}
            onChange={(e) => setBreakdownName(e.target.value)}
          >
            <option value={NO_BREAKDOWN}>Total only</option>
            {breakdowns.map((b) => (
              <option key={b.name} value={b.name}>
                {b.name}
              </option>
            ))}
          </Select>
        )}
        <Select
          label="Time range"
          value={recent ? 'recent' : 'all'}
          onChange={(e) => setRecent(e.target.value === 'recent')}
        >
          <option value="recent">{choice.frequency === 'MONTHLY' ? 'Last 12 months' : 'Last 5 years'}</option>
          <option value="all">All time</option>
        </Select>
      </div>
      <ChartFigure
        rows={rows}
        series={series}
        isPercentage={false}
        isMoney={isMoney}
        showLegend={breakdown !== null}
        picture={{
          title: metric.display_name,
          agency: agency.name,
          breakdown: breakdown?.name ?? null,
          source: `Source: ${agency.name}, published figures, Justice Counts public dashboard ${window.location.origin}/dashboards/${agency.id}`,
        }}
        caption={`${what}. Figures from published records; gaps are periods with no figure.`}
      />
      <DataNotes notes={metric.data_notes} />
      <details className="public-metric__details">
        <summary>Show the figures as a table</summary>
        <DataTable caption={what} rows={rows} series={series.map((s) => s.name)} isMoney={isMoney} showStatus={false} />
      </details>
      <Definition metric={metric} datapoints={datapoints} />
      <Downloads agencyId={agency.id} metric={metric} />
    </section>
  );
}
