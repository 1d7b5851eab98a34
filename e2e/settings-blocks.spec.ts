/**
 * The Settings blocks for what the server stores about an agency, in Chromium: the court and
 * supervision definitions, the Stepping Up questions and the data-source questions. An agency
 * admin fills each in and finds it kept after a reload, stored as the reference stores it.
 */
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { agencyJurisdictions, agencySetting } from '../server/src/db/schema.ts';
import { screenshot, setChecked } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const suite = browserSuite();

const toast = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).last().waitFor();
/** A dialog opens with the cursor in its first field, not on a button. */
const startsInAField = (dialog: Locator) =>
  expect
    .poll(() =>
      dialog.evaluate((element) => {
        const active = document.activeElement;
        return element.contains(active) && ['INPUT', 'SELECT', 'TEXTAREA'].includes(active?.tagName ?? '');
      }),
    )
    .toBe(true);

async function stored(agencyId: number, type: string) {
  const rows = await suite.server.database.db.select().from(agencySetting).where(eq(agencySetting.sourceId, agencyId));
  return rows.find((row) => row.settingType === type)?.value;
}

describe('settings blocks', () => {
  it('keeps a combined court and supervision definition with the agency’s own words', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: {
        name: 'Riverside Courts and Parole',
        systems: ['COURTS_AND_PRETRIAL', 'SUPERVISION', 'PAROLE'],
      },
    });
    await page.goto(`/agency/${agency.id}/settings`);
    const block = page.getByRole('region', { name: 'Combined Agency Definition' });
    await block.getByText('Not filled in yet.').waitFor();

    await block.getByRole('button', { name: 'Edit combined agency definition' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit combined agency definition' });
    await startsInAField(dialog);
    await setChecked(dialog.getByRole('checkbox', { name: 'Civil cases' }), true);
    await dialog
      .getByRole('group', { name: 'Parole' })
      .getByRole('textbox')
      .fill('People released from federal prisons.');
    await screenshot(page, 'settings-block-definition');
    // Closing with changes asks first.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Keep editing' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Combined Agency Definition saved.');

    await page.reload();
    await block.getByText('1 differ from the Justice Counts definition').waitFor();
    await block.getByText('Also: People released from federal prisons.').waitFor();
    const value = (await stored(agency.id, 'SECTOR_INCLUDES_EXCLUDES')) as { sector: string; settings: object[] }[];
    expect(value.map((s) => s.sector)).toEqual(['COURTS_AND_PRETRIAL', 'PAROLE']);
    expect(value[0]!.settings).toContainEqual({ key: 'CIVIL', included: 'Yes' });
    expect(value[1]!.settings).toContainEqual({
      key: 'ADDITIONAL_CONTEXT',
      value: 'People released from federal prisons.',
    });
    await screenshot(page, 'settings-block-definition-saved');
    expect(errors).toEqual([]);
  });

  it('asks a jail the Stepping Up and data-source questions and keeps the answers', async () => {
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Lakeside County Jail', systems: ['JAILS'] },
    });
    await page.goto(`/agency/${agency.id}/settings`);

    const steppingUp = page.getByRole('region', { name: 'Stepping Up Contextual Information' });
    await steppingUp.getByRole('button', { name: 'Edit stepping up information' }).click();
    const questions = page.getByRole('dialog', { name: 'Edit Stepping Up information' });
    await setChecked(questions.getByRole('radio', { name: 'Yes' }), true);
    await setChecked(
      questions
        .getByRole('group', { name: 'Mental health needs: when are people screened?' })
        .getByRole('checkbox', { name: 'At intake' }),
      true,
    );
    await setChecked(questions.getByRole('checkbox', { name: 'Brief Jail Mental Health Screen (BJMHS)' }), true);
    await setChecked(questions.getByRole('checkbox', { name: 'Other', exact: true }), true);
    await questions.getByRole('textbox', { name: 'Which other tools?' }).fill('Our own intake form');
    await screenshot(page, 'settings-block-stepping-up');
    await questions.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Stepping Up information saved.');
    await steppingUp.getByText('Brief Jail Mental Health Screen (BJMHS), Other: Our own intake form').waitFor();

    const sources = page.getByRole('region', { name: 'Biological Sex and Race/Ethnicity Data Source' });
    await sources.getByRole('button', { name: 'Edit data sources' }).click();
    const form = page.getByRole('dialog', { name: 'Edit data sources' });
    const race = form.getByRole('region', { name: 'Race and ethnicity' });
    await setChecked(race.getByRole('radio', { name: 'Another agency or system' }), true);
    await setChecked(
      race.getByRole('group', { name: /does your agency change it/ }).getByRole('radio', { name: 'No', exact: true }),
      true,
    );
    await setChecked(race.getByRole('radio', { name: 'People identify themselves' }), true);
    const sex = form.getByRole('region', { name: 'Biological sex' });
    await setChecked(sex.getByRole('radio', { name: 'Other', exact: true }).first(), true);
    await sex.getByRole('textbox', { name: 'Describe it' }).fill('Court records');
    await screenshot(page, 'settings-block-data-sources');
    await form.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Data sources saved.');

    await page.reload();
    await sources.getByText('Another agency or system; changed on receipt: No; People identify themselves').waitFor();
    await sources.getByText('Other: Court records').waitFor();
    expect(await stored(agency.id, 'BIOLOGICAL_SEX_RACE_ETHNICITY_DATA_SOURCE')).toMatchObject({
      biological_sex: { source: { value: 'OTHER', other_description: 'Court records' } },
      race_ethnicity: {
        source: { value: 'ANOTHER_AGENCY', other_description: null },
        modification: { value: 'NO', other_description: null },
        collection_method: { value: 'SELF_IDENTIFIED', other_description: null },
      },
    });
    expect(await stored(agency.id, 'STEPPING_UP')).toMatchObject({
      identifies_behavioral_needs: 'YES',
      screening_timing: { mental_health: { intake: true } },
      tools: { BJMHS: true, OTHER: true },
      other_description: 'Our own intake form',
    });
    await screenshot(page, 'settings-blocks-saved');
    expect(errors).toEqual([]);
  });

  it('picks jurisdictions by name, removes one, and keeps them as GEOIDs', async () => {
    const db = suite.server.database.db;
    const { page, errors, agency } = await suite.openAsMember({
      agency: { name: 'Peachtree Sheriff', systems: ['LAW_ENFORCEMENT'] },
    });
    await page.goto(`/agency/${agency.id}/settings`);
    const block = page.getByRole('region', { name: 'Jurisdictions' });
    await block.getByText('No jurisdictions added.').waitFor();

    await block.getByRole('button', { name: 'Edit jurisdictions' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit jurisdictions' });
    await startsInAField(dialog);
    const search = dialog.getByRole('textbox', { name: 'Search states and counties' });
    await search.fill('georgia');
    await dialog.getByRole('button', { name: 'Add Georgia', exact: true }).click();
    await setChecked(dialog.getByRole('radio', { name: 'Exclude' }), true);
    await search.fill('fulton ge');
    await dialog.getByRole('button', { name: 'Add Fulton, Georgia' }).click();
    await search.fill('cobb');
    await dialog.getByRole('button', { name: 'Add Cobb, Georgia' }).click();
    await setChecked(dialog.getByRole('checkbox', { name: 'Cobb, Georgia (Excluded)' }), true);
    await dialog.getByRole('button', { name: 'Remove ticked places' }).click();
    await search.fill('zzzz');
    await dialog.getByText('No matches.').waitFor();
    await search.fill('washington');
    const matches = dialog.getByRole('list', { name: 'Matching places' }).getByRole('listitem');
    await dialog.getByRole('button', { name: 'See more' }).click();
    expect(await matches.count()).toBe(20);
    await screenshot(page, 'settings-block-jurisdictions');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await toast(page, 'Agency jurisdictions saved.');

    await page.reload();
    await block.getByText('Fulton, Georgia').waitFor();
    expect(await block.getByText('Cobb, Georgia').count()).toBe(0);
    await screenshot(page, 'settings-block-jurisdictions-saved');
    const stored = await db.select().from(agencyJurisdictions).where(eq(agencyJurisdictions.sourceId, agency.id));
    expect(stored.map((row) => [row.membership, row.geoid]).sort()).toEqual([
      ['EXCLUDE', '0500000US13121'],
      ['INCLUDE', '0400000US13'],
    ]);
    expect(errors).toEqual([]);
  });
});
