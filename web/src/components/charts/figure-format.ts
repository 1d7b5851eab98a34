/** How Explore Data writes periods and figures. Dates are handled in UTC throughout. */

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `YYYY-MM-DD` → year and month (1–12). */
export function yearMonth(isoDate: string): { year: number; month: number } {
  return { year: Number(isoDate.slice(0, 4)), month: Number(isoDate.slice(5, 7)) };
}

/** The server's RFC 1123 date ("Fri, 01 Mar 2024 00:00:00 GMT") as `2024-03-01`. */
export function isoDay(rfc1123: string): string {
  return new Date(rfc1123).toISOString().slice(0, 10);
}

/** "Mar 2024" for a month; "Jul 2023 - Jun 2024" for a year starting in July. */
export function periodLabel(start: string, frequency: 'MONTHLY' | 'ANNUAL'): string {
  const { year, month } = yearMonth(start);
  const first = `${SHORT_MONTHS[month - 1]} ${year}`;
  if (frequency === 'MONTHLY') return first;
  const lastMonth = ((month + 10) % 12) + 1;
  const lastYear = month === 1 ? year : year + 1;
  return `${first} - ${SHORT_MONTHS[lastMonth - 1]} ${lastYear}`;
}

/** Money metrics (Funding, Expenses) are counted in dollars. */
export function isMoney(unit: string): boolean {
  return unit === 'Amount';
}

const ABBREVIATIONS: [number, string][] = [
  [1e12, 't'],
  [1e9, 'b'],
  [1e6, 'm'],
  [1e3, 'k'],
];

/** Chart axes: 950, 1.2k, 2.5m, $3b. */
export function abbreviate(value: number, money = false): string {
  const sign = value < 0 ? '-' : '';
  const size = Math.abs(value);
  const [divisor, suffix] = ABBREVIATIONS.find(([limit]) => size >= limit) ?? [1, ''];
  const digits = (size / divisor).toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `${sign}${money ? '$' : ''}${digits}${suffix}`;
}

/** Tables and tooltips: 1,234.5 (or $1,234.5); "-" when there is no figure. */
export function formatFigure(value: number | null, money = false): string {
  if (value === null) return '-';
  return `${money ? '$' : ''}${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

/** A share of a total: "42%", or "<1%" for a small but real share. */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const share = (part / whole) * 100;
  if (share > 0 && share < 1) return '<1%';
  return `${Math.round(share)}%`;
}
