/** Links the app emailed, read from the test server's recording mailer. */
import type { TestServer } from './server.ts';

/** The last link to `page` (e.g. accept-invite, reset-password) emailed to `to`. */
export function emailedLink(server: TestServer, to: string, page: string): string {
  const message = [...server.mailer.sent].reverse().find((m) => m.to === to);
  const link = message?.text.match(new RegExp(`https?://\\S+/${page}\\?token=\\S+`))?.[0];
  if (!link) throw new Error(`no /${page} link was emailed to ${to}`);
  return link;
}
