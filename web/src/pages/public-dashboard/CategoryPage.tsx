/**
 * One category of an agency's public dashboard (/dashboards/:agencyId/capacity-and-costs): every
 * metric of the chosen sector in that category with its charts. The view (sector, recent or all
 * periods, counts or rates per 100,000 residents, each metric's breakdown) is kept in the address,
 * so Share copies a link that opens the
 * same view, and a metric's own link opens the page at it.
 */
import { useEffect } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { PublishedDataResponse } from '@jc/server/contract';
import { publicDashboardPath } from '../../app/paths.ts';
import { Page, ShareButton } from '../../components/index.ts';
import { useSetSearchParam } from '../../components/use-set-search-param.ts';
import { breakdownParam, categoryBySlug, chosenSector, type Category } from './category-rules.ts';
import { metricsWithData, sectorLabel, sectorsOf } from './dashboard-rules.ts';
import { DashboardGate, DashboardNotFound } from './DashboardGate.tsx';
import { MetricPanel } from './MetricPanel.tsx';
import { ShowAsToggle, useShowAsRate } from './ShowAsToggle.tsx';
import { SectorChips } from './SectorChips.tsx';

const ALL = 'all';

/** Opens the page at the metric a shared link names, once its figures are on screen. */
function useScrollToAnchor() {
  const { hash } = useLocation();
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);
}

function RangeToggle({ recent, onChange }: { recent: boolean; onChange: (recent: boolean) => void }) {
  return (
    <div className="public-range" role="group" aria-label="Periods shown">
      <button type="button" className="public-sectors__chip" aria-pressed={recent} onClick={() => onChange(true)}>
        Recent
      </button>
      <button type="button" className="public-sectors__chip" aria-pressed={!recent} onClick={() => onChange(false)}>
        All time
      </button>
    </div>
  );
}

function CategoryView({ data, category }: { data: PublishedDataResponse; category: Category }) {
  const [params] = useSearchParams();
  const setParam = useSetSearchParam();
  useScrollToAnchor();
  const { agency } = data;
  const metrics = metricsWithData(data);
  const inCategory = metrics.filter(({ metric }) => metric.category === category.label);
  const sectors = sectorsOf(inCategory);
  const sector = chosenSector(sectors, params.get('sector'));
  const shown = inCategory.filter(({ metric }) => metric.system.key === sector);
  const recent = params.get('range') !== ALL;
  const show = useShowAsRate(agency.population.total);

  if (sector === undefined) {
    return (
      <DashboardNotFound>
        {agency.name} has not published figures about {category.label.toLowerCase()}.{' '}
        <Link to={publicDashboardPath(agency.id)}>See its dashboard</Link>
      </DashboardNotFound>
    );
  }
  return (
    <>
      <p className="public-back">
        <Link
          to={`${publicDashboardPath(agency.id)}?${[`sector=${sector.toLowerCase()}`, show.query].filter(Boolean).join('&')}`}
        >
          ← {agency.name}
        </Link>
      </p>
      <Page title={category.label} description={category.description} actions={<ShareButton />}>
        <SectorChips sectors={sectors} sector={sector} />
        <div className="public-category__bar">
          <h2 className="public-sector-title">{sectorLabel(sector)}</h2>
          <RangeToggle recent={recent} onChange={(next) => setParam('range', next ? null : ALL)} />
          {show.offered && <ShowAsToggle asRate={show.asRate} onChange={show.setAsRate} />}
        </div>
        {shown.map((entry) => (
          <MetricPanel
            key={entry.metric.key}
            agency={agency}
            entry={entry}
            recent={recent}
            breakdownName={params.get(breakdownParam(entry.metric.key))}
            onBreakdown={(name) => setParam(breakdownParam(entry.metric.key), name)}
            asRate={show.asRate}
          />
        ))}
      </Page>
    </>
  );
}

export default function CategoryPage() {
  const category = categoryBySlug(useParams().category);
  if (!category) {
    return <DashboardNotFound>This address does not name a part of an agency’s dashboard.</DashboardNotFound>;
  }
  return <DashboardGate>{(data) => <CategoryView data={data} category={category} />}</DashboardGate>;
}
