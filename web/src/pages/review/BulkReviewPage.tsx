/** Review & Publish (or Unpublish) several records chosen on the Records page, then act on all of them. */
import { useSearchParams } from 'react-router';
import { messageFor } from '../../api/errors.ts';
import {
  usePublishFlags,
  useReportsWithDatapoints,
  useSetReportStatuses,
  type FlagExplanation,
} from '../../api/reports.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import { ButtonLink, EmptyState, ErrorState, Page, PageLoading, useToast } from '../../components/index.ts';
import { DoneModal } from './DoneModal.tsx';
import { recordNamesOf } from '../../components/publish-flags/flag-rules.ts';
import { PublishButton } from '../../components/publish-flags/PublishButton.tsx';
import { PublishFlags } from '../../components/publish-flags/PublishFlags.tsx';
import { ReviewMetrics } from './ReviewMetrics.tsx';
import { PUBLISH_BLOCKED, reviewTables } from './review-rules.ts';
import './review.css';

export default function BulkReviewPage() {
  const agency = useCurrentAgency();
  const toast = useToast();
  const [params] = useSearchParams();
  const publishing = params.get('action') !== 'unpublish';
  const ids = (params.get('ids') ?? '')
    .split(',')
    .map(Number)
    .filter((id) => Number.isSafeInteger(id) && id > 0);
  const review = useReportsWithDatapoints(agency.id, ids);
  const flags = usePublishFlags(agency.id, publishing ? ids : []);
  const change = useSetReportStatuses(agency.id);
  const verb = publishing ? 'Publish' : 'Unpublish';

  if (ids.length === 0) {
    return (
      <Page title={`Review & ${verb}`}>
        <EmptyState
          title="No records chosen"
          action={<ButtonLink to={agencyPath(agency.id, 'records')}>Records</ButtonLink>}
        >
          Choose records on the Records page with Bulk Actions.
        </EmptyState>
      </Page>
    );
  }
  if (review.isPending || (publishing && flags.isPending)) return <PageLoading />;
  if (review.isError) return <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  if (flags.isError) return <ErrorState error={flags.error} onRetry={() => void flags.refetch()} />;
  // Records already published are not published again, so their flags are not asked about.
  const waiting = new Set(review.data.filter((record) => record.status !== 'PUBLISHED').map((record) => record.id));
  const toExplain = (flags.data ?? []).filter((flag) => waiting.has(flag.report_id));
  const recordNames = recordNamesOf(review.data);
  const tables = reviewTables(review.data);
  const blocked = publishing && tables.some((table) => table.error !== null);
  const count = `${ids.length} record${ids.length === 1 ? '' : 's'}`;
  const act = (explanations: FlagExplanation[]) =>
    change.mutate(
      { records: review.data, status: publishing ? 'PUBLISHED' : 'DRAFT', explanations },
      { onError: (error) => toast.error(`Failed to ${verb.toLowerCase()}. ${messageFor(error)}`) },
    );

  return (
    <Page
      title={`Review & ${verb}`}
      description={
        publishing
          ? `Check the values of ${count} before publishing them.`
          : `All data in ${ids.length === 1 ? 'this record' : 'these records'} will be kept, and you can publish again at any time.`
      }
      actions={
        <>
          <ButtonLink to={agencyPath(agency.id, 'records')}>
            Exit without {publishing ? 'Publishing' : 'Unpublishing'}
          </ButtonLink>
          <PublishButton
            flags={publishing ? toExplain : []}
            recordNames={recordNames}
            variant={publishing ? 'primary' : 'danger'}
            loading={change.isPending}
            disabled={blocked}
            title={blocked ? PUBLISH_BLOCKED : undefined}
            onPublish={act}
          >
            {verb}
          </PublishButton>
        </>
      }
    >
      {blocked && <p className="alert alert--error rv-blocked">{PUBLISH_BLOCKED}</p>}
      {publishing && <PublishFlags flags={toExplain} recordNames={recordNames} />}
      <ReviewMetrics tables={tables} records={review.data} />
      {change.isSuccess && (
        <DoneModal
          agencyId={agency.id}
          title={`${count} ${publishing ? 'published' : 'unpublished'}!`}
          text={publishing ? 'You can see the published data in Explore Data.' : 'They are drafts again.'}
        />
      )}
    </Page>
  );
}
