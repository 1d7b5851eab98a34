/**
 * Reminder emails (01-data-model §9.2): who gets one on which day, what it lists, the superagency
 * count, once a day across instances, and `jc send-reminders`.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencyUserAccountAssociation, datapoint } from '../../src/db/schema.ts';
import { composeReminderEmails } from '../../src/domain/reminders/compose-reminder-emails.ts';
import { runReminderEmailsJob } from '../../src/jobs/send-reminder-emails.ts';
import type { EmailMessage } from '../../src/ports.ts';
import { givenAgency, givenUser, type UserRow } from '../support/given.ts';
import { givenMetricSetting, givenReport } from '../support/given-reports.ts';
import { expectRefusal, jcOn } from '../support/run-jc.ts';
import { testFile } from '../support/test-file.ts';
import type { AgencyRow } from '../../src/db/queries/agencies.ts';

const { t, db } = await testFile();

const PUBLIC_URL = 'https://publisher.example';
const MONTHLY = ['LAW_ENFORCEMENT_CALLS_FOR_SERVICE', 'LAW_ENFORCEMENT_ARRESTS', 'LAW_ENFORCEMENT_REPORTED_CRIME'];

async function subscribe(user: UserRow, agency: AgencyRow, days: number | null = null) {
  await db()
    .update(agencyUserAccountAssociation)
    .set({ subscribed: true, daysAfterTimePeriodToSendEmail: days })
    .where(
      and(
        eq(agencyUserAccountAssociation.agencyId, agency.id),
        eq(agencyUserAccountAssociation.userAccountId, user.id),
      ),
    );
}

/** A police department reporting its three monthly metrics, with March 2024's arrests filled in. */
async function givenPoliceWithMarch(overrides: Partial<AgencyRow> = {}) {
  const agency = await givenAgency(db(), overrides);
  for (const key of MONTHLY) await givenMetricSetting(db(), agency, key, { is_metric_enabled: true });
  const march = await givenReport(db(), agency, { year: 2024, month: 3 });
  await db().insert(datapoint).values({
    reportId: march.id,
    sourceId: agency.id,
    metricDefinitionKey: 'LAW_ENFORCEMENT_ARRESTS',
    startDate: march.dateRangeStart,
    endDate: march.dateRangeEnd,
    value: '120',
  });
  return agency;
}

const emailsTo = async (today: string, users: UserRow[]) =>
  (await composeReminderEmails(db(), { today, publicUrl: PUBLIC_URL })).filter((e) =>
    users.some((u) => u.email === e.to),
  );

describe('composeReminderEmails', () => {
  it('on the 15th day after March, lists March’s switched-on metrics without a total, to subscribers only', async () => {
    const agency = await givenPoliceWithMarch({ name: 'Springfield Police Department' });
    const ada = await givenUser(db(), { agency });
    const bob = await givenUser(db(), { agency, role: 'CONTRIBUTOR' });
    await subscribe(ada, agency);

    expect(await emailsTo('2024-04-14', [ada, bob])).toEqual([]);
    const [email, ...others] = await emailsTo('2024-04-15', [ada, bob]);
    expect(others).toEqual([]);
    expect(email).toMatchObject({
      to: ada.email,
      subject: 'Reminder to Upload Metrics for Springfield Police Department in Publisher',
    });
    expect(email!.text).toContain('Metrics for March 2024:\n  - Calls for Service\n  - Reported Crime\n');
    expect(email!.text).not.toContain('Arrests');
    expect(email!.text).toContain(`${PUBLIC_URL}/agency/${agency.id}/data-entry`);
  });

  it('follows each member’s own day, and sends nothing when every metric is filled in', async () => {
    const agency = await givenPoliceWithMarch();
    const early = await givenUser(db(), { agency });
    await subscribe(early, agency, 3);
    expect((await emailsTo('2024-04-03', [early])).map((e) => e.to)).toEqual([early.email]);
    expect(await emailsTo('2024-04-15', [early])).toEqual([]);

    const complete = await givenAgency(db());
    await givenMetricSetting(db(), complete, 'LAW_ENFORCEMENT_ARRESTS', { is_metric_enabled: true });
    const march = await givenReport(db(), complete, { year: 2024, month: 3 });
    await db().insert(datapoint).values({
      reportId: march.id,
      sourceId: complete.id,
      metricDefinitionKey: 'LAW_ENFORCEMENT_ARRESTS',
      value: '4',
    });
    const carol = await givenUser(db(), { agency: complete });
    await subscribe(carol, complete);
    expect(await emailsTo('2024-04-15', [carol])).toEqual([]);
  });

  it('gives a superagency the count of its agencies missing each metric, and child agencies no email', async () => {
    const parent = await givenAgency(db(), { isSuperagency: true, systems: ['SUPERAGENCY', 'LAW_ENFORCEMENT'] });
    await givenReport(db(), parent, { year: 2024, month: 3 });
    const child = await givenPoliceWithMarch({ superAgencyId: parent.id });
    const admin = await givenUser(db(), { agency: parent });
    const childAdmin = await givenUser(db(), { agency: child });
    await subscribe(admin, parent);
    await subscribe(childAdmin, child);

    const emails = await emailsTo('2024-04-15', [admin, childAdmin]);
    expect(emails.map((e) => e.to)).toEqual([admin.email]);
    expect(emails[0]!.text).toContain('Calls for Service (missing for 1 of 2 agencies)');
  });
});

describe('runReminderEmailsJob', () => {
  it('sends the day’s reminders once across instances and reports addresses it could not send to', async () => {
    const agency = await givenPoliceWithMarch();
    const ada = await givenUser(db(), { agency });
    const bob = await givenUser(db(), { agency });
    await subscribe(ada, agency);
    await subscribe(bob, agency);
    const sent: EmailMessage[] = [];
    const mailer = {
      send: async (email: EmailMessage) => {
        if (email.to === bob.email) throw new Error('mailbox unavailable');
        sent.push(email);
      },
    };
    const now = new Date('2024-04-15T07:00:00Z');
    const [first, second] = await Promise.all([
      runReminderEmailsJob(db(), mailer, { now, publicUrl: PUBLIC_URL }),
      runReminderEmailsJob(db(), mailer, { now, publicUrl: PUBLIC_URL }),
    ]);
    const ran = [first!, second!].filter((outcome) => outcome.ran);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.failed).toContain(bob.email);
    expect(sent.filter((e) => e.to === ada.email)).toHaveLength(1);
  });
});

describe('jc send-reminders', () => {
  it('prints the emails of a dry run without sending them, and refuses an impossible date', async () => {
    const agency = await givenPoliceWithMarch({ name: 'Shelbyville Police Department' });
    const ada = await givenUser(db(), { agency });
    await subscribe(ada, agency);
    const jc = jcOn(t.database);
    const result = await jc('send-reminders', '--date', '2024-04-15', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Would send \d+ reminder emails? for 2024-04-15\./);
    expect(result.stdout).toContain(`To: ${ada.email}`);
    expectRefusal(await jc('send-reminders', '--date', '2024-04-31'), 2, '--date must be a day written YYYY-MM-DD');
  });
});
