/** The `code` of every error body the API sends; `server_error` is the catch-all for failures of ours. */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'version_conflict'
  | 'csrf_invalid'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  /** The mail server refused a message the request depends on (an invitation). */
  | 'email_failed'
  | 'server_error';
