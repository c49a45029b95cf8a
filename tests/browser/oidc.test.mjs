// The sign-in through the canton's identity service in a real browser: the provider's own login
// page (oidc-provider, tests/oidc/provider.mjs), a deep link kept across it, and the refusal of a
// person nobody invited, in words on the sign-in page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freePort, openPage, screenshot, settle, startBrowser, startServer } from './support.mjs';
import { clientSecret, startProvider } from '../oidc/support.mjs';

describe('the canton login', () => {
  let server;
  let provider;
  let browser;
  const sessions = [];

  before(async () => {
    const port = await freePort();
    provider = await startProvider(await freePort(), `http://127.0.0.1:${port}`, 'RS256');
    server = await startServer({
      port,
      args: ['--public-url', `http://127.0.0.1:${port}`, '--oidc-issuer', provider.url, '--oidc-client-id', 'jointbuy'],
      env: { JOINTBUY_OIDC_CLIENT_SECRET: clientSecret },
    });
    browser = await startBrowser();
  });

  after(async () => {
    for (const { context, page, problems } of sessions) {
      await settle(page);
      await context.close();
      // The provider's own login page asks for web fonts and a favicon this machine cannot give it:
      // its business, not jointbuy's.
      const ours = problems.filter((p) => !p.includes(provider.url) && !p.includes('fonts.googleapis.com'));
      assert.deepEqual(ours, [], 'console errors, page errors or failed requests');
    }
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  });

  it('an invited person signs in on the provider\'s page and lands on the deep link; a stranger is told why not', async () => {
    const session = await openPage(browser);
    sessions.push(session);
    const { page } = session;
    await page.goto(`${server.url}/#/tenders`);
    await page.getByRole('link', { name: 'Mit dem Kantonslogin anmelden' }).click();
    // The provider's own login page.
    await page.locator('input[name="login"]').fill(server.people.kriens.email);
    await page.locator('input[name="password"]').fill('irrelevant');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('heading', { name: 'Laufende Ausschreibungen' }).waitFor();
    assert.match(await page.locator('#session').textContent(), /Kriens \(1059\) · Anna Muster/);
    await screenshot(page, 'oidc-signed-in');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('link', { name: 'Mit dem Kantonslogin anmelden' }).waitFor();

    const stranger = await openPage(browser);
    sessions.push(stranger);
    await stranger.page.goto(server.url);
    await stranger.page.getByRole('link', { name: 'Mit dem Kantonslogin anmelden' }).click();
    await stranger.page.locator('input[name="login"]').fill('stranger@kriens.example');
    await stranger.page.locator('input[name="password"]').fill('irrelevant');
    await stranger.page.getByRole('button', { name: 'Sign-in' }).click();
    await stranger.page.getByText('Für die E-Mail-Adresse Ihres Kantonslogins gibt es bei jointbuy keinen Zugang.', { exact: false }).waitFor();
    assert.ok(!stranger.page.url().includes('sign_in_error'), 'the reason leaves the address bar');
    await screenshot(stranger.page, 'oidc-not-invited');
  });
});
