/** The links beside the task cards: upload a spreadsheet, settings, and the Justice Counts website. */
import { Link } from 'react-router';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import { ButtonLink } from '../../components/index.ts';

export const JUSTICE_COUNTS_WEBSITE = 'https://justicecounts.csgjusticecenter.org/';

export function HomeShortcuts() {
  const agency = useCurrentAgency();
  return (
    <aside className="home-shortcuts" aria-label="Shortcuts">
      {agency.can['uploads.create'] && (
        <section className="home-upload">
          <h2 className="home-upload__title">Add data in bulk</h2>
          <p>Upload one spreadsheet with figures for many metrics and months at once.</p>
          <ButtonLink to={agencyPath(agency.id, 'upload')} variant="secondary" size="sm">
            Upload a spreadsheet
          </ButtonLink>
        </section>
      )}
      <ul className="home-shortcuts__links">
        <li>
          <Link to={agencyPath(agency.id, 'settings')} className="home-shortcuts__link">
            <svg viewBox="0 0 20 20" aria-hidden="true">
              <circle cx="10" cy="10" r="3" fill="none" stroke="currentColor" strokeWidth="1.6" />
              <path
                d="M10 2v3M10 15v3M2 10h3M15 10h3M4.3 4.3l2.1 2.1M13.6 13.6l2.1 2.1M4.3 15.7l2.1-2.1M13.6 6.4l2.1-2.1"
                stroke="currentColor"
                strokeWidth="1.6"
                strokeLinecap="round"
              />
            </svg>
            Settings
          </Link>
        </li>
        <li>
          <a href={JUSTICE_COUNTS_WEBSITE} className="home-shortcuts__link" target="_blank" rel="noreferrer">
            <svg viewBox="0 0 20 20" aria-hidden="true">
              <path
                d="M11 3h6v6M17 3l-8 8M15 12v4a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
                strokeLinecap="round"
              />
            </svg>
            Justice Counts website
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </li>
      </ul>
    </aside>
  );
}
