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

const MONITOR = 'monitor@ccv.example';
const AGREEMENT = 'Istrel Accord (browser suite)';
const COMMITMENT = 'Release of all living hostages';

/** Yesterday as YYYY-MM-DD: entry into force lies in the past, the 72-hour deadline still ahead. */
function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

/** The mediator adopts Draft 2 as an agreement and adds one counted commitment, through the forms. */
async function setUpAgreement(page: Page): Promise<{ dashboard: string; commitment: string }> {
  await page.getByRole('link', { name: DEMO_PROCESS_TITLE }).click();
  await page.getByRole('link', { name: 'Monitoring', exact: true }).click();
  await page.getByRole('button', { name: 'Adopt a version as an agreement' }).click();
  const adopt = page.getByRole('dialog', { name: 'Adopt a version as an agreement' });
  const versions = adopt.getByLabel('Adopted version');
  await versions.locator('option', { hasText: 'Draft 2' }).waitFor({ state: 'attached' });
  const draft2 = await versions.locator('option', { hasText: 'Draft 2' }).getAttribute('value');
  await versions.selectOption(draft2 ?? '');
  await adopt.getByLabel('Title', { exact: true }).fill(AGREEMENT);
  await adopt.getByLabel('Adopted on').fill(yesterday());
  await adopt.getByLabel('The moment of entry into force is known').check();
  await adopt.getByLabel('Local date and time').fill(`${yesterday()}T12:00`);
  await adopt.getByLabel('Time zone it is given in').fill('Europe/Zurich');
  await adopt.getByLabel('Republic of Veloria: date signed').fill(yesterday());
  await adopt.getByLabel('Karst Federation: date signed').fill(yesterday());
  await adopt.getByRole('button', { name: 'Adopt as agreement' }).click();
  await page.getByRole('heading', { level: 1, name: AGREEMENT }).waitFor();
  const dashboard = new URL(page.url()).pathname;

  await page.getByRole('link', { name: /^Commitments \(/ }).click();
  await page.getByRole('button', { name: 'Add a commitment' }).click();
  const add = page.getByRole('dialog', { name: 'Add a commitment' });
  await add.getByLabel('Title', { exact: true }).fill(COMMITMENT);
  await add.getByLabel('What is to be done').fill('All living hostages are released to the ICRC.');
  await add.getByLabel('Karst Federation').check();
  await add.getByLabel('After entry into force').check();
  await add.getByLabel('Within', { exact: true }).fill('72');
  await add.getByLabel(/^Quantity target/).fill('20');
  await add.getByLabel('Counted in').fill('living hostages');
  await add.getByLabel('Verification method').fill('ICRC hand-over records');
  await add.getByRole('button', { name: 'Add commitment' }).click();
  await page.getByRole('heading', { name: 'Progress', exact: true }).waitFor();
  return { dashboard, commitment: new URL(page.url()).pathname };
}

describeBrowser('the implementation dashboard in the browser', () => {
  const suite = useBrowserSuite();

  it(
    'a monitor records progress and a score on a commitment, and the dashboard open elsewhere reflects both',
    async () => {
      const { page: mediator, baseUrl } = suite();
      await signIn(mediator, baseUrl, MEDIATOR);
      const { dashboard, commitment } = await setUpAgreement(mediator);

      await mediator.goto(`${baseUrl}${dashboard}`);
      await mediator.getByRole('heading', { name: 'Quantity targets' }).waitFor();
      const headline = mediator.locator('.headline-percent');
      expect(await headline.textContent()).toBe('0%');
      await mediator.getByText('0 of 20 living hostages').waitFor();
      await mediator.getByRole('link', { name: '1 not started: show them' }).waitFor();

      await inOwnBrowser(baseUrl, MONITOR, async (monitor) => {
        await monitor.goto(`${baseUrl}${commitment}`);
        await monitor.getByRole('heading', { name: 'Progress', exact: true }).waitFor();
        // A monitor records what happened, but does not set the commitment up.
        expect(await monitor.getByRole('button', { name: 'Edit commitment' }).count()).toBe(0);

        await monitor.getByRole('button', { name: 'Record progress' }).click();
        const progress = monitor.getByRole('form', { name: 'Record progress' });
        await progress.getByLabel(/^Quantity/).fill('12');
        await progress.getByLabel('Note').fill('12 released at the Kerem crossing, handed to the ICRC.');
        await progress.getByRole('button', { name: 'Record', exact: true }).click();
        await progress.waitFor({ state: 'detached' });
        await monitor.getByText('12 of 20 living hostages').waitFor();

        await monitor.getByRole('button', { name: 'Set score' }).click();
        const score = monitor.getByRole('form', { name: 'Set score' });
        await score.getByLabel(/^2 · Intermediate/).check();
        // The server asks for a justification: a blank one is refused next to the field.
        await score.getByLabel('Justification').fill('   ');
        await score.getByRole('button', { name: 'Save score' }).click();
        await score.getByText(/^is required/).waitFor();
        await score.getByLabel('Justification').fill('12 of 20 released; 8 still held.');
        await score.getByRole('button', { name: 'Add evidence' }).click();
        await score.getByLabel('Evidence 1', { exact: true }).fill('ICRC hand-over record');
        await score.getByRole('button', { name: 'Save score' }).click();
        await score.waitFor({ state: 'detached' });
        await monitor.getByText('12 of 20 released; 8 still held.').waitFor();
      });

      // The mediator's dashboard hears of it without a reload: 2 of 3 points on the one commitment.
      await mediator.getByText('12 of 20 living hostages').waitFor({ timeout: 15_000 });
      await expect.poll(() => headline.textContent(), { timeout: 15_000 }).toBe('67%');
      await mediator.getByRole('link', { name: '1 in progress: show them' }).waitFor();

      // Time travel: as of entry into force nothing had been done yet.
      await mediator.getByRole('button', { name: 'At entry into force' }).click();
      await expect.poll(() => headline.textContent(), { timeout: 15_000 }).toBe('0%');
      expect(new URL(mediator.url()).searchParams.get('asOf')).not.toBeNull();

      // A party's delegate reads the same figures, with nothing to change.
      await inOwnBrowser(baseUrl, KARST_DELEGATE, async (delegate) => {
        await delegate.goto(`${baseUrl}${dashboard}`);
        await delegate.getByText('12 of 20 living hostages').waitFor();
        expect(await delegate.locator('.headline-percent').textContent()).toBe('67%');
        expect(await delegate.getByRole('button', { name: 'Edit settings' }).count()).toBe(0);
        await delegate.goto(`${baseUrl}${commitment}`);
        await delegate.getByRole('heading', { name: 'Progress', exact: true }).waitFor();
        expect(await delegate.getByRole('button', { name: 'Record progress' }).count()).toBe(0);
        expect(await delegate.getByRole('button', { name: 'Set score' }).count()).toBe(0);
      });
    },
    JOURNEY_TIMEOUT * 2,
  );
});
