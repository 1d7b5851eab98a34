import { loadFixtures } from '../fixtures/load-fixtures.ts';
import { formatSignIns } from '../fixtures/sign-ins.ts';
import type { Command } from './command.ts';

export const loadFixturesCommand: Command = {
  name: 'load-fixtures',
  summary: 'DELETE all agencies, users and data, then load the demo data',
  options: {},
  details: [
    'The demo: a county with one agency per system, a state department of corrections (a superagency)',
    'with three child agencies, users in every role, and three years of monthly and annual reports.',
    'Loading twice gives the same data.',
  ].join('\n'),
  run: async (_values, { io, clock, withDatabase }) => {
    const started = Date.now();
    const loaded = await withDatabase((database) => loadFixtures(database.db, { now: clock.now() }));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.out(
      `Loaded the demo data (${loaded.datapoints} datapoints) in ${seconds} s.\n\n${formatSignIns(loaded.signIns)}`,
    );
  },
};
