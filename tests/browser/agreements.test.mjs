// The hardware route in a real browser (DOMAIN.md §4.8): Kriens finds its intent flagged as
// covered by a framework agreement and calls it off with one click; the coordinator sees the
// ceiling move on the agreement's page, with the call-off listed; an intent the ceiling cannot hold
// offers no call-off. The opportunities view shows its empty state in words.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertLabelled, assertReadable, openPage, screenshot, settle, signIn, startBrowser, startServer } from './support.mjs';

const itemName = 'Laptop Standard-Arbeitsplatz 14 Zoll';
const isoDay = (offsetDays) => new Date(Date.now() + offsetDays * 86400e3).toISOString().slice(0, 10);

describe('framework agreements in the pages', () => {
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

  it('Kriens calls off a flagged intent; the coordinator sees the ceiling move', async () => {
    const { tokens } = server;
    const agreement = await server.api('POST', '/api/v1/framework-agreements', tokens.coordinator, {
      title: 'Notebooks eOperations', supplier: 'Beispiel Informatik AG', source: 'central_purchasing_body',
      legal_basis: 'Art. 25 IVöB', reference: 'simap 1234567', valid_from: isoDay(-30), valid_to: isoDay(3 * 365),
      eligible_organisations: 'all', ceiling_chf: 10200, items: [{ item: 'laptop-standard-14', unit_price_chf: 1020 }],
    });
    assert.equal(agreement.status, 201, JSON.stringify(agreement.body));
    const id = agreement.body.id;
    const small = await server.api('POST', '/api/v1/intents', tokens.kriens,
      { item: 'laptop-standard-14', quantity: 2, earliest: isoDay(10), latest: isoDay(40) });
    assert.equal(small.status, 201, JSON.stringify(small.body));
    const large = await server.api('POST', '/api/v1/intents', tokens.kriens,
      { item: 'laptop-standard-14', quantity: 20, earliest: isoDay(200), latest: isoDay(230) });
    assert.equal(large.status, 201, JSON.stringify(large.body));
    assert.equal((await server.api('POST', '/api/v1/bundling-runs', tokens.coordinator)).status, 201);

    // The coordinator's agreement page before: nothing called off.
    const coordinator = await openPage(browser);
    sessions.push(coordinator);
    const c = coordinator.page;
    await signIn(c, server.url, server.people.coordinator);
    await c.getByRole('link', { name: 'Rahmenverträge', exact: true }).click();
    await c.getByRole('link', { name: /Notebooks eOperations/ }).click();
    await c.getByRole('heading', { name: /Notebooks eOperations/ }).waitFor();
    assert.match(await c.locator('#agreement-ceiling').innerText(), /CHF 0\.00 von CHF 10'200\.00 abgerufen \(0 %\)/);
    await c.getByText('Noch keine Abrufe.').waitFor();
    await assertReadable(c, ['laptop-standard-14'], ['Art']);

    // Kriens: the flags of the latest run offer the call-off of the small intent, not of the large one.
    const kriens = await openPage(browser);
    sessions.push(kriens);
    const k = kriens.page;
    await signIn(k, server.url, server.people.kriens);
    await k.getByRole('link', { name: 'Hinweise', exact: true }).click();
    const available = k.getByRole('row', { name: /Abruf aus Rahmenvertrag möglich/ });
    await available.waitFor();
    assert.equal(await available.count(), 1);
    assert.match(await available.innerText(), new RegExp(`${itemName} \\(Nr\\. ${small.body.id}\\)`));
    const exceeded = k.getByRole('row', { name: /Höchstbetrag reicht nicht/ });
    assert.equal(await exceeded.count(), 1);
    assert.equal(await exceeded.getByRole('button').count(), 0);
    await assertLabelled(k);
    await available.getByRole('button', { name: `Abrufen: ${itemName} (Nr. ${small.body.id})` }).click();
    await k.getByText(`Abgerufen: ${itemName}, 2 Stück für CHF 2'040.00`).waitFor();
    await available.getByText(/Abgerufen \(Abruf \d+\)/).waitFor();
    await screenshot(k, 'call-off-from-flag');
    // Reloaded, the flag says it was called off instead of offering it again.
    await k.reload();
    await k.getByRole('row', { name: /Abruf aus Rahmenvertrag möglich/ }).getByText(/Abgerufen \(Abruf \d+\)/).waitFor();
    // Kriens's own view of the agreement lists its call-off.
    await k.getByRole('link', { name: 'Rahmenverträge', exact: true }).click();
    await k.getByRole('link', { name: /Notebooks eOperations/ }).click();
    await k.getByRole('heading', { name: 'Ihre Abrufe' }).waitFor();
    await k.getByRole('row', { name: /Kriens.*2.*CHF 2'040\.00/ }).waitFor();

    // The coordinator sees the ceiling move and the call-off with who made it.
    await c.reload();
    await c.getByRole('heading', { name: /Notebooks eOperations/ }).waitFor();
    assert.match(await c.locator('#agreement-ceiling').innerText(), /CHF 2'040\.00 von CHF 10'200\.00 abgerufen \(20 %\)/);
    assert.equal(await c.locator('#agreement-ceiling meter').getAttribute('value'), '20');
    const row = c.getByRole('row', { name: /Kriens \(1059\)/ });
    await row.waitFor();
    assert.match(await row.innerText(), /Laptop Standard-Arbeitsplatz 14 Zoll/);
    // Made by the person signed in for Kriens, by name.
    assert.match(await row.innerText(), /Anna Muster/);
    await screenshot(c, 'agreement-ceiling');
    // The list shows the same share.
    await c.getByRole('link', { name: 'Rahmenverträge', exact: true }).click();
    await c.getByRole('row', { name: /Notebooks eOperations.*20 %/ }).waitFor();
    assert.equal((await server.api('GET', `/api/v1/framework-agreements/${id}`, tokens.auditor)).body.consumed_chf, 2040);

    // The opportunities view says in words that the latest run found none.
    await c.getByRole('link', { name: 'Chancen für Rahmenverträge', exact: true }).click();
    await c.getByText('Der letzte Bündelungslauf fand keine.').waitFor();
  });
});
