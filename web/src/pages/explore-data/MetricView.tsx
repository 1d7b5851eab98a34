/**
 * One metric's figures: its name and frequency, the insights, the controls, and the chart or the
 * table. Every choice is kept in the address (explore-state.ts).
 */
import { useSearchParams } from 'react-router';
import { useAgencySettings } from '../../api/agency-settings.ts';
import type { AgencyDatapoints, MetricSettingJson } from '@jc/server/contract';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import { Button, ButtonLink, ShareButton } from '../../components/index.ts';
import { useSetSearchParam } from '../../components/use-set-search-param.ts';
import { ChartFigure } from '../../components/charts/ChartFigure.tsx';
import { frequencyOf, metricSettingsPath, startingMonthOf } from '../../rules/metric-rules.ts';
import { DataTable } from '../../components/charts/DataTable.tsx';
import { ExploreControls } from './ExploreControls.tsx';
import { breakdownFrom, displayFrom, frequencyFrom, rangeFrom } from './explore-state.ts';
import { populationByYear, RATE_WORDS } from '../../components/charts/rate-rules.ts';
import { Insights } from '../../components/charts/Insights.tsx';
import { useMetricChart } from '../../components/charts/use-metric-chart.ts';
import { FrequencyBadge } from './MetricPicker.tsx';
import { csvFileName, seriesCsv } from './series-csv.ts';

interface MetricViewProps {
  metric: MetricSettingJson;
  metrics: readonly MetricSettingJson[];
  data: AgencyDatapoints;
}

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}

export function MetricView({ metric, metrics, data }: MetricViewProps) {
  const agency = useCurrentAgency();
  const [params] = useSearchParams();
  const setParam = useSetSearchParam();
  const population = useAgencySettings(agency.id).data?.population;
  const chart = useMetricChart(
    {
      metric,
      datapoints: data.datapoints,
      ownFrequency: { frequency: frequencyOf(metric), startingMonth: startingMonthOf(metric) },
      memberNames: data.dimension_names_by_metric_and_disaggregation[metric.key],
      population: population && populationByYear(population),
    },
    ({ choices, breakdowns, defaultBreakdown }) => ({
      choice: frequencyFrom(choices, params.get('frequency')),
      breakdown: breakdownFrom(breakdowns, params.get('disaggregation'), defaultBreakdown),
      range: rangeFrom(params.get('time_range')),
      publishedOnly: params.get('data') === 'published',
      asRate: params.get('display') === 'rate',
    }),
  );
  const { points, choice, breakdown, publishedOnly, rows, series, isMoney: money, asRate, rateNote } = chart;
  const display = displayFrom(params.get('display'), { hasBreakdown: breakdown !== null, canShowRate: asRate });
  const isPercentage = display === 'percentage';
  const title = `${metric.display_name}${asRate ? `, ${RATE_WORDS}` : ''}`;
  const isTable = params.get('view') === 'table';
  const names = series.map((s) => s.name);
  const hasDrafts = publishedOnly && points.some((p) => !p.isPublished && p.value !== null);

  return (
    <section className="explore-main" aria-labelledby="explore-metric">
      <div className="explore-main__header">
        <div className="explore-main__title">
          <h2 id="explore-metric">{metric.display_name}</h2>
          <FrequencyBadge metric={metric} />
        </div>
        <div className="explore-main__actions">
          <Button size="sm" onClick={() => setParam('view', isTable ? null : 'table')}>
            {isTable ? 'Switch to Chart' : 'Switch to Data Table'}
          </Button>
          <ButtonLink size="sm" variant="ghost" to={agencyPath(agency.id, metricSettingsPath(metrics, metric))}>
            Go to Metric Settings
          </ButtonLink>
          <Button
            size="sm"
            variant="ghost"
            disabled={rows.length === 0}
            onClick={() =>
              download(
                csvFileName(title, breakdown?.name ?? null, agency.name),
                seriesCsv(rows, names, metric.comparability),
              )
            }
          >
            Download Data
          </Button>
          <ShareButton size="sm" variant="ghost" />
        </div>
      </div>
      <p className="explore-main__description">{metric.description}</p>
      <Insights insights={chart.insights} frequency={choice.frequency} isMoney={money} />
      <ExploreControls
        range={chart.range}
        breakdowns={chart.breakdowns}
        breakdown={breakdown}
        display={display}
        canShowRate={chart.canShowRate}
        choices={chart.choices}
        choice={choice}
        publishedOnly={publishedOnly}
        onChange={setParam}
      />
      {rows.length === 0 ? (
        <div className="explore-empty" role="status">
          <p className="explore-empty__title">No recorded data for this metric.</p>
          <p>
            {rateNote ??
              (hasDrafts
                ? 'Its figures are all in draft records: choose "All data" to see them, or publish the records.'
                : 'Figures appear here once they are entered in a record or uploaded.')}
          </p>
        </div>
      ) : isTable ? (
        <DataTable
          caption={`${title}, ${choice.label}`}
          rows={rows}
          series={names}
          isMoney={money}
          frequency={choice}
        />
      ) : (
        <ChartFigure
          rows={rows}
          series={series}
          isPercentage={isPercentage}
          isMoney={money}
          showLegend={breakdown !== null}
          comparability={metric.comparability}
          picture={{
            title,
            agency: agency.name,
            breakdown: breakdown?.name ?? null,
            source: `Source: ${agency.name}, ${publishedOnly ? 'published figures' : 'published and draft figures'} reported to Justice Counts, saved ${new Date().toLocaleDateString('en-US', { dateStyle: 'long' })}.`,
          }}
          caption={
            <>
              {title}, {choice.label.toLowerCase()}
              {breakdown ? ` by ${breakdown.name.toLowerCase()}` : ''}. {rateNote && `${rateNote} `} This graph shows
              only data for the chosen reporting frequency: if data seems to be missing, try another frequency. Switch
              to the data table for exact figures.
            </>
          }
        />
      )}
    </section>
  );
}
