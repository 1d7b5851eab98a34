/**
 * The Help Center's guides: each is a Markdown file in guides/, shipped with the web app; this
 * file says where each belongs and which others it leads to. The title is the file's first heading.
 */
import { HELP_GUIDES, type HelpApp, type HelpGuide } from '../../app/paths.ts';

export interface Guide {
  slug: HelpGuide;
  app: HelpApp;
  title: string;
  caption: string;
  category: string;
  /** The Markdown text after its title. */
  body: string;
  related: HelpGuide[];
}

interface GuideFacts {
  caption: string;
  related: HelpGuide[];
}

/** The Help Center's sections and the guides in each. */
const CATEGORIES: Record<string, readonly HelpGuide[]> = {
  'Account setup': ['getting-started', 'settings', 'team', 'set-up-metrics'],
  'Add data': ['data-entry', 'bulk-upload'],
  'Interact with the data': ['explore-data'],
  'Advanced concepts': ['superagencies'],
  Dashboards: ['public-dashboards'],
};

const categoryOf = (slug: HelpGuide) =>
  Object.keys(CATEGORIES).find((category) => CATEGORIES[category]!.includes(slug)) ?? '';

const FACTS: Record<HelpGuide, GuideFacts> = {
  'getting-started': {
    caption: 'Your first steps in the Publisher, and who can do what.',
    related: ['settings', 'set-up-metrics', 'data-entry'],
  },
  settings: {
    caption: 'Your account, reminders, two-factor sign-in and what your agency tells the public.',
    related: ['team', 'public-dashboards'],
  },
  team: {
    caption: 'Invite people, change their roles, remove them.',
    related: ['settings', 'superagencies'],
  },
  'set-up-metrics': {
    caption: 'Choose the metrics you report, how often, and how your definitions differ.',
    related: ['data-entry', 'bulk-upload'],
  },
  'data-entry': {
    caption: 'Type figures into a record, review it and publish it.',
    related: ['bulk-upload', 'explore-data'],
  },
  'bulk-upload': {
    caption: 'Upload many months at once from a spreadsheet, with examples for every sector.',
    related: ['data-entry', 'set-up-metrics', 'superagencies'],
  },
  'explore-data': {
    caption: 'See your figures as charts before and after publishing.',
    related: ['data-entry', 'public-dashboards'],
  },
  superagencies: {
    caption: 'Report for child agencies from a state superagency.',
    related: ['bulk-upload', 'team'],
  },
  'public-dashboards': {
    caption: 'What the public sees of your published figures.',
    related: ['data-entry', 'settings'],
  },
};

const FILES = import.meta.glob<string>('./guides/*.md', { query: '?raw', import: 'default', eager: true });

/** Splits "# Title\n\nbody" into its title and body. */
export function splitTitle(markdown: string): { title: string; body: string } {
  const match = /^#\s+(.+)\n/.exec(markdown);
  if (!match) throw new Error('A guide must start with its title as a level-one heading.');
  return { title: match[1]!.trim(), body: markdown.slice(match[0].length).trim() };
}

export const GUIDES: readonly Guide[] = (Object.keys(HELP_GUIDES) as HelpGuide[]).map((slug) => {
  const markdown = FILES[`./guides/${slug}.md`];
  if (markdown === undefined) throw new Error(`The guide ${slug} has no Markdown file.`);
  return { slug, app: HELP_GUIDES[slug], ...splitTitle(markdown), category: categoryOf(slug), ...FACTS[slug] };
});

export const guideBySlug = (slug: string | undefined): Guide | undefined => GUIDES.find((g) => g.slug === slug);

/** One app's guides by category, categories and guides in alphabetical order. */
export function guidesByCategory(app: HelpApp): { category: string; guides: Guide[] }[] {
  const mine = GUIDES.filter((guide) => guide.app === app);
  const categories = [...new Set(mine.map((guide) => guide.category))].sort();
  return categories.map((category) => ({
    category,
    guides: mine.filter((guide) => guide.category === category).sort((a, b) => a.title.localeCompare(b.title)),
  }));
}

/** Every Markdown file in guides/, for the test that each is listed. */
export const GUIDE_FILES = Object.keys(FILES);
