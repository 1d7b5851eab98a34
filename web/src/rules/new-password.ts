/**
 * The password rule as people see it before sending (the server checks the same rule and has the
 * last word): 10 characters or more, not one repeated character, not the email; typed twice.
 */
import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS } from '../api/accounts.ts';

export interface NewPasswordProblems {
  password?: string;
  confirmation?: string;
}

export function newPasswordProblems(password: string, confirmation: string, email: string): NewPasswordProblems {
  const problems: NewPasswordProblems = {};
  if (password.length < MIN_PASSWORD_CHARS) problems.password = `Use at least ${MIN_PASSWORD_CHARS} characters.`;
  else if (password.length > MAX_PASSWORD_CHARS) problems.password = `Use at most ${MAX_PASSWORD_CHARS} characters.`;
  else if (new Set(password).size === 1) problems.password = 'Do not repeat a single character.';
  else if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    problems.password = 'Do not use your email address as your password.';
  }
  if (!problems.password && confirmation !== password) problems.confirmation = 'The two passwords are not the same.';
  return problems;
}

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_CHARS} characters. A few unrelated words make a strong, memorable password.`;
