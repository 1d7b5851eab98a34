/** In the browser: read the drawn chart out of the page and save it as an SVG or PNG file. */
import type { ChartDrawing } from './chart-image.ts';

/** PNGs are drawn at twice the size on screen, sharp enough for a printed report. */
const PNG_SCALE = 2;

/** The chart's <svg> as the browser drew it, sized as it is on screen; null before it is drawn. */
export function drawingOf(figure: HTMLElement): ChartDrawing | null {
  const svg = figure.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) return null;
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // On screen it is sized by CSS; in a file it needs its size written down.
  copy.removeAttribute('style');
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  return { markup: new XMLSerializer().serializeToString(copy), width, height };
}

export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; free it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function pngOf(svg: string, width: number, height: number): Promise<Blob> {
  const image = new Image();
  // A data: address, which a strict Content-Security-Policy allows for images.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = Object.assign(document.createElement('canvas'), {
    width: width * PNG_SCALE,
    height: height * PNG_SCALE,
  });
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw pictures.');
  context.scale(PNG_SCALE, PNG_SCALE);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be made.'))), 'image/png'),
  );
}
