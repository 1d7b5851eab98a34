/** What went wrong or needs a look, by metric: errors first, then what was saved and what the file did not hold. */
import type { UploadMessageWire, UploadMetric, UploadResultWire } from '@jc/server/contract';
import { Badge, Button, Page } from '../../components/index.ts';
import { classifyResult, messagesOf, summaryText } from './upload-rules.ts';
import { UploadSummary } from './UploadSummary.tsx';

function Message({ message, sheet }: { message: UploadMessageWire; sheet?: string }) {
  return (
    <li className="up-message">
      <Badge tone={message.type === 'ERROR' ? 'danger' : 'warning'}>
        {message.type === 'ERROR' ? 'Error' : 'Warning'}
      </Badge>{' '}
      <strong>{message.title}</strong>
      {sheet && <span className="up-message__sheet"> · sheet {sheet}</span>}
      <p>{message.description}</p>
    </li>
  );
}

function settingNote(metric: UploadMetric): string | null {
  if (metric.enabled === false) {
    return 'This metric is turned off for your agency; data saved for it is not shown on your dashboard.';
  }
  if (metric.enabled === null) return 'This metric has not been configured yet in Metric Settings.';
  return null;
}

function MetricMessages({ metric }: { metric: UploadMetric }) {
  const note = settingNote(metric);
  return (
    <article className="up-metric card">
      <h3>{metric.display_name}</h3>
      {note && <p className="up-metric__note">{note}</p>}
      <ul className="up-messages">
        {metric.metric_errors.flatMap((group) =>
          group.messages.map((message, index) => (
            <Message key={`${group.sheet_name}-${index}`} message={message} sheet={group.sheet_name || undefined} />
          )),
        )}
      </ul>
    </article>
  );
}

export function ErrorsWarnings({
  result,
  onNewUpload,
  onContinue,
}: {
  result: UploadResultWire;
  onNewUpload: () => void;
  onContinue: () => void;
}) {
  const { alerts, saved, notUploaded } = classifyResult(result);
  const description =
    result.summary.rows_saved === 0
      ? 'Fix the file using the messages below and upload it again.'
      : 'Check the messages below. Fix the file and upload it again, or continue to review the data that was saved.';
  return (
    <Page
      title={summaryText(result.summary).headline}
      description={description}
      actions={
        <>
          <Button onClick={onNewUpload}>New Upload</Button>
          <Button variant="primary" onClick={onContinue}>
            Continue
          </Button>
        </>
      }
    >
      <UploadSummary summary={result.summary} />
      {(alerts.length > 0 || result.non_metric_errors.length > 0) && (
        <section className="up-section" aria-labelledby="up-alerts">
          <h2 id="up-alerts">Alerts</h2>
          {result.non_metric_errors.length > 0 && (
            <article className="up-metric card">
              <h3>{result.file_name}</h3>
              <ul className="up-messages">
                {result.non_metric_errors.map((message, index) => (
                  <Message key={index} message={message} />
                ))}
              </ul>
            </article>
          )}
          {alerts.map((metric) => (
            <MetricMessages key={metric.key} metric={metric} />
          ))}
        </section>
      )}
      {saved.length > 0 && (
        <section className="up-section" aria-labelledby="up-saved">
          <h2 id="up-saved">Saved Metrics</h2>
          {saved.map((metric) =>
            messagesOf(metric).length > 0 || metric.enabled !== true ? (
              <MetricMessages key={metric.key} metric={metric} />
            ) : (
              <p key={metric.key} className="up-saved">
                ✓ {metric.display_name}
              </p>
            ),
          )}
        </section>
      )}
      {notUploaded.length > 0 && (
        <section className="up-section" aria-labelledby="up-missing">
          <h2 id="up-missing">Metrics Not Uploaded</h2>
          <p>{notUploaded.map((metric) => metric.display_name).join(', ')}</p>
        </section>
      )}
    </Page>
  );
}
