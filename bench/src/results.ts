/** Printing a benchmark's table and saving its JSON (with the machine and load it ran on) to bench/results/. */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../server/test/support/server-process.ts';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export interface BenchmarkReport {
  benchmark: string;
  rows: Row[];
  targets: TargetCheck[];
  notes: string[];
}

export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

function format(cell: Cell): string {
  if (cell === null) return '-';
  if (typeof cell === 'number') {
    if (Number.isInteger(cell)) return cell.toLocaleString('en-US');
    return cell.toLocaleString('en-US', { maximumFractionDigits: Math.abs(cell) < 10 ? 2 : 1 });
  }
  return cell;
}

export function table(rows: readonly Row[]): string {
  if (rows.length === 0) return '(no rows)';
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = [columns, ...rows.map((row) => columns.map((c) => format(row[c] ?? null)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function printReport(report: BenchmarkReport): void {
  console.log(`\n== ${report.benchmark} ==\n${table(report.rows)}`);
  for (const check of report.targets) {
    console.log(`${check.met ? 'met   ' : 'MISSED'}  ${check.target}: ${check.measured}`);
  }
  for (const note of report.notes) console.log(`note: ${note}`);
}

export const resultsDir = path.join(repoRoot, 'bench', 'results');

export async function saveReport(
  report: BenchmarkReport,
  run: { startedAt: string; options: unknown },
): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const stamp = run.startedAt.replace(/[:.]/g, '-');
  const file = path.join(resultsDir, `${stamp}-${report.benchmark}.json`);
  const body = { ...report, startedAt: run.startedAt, options: run.options, machine: machine() };
  await writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}
