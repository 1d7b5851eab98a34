import { SUPPORT_EMAIL } from '../api/errors.ts';
import { ButtonLink, Page } from './index.ts';

const reasons = {
  agency: 'Your account is not a member of this agency, or the agency does not exist.',
  page: 'Your role does not allow you to open this page.',
};

/** The 403 page: signed in, but not allowed here. */
export function ForbiddenPage({ what }: { what: keyof typeof reasons }) {
  return (
    <Page title="You do not have access" description={reasons[what]}>
      <div className="status-page">
        <p className="status-page__code" aria-hidden="true">
          403
        </p>
        <p>
          To get access, ask an admin of your agency, or email <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>.
        </p>
        <ButtonLink variant="primary" to="/">
          Go to your agency
        </ButtonLink>
      </div>
    </Page>
  );
}
