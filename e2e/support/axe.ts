/**
 * Accessibility check with axe-core: runs the WCAG 2.x A/AA rules on what the page shows now and
 * fails naming every serious or critical violation, with the elements it found them on.
 *
 *   await expectNoSeriousA11yViolations(page, 'record form');
 *
 * Call it once the screen has settled (after waiting for its heading or content), as a person would look.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
const TARGETS_SHOWN = 5;

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** One line per violation: rule, impact, what to fix and where (the first few elements). */
export function describeViolations(violations: Violation[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.join(' ')).slice(0, TARGETS_SHOWN);
      const more = violation.nodes.length > TARGETS_SHOWN ? ` and ${violation.nodes.length - TARGETS_SHOWN} more` : '';
      return `- ${violation.id} (${violation.impact}): ${violation.help} at ${targets.join(', ')}${more}`;
    })
    .join('\n');
}

/** The serious and critical violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
}

/** Throws, listing them, when the page has serious or critical accessibility violations. */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0) {
    throw new Error(`Accessibility violations on ${screen}:\n${describeViolations(violations)}`);
  }
}
