/**
 * Composes the daily reminder emails (01-data-model §9.2): every member who asked for reminders gets, on
 * their chosen day after a month ends, the list of metrics their agency switched on and has not
 * reported for that month and for its latest annual records. A superagency's email also counts
 * its child agencies missing each metric. Child agencies get no email of their own (their
 * superagency reports for them). Unlike the reference, one member with nothing missing does not
 * stop the others' emails.
 */
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { agencyUserAccountAssociation, report, source, userAccount } from '../../db/schema.ts';
import type { EmailMessage } from '../../ports.ts';
import { systemActor } from '../actor.ts';
import { DEFAULT_DAYS_AFTER_PERIOD } from '../agency-settings/agency-setting-rules.ts';
import { groupBy } from '../../lib/group-by.ts';
import { loadReportPage } from '../../db/queries/report-page.ts';
import {
  annualRecordsToRemind,
  countMissing,
  missingMetricNames,
  reminderEmail,
  reminderPeriodEnd,
  type ReminderSection,
} from './reminder-rules.ts';
import type { AgencyRow } from '../../db/queries/agencies.ts';
import type { ReportRow } from '../../db/queries/reports.ts';

interface Subscriber {
  agency: AgencyRow;
  email: string;
  periodEnd: string;
}

/** Members of top-level agencies who asked for reminders and whose day is today. */
async function subscribersDueToday(db: Executor, today: string): Promise<Subscriber[]> {
  const rows = await db
    .select({
      agency: source,
      email: userAccount.email,
      days: agencyUserAccountAssociation.daysAfterTimePeriodToSendEmail,
    })
    .from(agencyUserAccountAssociation)
    .innerJoin(source, eq(source.id, agencyUserAccountAssociation.agencyId))
    .innerJoin(userAccount, eq(userAccount.id, agencyUserAccountAssociation.userAccountId))
    .where(
      and(
        eq(agencyUserAccountAssociation.subscribed, true),
        eq(source.type, 'agency'),
        isNull(source.superAgencyId),
        isNotNull(userAccount.email),
      ),
    )
    .orderBy(asc(source.id), asc(userAccount.email));
  return rows.flatMap(({ agency, email, days }) => {
    const periodEnd = reminderPeriodEnd(today, days ?? DEFAULT_DAYS_AFTER_PERIOD);
    return periodEnd && email ? [{ agency, email, periodEnd }] : [];
  });
}

/** The records of these agencies a reminder about the period ending `periodEnd` covers, by agency. */
async function recordsToRemind(
  db: Executor,
  agencyIds: number[],
  periodEnd: string,
): Promise<Map<number, ReportRow[]>> {
  const rows = await db.select().from(report).where(inArray(report.sourceId, agencyIds));
  return new Map(
    [...groupBy(rows, (r) => r.sourceId)].map(([agencyId, records]) => [
      agencyId,
      [
        ...records.filter((r) => r.type === 'MONTHLY' && r.dateRangeEnd === periodEnd),
        ...annualRecordsToRemind(
          records.filter((r) => r.type === 'ANNUAL'),
          periodEnd,
        ),
      ],
    ]),
  );
}

async function missingOn(db: Executor, agency: AgencyRow, report: ReportRow | undefined): Promise<string[]> {
  return report ? missingMetricNames((await loadReportPage(db, systemActor, { report, agency })).metrics) : [];
}

/** What is missing for one agency; for a superagency, counted over it and its children's matching records. */
async function sectionsFor(db: Executor, agency: AgencyRow, periodEnd: string): Promise<ReminderSection[]> {
  const children = agency.isSuperagency
    ? await db.select().from(source).where(eq(source.superAgencyId, agency.id)).orderBy(asc(source.id))
    : [];
  const records = await recordsToRemind(db, [agency.id, ...children.map((c) => c.id)], periodEnd);
  const sections: ReminderSection[] = [];
  for (const own of records.get(agency.id) ?? []) {
    const matching = children.map((child) =>
      records.get(child.id)?.find((r) => r.type === own.type && r.dateRangeStart === own.dateRangeStart),
    );
    const ownMissing = await missingOn(db, agency, own);
    const childMissing = await Promise.all(matching.map((record, i) => missingOn(db, children[i]!, record)));
    const lines = children.length === 0 ? ownMissing : countMissing([ownMissing, ...childMissing]);
    if (lines.length > 0) sections.push({ period: { start: own.dateRangeStart, end: own.dateRangeEnd }, lines });
  }
  return sections;
}

/** Today's reminder emails, ready to send. */
export async function composeReminderEmails(
  db: Executor,
  run: { today: string; publicUrl: string },
): Promise<EmailMessage[]> {
  const due = await subscribersDueToday(db, run.today);
  const emails: EmailMessage[] = [];
  for (const group of groupBy(due, (s) => `${s.agency.id} ${s.periodEnd}`).values()) {
    const { agency, periodEnd } = group[0]!;
    const sections = await sectionsFor(db, agency, periodEnd);
    if (sections.length === 0) continue;
    const link = `${run.publicUrl}/agency/${agency.id}/data-entry`;
    emails.push(...group.map((s) => reminderEmail({ to: s.email, agencyName: agency.name, link, sections })));
  }
  return emails;
}
