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

const PLAN_TITLE = /^Framework for a Durable Settlement/;

describeBrowser('confidentiality in the browser', () => {
  const suite = useBrowserSuite();

  it(
    'shows a delegate only the released versions, and a new release arrives without reloading',
    async () => {
      const { page: delegate, baseUrl } = suite();
      await signIn(delegate, baseUrl, KARST_DELEGATE);
      await delegate.getByRole('link', { name: DEMO_PROCESS_TITLE }).click();
      const plans = delegate.getByRole('region', { name: 'Plans' });
      await plans.getByRole('columnheader', { name: 'Newest you hold' }).waitFor();
      const row = plans.getByRole('row', { name: PLAN_TITLE });
      expect(await row.textContent()).toContain('Draft 2');
      expect(await row.textContent()).not.toContain('Draft 3');

      // The plan opens on the newest version Karst holds, with nothing of the draft in reach.
      await plans.getByRole('link', { name: PLAN_TITLE }).click();
      await delegate.waitForURL(/\/versions\//);
      const held = delegate.getByRole('region', { name: 'Versions your party holds' });
      await held.getByText('Draft 2').waitFor();
      expect(await held.getByRole('listitem').count()).toBe(1);
      expect(await delegate.getByRole('link', { name: 'Back to the working draft' }).count()).toBe(0);
      const exportChoices = await delegate.getByLabel('Text to export').locator('option').allTextContents();
      expect(exportChoices).toEqual(['Draft 2']);
      await delegate.getByText('Proximity talks, Vienna').waitFor();

      // The mediator, in a browser of their own, releases Draft 3 to Karst.
      await inOwnBrowser(baseUrl, MEDIATOR, async (mediator) => {
        await mediator.getByRole('link', { name: DEMO_PROCESS_TITLE }).click();
        await mediator.getByRole('link', { name: 'Consultation log' }).click();
        const draftThree = mediator.getByRole('row', { name: /Draft 3/ });
        await draftThree.getByRole('button', { name: 'Release…' }).click();
        const dialog = mediator.getByRole('dialog', { name: 'Release Draft 3' });
        await dialog.getByLabel('Karst Federation').check();
        await dialog.getByLabel('Meeting or channel (optional)').fill('Third round, Geneva');
        await dialog.getByRole('button', { name: 'Release to 1 party' }).click();
        await dialog.waitFor({ state: 'detached' });
        await draftThree.getByText('Third round, Geneva').first().waitFor();
      });

      // The delegate's page learns of it by itself.
      const banner = delegate.getByRole('status').filter({ hasText: 'Draft 3' });
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.textContent()).toContain('now available to your party');
      await banner.getByRole('link', { name: 'Open Draft 3' }).click();
      await delegate.waitForURL(/\/versions\//);
      await held.getByText('Draft 3').waitFor();
      expect(await held.getByRole('listitem').count()).toBe(2);
      await delegate.getByText('Third round, Geneva').waitFor();
    },
    JOURNEY_TIMEOUT,
  );
});
