/** The `code` of every error body the API sends; `server_error` is the catch-all for failures of ours. */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'version_conflict'
  /** A write to a record without the version it was read at (428). */
  | 'version_required'
  | 'csrf_invalid'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  /** The mail server refused a message the request depends on (an invitation). */
  | 'email_failed'
  /** The operator has put the Publisher into maintenance (MAINTENANCE_MESSAGE); the description is their message. */
  | 'maintenance'
  | 'server_error';
