/**
 * The route table. Each page is its own chunk, loaded when first visited, so screens with heavy
 * dependencies (charts, spreadsheets) never slow the first load.
 *
 * To add a page: create web/src/pages/<screen>/<Screen>Page.tsx with a default export, then add
 * one line below, under the layout it belongs to (an agency page, a staff page or a public page).
 *
 * Loaders start a page's requests without waiting for them (TanStack Query keeps the answers for
 * the page's hooks), so the data loads while the page's code downloads instead of after it.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { data, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { prefetchReportPage } from '../api/reports.ts';
import { prefetchSession } from '../api/session.ts';
import { PageLoading } from '../components/index.ts';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { AgencyLayout, PlainLayout, PlatformAdminLayout } from './AgencyLayout.tsx';
import { INVALID_LINK_ROUTE, RouteError } from './RouteError.tsx';
import { HomeRedirect, RequireUser, SessionLayout } from './SessionLayout.tsx';

/** Loads a page module on first visit (the route-level equivalent of React.lazy). */
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

/** A positive whole number, as every id in an address is. */
const isId = (value: number) => Number.isSafeInteger(value) && value > 0;

/**
 * The page's ids from the URL. An address whose id is not an id at all (cut short, mistyped) shows
 * "This link is not valid" before any form, instead of asking the server and showing its words.
 */
function linkIds(args: LoaderFunctionArgs, ...names: string[]): Record<string, number> {
  const ids = Object.fromEntries(names.map((name) => [name, Number(args.params[name])]));
  if (!Object.values(ids).every(isId)) throw data(INVALID_LINK_ROUTE, { status: 404 });
  return ids;
}

function recordIds(args: LoaderFunctionArgs): { agencyId: number; reportId: number } {
  const { agencyId, reportId } = linkIds(args, 'agencyId', 'reportId');
  return { agencyId: agencyId!, reportId: reportId! };
}

/** Pages inside one agency: /agency/:agencyId/<path>. useCurrentAgency() gives the agency. */
const agencyPages = (queryClient: QueryClient): RouteObject[] => [
  { index: true, lazy: page(() => import('../pages/home/HomePage.tsx')) },
  { path: 'metric-config', lazy: page(() => import('../pages/metric-config/MetricConfigPage.tsx')) },
  { path: 'data-entry', lazy: page(() => import('../pages/data-entry/DataEntryPage.tsx')) },
  { path: 'records', lazy: page(() => import('../pages/records/RecordsPage.tsx')) },
  { path: 'records/create', lazy: page(() => import('../pages/records/CreateRecordPage.tsx')) },
  { path: 'records/bulk-review', lazy: page(() => import('../pages/review/BulkReviewPage.tsx')) },
  {
    path: 'records/:reportId',
    loader: (args) => {
      const ids = recordIds(args);
      prefetchReportPage(queryClient, ids.agencyId, ids.reportId);
      return null;
    },
    lazy: page(() => import('../pages/data-entry/RecordFormPage.tsx')),
  },
  {
    path: 'records/:reportId/review',
    loader: (args) => {
      linkIds(args, 'reportId');
      return null;
    },
    lazy: page(() => import('../pages/review/ReviewPage.tsx')),
  },
  { path: 'data', lazy: page(() => import('../pages/explore-data/ExploreDataPage.tsx')) },
  { path: 'settings', lazy: page(() => import('../pages/settings/SettingsPage.tsx')) },
  { path: 'settings/uploaded-files', lazy: page(() => import('../pages/uploaded-files/UploadedFilesPage.tsx')) },
  { path: 'upload', lazy: page(() => import('../pages/upload/UploadPage.tsx')) },
  { path: '*', Component: NotFoundPage },
];

/** The Help Center, for everyone signed in. */
const helpPages: RouteObject[] = [
  { path: 'help', lazy: page(() => import('../pages/help/HelpCenterPage.tsx')) },
  { path: 'help/:app', lazy: page(() => import('../pages/help/HelpDirectoryPage.tsx')) },
  { path: 'help/:app/:guide', lazy: page(() => import('../pages/help/GuidePage.tsx')) },
];

/** Pages for Justice Counts staff (isPlatformAdmin); everyone else sees the 403 page. */
const platformAdminPages: RouteObject[] = [
  { path: 'admin-panel', lazy: page(() => import('../pages/admin-panel/AdminPanelPage.tsx')) },
];

/** Pages open to signed-out visitors too (they still wait for the session). */
const plainPages: RouteObject[] = [
  { path: 'sign-in', lazy: page(() => import('../pages/sign-in/SignInPage.tsx')) },
  { path: 'accept-invite', lazy: page(() => import('../pages/accept-invite/AcceptInvitePage.tsx')) },
  { path: 'forgot-password', lazy: page(() => import('../pages/reset-password/ForgotPasswordPage.tsx')) },
  { path: 'reset-password', lazy: page(() => import('../pages/reset-password/ResetPasswordPage.tsx')) },
  { path: 'verify-email', lazy: page(() => import('../pages/verify-email/VerifyEmailPage.tsx')) },
  // Public agency dashboards: anyone may read them, signed in or not.
  { path: 'dashboards', lazy: page(() => import('../pages/public-dashboard/DashboardListPage.tsx')) },
  {
    path: 'dashboards/:agencyId',
    loader: (args) => {
      linkIds(args, 'agencyId');
      return null;
    },
    lazy: page(() => import('../pages/public-dashboard/AgencyDashboardPage.tsx')),
  },
  {
    path: 'dashboards/:agencyId/:category',
    loader: (args) => {
      linkIds(args, 'agencyId');
      return null;
    },
    lazy: page(() => import('../pages/public-dashboard/CategoryPage.tsx')),
  },
  {
    path: 'dashboards/:agencyId/releases/:number',
    lazy: page(() => import('../pages/public-dashboard/ReleasePage.tsx')),
  },
  // The API reference, generated from the server's OpenAPI description.
  { path: 'developers/api', lazy: page(() => import('../pages/api-docs/ApiDocsPage.tsx')) },
  { path: '*', Component: NotFoundPage },
];

export const createRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: '/',
    // Every page needs the session first; ask for it before any page code has loaded.
    loader: () => {
      prefetchSession(queryClient);
      return null;
    },
    Component: SessionLayout,
    HydrateFallback: PageLoading,
    errorElement: <RouteError />,
    children: [
      {
        Component: RequireUser,
        children: [
          { index: true, Component: HomeRedirect },
          // The inner pathless route's errorElement keeps the header and footer around a page's error.
          {
            path: 'agency/:agencyId',
            Component: AgencyLayout,
            children: [{ errorElement: <RouteError />, children: agencyPages(queryClient) }],
          },
          { Component: PlainLayout, children: [{ errorElement: <RouteError />, children: helpPages }] },
          {
            Component: PlatformAdminLayout,
            children: [{ errorElement: <RouteError />, children: platformAdminPages }],
          },
        ],
      },
      {
        // Pages with no agency in the URL: logo, and the profile menu when signed in.
        Component: PlainLayout,
        children: [{ errorElement: <RouteError />, children: plainPages }],
      },
    ],
  },
];
