import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  DEMO_PROCESS_TITLE,
  describeBrowser,
  JOURNEY_TIMEOUT,
  signIn,
  useBrowserSuite,
} from './support/browser-server.ts';

/** The analysis page of the demo plan, reached through the plan's links on the process page. */
async function openAnalysis(page: Page, baseUrl: string): Promise<void> {
  await page.getByRole('link', { name: DEMO_PROCESS_TITLE }).click();
  const plans = page.getByRole('region', { name: 'Plans' });
  const link = plans.getByRole('link', { name: 'Analysis' });
  if ((await link.count()) > 0) await link.first().click();
  else {
    const amendments = await plans.getByRole('link', { name: 'Amendments' }).first().getAttribute('href');
    await page.goto(`${baseUrl}${(amendments ?? '').replace(/\/amendments$/, '/analysis')}`);
  }
  await page.getByRole('heading', { name: 'Points in play' }).waitFor();
}

describeBrowser('the mediator’s analysis page', () => {
  const suite = useBrowserSuite();

  it(
    'runs the analysis, keeps a sealed party’s numbers out, explains a package chosen by keyboard and applies it',
    async () => {
      const { page, baseUrl } = suite();
      await signIn(page, baseUrl);
      await openAnalysis(page, baseUrl);

      // Setup: the demo's points in play, and who shares preferences.
      expect(await page.locator('.analysis-point-list > li').count()).toBeGreaterThanOrEqual(4);
      const parties = page.locator('.party-status');
      await parties.getByRole('row', { name: /BCC/ }).getByText('sealed').waitFor();
      await parties.getByRole('row', { name: /VEL/ }).getByRole('link', { name: /view/ }).waitFor();

      await page.getByRole('button', { name: 'Run analysis' }).click();
      await page.getByRole('heading', { name: 'Suggested packages' }).waitFor();

      // More than two parties: parallel axes, the sealed party a greyed axis without numbers.
      const chart = page.locator('.analysis-figure svg');
      await chart.locator('.parallel-axis.sealed').first().waitFor();
      const table = page.locator('.package-table');
      expect(await table.locator('.sealed-cell').count()).toBe(4);
      const bccHeader = await table.locator('thead th').allTextContents();
      expect(bccHeader).toContain('BCC');
      expect(await page.locator('.ledger-table thead th').allTextContents()).not.toContain('BCC');

      // A solution chosen from the chart by keyboard shows its ledger.
      await chart.locator('.solution-line.concept-leximin').focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /The Leximin \(max-min\) package/ }).waitFor();
      await page.getByText(/stays the recommendation under/).waitFor();

      // The two-party view plots two shared parties.
      await page.getByLabel('Two parties (scatter)').check();
      await chart.locator('.solution-mark').first().waitFor();

      // Apply: the dialog names the points that change; the draft takes them in one revision.
      await page.getByRole('button', { name: 'Apply this package to the working draft' }).click();
      const dialog = page.getByRole('dialog');
      const change = dialog.getByRole('button', { name: /^Change \d+ points?$/ });
      if ((await change.count()) > 0) {
        await change.click();
        await page.getByText(/Applied to the working draft \(revision \d+\)/).waitFor();
      } else {
        await dialog.getByText('Nothing would change').waitFor();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
