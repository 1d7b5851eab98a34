/**
 * Vendors: companies that report metrics for agencies (a `source` row of type `vendor`, its web
 * address in the HOMEPAGE_URL setting). Justice Counts staff list, add, rename and delete them;
 * deleting one makes the metrics it reported forget it.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencySetting, source } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { checkAgencyName } from '../agencies/agency-rules.ts';
import { upsertAgencySettings } from '../../db/queries/agency-settings.ts';
import { notFound } from '../errors.ts';
import { clearReportingAgency } from '../../db/queries/settings.ts';
import { assertPlatformAdmin } from '../permissions.ts';

export interface VendorRecord {
  id: number;
  name: string;
  url: string | null;
}

/** Newest first, as the panel lists them. */
export async function listVendors(db: Executor, actor: Actor): Promise<VendorRecord[]> {
  assertPlatformAdmin(actor);
  const rows = await db
    .select({ id: source.id, name: source.name, url: agencySetting.value })
    .from(source)
    .leftJoin(agencySetting, and(eq(agencySetting.sourceId, source.id), eq(agencySetting.settingType, 'HOMEPAGE_URL')))
    .where(eq(source.type, 'vendor'))
    .orderBy(desc(source.id), asc(source.name));
  return rows.map((row) => ({ id: row.id, name: row.name, url: typeof row.url === 'string' ? row.url : null }));
}

async function findVendor(db: Executor, vendorId: number) {
  const [vendor] = await db
    .select()
    .from(source)
    .where(and(eq(source.id, vendorId), eq(source.type, 'vendor')));
  if (!vendor) throw notFound(`Vendor ${vendorId}`);
  return vendor;
}

export interface SaveVendorInput {
  /** Absent or null: add a vendor. */
  vendorId?: number | null | undefined;
  name: string;
  url: string;
}

export async function saveVendor(db: Executor, actor: Actor, input: SaveVendorInput): Promise<VendorRecord> {
  assertPlatformAdmin(actor);
  const name = checkAgencyName(input.name);
  const url = input.url.trim() || null;
  return db.transaction(async (tx) => {
    let id: number;
    if (input.vendorId) {
      id = (await findVendor(tx, input.vendorId)).id;
      await tx.update(source).set({ name }).where(eq(source.id, id));
    } else {
      const [created] = await tx.insert(source).values({ name, type: 'vendor' }).returning({ id: source.id });
      if (!created) throw new Error('inserting the vendor returned no row');
      id = created.id;
    }
    await upsertAgencySettings(tx, id, [{ setting_type: 'HOMEPAGE_URL', value: url }]);
    return { id, name, url };
  });
}

export async function deleteVendor(db: Executor, actor: Actor, input: { vendorId: number }): Promise<void> {
  assertPlatformAdmin(actor);
  const vendor = await findVendor(db, input.vendorId);
  await db.transaction(async (tx) => {
    await clearReportingAgency(tx, actor, vendor.id);
    await tx.delete(source).where(eq(source.id, vendor.id));
  });
}
