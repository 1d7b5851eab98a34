/**
 * Once a day across all instances: compose the day's reminder emails under the day's claim, then
 * send them. Sending after the claim commits means a failed send is not repeated by another
 * instance (at most one reminder a day, never two); failures are reported.
 */
import type { Executor } from '../db/database.ts';
import { composeReminderEmails } from '../domain/reminders/compose-reminder-emails.ts';
import { utcDate } from '../domain/reports/report-rules.ts';
import type { Mailer } from '../ports.ts';
import { runOncePerPeriod } from '../db/queries/job-runs.ts';

export const REMINDER_EMAILS_JOB = 'send-reminder-emails';

export interface ReminderJobResult {
  ran: boolean;
  sent: number;
  failed: string[];
}

export async function runReminderEmailsJob(
  db: Executor,
  mailer: Mailer,
  input: { now: Date; publicUrl: string },
): Promise<ReminderJobResult> {
  const today = utcDate(input.now);
  const outcome = await runOncePerPeriod(db, { name: REMINDER_EMAILS_JOB, periodKey: today, now: input.now }, (tx) =>
    composeReminderEmails(tx, { today, publicUrl: input.publicUrl }),
  );
  if (!outcome.ran) return { ran: false, sent: 0, failed: [] };
  const failed: string[] = [];
  for (const email of outcome.result) {
    await mailer.send(email).catch(() => failed.push(email.to));
  }
  return { ran: true, sent: outcome.result.length - failed.length, failed };
}
