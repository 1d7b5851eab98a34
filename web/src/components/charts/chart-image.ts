/**
 * A chart as a picture people can put in a report: the drawn chart (with its series-break marks)
 * and its title, agency, period, legend, notes on the breaks and source written into one SVG
 * document, which the browser can also turn into a PNG.
 */
import type { ChartSeries } from './chart-colours.ts';

export interface ChartImageText {
  title: string;
  agency: string;
  /** "Jan 2023 – Dec 2024". */
  period: string;
  /** Where the figures come from, e.g. "Source: Riverside Police Department, published figures, …". */
  source: string;
  /** Notes under the legend, such as what changed at a series break the chart marks. */
  notes?: readonly string[];
}

export interface ChartDrawing {
  /** The chart's own <svg> markup. */
  markup: string;
  width: number;
  height: number;
}

const MARGIN = 24;
const HEADER = 76;
const LEGEND_ROW = 22;
const FOOTER = 36;
/** The notes' and source line's font size, the height of each of their lines, and a rough width per character. */
const SOURCE_FONT = 12;
const SOURCE_LINE = 16;
const SOURCE_CHAR = 6.6;
const FONT = 'Helvetica, Arial, sans-serif';

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Legend entries laid out in rows that fit the width (a rough width per character is enough). */
function legendRows(series: readonly ChartSeries[], width: number): ChartSeries[][] {
  const rows: ChartSeries[][] = [];
  let used = Infinity;
  for (const entry of series) {
    const size = 28 + entry.name.length * 7;
    if (used + size > width) {
      rows.push([]);
      used = 0;
    }
    rows.at(-1)!.push(entry);
    used += size;
  }
  return rows;
}

function legendMarkup(rows: ChartSeries[][], top: number): string {
  return rows
    .flatMap((row, r) => {
      let x = MARGIN;
      return row.map(({ name, colour }) => {
        const y = top + r * LEGEND_ROW;
        const item =
          `<rect x="${x}" y="${y}" width="12" height="12" rx="2" fill="${escapeXml(colour)}"/>` +
          `<text x="${x + 18}" y="${y + 11}" font-size="13" fill="#1f2937">${escapeXml(name)}</text>`;
        x += 28 + name.length * 7;
        return item;
      });
    })
    .join('');
}

/** Words laid out in lines of at most `maxChars` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The whole picture as an SVG document; `legend` is empty for a chart of totals. */
export function chartImageSvg(
  chart: ChartDrawing,
  text: ChartImageText,
  legend: readonly ChartSeries[],
): { svg: string; width: number; height: number } {
  const width = Math.round(chart.width) + 2 * MARGIN;
  const rows = legendRows(legend, width - 2 * MARGIN);
  const legendTop = HEADER + Math.round(chart.height) + 12;
  const lineChars = Math.floor((width - 2 * MARGIN) / SOURCE_CHAR);
  const notes = (text.notes ?? []).flatMap((note) => wrapWords(note, lineChars));
  const source = wrapWords(text.source, lineChars);
  const notesTop = legendTop + rows.length * LEGEND_ROW;
  const sourceTop = notesTop + notes.length * SOURCE_LINE;
  const height = sourceTop + FOOTER + (source.length - 1) * SOURCE_LINE;
  const lines = (texts: readonly string[], top: number, colour: string) =>
    texts
      .map(
        (line, i) =>
          `<text x="${MARGIN}" y="${top + i * SOURCE_LINE}" font-size="${SOURCE_FONT}" fill="${colour}">${escapeXml(line)}</text>`,
      )
      .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="${MARGIN}" y="36" font-size="20" font-weight="bold" fill="#0c1d3a">${escapeXml(text.title)}</text>` +
    `<text x="${MARGIN}" y="60" font-size="14" fill="#374151">${escapeXml(`${text.agency} · ${text.period}`)}</text>` +
    `<g transform="translate(${MARGIN},${HEADER})">${chart.markup}</g>` +
    legendMarkup(rows, legendTop) +
    lines(notes, notesTop + SOURCE_FONT, '#8a4b00') +
    lines(source, sourceTop + FOOTER - 14, '#4b5563') +
    `</svg>`;
  return { svg, width, height };
}

/** "Jan 2024 – Mar 2024", or the one period. */
export function periodText(labels: readonly string[]): string {
  const first = labels[0] ?? '';
  const last = labels.at(-1) ?? '';
  return first === last ? first : `${first} – ${last}`;
}

/** "Offense Types" → `offense_types`, for file names. */
export const snakeCase = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** `arrests_by_offense_types.png`, as the reference names its graph downloads. */
export function imageFileName(title: string, breakdown: string | null, extension: 'png' | 'svg'): string {
  return `${[title, ...(breakdown ? ['by', breakdown] : [])].map(snakeCase).join('_')}.${extension}`;
}
