/** A stored upload's result: errors and warnings first when there are any, then the review. */
import { useUploadResult } from '../../api/uploads.ts';
import { ErrorState, PageLoading } from '../../components/index.ts';
import { ErrorsWarnings } from './ErrorsWarnings.tsx';
import { UploadReview } from './UploadReview.tsx';
import { needsAttention } from './upload-rules.ts';

export interface UploadResultViewProps {
  agencyId: number;
  spreadsheetId: number;
  reviewing: boolean;
  onContinue: () => void;
  onNewUpload: () => void;
}

export function UploadResultView({
  agencyId,
  spreadsheetId,
  reviewing,
  onContinue,
  onNewUpload,
}: UploadResultViewProps) {
  const result = useUploadResult(agencyId, spreadsheetId);
  if (result.isPending) return <PageLoading />;
  if (result.isError) {
    return (
      <ErrorState title="This upload could not be loaded" error={result.error} onRetry={() => void result.refetch()} />
    );
  }
  if (!reviewing && needsAttention(result.data)) {
    return <ErrorsWarnings result={result.data} onNewUpload={onNewUpload} onContinue={onContinue} />;
  }
  return <UploadReview agencyId={agencyId} result={result.data} onNewUpload={onNewUpload} />;
}
