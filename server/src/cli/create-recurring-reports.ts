import { createRecurringReports } from '../domain/reports/create-recurring-reports.ts';
import { recurringPeriods, utcDate } from '../domain/reports/report-rules.ts';
import { type Command, dayOption, printResult, stringOption } from './command.ts';

export const createRecurringReportsCommand: Command = {
  name: 'create-recurring-reports',
  summary: "create every agency's records for the month and year that have just ended",
  options: {
    date: { type: 'string', placeholder: 'YYYY-MM-DD', description: 'act as if today were this day (default: today)' },
    json: { type: 'boolean', description: 'print the created records as JSON' },
  },
  details: [
    "Creates, for each agency that is not a child agency, the previous month's record and the",
    'annual record (calendar or fiscal year) ending this month, when the agency reports metrics at',
    'that frequency. Records that already exist are left alone, so it is safe to run again; the',
    'server runs the same job by itself every month.',
    '',
    'Example (fill in a missed month): jc create-recurring-reports --date 2024-07-01',
  ].join('\n'),
  run: async (values, { io, clock, withDatabase }) => {
    const today = dayOption(stringOption(values, 'date'), utcDate(clock.now()));
    const created = await withDatabase(({ db }) => db.transaction((tx) => createRecurringReports(tx, { today })));
    const { monthly, annual } = recurringPeriods(today);
    const sentence =
      `Created ${created.length} record${created.length === 1 ? '' : 's'} for the month starting ${monthly.start} ` +
      `and the year starting ${annual.start}.`;
    printResult(io, values, { today, created }, sentence);
  },
};
