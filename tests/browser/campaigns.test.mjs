// A needs survey in a real browser: the coordinator creates and opens it, the municipality finds it
// on its start page and answers, the progress page shows the answer (table and chart), and the
// coordinator closes it and bundles the answers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertLabelled, openPage, screenshot, settle, signIn, startBrowser, startServer } from './support.mjs';

const itemName = 'Schulverwaltungssoftware für die Volksschule';
const local = (ms) => {
  const d = new Date(Date.now() + ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

describe('a needs survey in the pages', () => {
  let server;
  let browser;
  const sessions = [];

  before(async () => {
    server = await startServer();
    browser = await startBrowser();
  });

  after(async () => {
    for (const { context, page, problems } of sessions) {
      await settle(page);
      await context.close();
      assert.deepEqual(problems, [], 'console errors, page errors or failed requests');
    }
    await browser?.close();
    await server?.stop();
  });

  it('the coordinator creates and opens it, Kriens answers, the progress shows it, the coordinator closes and bundles it', async () => {
    const coordinator = await openPage(browser);
    sessions.push(coordinator);
    const c = coordinator.page;
    await signIn(c, server.url, server.people.coordinator);
    await c.goto(`${server.url}/#/campaigns`);
    await c.getByRole('heading', { name: 'Neue Bedarfserhebung' }).waitFor();
    await assertLabelled(c);
    await c.getByLabel('Titel', { exact: true }).fill('Schulverwaltungssoftware 2027');
    await c.getByLabel('Katalogartikel').selectOption('school-administration-software');
    await c.getByLabel('Eingeladen').fill('1059, 1024');
    // Beginn lies ahead: a draft whose start has passed is opened by the clock, which would race the button.
    await c.getByLabel('Beginn', { exact: true }).fill(local(86400e3));
    await c.getByLabel('Schluss', { exact: true }).fill(local(14 * 86400e3));
    await c.getByRole('button', { name: 'Als Entwurf speichern' }).click();
    await c.getByRole('heading', { name: 'Schulverwaltungssoftware 2027' }).waitFor();
    assert.match(await c.locator('.facts').innerText(), /Entwurf/);
    await c.getByRole('button', { name: 'Eröffnen' }).click();
    await c.locator('.facts', { hasText: 'offen' }).waitFor();
    const campaignUrl = c.url();

    const kriens = await openPage(browser);
    sessions.push(kriens);
    const k = kriens.page;
    await signIn(k, server.url, server.people.kriens);
    const invitation = k.getByRole('region', { name: 'Bedarfserhebungen, die auf Ihre Antwort warten' });
    await invitation.getByRole('link', { name: /Schulverwaltungssoftware 2027/ }).click();
    await k.getByRole('heading', { name: 'Ihre Antwort' }).waitFor();
    await assertLabelled(k);
    await k.getByLabel(`Menge ${itemName}`).fill('40');
    await k.getByRole('button', { name: 'Bedarf melden' }).click();
    await k.getByText('Bedarf gemeldet', { exact: true }).waitFor();
    await screenshot(k, 'campaign-answer');

    await c.goto(campaignUrl);
    await c.reload();
    const answers = c.getByRole('region', { name: /Antworten/ });
    await answers.getByRole('row', { name: /Kriens.*Bedarf gemeldet.*40/ }).waitFor();
    await answers.getByRole('row', { name: /Emmen.*eingeladen/ }).waitFor();
    assert.equal(await c.locator('svg.campaign-chart').count(), 1);
    assert.match(await c.getByRole('img', { name: /Antworten über die Zeit/ }).getAttribute('aria-label'), /1 mit Bedarf/);
    await c.getByText('Kein Mailserver eingerichtet').waitFor();
    await screenshot(c, 'campaign-progress');

    // A colleague closes it meanwhile (through the API): the page's step, sent with the version it shows,
    // is refused as stale, and the page shows the survey as it now is, with the reason, instead of the
    // stale buttons.
    const campaignId = campaignUrl.match(/campaigns\/(\d+)/)[1];
    const closed = await server.api('POST', `/api/v1/campaigns/${campaignId}/close`, server.tokens.coordinator);
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    coordinator.expectProblem(412, `/api/v1/campaigns/${campaignId}/close`);
    await c.getByRole('button', { name: 'Abschliessen' }).click();
    await c.locator('.facts', { hasText: 'abgeschlossen' }).waitFor();
    assert.equal(await c.getByRole('button', { name: 'Abschliessen' }).count(), 0);
    await c.getByRole('alert').or(c.getByRole('status')).filter({ hasText: /inzwischen in Version \d+, nicht mehr in Version \d+/ }).first().waitFor();
    await answers.getByRole('row', { name: /Emmen.*keine Antwort/ }).waitFor();
    await c.getByRole('button', { name: 'Antworten bündeln' }).click();
    await c.waitForURL(/#\/bundles\?run=\d+/);
    await settle(c);
    await c.goto(campaignUrl);
    await c.locator('.facts', { hasText: 'gebündelt' }).waitFor();
  });
});
