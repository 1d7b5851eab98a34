/**
 * An agency's public dashboard (/dashboards/:agencyId), open to anyone: the agency's name,
 * description and links, its sectors, and for the chosen sector one section per category of
 * metrics ("Understand the Finances", …) with a small chart of each metric, as counts or rates per
 * 100,000 residents. A section's heading
 * and its cards open the category's page. Agencies whose dashboard is off are "not found".
 */
import { Link, useSearchParams } from 'react-router';
import type { PublishedDataResponse } from '@jc/server/contract';
import { publicFeedUrl } from '../../api/public-data.ts';
import { publicCategoryPath } from '../../app/paths.ts';
import { EmptyState, Page, ShareButton } from '../../components/index.ts';
import { categoriesOf, chosenSector, metricAnchor } from './category-rules.ts';
import { CurrentRelease } from './CurrentRelease.tsx';
import { metricsWithData, sectorLabel, sectorsOf } from './dashboard-rules.ts';
import { DashboardGate } from './DashboardGate.tsx';
import { MetricCard } from './MetricCard.tsx';
import { SectorChips } from './SectorChips.tsx';
import { ShowAsToggle, useShowAsRate } from './ShowAsToggle.tsx';

/** The Justice Counts methodology the metrics follow. */
export const METHODOLOGY_URL = 'https://justicecounts.csgjusticecenter.org/methodology';

const settingValue = (settings: { setting_type: string; value: unknown }[], type: string) => {
  const value = settings.find((s) => s.setting_type === type)?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
};

/** Only web addresses are linked; anything else an agency typed stays text. */
const webAddress = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url}`);

function Overview({ data }: { data: PublishedDataResponse }) {
  const [params] = useSearchParams();
  const { agency } = data;
  const metrics = metricsWithData(data);
  const sectors = sectorsOf(metrics);
  const sector = chosenSector(sectors, params.get('sector'));
  const description = settingValue(agency.settings, 'PURPOSE_AND_FUNCTIONS');
  const website = settingValue(agency.settings, 'HOMEPAGE_URL');
  const show = useShowAsRate(agency.population.total);
  const pageQuery = [sector ? `sector=${sector.toLowerCase()}` : '', show.query].filter(Boolean).join('&');

  return (
    <Page title={agency.name} description={description} actions={<ShareButton />}>
      <CurrentRelease agencyId={agency.id} />
      <ul className="public-links">
        {website && (
          <li>
            <a href={webAddress(website)} target="_blank" rel="noreferrer">
              Agency website
            </a>
          </li>
        )}
        <li>
          <a href={METHODOLOGY_URL} target="_blank" rel="noreferrer">
            How Justice Counts metrics are defined
          </a>
        </li>
        <li>
          <a href={publicFeedUrl(agency.id)} download>
            List of data files (CSV)
          </a>
        </li>
      </ul>
      {sector === undefined ? (
        <EmptyState title="This dashboard is under construction">
          {agency.name} has not published figures for its public metrics yet.
        </EmptyState>
      ) : (
        <>
          <SectorChips sectors={sectors} sector={sector} />
          <div className="public-category__bar">
            <h2 className="public-sector-title">{sectorLabel(sector)}</h2>
            {show.offered && <ShowAsToggle asRate={show.asRate} onChange={show.setAsRate} />}
          </div>
          {categoriesOf(metrics, sector).map(({ category, metrics: inCategory }) => {
            const page = publicCategoryPath(agency.id, category.slug, pageQuery);
            return (
              <section key={category.slug} className="public-category" aria-labelledby={`category-${category.slug}`}>
                <h3 id={`category-${category.slug}`} className="public-category__heading">
                  <Link to={page}>{category.heading}</Link>
                </h3>
                <p className="public-category__teaser">
                  <Link to={page}>{category.teaser} →</Link>
                </p>
                <ul className="public-cards" aria-label={`${category.label} metrics`}>
                  {inCategory.map((entry) => (
                    <MetricCard
                      key={entry.metric.key}
                      entry={entry}
                      population={agency.population.total}
                      asRate={show.asRate}
                      to={`${page}#${metricAnchor(entry.metric.key)}`}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </Page>
  );
}

export default function AgencyDashboardPage() {
  return <DashboardGate>{(data) => <Overview data={data} />}</DashboardGate>;
}
