import { composeReminderEmails } from '../domain/reminders/compose-reminder-emails.ts';
import { utcDate } from '../domain/reports/report-rules.ts';
import { createMailer } from '../email/create-mailer.ts';
import { type Command, dayOption, printResult, stringOption } from './command.ts';

export const sendRemindersCommand: Command = {
  name: 'send-reminders',
  summary: 'send the reminder emails due today (missing metrics, to members who asked for them)',
  options: {
    date: { type: 'string', placeholder: 'YYYY-MM-DD', description: 'act as if today were this day (default: today)' },
    'dry-run': { type: 'boolean', description: 'print the emails instead of sending them' },
    json: { type: 'boolean', description: 'print the emails as JSON' },
  },
  details: [
    'Each member who switched on "Email reminders" in Settings gets, the chosen number of days after',
    'a month ends, the metrics their agency has switched on and not reported for that month and for',
    'its latest annual records. The server sends these by itself once a day; this command sends them',
    'again, e.g. after a mail outage (it does not check whether they were sent already).',
    '',
    'Example (see what went out on April 15): jc send-reminders --date 2024-04-15 --dry-run',
  ].join('\n'),
  run: async (values, { io, clock, config, withDatabase }) => {
    const today = dayOption(stringOption(values, 'date'), utcDate(clock.now()));
    const emails = await withDatabase(async (database) => {
      const composed = await composeReminderEmails(database.db, { today, publicUrl: config.publicUrl });
      if (!values['dry-run']) {
        const mailer = createMailer(database, config);
        for (const email of composed) await mailer.send(email);
      }
      return composed;
    });
    const verb = values['dry-run'] ? 'Would send' : 'Sent';
    const listing = values['dry-run'] ? emails.map((e) => `\nTo: ${e.to}\nSubject: ${e.subject}\n\n${e.text}\n`) : [];
    printResult(
      io,
      values,
      { today, emails },
      [`${verb} ${emails.length} reminder email${emails.length === 1 ? '' : 's'} for ${today}.`, ...listing].join('\n'),
    );
  },
};
