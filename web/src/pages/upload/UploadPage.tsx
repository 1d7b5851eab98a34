/**
 * Bulk upload: instructions and templates, then the file (dropped or browsed), the sector for a
 * multi-sector agency, processing, and the result (errors and warnings, review, publish). The
 * result's id goes in the address (?result=ID) so it survives a reload and can be shared.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { INVALID_LINK, messageFor } from '../../api/errors.ts';
import { useUploadSpreadsheet } from '../../api/uploads.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { Button, Page, Spinner, useToast } from '../../components/index.ts';
import { FileDrop } from './FileDrop.tsx';
import { UploadInstructions } from './UploadInstructions.tsx';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { UploadResultView } from './UploadResultView.tsx';
import { fileProblem, uploadSectors, type Sector } from './upload-rules.ts';
import './upload.css';

function SectorChoice({
  file,
  sectors,
  onChoose,
  onCancel,
}: {
  file: File;
  sectors: Sector[];
  onChoose: (system: string) => void;
  onCancel: () => void;
}) {
  return (
    <Page
      title="Which sector is this data for?"
      description={`✓ ${file.name}`}
      actions={<Button onClick={onCancel}>Cancel</Button>}
    >
      <ul className="up-sectors">
        {sectors.map((sector) => (
          <li key={sector.system}>
            <Button onClick={() => onChoose(sector.system)}>{sector.label} →</Button>
          </li>
        ))}
      </ul>
    </Page>
  );
}

function UploadStart({ onUploaded }: { onUploaded: (spreadsheetId: number) => void }) {
  const agency = useCurrentAgency();
  const toast = useToast();
  const upload = useUploadSpreadsheet(agency.id);
  const [file, setFile] = useState<File | null>(null);
  const sectors = uploadSectors(agency);
  const send = async (chosen: File, system: string) => {
    try {
      onUploaded((await upload.mutateAsync({ file: chosen, system })).spreadsheet_id);
    } catch (error) {
      setFile(null);
      toast.error(`Failed to upload. ${messageFor(error)}`);
    }
  };
  const choose = (chosen: File) => {
    const problem = fileProblem(chosen);
    if (problem) return toast.error(problem);
    if (sectors.length === 1 && sectors[0]) return void send(chosen, sectors[0].system);
    setFile(chosen);
  };
  if (upload.isPending) {
    return (
      <Page title="Uploading">
        <div className="up-processing">
          <Spinner size="lg" label="" />
          <p>We are processing your data… This might take a few minutes.</p>
        </div>
      </Page>
    );
  }
  if (file) {
    return (
      <SectorChoice
        file={file}
        sectors={sectors}
        onChoose={(system) => void send(file, system)}
        onCancel={() => setFile(null)}
      />
    );
  }
  const allowed = agency.can['uploads.create'];
  return (
    <Page title="Upload Data" description="Upload a spreadsheet with data for many metrics and periods at once.">
      <div className="up-start">
        <UploadInstructions agencyId={agency.id} sectors={sectors} />
        <div>
          <FileDrop disabled={!allowed} onFile={choose} />
          {!allowed && <p className="field__hint">Your role in this agency is read-only, so you cannot upload data.</p>}
        </div>
      </div>
    </Page>
  );
}

export default function UploadPage() {
  const agency = useCurrentAgency();
  const [params, setParams] = useSearchParams();
  const resultId = Number(params.get('result'));
  const validId = Number.isInteger(resultId) && resultId > 0;
  if (params.has('result') && !validId) {
    return <NotFoundPage title="This link is not valid" description={INVALID_LINK} />;
  }
  if (validId) {
    return (
      <UploadResultView
        agencyId={agency.id}
        spreadsheetId={resultId}
        reviewing={params.get('step') === 'review'}
        onContinue={() => setParams({ result: String(resultId), step: 'review' })}
        onNewUpload={() => setParams({})}
      />
    );
  }
  return <UploadStart onUploaded={(id) => setParams({ result: String(id) })} />;
}
