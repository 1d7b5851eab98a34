/**
 * The `jc` command-line tool, run in-process through runCli against the test database, plus two
 * runs of the real executable: its help, and its refusal of a data folder the server holds.
 * The user commands are in cli-users.test.ts.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/run-cli.ts';
import { lockDataDir } from '../../src/db/data-dir-lock.ts';
import { datapoint, report, securityEvent, source } from '../../src/db/schema.ts';
import { appVersion } from '../../src/version.ts';
import { givenAgency } from '../support/given.ts';
import { expectRefusal, jcTestFile } from '../support/run-jc.ts';

const { database, jc } = await jcTestFile();

const unique = () => randomUUID().slice(0, 8);
const agenciesNamed = (name: string) => database.db.select().from(source).where(eq(source.name, name));
/** `jc create-agency` with its three required options, then any others. */
const createAgency = (name: string, state: string, systems: string, ...options: string[]) =>
  jc('create-agency', '--name', name, '--state', state, '--systems', systems, ...options);

describe('jc help and command errors', () => {
  it('lists every command and describes each one', async () => {
    const help = await jc('--help');
    expect(help.code).toBe(0);
    for (const command of COMMANDS) expect(help.stdout).toContain(command.name);
    const agencyHelp = await jc('create-agency', '--help');
    expect(agencyHelp.code).toBe(0);
    expect(agencyHelp.stdout).toContain('--state CODE');
    expect(agencyHelp.stdout).toContain('--superagency ID');
  });

  it('prints the release version (package version + commit)', async () => {
    const result = await jc('--version');
    expect(result).toMatchObject({ code: 0, stdout: appVersion });
    expect(appVersion).toMatch(/^\d+\.\d+\.\d+\+/);
  });

  it('refuses an unknown command, no command, and an unknown flag', async () => {
    expectRefusal(await jc('create-agencies'), 2, 'unknown command "create-agencies"');
    expect((await jc()).code).toBe(2);
    const name = `Flag Agency ${unique()}`;
    expectRefusal(await createAgency(name, 'us_ca', 'JAILS', '--colour', 'red'), 2, "Unknown option '--colour'");
    expect(await agenciesNamed(name)).toEqual([]);
  });
});

describe('jc create-agency', () => {
  it('creates an agency with a year of empty records and prints it as JSON with its id', async () => {
    const name = `Harbor Jail ${unique()}`;
    const result = await createAgency(name, 'US_CA', 'jails,LAW_ENFORCEMENT', '--json');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { id: number; systems: string[]; state_code: string };
    const [row] = await agenciesNamed(name);
    expect(printed).toMatchObject({ id: row?.id, state_code: 'us_ca', systems: ['LAW_ENFORCEMENT', 'JAILS'] });
    expect(row).toMatchObject({ type: 'agency', isSuperagency: false, superAgencyId: null });
    // It starts with the last twelve months, this month and last year, all empty.
    const reports = await database.db.select().from(report).where(eq(report.sourceId, printed.id)).orderBy(report.id);
    expect(reports.map((r) => [r.type, r.status])).toEqual([
      ...Array.from({ length: 13 }, () => ['MONTHLY', 'NOT_STARTED']),
      ['ANNUAL', 'NOT_STARTED'],
    ]);
  });

  it('creates a superagency and a child agency under it', async () => {
    const parentName = `State DOC ${unique()}`;
    const parent = await createAgency(parentName, 'us_ny', 'PRISONS', '--is-superagency', '--json');
    const parentId = (JSON.parse(parent.stdout) as { id: number }).id;
    const child = await createAgency(`Prison ${unique()}`, 'us_ny', 'PRISONS', '--superagency', String(parentId));
    expect(child.code).toBe(0);
    expect(child.stdout).toMatch(/^Created agency \d+: "Prison .*" \(us_ny; PRISONS\)\.$/);
    const [row] = await agenciesNamed(parentName);
    expect(row).toMatchObject({ isSuperagency: true, systems: ['SUPERAGENCY', 'PRISONS'] });
    const children = await database.db.select().from(source).where(eq(source.superAgencyId, parentId));
    expect(children).toHaveLength(1);
  });

  it('refuses a second agency with the same name, state and systems', async () => {
    const name = `Twin ${unique()}`;
    expect((await createAgency(name, 'us_ca', 'JAILS,PRISONS')).code).toBe(0);
    const again = await createAgency(name, 'us_ca', 'PRISONS,JAILS');
    expectRefusal(again, 1, `An agency named "${name}" in us_ca with systems JAILS, PRISONS already exists`);
    expect(await agenciesNamed(name)).toHaveLength(1);
    expect((await createAgency(name, 'us_ca', 'JAILS')).code).toBe(0);
  });

  it('refuses bad arguments with exit code 2 and writes nothing', async () => {
    const plain = await givenAgency(database.db);
    const cases: [string[], string][] = [
      [['--state', 'us_zz', '--systems', 'JAILS'], 'state: "us_zz" is not a US state or territory code'],
      [['--state', 'us_ca', '--systems', 'JAIL'], 'systems: "JAIL" is not a system; choose from LAW_ENFORCEMENT'],
      [['--state', 'us_ca'], 'systems: choose at least one of'],
      [['--systems', 'JAILS'], 'missing --state'],
      [['--state', 'us_ca', '--systems', 'JAILS', '--superagency', 'abc'], '--superagency must be an id'],
      [['--state', 'us_ca', '--systems', 'JAILS', '--superagency', '99999999'], 'Superagency 99999999 was not found'],
      [['--state', 'us_ca', '--systems', 'JAILS', '--superagency', String(plain.id)], 'is not a superagency'],
      [['--state', 'us_ca', '--systems', 'JAILS', '--name'], "Option '--name <value>' argument missing"],
    ];
    for (const [args, problem] of cases) {
      const name = `Refused ${unique()}`;
      expectRefusal(await jc('create-agency', '--name', name, ...args), 2, problem);
      expect(await agenciesNamed(name)).toEqual([]);
    }
    expectRefusal(await jc('create-agency', '--state', 'us_ca', '--systems', 'JAILS'), 2, 'missing --name');
  });
});

describe('jc export-datapoints', () => {
  async function agencyWithData() {
    const agency = await givenAgency(database.db, { systems: ['JAILS'] });
    const [monthly] = await database.db
      .insert(report)
      .values({
        sourceId: agency.id,
        type: 'MONTHLY',
        instance: '01 2024 Metrics',
        dateRangeStart: '2024-01-01',
        dateRangeEnd: '2024-02-01',
        status: 'PUBLISHED',
      })
      .returning();
    const common = {
      reportId: monthly!.id,
      sourceId: agency.id,
      metricDefinitionKey: 'JAILS_TOTAL_ADMISSIONS',
      uploadMethod: 'MANUAL_ENTRY',
      lastUpdated: new Date('2024-02-10T12:00:00Z'),
    };
    await database.db.insert(datapoint).values([
      { ...common, value: '120' },
      { ...common, value: '30', dimensionIdentifierToMember: { 'metric/offense/type': 'DRUG' } },
      {
        ...common,
        value: '5',
        dimensionIdentifierToMember: { 'metric/offense/type': 'OTHER' },
        subDimensionName: 'LOITERING, "MINOR"',
      },
    ]);
    return { agency, reportId: monthly!.id };
  }

  it('writes every datapoint with its report columns as CSV, to stdout or a file', async () => {
    const { agency, reportId } = await agencyWithData();
    const result = await jc('export-datapoints', '--agency', String(agency.id));
    expect(result.code).toBe(0);
    const prefix = `${reportId},MONTHLY,01 2024 Metrics,PUBLISHED,2024-01-01,2024-02-01,JAILS_TOTAL_ADMISSIONS`;
    expect(result.stdout.split('\n')).toEqual([
      'report_id,report_type,report_instance,report_status,date_range_start,date_range_end,metric_definition_key,dimension_identifier,dimension_member,sub_dimension_name,value,upload_method,last_updated',
      `${prefix},,,,120,MANUAL_ENTRY,2024-02-10T12:00:00.000Z`,
      `${prefix},metric/offense/type,DRUG,,30,MANUAL_ENTRY,2024-02-10T12:00:00.000Z`,
      `${prefix},metric/offense/type,OTHER,"LOITERING, ""MINOR""",5,MANUAL_ENTRY,2024-02-10T12:00:00.000Z`,
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'jc-export-'));
    const file = path.join(dir, 'out.csv');
    const toFile = await jc('export-datapoints', '--agency', String(agency.id), '--out', file);
    expect(toFile.stdout).toBe(`Wrote 3 datapoints of agency ${agency.id} to ${file}.`);
    expect(readFileSync(file, 'utf8')).toBe(`${result.stdout}\n`);
    rmSync(dir, { recursive: true });
    const events = await database.db.select().from(securityEvent).where(eq(securityEvent.agencyId, agency.id));
    expect(events.map((e) => [e.kind, e.userId, e.details])).toEqual([
      ['export', null, { what: 'datapoints', rows: 3, via: 'system' }],
      ['export', null, { what: 'datapoints', rows: 3, via: 'system' }],
    ]);
  });

  it('refuses an unknown agency and a bad id', async () => {
    expectRefusal(await jc('export-datapoints', '--agency', '99999999'), 2, 'Agency 99999999 was not found');
    expectRefusal(await jc('export-datapoints', '--agency', '-3'), 2, "Option '--agency' argument is ambiguous");
    expectRefusal(
      await jc('export-datapoints', '--agency', '0'),
      2,
      '--agency must be an id, a whole number from 1 (got "0")',
    );
  });
});

describe('the jc executable', () => {
  const run = promisify(execFile);
  const bin = fileURLToPath(new URL('../../bin/jc.mjs', import.meta.url));

  it('runs from its bin and prints the help', async () => {
    const { stdout } = await run(process.execPath, [bin, '--help']);
    expect(stdout).toContain('jc <command> [options]');
    expect(stdout).toContain('export-datapoints');
  });

  it('refuses to open an embedded database the server holds, and leaves it untouched', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'jc-locked-'));
    const release = lockDataDir(dataDir, 'server');
    try {
      const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
      const args = [bin, 'create-agency', '--name', 'Locked Out', '--state', 'us_ca', '--systems', 'JAILS'];
      const failure = await run(process.execPath, args, { env }).catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure).toMatchObject({ code: 1 });
      expect((failure as { stderr: string }).stderr.trim()).toBe(
        `jc create-agency: The embedded database in ${dataDir} is in use by the server (process ${process.pid}). ` +
          'Stop it first, or point both at a PostgreSQL server with DATABASE_URL.',
      );
      expect(readFileSync(path.join(dataDir, 'in-use.lock'), 'utf8')).toContain(`"pid":${process.pid}`);
      expect(existsSync(path.join(dataDir, 'pglite'))).toBe(false);
    } finally {
      release();
      rmSync(dataDir, { recursive: true });
    }
  });
});
