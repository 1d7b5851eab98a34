/**
 * What the open-data catalogue (/data.json) lists: every agency with its dashboard on, the metrics
 * it has public figures for, and its current release (the citable snapshot those figures are in).
 */
import { desc } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { publicRelease } from '../../db/schema.ts';
import { findDashboardAgencies, type DashboardAgency } from './find-dashboard-agencies.ts';

export interface OpenDataAgency extends DashboardAgency {
  currentRelease: { number: number; createdAt: Date } | null;
}

export async function findOpenDatasets(db: Executor): Promise<OpenDataAgency[]> {
  const [agencies, releases] = await Promise.all([
    findDashboardAgencies(db),
    db
      .selectDistinctOn([publicRelease.agencyId], {
        agencyId: publicRelease.agencyId,
        number: publicRelease.number,
        createdAt: publicRelease.createdAt,
      })
      .from(publicRelease)
      .orderBy(publicRelease.agencyId, desc(publicRelease.number)),
  ]);
  const current = new Map(releases.map(({ agencyId, ...release }) => [agencyId, release]));
  return agencies
    .filter((agency) => agency.metrics.length > 0)
    .map((agency) => ({ ...agency, currentRelease: current.get(agency.id) ?? null }));
}
