/**
 * The set-up every browser spec shares: the real server on a fresh test database and one Chromium,
 * started before the spec's tests and closed after them with every page the spec opened.
 *
 *   const suite = browserSuite();
 *   it('…', async () => {
 *     const { page } = await suite.open(user, viewports.mobile);
 *     const { page, agency, user } = await suite.openAsMember({ agency: { name: 'Jail' }, role: 'CONTRIBUTOR' });
 *     const { page, user } = await suite.openAsMemberOf(superagency, { role: 'READ_ONLY' });
 *   });
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AgencyRole } from '../../server/src/domain/actor.ts';
import {
  givenAgency,
  givenUser,
  type AgencyFields,
  type AgencyRow,
  type UserRow,
} from '../../server/test/support/given.ts';
import { launchBrowser, openPage, viewports, type OpenedPage } from './browser.ts';
import { startTestServer, type TestServer } from './server.ts';
import { signInBrowser } from './session.ts';

export interface BrowserSuite {
  /** The running app; set once the suite's beforeAll has run. */
  readonly server: TestServer;
  readonly browser: Browser;
  /** A new isolated browser context on the app, signed in as `user` when one is given. */
  open(user?: UserRow, viewport?: Viewport): Promise<OpenedPage>;
  /**
   * The preamble of most specs: a new agency (`agency`: givenAgency's fields) with one member in
   * `role` (agency admin unless told), and a page signed in as that member.
   */
  openAsMember(options?: MemberOptions): Promise<MemberPage>;
  /** The same for a new member of an agency the spec already made. */
  openAsMemberOf(agency: AgencyRow, options?: Omit<MemberOptions, 'agency'>): Promise<MemberPage>;
}

type Viewport = { width: number; height: number };

export interface MemberOptions {
  agency?: AgencyFields;
  role?: AgencyRole;
  /** The member's name, where the spec reads it on screen. */
  name?: string;
  viewport?: Viewport;
}

export interface MemberPage extends OpenedPage {
  agency: AgencyRow;
  user: UserRow;
}

export function browserSuite(): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const opened: OpenedPage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });

  // The server's Content-Security-Policy must never block part of the app; Chromium reports each
  // refusal as a console error, so any of them fails the test that caused it.
  afterEach(() => {
    const refused = opened.flatMap((o) => o.errors.filter((error) => error.includes('Content Security Policy')));
    for (const o of opened) o.errors.splice(0, o.errors.length, ...o.errors.filter((e) => !refused.includes(e)));
    if (refused.length > 0) {
      throw new Error(`The Content-Security-Policy blocked part of the page:\n${refused.join('\n')}`);
    }
  });

  // Closing the browser closes its contexts; closing them one by one first failed the whole file
  // when Chromium had already gone at the end of a passing run.
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('browserSuite: used before its beforeAll ran');
    return value;
  };

  const open = async (user?: UserRow, viewport: Viewport = viewports.desktop): Promise<OpenedPage> => {
    const result = await openPage(started(browser), started(server).url, viewport);
    opened.push(result);
    if (user) await signInBrowser(result.context, started(server), user);
    return result;
  };

  const openAsMemberOf = async (
    agency: AgencyRow,
    { role = 'AGENCY_ADMIN', name, viewport }: Omit<MemberOptions, 'agency'> = {},
  ): Promise<MemberPage> => {
    const user = await givenUser(started(server).database.db, { agency, role, name });
    return { ...(await open(user, viewport)), agency, user };
  };

  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    open,
    async openAsMember({ agency: fields, ...member } = {}) {
      return openAsMemberOf(await givenAgency(started(server).database.db, fields), member);
    },
    openAsMemberOf,
  };
}
