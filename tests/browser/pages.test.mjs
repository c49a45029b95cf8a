// jointbuy's pages in a real browser against a real server: a municipality adds and imports
// intents, a coordinator runs the engine and approves a joint tender, the municipality confirms,
// the auditor reads. Screenshots of the main pages go to the build directory.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertLabelled, assertReadable, openPage, screenshot, settle, signIn, startBrowser, startServer } from './support.mjs';

const year = new Date().getUTCFullYear() + 1;
const day = (month, d) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const otherSchools = ['1024', '1054', '1058', '1040', '1103', '1031', '1062', '1063', '1151', '1093', '1098'];
const schoolSoftware = 'Schulverwaltungssoftware für die Volksschule';
const laptopName = 'Laptop Standard-Arbeitsplatz 14 Zoll';

// Reads a CSV as RFC 4180 does (quoted fields, doubled quotes, CRLF): an array of records.
function parseCsv(text, separator) {
  const records = [];
  let record = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        ++i;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === separator) {
      record.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      ++i;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  return records;
}

describe('the web pages', () => {
  let server;
  let browser;
  const sessions = [];

  const open = async (viewport) => {
    const session = await openPage(browser, viewport);
    sessions.push(session);
    return session;
  };

  before(async () => {
    server = await startServer();
    browser = await startBrowser();
    // Eleven other schools want the school administration software in the first half of the year.
    for (const [k, organisation] of otherSchools.entries()) {
      const reply = await server.api('POST', '/api/v1/intents', server.tokens.coordinator, {
        organisation, item: 'school-administration-software', quantity: 460 + 60 * k, earliest: day(1, 1 + 3 * k), latest: day(6, 19),
      });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
    }
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

  it('a municipality adds an intent through the form, after a field error for a reversed window', async () => {
    const { page, expectProblem } = await open();
    expectProblem(422, '/api/v1/intents');
    await signIn(page, server.url, server.people.kriens);
    // The start page says what there is to do, and what to do when there is nothing yet.
    await page.getByRole('heading', { name: 'Übersicht' }).waitFor();
    await page.getByText('Zurzeit wartet keine Ausschreibung auf Ihre Antwort.').waitFor();
    await page.getByText('Sie haben keine offenen Beschaffungsabsichten.').waitFor();
    await screenshot(page, 'home-municipality-empty');
    await page.locator('#nav').getByRole('link', { name: 'Neue Absicht' }).click();
    const item = page.getByRole('combobox', { name: 'Katalogartikel (Name oder CPV-Code)' });
    await item.fill('Schulverwaltung');
    await page.getByRole('option', { name: /^Schulverwaltungssoftware für die Volksschule/ }).click();
    await assert.doesNotReject(page.getByText(/Referenzpreis: CHF \d/).waitFor());
    await page.getByLabel('Menge').fill('400');
    await page.getByLabel('Frühestens').fill(day(6, 19));
    await page.getByLabel('Spätestens').fill(day(1, 1));
    await assertLabelled(page);
    await page.getByRole('button', { name: 'Speichern' }).click();

    const latestError = page.locator('[data-field="latest"] .error');
    await latestError.waitFor();
    assert.match(await latestError.textContent(), /darf nicht vor «Frühestens»/);
    assert.equal(await page.getByLabel('Spätestens').getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'intent-form-error');
    assert.equal((await server.api('GET', '/api/v1/intents', server.tokens.kriens)).body.items.length, 0, 'nothing stored');

    await page.getByLabel('Frühestens').fill(day(1, 1));
    await page.getByLabel('Spätestens').fill(day(6, 19));
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('status').getByText(/Beschaffungsabsicht \d+ gespeichert/).waitFor();
    const row = page.getByRole('row', { name: new RegExp(schoolSoftware) });
    assert.match(await row.textContent(), /CHF [\d']+\.\d\d/);
    assert.match(await row.textContent(), new RegExp(`01\\.01\\.${year} – 19\\.06\\.${year}`));
  });

  it('a municipality imports a CSV: first every bad row is reported, then the good file is stored', async () => {
    const { page, expectProblem } = await open();
    expectProblem(422, '/api/v1/intents/import');
    await signIn(page, server.url, server.people.kriens);
    // The header names the organisation (before: "Gemeinde 1059").
    assert.match(await page.locator('#session').textContent(), /Gemeinde Kriens \(1059\)/);
    await page.locator('#nav').getByRole('link', { name: 'CSV-Import' }).click();
    const bad = `\ufeffArtikel;Menge;Von;Bis\r\nlaptop-standard-14;3;01.03.${year};31.03.${year}\r\nfliegender-teppich;1;01.03.${year};31.03.${year}\r\n`;
    await page.getByLabel('CSV-Datei').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Importieren' }).click();
    const report = page.getByRole('table');
    await report.waitFor();
    assert.match(await report.textContent(), /fliegender-teppich/);
    // Columns by the form's labels, not the API's field names.
    assert.match(await report.textContent(), /Artikel/);
    assert.doesNotMatch(await report.textContent(), /\bitem\b/);
    assert.equal(await page.getByRole('row', { name: /^3/ }).count(), 1, 'the bad row is named by its spreadsheet number');

    const good = `\ufeffArtikel;Menge;Von;Bis\r\nlaptop-standard-14;3;01.03.${year};31.03.${year}\r\n`;
    await page.getByLabel('CSV-Datei').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Importieren' }).click();
    await page.getByRole('status').getByText('1 Beschaffungsabsichten importiert', { exact: false }).waitFor();
    await screenshot(page, 'import');
    // The same file again is not stored twice: the page says so.
    await page.getByLabel('CSV-Datei').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Importieren' }).click();
    await page.getByRole('status').getByText('Diese Datei wurde schon importiert', { exact: false }).waitFor();
    const laptops = (await server.api('GET', '/api/v1/intents?item=laptop-standard-14', server.tokens.kriens)).body.items;
    assert.equal(laptops.length, 1);

    // The template: German headers, example rows that name items as the catalogue does, and it imports as it is.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Vorlage herunterladen (CSV für Excel)' }).click();
    const template = await readFile(await (await downloading).path(), 'utf8');
    const rows = parseCsv(template.replace(/^\ufeff/, ''), ';');
    assert.deepEqual(rows[0], ['Artikel', 'Menge', 'Stückpreis CHF', 'Frühestens', 'Spätestens', 'Vertragsjahre', 'Bemerkung']);
    assert.equal(rows.length, 3);
    const names = new Set((await server.api('GET', '/api/v1/catalog/items?limit=500', server.tokens.kriens)).body.items.map((i) => i.name_de));
    for (const r of rows.slice(1)) assert.ok(names.has(r[0]), `the template names "${r[0]}", which is not a catalogue name`);
    await page.getByLabel('CSV-Datei').setInputFiles({ name: 'vorlage.csv', mimeType: 'text/csv', buffer: Buffer.from(template) });
    await page.getByRole('button', { name: 'Importieren' }).click();
    await page.getByRole('status').getByText('2 Beschaffungsabsichten importiert', { exact: false }).waitFor();
    // They were examples: withdrawn again, so that the scenario below stays as it is.
    const kriens = (await server.api('GET', '/api/v1/intents', server.tokens.kriens)).body.items;
    for (const intent of kriens.filter((i) => i.note === 'Ersatz Schulhaus Kriens' || i.quantity === 250)) {
      const response = await fetch(`${server.url}/api/v1/intents/${intent.id}`, {
        method: 'DELETE', headers: { Authorization: `Bearer ${server.tokens.kriens}`, 'If-Match': `"${intent.version}"` },
      });
      assert.equal(response.status, 200, await response.text());
    }
  });

  it('a coordinator runs the engine, opens the joint tender, sees its timeline, approves it and downloads the CSV', async () => {
    const { page } = await open();
    await signIn(page, server.url, server.people.coordinator);
    await page.getByText('Keine Vorschläge zu prüfen.').waitFor();
    await page.locator('#nav').getByRole('link', { name: 'Bündel', exact: true }).click();
    await page.getByRole('button', { name: 'Bündelung ausführen' }).click();
    await page.getByRole('status').getByText(/Lauf 1: \d+ Bündel, 1 gemeinsame Ausschreibungen/).waitFor();
    await assertLabelled(page);
    // At 1280 px every column is in view, savings and award window included (before: cut off on the right).
    const wrap = await page.locator('main .table-wrap').boundingBox();
    for (const name of ['Geschätzte Einsparung', 'Gemeinsames Vergabefenster']) {
      const column = await page.getByRole('columnheader', { name }).boundingBox();
      assert.ok(column.x + column.width <= wrap.x + wrap.width + 1, `the column ${name} ends at ${column.x + column.width}, the table at ${wrap.x + wrap.width}`);
    }
    await screenshot(page, 'bundles');

    await page.getByLabel('Verfahren').selectOption('open');
    await page.getByRole('link', { name: /school-administration-software/ }).click();
    await page.getByRole('heading', { name: /Bündel \d+: Schulverwaltungssoftware für die Volksschule \(school-administration-software\// }).waitFor();
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    assert.equal(await timeline.getByTestId('member-window').count(), 12);
    assert.equal(await timeline.getByTestId('award-window').count(), 1);
    const award = await timeline.getByTestId('award-window').boundingBox();
    for (const bar of await timeline.getByTestId('member-window').all()) {
      const box = await bar.boundingBox();
      assert.ok(box.x <= award.x + 1 && box.x + box.width >= award.x + award.width - 1, 'every member window spans the award window');
    }
    assert.match(await page.locator('dl.facts').textContent(), /offen/);
    assert.equal(await page.getByRole('row', { name: /★/ }).count(), 1, 'one lead buyer');
    await assertLabelled(page);
    await screenshot(page, 'bundle');

    await page.getByLabel('Kommentar').fill('Gemeinsame Ausschreibung freigegeben');
    await page.getByRole('button', { name: 'Genehmigen' }).click();
    await page.getByRole('status').getByText('Gespeichert: genehmigt.').waitFor();
    await page.getByRole('button', { name: 'Drucken' }).waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Mengengerüst CSV' }).click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^jointbuy-bundle-\d+-school-administration-software-.*\.csv$/);
    const csv = parseCsv(await readFile(await download.path(), 'utf8'), ',');
    const header = csv[0];
    // The page is German, so is the schedule.
    const organisation = header.indexOf('Auftraggeberin Nr.');
    const value = header.indexOf('Wert CHF');
    assert.ok(organisation >= 0 && value >= 0, `header: ${header}`);
    const members = csv.slice(1).filter((r) => r[organisation] && r[organisation] !== '');
    const bundle = (await server.api('GET', '/api/v1/bundles?decision=joint_tender', server.tokens.coordinator)).body.items[0];
    const byOrganisation = new Map(bundle.members.map((m) => [m.organisation, m]));
    const memberRows = members.filter((r) => byOrganisation.has(r[organisation]));
    assert.equal(memberRows.length, 12);
    const chf = (text) => Number(text.replaceAll("'", ''));
    for (const r of memberRows) assert.equal(chf(r[value]), byOrganisation.get(r[organisation]).value_chf);
    const rappen = memberRows.reduce((sum, r) => sum + Math.round(chf(r[value]) * 100), 0);
    assert.equal(rappen, Math.round(bundle.value_chf * 100));
  });

  it('the municipality sees its flag and confirms the approved tender', async () => {
    const { page } = await open();
    await signIn(page, server.url, server.people.kriens);
    // The start page: the approved tender awaits Kriens's answer, with its share; its open intents below.
    const awaiting = page.getByRole('region', { name: 'Ihre Antwort ausstehend' });
    const tender = awaiting.getByRole('row', { name: new RegExp(schoolSoftware) });
    await tender.waitFor();
    assert.match(await tender.textContent(), /CHF [\d']+\.\d\d/);
    await assertReadable(page, ['school-administration-software', 'laptop-standard-14']);
    await screenshot(page, 'home-municipality');

    await page.locator('#nav').getByRole('link', { name: 'Meine Absichten' }).click();
    const laptops = page.getByRole('row', { name: new RegExp(laptopName) });
    await laptops.waitFor();
    assert.match(await laptops.textContent(), /Hardware: zu klein für eine öffentliche Ausschreibung/);
    await assertReadable(page, ['school-administration-software', 'laptop-standard-14']);
    await screenshot(page, 'intents');

    // "Meine Bündel": the joint tender apart from what Kriens buys alone, with its answer still open.
    await page.locator('#nav').getByRole('link', { name: 'Meine Bündel' }).click();
    await page.getByRole('heading', { name: 'Gemeinsame Ausschreibungen mit Ihrer Beteiligung' }).waitFor();
    const joint = page.getByRole('row', { name: new RegExp(schoolSoftware) });
    assert.match(await joint.textContent(), /Ihre Antwort ausstehend/);
    await page.getByRole('heading', { name: 'Einzeln zu beschaffen' }).waitFor();
    assert.match(await page.locator('main').textContent(), new RegExp(laptopName));
    await screenshot(page, 'my-bundles');

    await page.locator('#nav').getByRole('link', { name: 'Start' }).click();
    await page.getByRole('link', { name: 'Prüfen und antworten' }).click();
    await page.getByRole('button', { name: 'Teilnahme bestätigen' }).click();
    // Before: "Gespeichert: genehmigt." (the tender's status, not the buyer's answer).
    await page.getByRole('status').getByText('Ihre Teilnahme ist bestätigt.').waitFor();
    assert.match(await page.getByRole('table', { name: 'Mitglieder' }).getByRole('row', { name: /Kriens/ }).textContent(), /bestätigt/);
    assert.equal(await page.getByRole('button', { name: 'Genehmigen' }).count(), 0, 'a municipality cannot decide');
  });

  it('the auditor reads everything, changes nothing, and sees the bundle\'s audit log; in English too', async () => {
    const { page } = await open();
    await signIn(page, server.url, server.people.auditor);
    // The auditor starts on the audit log: a readable table, searchable, with names and Swiss formats.
    await page.getByRole('heading', { name: 'Audit-Protokoll' }).waitFor();
    await page.getByRole('cell', { name: 'genehmigt', exact: true }).waitFor();
    assert.match(await page.locator('main table').textContent(), /Beat Koch/);
    assert.match(await page.locator('main table').textContent(), /Anna Muster, Kriens \(1059\)/);
    assert.match(await page.locator('main table').textContent(), /\d\d\.\d\d\.\d{4} \d\d:\d\d/);
    // Item ids stand beside the names of catalogue records here (an auditor needs them); enum values never.
    await assertReadable(page);
    await assertLabelled(page);
    await screenshot(page, 'home-auditor');
    // By organisation: only Kriens's records and acts.
    await page.getByLabel('Organisation').selectOption('1059');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByRole('cell', { name: 'erfasst', exact: true }).first().waitFor();
    assert.doesNotMatch(await page.locator('main table').textContent(), /Emmen/);
    // The export: Excel's CSV with German headers.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Als CSV exportieren (Excel)' }).click();
    const exported = parseCsv((await readFile(await (await downloading).path(), 'utf8')).replace(/^\ufeff/, ''), ';');
    assert.equal(exported[0][0], 'Nr.');
    assert.ok(exported[0].includes('Organisation des Datensatzes'));
    assert.ok(exported.length > 1);

    await page.locator('#nav').getByRole('link', { name: 'Bündel', exact: true }).click();
    await page.getByRole('link', { name: /school-administration-software/ }).click();
    await page.getByRole('heading', { name: /Bündel/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: /Genehmigen|Ablehnen|Zurückziehen|Herauslösen/ }).count(), 0);
    // Decisions name people, not token ids.
    assert.match(await page.getByRole('row', { name: /Teilnahme bestätigen/ }).textContent(), /Anna Muster \(Kriens\)/);
    await page.getByRole('link', { name: 'Audit-Protokoll dieses Bündels' }).click();
    await page.getByRole('cell', { name: 'genehmigt', exact: true }).waitFor();
    assert.equal(await page.getByRole('cell', { name: 'Teilnahme bestätigt', exact: true }).count(), 1);
    // The answers as a change of one buyer's answer, by name (before: raw JSON with "pending").
    assert.match(await page.locator('main table').textContent(), /Kriens \(1059\): offen → bestätigt/);
    await assertReadable(page);
    await screenshot(page, 'audit');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  });

  it('a coordinator reads the flags and changes a catalogue item', async () => {
    const { page, expectProblem } = await open();
    expectProblem(422, '/api/v1/catalog/items/monitor-24');
    await signIn(page, server.url, server.people.coordinator);
    await page.locator('#nav').getByRole('link', { name: 'Hinweise' }).click();
    await page.getByRole('table').getByText('Einzige Auftraggeberin').first().waitFor();
    await page.getByLabel('Art').selectOption('HARDWARE_TOO_SMALL_FOR_PUBLIC_TENDER');
    await page.getByRole('table').getByText('Einzige Auftraggeberin').waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Kriens \(1059\)/ });
    await row.waitFor();
    assert.match(await row.textContent(), /öffentliche Ausschreibung lohnt sich nicht/);
    // The intent by its item's name, not by its number alone.
    assert.match(await row.textContent(), new RegExp(`${laptopName} \\(Nr\\. \\d+\\)`));
    await assertReadable(page, ['school-administration-software', 'laptop-standard-14']);
    await assertLabelled(page);
    await screenshot(page, 'flags');

    await page.locator('#nav').getByRole('link', { name: 'Katalog' }).click();
    await page.getByLabel('Suchen (Name oder CPV)').fill('Monitor 24');
    await page.getByRole('link', { name: 'Bearbeiten monitor-24' }).click();
    await page.getByRole('heading', { name: 'Artikel monitor-24 bearbeiten' }).waitFor();
    await assertLabelled(page);
    await page.getByLabel('Referenzpreis').fill('-5');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('[data-field="reference_price_chf"] .error').getByText(/.+/).waitFor();
    await page.getByLabel('Referenzpreis').fill('239.90');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('status').getByText('Artikel monitor-24 gespeichert.').waitFor();
    const item = await server.api('GET', '/api/v1/catalog/items/monitor-24', server.tokens.coordinator);
    assert.equal(item.body.reference_price_chf, 239.9);
    assert.equal(item.body.version, 2);

    // A yearly service item: the form offers exactly the schema's choices and keeps them.
    const schema = JSON.parse(await readFile(new URL('../../schemas/json/catalog-item.schema.json', import.meta.url), 'utf8'));
    await page.goto(`${server.url}/#/catalog/gever-hosting-operation`);
    await page.getByRole('heading', { name: 'Artikel gever-hosting-operation bearbeiten' }).waitFor();
    const options = async (name) => page.locator(`[data-field="${name}"] option`).evaluateAll((all) => all.map((o) => o.value));
    assert.deepEqual(await options('category'), schema.properties.category.enum);
    assert.deepEqual(await options('billing'), schema.properties.billing.enum);
    assert.deepEqual(await options('procurement_type'), schema.properties.procurement_type.enum);
    assert.equal(await page.getByLabel('Kategorie', { exact: true }).inputValue(), 'service');
    assert.equal(await page.getByLabel('Abrechnung', { exact: true }).inputValue(), 'yearly');
    assert.equal(await page.getByLabel('Vertragsjahre', { exact: true }).inputValue(), '5');
    await page.getByLabel('Referenzpreis').fill('41000');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('status').getByText('Artikel gever-hosting-operation gespeichert.').waitFor();
    const service = await server.api('GET', '/api/v1/catalog/items/gever-hosting-operation', server.tokens.coordinator);
    assert.equal(service.body.category, 'service');
    assert.equal(service.body.billing, 'yearly');
    assert.equal(service.body.default_contract_years, 5);
    assert.equal(service.body.reference_price_chf, 41000);
    assert.equal(service.body.version, 2);
  });

  it('a coordinator filters the intents by municipality and item, sorts them, and reads their total', async () => {
    const { page } = await open();
    await signIn(page, server.url, server.people.coordinator);
    await page.locator('#nav').getByRole('link', { name: 'Beschaffungsabsichten' }).click();
    await page.getByRole('heading', { name: 'Beschaffungsabsichten' }).waitFor();
    await page.getByRole('row', { name: /^Total/ }).waitFor();
    // The answer to the first filter (the item alone) is held back until the second (item and Emmen)
    // has been shown: a late answer to an older filter must not replace the newer one on the page.
    let releaseItemOnly;
    const itemOnlyHeld = new Promise((resolve) => { releaseItemOnly = resolve; });
    let itemOnlyAnswered;
    const itemOnlyDone = new Promise((resolve) => { itemOnlyAnswered = resolve; });
    await page.route((url) => url.pathname === '/api/v1/intents' && url.searchParams.get('item') === 'school-administration-software'
      && !url.searchParams.has('organisation') && !url.searchParams.has('cursor'), async (route) => {
      await itemOnlyHeld;
      await route.continue();
      itemOnlyAnswered();
    }, { times: 1 });
    await page.getByLabel('Katalogartikel').selectOption('school-administration-software');
    await page.getByLabel('Gemeinde oder Stelle').selectOption('1024');
    await page.getByRole('table').getByText('1 Eintrag', { exact: true }).waitFor();
    releaseItemOnly();
    await itemOnlyDone;
    await page.waitForLoadState('networkidle');
    await page.getByRole('table').getByText('1 Eintrag', { exact: true }).waitFor({ timeout: 1000 });
    const emmen = (await server.api('GET', '/api/v1/intents?organisation=1024&item=school-administration-software', server.tokens.coordinator)).body.items;
    assert.equal(emmen.length, 1);
    const total = page.getByRole('row', { name: /^Total/ });
    const chf = (amount) => `CHF ${Math.floor(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, "'")}.${String(Math.round(amount * 100) % 100).padStart(2, '0')}`;
    assert.match(await total.textContent(), new RegExp(chf(emmen[0].value_chf).replace('.', '\\.')));
    // All municipalities again, sorted by value, largest first: the total is the sum of the rows.
    await page.getByLabel('Gemeinde oder Stelle').selectOption('');
    await page.getByLabel('Sortieren nach').selectOption('value:desc');
    const all = (await server.api('GET', '/api/v1/intents?item=school-administration-software&limit=500', server.tokens.coordinator)).body.items;
    await page.getByRole('table').getByText(`${all.length} Einträge`).waitFor();
    const values = await page.locator('tbody tr:not(.total) td:nth-child(5)').allTextContents();
    const numbers = values.map((v) => Number(v.replace(/[^\d.]/g, '')));
    assert.deepEqual(numbers, [...numbers].sort((x, y) => y - x), 'sorted by value, largest first');
    const rappen = all.reduce((sum, i) => sum + Math.round(i.value_chf * 100), 0);
    assert.match(await total.textContent(), new RegExp(chf(rappen / 100).replace('.', '\\.')));
    await assertReadable(page, ['school-administration-software', 'laptop-standard-14']);
    await assertLabelled(page);
    await screenshot(page, 'intents-coordinator');
  });

  it('works on a 390px-wide phone and by keyboard alone', async () => {
    const { page } = await open({ width: 390, height: 844 });
    await signIn(page, server.url, server.people.kriens);
    await page.reload();
    await page.locator('#nav a').first().waitFor();
    await settle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    // The header leaves the screen to the content (before: 230 of 844 px).
    const header = await page.locator('header.top').boundingBox();
    assert.ok(header.height <= 110, `the header is ${header.height}px high`);
    await screenshot(page, 'phone-home');
    // Tab from the top: the skip link first, then the navigation, each with a visible focus ring.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      const style = getComputedStyle(e);
      return { text: e.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.equal(focused.text, 'Start');
    assert.notEqual(focused.outline, 'none');
    assert.ok(focused.width >= 2);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Neue Beschaffungsabsicht' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'combobox');

    await page.locator('#nav').getByRole('link', { name: 'Meine Absichten' }).click();
    await page.getByRole('heading', { name: 'Meine Beschaffungsabsichten' }).waitFor();
    // Every row's actions are on the screen, not beyond its right edge.
    const edit = page.getByRole('link', { name: /^Bearbeiten/ }).first();
    await edit.waitFor();
    const box = await edit.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `the row action sits at x=${box.x}`);
    const overflowList = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflowList <= 0, `the list is ${overflowList}px wider than the phone`);
    await screenshot(page, 'phone-intents');
  });

  it('an approved tender outlives the next run: it stays under "Laufende Ausschreibungen" for coordinator and buyer, with its decisions', async () => {
    const { page } = await open();
    await signIn(page, server.url, server.people.coordinator);
    // The coordinator's start page: the approved tender waits for eleven buyers, named; the flags by kind.
    const waiting = page.getByRole('region', { name: 'Warten auf Auftraggeberinnen' });
    const row0 = waiting.getByRole('row', { name: new RegExp(schoolSoftware) });
    await row0.waitFor();
    assert.match(await row0.textContent(), /Emmen \(1024\)/);
    assert.doesNotMatch(await row0.textContent(), /Kriens/);
    await page.getByRole('region', { name: 'Hinweise des letzten Laufs' }).getByRole('link', { name: 'Einzige Auftraggeberin' }).waitFor();
    await assertReadable(page, ['school-administration-software', 'laptop-standard-14']);
    await screenshot(page, 'home-coordinator');
    await page.locator('#nav').getByRole('link', { name: 'Bündel', exact: true }).click();
    await page.getByRole('button', { name: 'Bündelung ausführen' }).click();
    await page.getByRole('status').getByText(/Lauf 2:/).waitFor();
    await page.locator('#nav').getByRole('link', { name: 'Laufende Ausschreibungen' }).click();
    await page.getByRole('heading', { name: 'Laufende Ausschreibungen' }).waitFor();
    const row = page.getByRole('row', { name: /school-administration-software/ });
    await row.waitFor();
    assert.match(await row.textContent(), /genehmigt/);
    assert.match(await row.textContent(), /1 von 12 bestätigt/);
    await assertLabelled(page);
    await screenshot(page, 'tenders');
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: 'Entscheide' }).waitFor();
    assert.equal(await page.getByRole('cell', { name: 'Genehmigen', exact: true }).count(), 1);
    assert.equal(await page.getByRole('cell', { name: 'Teilnahme bestätigen', exact: true }).count(), 1);
    // The coordinator is offered exactly what the API allows: withdraw (not every buyer confirmed yet).
    assert.equal(await page.getByRole('button', { name: 'Zurückziehen' }).count(), 1);
    assert.equal(await page.getByRole('button', { name: /Genehmigen|Als ausgeschrieben markieren|Herauslösen|Zusammenlegen/ }).count(), 0);

    const buyer = (await open()).page;
    await signIn(buyer, server.url, server.people.kriens);
    await buyer.locator('#nav').getByRole('link', { name: 'Laufende Ausschreibungen' }).click();
    await buyer.getByRole('heading', { name: 'Laufende Ausschreibungen' }).waitFor();
    await buyer.getByRole('link', { name: /school-administration-software/ }).click();
    await buyer.getByRole('heading', { name: 'Entscheide' }).waitFor();
    // Kriens confirmed already: it may still decline, not confirm again.
    assert.equal(await buyer.getByRole('button', { name: 'Absagen' }).count(), 1);
    assert.equal(await buyer.getByRole('button', { name: 'Teilnahme bestätigen' }).count(), 0);
    // Its intent links to the tender it is in.
    await buyer.locator('#nav').getByRole('link', { name: 'Meine Absichten' }).click();
    await buyer.getByRole('heading', { name: 'Meine Beschaffungsabsichten' }).waitFor();
    const intent = buyer.getByRole('row', { name: new RegExp(schoolSoftware) });
    await intent.waitFor();
    assert.match(await intent.textContent(), /Bündel \d+ \(genehmigt\)/);

    // Declining asks first; cancelled, nothing happens.
    await intent.getByRole('link', { name: /Bündel \d+/ }).click();
    await buyer.getByRole('heading', { name: 'Entscheide' }).waitFor();
    let question = '';
    buyer.once('dialog', (dialog) => { question = dialog.message(); dialog.dismiss(); });
    await buyer.getByRole('button', { name: 'Absagen' }).click();
    assert.match(question, /einzeln beschafft/);
    assert.equal(await buyer.getByRole('button', { name: 'Absagen' }).count(), 1);
    // Confirmed, the decline is saved and said so; the page goes to the tenders the buyer still has,
    // with no error (before: "Gespeichert: genehmigt." above "Not found – There is no bundle").
    buyer.once('dialog', (dialog) => dialog.accept());
    await buyer.getByRole('button', { name: 'Absagen' }).click();
    await buyer.getByRole('status').getByText('Ihre Absage ist gespeichert', { exact: false }).waitFor();
    await buyer.getByRole('heading', { name: 'Laufende Ausschreibungen' }).waitFor();
    assert.doesNotMatch(await buyer.locator('main').textContent(), /Not found|Fehler/);
  });

  it('people sign in as themselves: invited on the people page, a password set through the link, a deep link and a second tab, sign-out', async () => {
    // The coordinator invites a person of Emmen; the page shows the one-time link to pass on.
    const coordinator = await open();
    await signIn(coordinator.page, server.url, server.people.coordinator);
    await coordinator.page.locator('#nav').getByRole('link', { name: 'Personen' }).click();
    await coordinator.page.getByRole('heading', { name: 'Personen', exact: true }).waitFor();
    await coordinator.page.getByLabel('Name', { exact: true }).fill('Daniel Frei');
    await coordinator.page.getByLabel('E-Mail-Adresse').fill('daniel.frei@emmen.example');
    await coordinator.page.getByLabel('Rolle').selectOption('municipality');
    await coordinator.page.getByLabel('Organisation').selectOption('1024');
    await coordinator.page.getByRole('button', { name: 'Einladen' }).click();
    const linkField = coordinator.page.getByRole('textbox', { name: 'Einladungslink für Daniel Frei' });
    await linkField.waitFor();
    const link = await linkField.inputValue();
    assert.match(link, /\/invitations\/[A-Za-z0-9_-]{20,}$/);
    assert.match(await coordinator.page.locator('main table').textContent(), /Daniel Frei.*daniel\.frei@emmen\.example.*Emmen \(1024\).*eingeladen bis/s);
    await assertReadable(coordinator.page);
    await assertLabelled(coordinator.page);
    await screenshot(coordinator.page, 'people');

    // The invited person opens the link, is refused a common password, then sets a good one and is in.
    const token = link.split('/').pop();
    const invited = await open();
    invited.expectProblem(422, `/api/v1/invitations/${token}`);
    await invited.page.goto(link);
    await invited.page.getByRole('heading', { name: 'Einladung zu jointbuy' }).waitFor();
    await invited.page.getByText('Willkommen, Daniel Frei (Emmen).').waitFor();
    await assertLabelled(invited.page);
    await invited.page.getByLabel('Neues Passwort').fill('Passwort1234');
    await invited.page.getByLabel('Passwort wiederholen').fill('Passwort1234');
    await invited.page.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
    await invited.page.getByText(/gehört zu den Passwörtern, die viele Leute verwenden/).waitFor();
    await invited.page.getByLabel('Neues Passwort').fill('Nebelhorn-Zither-Marktplatz');
    await invited.page.getByLabel('Passwort wiederholen').fill('Nebelhorn-Zither-Marktplatz');
    await invited.page.getByRole('button', { name: 'Passwort festlegen und anmelden' }).click();
    await invited.page.getByRole('heading', { name: 'Übersicht' }).waitFor();
    assert.match(await invited.page.locator('#session').textContent(), /Emmen \(1024\) · Daniel Frei/);
    assert.ok(!invited.page.url().includes(token), 'the spent link leaves the address bar');

    // The same link again: refused, saying what to do.
    const again = await open();
    again.expectProblem(410, `/api/v1/invitations/${token}`);
    await again.page.goto(link);
    await again.page.getByText(/Dieser Einladungslink wurde schon verwendet/).waitFor();

    // A deep link survives the sign-in, after a wrong password.
    const visitor = await open();
    visitor.expectProblem(401, '/api/v1/session');
    await visitor.page.goto(`${server.url}/#/tenders`);
    await visitor.page.getByLabel('E-Mail-Adresse').fill('daniel.frei@emmen.example');
    await visitor.page.getByLabel('Passwort').fill('Nebelhorn-Zither-Marktplat');
    await visitor.page.getByRole('button', { name: 'Anmelden' }).click();
    await visitor.page.getByText('E-Mail-Adresse oder Passwort ist falsch.').waitFor();
    await visitor.page.getByLabel('Passwort').fill('Nebelhorn-Zither-Marktplatz');
    await visitor.page.getByRole('button', { name: 'Anmelden' }).click();
    await visitor.page.getByRole('heading', { name: 'Laufende Ausschreibungen' }).waitFor();
    await screenshot(visitor.page, 'signed-in-deep-link');

    // The session works in every tab of the browser, and signing out in one ends it in all.
    const secondTab = await visitor.context.newPage();
    await secondTab.goto(`${server.url}/#/intents`);
    await secondTab.locator('#nav a').first().waitFor();
    assert.equal(await secondTab.getByLabel('E-Mail-Adresse').count(), 0, 'no second sign-in');
    await visitor.page.getByRole('button', { name: 'Abmelden' }).click();
    await visitor.page.getByLabel('E-Mail-Adresse').waitFor();
    await secondTab.reload();
    await secondTab.getByLabel('E-Mail-Adresse').waitFor();
    await secondTab.close();

    // The person's own page: name, password change, personal tokens.
    await invited.page.locator('#session').getByRole('link', { name: 'Daniel Frei' }).click();
    await invited.page.getByRole('heading', { name: 'Meine Angaben' }).waitFor();
    await invited.page.getByLabel('Bezeichnung').fill('Budget-Skript');
    await invited.page.getByRole('button', { name: 'Token erstellen' }).click();
    const secret = await invited.page.getByRole('textbox', { name: 'Das neue Token' }).inputValue();
    assert.match(secret, /^jb_[a-f0-9]+\./);
    assert.equal((await server.api('GET', '/api/v1/me', secret)).body.name, 'Daniel Frei');
    await assertLabelled(invited.page);
    await screenshot(invited.page, 'me');
  });
});
