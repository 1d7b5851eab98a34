/** Series colours, shared by the chart (loaded later, with Recharts) and the legend beside it. */

/** Eleven colours that stay apart from each other and from the red of the gaps. */
export const SERIES_COLOURS = [
  '#0b6bdc',
  '#f2a541',
  '#1f9e89',
  '#8e5bd6',
  '#5fb3f9',
  '#d45087',
  '#7a9c2f',
  '#2f4b7c',
  '#b8860b',
  '#4fc3a1',
  '#a05195',
];

export const colourOf = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length]!;

export interface ChartSeries {
  name: string;
  colour: string;
}

/**
 * The series worth a colour: members with a figure in the charted periods (all of them when none
 * has one). Each keeps the colour of its place in the breakdown, so colours do not change with
 * the time range.
 */
export function chartSeries(members: readonly string[], hasFigure: (member: string) => boolean): ChartSeries[] {
  const withFigures = members.filter(hasFigure);
  return (withFigures.length > 0 ? withFigures : members).map((name) => ({
    name,
    colour: colourOf(members.indexOf(name)),
  }));
}
