import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  DEMO_PROCESS_TITLE,
  describeBrowser,
  inOwnBrowser,
  JOURNEY_TIMEOUT,
  KARST_DELEGATE,
  MEDIATOR,
  signIn,
  useBrowserSuite,
} from './support/browser-server.ts';

const PROPOSED =
  'Humanitarian corridors to the towns of Marrow, Sable Ford and Istrel shall open within 24 hours of the cessation of hostilities.';

async function openAmendments(page: Page): Promise<void> {
  await page.getByRole('link', { name: DEMO_PROCESS_TITLE }).click();
  // The framework under negotiation is listed first, the signed truce after it.
  await page.getByRole('region', { name: 'Plans' }).getByRole('link', { name: 'Amendments' }).first().click();
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
      await inOwnBrowser(baseUrl, MEDIATOR, async (mediator) => {
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
        // Accepted as proposed: the party's own wording, so it may read it in the decision at once
        // (wording the mediator changed reaches the party only with a version released to it).
        expect(await text.inputValue()).toBe(PROPOSED);
        await dialog
          .getByLabel(/^Reply to/)
          .fill('Accepted: the humanitarian organisations can open them within 24 hours.');
        await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
        await card.getByText('Accepted', { exact: true }).waitFor();
      });

      // The delegate's page learns of the decision without a reload, with the text written in.
      await own.getByText('Accepted', { exact: true }).waitFor({ timeout: 15_000 });
      await own.getByText('Accepted: the humanitarian organisations').waitFor();
      const decision = own.getByRole('region', { name: 'Decision' });
      expect(await decision.textContent()).toContain('The text as proposed, now in the working draft.');
      expect(await own.getByRole('button').count()).toBe(0);
    },
    JOURNEY_TIMEOUT,
  );
});
