/** GET /api/agencies/:id: the agency's settings, jurisdictions and population, and the caller's email preferences. */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencySetting, agencyUserAccountAssociation } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction } from '../permissions.ts';
import { DEFAULT_DAYS_AFTER_PERIOD } from './agency-setting-rules.ts';
import { loadJurisdictions } from '../../db/queries/agency-settings.ts';
import { loadAgencyPopulation, type PopulationYear } from '../../db/queries/agency-population.ts';

export interface AgencySettings {
  settings: { settingType: string; value: unknown }[];
  jurisdictions: { included: string[]; excluded: string[] };
  isSubscribedToEmails: boolean;
  daysAfterTimePeriodToSendEmail: number;
  isSteppingUpAgency: boolean;
  population: PopulationYear[];
}

export async function getAgencySettings(
  db: Executor,
  actor: Actor,
  input: { agencyId: number },
): Promise<AgencySettings> {
  const agency = await getAgencyForAction(db, actor, 'agency.view', input.agencyId);
  const settings = await db
    .select({ settingType: agencySetting.settingType, value: agencySetting.value })
    .from(agencySetting)
    .where(eq(agencySetting.sourceId, agency.id))
    .orderBy(asc(agencySetting.id));
  const jurisdictions = await loadJurisdictions(db, agency.id);
  const population = await loadAgencyPopulation(db, agency.id);
  const [mine] =
    actor.userId === null
      ? []
      : await db
          .select()
          .from(agencyUserAccountAssociation)
          .where(
            and(
              eq(agencyUserAccountAssociation.agencyId, agency.id),
              eq(agencyUserAccountAssociation.userAccountId, actor.userId),
            ),
          );
  return {
    settings,
    jurisdictions,
    isSubscribedToEmails: mine?.subscribed ?? false,
    daysAfterTimePeriodToSendEmail: mine?.daysAfterTimePeriodToSendEmail ?? DEFAULT_DAYS_AFTER_PERIOD,
    isSteppingUpAgency: agency.isSteppingUpAgency === true,
    population,
  };
}
