/**
 * A superagency's child agencies' completeness: each child's totals, and the children together
 * period by period. Members of the superagency see its children (permissions.ts); an agency with
 * no children has empty lists.
 */
import type { Executor } from '../../db/database.ts';
import { childAgenciesOf, type AgencyRow } from '../../db/queries/agencies.ts';
import type { Actor } from '../actor.ts';
import { getAgencyForAction, type AgencyOrId } from '../permissions.ts';
import { combinePeriods, summarize, type CombinedPeriod, type CompletenessSummary } from './completeness-rules.ts';
import { loadCompleteness } from './load-completeness.ts';

export interface ChildCompleteness {
  agency: AgencyRow;
  summary: CompletenessSummary;
}

export interface SuperagencyCompleteness {
  agency: AgencyRow;
  children: ChildCompleteness[];
  periods: CombinedPeriod[];
  summary: CompletenessSummary;
}

export async function getSuperagencyCompleteness(
  db: Executor,
  actor: Actor,
  input: { agency: AgencyOrId; today: string },
): Promise<SuperagencyCompleteness> {
  const agency = await getAgencyForAction(db, actor, 'reports.view', input.agency);
  const children = await childAgenciesOf(db, agency.id);
  const byChild = await loadCompleteness(db, children, input.today);
  const periodsOf = (child: AgencyRow) => byChild.get(child.id) ?? [];
  return {
    agency,
    children: children.map((child) => ({ agency: child, summary: summarize(periodsOf(child)) })),
    periods: combinePeriods(children.map(periodsOf)),
    summary: summarize(children.flatMap(periodsOf)),
  };
}
