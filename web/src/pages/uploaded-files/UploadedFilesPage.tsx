import { EmptyState, Page } from '../../components/index.ts';

export default function UploadedFilesPage() {
  return (
    <Page title="Uploaded Files" description="Spreadsheets uploaded for your agency, with their status.">
      <EmptyState title="Uploaded files are not available yet">This screen has not been built yet.</EmptyState>
    </Page>
  );
}
