/**
 * Justice Counts staff create an agency (admin panel, `jc create-agency`). It starts with a year
 * of empty records, as in the reference, so its members can enter data straight away.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { DomainError, invalid, notFound } from '../errors.ts';
import { assertPlatformAdmin } from '../permissions.ts';
import {
  checkAgencyName,
  checkCountyCode,
  checkStateCode,
  initialReports,
  normalizeSystems,
  sameSystems,
} from './agency-rules.ts';
import { insertAgency, type AgencyRow } from '../../db/queries/agencies.ts';
import { insertReports } from '../../db/queries/reports.ts';

export interface CreateAgencyInput {
  name: string;
  /** `us_xx`, any case. */
  stateCode: string;
  systems: readonly string[];
  isSuperagency?: boolean;
  /** Makes the new agency a child of this superagency. */
  superAgencyId?: number | null;
  isDashboardEnabled?: boolean | null;
  isSteppingUpAgency?: boolean | null;
  /** A county code such as `us_ca_alameda`. */
  fipsCountyCode?: string | null;
  now: Date;
}

export async function checkSuperagency(db: Executor, superAgencyId: number): Promise<void> {
  const [parent] = await db.select().from(source).where(eq(source.id, superAgencyId));
  if (!parent || parent.type !== 'agency') throw notFound(`Superagency ${superAgencyId}`);
  if (!parent.isSuperagency) {
    throw invalid(
      'superagency',
      `agency ${superAgencyId} ("${parent.name}") is not a superagency; create it with is-superagency, or pick another`,
    );
  }
}

/** The reference refuses a second agency with the same name, state and set of systems. */
export async function checkNotDuplicate(
  db: Executor,
  name: string,
  stateCode: string,
  systems: string[],
  exceptId?: number,
): Promise<void> {
  const sameName = await db
    .select({ id: source.id, systems: source.systems })
    .from(source)
    .where(and(eq(source.type, 'agency'), eq(source.name, name), sql`lower(${source.stateCode}) = ${stateCode}`));
  const twin = sameName.find((row) => row.id !== exceptId && sameSystems(row.systems ?? [], systems));
  if (twin) {
    throw new DomainError(
      'conflict',
      `An agency named "${name}" in ${stateCode} with systems ${systems.join(', ')} already exists (id ${twin.id}).`,
    );
  }
}

export async function createAgency(db: Executor, actor: Actor, input: CreateAgencyInput): Promise<AgencyRow> {
  assertPlatformAdmin(actor);
  const name = checkAgencyName(input.name);
  const stateCode = checkStateCode(input.stateCode);
  const isSuperagency = input.isSuperagency ?? false;
  const systems = normalizeSystems(input.systems, isSuperagency);
  const superAgencyId = input.superAgencyId ?? null;
  if (superAgencyId !== null) await checkSuperagency(db, superAgencyId);
  await checkNotDuplicate(db, name, stateCode, systems);
  return db.transaction(async (tx) => {
    const agency = await insertAgency(tx, {
      name,
      stateCode,
      systems,
      isSuperagency,
      superAgencyId,
      isDashboardEnabled: input.isDashboardEnabled ?? false,
      isSteppingUpAgency: input.isSteppingUpAgency ?? null,
      fipsCountyCode: checkCountyCode(stateCode, input.fipsCountyCode) ?? null,
    });
    const today = input.now.toISOString().slice(0, 10);
    const current = { year: input.now.getUTCFullYear(), month: input.now.getUTCMonth() + 1 };
    await insertReports(
      tx,
      initialReports(current).map((period) => ({ ...period, sourceId: agency.id, createdAt: today, modifiedBy: [] })),
    );
    return agency;
  });
}
