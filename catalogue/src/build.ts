// Turns the compact generated tables into the typed, frozen catalogue objects.
import { DESCRIPTIONS } from './descriptions.ts';
import {
  DIMENSION_ROWS,
  INCLUDES_EXCLUDES_ROWS,
  METRIC_ROWS,
  SECTOR_ROWS,
  SUBSYSTEM_GROUPS,
} from './generated/data.ts';
import type { BreakdownRow, DimensionRow, MetricRow } from './generated/tables.ts';
import { contextLabel } from './labels.ts';
import { isSystemName, metricKey, SUPERVISION_SUBSYSTEMS, SYSTEMS, systemLabel } from './systems.ts';
import type {
  ContextDef,
  DimensionDef,
  Frequency,
  IncludesExcludesGroup,
  IncludesExcludesSetting,
  MemberDef,
  MetricDef,
  SystemName,
} from './types.ts';

export const RACE_AND_ETHNICITY = 'global/race_and_ethnicity';
export const FREQUENCIES: readonly Frequency[] = ['MONTHLY', 'ANNUAL'];

function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`catalogue: missing ${what}`);
  return value;
}

function decodeSettings(text: string): IncludesExcludesSetting[] {
  return text
    .split(' ')
    .map((token) => (token.startsWith('!') ? { key: token.slice(1), default: 'No' } : { key: token, default: 'Yes' }));
}

const GROUPS: IncludesExcludesGroup[] = INCLUDES_EXCLUDES_ROWS.map(([settings, label = null, multiselect = true]) => ({
  label,
  multiselect,
  settings: decodeSettings(settings),
}));

function groups(ids: readonly number[]): IncludesExcludesGroup[] {
  return ids.map((id) => defined(GROUPS[id], `includes/excludes group ${id}`));
}

function context(key: string, label: string | null): ContextDef {
  return { key, label, valueType: null, required: null, options: null };
}

/** OTHER and UNKNOWN members ask what they hold; every other member asks what else it counts. */
function memberContexts(name: string): string[] {
  return name === 'OTHER' || name === 'UNKNOWN' ? ['ADDITIONAL_CONTEXT'] : ['INCLUDES_EXCLUDES_DESCRIPTION'];
}

function breakdownContexts(identifier: string): ContextDef[] {
  return identifier === RACE_AND_ETHNICITY
    ? [context('OTHER_RACE_DESCRIPTION', contextLabel('OTHER_RACE_DESCRIPTION'))]
    : [];
}

function dimensionFromRow([identifier, displayName, pairs]: DimensionRow): DimensionDef {
  const members: MemberDef[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const name = defined(pairs[i], `member name in ${identifier}`);
    const value = defined(pairs[i + 1], `member value in ${identifier}`);
    members.push({ name, value, includesExcludes: [], contexts: memberContexts(name) });
  }
  return {
    identifier,
    displayName,
    required: false,
    shouldSumToTotal: false,
    members,
    contexts: breakdownContexts(identifier),
  };
}

/** Metric-independent dimensions: no `required` flag and no includes/excludes (those belong to a metric's use). */
export const DIMENSIONS: readonly DimensionDef[] = DIMENSION_ROWS.map(dimensionFromRow);
const DIMENSION_BY_ID = new Map(DIMENSIONS.map((d) => [d.identifier, d]));

function breakdown([identifier, isRequired, , , memberGroups]: BreakdownRow): DimensionDef {
  const base = defined(DIMENSION_BY_ID.get(identifier), `dimension ${identifier}`);
  return {
    ...base,
    required: isRequired,
    members: base.members.map((member, i) => ({ ...member, includesExcludes: groups(memberGroups[i] ?? []) })),
  };
}

function sheetNames(row: MetricRow): Pick<MetricDef, 'sheetNames' | 'sheetColumns'> {
  const breakdowns: Record<string, string> = {};
  const columns: Record<string, string> = {};
  for (const [identifier, , sheet, column] of row[8]) {
    if (sheet !== null) breakdowns[identifier] = sheet;
    if (column !== null) columns[identifier] = column;
  }
  return { sheetNames: { total: row[9], breakdowns }, sheetColumns: columns };
}

function metricFromRow(row: MetricRow, system: SystemName, groupIds: readonly number[], suffix: string): MetricDef {
  const [baseSystem, metricType, displayName, category, unit, measurementType, defaultFrequency] = row;
  const includesExcludes = groups(groupIds);
  return {
    key: metricKey(system, metricType),
    system,
    metricType,
    displayName: displayName + suffix,
    description: defined(DESCRIPTIONS[`${baseSystem}_${metricType}`], `description of ${baseSystem}_${metricType}`),
    category,
    unit,
    measurementType,
    frequencies: [...FREQUENCIES],
    defaultFrequency,
    disabled: false,
    dimensions: row[8].map(breakdown),
    includesExcludes,
    contexts: [
      context(
        'INCLUDES_EXCLUDES_DESCRIPTION',
        contextLabel('INCLUDES_EXCLUDES_DESCRIPTION', includesExcludes.length > 0),
      ),
    ],
    ...sheetNames(row),
  };
}

/** Each SUPERVISION metric is copied into every sub-system, with the system's name appended to the display name. */
function metricsOf(system: SystemName): MetricDef[] {
  const isCopy = SUPERVISION_SUBSYSTEMS.includes(system);
  const source: SystemName = isCopy ? 'SUPERVISION' : system;
  return METRIC_ROWS.filter((row) => row[0] === source).map((row) => {
    if (!isCopy) return metricFromRow(row, system, row[7], '');
    const groupIds = SUBSYSTEM_GROUPS[metricKey(system, row[1])] ?? row[7];
    return metricFromRow(row, system, groupIds, ` (${systemLabel(system)})`);
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const METRICS: readonly MetricDef[] = deepFreeze(SYSTEMS.flatMap(metricsOf));
deepFreeze(DIMENSIONS);

/** Agency-wide "sector" definition toggles (courts and the supervision sub-populations), stored in agency settings. */
export const SECTOR_INCLUDES_EXCLUDES: Readonly<Partial<Record<SystemName, readonly IncludesExcludesSetting[]>>> =
  deepFreeze(
    Object.fromEntries(
      Object.entries(SECTOR_ROWS).flatMap(([system, text]) =>
        isSystemName(system) ? [[system, decodeSettings(text)]] : [],
      ),
    ),
  );
