/**
 * CSV as RFC 4180 describes it: a field with a comma, quote or line break is quoted, quotes doubled.
 * The one CSV writer of the server: the CLI's exports and the public feeds both use it.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** Text a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(…)"); "-5" is only a number. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  let text = String(cell);
  // Agencies type free text; a leading apostrophe keeps it text when the file is opened in a spreadsheet.
  if (typeof cell === 'string' && FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text.trim() !== text ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
