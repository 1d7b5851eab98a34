import { EmptyState, Page } from '../../components/index.ts';

export default function UploadPage() {
  return (
    <Page title="Bulk Upload" description="Upload a spreadsheet with data for many metrics and periods at once.">
      <EmptyState title="Spreadsheet upload is not available yet">This screen has not been built yet.</EmptyState>
    </Page>
  );
}
