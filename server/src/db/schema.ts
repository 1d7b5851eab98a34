/**
 * The Publisher's tables. Names and columns follow the reference Justice Counts schema so that
 * existing queries keep working; deviations (real uniqueness, cascades, timestamptz, auth tables)
 * are listed in docs/decisions.md.
 */
import { sql } from 'drizzle-orm';
import { SYSTEMS } from '@jc/catalogue';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  json,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The catalogue's systems, then five older ones of the reference's enum that the catalogue has no metrics for. */
export const systemEnum = pgEnum('system', [
  ...SYSTEMS,
  'CORRECTIONS',
  'COURT_PROCESSES',
  'COMMUNITY_SUPERVISION_AND_REENTRY',
  'POST_RELEASE',
  'DUAL_SUPERVISION',
]);
export const reportStatusEnum = pgEnum('reportstatus', ['NOT_STARTED', 'DRAFT', 'PUBLISHED']);
export const userRoleEnum = pgEnum('useraccountrole', [
  'AGENCY_ADMIN',
  'JUSTICE_COUNTS_ADMIN',
  'CONTRIBUTOR',
  'READ_ONLY',
]);
export const invitationStatusEnum = pgEnum('useraccountinvitationstatus', [
  'NOT_SENT',
  'PENDING',
  'ACCEPTED',
  'ERRORED',
]);
export const acquisitionMethodEnum = pgEnum('acquisitionmethod', [
  'SCRAPED',
  'UPLOADED',
  'MANUALLY_ENTERED',
  'CONTROL_PANEL',
]);
export const projectEnum = pgEnum('project', ['JUSTICE_COUNTS_DATA_SCAN', 'JUSTICE_COUNTS_CONTROL_PANEL']);
export const spreadsheetStatusEnum = pgEnum('spreadsheetstatus', ['UPLOADED', 'INGESTED', 'ERRORED']);
export const valueTypeEnum = pgEnum('valuetype', ['TEXT', 'NUMBER', 'MULTIPLE_CHOICE']);

/** Agencies, vendors and legacy sources share one table, told apart by `type`. */
export const source = pgTable('source', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 255 }).notNull(),
  type: varchar('type', { length: 255 }),
  isSuperagency: boolean('is_superagency'),
  superAgencyId: integer('super_agency_id').references((): AnyPgColumn => source.id, {
    onDelete: 'set null',
  }),
  isDashboardEnabled: boolean('is_dashboard_enabled'),
  systems: varchar('systems', { length: 255 }).array(),
  stateCode: varchar('state_code', { length: 255 }),
  fipsCountyCode: varchar('fips_county_code', { length: 255 }),
  createdAt: tstz('created_at').defaultNow(),
  customChildAgencyName: varchar('custom_child_agency_name', { length: 255 }),
  isSteppingUpAgency: boolean('is_stepping_up_agency'),
});

export const userAccount = pgTable(
  'user_account',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 255 }),
    email: varchar('email', { length: 255 }),
    auth0UserId: varchar('auth0_user_id', { length: 255 }).unique('unique_auth0_user_id'),
    guidanceProgress: jsonb('guidance_progress'),
    passwordHash: text('password_hash'),
    emailVerifiedAt: tstz('email_verified_at'),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('unique_user_email').on(sql`lower(${t.email})`)],
);

export const agencyUserAccountAssociation = pgTable(
  'agency_user_account_association',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => source.id, { onDelete: 'cascade' }),
    userAccountId: integer('user_account_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    invitationStatus: invitationStatusEnum('invitation_status'),
    role: userRoleEnum('role'),
    lastVisit: tstz('last_visit'),
    guidanceProgress: jsonb('guidance_progress'),
    subscribed: boolean('subscribed').default(false),
    daysAfterTimePeriodToSendEmail: integer('days_after_time_period_to_send_email'),
  },
  (t) => [
    primaryKey({ name: 'agency_user_account_association_pkey', columns: [t.agencyId, t.userAccountId] }),
    index('ix_association_user').on(t.userAccountId),
  ],
);

export const report = pgTable(
  'report',
  {
    id: serial('id').primaryKey(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => source.id, { onDelete: 'cascade' }),
    type: varchar('type', { length: 255 }).notNull(),
    instance: varchar('instance', { length: 255 }).notNull(),
    createdAt: date('created_at', { mode: 'string' }),
    publishDate: date('publish_date', { mode: 'string' }),
    url: varchar('url', { length: 255 }),
    acquisitionMethod: acquisitionMethodEnum('acquisition_method').notNull().default('CONTROL_PANEL'),
    acquiredBy: varchar('acquired_by', { length: 255 }),
    project: projectEnum('project').notNull().default('JUSTICE_COUNTS_CONTROL_PANEL'),
    status: reportStatusEnum('status').notNull().default('NOT_STARTED'),
    dateRangeStart: date('date_range_start', { mode: 'string' }).notNull(),
    dateRangeEnd: date('date_range_end', { mode: 'string' }).notNull(),
    lastModifiedAt: tstz('last_modified_at'),
    modifiedBy: integer('modified_by').array(),
    isRecurring: boolean('is_recurring').default(false),
    recurringReportId: integer('recurring_report_id').references((): AnyPgColumn => report.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [
    unique('unique_report').on(t.sourceId, t.type, t.instance, t.dateRangeStart, t.dateRangeEnd),
    index('ix_report_source_start').on(t.sourceId, t.dateRangeStart),
  ],
);

export const datapoint = pgTable(
  'datapoint',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => report.id, { onDelete: 'cascade' }),
    // No foreign key of its own: it is always the record's agency (every writer copies
    // report.source_id), and the record's key already removes the value with its agency. Each
    // foreign key is a check per new row, most of an upload's INSERT (docs/decisions.md).
    sourceId: integer('source_id').notNull(),
    isReportDatapoint: boolean('is_report_datapoint').default(true),
    metricDefinitionKey: varchar('metric_definition_key').notNull(),
    contextKey: varchar('context_key'),
    createdAt: tstz('created_at').defaultNow(),
    lastUpdated: tstz('last_updated').defaultNow(),
    includesExcludesKey: varchar('includes_excludes_key'),
    valueType: valueTypeEnum('value_type'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    dimensionIdentifierToMember: jsonb('dimension_identifier_to_member').$type<Record<string, string>>(),
    subDimensionName: varchar('sub_dimension_name'),
    value: varchar('value'),
    enabled: boolean('enabled'),
    uploadMethod: varchar('upload_method'),
    // Who first entered the value and how (not in the reference, which keeps no history row for a
    // first entry): null on rows written before these columns existed, and `createdBy` also for
    // the system (automatic uploads). History shows the first entry from these and `createdAt`.
    // Provenance without a foreign key, for an upload's speed (docs/decisions.md): deleteUser
    // clears it, as `on delete set null` did.
    createdBy: integer('created_by'),
    createdUploadMethod: varchar('created_upload_method'),
  },
  (t) => [
    // One row per report, metric, breakdown member and sub-label: enforced by the database.
    unique('unique_report_datapoint')
      .on(t.reportId, t.metricDefinitionKey, t.dimensionIdentifierToMember, t.subDimensionName, t.contextKey)
      .nullsNotDistinct(),
    index('ix_datapoint_source_id').on(t.sourceId),
  ],
);

export const datapointHistory = pgTable(
  'datapoint_history',
  {
    id: serial('id').primaryKey(),
    datapointId: integer('datapoint_id')
      .notNull()
      .references(() => datapoint.id, { onDelete: 'cascade' }),
    userAccountId: integer('user_account_id').references(() => userAccount.id, { onDelete: 'set null' }),
    timestamp: tstz('timestamp').notNull().defaultNow(),
    oldValue: varchar('old_value'),
    newValue: varchar('new_value'),
    oldUploadMethod: varchar('old_upload_method'),
    newUploadMethod: varchar('new_upload_method'),
    oldEnabled: boolean('old_enabled'),
    newEnabled: boolean('new_enabled'),
  },
  (t) => [index('ix_datapoint_history_datapoint').on(t.datapointId)],
);

export const metricSetting = pgTable(
  'metric_setting',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => source.id, { onDelete: 'cascade' }),
    metricDefinitionKey: varchar('metric_definition_key').notNull(),
    metricInterface: jsonb('metric_interface').notNull(),
    lastUpdated: tstz('last_updated').defaultNow(),
    createdAt: tstz('created_at').defaultNow(),
  },
  (t) => [unique('unique_metric_setting').on(t.agencyId, t.metricDefinitionKey)],
);

export const metricSettingHistory = pgTable(
  'metric_setting_history',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => source.id, { onDelete: 'cascade' }),
    metricDefinitionKey: varchar('metric_definition_key', { length: 255 }).notNull(),
    updates: jsonb('updates'),
    userAccountId: integer('user_account_id'),
    timestamp: tstz('timestamp').defaultNow(),
  },
  (t) => [index('ix_metric_setting_history_agency').on(t.agencyId, t.metricDefinitionKey)],
);

export const agencySetting = pgTable(
  'agency_setting',
  {
    id: serial('id').primaryKey(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => source.id, { onDelete: 'cascade' }),
    settingType: varchar('setting_type').notNull(),
    value: jsonb('value'),
  },
  (t) => [unique('unique_agency_setting').on(t.sourceId, t.settingType)],
);

export const agencyJurisdictions = pgTable(
  'agency_jurisdictions',
  {
    id: serial('id').primaryKey(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => source.id, { onDelete: 'cascade' }),
    membership: varchar('membership').notNull(),
    jurisdictionId: varchar('jurisdiction_id'),
    geoid: varchar('geoid'),
  },
  (t) => [index('ix_agency_jurisdictions_source').on(t.sourceId)],
);

export const jurisdictionPopulation = pgTable(
  'jurisdiction_population',
  {
    id: serial('id').primaryKey(),
    geoid: varchar('geoid').notNull(),
    year: integer('year').notNull(),
    raceEthnicity: varchar('race_ethnicity'),
    sex: varchar('sex'),
    population: integer('population').notNull(),
  },
  (t) => [index('ix_jurisdiction_population_geoid').on(t.geoid)],
);

/**
 * The people living in an agency's jurisdiction by year, as the agency (Settings) or Justice
 * Counts staff (a CSV in the admin panel) give it: the base of rates per 100,000 residents.
 */
export const agencyPopulation = pgTable(
  'agency_population',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => source.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    population: integer('population').notNull(),
  },
  (t) => [unique('unique_agency_population_year').on(t.agencyId, t.year)],
);

export const spreadsheet = pgTable(
  'spreadsheet',
  {
    id: serial('id').primaryKey(),
    originalName: varchar('original_name').notNull(),
    standardizedName: varchar('standardized_name').notNull(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => source.id, { onDelete: 'cascade' }),
    system: systemEnum('system').notNull(),
    status: spreadsheetStatusEnum('status').notNull(),
    uploadedAt: tstz('uploaded_at').notNull().defaultNow(),
    uploadedBy: varchar('uploaded_by'),
    ingestedBy: varchar('ingested_by'),
    ingestedAt: tstz('ingested_at'),
    uploadNote: varchar('upload_note'),
    numNewDatapoints: integer('num_new_datapoints'),
    uploadedByUserId: integer('uploaded_by_user_id').references(() => userAccount.id, {
      onDelete: 'set null',
    }),
    /**
     * What the upload reported, read back whole and never queried inside: json (text checked as
     * JSON on the way in) rather than jsonb, whose parse of a 200,000-value result took most of a second.
     */
    ingestResult: json('ingest_result'),
  },
  (t) => [index('ix_spreadsheet_agency').on(t.agencyId)],
);

/** The uploaded file itself, apart from its metadata so listings never read the bytes. */
export const spreadsheetFile = pgTable('spreadsheet_file', {
  spreadsheetId: integer('spreadsheet_id')
    .primaryKey()
    .references(() => spreadsheet.id, { onDelete: 'cascade' }),
  contentType: varchar('content_type', { length: 255 }).notNull(),
  content: bytea('content').notNull(),
});

/** Signed-in sessions, shared by every server instance. The id is a hash of the cookie token. */
export const session = pgTable(
  'session',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    userAccountId: integer('user_account_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    csrfSecret: varchar('csrf_secret', { length: 64 }).notNull(),
    currentAgencyId: integer('current_agency_id'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [index('ix_session_user').on(t.userAccountId)],
);

/** Single-use links sent by email: invitations, password resets, email verification. */
export const authToken = pgTable(
  'auth_token',
  {
    id: serial('id').primaryKey(),
    kind: varchar('kind', { length: 32 }).notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique('unique_auth_token_hash'),
    userAccountId: integer('user_account_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id').references(() => source.id, { onDelete: 'cascade' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    /** EMAIL_VERIFICATION only: the address that replaces the user's email once confirmed. */
    newEmail: varchar('new_email', { length: 255 }),
  },
  (t) => [index('ix_auth_token_user').on(t.userAccountId)],
);

/** Personal API tokens for scripts: hashed at rest, scoped to one agency, revocable. */
export const apiToken = pgTable('api_token', {
  id: serial('id').primaryKey(),
  userAccountId: integer('user_account_id')
    .notNull()
    .references(() => userAccount.id, { onDelete: 'cascade' }),
  agencyId: integer('agency_id')
    .notNull()
    .references(() => source.id, { onDelete: 'cascade' }),
  name: varchar('name', { length: 255 }).notNull(),
  tokenHash: varchar('token_hash', { length: 64 }).notNull().unique('unique_api_token_hash'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  lastUsedAt: tstz('last_used_at'),
  revokedAt: tstz('revoked_at'),
});

/** Email that could not or need not be sent by SMTP; also a record of every message. */
export const emailOutbox = pgTable('email_outbox', {
  id: serial('id').primaryKey(),
  toAddress: varchar('to_address', { length: 255 }).notNull(),
  subject: varchar('subject', { length: 255 }).notNull(),
  textBody: text('text_body').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  sentAt: tstz('sent_at'),
});

/** Secrets generated in development mode, persisted so restarts keep sessions valid. */
export const appSecret = pgTable('app_secret', {
  name: varchar('name', { length: 64 }).primaryKey(),
  value: text('value').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

/** Marks a scheduled job's period as done, so several instances never run it twice. */
export const jobRun = pgTable(
  'job_run',
  {
    id: serial('id').primaryKey(),
    jobName: varchar('job_name', { length: 64 }).notNull(),
    periodKey: varchar('period_key', { length: 64 }).notNull(),
    startedAt: tstz('started_at').notNull().defaultNow(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [unique('unique_job_run').on(t.jobName, t.periodKey)],
);

/**
 * Numbered, immutable releases of an agency's public figures: one each time what the public sees
 * changes (publish, unpublish, an edit or upload into a published record, a deletion, a settings
 * change). `content` is the canonical list of public values; `chain_hash` covers the content and
 * the previous release's chain hash, so any later change to a release breaks the chain.
 */
export const publicRelease = pgTable(
  'public_release',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => source.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    createdAt: tstz('created_at').notNull(),
    createdByUserId: integer('created_by_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
    content: jsonb('content').notNull(),
    /** The data notes published with the values (release-rules.ts NoteRow); null before notes were released. */
    notes: jsonb('notes'),
    diff: jsonb('diff').notNull(),
    contentHash: varchar('content_hash', { length: 64 }).notNull(),
    previousHash: varchar('previous_hash', { length: 64 }),
    chainHash: varchar('chain_hash', { length: 64 }).notNull(),
  },
  (t) => [unique('unique_public_release_number').on(t.agencyId, t.number)],
);

/**
 * What the public may see of an agency right now, rewritten in every transaction that can change
 * it (with the public release, domain/releases/record-public-release.ts), so public pages read one
 * row instead of scanning values. `values`: one tuple per public value (public-snapshot.ts).
 */
export const publicSnapshot = pgTable('public_snapshot', {
  agencyId: integer('agency_id')
    .primaryKey()
    .references(() => source.id, { onDelete: 'cascade' }),
  refreshedAt: tstz('refreshed_at').notNull(),
  values: jsonb('values').notNull(),
  /** The data notes of published values: `[reportId, metricKey, text]` tuples; null before notes existed. */
  notes: jsonb('notes'),
});

/**
 * An agency's explanation of a value flagged before publishing (domain/reports/publish-check-rules.ts),
 * published with the figure as a data note while its record is published. One per record and flag;
 * `sentence` is the flag as the explanation answered it, so a changed value asks again.
 */
export const dataNote = pgTable(
  'data_note',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => report.id, { onDelete: 'cascade' }),
    flagKey: varchar('flag_key', { length: 600 }).notNull(),
    metricKey: varchar('metric_key', { length: 255 }).notNull(),
    sentence: text('sentence').notNull(),
    explanation: text('explanation').notNull(),
    createdByUserId: integer('created_by_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [unique('unique_data_note').on(t.reportId, t.flagKey)],
);

/**
 * An agency whose public figures must be recomputed because a published record's values were
 * saved: the save writes this row instead of the release, so saves stay cheap and a burst of them
 * becomes one release (domain/public-data/refresh-public-figures.ts takes and deletes the rows).
 */
export const publicRefresh = pgTable('public_refresh', {
  agencyId: integer('agency_id')
    .primaryKey()
    .references(() => source.id, { onDelete: 'cascade' }),
  requestedAt: tstz('requested_at').notNull(),
  requestedByUserId: integer('requested_by_user_id').references(() => userAccount.id, { onDelete: 'set null' }),
});

/**
 * Security-relevant events (sign-ins, credential and role changes, admin actions, exports): who,
 * when, from which address and what. No foreign keys, so the trail outlives the users and
 * agencies it names; the daily job deletes events older than the retention period.
 */
export const securityEvent = pgTable(
  'security_event',
  {
    id: serial('id').primaryKey(),
    occurredAt: tstz('occurred_at').notNull().defaultNow(),
    kind: varchar('kind', { length: 64 }).notNull(),
    outcome: varchar('outcome', { length: 16 }).notNull().default('success'),
    /** The person acting (null: the system, or nobody signed in yet). */
    userId: integer('user_id'),
    /** Their email at the time, or the email a failed sign-in tried. */
    userEmail: varchar('user_email', { length: 255 }),
    /** The person the event is about, when not the one acting (a role change, a removal). */
    subjectUserId: integer('subject_user_id'),
    agencyId: integer('agency_id'),
    clientIp: varchar('client_ip', { length: 64 }),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('ix_security_event_time').on(t.occurredAt),
    index('ix_security_event_agency').on(t.agencyId, t.occurredAt),
    index('ix_security_event_user').on(t.userId, t.occurredAt),
    index('ix_security_event_subject').on(t.subjectUserId),
  ],
);

/**
 * Request counters shared by every server instance (rate limits, sign-in throttle): one row per
 * key, counting hits since `window_start`; a hit after the window has passed starts a new one.
 */
export const rateCounter = pgTable('rate_counter', {
  key: varchar('key', { length: 320 }).primaryKey(),
  windowStart: tstz('window_start').notNull(),
  hits: integer('hits').notNull(),
});

/**
 * Two-factor sign-in with a time-based code (RFC 6238), one row per user who started enrolling.
 * `confirmed_at` is set once a code from the new secret was entered; until then the secret is
 * only a pending enrolment. `last_used_step` is the 30-second step of the last code accepted,
 * so a code is never accepted twice.
 */
export const twoFactor = pgTable('two_factor', {
  userAccountId: integer('user_account_id')
    .primaryKey()
    .references(() => userAccount.id, { onDelete: 'cascade' }),
  secret: varchar('secret', { length: 64 }).notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  confirmedAt: tstz('confirmed_at'),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
});

/** One-time recovery codes for two-factor sign-in, kept as hashes only. */
export const twoFactorRecoveryCode = pgTable(
  'two_factor_recovery_code',
  {
    id: serial('id').primaryKey(),
    userAccountId: integer('user_account_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    usedAt: tstz('used_at'),
  },
  (t) => [index('ix_two_factor_recovery_code_user').on(t.userAccountId)],
);

export const uploadJobStateEnum = pgEnum('upload_job_state', ['READING', 'WRITING', 'DONE', 'FAILED']);

/**
 * An upload taken with `Prefer: respond-async`: its progress, kept here so that any instance can
 * answer for it and it outlives the process that took it. The instance working on it touches
 * `heartbeat_at`; a job whose heartbeat stopped is failed by whoever looks at it next (its write
 * transaction died with its process, so nothing of it was saved). `spreadsheet_id` is set in the
 * same transaction as the upload's values.
 */
export const uploadJob = pgTable(
  'upload_job',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => source.id, { onDelete: 'cascade' }),
    userAccountId: integer('user_account_id').references(() => userAccount.id, { onDelete: 'set null' }),
    system: systemEnum('system').notNull(),
    fileName: varchar('file_name').notNull(),
    state: uploadJobStateEnum('state').notNull(),
    /** Percent done, 0–100: reading is the first half, writing the second. */
    percent: integer('percent').notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    /** Values to write; known once the file has been read. */
    rowsToWrite: integer('rows_to_write'),
    rowsWritten: integer('rows_written').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    warnings: integer('warnings').notNull().default(0),
    /** Why a FAILED job failed: the error code and the words for the person who uploaded. */
    failureCode: varchar('failure_code', { length: 64 }),
    failure: text('failure'),
    spreadsheetId: integer('spreadsheet_id').references(() => spreadsheet.id, { onDelete: 'set null' }),
    instanceId: varchar('instance_id', { length: 64 }).notNull(),
    createdAt: tstz('created_at').notNull(),
    heartbeatAt: tstz('heartbeat_at').notNull(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [index('ix_upload_job_agency').on(t.agencyId)],
);
