/** "Release 3, December 5, 2026 · 2 figures added" under a public dashboard's title, linking to the release. */
import { Link } from 'react-router';
import { useReleases } from '../../api/releases.ts';
import { releasePath } from '../../app/paths.ts';
import { longDate } from '../../rules/record-names.ts';
import { changeSummary } from './release-rules.ts';

export function CurrentRelease({ agencyId }: { agencyId: number }) {
  const releases = useReleases(agencyId);
  const latest = releases.data?.releases[0];
  if (!latest) return null;
  return (
    <p className="public-release">
      <Link to={releasePath(agencyId, latest.number)}>
        Release {latest.number}, {longDate(latest.released_at)}
      </Link>{' '}
      · {changeSummary(latest)} · <Link to={releasePath(agencyId, latest.number)}>Cite this</Link>
    </p>
  );
}
