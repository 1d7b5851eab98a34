/**
 * Reading one cell of a data row: year, month, value, breakdown member, child agency and
 * supervision system. Each returns the value or the problem to report for that row.
 */
import { type DimensionDef, type MemberDef, type SystemName } from '@jc/catalogue';
import { exactValueProblem, exactValueRule, MAX_SIGNIFICANT_DIGITS } from '../../contract/values.ts';
import type { Cell } from './raw-upload.ts';
import { normaliseAgencyName, supervisionSystemFromCell } from './names.ts';
import { bestMatch, monthFromName } from './text-matching.ts';
import { cellRules, messages, type Problem } from './upload-messages.ts';

export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: Problem; aboutFile?: boolean };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(problem: Problem): CellResult<T> => ({ ok: false, problem });
const show = (cell: Cell) => String(cell);

export interface YearCell {
  /** The calendar year, or for fiscal-year text the year the fiscal year ends in. */
  year: number;
  fiscal: boolean;
}

const FIRST_YEAR = 1600;

/** `2023`, `"2023"`, or fiscal-year text `2022-2023` / `2022-23`, which means the year ending in 2023. */
export function readYear(cell: Cell, row: number, currentYear: number): CellResult<YearCell> {
  const rule = cellRules.year(currentYear);
  if (cell === null) return fail(messages.emptyCell(row, 'year', rule));
  const text = show(cell).trim();
  const invalid = fail<YearCell>(messages.invalidCell(row, 'year', text, rule));
  if (/^\d{4}(\.0+)?$/.test(text)) {
    const year = Number(text);
    return year >= FIRST_YEAR && year <= currentYear ? ok({ year, fiscal: false }) : invalid;
  }
  const fiscal = /^(\d{4})\s*[-–/]\s*(\d{2}|\d{4})$/.exec(text);
  if (!fiscal) return invalid;
  const first = Number(fiscal[1]);
  const second = fiscal[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(fiscal[2]) : Number(fiscal[2]);
  const inRange = first >= FIRST_YEAR && second <= currentYear + 1;
  return second === first + 1 && inRange ? ok({ year: second, fiscal: true }) : invalid;
}

/** A month number from 1–12 or a month name; null when the cell is blank (annual data). */
export function readMonth(cell: Cell, row: number): CellResult<number | null> {
  if (cell === null) return ok(null);
  const text = show(cell).trim();
  const number = /^\d{1,2}(\.0+)?$/.test(text) ? Number(text) : undefined;
  const month = number ?? monthFromName(text);
  if (month !== undefined && month >= 1 && month <= 12) return ok(month);
  return fail(messages.invalidCell(row, 'month', text, cellRules.month));
}

const PLAIN_NUMBER = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
/** Digits of a whole number up to MAX_VALUE: exactly that number, with nothing more to check. */
const SHORT_WHOLE_NUMBER = /^\d{1,15}$/;

/**
 * A number of zero or more, exactly as written (text may group thousands with commas). A number
 * cell is read to Excel's own 15 significant digits, so float noise from formulas
 * (0.30000000000000004) is not mistaken for digits someone typed.
 */
export function readValue(cell: Cell, row: number): CellResult<number> {
  if (cell === null) return fail(messages.emptyCell(row, 'value', cellRules.value));
  // Most values are whole numbers below 10^15 (not -0, which would read as 0), exact as they stand.
  const whole =
    typeof cell === 'number' ? Number.isInteger(cell) && cell > 0 && cell < 1e15 : SHORT_WHOLE_NUMBER.test(cell);
  return whole ? ok(Number(cell)) : readAnyValue(cell, row);
}

function readAnyValue(cell: string | number, row: number): CellResult<number> {
  const text = show(cell).trim();
  const invalid = (why: string) => fail<number>(messages.invalidCell(row, 'value', text, why));
  let number: number;
  if (typeof cell === 'number') number = Number(cell.toPrecision(MAX_SIGNIFICANT_DIGITS));
  else {
    const compact = text.replace(/\s+/g, '');
    const unsigned = compact.replace(/^[-+]/, '');
    if (!PLAIN_NUMBER.test(unsigned) && !GROUPED_NUMBER.test(unsigned)) return invalid(cellRules.value);
    const inexact = exactValueProblem(unsigned);
    if (inexact) return invalid(`The value ${exactValueRule(inexact, text)}.`);
    number = Number(unsigned.replace(/,/g, '')) * (compact.startsWith('-') ? -1 : 1);
  }
  if (!Number.isFinite(number)) return invalid(cellRules.value);
  if (number < 0) return invalid(`Values cannot be negative. ${cellRules.value}`);
  return ok(number);
}

/**
 * Members by cell text, per breakdown: a sheet repeats the same few texts on every row. The catalogue
 * lives as long as the process, so each cache is bounded.
 */
const MAX_CACHED_TEXTS = 1_000;
const memberByText = new WeakMap<DimensionDef, Map<string, MemberDef | null>>();

function matchMember(text: string, dimension: DimensionDef): MemberDef | null {
  let known = memberByText.get(dimension);
  if (!known) memberByText.set(dimension, (known = new Map()));
  const cached = known.get(text);
  if (cached !== undefined) return cached;
  // Stored names (PERSON) count only exactly: in any case, "Person" would pass for "Person Offenses".
  const member =
    dimension.members.find((candidate) => candidate.name === text) ??
    bestMatch(
      text,
      dimension.members.map((item) => ({ label: item.value, item })),
    ) ??
    null;
  if (known.size < MAX_CACHED_TEXTS) known.set(text, member);
  return member;
}

/** A breakdown member by its display name (fuzzy) or exact stored name. */
export function readMember(cell: Cell, row: number, column: string, dimension: DimensionDef): CellResult<MemberDef> {
  const options = () => dimension.members.map((member) => member.value);
  if (cell === null) return fail(messages.emptyCell(row, column, cellRules.breakdown(options())));
  const text = show(cell).trim();
  const member = matchMember(text, dimension);
  return member ? ok(member) : fail(messages.invalidCell(row, column, text, cellRules.breakdown(options())));
}

export interface ChildAgency {
  id: number;
  name: string;
  customName: string | null;
}

/**
 * Children by normalised name and custom name, built once per upload (the first child listed
 * wins), and by cell text as the rows name them: a sheet repeats the same few names on every row.
 */
interface ChildNames {
  byName: Map<string, ChildAgency>;
  byText: Map<string, ChildAgency | undefined>;
}
const childNames = new WeakMap<readonly ChildAgency[], ChildNames>();

function namesOf(children: readonly ChildAgency[]): ChildNames {
  let names = childNames.get(children);
  if (!names) {
    names = { byName: new Map(), byText: new Map() };
    for (const child of [...children].reverse()) {
      if (child.customName !== null) names.byName.set(normaliseAgencyName(child.customName), child);
      names.byName.set(normaliseAgencyName(child.name), child);
    }
    childNames.set(children, names);
  }
  return names;
}

function childNamed(children: readonly ChildAgency[], text: string): ChildAgency | undefined {
  const { byName, byText } = namesOf(children);
  if (byText.has(text)) return byText.get(text);
  const child = byName.get(normaliseAgencyName(text));
  // Bounded: a file naming many unknown agencies must not grow this without end.
  if (byText.size < MAX_CACHED_TEXTS) byText.set(text, child);
  return child;
}

/** A child agency by its name or the custom name the superagency gave it, in any case. */
export function readAgency(cell: Cell, row: number, children: readonly ChildAgency[]): CellResult<ChildAgency> {
  if (cell === null) {
    const rule = `Each row should name one of your child agencies: ${children.map((child) => child.name).join(', ')}.`;
    return fail(messages.emptyCell(row, 'agency', rule));
  }
  const text = show(cell);
  const child = childNamed(children, text);
  return child ? ok(child) : fail(messages.invalidCell(row, 'agency', text.trim(), cellRules.agency(text.trim())));
}

/** A supervision system the agency reports for: SUPERVISION (also `all`) or one of its sub-systems. */
export function readSystem(cell: Cell, row: number, allowed: readonly SystemName[]): CellResult<SystemName> {
  const rule = cellRules.system(allowed);
  if (cell === null) return fail(messages.emptyCell(row, 'system', rule));
  const text = show(cell).trim();
  const system = supervisionSystemFromCell(text);
  if (system === undefined) return { ok: false, problem: messages.systemNotRecognized(text, allowed), aboutFile: true };
  if (!allowed.includes(system)) {
    return fail(
      messages.invalidCell(row, 'system', text, `Your agency does not report for the ${system} sector. ${rule}`),
    );
  }
  return ok(system);
}
