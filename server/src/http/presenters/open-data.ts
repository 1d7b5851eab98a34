/**
 * The open-data catalogue as DCAT-US 1.1 (the schema of data.gov's /data.json harvest): one dataset
 * per agency and metric with public figures, whose distributions are the metric's CSV file of the
 * feed, the agency's published data (JSON, with definitions) and its current release (JSON and CSV).
 */
import { systemLabel, type MetricDef } from '@jc/catalogue';
import type { DataCatalogResponse } from '../../contract/open-data.ts';
import type { OpenDataAgency } from '../../domain/public-data/find-open-datasets.ts';
import { releasePath } from './releases.ts';

const DCAT_US = 'https://project-open-data.cio.gov/v1.1/schema';

type Dataset = DataCatalogResponse['dataset'][number];
type Distribution = Dataset['distribution'][number];

interface Addresses {
  publicUrl: string;
  contactEmail: string;
  /** The catalogue's time, for `modified` of an agency that has no release yet. */
  now: Date;
}

function distribution(title: string, downloadURL: string, csv: boolean, description: string): Distribution {
  return {
    '@type': 'dcat:Distribution',
    title,
    description,
    downloadURL,
    mediaType: csv ? 'text/csv' : 'application/json',
    format: csv ? 'CSV' : 'JSON',
  };
}

function distributionsOf(agency: OpenDataAgency, metric: MetricDef, base: string): Distribution[] {
  const feed = `${base}/feed/${agency.id}?system=${metric.system}&metric=${metric.sheetNames.total}`;
  const list = [
    distribution(`${metric.displayName} (CSV)`, feed, true, 'Every published figure of the metric, newest first.'),
    distribution(
      'Published data with definitions (JSON)',
      `${base}/api/agencies/${agency.id}/published_data`,
      false,
      "All of the agency's published metrics, with breakdowns and the agency's definitions.",
    ),
  ];
  if (agency.currentRelease === null) return list;
  const release = `${base}${releasePath(agency.id, agency.currentRelease.number)}`;
  const why = `Release ${agency.currentRelease.number}: a permanent, citable copy of every public figure.`;
  return [
    ...list,
    distribution('Current release (JSON)', release, false, why),
    distribution('Current release (CSV)', `${release}/csv`, true, why),
  ];
}

function datasetOf(agency: OpenDataAgency, metric: MetricDef, addresses: Addresses): Dataset {
  const base = addresses.publicUrl;
  const release = agency.currentRelease;
  return {
    '@type': 'dcat:Dataset',
    identifier: `${base}/dashboards/${agency.id}#${encodeURIComponent(metric.key)}`,
    title: `${metric.displayName}: ${agency.name}`,
    description: `${metric.description} Reported by ${agency.name} to Justice Counts.`,
    keyword: ['Justice Counts', 'criminal justice', systemLabel(metric.system), metric.displayName],
    modified: (release?.createdAt ?? addresses.now).toISOString(),
    publisher: { '@type': 'org:Organization', name: agency.name },
    contactPoint: { '@type': 'vcard:Contact', fn: agency.name, hasEmail: `mailto:${addresses.contactEmail}` },
    accessLevel: 'public',
    rights: null,
    landingPage: `${base}/dashboards/${agency.id}`,
    describedBy: `${base}/api/agencies/${agency.id}/published_data`,
    describedByType: 'application/json',
    spatial: [agency.county?.name, agency.stateCode].filter(Boolean).join(', ') || null,
    theme: ['Criminal justice', systemLabel(metric.system)],
    distribution: distributionsOf(agency, metric, base),
  };
}

export function presentDataCatalog(agencies: OpenDataAgency[], addresses: Addresses): DataCatalogResponse {
  return {
    '@context': `${DCAT_US}/catalog.jsonld`,
    '@id': `${addresses.publicUrl}/data.json`,
    '@type': 'dcat:Catalog',
    conformsTo: DCAT_US,
    describedBy: `${DCAT_US}/catalog.json`,
    dataset: agencies.flatMap((agency) => agency.metrics.map((metric) => datasetOf(agency, metric, addresses))),
  };
}
