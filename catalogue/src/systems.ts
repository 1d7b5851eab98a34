/** Every system in the canonical order used for lists, settings and reports; the database's enum starts with them. */
export const SYSTEMS = [
  'SUPERAGENCY',
  'LAW_ENFORCEMENT',
  'PROSECUTION',
  'DEFENSE',
  'COURTS_AND_PRETRIAL',
  'JAILS',
  'PRISONS',
  'SUPERVISION',
  'PAROLE',
  'PROBATION',
  'PRETRIAL_SUPERVISION',
  'OTHER_SUPERVISION',
] as const;

export type SystemName = (typeof SYSTEMS)[number];

/** Sub-populations of supervision; each carries its own copy of every SUPERVISION metric. */
export const SUPERVISION_SUBSYSTEMS: readonly SystemName[] = [
  'PAROLE',
  'PROBATION',
  'PRETRIAL_SUPERVISION',
  'OTHER_SUPERVISION',
];

/** Systems an ordinary agency may report for (SUPERAGENCY is added to superagencies only). */
export const AGENCY_SYSTEMS: readonly SystemName[] = SYSTEMS.filter((s) => s !== 'SUPERAGENCY');

const LABELS: Record<SystemName, string> = {
  SUPERAGENCY: 'Superagency',
  LAW_ENFORCEMENT: 'Law Enforcement',
  PROSECUTION: 'Prosecution',
  DEFENSE: 'Defense',
  COURTS_AND_PRETRIAL: 'Courts and Pretrial',
  JAILS: 'Jails',
  PRISONS: 'Prisons',
  SUPERVISION: 'Supervision',
  PAROLE: 'Parole',
  PROBATION: 'Probation',
  PRETRIAL_SUPERVISION: 'Pretrial Supervision',
  OTHER_SUPERVISION: 'Other Supervision',
};

export function systemLabel(system: SystemName): string {
  return LABELS[system];
}

export function isSystemName(value: string): value is SystemName {
  return Object.hasOwn(LABELS, value);
}

export function isSupervisionSubsystem(system: SystemName): boolean {
  return SUPERVISION_SUBSYSTEMS.includes(system);
}

/** SUPERVISION or one of its sub-systems: the metrics that `disaggregated_by_supervision_subsystems` concerns. */
export function isSupervisionFamily(system: SystemName): boolean {
  return system === 'SUPERVISION' || isSupervisionSubsystem(system);
}

/** Stored metric key of a system's metric type, e.g. ('PAROLE', 'POPULATION') → 'PAROLE_POPULATION'. */
export function metricKey(system: SystemName, metricType: string): string {
  return `${system}_${metricType}`;
}
