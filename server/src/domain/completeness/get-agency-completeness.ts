/** One agency's completeness and timeliness: its periods of the window and their totals. */
import type { Executor } from '../../db/database.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction, type AgencyOrId } from '../permissions.ts';
import { summarize, type CompletenessSummary, type PeriodCompleteness } from './completeness-rules.ts';
import { loadCompleteness } from './load-completeness.ts';

export interface AgencyCompleteness {
  agency: AgencyRow;
  periods: PeriodCompleteness[];
  summary: CompletenessSummary;
}

export async function getAgencyCompleteness(
  db: Executor,
  actor: Actor,
  input: { agency: AgencyOrId; today: string },
): Promise<AgencyCompleteness> {
  const agency = await getAgencyForAction(db, actor, 'reports.view', input.agency);
  const periods = (await loadCompleteness(db, [agency], input.today)).get(agency.id) ?? [];
  return { agency, periods, summary: summarize(periods) };
}
