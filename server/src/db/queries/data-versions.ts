/**
 * Versions of what an agency page shows, for conditional GETs (http/conditional.ts): one prepared
 * query per page that reads only PostgreSQL row versions (`xmin`, changed by every write of a row,
 * whoever makes it) of every row the page's answer is built from, never the values themselves.
 * A deleted row drops out of a list and a deleted value lowers a count, so removals count too.
 *
 * Pages also show editors: the editors' user rows (names, staff flag) and their memberships of the
 * agency or its superagency (roles) are part of each version.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { preparedPerExecutor } from '../prepared.ts';
import { report, source } from '../schema.ts';

/** `id:xmin` of every row `rows` names, in id order: a change, insert or delete changes the text. */
function rowVersions(table: string, key: string, where: SQL): SQL<string> {
  return sql<string>`(select coalesce(string_agg(${sql.raw(key)}::text || ':' || xmin::text, ',' order by ${sql.raw(key)}), '')
    from ${sql.raw(table)} where ${where})`;
}

const settingsVersions = rowVersions('metric_setting', 'id', sql`agency_id = ${source.id}`);

/** The editors (ids in `modifiedBy`, an int[] expression) as the page names them. */
function editorVersions(modifiedBy: SQL): SQL<string> {
  const users = rowVersions('user_account', 'id', sql`id = any(${modifiedBy})`);
  const roles = rowVersions(
    'agency_user_account_association',
    `agency_id::text || '/' || user_account_id`,
    sql`user_account_id = any(${modifiedBy}) and agency_id in (${source.id}, ${source.superAgencyId})`,
  );
  return sql<string>`${users} || ';' || ${roles}`;
}

/** The record page: the record, its agency, the agency's metric settings, its values and editors. */
const recordPageQuery = preparedPerExecutor((db) =>
  db
    .select({
      agencyId: report.sourceId,
      version: sql<string>`concat_ws('|', ${source}.xmin::text, ${report}.xmin::text, ${settingsVersions},
        (select count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text
           from datapoint where report_id = ${report.id}),
        ${editorVersions(sql`${report.modifiedBy}`)})`,
    })
    .from(report)
    .innerJoin(source, eq(source.id, report.sourceId))
    .where(eq(report.id, sql.placeholder('reportId')))
    .prepare('jc_record_page_version'),
);

/** The records list: the agency, every record of it and their editors. */
const recordsListQuery = preparedPerExecutor((db) =>
  db
    .select({
      version: sql<string>`concat_ws('|', ${source}.xmin::text,
        md5(${rowVersions('report', 'id', sql`source_id = ${source.id}`)}),
        ${editorVersions(sql`array(select unnest(modified_by) from report where source_id = ${source.id})`)})`,
    })
    .from(source)
    .where(eq(source.id, sql.placeholder('agencyId')))
    .prepare('jc_records_list_version'),
);

/** Metric settings: the agency (its sectors) and its stored settings documents. */
const metricSettingsQuery = preparedPerExecutor((db) =>
  db
    .select({ version: sql<string>`concat_ws('|', ${source}.xmin::text, ${settingsVersions})` })
    .from(source)
    .where(eq(source.id, sql.placeholder('agencyId')))
    .prepare('jc_metric_settings_version'),
);

/** Every value of the agency (Explore Data): the agency, its records (periods, status) and their values. */
const agencyValuesQuery = preparedPerExecutor((db) =>
  db
    .select({
      version: sql<string>`concat_ws('|', ${source}.xmin::text,
        md5(${rowVersions('report', 'id', sql`source_id = ${source.id}`)}),
        (select count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text
           from datapoint where source_id = ${source.id}))`,
    })
    .from(source)
    .where(eq(source.id, sql.placeholder('agencyId')))
    .prepare('jc_agency_values_version'),
);

/** Agency settings: the agency, its settings, jurisdictions and population, and the viewer's own membership (email choices). */
const agencySettingsQuery = preparedPerExecutor((db) =>
  db
    .select({
      version: sql<string>`concat_ws('|', ${source}.xmin::text,
        ${rowVersions('agency_setting', 'id', sql`source_id = ${source.id}`)},
        ${rowVersions('agency_jurisdictions', 'id', sql`source_id = ${source.id}`)},
        ${rowVersions('agency_population', 'id', sql`agency_id = ${source.id}`)},
        ${rowVersions('agency_user_account_association', 'user_account_id', sql`agency_id = ${source.id} and user_account_id = ${sql.placeholder('userId')}`)})`,
    })
    .from(source)
    .where(eq(source.id, sql.placeholder('agencyId')))
    .prepare('jc_agency_settings_version'),
);

/** The record's agency and the version; undefined when the record does not exist. */
export async function recordPageVersion(db: Executor, reportId: number) {
  const [row] = await recordPageQuery(db).execute({ reportId });
  return row;
}

export async function recordsListVersion(db: Executor, agencyId: number) {
  const [row] = await recordsListQuery(db).execute({ agencyId });
  return row?.version;
}

export async function metricSettingsVersion(db: Executor, agencyId: number) {
  const [row] = await metricSettingsQuery(db).execute({ agencyId });
  return row?.version;
}

export async function agencyValuesVersion(db: Executor, agencyId: number) {
  const [row] = await agencyValuesQuery(db).execute({ agencyId });
  return row?.version;
}

/** `userId` null (a bearer token of no person) has no membership row. */
export async function agencySettingsVersion(db: Executor, agencyId: number, userId: number | null) {
  const [row] = await agencySettingsQuery(db).execute({ agencyId, userId: userId ?? 0 });
  return row?.version;
}
