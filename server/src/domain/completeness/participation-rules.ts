/**
 * Participation for Justice Counts staff (06-peers §3.12): agencies put together by state, county
 * or sector, each group with how many agencies it has, how many reported anything in the window,
 * and the completeness of them all together.
 */
import { summarize, type CompletenessSummary, type PeriodCompleteness } from './completeness-rules.ts';

/** One agency (or one agency's metrics of one sector) in one group. */
export interface Participant {
  group: string;
  periods: readonly PeriodCompleteness[];
}

export interface ParticipationGroup {
  group: string;
  agencies: number;
  /** Agencies with at least one switched-on metric reported in the window. */
  reportingAgencies: number;
  summary: CompletenessSummary;
}

export const isReporting = (periods: readonly PeriodCompleteness[]) => periods.some((p) => p.reported.length > 0);

/** Groups in the order of their names. */
export function participation(participants: readonly Participant[]): ParticipationGroup[] {
  const groups = new Map<string, Participant[]>();
  for (const participant of participants) {
    const members = groups.get(participant.group) ?? [];
    members.push(participant);
    groups.set(participant.group, members);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, members]) => ({
      group,
      agencies: members.length,
      reportingAgencies: members.filter((m) => isReporting(m.periods)).length,
      summary: summarize(members.flatMap((m) => m.periods)),
    }));
}
