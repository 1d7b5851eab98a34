/**
 * The guard every datapoint write passes (datapoint-change-rules.ts), applied to an upload's packed
 * values before anything is staged. Where a value writes (its metric and breakdown member) is checked
 * once for the few distinct places, its number once per value; the refusals are those the guard gives.
 */
import { getMetric } from '@jc/catalogue';
import {
  changeProblem,
  refuseChanges,
  type ChangeProblem,
  type DatapointChange,
} from '../datapoints/datapoint-change-rules.ts';
import { valueProblem } from '../datapoints/datapoint-rules.ts';
import { giveWay } from '../../lib/give-way.ts';
import type { PlannedValues } from './planned-values.ts';

/** Values checked between two turns of the event loop; a refusal lists the problems of one batch. */
const CHECK_BATCH = 5_000;

/** What is wrong with a value's place, by metric and breakdown (or total), each worked out once. */
function placeProblems({ columns }: PlannedValues): (ord: number) => string | undefined {
  const width = columns.breakdowns.length + 1;
  const known = new Map<number, string | undefined>();
  return (ord) => {
    const key = columns.metric[ord]! * width + columns.breakdown[ord]! + 1;
    if (!known.has(key)) known.set(key, changeProblem({ ...changeAt(columns, ord, 0), value: null }));
    return known.get(key);
  };
}

function changeAt(columns: PlannedValues['columns'], ord: number, reportId: number): DatapointChange {
  const breakdown = columns.breakdown[ord]!;
  return {
    reportId,
    metricKey: columns.metricKeys[columns.metric[ord]!]!,
    dimension: breakdown < 0 ? null : columns.breakdowns[breakdown]!,
    value: columns.value[ord]!,
  };
}

/** Refuses the upload if any value fails the guard; other requests get a turn between batches. */
export async function checkPlannedValues(planned: PlannedValues, reportIds: Int32Array): Promise<void> {
  const { columns } = planned;
  const units = columns.metricKeys.map((key) => getMetric(key)?.unit ?? '');
  const placeProblem = placeProblems(planned);
  for (let start = 0; start < planned.length; start += CHECK_BATCH) {
    if (start > 0) await giveWay();
    const end = Math.min(planned.length, start + CHECK_BATCH);
    const problems: ChangeProblem[] = [];
    for (let ord = start; ord < end; ord += 1) {
      const message = placeProblem(ord) ?? valueProblem(units[columns.metric[ord]!]!, columns.value[ord]!);
      if (message) problems.push({ index: ord - start, change: changeAt(columns, ord, reportIds[ord]!), message });
    }
    refuseChanges(problems);
  }
}
