/**
 * Where a file dropped for automatic ingestion says whom it is for: `<agency id>/<file>`, or
 * `<agency id>/<SECTOR>/<file>` for an agency that reports for several sectors (the reference's
 * per-agency bucket and `<SYSTEM>/` folder).
 */
import { isSystemName, type SystemName } from '@jc/catalogue';
import { invalid } from '../errors.ts';

export interface DroppedFile {
  agencyId: number;
  /** Undefined when the file is not in a sector folder: the agency's only sector is meant. */
  system: SystemName | undefined;
  fileName: string;
}

const EXAMPLE = 'such as 12/arrests.xlsx or 12/LAW_ENFORCEMENT/arrests.xlsx';

export function parseDroppedPath(file: string): DroppedFile {
  const parts = file.split('/');
  if (file.startsWith('/') || file.includes('\\') || parts.some((part) => ['', '.', '..'].includes(part))) {
    throw invalid('file', `must be a path inside the drop folder, ${EXAMPLE} (got "${file}")`);
  }
  const [agency, ...rest] = parts;
  if (!/^[1-9]\d{0,9}$/.test(agency ?? '') || rest.length < 1 || rest.length > 2) {
    throw invalid('file', `must be in a folder named after the agency's id, ${EXAMPLE} (got "${file}")`);
  }
  const [sector, fileName] = rest.length === 2 ? rest : [undefined, rest[0]];
  if (sector !== undefined && !isSystemName(sector)) {
    throw invalid('file', `the folder "${sector}" is not a sector name such as LAW_ENFORCEMENT or PRISONS`);
  }
  return { agencyId: Number(agency), system: sector, fileName: fileName ?? '' };
}
