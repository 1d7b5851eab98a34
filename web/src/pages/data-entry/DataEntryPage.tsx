import { Link } from 'react-router';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import { Page } from '../../components/index.ts';

/** "Enter Data": choose between typing figures into records and uploading a spreadsheet. */
export default function DataEntryPage() {
  const agency = useCurrentAgency();
  return (
    <Page title="Enter Data" description="How would you like to add data?">
      <ul className="choice-grid">
        <li>
          <Link className="choice" to={agencyPath(agency.id, 'records')}>
            <span className="choice__title">Manual Entry</span>
            <span className="choice__body">Type figures into a monthly or annual record.</span>
          </Link>
        </li>
        <li>
          <Link className="choice" to={agencyPath(agency.id, 'upload')}>
            <span className="choice__title">Bulk Upload</span>
            <span className="choice__body">Upload a spreadsheet with many metrics and periods at once.</span>
          </Link>
        </li>
      </ul>
    </Page>
  );
}
