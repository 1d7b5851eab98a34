/** Loads an upload's context from the database: the agency's children and every agency's metric settings. */
import { isSupervisionSubsystem, isSystemName, type SystemName } from '@jc/catalogue';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { source } from '../../db/schema.ts';
import { resolveMetricSettings } from '../../db/queries/settings.ts';
import type { UploadFileKind } from './raw-upload.ts';
import type { UploadAgency, UploadContext } from './upload-context.ts';

async function settingsByKey(db: Executor, agency: { id: number; systems: string[] | null }) {
  const resolved = await resolveMetricSettings(db, agency);
  return new Map(resolved.map((setting) => [setting.key, setting]));
}

function supervisionSystemsOf(agency: UploadAgency, system: SystemName): SystemName[] {
  if (system !== 'SUPERVISION') return [];
  const subsystems = (agency.systems ?? []).filter(isSystemName).filter(isSupervisionSubsystem);
  return subsystems.length === 0 ? [] : ['SUPERVISION', ...subsystems];
}

export async function loadUploadContext(
  db: Executor,
  input: { agency: UploadAgency; system: SystemName; fileKind: UploadFileKind; now: Date },
): Promise<UploadContext> {
  const { agency, system } = input;
  const childRows =
    agency.isSuperagency && system !== 'SUPERAGENCY'
      ? await db.select().from(source).where(eq(source.superAgencyId, agency.id)).orderBy(source.id)
      : [];
  const settings = new Map([[agency.id, await settingsByKey(db, agency)]]);
  for (const child of childRows) settings.set(child.id, await settingsByKey(db, child));
  return {
    // Only what the checks read: the context is posted to the worker that checks the file.
    agency: { id: agency.id, name: agency.name, systems: agency.systems, isSuperagency: agency.isSuperagency },
    system,
    fileKind: input.fileKind,
    children: childRows.map((child) => ({ id: child.id, name: child.name, customName: child.customChildAgencyName })),
    supervisionSystems: supervisionSystemsOf(agency, system),
    settings,
    currentYear: input.now.getUTCFullYear(),
    today: input.now.toISOString().slice(0, 10),
  };
}
