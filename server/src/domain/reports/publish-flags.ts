/**
 * The flags of records about to be published (publish-check-rules.ts), each with the explanation
 * already stored for it, and the refusal of a publish that leaves a flag unexplained. Shared by
 * the flags route and both ways of publishing.
 */
import type { Executor } from '../../db/database.ts';
import { readTogether } from '../../db/read-together.ts';
import { loadDatapointRows } from '../../db/queries/datapoints.ts';
import { dropStaleNotes, findDataNotes, saveDataNotes } from '../../db/queries/data-notes.ts';
import { DomainError } from '../errors.ts';
import { flagsOfRecord, type PublishCheckThresholds, type PublishFlag } from './publish-check-rules.ts';

export interface ExplainedFlag extends PublishFlag {
  /** The stored explanation of this flag as it reads now; null when it still needs one. */
  explanation: string | null;
}

/** An explanation sent with a publish: of one flag of one record. */
export interface FlagExplanation {
  reportId: number;
  flag: string;
  text: string;
}

const flagId = (reportId: number, key: string) => `${reportId} ${key}`;

/** Every flag of the records, in the order of `reportIds`; the agency's other records are their history. */
export async function flagsOfRecords(
  db: Executor,
  input: { agencyId: number; reportIds: readonly number[]; limits: PublishCheckThresholds },
): Promise<ExplainedFlag[]> {
  const [rows, notes] = await readTogether(db, [
    () => loadDatapointRows(db, input.agencyId),
    () => findDataNotes(db, input.reportIds),
  ]);
  const explained = new Map(notes.map((note) => [flagId(note.reportId, note.flagKey), note]));
  return input.reportIds.flatMap((reportId) =>
    flagsOfRecord(reportId, rows, input.limits).map((flag) => {
      const note = explained.get(flagId(reportId, flag.key));
      return { ...flag, explanation: note?.sentence === flag.sentence ? note.explanation : null };
    }),
  );
}

function refuse(message: string, problems: string[]): never {
  throw new DomainError(
    'invalid_input',
    `explanations: ${message}`,
    problems.map((problem) => ({ field: 'explanations', message: problem })),
  );
}

/**
 * Refuses (400, naming each flag) a publish that leaves a flag without an explanation, or explains
 * a flag the records do not have; then stores the explanations given. In the publish's transaction,
 * after its values are written. Notes whose flag no longer stands are dropped first: other records
 * (the flag's history) may have changed since the record's own values were written.
 */
export async function requireExplanations(
  tx: Executor,
  input: {
    agencyId: number;
    reportIds: readonly number[];
    explanations: readonly FlagExplanation[];
    limits: PublishCheckThresholds;
    userId: number | null;
    now: Date;
  },
): Promise<void> {
  await dropStaleNotes(tx, input);
  const flags = await flagsOfRecords(tx, input);
  const given = new Map(input.explanations.map((e) => [flagId(e.reportId, e.flag), e.text.trim()]));
  const known = new Set(flags.map((flag) => flagId(flag.reportId, flag.key)));
  const strays = input.explanations.filter((e) => !known.has(flagId(e.reportId, e.flag)));
  if (strays.length > 0) {
    const named = strays.map((e) => `record ${e.reportId} has no flag "${e.flag}"`);
    refuse(`explains values that are not flagged (${named.join('; ')}).`, named);
  }
  const missing = flags.filter((flag) => !flag.explanation && !given.get(flagId(flag.reportId, flag.key)));
  if (missing.length > 0) {
    const named = missing.map((flag) => `record ${flag.reportId}: ${flag.sentence}`);
    refuse(`explain each flagged value before publishing. Missing: ${named.join(' ')}`, named);
  }
  const notes = flags.flatMap((flag) => {
    const explanation = given.get(flagId(flag.reportId, flag.key));
    if (!explanation) return [];
    return [
      { reportId: flag.reportId, flagKey: flag.key, metricKey: flag.metricKey, sentence: flag.sentence, explanation },
    ];
  });
  await saveDataNotes(tx, { notes, userId: input.userId, now: input.now });
}
