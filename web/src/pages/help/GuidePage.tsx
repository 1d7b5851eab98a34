/** /help/:app/:guide: one guide, with breadcrumbs and the guides it leads to. */
import { useParams } from 'react-router';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { Page } from '../../components/index.ts';
import { GuideMarkdown } from './GuideMarkdown.tsx';
import { guideBySlug } from './guides.ts';
import { Breadcrumbs, GuideCard } from './HelpParts.tsx';

export default function GuidePage() {
  const { app, guide: slug } = useParams();
  const guide = guideBySlug(slug);
  if (!guide || guide.app !== app) return <NotFoundPage />;
  return (
    <Page title={guide.title} description={guide.caption}>
      <Breadcrumbs app={guide.app} guide={guide} />
      <article className="guide">
        <GuideMarkdown text={guide.body} />
      </article>
      <section className="help-related" aria-labelledby="help-related">
        <h2 id="help-related">Relevant pages</h2>
        <ul className="help-cards">
          {guide.related.map((related) => {
            const other = guideBySlug(related);
            return other && <GuideCard key={related} guide={other} />;
          })}
        </ul>
      </section>
    </Page>
  );
}
