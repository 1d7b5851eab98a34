/**
 * Signing in lands on the agency the person used last, in Chromium: a member of a police
 * department (first by name) and a jail who last switched to the jail is taken there after signing
 * in again; once they switch back, the next sign-in opens the police department.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { givenAgency, givenMembership, givenUser } from '../server/test/support/given.ts';
import { givenPassword } from '../server/test/support/given-auth.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();
const PASSWORD = 'correct horse battery';

const welcome = (page: Page) => page.getByRole('heading', { level: 1, name: 'Welcome, Ada' }).waitFor();

/** Opens the agency switcher and picks an agency, waiting until the server has noted the visit. */
async function switchTo(page: Page, name: string) {
  // The test server's clock stands still unless moved: the visit must come after the last one.
  suite.server.clock.advance(60_000);
  const visit = page.waitForResponse((r) => r.url().endsWith('/page_visit') && r.request().method() === 'PUT');
  await page.getByRole('button', { name: /Switch agency/ }).click();
  await page.getByRole('link', { name }).click();
  expect((await visit).status()).toBe(200);
  await welcome(page);
}

/** Signs in through the form, starting from the app's front door. */
async function signInThroughForm(email: string): Promise<Page> {
  const { page } = await suite.open();
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await welcome(page);
  return page;
}

describe('signing in', () => {
  it('lands on the agency the person used last', async () => {
    const db = suite.server.database.db;
    const police = await givenAgency(db, { name: 'Albany Police Department' });
    const jail = await givenAgency(db, { name: 'Bergen County Jail', systems: ['JAILS'] });
    const user = await givenUser(db, { agency: police, role: 'AGENCY_ADMIN', name: 'Ada Lovelace' });
    await givenMembership(db, user, jail, 'CONTRIBUTOR');
    await givenPassword(suite.server.database.db, user, PASSWORD);

    const { page, errors } = await suite.open(user);
    await page.goto(`/agency/${police.id}`);
    await welcome(page);
    await switchTo(page, 'Bergen County Jail');

    const again = await signInThroughForm(user.email!);
    expect(new URL(again.url()).pathname).toBe(`/agency/${jail.id}`);
    await switchTo(again, 'Albany Police Department');

    const third = await signInThroughForm(user.email!);
    expect(new URL(third.url()).pathname).toBe(`/agency/${police.id}`);
    expect(errors).toEqual([]);
  });
});
