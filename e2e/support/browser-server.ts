import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect } from 'vitest';

/** The browser suite drives the real server (child process, real SQLite file) with a real Chromium. */
const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM_PATH = process.env.ENTENTE_CHROMIUM ?? '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

export const DEMO_PASSWORD = 'entente-demo';
export const MEDIATOR = 'envoy@envoy.example';
export const DELEGATE = 'lead@veloria.example';
export const KARST_DELEGATE = 'lead@karst.example';
/** The demo process, as its link reads on the processes list. */
export const DEMO_PROCESS_TITLE = 'Republic of Veloria – Karst Federation settlement';

/** Generous: the CI machines have two cores, and Chromium and the server share them. */
export const JOURNEY_TIMEOUT = 90_000;
const HOOK_TIMEOUT = 180_000;

const chromiumAvailable = existsSync(CHROMIUM_PATH);
if (!chromiumAvailable) {
  if (IN_CI) throw new Error(`Chromium is required in CI but ${CHROMIUM_PATH} does not exist`);
  console.warn(
    '\n' +
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
      `!!! BROWSER SUITE SKIPPED: no Chromium at ${CHROMIUM_PATH}.\n` +
      '!!! Install it (apt-get install chromium) or set ENTENTE_CHROMIUM. (In CI this is an error.)\n' +
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n',
  );
}

/** A port nobody listens on right now (the server does not report the one it picked for PORT=0). */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** The server serves dist/web; build it once when a fresh checkout has not. */
function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'dist/web/index.html'))) return;
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts `entente serve` on a free port with a fresh data directory (so the demo loads) and waits for health. */
export async function startServer(): Promise<RunningServer> {
  ensureWebBuild();
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'entente-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ENTENTE_DATA_DIR: dataDir,
    ENTENTE_LOG: 'off',
  };
  // Always the embedded SQLite file of this run, even where the shell points at a PostgreSQL server.
  delete env.DATABASE_URL;
  delete env.ENTENTE_DEMO;
  const child = spawn(process.execPath, ['bin/entente.mjs', 'serve', '--quiet'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/health within 90 s:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** What went wrong in the page: console errors, uncaught exceptions, Content-Security-Policy violations. */
export interface PageProblems {
  console: { text: string; url: string }[];
  errors: string[];
  csp: string[];
}

/**
 * A fetch answered 4xx makes Chromium log "Failed to load resource". Some are the app working as
 * designed (asking who is signed in before anyone is); a test names the ones it expects.
 */
export type ExpectedFailure = { status: number; path: string };

const EXPECTED_ALWAYS: ExpectedFailure[] = [{ status: 401, path: '/api/v1/auth/me' }];

async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { console: [], errors: [], csp: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') problems.console.push({ text: m.text(), url: m.location().url });
  });
  page.on('pageerror', (e) => problems.errors.push(e.message));
  await page.exposeBinding('__ententeCspViolation', (_source, report: string) => {
    problems.csp.push(report);
  });
  // Init scripts are injected by the browser, outside the page's CSP, so they can watch it.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __ententeCspViolation?: (r: string) => void })
        .__ententeCspViolation;
      report?.(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  return problems;
}

function unexpected(problems: PageProblems, expected: ExpectedFailure[]): string[] {
  const allowed = [...EXPECTED_ALWAYS, ...expected];
  const isAllowed = (c: { text: string; url: string }) => {
    const m = /Failed to load resource: the server responded with a status of (\d+)/.exec(c.text);
    if (m === null) return false;
    const path = c.url === '' ? '' : new URL(c.url).pathname;
    return allowed.some((a) => a.status === Number(m[1]) && a.path === path);
  };
  return [
    ...problems.console.filter((c) => !isAllowed(c)).map((c) => `console: ${c.text} (${c.url})`),
    ...problems.errors.map((e) => `page error: ${e}`),
    ...problems.csp.map((v) => `CSP violation: ${v}`),
  ];
}

export interface BrowserSuite {
  baseUrl: string;
  page: Page;
  context: BrowserContext;
  /** Failed requests this test provokes on purpose, so the console check lets them pass. */
  expectFailure(f: ExpectedFailure): void;
}

/**
 * Registers the hooks of a browser suite: one server and one browser for the file, a fresh
 * browser context (no cookies) per test, and after each test a check that the page logged no
 * console error, threw nothing and violated no CSP directive.
 */
export function useBrowserSuite(): () => BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let current: BrowserSuite | undefined;
  let problems: PageProblems | undefined;
  let expected: ExpectedFailure[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, HOOK_TIMEOUT);

  beforeEach(async () => {
    if (server === undefined || browser === undefined) throw new Error('browser suite not started');
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
      locale: 'en-GB',
      timezoneId: 'UTC',
    });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    problems = await watchPage(page);
    expected = [];
    current = {
      baseUrl: server.baseUrl,
      page,
      context,
      expectFailure: (f) => expected.push(f),
    };
  });
  afterEach(async () => {
    const seen = problems;
    const ctx = current;
    current = undefined;
    await ctx?.context.close();
    if (seen !== undefined) expect(unexpected(seen, expected)).toEqual([]);
  });

  return () => {
    if (current === undefined) throw new Error('no page: use the suite inside a test');
    return current;
  };
}

/** `describe` when Chromium is there, `describe.skip` (after the banner above) when it is not. */
export function describeBrowser(name: string, suite: () => void): void {
  if (chromiumAvailable) describe(name, suite);
  else describe.skip(name, suite);
}

/** Signs in through the form, as a person would, and waits for the processes list. */
export async function signIn(page: Page, baseUrl: string, email = MEDIATOR): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Processes', exact: true }).waitFor();
}

/** Someone at another computer: `act` runs with them signed in, in a browser of their own, closed after. */
export async function inOwnBrowser(
  baseUrl: string,
  email: string,
  act: (page: Page) => Promise<void>,
): Promise<void> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, email);
    await act(page);
  } finally {
    await browser.close();
  }
}
