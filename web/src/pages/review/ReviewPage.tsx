/** Review & Publish for one record: its saved values as tables, then Publish. */
import { useParams } from 'react-router';
import { messageFor } from '../../api/errors.ts';
import type { FlagExplanation } from '../../api/reports.ts';
import { usePublishFlags, useReportsWithDatapoints, useSetReportStatus } from '../../api/reports.ts';
import { useCurrentAgency } from '../../app/agency-context.ts';
import { agencyPath } from '../../app/paths.ts';
import { ButtonLink, ErrorState, Page, PageLoading, useToast } from '../../components/index.ts';
import { recordTitle } from '../../rules/record-names.ts';
import { DoneModal } from './DoneModal.tsx';
import { recordNamesOf } from '../../components/publish-flags/flag-rules.ts';
import { PublishButton } from '../../components/publish-flags/PublishButton.tsx';
import { PublishFlags } from '../../components/publish-flags/PublishFlags.tsx';
import { ReviewMetrics } from './ReviewMetrics.tsx';
import { PUBLISH_BLOCKED, reviewTables } from './review-rules.ts';
import './review.css';

export default function ReviewPage() {
  const agency = useCurrentAgency();
  const { can } = agency;
  const toast = useToast();
  const reportId = Number(useParams().reportId);
  const review = useReportsWithDatapoints(agency.id, [reportId]);
  const flags = usePublishFlags(agency.id, [reportId]);
  const publish = useSetReportStatus(agency.id);

  if (review.isPending || flags.isPending) return <PageLoading />;
  if (review.isError) return <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  if (flags.isError) return <ErrorState error={flags.error} onRetry={() => void flags.refetch()} />;
  const record = review.data[0]!;
  const title = recordTitle(record);
  const tables = reviewTables(review.data);
  const blocked = tables.some((table) => table.error !== null);
  const recordNames = recordNamesOf(review.data);
  const onPublish = (explanations: FlagExplanation[]) =>
    publish.mutate(
      { reportId, status: 'PUBLISHED', timeLoaded: record.last_modified_at_timestamp ?? 0, explanations },
      { onError: (error) => toast.error(`Something went wrong publishing the ${title} record. ${messageFor(error)}`) },
    );

  return (
    <Page
      title="Review & Publish"
      description={`Check the values of ${title} before publishing them.`}
      actions={
        <>
          <ButtonLink to={agencyPath(agency.id, `records/${reportId}`)}>← Back to data entry</ButtonLink>
          <ButtonLink to={agencyPath(agency.id, 'records')}>Exit without Publishing</ButtonLink>
          {tables.length > 0 && record.status !== 'PUBLISHED' && (
            <PublishButton
              flags={flags.data}
              recordNames={recordNames}
              variant="primary"
              loading={publish.isPending}
              disabled={blocked || !can['reports.publish']}
              title={blocked ? PUBLISH_BLOCKED : undefined}
              onPublish={onPublish}
            >
              Publish
            </PublishButton>
          )}
        </>
      }
    >
      {blocked && <p className="alert alert--error rv-blocked">{PUBLISH_BLOCKED}</p>}
      {record.status !== 'PUBLISHED' && <PublishFlags flags={flags.data} recordNames={recordNames} />}
      <ReviewMetrics tables={tables} records={review.data} />
      {publish.isSuccess && (
        <DoneModal
          agencyId={agency.id}
          title="Data published!"
          text="You can see the published data in Explore Data."
        />
      )}
    </Page>
  );
}
