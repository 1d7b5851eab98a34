/**
 * "COURTS_AND_PRETRIAL" → "Courts and Pretrial": the catalogue's sector names follow this rule, and
 * spelling it out here keeps the whole catalogue out of the pages' downloads.
 */
export function sectorLabel(key: string): string {
  return key
    .toLowerCase()
    .split('_')
    .map((word) => (word === 'and' ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
