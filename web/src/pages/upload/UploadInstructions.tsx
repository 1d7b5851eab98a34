/** How to fill in a spreadsheet, and the template downloads: Custom or Default, multi-page or single page, per sector. */
import { useState } from 'react';
import { downloadTemplate } from '../../api/uploads.ts';
import { messageFor } from '../../api/errors.ts';
import { Button, useToast } from '../../components/index.ts';
import { uploadSizeHelp, type Sector } from './upload-rules.ts';

function TemplateButton({
  agencyId,
  sector,
  singlePage,
  isGeneric,
}: {
  agencyId: number;
  sector: Sector;
  singlePage: boolean;
  isGeneric: boolean;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadTemplate(agencyId, { system: sector.system, singlePage, isGeneric });
    } catch (error) {
      toast.error(messageFor(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="sm" loading={busy} onClick={download}>
      {sector.label}
      {singlePage ? ' (Single Page)' : ''}
    </Button>
  );
}

export function UploadInstructions({ agencyId, sectors }: { agencyId: number; sectors: Sector[] }) {
  const [isGeneric, setGeneric] = useState(false);
  const size = uploadSizeHelp();
  return (
    <section className="up-instructions" aria-labelledby="up-instructions-title">
      <h2 id="up-instructions-title">How to upload data</h2>
      <p>
        Download a template, fill in the <code>value</code> column, and upload the file. Every row is one figure for one
        period: <code>year</code>, <code>month</code> (leave it blank for annual figures) and <code>value</code>.
      </p>
      <h3>Templates</h3>
      <fieldset className="up-radio">
        <legend className="visually-hidden">Template contents</legend>
        <label>
          <input type="radio" name="template-kind" checked={!isGeneric} onChange={() => setGeneric(false)} /> Custom:
          the metrics and breakdowns your agency reports
        </label>
        <label>
          <input type="radio" name="template-kind" checked={isGeneric} onChange={() => setGeneric(true)} /> Default:
          every metric
        </label>
      </fieldset>
      <div className="up-templates">
        {sectors.map((sector) => (
          <div key={sector.system} className="up-templates__row">
            <TemplateButton agencyId={agencyId} sector={sector} singlePage={false} isGeneric={isGeneric} />
            <TemplateButton agencyId={agencyId} sector={sector} singlePage isGeneric={isGeneric} />
          </div>
        ))}
      </div>
      <h3>The basics</h3>
      <ul>
        <li>
          One sheet per metric, named like <code>arrests</code>; breakdowns go on their own sheets such as{' '}
          <code>arrests_by_type</code> with a column naming the category (<code>offense_type</code>).
        </li>
        <li>
          A single-page file puts everything on one sheet with <code>metric</code>, <code>breakdown_category</code> and{' '}
          <code>breakdown</code> columns.
        </li>
        <li>
          Years are calendar years; for a fiscal year give the year it ends in (<code>2023</code> or{' '}
          <code>2022-2023</code>). Months are numbers or names. Values are numbers, such as <code>1,200</code>.
        </li>
        <li>
          Superagencies add an <code>agency</code> column naming the agency each row is for.
        </li>
      </ul>
      <h3>Large files</h3>
      <ul>
        <li>{size.limits}</li>
        <li>
          {size.time} The page shows how far your upload has got, and you can keep working in another tab meanwhile.
        </li>
      </ul>
    </section>
  );
}
