/** /help/publisher: the Publisher's guides by category. /help/dashboard goes to its one guide. */
import { Navigate, useParams } from 'react-router';
import { helpGuidePath } from '../../app/paths.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { Page } from '../../components/index.ts';
import { guidesByCategory } from './guides.ts';
import { Breadcrumbs, GuideCard, HelpSearch } from './HelpParts.tsx';

export default function HelpDirectoryPage() {
  const { app } = useParams();
  if (app === 'dashboard') return <Navigate to={helpGuidePath('public-dashboards')} replace />;
  if (app !== 'publisher') return <NotFoundPage />;
  return (
    <Page title="Publisher guides" description="Step-by-step help for every screen of the Publisher.">
      <Breadcrumbs app="publisher" />
      <HelpSearch>
        {guidesByCategory('publisher').map(({ category, guides }) => (
          <section key={category} className="help-category" aria-labelledby={`help-${category}`}>
            <h2 id={`help-${category}`}>{category}</h2>
            <ul className="help-cards">
              {guides.map((guide) => (
                <GuideCard key={guide.slug} guide={guide} />
              ))}
            </ul>
          </section>
        ))}
      </HelpSearch>
    </Page>
  );
}
