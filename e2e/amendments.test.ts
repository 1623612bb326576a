import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  describeBrowser,
  JOURNEY_TIMEOUT,
  launchBrowser,
  signIn,
  useBrowserSuite,
} from './support/browser-server.ts';

const PROCESS_TITLE = 'Republic of Veloria – Karst Federation settlement';
const KARST_DELEGATE = 'lead@karst.example';
const PROPOSED =
  'Humanitarian corridors to the towns of Marrow, Sable Ford and Istrel shall open within 24 hours of the cessation of hostilities.';
const ACCEPTED =
  'Humanitarian corridors to the towns of Marrow, Sable Ford and Istrel shall open within 36 hours of the cessation of hostilities.';

async function openAmendments(page: Page): Promise<void> {
  await page.getByRole('link', { name: PROCESS_TITLE }).click();
  await page.getByRole('region', { name: 'Plans' }).getByRole('link', { name: 'Amendments' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

describeBrowser('amendments in the browser', () => {
  const suite = useBrowserSuite();

  it(
    'a delegate submits an amendment, the mediator sees it arrive and accepts it, the delegate sees the accepted text',
    async () => {
      const { page: delegate, baseUrl } = suite();
      await signIn(delegate, baseUrl, KARST_DELEGATE);
      await openAmendments(delegate);
      await delegate.getByRole('heading', { name: 'Your party’s amendments' }).waitFor();

      const own = delegate.getByRole('article').filter({ hasText: 'Winter is coming' });
      const browser = await launchBrowser();
      try {
        const mediatorContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        const mediator = await mediatorContext.newPage();
        await signIn(mediator, baseUrl);
        await openAmendments(mediator);
        await mediator.getByRole('heading', { name: 'What the parties ask for' }).waitFor();
        expect(await mediator.getByText(PROPOSED).count()).toBe(0);

        // The delegate proposes new wording for the corridors point and submits it.
        await delegate.getByRole('button', { name: 'Propose amendment' }).click();
        const form = delegate.getByRole('dialog', { name: 'Propose an amendment' });
        const points = form.getByLabel('Point to replace');
        const corridors = await points
          .locator('option', { hasText: 'Humanitarian corridors' })
          .getAttribute('value');
        await points.selectOption(corridors ?? '');
        await form.getByLabel('Your text for the point').fill(PROPOSED);
        await form.getByLabel(/^Rationale/).fill('Winter is coming; 48 hours is too long.');
        await form.getByRole('button', { name: 'Submit to the mediator' }).click();
        await form.waitFor({ state: 'detached' });
        await own.getByText('Submitted', { exact: true }).waitFor();

        // It reaches the mediator's open page by itself.
        const card = mediator.getByRole('article').filter({ hasText: 'Winter is coming' });
        await card.waitFor({ timeout: 15_000 });
        await card.getByRole('button', { name: 'Decide…' }).click();
        const dialog = mediator.getByRole('dialog', { name: /^Decide on the KRF amendment/ });
        const text = dialog.getByLabel('Text to write into the draft');
        expect(await text.inputValue()).toBe(PROPOSED);
        await text.fill(ACCEPTED);
        await dialog
          .getByLabel(/^Reply to/)
          .fill('Accepted with 36 hours, which the humanitarian organisations can meet.');
        await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        await card.getByText('Accepted', { exact: true }).waitFor();
      } finally {
        await browser.close();
      }

      // The delegate's page learns of the decision without a reload, with the text written in.
      await own.getByText('Accepted', { exact: true }).waitFor({ timeout: 15_000 });
      await own.getByText('Accepted with 36 hours').waitFor();
      const decision = own.getByRole('region', { name: 'Decision' });
      expect(await decision.textContent()).toContain('36');
      expect(await own.getByRole('button').count()).toBe(0);
    },
    JOURNEY_TIMEOUT,
  );
});
