/** Signing people in for browser tests, through the auth engineers' own test builders. */
import type { BrowserContext } from 'playwright-core';
import { signIn, type UserRow } from '../../server/test/support/given.ts';
import type { TestServer } from './server.ts';

/** Puts `user`'s session cookie into the browser context, as if they had just signed in. */
export async function signInBrowser(context: BrowserContext, server: TestServer, user: UserRow): Promise<void> {
  const { cookie } = await signIn(server.app, server.database.db, user);
  const separator = cookie.indexOf('=');
  await context.addCookies([
    {
      name: cookie.slice(0, separator),
      value: cookie.slice(separator + 1),
      url: server.url,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
}
