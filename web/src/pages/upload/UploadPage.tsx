/**
 * Bulk upload: instructions and templates, then the file (dropped or browsed), the sector for a
 * multi-sector agency, its progress, and the result (errors and warnings, review, publish). The
 * upload's id (?upload=ID) and then the result's (?result=ID) go in the address, so both survive
 * a reload and the result can be shared.
 */
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { INVALID_LINK, messageFor } from '../../api/errors.ts';
import { useUploadSpreadsheet } from '../../api/uploads.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { Button, LearnMoreLink, Page, Spinner, useToast } from '../../components/index.ts';
import { ChosenFile } from './ChosenFile.tsx';
import { FileDrop } from './FileDrop.tsx';
import { UploadInstructions } from './UploadInstructions.tsx';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { UploadProgress } from './UploadProgress.tsx';
import { UploadResultView } from './UploadResultView.tsx';
import { fileProblem, saveTimeEstimate, uploadSectors, type Sector } from './upload-rules.ts';
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
      description={<ChosenFile name={`✓ ${file.name}`} estimate={saveTimeEstimate(file)} />}
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

/** `estimate`: how long the file should take to save, for the progress page. */
function UploadStart({ onStarted }: { onStarted: (jobId: number, estimate: string | undefined) => void }) {
  const agency = useCurrentAgency();
  const toast = useToast();
  const upload = useUploadSpreadsheet(agency.id);
  const [file, setFile] = useState<File | null>(null);
  const sectors = uploadSectors(agency);
  const send = async (chosen: File, system: string) => {
    try {
      onStarted((await upload.mutateAsync({ file: chosen, system })).id, saveTimeEstimate(chosen));
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
    const sending = upload.variables.file;
    return (
      <Page title="Uploading" description={<ChosenFile name={sending.name} estimate={saveTimeEstimate(sending)} />}>
        <div className="up-processing">
          <Spinner size="lg" label="" />
          <p>Sending your file…</p>
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
    <Page
      title="Upload Data"
      description={
        <>
          Upload a spreadsheet with data for many metrics and periods at once.{' '}
          <LearnMoreLink guide="bulk-upload" what="uploading spreadsheets" />
        </>
      }
    >
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

/** The id in the address parameter; null when absent, NaN when not a valid id. */
function idParam(params: URLSearchParams, name: string): number | null {
  if (!params.has(name)) return null;
  const id = Number(params.get(name));
  return Number.isInteger(id) && id > 0 ? id : NaN;
}

/** How long the upload this tab started should take; gone after a reload, as the file is. */
interface Estimate {
  jobId: number;
  words: string | undefined;
}

export default function UploadPage() {
  const agency = useCurrentAgency();
  const [params, setParams] = useSearchParams();
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const resultId = idParam(params, 'result');
  const jobId = idParam(params, 'upload');
  const showResult = useCallback(
    (spreadsheetId: number) => setParams({ result: String(spreadsheetId) }, { replace: true }),
    [setParams],
  );
  if (Number.isNaN(resultId) || Number.isNaN(jobId)) {
    return <NotFoundPage title="This link is not valid" description={INVALID_LINK} />;
  }
  if (resultId !== null) {
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
  if (jobId !== null) {
    return (
      <UploadProgress
        agencyId={agency.id}
        jobId={jobId}
        estimate={estimate?.jobId === jobId ? estimate.words : undefined}
        onSaved={showResult}
        onNewUpload={() => setParams({})}
      />
    );
  }
  return (
    <UploadStart
      onStarted={(id, words) => {
        setEstimate({ jobId: id, words });
        setParams({ upload: String(id) });
      }}
    />
  );
}
