/**
 * How a public dashboard groups an agency's metrics: by sector, then by the Justice Counts
 * category of each metric (Capacity and Costs, Populations, …), each category with a page of its
 * own at /dashboards/:agencyId/:category, and the view that page keeps in its address.
 */
import { CATEGORY_LABELS } from '@jc/catalogue';
import type { PublicMetric } from './dashboard-rules.ts';

interface CategoryWords {
  /** The overview's heading for the category, e.g. "Understand the Finances". */
  heading: string;
  /** One line under that heading, inviting a visitor to open the category. */
  teaser: string;
  /** What the category page says the figures are about. */
  description: string;
}

const WORDS: Readonly<Record<string, CategoryWords>> = {
  'Capacity and Costs': {
    heading: 'Understand the Finances',
    teaser: 'See how we are funded and where we use those funds',
    description: 'The money the agency receives and spends, and the people it has to do its work.',
  },
  'Operations and Dynamics': {
    heading: 'Understand the Work',
    teaser: 'See what we do and how much of it',
    description: 'What the agency does over time: the cases, arrests, admissions and other events it handles.',
  },
  Populations: {
    heading: 'Understand the Population',
    teaser: 'See the people and requests we serve',
    description: 'The people the agency is responsible for and the requests for its services.',
  },
  'Public Safety': {
    heading: 'Understand Public Safety',
    teaser: 'See the incidents we record',
    description: 'The crimes and incidents reported to or recorded by the agency.',
  },
  Equity: {
    heading: 'Understand Equity',
    teaser: 'See how outcomes compare across groups',
    description: 'How the agency’s figures compare across groups of people.',
  },
  Fairness: {
    heading: 'Understand Fairness',
    teaser: 'See how we hold ourselves to account',
    description: 'Complaints, grievances and other measures of how people are treated.',
  },
};

export interface Category extends CategoryWords {
  /** "Capacity and Costs", as the metric settings name it. */
  label: string;
  /** `capacity-and-costs`, the category's place in the address. */
  slug: string;
}

/** "Capacity and Costs" → `capacity-and-costs`. */
export const categorySlug = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

function categoryOf(label: string): Category {
  const words = WORDS[label] ?? {
    heading: label,
    teaser: `See the agency's ${label.toLowerCase()} figures`,
    description: `The agency's ${label.toLowerCase()} figures.`,
  };
  return { ...words, label, slug: categorySlug(label) };
}

/** The category a page address names, whether or not the agency has figures in it; null for none. */
export function categoryBySlug(slug: string | undefined): Category | null {
  const label = Object.values(CATEGORY_LABELS).find((l) => categorySlug(l) === slug);
  return label ? categoryOf(label) : null;
}

/** The categories of a sector's metrics, in the Justice Counts order, each with its metrics in the server's order. */
export function categoriesOf(
  metrics: readonly PublicMetric[],
  sector: string,
): { category: Category; metrics: PublicMetric[] }[] {
  const inSector = metrics.filter(({ metric }) => metric.system.key === sector);
  const order = Object.values(CATEGORY_LABELS);
  const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length);
  const labels = [...new Set(inSector.map(({ metric }) => metric.category))].sort((a, b) => rank(a) - rank(b));
  return labels.map((label) => ({
    category: categoryOf(label),
    metrics: inSector.filter(({ metric }) => metric.category === label),
  }));
}

/** The sector the address names (`?sector=jails`), else the first one. */
export function chosenSector(sectors: readonly string[], named: string | null): string | undefined {
  return sectors.find((s) => s.toLowerCase() === named?.toLowerCase()) ?? sectors[0];
}

/** A metric's anchor on its category page, so a shared link can open at it. */
export const metricAnchor = (metricKey: string) => metricKey.toLowerCase();

/** The address parameter that keeps a metric's chosen breakdown (`law_enforcement_arrests`). */
export const breakdownParam = metricAnchor;

/** A mini chart's bars: each total as a share of the largest (0 to 1), null where a period has none. */
export function barHeights(values: readonly (number | null)[]): (number | null)[] {
  const tallest = Math.max(0, ...values.filter((v): v is number => v !== null));
  return values.map((v) => (v === null ? null : tallest > 0 ? Math.max(0, v) / tallest : 0));
}
