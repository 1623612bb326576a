import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  describeBrowser,
  JOURNEY_TIMEOUT,
  MEDIATOR,
  signIn,
  useBrowserSuite,
} from './support/browser-server.ts';

const PROCESS_TITLE = 'Republic of Veloria – Karst Federation settlement';
const PLAN_TITLE = /^Framework for a Durable Settlement/;

/** A published plan as someone would paste it: a title, a preamble, two headed areas, sub-items, and no point 5. */
const PASTED_PLAN = `Orlen Valley Water Accord

The parties agree as follows.

Shared rivers
1. The parties shall share the waters of the Orlen river equitably.
2. A joint river commission shall be established, with:
a) three members from each party;
b) a chair chosen by consensus.
3. Neither party shall build dams without notice.

Monitoring
4. The commission shall publish monthly flow data.
6. Disputes shall go to the Basin Cooperation Council.
7. This accord enters into force on signature.
`;

async function openDemoProcess(page: Page): Promise<void> {
  await page.getByRole('link', { name: PROCESS_TITLE }).click();
  await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor();
}

async function openDemoPlan(page: Page): Promise<void> {
  await openDemoProcess(page);
  await page.getByRole('link', { name: PLAN_TITLE }).click();
  await page.getByRole('navigation', { name: 'Outline' }).waitFor();
}

/** The working draft's revision, as the draft bar shows it ("revision 23"). */
async function shownRevision(page: Page): Promise<number> {
  const text = await page.getByText(/^revision \d+$/).textContent();
  return Number(/\d+/.exec(text ?? '')?.[0]);
}

describeBrowser('browser journeys against the real server', () => {
  const suite = useBrowserSuite();

  it(
    'signs the mediator in (after a wrong password) and opens the demo process',
    async () => {
      const { page, baseUrl, expectFailure } = suite();
      expectFailure({ status: 401, path: '/api/v1/auth/sign-in' });

      const response = await page.goto(`${baseUrl}/`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.waitForURL(/\/sign-in\?next=%2F$/);
      await page.getByLabel('Email').fill(MEDIATOR);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const error = page.getByRole('alert');
      await error.waitFor();
      expect(await error.textContent()).toMatch(/^E-mail or password is not correct/);

      await page.getByLabel('Password').fill('entente-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Processes', exact: true }).waitFor();
      expect(await page.getByText('Ingrid Salvesen').first().isVisible()).toBe(true);

      await openDemoProcess(page);
      expect(await page.title()).toBe(`${PROCESS_TITLE} · Entente`);
      await page.getByRole('link', { name: PLAN_TITLE }).waitFor();
      const parties = page.getByRole('region', { name: 'Parties' });
      for (const name of ['Republic of Veloria', 'Karst Federation', 'Office of the Special Envoy'])
        await parties.getByText(name, { exact: true }).waitFor();
      const members = page.getByRole('table').filter({ hasText: 'lead@veloria.example' });
      expect(await members.getByRole('row', { name: /Mirela Dragan/ }).textContent()).toContain('Delegate');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'imports a pasted plan: the preview shows its points and the numbering gap, then it is created',
    async () => {
      const { page, baseUrl } = suite();
      await signIn(page, baseUrl);
      await openDemoProcess(page);

      await page.getByRole('button', { name: 'Import plan' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import a plan' });
      await dialog.waitFor();
      const create = dialog.getByRole('button', { name: 'Create plan' });
      expect(await create.isDisabled()).toBe(true);

      await dialog.getByLabel(/^Plan text/).fill(PASTED_PLAN);
      const preview = dialog.getByRole('region', { name: 'Preview' });
      await preview.getByText('6 points in 2 areas').waitFor();
      await preview.getByText('Orlen Valley Water Accord').waitFor();
      await preview.getByText('numbering jumps from 4 to 6 (5 is missing)').waitFor();
      await preview.getByText('Warning', { exact: true }).waitFor();
      for (const words of [
        'Shared rivers',
        'Monitoring',
        'a chair chosen by consensus.',
        'Disputes shall go',
      ])
        await preview.getByText(words).first().waitFor();

      // A warning does not block the import; only errors do.
      await expect.poll(() => create.isEnabled()).toBe(true);
      await create.click();
      await page.waitForURL(/\/plans\/[^/]+$/);
      await page.getByRole('heading', { name: 'Orlen Valley Water Accord', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Shared rivers', level: 2 }).waitFor();
      const point2 = page.getByRole('article', { name: 'Point 2', exact: true });
      expect(await point2.textContent()).toContain('three members from each party;');
      await page.getByRole('article', { name: 'Point 6', exact: true }).waitFor();
      expect(await page.getByRole('article', { name: /^Point \d+$/ }).count()).toBe(6);
      expect(await page.getByText('No versions yet.').isVisible()).toBe(true);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'edits a point, sees the new text and revision, cuts a version and reads it in the history',
    async () => {
      const { page, baseUrl } = suite();
      await signIn(page, baseUrl);
      await openDemoPlan(page);
      const before = await shownRevision(page);

      await page.getByRole('button', { name: 'Edit point 3', exact: true }).click();
      const form = page.getByRole('form', { name: 'Edit point 3' });
      const newText =
        'Each party shall withdraw heavy weapons of a calibre above 100 mm to a distance of no less than 25 kilometres from the line of contact within 10 days.';
      await form.getByLabel('Text', { exact: true }).fill(newText);
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });

      const point3 = page.getByRole('article', { name: 'Point 3', exact: true });
      await point3.getByText(newText).waitFor();
      await expect.poll(() => shownRevision(page)).toBe(before + 1);
      await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();

      // The demo draft carries an editor's note after point 18: it reads as a note, not as text of a point.
      const note = page.getByRole('note').filter({ hasText: 'reserved its position' });
      await note.waitFor();
      expect(await note.evaluate((n) => getComputedStyle(n.querySelector('p') ?? n).fontStyle)).toBe(
        'italic',
      );

      await page.getByRole('button', { name: 'Cut version' }).click();
      const dialog = page.getByRole('dialog', { name: 'Cut a version' });
      await dialog
        .getByLabel('Note')
        .fill('Withdrawal distance and timeline tightened after the Geneva round.');
      await dialog.getByRole('button', { name: 'Cut version' }).click();
      await dialog.waitFor({ state: 'detached' });

      const history = page.getByRole('region', { name: 'Versions' });
      const newest = history.getByRole('listitem').first();
      expect(await newest.getByRole('link').first().textContent()).toBe('Draft 4');
      await newest.getByText('Withdrawal distance and timeline tightened after the Geneva round.').waitFor();

      await newest.getByRole('link', { name: 'Draft 4' }).click();
      await page.waitForURL(/\/versions\//);
      await page.getByText('read-only · frozen').waitFor();
      await page.getByRole('article', { name: 'Point 3', exact: true }).getByText(newText).waitFor();
      await page.getByRole('note').filter({ hasText: 'reserved its position' }).waitFor();
      const about = page.getByRole('complementary', { name: 'About this version' });
      await about.getByText('Ingrid Salvesen').waitFor();
      await about.getByText('Withdrawal distance and timeline tightened').waitFor();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'compares Draft 1 with Draft 3: kinds of change, word marks, inline and side by side',
    async () => {
      const { page, baseUrl } = suite();
      await signIn(page, baseUrl);
      await openDemoPlan(page);
      await page.getByRole('link', { name: 'Compare…' }).click();
      await page.getByRole('heading', { name: 'Compare texts' }).waitFor();
      await page.getByLabel('Old text').selectOption({ label: 'Draft 1' });
      await page.getByLabel('New text').selectOption({ label: 'Draft 3' });

      const summary = page.getByRole('region', { name: 'Summary of changes' });
      await summary.getByText('14 changes').waitFor();
      for (const kind of ['Modified', 'Moved', 'Split', 'Merged', 'Added', 'Deleted'])
        await summary.getByText(new RegExp(`^${kind} \\d+$`)).waitFor();

      const split = page.getByRole('article', { name: 'Point 4, 5: split', exact: true });
      await split.getByText('4 split into 4, 5').waitFor();
      await page
        .getByRole('article', { name: 'Point 11: merged', exact: true })
        .getByText('11, 12 merged into 11')
        .waitFor();
      await page
        .getByRole('article', { name: 'Point 14: moved', exact: true })
        .getByText('was 10, now 14')
        .waitFor();
      const modified = page.getByRole('article', { name: 'Point 1: modified', exact: true });
      expect(await modified.locator('del').allTextContents()).toContain('72');
      expect(await modified.locator('ins').allTextContents()).toContain('96');

      await page.getByRole('button', { name: 'Side by side' }).click();
      await page.waitForURL(/layout=side/);
      expect(await page.getByRole('button', { name: 'Side by side' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      const sideRow = page.getByRole('article', { name: 'Point 1: modified', exact: true });
      const columns = sideRow.locator('.side-col');
      expect(await columns.count()).toBe(2);
      // The old column keeps what was struck out, the new one what was put in.
      expect(await columns.nth(0).locator('del').allTextContents()).toContain('72');
      expect(await columns.nth(0).locator('ins').count()).toBe(0);
      expect(await columns.nth(1).locator('ins').allTextContents()).toContain('96');
      expect(await columns.nth(1).locator('del').count()).toBe(0);

      await page.getByRole('button', { name: 'Inline' }).click();
      await expect.poll(() => page.locator('.side-col').count()).toBe(0);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'exports the working draft as a Word document',
    async () => {
      const { page, baseUrl } = suite();
      await signIn(page, baseUrl);
      await openDemoPlan(page);
      const exportSection = page.getByRole('region', { name: 'Export' });
      await exportSection.getByLabel('Text to export').selectOption({ label: 'Working draft' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        exportSection.getByRole('link', { name: 'Word' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const path = await download.path();
      const bytes = await readFile(path);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(bytes.length).toBeGreaterThan(2000);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'says plainly when a page or a plan does not exist',
    async () => {
      const { page, baseUrl, expectFailure } = suite();
      expectFailure({ status: 404, path: '/api/v1/plans/pln_missing' });
      await signIn(page, baseUrl);
      await page.goto(`${baseUrl}/no/such/page`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await page.getByRole('link', { name: 'Go to your processes' }).click();
      await page.getByRole('heading', { name: 'Processes', exact: true }).waitFor();

      await page.goto(`${baseUrl}/plans/pln_missing`);
      const alert = page.getByRole('alert');
      await alert.getByText('Not found').waitFor();
      expect(await alert.textContent()).toContain('pln_missing does not exist');
    },
    JOURNEY_TIMEOUT,
  );
});
