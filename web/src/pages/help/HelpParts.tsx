/** Pieces every Help Center page shares: breadcrumbs, the search box with its results, guide cards. */
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { HELP_PATH, helpAppPath, helpGuidePath, type HelpApp } from '../../app/paths.ts';
import { TextInput } from '../../components/index.ts';
import { GUIDES, type Guide } from './guides.ts';
import { searchGuides } from './help-search.ts';
import './help.css';

const APP_NAMES: Record<HelpApp, string> = { publisher: 'Publisher', dashboard: 'Dashboard' };

/** Help Center › Publisher › Guide; the last crumb is the page itself. */
export function Breadcrumbs({ app, guide }: { app?: HelpApp; guide?: Guide }) {
  const crumbs: { label: string; to?: string }[] = [{ label: 'Help Center', to: HELP_PATH }];
  // The dashboard app has one guide, so its directory is the guide itself: no crumb for it.
  if (app && !(guide && app === 'dashboard')) crumbs.push({ label: APP_NAMES[app], to: helpAppPath(app) });
  if (guide) crumbs.push({ label: guide.title });
  crumbs[crumbs.length - 1] = { label: crumbs[crumbs.length - 1]!.label };
  return (
    <nav aria-label="Breadcrumbs" className="help-crumbs">
      <ol>
        {crumbs.map((crumb) => (
          <li key={crumb.label}>
            {crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : <span aria-current="page">{crumb.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function GuideCard({ guide, children }: { guide: Guide; children?: ReactNode }) {
  return (
    <li className="help-card">
      <Link to={helpGuidePath(guide.slug)} className="help-card__title">
        {guide.title}
      </Link>
      <p className="help-card__caption">{children ?? guide.caption}</p>
    </li>
  );
}

/** The search box; while it holds words, its results replace the page's own content. */
export function HelpSearch({ children }: { children: ReactNode }) {
  const [query, setQuery] = useState('');
  const hits = searchGuides(GUIDES, query);
  return (
    <>
      <div className="help-search" role="search">
        <TextInput
          label="Search the guides"
          type="search"
          placeholder="For example: upload, publish, roles"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {query.trim() === '' ? (
        children
      ) : (
        <section aria-label="Search results" className="help-results">
          <p aria-live="polite">
            {hits.length === 0
              ? `No guide mentions “${query.trim()}”. Try another word, or contact support.`
              : `${hits.length} guide${hits.length === 1 ? '' : 's'} found`}
          </p>
          <ul className="help-cards">
            {hits.map((hit) => (
              <GuideCard key={hit.guide.slug} guide={hit.guide}>
                {hit.excerpt}
              </GuideCard>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
