// What the browser tests stand on: a real jointbuy server on loopback with a fresh SQLite database,
// one person (invited, with a password) and one machine token per role, Debian's Chromium driven by playwright-core, and the checks every page
// must pass (no console errors, every input labelled).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

import { freePort } from '../oidc/support.mjs';

export { freePort };

const { chromium } = await import('playwright-core').catch(() => {
  throw new Error('playwright-core is not installed: scripts/test installs it (npm ci in tests/browser)');
});

const binary = process.env.JOINTBUY_BINARY;
export const screenshots = process.env.JOINTBUY_SCREENSHOTS ?? path.join(os.tmpdir(), 'jointbuy-screenshots');
const chromiumPath = process.env.JOINTBUY_CHROMIUM ?? '/usr/bin/chromium';


function jointbuy(args) {
  return execFileSync(binary, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// The people the pages are used by, one per role; their passwords are set through their invitations.
const PEOPLE = {
  kriens: { name: 'Anna Muster', email: 'anna.muster@kriens.example', role: 'municipality', org: '1059' },
  coordinator: { name: 'Beat Koch', email: 'beat.koch@lu.example', role: 'coordinator' },
  auditor: { name: 'Claudia Graf', email: 'claudia.graf@lu.example', role: 'auditor' },
};
const PASSWORD = 'Seeufer-Holzbank-Abendrot';

/**
 * Starts `jointbuy serve` on a fresh database; returns {url, tokens, people, stop()}. `port` and
 * `args` (extra options of serve) and `env` are for a server with an identity service.
 */
export async function startServer({ port: wantedPort, args: extraArgs = [], env = {} } = {}) {
  assert.ok(binary, 'JOINTBUY_BINARY must name the jointbuy binary (CTest sets it)');
  const directory = mkdtempSync(path.join(os.tmpdir(), 'jointbuy-browser-'));
  const db = `sqlite:${path.join(directory, 'jointbuy.db')}`;
  jointbuy(['migrate', '--db', db]);
  const token = (...args) => jointbuy(['token', 'create', '--db', db, ...args]).match(/jb_[A-Za-z0-9_.-]+/)[0];
  const tokens = {
    kriens: token('--role', 'municipality', '--org', '1059', '--name', 'IT Kriens'),
    coordinator: token('--role', 'coordinator', '--name', 'Programmbüro'),
    auditor: token('--role', 'auditor', '--name', 'Finanzkontrolle'),
  };
  const port = wantedPort ?? await freePort();
  const invitations = Object.fromEntries(Object.entries(PEOPLE).map(([key, p]) => {
    const args = ['user', 'invite', '--db', db, '--email', p.email, '--name', p.name, '--role', p.role, '--public-url', `http://127.0.0.1:${port}`];
    if (p.org) args.push('--org', p.org);
    return [key, jointbuy(args).trim().split('\n').pop()];
  }));
  const server = spawn(binary, ['serve', '--db', db, '--port', String(port), ...extraArgs],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let log = '';
  server.stderr.on('data', (chunk) => { log += chunk; });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; ++attempt) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 100 || server.exitCode !== null) throw new Error(`jointbuy serve did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const people = {};
  for (const [key, link] of Object.entries(invitations)) {
    people[key] = { ...PEOPLE[key], password: PASSWORD, link };
    // Every person but the one a test invites through the page sets a password now.
    const response = await fetch(`${url}/api/v1/invitations/${link.split('/').pop()}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ password: PASSWORD }),
    });
    assert.equal(response.status, 200, `the invitation of ${PEOPLE[key].name}: ${await response.text()}`);
  }
  return {
    url,
    tokens,
    people,
    log: () => log,
    async api(method, route, bearer, body) {
      const response = await fetch(`${url}${route}`, {
        method,
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    async stop() {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Chromium, headless; its pages record console errors and failed requests in `problems`. */
export async function startBrowser() {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true });
  mkdirSync(screenshots, { recursive: true });
  return browser;
}

/**
 * A new page in its own context (own session storage) at `viewport`; every console error, page
 * error and failed request of it is pushed to the returned `problems`. Chromium logs every API
 * answer of 400 and above as a console error; `expectProblem(status, path)` declares one that the
 * test provokes on purpose (the page shows it), and only those are let through.
 */
export async function openPage(browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'de-CH' });
  const page = await context.newPage();
  const problems = [];
  const expected = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url ?? '';
    const allowed = expected.some(({ status, path }) => message.text().includes(`status of ${status}`) && new URL(where).pathname === path);
    if (!allowed) problems.push(`console: ${message.text()} ${where}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (!request.url().startsWith('blob:')) problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  const expectProblem = (status, path) => expected.push({ status, path });
  return { context, page, problems, expectProblem };
}

/** Signs `person` ({email, password}) in on the sign-in page. */
export async function signIn(page, url, person) {
  await page.goto(url);
  await page.getByLabel('E-Mail-Adresse').fill(person.email);
  await page.getByLabel('Passwort').fill(person.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.locator('#nav a').first().waitFor();
  await settle(page);
}

/** Waits until the page has no request in flight (so that leaving it aborts nothing). */
export async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').first().waitFor();
}

/** Every input, select and textarea on the page has an accessible name (a label or aria-label). */
export async function assertLabelled(page) {
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((e) => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
    .map((e) => e.outerHTML));
  assert.deepEqual(unlabelled, [], 'inputs without a label');
}

/** Saves a screenshot of the whole page under the build directory. */
export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

// The API's enumerated values, which a page must show as words ("genehmigt", not "approved").
const ENUMS = ['joint_tender', 'individual', 'submitted', 'withdrawn', 'proposed', 'approved', 'rejected', 'tendered', 'needs_review',
  'free_hand', 'invitation', 'one_time', 'yearly', 'supply', 'hardware', 'software', 'service', 'pending', 'confirmed', 'confirm',
  'decline', 'approve', 'reject', 'withdraw', 'move_out', 'merge', 'catalog_item', 'bundling_run', 'intent', 'bundle', 'piece', 'licence',
  'HARDWARE_TOO_SMALL_FOR_PUBLIC_TENDER', 'NOT_WORTH_JOINT_TENDER', 'SINGLE_BUYER', 'SPLITTING_RISK', 'WINDOW_SHIFT_SUGGESTED', 'UNPRICEABLE',
  'CALL_OFF_AVAILABLE', 'CALL_OFF_CEILING_EXCEEDED', 'FRAMEWORK_AGREEMENT_OPPORTUNITY', 'own_tender', 'central_purchasing_body', 'in_house', 'framework'];

/**
 * What the page's main area shows a person: no enumerated value of the API, and no catalogue
 * item's id (`itemIds`) where its name belongs. Words in `allowed` (e.g. "Software", which is German
 * too) are let through; the check is on whole words, case-sensitive.
 */
export async function assertReadable(page, itemIds = [], allowed = []) {
  const text = await page.locator('main').innerText();
  const words = new Set(text.split(/[^A-Za-z0-9_-]+/).filter(Boolean));
  const raw = ENUMS.filter((e) => words.has(e) && !allowed.includes(e));
  assert.deepEqual(raw, [], `untranslated values on the page:\n${text}`);
  const ids = itemIds.filter((id) => text.includes(id));
  assert.deepEqual(ids, [], `item ids shown where their names belong:\n${text}`);
}
