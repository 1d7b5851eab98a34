/**
 * A metric's chart with its legend and caption, and buttons to save it as a picture. Recharts is
 * the heaviest part of the app, so the chart itself loads the first time one is shown.
 */
import { lazy, Suspense, useRef, type ReactNode, type RefObject } from 'react';
import { Button, Spinner, useToast } from '../index.ts';
import type { ChartSeries } from './chart-colours.ts';
import { drawingOf, pngOf, saveFile } from './chart-download.ts';
import { chartImageSvg, imageFileName, periodText } from './chart-image.ts';
import type { ChartSync } from './MetricChart.tsx';
import type { SeriesRow } from './series-rules.ts';
import type { ComparabilityJson } from '@jc/server/contract';
import { breakMarks, breakNotes } from './break-rules.ts';
import { ComparabilityNote } from './ComparabilityNote.tsx';
import './charts.css';

const MetricChart = lazy(() => import('./MetricChart.tsx'));

/** What a saved picture says about the chart besides the chart itself. */
export interface ChartPicture {
  title: string;
  agency: string;
  breakdown: string | null;
  /** "Source: …", the last line of the picture. */
  source: string;
}

interface ChartFigureProps {
  rows: SeriesRow[];
  series: ChartSeries[];
  isPercentage: boolean;
  isMoney: boolean;
  /** A legend of the series' colours, for a chart split by a breakdown. */
  showLegend: boolean;
  caption: ReactNode;
  picture: ChartPicture;
  /** Hover in step with other charts of the same metric. */
  sync?: ChartSync;
  /** The agency's definition against the default, and its series breaks (marked on the chart). */
  comparability: ComparabilityJson;
}

interface PictureButtonsProps {
  figure: RefObject<HTMLElement | null>;
  picture: ChartPicture;
  rows: SeriesRow[];
  legend: ChartSeries[];
  /** Written under the legend: what changed at each series break the chart marks. */
  notes?: readonly string[];
}

export function PictureButtons({ figure, picture, rows, legend, notes = [] }: PictureButtonsProps) {
  const toast = useToast();
  const save = async (kind: 'png' | 'svg') => {
    const drawing = figure.current && drawingOf(figure.current);
    if (!drawing) return toast.error('The chart is still being drawn: try again in a moment.');
    const period = periodText(rows.map((row) => row.label));
    const title = picture.breakdown ? `${picture.title} by ${picture.breakdown}` : picture.title;
    const image = chartImageSvg(drawing, { ...picture, title, period, notes }, legend);
    try {
      const blob =
        kind === 'svg'
          ? new Blob([image.svg], { type: 'image/svg+xml' })
          : await pngOf(image.svg, image.width, image.height);
      saveFile(blob, imageFileName(picture.title, picture.breakdown, kind));
    } catch {
      toast.error('The picture could not be made in this browser. Try the SVG download instead.');
    }
  };
  return (
    <div
      className="chart-picture-buttons"
      role="group"
      aria-label={`Save the ${picture.title}${picture.breakdown ? ` by ${picture.breakdown}` : ''} chart as a picture`}
    >
      <Button size="sm" variant="ghost" onClick={() => void save('png')}>
        Download PNG
      </Button>
      <Button size="sm" variant="ghost" onClick={() => void save('svg')}>
        Download SVG
      </Button>
    </div>
  );
}

export function ChartFigure({
  rows,
  series,
  isPercentage,
  isMoney,
  showLegend,
  caption,
  picture,
  sync,
  comparability,
}: ChartFigureProps) {
  const figure = useRef<HTMLElement>(null);
  const breaks = breakMarks(rows, comparability.series_breaks);
  return (
    <figure className="explore-chart" ref={figure}>
      <PictureButtons
        figure={figure}
        picture={picture}
        rows={rows}
        legend={showLegend ? series : []}
        notes={breakNotes(breaks)}
      />
      <Suspense fallback={<Spinner label="Loading chart…" />}>
        <MetricChart
          rows={rows}
          series={series}
          isPercentage={isPercentage}
          isMoney={isMoney}
          sync={sync}
          breaks={breaks}
        />
      </Suspense>
      {showLegend && (
        <ul className="explore-legend" aria-label="Legend">
          {series.map(({ name, colour }) => (
            <li key={name}>
              <span className="legend-swatch" style={{ background: colour }} aria-hidden="true" />
              {name}
            </li>
          ))}
        </ul>
      )}
      <figcaption className="explore-chart__note">{caption}</figcaption>
      <ComparabilityNote comparability={comparability} />
    </figure>
  );
}
