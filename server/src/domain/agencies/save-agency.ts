/**
 * Justice Counts staff create or edit an agency in one go (admin panel, PUT /admin/agency): its
 * fields, its superagency or child agencies, its description and homepage, and its team with
 * roles. Everything is checked, then written in one transaction. A member's role is also set in
 * the agency's child agencies, as in the reference; members left out of the team are removed.
 */
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation, source, userAccount } from '../../db/schema.ts';
import type { Actor, AgencyRole } from '../actor.ts';
import { upsertAgencySettings } from '../../db/queries/agency-settings.ts';
import { DomainError, notFound } from '../errors.ts';
import { assertPlatformAdmin, findAnyAgency } from '../permissions.ts';
import { recordPublicRelease } from '../../db/queries/public-releases.ts';
import {
  agencyLinkProblems,
  checkAgencyName,
  checkCountyCode,
  checkStateCode,
  normalizeSystems,
} from './agency-rules.ts';
import { checkNotDuplicate, checkSuperagency, createAgency } from './create-agency.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';

export interface SaveAgencyInput {
  /** Null: create the agency. */
  agencyId: number | null;
  name: string;
  stateCode: string;
  systems: readonly string[];
  superAgencyId: number | null;
  isSuperagency: boolean;
  isDashboardEnabled: boolean | null;
  isSteppingUpAgency?: boolean | null | undefined;
  fipsCountyCode?: string | null | undefined;
  /** Absent: leave the children as they are (all released when it stops being a superagency). */
  childAgencyIds?: readonly number[] | undefined;
  description?: string | null | undefined;
  url?: string | null | undefined;
  /** Absent: leave the team as it is. */
  team?: readonly { userId: number; role: AgencyRole | null }[] | undefined;
  now: Date;
}

interface Fields {
  name: string;
  stateCode: string;
  systems: string[];
  isSuperagency: boolean;
  superAgencyId: number | null;
  /** undefined leaves it as it is; null clears it. */
  fipsCountyCode: string | null | undefined;
}

function checkInput(input: SaveAgencyInput): Fields {
  const problems = agencyLinkProblems({
    agencyId: input.agencyId,
    isSuperagency: input.isSuperagency,
    superAgencyId: input.superAgencyId,
    childAgencyIds: input.childAgencyIds ?? [],
  });
  if (problems.length > 0) {
    throw new DomainError('invalid_input', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
  const stateCode = checkStateCode(input.stateCode);
  return {
    name: checkAgencyName(input.name),
    stateCode,
    fipsCountyCode: checkCountyCode(stateCode, input.fipsCountyCode),
    systems: normalizeSystems(input.systems, input.isSuperagency),
    isSuperagency: input.isSuperagency,
    superAgencyId: input.superAgencyId,
  };
}

async function updateExisting(tx: Executor, actor: Actor, input: SaveAgencyInput, fields: Fields, agencyId: number) {
  await findAnyAgency(tx, actor, agencyId);
  await checkNotDuplicate(tx, fields.name, fields.stateCode, fields.systems, agencyId);
  if (fields.superAgencyId) await checkSuperagency(tx, fields.superAgencyId);
  const [agency] = await tx
    .update(source)
    .set({
      ...fields,
      isDashboardEnabled: input.isDashboardEnabled,
      ...(input.isSteppingUpAgency !== undefined && { isSteppingUpAgency: input.isSteppingUpAgency }),
    })
    .where(eq(source.id, agencyId))
    .returning();
  if (!agency) throw new Error(`agency ${agencyId} vanished while being saved`);
  return agency;
}

/** Links the listed agencies as children and releases the others; returns the children. */
async function setChildren(tx: Executor, agency: AgencyRow, wanted: readonly number[] | undefined) {
  const keep = agency.isSuperagency ? wanted : [];
  if (keep === undefined) {
    const rows = await tx.select({ id: source.id }).from(source).where(eq(source.superAgencyId, agency.id));
    return rows.map((row) => row.id);
  }
  if (keep.length > 0) {
    const found = await tx
      .select({ id: source.id, type: source.type })
      .from(source)
      .where(inArray(source.id, [...keep]));
    const missing = keep.find((id) => !found.some((row) => row.id === id && row.type === 'agency'));
    if (missing !== undefined) throw notFound(`Agency ${missing}`);
    await tx
      .update(source)
      .set({ superAgencyId: agency.id })
      .where(inArray(source.id, [...keep]));
  }
  const released = and(
    eq(source.superAgencyId, agency.id),
    keep.length > 0 ? notInArray(source.id, [...keep]) : undefined,
  );
  await tx.update(source).set({ superAgencyId: null }).where(released);
  return [...keep];
}

async function setTeam(tx: Executor, agencyId: number, childIds: number[], team: SaveAgencyInput['team']) {
  if (team === undefined) return;
  const userIds = team.map((member) => member.userId);
  const users = userIds.length === 0 ? [] : await tx.select().from(userAccount).where(inArray(userAccount.id, userIds));
  const missing = userIds.find((id) => !users.some((user) => user.id === id));
  if (missing !== undefined) throw notFound(`User ${missing}`);
  for (const member of team) {
    const hasPassword = users.some((user) => user.id === member.userId && user.passwordHash !== null);
    await tx
      .insert(agencyUserAccountAssociation)
      .values(
        [agencyId, ...childIds].map((id) => ({
          agencyId: id,
          userAccountId: member.userId,
          role: member.role,
          invitationStatus: hasPassword ? ('ACCEPTED' as const) : ('PENDING' as const),
        })),
      )
      .onConflictDoUpdate({
        target: [agencyUserAccountAssociation.agencyId, agencyUserAccountAssociation.userAccountId],
        set: { role: member.role },
      });
  }
  const leavers = userIds.length > 0 ? notInArray(agencyUserAccountAssociation.userAccountId, userIds) : undefined;
  await tx
    .delete(agencyUserAccountAssociation)
    .where(and(eq(agencyUserAccountAssociation.agencyId, agencyId), leavers));
}

async function setPageSettings(tx: Executor, agencyId: number, input: SaveAgencyInput) {
  const settings = [
    ...(input.description === undefined
      ? []
      : [{ setting_type: 'PURPOSE_AND_FUNCTIONS', value: input.description || null }]),
    ...(input.url === undefined ? [] : [{ setting_type: 'HOMEPAGE_URL', value: input.url || null }]),
  ];
  await upsertAgencySettings(tx, agencyId, settings);
}

/** Saves the agency and returns its id. */
export async function saveAgency(db: Executor, actor: Actor, input: SaveAgencyInput): Promise<number> {
  assertPlatformAdmin(actor);
  const fields = checkInput(input);
  return db.transaction(async (tx) => {
    const agency =
      input.agencyId === null
        ? await createAgency(tx, actor, { ...input, ...fields })
        : await updateExisting(tx, actor, input, fields, input.agencyId);
    const childIds = await setChildren(tx, agency, input.childAgencyIds);
    await setPageSettings(tx, agency.id, input);
    await setTeam(tx, agency.id, childIds, input.team);
    // Its sectors decide which of its metrics are public.
    if (input.agencyId !== null) {
      await recordPublicRelease(tx, { agencyId: agency.id, userId: actor.userId, now: input.now });
    }
    return agency.id;
  });
}
