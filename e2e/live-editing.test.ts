import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, JOURNEY_TIMEOUT, signIn, useBrowserSuite } from './support/browser-server.ts';

const DRAFTER = 'drafting@envoy.example';
const KARST_DELEGATE = 'lead@karst.example';
const LIVE = { timeout: 15_000 };

/** The demo plan's id and its versions, read through the API as the signed-in page. */
async function demoPlan(page: Page, baseUrl: string) {
  const processes = await (await page.request.get(`${baseUrl}/api/v1/processes`)).json();
  const detail = await (
    await page.request.get(`${baseUrl}/api/v1/processes/${processes.items[0].id}`)
  ).json();
  const planId = detail.plans[0].id as string;
  const versions = await (await page.request.get(`${baseUrl}/api/v1/plans/${planId}/versions`)).json();
  return { planId, versions: versions.items as { id: string; label: string }[] };
}

/** A second person at another computer: a browser context of their own, signed in. */
async function secondPerson(context: BrowserContext, baseUrl: string, email: string) {
  const browser = context.browser();
  if (browser === null) throw new Error('no browser');
  const other = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
  other.setDefaultTimeout(20_000);
  const page = await other.newPage();
  await signIn(page, baseUrl, email);
  return { context: other, page };
}

async function editPoint(page: Page, number: string) {
  await page.getByRole('button', { name: `Edit point ${number}`, exact: true }).click();
  const form = page.getByRole('form', { name: `Edit point ${number}` });
  await form.waitFor();
  return form;
}

describeBrowser('live collaboration', () => {
  const suite = useBrowserSuite();

  it(
    "shows one mediator's edit to another without reloading, and turns a concurrent edit into a merge",
    async () => {
      const { page: a, context, baseUrl } = suite();
      await signIn(a, baseUrl);
      const { planId } = await demoPlan(a, baseUrl);
      const other = await secondPerson(context, baseUrl, DRAFTER);
      const b = other.page;
      try {
        await a.goto(`${baseUrl}/plans/${planId}`);
        await b.goto(`${baseUrl}/plans/${planId}`);
        await a.getByRole('article', { name: 'Point 3', exact: true }).waitFor();
        await b.getByRole('article', { name: 'Point 3', exact: true }).waitFor();

        // A rewords point 3; B's editor shows it by itself.
        const sentence = 'Heavy weapons above 100 mm shall be withdrawn 20 km from the line within 21 days.';
        const formA = await editPoint(a, '3');
        await formA.getByLabel('Text', { exact: true }).fill(sentence);
        await formA.getByRole('button', { name: 'Save', exact: true }).click();
        await formA.waitFor({ state: 'detached' });
        await b.getByRole('article', { name: 'Point 3', exact: true }).getByText(sentence).waitFor(LIVE);
        await b.getByRole('status').filter({ hasText: 'Changed by others — refreshed' }).waitFor();

        // Both open point 4; A saves first. B's open form survives the refresh that follows.
        const fromA = 'The Joint Ceasefire Commission shall meet at least twice a week.';
        const fromB = 'The Joint Ceasefire Commission shall be chaired by the Special Envoy in person.';
        const editA = await editPoint(a, '4');
        const editB = await editPoint(b, '4');
        await editB.getByLabel('Text', { exact: true }).fill(fromB);
        await editA.getByLabel('Text', { exact: true }).fill(fromA);
        await editA.getByRole('button', { name: 'Save', exact: true }).click();
        await editA.waitFor({ state: 'detached' });
        await b
          .getByRole('status')
          .filter({ hasText: 'which you are editing, was changed too' })
          .waitFor(LIVE);
        expect(await editB.getByLabel('Text', { exact: true }).inputValue()).toBe(fromB);

        // B saves: not a silent overwrite but the conflict view, with both texts and a merge.
        await editB.getByRole('button', { name: 'Save', exact: true }).click();
        const conflict = b.getByRole('alert').filter({ hasText: 'Someone else changed this' });
        await conflict.waitFor();
        await conflict.locator('pre', { hasText: fromA }).waitFor();
        await conflict.locator('pre', { hasText: fromB }).waitFor();
        const merge = conflict.getByLabel('Merged text for point 4');
        const prefilled = await merge.inputValue();
        expect(prefilled).toContain(fromA);
        expect(prefilled).toContain(fromB);
        const merged =
          'The Joint Ceasefire Commission shall meet at least twice a week and be chaired by the Special Envoy in person.';
        await merge.fill(merged);
        await conflict.getByRole('button', { name: 'Save merged' }).click();
        await conflict.waitFor({ state: 'detached' });
        await b.getByRole('article', { name: 'Point 4', exact: true }).getByText(merged).waitFor();

        // The merge is in the draft, and A sees it arrive too.
        const draft = await (await a.request.get(`${baseUrl}/api/v1/plans/${planId}`)).json();
        const point4 = draft.content.points.find((p: { number: string }) => p.number === '4');
        expect(point4.text).toBe(merged);
        await a.getByRole('article', { name: 'Point 4', exact: true }).getByText(merged).waitFor(LIVE);
      } finally {
        await other.context.close();
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    "shows a delegate's comment for the mediator to the mediator live, on the version page",
    async () => {
      const { page: mediator, context, baseUrl } = suite();
      await signIn(mediator, baseUrl);
      const { planId, versions } = await demoPlan(mediator, baseUrl);
      const draftTwo = versions.find((v) => v.label === 'Draft 2');
      if (draftTwo === undefined) throw new Error('no Draft 2');
      await mediator.goto(`${baseUrl}/plans/${planId}/versions/${draftTwo.id}`);
      const watched = mediator.getByRole('region', { name: 'Comments on point 6', exact: true });
      await watched.waitFor();

      const other = await secondPerson(context, baseUrl, KARST_DELEGATE);
      try {
        const karst = other.page;
        await karst.goto(`${baseUrl}/plans/${planId}/versions/${draftTwo.id}`);
        const panel = karst.getByRole('region', { name: 'Comments on point 6', exact: true });
        await panel.getByRole('button', { name: 'Comment on point 6' }).click();
        const form = panel.getByRole('form', { name: 'New comment on point 6' });
        const text = 'Karst asks that the zone be measured from the 2024 line, not the current one.';
        await form.getByLabel('New comment on point 6').fill(text);
        await form.getByLabel('Visible to the Office of the Special Envoy and your party').check();
        await form.getByRole('button', { name: 'Post comment' }).click();
        await panel.getByText(text).waitFor();
      } finally {
        await other.context.close();
      }

      await watched.getByText('Karst asks that the zone be measured').waitFor(LIVE);
      const thread = watched.getByRole('article', { name: 'Thread of KRF on point 6' });
      expect(await thread.textContent()).toContain(
        'Visible to the Office of the Special Envoy and Karst Federation',
      );
    },
    JOURNEY_TIMEOUT,
  );
});
