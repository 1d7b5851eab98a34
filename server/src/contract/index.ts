/** The wire contract shared by server and web: zod schemas, their types, and limits. */
export * from './common.ts';
export * from './session.ts';
export * from './auth.ts';
export * from './users.ts';
export * from './agencies.ts';
export * from './metric-settings.ts';
export * from './agency-settings.ts';
export * from './reports.ts';
export * from './report-page.ts';
export * from './report-periods.ts';
export * from './datapoints.ts';
export * from './uploads.ts';
export * from './home.ts';
export * from './public-data.ts';
export * from './admin-users.ts';
export * from './admin-agencies.ts';
export * from './us-states.ts';
