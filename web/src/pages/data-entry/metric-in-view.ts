/** Which metric section the reader is on, from where the sections sit relative to the viewport. */

export interface SectionPosition {
  key: string;
  /** Distance of the section's top from the top of the viewport, in pixels (negative once scrolled past). */
  top: number;
}

/**
 * The section whose top is the last one above the viewport's midpoint, so a section counts as
 * "in view" once it fills the upper half of the screen; the first section before any has got there.
 * At the bottom of the page the last sections can never reach the midpoint, so there the last one
 * showing counts.
 */
export function metricInView(
  sections: readonly SectionPosition[],
  viewportHeight: number,
  atBottom = false,
): string | undefined {
  const line = atBottom ? viewportHeight : viewportHeight / 2;
  let current = sections[0]?.key;
  for (const section of sections) {
    if (section.top < line) current = section.key;
  }
  return current;
}

/** The metric key named by a `#metric-KEY` link, decoded; undefined for any other hash. */
export function metricKeyFromHash(hash: string): string | undefined {
  const match = /^#metric-(.+)$/.exec(hash);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

export const metricSectionId = (metricKey: string) => `metric-${metricKey}`;
