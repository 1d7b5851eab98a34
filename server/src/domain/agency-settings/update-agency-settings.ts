/**
 * PATCH /api/agencies/:id: an agency admin changes the agency's systems, settings or jurisdictions.
 * Everything is checked first; then one transaction upserts settings by (agency, type) and replaces
 * the jurisdiction list, as the reference does.
 */
import { eq } from 'drizzle-orm';
import type { AgencySettingInput, Jurisdictions } from '../../contract/agency-settings.ts';
import type { Executor } from '../../db/database.ts';
import { agencyJurisdictions, source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { normalizeSystems } from '../agencies/agency-rules.ts';
import { DomainError, type FieldProblem } from '../errors.ts';
import { getAgencyForAction } from '../permissions.ts';
import { upsertAgencySettings } from '../../db/queries/agency-settings.ts';
import { normalizeJurisdictions, sectorDefinitionProblems } from './agency-setting-rules.ts';

export interface UpdateAgencySettingsInput {
  agencyId: number;
  systems?: string[] | undefined;
  settings?: AgencySettingInput[] | undefined;
  jurisdictions?: Jurisdictions | undefined;
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

function throwIfAny(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new DomainError('invalid_input', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
}

async function replaceJurisdictions(
  tx: Executor,
  agencyId: number,
  places: { included: string[]; excluded: string[] },
) {
  await tx.delete(agencyJurisdictions).where(eq(agencyJurisdictions.sourceId, agencyId));
  const rows = [
    ...places.included.map((geoid) => ({ sourceId: agencyId, membership: 'INCLUDE', geoid })),
    ...places.excluded.map((geoid) => ({ sourceId: agencyId, membership: 'EXCLUDE', geoid })),
  ];
  if (rows.length > 0) await tx.insert(agencyJurisdictions).values(rows);
}

export async function updateAgencySettings(db: Executor, actor: Actor, input: UpdateAgencySettingsInput) {
  const agency = await getAgencyForAction(db, actor, 'agency.edit', input.agencyId);
  const systems = input.systems && normalizeSystems(input.systems, agency.isSuperagency ?? false);
  const places = input.jurisdictions && normalizeJurisdictions(input.jurisdictions, 'jurisdictions');
  throwIfAny([...settingProblems(input.settings ?? []), ...(places?.problems ?? [])]);
  await db.transaction(async (tx) => {
    if (systems) await tx.update(source).set({ systems }).where(eq(source.id, agency.id));
    await upsertAgencySettings(tx, agency.id, input.settings ?? []);
    if (places) await replaceJurisdictions(tx, agency.id, places);
  });
}
