import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  DEMO_PROCESS_TITLE,
  describeBrowser,
  JOURNEY_TIMEOUT,
  KARST_DELEGATE,
  signIn,
  useBrowserSuite,
} from './support/browser-server.ts';

/** The preference form of the demo plan, reached from the plan's links on the process page. */
async function openPreferences(page: Page, baseUrl: string): Promise<void> {
  await page.getByRole('link', { name: DEMO_PROCESS_TITLE }).click();
  const plans = page.getByRole('region', { name: 'Plans' });
  const link = plans.getByRole('link', { name: 'Preferences' });
  if ((await link.count()) > 0) await link.first().click();
  else {
    const amendments = await plans.getByRole('link', { name: 'Amendments' }).first().getAttribute('href');
    await page.goto(`${baseUrl}${(amendments ?? '').replace(/\/amendments$/, '/preferences')}`);
  }
  await page.getByRole('heading', { name: 'Your party’s preferences' }).waitFor();
  await page.getByRole('button', { name: 'Save preferences' }).waitFor();
}

async function values(page: Page, name: RegExp): Promise<string[]> {
  const inputs = page.getByRole('spinbutton', { name });
  const out: string[] = [];
  for (let i = 0; i < (await inputs.count()); i++) out.push(await inputs.nth(i).inputValue());
  return out;
}

describeBrowser('party preferences in the browser', () => {
  const suite = useBrowserSuite();

  it(
    'a Karst delegate fills in and saves the preferences, and finds them kept after a reload',
    async () => {
      const { page, baseUrl } = suite();
      await signIn(page, baseUrl, KARST_DELEGATE);
      await openPreferences(page, baseUrl);

      const weights = page.getByRole('spinbutton', { name: /^Weight of point/ });
      const pointCount = await weights.count();
      expect(pointCount).toBeGreaterThan(1);

      // Over budget: the counter says so, and saving is refused on the client with the reason.
      await page.getByRole('button', { name: 'Spread evenly' }).click();
      await page.getByText('All 100 points allocated.').waitFor();
      const first = Number(await weights.first().inputValue());
      await weights.first().fill(String(first + 10));
      await page.getByText('10 points over budget', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Save preferences' }).click();
      await page.getByText(/things? to fix before saving/).waitFor();
      await page.getByText('The weights must sum to 100, not 110.').first().waitFor();

      // Put it right, score every option, draw one red line, set the reservation level, share.
      await page.getByRole('button', { name: 'Spread evenly' }).click();
      const scores = page.getByRole('spinbutton', { name: /^Score for/ });
      const scoreCount = await scores.count();
      expect(scoreCount).toBeGreaterThan(1);
      for (let i = 0; i < scoreCount; i++) await scores.nth(i).fill(String((i * 17 + 5) % 101));
      const redLines = page.getByRole('checkbox', { name: /^Red line: we cannot accept this/ });
      for (let i = 0; i < (await redLines.count()); i++) await redLines.nth(i).setChecked(false);
      await redLines.first().check();
      await page.getByRole('spinbutton', { name: 'Value of no agreement' }).fill('41');
      await page.getByRole('checkbox', { name: 'Share our preferences with the mediator' }).check();
      await page.getByRole('button', { name: 'Save preferences' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Saved at/ })
        .waitFor();

      const savedWeights = await values(page, /^Weight of point/);
      const savedScores = await values(page, /^Score for/);
      await page.reload();
      await page.getByRole('button', { name: 'Save preferences' }).waitFor();
      await page.getByText(/^Last saved by /).waitFor();

      expect(await values(page, /^Weight of point/)).toEqual(savedWeights);
      expect(await values(page, /^Score for/)).toEqual(savedScores);
      expect(savedScores[1]).toBe('22');
      expect(await page.getByRole('spinbutton', { name: 'Value of no agreement' }).inputValue()).toBe('41');
      const checked = page.getByRole('checkbox', { name: /^Red line: we cannot accept this/ });
      expect(await checked.first().isChecked()).toBe(true);
      expect(await checked.nth(1).isChecked()).toBe(false);
      expect(
        await page.getByRole('checkbox', { name: 'Share our preferences with the mediator' }).isChecked(),
      ).toBe(true);
      await page.getByText('All 100 points allocated.').waitFor();
    },
    JOURNEY_TIMEOUT,
  );
});
