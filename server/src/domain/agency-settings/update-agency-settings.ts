/**
 * PATCH /api/agencies/:id: an agency admin changes the agency's systems, settings, jurisdictions or
 * population by year. Everything is checked first; then one transaction upserts settings by
 * (agency, type) and replaces the jurisdiction list, as the reference does, and the population list.
 */
import { eq } from 'drizzle-orm';
import type { AgencySettingInput, Jurisdictions } from '../../contract/agency-settings.ts';
import type { Executor } from '../../db/database.ts';
import { source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { normalizeSystems } from '../agencies/agency-rules.ts';
import { throwIfProblems, type FieldProblem } from '../errors.ts';
import { getAgencyForAction } from '../permissions.ts';
import { replaceJurisdictions, upsertAgencySettings } from '../../db/queries/agency-settings.ts';
import { replaceAgencyPopulation } from '../../db/queries/agency-population.ts';
import type { PopulationEntry } from '../../contract/population.ts';
import { normalizeJurisdictions, sectorDefinitionProblems } from './agency-setting-rules.ts';
import { repeatedYearProblems } from './population-rules.ts';

export interface UpdateAgencySettingsInput {
  agencyId: number;
  systems?: string[] | undefined;
  settings?: AgencySettingInput[] | undefined;
  jurisdictions?: Jurisdictions | undefined;
  population?: PopulationEntry[] | undefined;
}

function settingProblems(settings: readonly AgencySettingInput[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  settings.forEach((setting, i) => {
    if (seen.has(setting.setting_type)) {
      problems.push({ field: `settings.${i}.setting_type`, message: `${setting.setting_type} is listed twice` });
    }
    seen.add(setting.setting_type);
    if (setting.setting_type === 'SECTOR_INCLUDES_EXCLUDES') {
      problems.push(...sectorDefinitionProblems(setting.value, `settings.${i}.value`));
    }
  });
  return problems;
}

export async function updateAgencySettings(db: Executor, actor: Actor, input: UpdateAgencySettingsInput) {
  const agency = await getAgencyForAction(db, actor, 'agency.edit', input.agencyId);
  const systems = input.systems && normalizeSystems(input.systems, agency.isSuperagency ?? false);
  const places = input.jurisdictions && normalizeJurisdictions(input.jurisdictions, 'jurisdictions');
  throwIfProblems([
    ...settingProblems(input.settings ?? []),
    ...(places?.problems ?? []),
    ...repeatedYearProblems(input.population ?? [], (i) => `population.${i}.year`),
  ]);
  await db.transaction(async (tx) => {
    if (systems) await tx.update(source).set({ systems }).where(eq(source.id, agency.id));
    await upsertAgencySettings(tx, agency.id, input.settings ?? []);
    if (places) await replaceJurisdictions(tx, agency.id, places);
    if (input.population) await replaceAgencyPopulation(tx, agency.id, input.population);
  });
}
