/** How Review and Review Upload word the flags of records about to be published (checks before publishing). */
import type { PublishFlagJson, ReportOverview } from '@jc/server/contract';
import { recordTitle } from '../../rules/record-names.ts';

export { MAX_EXPLANATION_CHARS } from '@jc/server/contract';

/** Record titles by id, for naming the record of a flag when several are published at once. */
export type RecordNames = ReadonlyMap<number, string>;

/** Records of several agencies (a superagency's upload) are named with their agency. */
export function recordNamesOf(records: readonly ReportOverview[]): RecordNames {
  if (records.length < 2) return new Map();
  const manyAgencies = new Set(records.map((record) => record.agency_id)).size > 1;
  const nameOf = (record: ReportOverview) =>
    manyAgencies
      ? `${record.agency_name ?? `Agency ${record.agency_id}`}, ${recordTitle(record)}`
      : recordTitle(record);
  return new Map(records.map((record) => [record.id, nameOf(record)]));
}

export const flagId = (flag: PublishFlagJson) => `${flag.report_id} ${flag.flag}`;

/** Flags with no explanation for the value as it is now: publishing asks about these. */
export const unexplained = (flags: readonly PublishFlagJson[]) => flags.filter((flag) => flag.explanation === null);

/** The flag's sentence, after its record's name when several records are published together. */
export function flagLabel(flag: PublishFlagJson, names: RecordNames): string {
  const name = names.get(flag.report_id);
  return name ? `${name}: ${flag.sentence}` : flag.sentence;
}
