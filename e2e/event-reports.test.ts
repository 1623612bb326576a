import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  describeBrowser,
  JOURNEY_TIMEOUT,
  MEDIATOR,
  signIn,
  useBrowserSuite,
} from './support/browser-server.ts';

const MONITOR = 'monitor@ccv.example';
const COMMITMENT = 'Release of detainees held at Sable Ford (browser test)';

interface Setup {
  processId: string;
  agreementId: string;
  agreementTitle: string;
}

/** An API client signed in as `email` (the setup the journey needs but does not test). */
async function apiAs(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('entente_session='));
  if (!cookie) throw new Error(`sign-in of ${email} failed (${res.status})`);
  return async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-entente-csrf': '1',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json().catch(() => null)) as T };
  };
}

/**
 * An agreement the monitor can read (the demo's, or one the mediator adopts on a version every
 * party holds) and, on it, a commitment with a quantity target for the event to move.
 */
async function prepare(baseUrl: string): Promise<Setup> {
  const mediator = await apiAs(baseUrl, MEDIATOR);
  const monitor = await apiAs(baseUrl, MONITOR);
  const processes = await mediator<{ items: { id: string }[] }>('GET', '/processes');
  const processId = processes.body.items[0]?.id ?? '';
  let readable = await monitor<{ items: { id: string; title: string }[] }>(
    'GET',
    `/processes/${processId}/agreements`,
  );
  if (readable.body.items.length === 0) {
    const detail = await mediator<{ plans: { id: string }[] }>('GET', `/processes/${processId}`);
    const planId = detail.body.plans[0]?.id ?? '';
    const versions = await mediator<{ items: { id: string; label: string }[] }>(
      'GET',
      `/plans/${planId}/versions`,
    );
    // Draft 2 was released to every party, the monitor's included.
    const version = versions.body.items.find((v) => v.label === 'Draft 2') ?? versions.body.items.at(-1);
    const adopted = await mediator('POST', `/processes/${processId}/agreements`, {
      versionId: version?.id,
      title: 'Orlen Valley Settlement',
      adoptedOn: '2026-01-10',
      entryIntoForce: { local: '2026-01-12T12:00', zone: 'Europe/Berlin' },
    });
    expect(adopted.status).toBe(201);
    readable = await monitor('GET', `/processes/${processId}/agreements`);
  }
  const agreement = readable.body.items[0];
  if (!agreement) throw new Error('no agreement the monitor can read');
  const parties = await mediator<{ parties: { id: string; name: string }[] }>(
    'GET',
    `/processes/${processId}`,
  );
  const karst = parties.body.parties.find((p) => p.name === 'Karst Federation');
  const created = await mediator('POST', `/processes/${processId}/agreements/${agreement.id}/commitments`, {
    title: COMMITMENT,
    description: 'The Karst Federation releases the detainees it holds at the Sable Ford camp.',
    partyIds: karst ? [karst.id] : [],
    deadline: { kind: 'after_entry_into_force', amount: 30, unit: 'days' },
    targetQuantity: 100,
    targetUnit: 'detainees',
    verificationMethod: 'Count by the monitoring mission at the crossing',
  });
  expect(created.status).toBe(201);
  return { processId, agreementId: agreement.id, agreementTitle: agreement.title };
}

/** The count next to "Verified" in the map's status filter. */
async function verifiedOnMap(map: Page): Promise<number> {
  const item = map
    .getByRole('group', { name: 'Status' })
    .locator('li')
    .filter({ has: map.getByText('Verified', { exact: true }) });
  return Number((await item.locator('.map-legend-count').textContent())?.replace(/\D/g, '') ?? 'NaN');
}

/** Yesterday at 10:00 in the browser's zone (UTC in this suite), as a datetime-local value. */
function yesterdayAtTen(): string {
  return `${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}T10:00`;
}

describeBrowser('event reports in the browser', () => {
  const suite = useBrowserSuite();

  it(
    'a monitor files an event report, verifies it and links it to a commitment with progress; the dashboard and the map follow',
    async () => {
      const { page, baseUrl, context } = suite();
      const { processId, agreementId, agreementTitle } = await prepare(baseUrl);
      await signIn(page, baseUrl, MONITOR);

      // The dashboard, open in another tab all along, must follow without a reload.
      const dashboard = await context.newPage();
      await dashboard.goto(`${baseUrl}/processes/${processId}/agreements/${agreementId}`);
      const bar = dashboard.getByRole('progressbar', { name: COMMITMENT });
      await expect
        .poll(() => bar.getAttribute('aria-valuetext'), { timeout: 20_000 })
        .toBe('0 of 100 detainees');

      await page.goto(`${baseUrl}/processes/${processId}/events`);
      await page.getByRole('heading', { name: 'Event reports', exact: true }).waitFor();
      await page.getByRole('button', { name: 'File an event report' }).click();
      const form = page.getByRole('form', { name: 'New event report' });
      await form.getByLabel(/^Date and time/).fill(yesterdayAtTen());
      await form.getByLabel('Place name').fill('Sable Ford crossing');
      await form.getByLabel('Latitude').fill('46.31');
      await form.getByLabel('Longitude').fill('25.05');
      await form.getByLabel('Coordinates are').selectOption({ label: 'exact place' });
      await form.getByLabel('Type', { exact: true }).fill('Release');
      await form.getByLabel(/^Sub-type/).fill('Detainee release');
      await form
        .getByLabel('Description')
        .fill('Twelve detainees were handed over to the mission at the crossing.');
      await form.getByLabel('Who or what reported it').fill('CCV patrol 14');
      await form.getByLabel('Reliability of the source').selectOption('B');
      await form.getByLabel('Credibility of the information').selectOption('2');
      await expect.poll(() => form.getByText(/^B2 — usually reliable, probably true$/).count()).toBe(1);
      await form.getByRole('button', { name: 'File the report' }).click();
      await page.waitForURL(/\/events\/evt_[^/]+$/);
      const eventId = page.url().split('/').at(-1) ?? '';
      await page.getByText('Received', { exact: true }).first().waitFor();

      // The map, open in its own tab, counts the report once it is verified.
      const map = await context.newPage();
      await map.goto(`${baseUrl}/processes/${processId}/map`);
      await map.locator('canvas[data-state="ready"]').waitFor({ timeout: 30_000 });
      const verifiedBefore = await verifiedOnMap(map);

      await page.getByRole('button', { name: 'Start an investigation' }).click();
      let dialog = page.getByRole('dialog');
      await dialog.getByLabel('Note for the history').fill('Patrol 14 checks with the hospital.');
      await dialog.getByRole('button', { name: 'Start an investigation' }).click();
      await page.getByText('Under investigation', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Verify', exact: true }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('Attributed to').selectOption({ label: 'Karst Federation' });
      await dialog.getByLabel('Note for the history').fill('Hospital records confirm twelve arrivals.');
      await dialog.getByRole('button', { name: 'Verify', exact: true }).click();
      await page.getByText('Attributed to Karst Federation').first().waitFor();
      await page.getByText('Verified is final: the verification is closed.').waitFor();
      await expect.poll(() => verifiedOnMap(map), { timeout: 20_000 }).toBe(verifiedBefore + 1);

      await page.getByRole('button', { name: 'Link to a commitment' }).click();
      dialog = page.getByRole('dialog', { name: 'Link to a commitment' });
      const agreementSelect = dialog.getByLabel('Agreement', { exact: true });
      if ((await agreementSelect.count()) > 0) {
        const value = await agreementSelect
          .locator('option')
          .filter({ hasText: agreementTitle })
          .first()
          .getAttribute('value');
        await agreementSelect.selectOption(value ?? '');
      }
      const commitment = dialog.getByLabel('Commitment', { exact: true });
      await commitment.waitFor();
      const option = await commitment.locator('option').filter({ hasText: COMMITMENT }).getAttribute('value');
      await commitment.selectOption(option ?? '');
      await dialog.getByLabel(/Also record what this event did/).check();
      await dialog.getByLabel(/^Quantity/).fill('12');
      await dialog.getByLabel('Note', { exact: true }).fill('Twelve detainees released at Sable Ford.');
      await dialog.getByRole('button', { name: 'Link and record progress' }).click();
      await page
        .getByRole('region', { name: 'Commitments it concerns' })
        .getByRole('link', { name: COMMITMENT })
        .waitFor();

      await expect
        .poll(() => bar.getAttribute('aria-valuetext'), { timeout: 20_000 })
        .toBe('12 of 100 detainees');

      // On the map, the event opens with its status and the commitment it moved.
      await map.goto(`${baseUrl}/processes/${processId}/map?event=${eventId}`);
      const panel = map.getByRole('complementary', { name: 'Selected on the map' });
      await panel.getByRole('heading', { name: 'Release' }).waitFor();
      expect(await panel.getByText('Verified', { exact: true }).count()).toBe(1);
      await panel.getByRole('link', { name: COMMITMENT }).click();
      await map.waitForURL(/\/commitments\/cmt_/);
      await dashboard.close();
      await map.close();
    },
    JOURNEY_TIMEOUT * 2,
  );
});
