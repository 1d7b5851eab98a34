import { Link } from 'react-router';
import { SUPPORT_EMAIL } from '../api/errors.ts';
import { usePartners } from '../api/partners.ts';
import { useServerVersion } from '../api/version.ts';

export function Footer() {
  const version = useServerVersion();
  const partners = usePartners();
  return (
    <footer className="footer">
      <div className="container footer__inner">
        <p className="footer__about">
          Justice Counts is a national initiative led by the Council of State Governments Justice Center with support
          from the Bureau of Justice Assistance, U.S. Department of Justice. Agencies share the data shown here.
        </p>
        {partners.length > 0 && (
          <ul className="footer__partners" aria-label="Partners">
            {partners.map((partner) => {
              const logo = <img src={partner.logoUrl} alt={partner.name} height={48} />;
              return (
                <li key={partner.logoUrl}>
                  {partner.url ? (
                    <a href={partner.url} target="_blank" rel="noreferrer">
                      {logo}
                    </a>
                  ) : (
                    logo
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <ul className="footer__links">
          <li>© {new Date().getFullYear()} Justice Counts</li>
          <li>
            <a href="https://justicecounts.csgjusticecenter.org/" target="_blank" rel="noreferrer">
              About Justice Counts
            </a>
          </li>
          <li>
            <a href={`mailto:${SUPPORT_EMAIL}`}>Contact support</a>
          </li>
          <li>
            <Link to="/developers/api">API for developers</Link>
          </li>
          {version && <li>Version {version}</li>}
        </ul>
      </div>
    </footer>
  );
}
