/** /help: the Help Center's landing page, with the Publisher and Dashboard guides and a search. */
import { Link } from 'react-router';
import { SUPPORT_EMAIL } from '../../api/errors.ts';
import { helpAppPath, helpGuidePath } from '../../app/paths.ts';
import { Page } from '../../components/index.ts';
import { HelpSearch } from './HelpParts.tsx';

export default function HelpCenterPage() {
  return (
    <Page
      title="Justice Counts Help Center"
      description={
        <>
          How can we assist you today? Can’t find an answer? <a href={`mailto:${SUPPORT_EMAIL}`}>Contact support</a>.
        </>
      }
    >
      <HelpSearch>
        <ul className="help-tiles">
          <li className="help-tile">
            <Link to={helpAppPath('publisher')} className="help-tile__title">
              Publisher
            </Link>
            <p>Learn how to set up your metrics, add your data and publish it.</p>
          </li>
          <li className="help-tile">
            <Link to={helpGuidePath('public-dashboards')} className="help-tile__title">
              Dashboard
            </Link>
            <p>Learn what the public sees of your agency’s published data.</p>
          </li>
        </ul>
        <p className="help-start">
          New to the Publisher? Start with <Link to={helpGuidePath('getting-started')}>Getting started</Link>.
        </p>
      </HelpSearch>
    </Page>
  );
}
