import { describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';
import { fieldErrors, INVALID_LINK, messageFor, messagesFor, SUPPORT_EMAIL } from './errors.ts';

const apiError = (code: string, description = '', extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
  new ApiError({ status: 400, code, description, ...extra });

describe('messageFor', () => {
  it('shows the server description as a sentence naming the field and the fix', () => {
    expect(messageFor(apiError('invalid_input', 'month: must be between 1 and 12 (got 13)'))).toBe(
      'The month must be between 1 and 12 (got 13).',
    );
    expect(messageFor(apiError('payload_too_large', 'file: the file has more than 500,000 data rows; split it.'))).toBe(
      'This file cannot be used: the file has more than 500,000 data rows; split it.',
    );
    expect(messageFor(apiError('payload_too_large', 'file: larger than 25 MB; split it into several uploads.'))).toBe(
      'This file cannot be used: larger than 25 MB; split it into several uploads.',
    );
    expect(messageFor(apiError('conflict', 'A record of that date range has already been created.'))).toBe(
      'A record of that date range has already been created.',
    );
  });

  it('has words of its own for every code when the server sends none', () => {
    const codes = [
      'invalid_input',
      'unauthenticated',
      'forbidden',
      'not_found',
      'conflict',
      'version_conflict',
      'csrf_invalid',
      'payload_too_large',
      'unsupported_media_type',
      'rate_limited',
      'server_error',
    ];
    const messages = codes.map((code) => messageFor(apiError(code)));
    for (const message of messages) expect(message).toMatch(/^[A-Z].{15,}\.$/);
    expect(new Set(messages).size).toBe(codes.length);
  });

  it('never shows technical text for server errors and CSRF failures, but keeps the reference', () => {
    const server = messageFor(
      apiError('server_error', 'TypeError: x is undefined', { status: 500, requestId: 'req-7' }),
    );
    expect(server).toContain(SUPPORT_EMAIL);
    expect(server).toContain('(Reference: req-7)');
    expect(server).not.toContain('TypeError');
    expect(messageFor(apiError('csrf_invalid', 'Missing X-CSRF-Token header'))).toBe(
      'Your session needs refreshing. Reload the page and try again.',
    );
  });

  it('passes on the description of a code it does not know, or falls back to the generic words', () => {
    expect(messageFor(apiError('user_reinvited_to_agency', 'That person was invited again.'))).toBe(
      'That person was invited again.',
    );
    expect(messageFor(apiError('brand_new_code'))).toContain('Something went wrong on our side');
  });

  it('explains a failed connection and hides the text of programming errors', () => {
    expect(messageFor(new TypeError('Failed to fetch'))).toBe(
      'Could not reach the server. Check your connection and try again.',
    );
    expect(messageFor(new Error('undefined is not a function'))).toContain('Something went wrong on our side');
  });
});

describe('messageFor never shows raw validation text', () => {
  it('says a link with a bad id or token is not valid', () => {
    const badId = apiError('invalid_input', 'params.reportId: Invalid input: expected number, received NaN', {
      details: [{ field: 'params.reportId', message: 'Invalid input: expected number, received NaN' }],
    });
    expect(messageFor(badId)).toBe(INVALID_LINK);
    const badToken = apiError('invalid_input', 'querystring.token: must not be empty', {
      details: [{ field: 'querystring.token', message: 'must not be empty' }],
    });
    expect(messageFor(badToken)).toBe(INVALID_LINK);
  });

  it("replaces the schema library's wording by the field's name", () => {
    const typed = apiError('invalid_input', 'body.value: Invalid input: expected number, received string', {
      details: [
        { field: 'body.metrics.0.value', message: 'Invalid input: expected number, received string' },
        { field: 'body.invite_email', message: 'must be an email address' },
      ],
    });
    expect(messageFor(typed)).toBe('The value is not valid. The invite email must be an email address.');
    expect(messageFor(typed)).not.toMatch(/body\.|received|Invalid input/);
  });
});

describe('fieldErrors', () => {
  it('keys the first problem of each field by its path inside the request', () => {
    const error = apiError('invalid_input', 'x', {
      details: [
        { field: 'body.email', message: 'must be an email address' },
        { field: 'body.email', message: 'is too long' },
        { field: 'name', message: 'is required' },
        { field: 'querystring.metrics.0.value', message: 'must not be negative' },
      ],
    });
    expect(fieldErrors(error)).toEqual({
      email: 'Must be an email address.',
      name: 'Is required.',
      'metrics.0.value': 'Must not be negative.',
    });
  });

  it('is empty for errors without field details', () => {
    expect(fieldErrors(apiError('forbidden', 'no'))).toEqual({});
    expect(fieldErrors(new Error('boom'))).toEqual({});
  });
});

describe('messagesFor', () => {
  it('gives each problem of a refused file its own sentence, and any other failure its one message', () => {
    const details = [
      { field: 'csv', message: 'line 3: year "twenty" must be a whole year such as 2024' },
      { field: 'csv', message: 'line 4: no agency has the id 99' },
    ];
    expect(messagesFor(apiError('invalid_input', 'csv: …', { details }))).toEqual([
      'In the file, line 3: year "twenty" must be a whole year such as 2024.',
      'In the file, line 4: no agency has the id 99.',
    ]);
    expect(messagesFor(apiError('forbidden', 'Only Justice Counts staff may do that.'))).toEqual([
      'Only Justice Counts staff may do that.',
    ]);
  });
});
