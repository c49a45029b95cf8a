// Real answers of every route, for every role and in error cases, against schemas/openapi.yaml:
// each status must be one the operation lists, and each JSON body must validate against the
// schema the document gives for it (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const binary = process.env.JOINTBUY_BINARY;
const document = YAML.parse(readFileSync(new URL('../../schemas/openapi.yaml', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, 'openapi');

// The operation of the document that `method` and the concrete `route` call, literal paths first.
function operationOf(method, route) {
  const pathname = route.split('?')[0];
  const templates = Object.keys(document.paths).sort((a, b) => (a.match(/\{/g) ?? []).length - (b.match(/\{/g) ?? []).length);
  for (const template of templates) {
    const pattern = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(pathname) && document.paths[template][method.toLowerCase()]) {
      return { template, operation: document.paths[template][method.toLowerCase()] };
    }
  }
  return null;
}

const pointer = (...parts) => parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function resolved(object) {
  let at = object;
  while (at?.$ref) {
    at = at.$ref.replace(/^#\//, '').split('/').reduce((o, k) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  }
  return at;
}

const failures = [];
const checked = new Set();
let validated = 0;

// Checks one answer against the document.
function check(method, route, status, contentType, body) {
  const found = operationOf(method, route);
  if (!found) {
    failures.push(`${method} ${route}: no operation in the document`);
    return;
  }
  checked.add(`${method} ${found.template}`);
  const code = String(status);
  const responses = found.operation.responses ?? {};
  const key = responses[code] ? code : responses.default ? 'default' : null;
  if (!key) {
    failures.push(`${method} ${route}: status ${code} is not listed (listed: ${Object.keys(responses).join(', ')})`);
    return;
  }
  const response = resolved(responses[key]);
  const media = (contentType ?? '').split(';')[0].trim();
  if (!media.includes('json')) return;
  const content = response.content?.[media];
  if (!content) {
    failures.push(`${method} ${route} ${code}: ${media} is not a documented content type`);
    return;
  }
  if (!content.schema) return;
  // The schema by its place in the document, so that its own $refs resolve there.
  const place = responses[key].$ref
    ? `${responses[key].$ref.replace(/^#/, 'openapi#')}/${pointer('content', media, 'schema')}`
    : `openapi#/${pointer('paths', found.template, method.toLowerCase(), 'responses', key, 'content', media, 'schema')}`;
  const validate = ajv.getSchema(place) ?? ajv.compile({ $ref: place });
  ++validated;
  if (!validate(body)) {
    failures.push(`${method} ${route} ${code}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
  }
}

function jointbuy(args) {
  return execFileSync(binary, args, { encoding: 'utf8' });
}

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

describe('every answer of the API is one its contract documents', () => {
  let server;
  let directory;
  let url;
  const tokens = {};

  before(async () => {
    assert.ok(binary, 'JOINTBUY_BINARY must name the jointbuy binary (CTest sets it)');
    directory = mkdtempSync(path.join(os.tmpdir(), 'jointbuy-contract-'));
    const db = `sqlite:${path.join(directory, 'jointbuy.db')}`;
    jointbuy(['migrate', '--db', db]);
    const token = (...args) => jointbuy(['token', 'create', '--db', db, ...args]).match(/jb_[A-Za-z0-9_.-]+/)[0];
    tokens.kriens = token('--role', 'municipality', '--org', '1059', '--name', 'IT Kriens');
    tokens.emmen = token('--role', 'municipality', '--org', '1024', '--name', 'IT Emmen');
    tokens.coordinator = token('--role', 'coordinator', '--name', 'Programmbüro');
    tokens.auditor = token('--role', 'auditor', '--name', 'Finanzkontrolle');
    const port = await freePort();
    server = spawn(binary, ['serve', '--db', db, '--port', String(port)], { stdio: ['ignore', 'ignore', 'ignore'] });
    url = `http://127.0.0.1:${port}`;
    for (let attempt = 0; ; ++attempt) {
      try {
        if ((await fetch(`${url}/readyz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (attempt > 100) throw new Error('jointbuy serve did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  after(async () => {
    server?.kill('SIGTERM');
    if (server) await new Promise((resolve) => server.once('exit', resolve));
    rmSync(directory, { recursive: true, force: true });
  });

  // Sends a request as `who` (a token name, or none) and checks its answer; returns status, headers and body.
  async function call(method, route, who, { body, type = 'application/json', headers = {} } = {}) {
    const all = { ...headers };
    if (who) all.Authorization = `Bearer ${tokens[who] ?? who}`;
    if (body !== undefined) all['Content-Type'] = type;
    const response = await fetch(`${url}${route}`, {
      method,
      headers: all,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const contentType = response.headers.get('Content-Type') ?? '';
    const parsed = contentType.includes('json') && text ? JSON.parse(text) : text;
    check(method, route, response.status, contentType, parsed);
    return { status: response.status, headers: response.headers, body: parsed };
  }

  it('walks every route as each role, with the error cases', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const intent = (item, quantity, extra = {}) => ({ item, quantity, earliest: `${year}-02-01`, latest: `${year}-05-31`, ...extra });

    await call('GET', '/healthz');
    await call('GET', '/readyz');
    for (const who of ['kriens', 'coordinator', 'auditor', undefined, 'jb_nobody.nothing']) await call('GET', '/api/v1/me', who);
    await call('GET', '/api/v1/organisations?canton=LU&limit=5', 'kriens');
    await call('GET', '/api/v1/organisations?kind=planet', 'kriens');
    await call('GET', '/api/v1/organisations/1059', 'kriens');
    await call('GET', '/api/v1/organisations/9999', 'kriens');

    await call('GET', '/api/v1/catalog/items?q=laptop&category=hardware', 'kriens');
    await call('GET', '/api/v1/catalog/items?category=food', 'kriens');
    const monitor = await call('GET', '/api/v1/catalog/items/monitor-24', 'kriens');
    await call('GET', '/api/v1/catalog/items/flying-car', 'kriens');
    const item = { ...monitor.body, id: 'monitor-32-contract', name_de: 'Monitor 32"', name_en: 'Monitor 32"' };
    delete item.version;
    await call('POST', '/api/v1/catalog/items', 'kriens', { body: item });
    await call('POST', '/api/v1/catalog/items', 'coordinator', { body: item });
    await call('POST', '/api/v1/catalog/items', 'coordinator', { body: item });
    await call('POST', '/api/v1/catalog/items', 'coordinator', { body: { ...item, id: 'x', cpv: 'nonsense' } });
    await call('PUT', '/api/v1/catalog/items/monitor-32-contract', 'coordinator', { body: { ...item, version: 1 } });
    await call('PUT', '/api/v1/catalog/items/monitor-32-contract', 'coordinator', { body: { ...item, version: 1 } });
    await call('PUT', '/api/v1/catalog/items/monitor-32-contract', 'coordinator', { body: item, headers: { 'If-Match': '"1"' } });
    await call('PUT', '/api/v1/catalog/items/monitor-32-contract', 'coordinator', { body: item });

    await call('GET', '/api/v1/rules/thresholds', 'kriens');
    await call('GET', '/api/v1/rules/cost-model', 'kriens');
    await call('GET', '/api/v1/rules/procedure?value_chf=250000&type=supply', 'kriens', { headers: { 'Accept-Language': 'de' } });
    await call('GET', '/api/v1/rules/procedure?value_chf=abc&type=supply', 'kriens');

    const schools = ['1059', '1024', '1054', '1058', '1040', '1103', '1031', '1062', '1063', '1151', '1093', '1098'];
    for (const organisation of schools) {
      await call('POST', '/api/v1/intents', 'coordinator', {
        body: intent('school-administration-software', 600, { organisation, earliest: `${year}-01-01`, latest: `${year}-06-30` }),
      });
    }
    const created = await call('POST', '/api/v1/intents', 'kriens', { body: intent('laptop-standard-14', 5), headers: { 'Idempotency-Key': 'c-1' } });
    await call('POST', '/api/v1/intents', 'kriens', { body: intent('laptop-standard-14', 5), headers: { 'Idempotency-Key': 'c-1' } });
    await call('POST', '/api/v1/intents', 'kriens', { body: intent('laptop-standard-14', 6), headers: { 'Idempotency-Key': 'c-1' } });
    await call('POST', '/api/v1/intents', 'kriens', { body: intent('flying-car', 0) });
    await call('POST', '/api/v1/intents', 'kriens', { body: '{"item":', type: 'application/json' });
    await call('POST', '/api/v1/intents', 'kriens', { body: 'item=x', type: 'application/x-www-form-urlencoded' });
    await call('POST', '/api/v1/intents', 'auditor', { body: intent('laptop-standard-14', 5) });
    await call('POST', '/api/v1/intents', 'emmen', { body: intent('laptop-standard-14', 5, { organisation: '1059' }) });
    const id = created.body.id;
    await call('GET', '/api/v1/intents?status=submitted&limit=2', 'kriens');
    await call('GET', '/api/v1/intents?status=lost', 'kriens');
    await call('GET', `/api/v1/intents/${id}`, 'kriens');
    await call('GET', `/api/v1/intents/${id}`, 'emmen');
    await call('PUT', `/api/v1/intents/${id}`, 'kriens', { body: intent('laptop-standard-14', 7), headers: { 'If-Match': '"1"' } });
    await call('PUT', `/api/v1/intents/${id}`, 'kriens', { body: intent('laptop-standard-14', 7), headers: { 'If-Match': '"1"' } });
    await call('PUT', `/api/v1/intents/${id}`, 'kriens', { body: intent('laptop-standard-14', 7) });
    await call('PUT', `/api/v1/intents/${id}`, 'kriens', { body: intent('laptop-standard-14', 7), headers: { 'If-Match': 'version two' } });
    await call('POST', '/api/v1/intents', 'kriens', { body: JSON.stringify({ ...intent('laptop-standard-14', 1), note: 'x'.repeat(1100 * 1024) }) });
    await call('POST', '/api/v1/catalog/items', 'coordinator', { body: JSON.stringify({ ...item, description: 'x'.repeat(1100 * 1024) }) });
    await call('POST', `/api/v1/bundles/1/decision`, 'coordinator', { body: { decision: 'approve' }, headers: { 'If-Match': 'W/"x"' } });
    await call('DELETE', `/api/v1/intents/${id}`, 'kriens');
    await call('PUT', `/api/v1/intents/${id}`, 'kriens', { body: intent('laptop-standard-14', 7), headers: { 'If-Match': '"3"' } });
    const csv = `item,quantity,earliest,latest\nmonitor-24,2,${year}-02-01,${year}-05-31\n`;
    await call('POST', '/api/v1/intents/import', 'kriens', { body: csv, type: 'text/csv', headers: { 'Idempotency-Key': 'i-1' } });
    await call('POST', '/api/v1/intents/import', 'kriens', { body: csv, type: 'text/csv', headers: { 'Idempotency-Key': 'i-1' } });
    await call('POST', '/api/v1/intents/import', 'kriens', { body: `${csv}x`, type: 'text/csv', headers: { 'Idempotency-Key': 'i-1' } });
    await call('POST', '/api/v1/intents/import', 'kriens', { body: 'item\nflying-car\n', type: 'text/csv' });
    await call('POST', '/api/v1/intents/import', 'kriens', { body: csv, type: 'text/csv', headers: {} });
    await call('POST', '/api/v1/intents/import?organisation=1024', 'kriens', { body: csv, type: 'text/csv' });

    await call('GET', `/api/v1/audit?entity=intent&id=${id}`, 'auditor');
    await call('GET', '/api/v1/audit?entity=planet&id=1', 'auditor');
    await call('GET', `/api/v1/audit?entity=intent&id=${id}`, 'kriens');
    await call('GET', '/api/v1/audit?organisation=1059&person=kriens&from=2000-01-01', 'coordinator');
    await call('GET', '/api/v1/audit?from=tomorrow', 'auditor', { headers: { 'Accept-Language': 'de' } });
    await call('GET', '/api/v1/audit.csv?entity=intent&lang=de', 'auditor');
    await call('GET', '/api/v1/audit.csv?sep=tab', 'auditor');
    await call('GET', '/api/v1/audit.csv', 'kriens');

    await call('POST', '/api/v1/bundling-runs', 'kriens', { body: {} });
    const run = await call('POST', '/api/v1/bundling-runs', 'coordinator', { body: {} });
    await call('GET', `/api/v1/bundling-runs/${run.body.id}`, 'coordinator');
    await call('GET', '/api/v1/bundling-runs/latest', 'auditor');
    await call('GET', '/api/v1/bundling-runs?limit=1', 'auditor');
    await call('GET', '/api/v1/bundling-runs', 'kriens');
    await call('GET', '/api/v1/bundling-runs/99999', 'coordinator');
    const bundles = await call('GET', '/api/v1/bundles?run=latest&decision=joint_tender', 'coordinator');
    await call('GET', '/api/v1/bundles?decision=maybe', 'coordinator');
    await call('GET', '/api/v1/bundles', 'kriens');
    const joint = bundles.body.items.find((b) => b.decision === 'joint_tender');
    assert.ok(joint, `twelve schools make a joint tender:\n${failures.join('\n')}\n${JSON.stringify(bundles.body).slice(0, 400)}`);
    const tender = `/api/v1/bundles/${joint.id}`;
    await call('GET', tender, 'kriens');
    await call('GET', tender, 'auditor');
    await call('GET', '/api/v1/bundles/99999', 'coordinator');
    await call('POST', `${tender}/decision`, 'coordinator', { body: { decision: 'tendered' }, headers: { 'If-Match': `"${joint.version}"` } });
    await call('POST', `${tender}/decision`, 'coordinator', { body: { decision: 'approve' }, headers: { 'If-Match': '"99"' } });
    await call('POST', `${tender}/decision`, 'coordinator', { body: { decision: 'maybe' }, headers: { 'If-Match': `"${joint.version}"` } });
    await call('POST', `${tender}/decision`, 'kriens', { body: { decision: 'approve' }, headers: { 'If-Match': `"${joint.version}"` } });
    const approved = await call('POST', `${tender}/decision`, 'coordinator', { body: { decision: 'approve' }, headers: { 'If-Match': `"${joint.version}"` } });
    await call('POST', `${tender}/participation`, 'kriens', { body: { answer: 'confirm' }, headers: { 'If-Match': `"${approved.body.version}"` } });
    await call('POST', `${tender}/participation`, 'auditor', { body: { answer: 'confirm' }, headers: { 'If-Match': `"${approved.body.version}"` } });
    await call('POST', `${tender}/move-out`, 'coordinator', { body: { intent: 1 }, headers: { 'If-Match': '"1"' } });
    await call('POST', `${tender}/merge`, 'coordinator', { body: { with: joint.id }, headers: { 'If-Match': '"1"' } });
    await call('GET', `${tender}/decisions`, 'kriens');
    await call('GET', `${tender}/decisions`, 'coordinator');
    await call('GET', '/api/v1/tenders', 'coordinator');
    await call('GET', '/api/v1/tenders?status=approved', 'kriens');
    await call('GET', '/api/v1/tenders?organisation=1024', 'kriens');
    await call('GET', `${tender}/schedule.csv?lang=de&sep=semicolon`, 'kriens');
    await call('GET', `${tender}/schedule.csv?sep=tab`, 'kriens');
    await call('GET', '/api/v1/bundling-runs/latest/schedule.csv', 'auditor');
    await call('GET', '/api/v1/bundling-runs/latest/schedule.csv', 'kriens');
    await call('GET', `${tender}/ocds.json`, 'coordinator');
    await call('GET', '/api/v1/events?since=0', 'kriens');
    await call('GET', '/api/v1/events?since=-1', 'kriens');
    await call('GET', '/api/v1/flags?run=latest', 'coordinator');
    await call('GET', '/api/v1/flags?code=FOO', 'coordinator');
    await call('GET', '/api/v1/flags?organisation=1024', 'kriens');
    // People, invitations, sessions and a person's own page.
    await call('GET', '/api/v1/people', 'coordinator');
    await call('GET', '/api/v1/people', 'kriens');
    await call('POST', '/api/v1/people', 'coordinator', { body: { email: 'nope', name: ' ', role: 'municipality' } });
    const invited = await call('POST', '/api/v1/people', 'coordinator', {
      body: { email: 'anna.muster@kriens.example', name: 'Anna Muster', role: 'municipality', organisation: '1059' },
    });
    assert.equal(invited.status, 201);
    await call('POST', '/api/v1/people', 'coordinator', { body: { email: 'Anna.Muster@kriens.example', name: 'A', role: 'auditor' } });
    const person = `/api/v1/people/${invited.body.id}`;
    await call('GET', person, 'auditor');
    await call('GET', '/api/v1/people/p-nobody', 'coordinator');
    const resent = await call('POST', `${person}/invitation`, 'coordinator');
    const link = `/api/v1/invitations/${resent.body.invitation_url.split('/').pop()}`;
    await call('GET', `/api/v1/invitations/${invited.body.invitation_url.split('/').pop()}`);
    await call('GET', link);
    await call('GET', '/api/v1/invitations/no-such-link');
    await call('POST', link, undefined, { body: { password: 'passwort1234' } });
    const accepted = await call('POST', link, undefined, { body: { password: 'Heuwagen-Seebucht-Laterne' } });
    assert.equal(accepted.status, 200);
    await call('POST', link, undefined, { body: { password: 'Heuwagen-Seebucht-Laterne' } });
    await call('GET', '/api/v1/session');
    // Without an identity service configured (the contract's server has none).
    await call('GET', '/api/v1/session/oidc?return_to=%23%2Fhome');
    await call('GET', '/api/v1/session/oidc/callback?state=x&code=y');
    await call('POST', '/api/v1/session', undefined, { body: { email: 'anna.muster@kriens.example', password: 'falsch-falsch-falsch' } });
    const signedIn = await call('POST', '/api/v1/session', undefined, { body: { email: 'anna.muster@kriens.example', password: 'Heuwagen-Seebucht-Laterne' } });
    const cookie = signedIn.headers.get('set-cookie').split(';')[0];
    const page = { Cookie: cookie, Origin: url };
    await call('GET', '/api/v1/session', undefined, { headers: page });
    await call('GET', '/api/v1/me', undefined, { headers: page });
    await call('POST', '/api/v1/intents', undefined, { body: intent('monitor-24', 2), headers: { Cookie: cookie, Origin: 'https://evil.example' } });
    await call('PUT', '/api/v1/me/password', undefined, { body: { current_password: 'x', new_password: 'Bergsee-Alpweide-Kuhglocke' }, headers: page });
    const personal = await call('POST', '/api/v1/me/tokens', undefined, { body: { name: 'Budget-Skript' }, headers: page });
    await call('POST', '/api/v1/me/tokens', 'kriens', { body: { name: 'Skript' } });
    await call('GET', '/api/v1/me/tokens', undefined, { headers: page });
    await call('GET', '/api/v1/me', personal.body.bearer);
    await call('DELETE', `/api/v1/me/tokens/${personal.body.id}`, undefined, { headers: page });
    await call('DELETE', '/api/v1/me/tokens/nothing', undefined, { headers: page });
    await call('PUT', '/api/v1/me/password', undefined, {
      body: { current_password: 'Heuwagen-Seebucht-Laterne', new_password: 'Bergsee-Alpweide-Kuhglocke' }, headers: page,
    });
    await call('DELETE', '/api/v1/session', undefined, { headers: page });
    await call('GET', '/api/v1/me', undefined, { headers: page });
    await call('POST', `${person}/deactivate`, 'kriens');
    await call('POST', `${person}/deactivate`, 'coordinator');
    await call('POST', `${person}/invitation`, 'coordinator');
    // Needs-survey campaigns: create, change, open, answer, follow, extend, close, bundle; a cancelled one.
    const closes = new Date(Date.now() + 7 * 86400e3).toISOString().replace(/\.\d+Z$/, 'Z');
    const later = new Date(Date.now() + 14 * 86400e3).toISOString().replace(/\.\d+Z$/, 'Z');
    const survey = { title: 'Schulverwaltung', items: ['school-administration-software'], invited: ['1059', '1024'], opens: '2020-01-01', closes, reminders: ['P2D'] };
    const campaign = await call('POST', '/api/v1/campaigns', 'coordinator', { body: survey });
    await call('POST', '/api/v1/campaigns', 'coordinator', { body: { ...survey, items: ['flying-car'] } });
    await call('POST', '/api/v1/campaigns', 'kriens', { body: survey });
    const c = `/api/v1/campaigns/${campaign.body.id}`;
    await call('PATCH', c, 'coordinator', { body: { description: 'Wie 2016.' } });
    await call('POST', `${c}/close`, 'coordinator');
    await call('GET', c, 'kriens');
    await call('POST', `${c}/open`, 'coordinator');
    await call('GET', '/api/v1/campaigns', 'kriens');
    await call('GET', '/api/v1/campaigns', 'coordinator');
    await call('POST', `${c}/answers`, 'kriens', { body: { intents: [intent('school-administration-software', 40)] } });
    await call('POST', `${c}/answers`, 'kriens', { body: { intents: [intent('monitor-24', 4)] } });
    await call('POST', `${c}/answers`, 'emmen', { body: { no_need: true, reason: 'Vertrag bis 2029' } });
    await call('POST', `${c}/answers`, 'coordinator', { body: { no_need: true } });
    await call('GET', c, 'kriens');
    await call('GET', `${c}/progress`, 'auditor');
    await call('GET', `${c}/progress.csv?lang=de`, 'coordinator');
    await call('GET', `${c}/progress`, 'kriens');
    await call('GET', `${c}/mail`, 'coordinator');
    await call('PATCH', c, 'coordinator', { body: { closes: later } });
    await call('PATCH', c, 'coordinator', { body: { closes: '2020-01-01T00:00:00Z' } });
    await call('PATCH', c, 'coordinator', { body: { title: 'Anders' } });
    await call('POST', '/api/v1/bundling-runs', 'coordinator', { body: { campaign: campaign.body.id } });
    await call('POST', `${c}/close`, 'coordinator', { headers: { 'If-Match': '"999"' } });
    await call('POST', `${c}/close`, 'coordinator');
    await call('POST', `${c}/answers`, 'kriens', { body: { no_need: true } });
    await call('POST', '/api/v1/bundling-runs', 'coordinator', { body: { campaign: campaign.body.id } });
    await call('POST', '/api/v1/bundling-runs', 'coordinator', { body: { campaign: 999999 } });
    const dropped = await call('POST', '/api/v1/campaigns', 'coordinator', { body: { ...survey, invited: 'all' } });
    await call('POST', `/api/v1/campaigns/${dropped.body.id}/cancel`, 'coordinator');
    await call('GET', '/api/v1/campaigns/999999', 'coordinator');

    // Framework agreements: create (and refused), change, call off (and refused), list, export.
    const deal = {
      title: 'Notebooks eOperations', supplier: 'Beispiel Informatik AG', source: 'central_purchasing_body',
      valid_from: '2027-01-01', valid_to: '2029-12-31', eligible_organisations: 'all', ceiling_chf: 3000,
      items: [{ item: 'laptop-standard-14', unit_price_chf: 1020 }],
    };
    const agreement = await call('POST', '/api/v1/framework-agreements', 'coordinator', { body: deal });
    await call('POST', '/api/v1/framework-agreements', 'coordinator', { body: { ...deal, valid_to: '2040-01-01' } });
    await call('POST', '/api/v1/framework-agreements', 'kriens', { body: deal });
    const a = `/api/v1/framework-agreements/${agreement.body.id}`;
    await call('GET', '/api/v1/framework-agreements', 'kriens');
    await call('GET', a, 'auditor');
    await call('GET', '/api/v1/framework-agreements/999999', 'kriens');
    await call('PUT', a, 'coordinator', { body: { ...deal, ceiling_chf: 4080 } });
    await call('PUT', a, 'coordinator', { body: { ...deal, ceiling_chf: 4080 }, headers: { 'If-Match': '"1"' } });
    await call('PUT', a, 'coordinator', { body: { ...deal, ceiling_chf: 4080 }, headers: { 'If-Match': '"9"' } });
    const called = await call('POST', `${a}/call-offs`, 'kriens', { body: { item: 'laptop-standard-14', quantity: 2, date: '2027-03-01' } });
    await call('POST', `${a}/call-offs`, 'kriens', { body: { item: 'laptop-standard-14', quantity: 3, date: '2027-03-01' } });
    await call('POST', `${a}/call-offs`, 'kriens', { body: { item: 'laptop-standard-14', quantity: 1, date: '2031-03-01' } });
    await call('POST', `${a}/call-offs`, 'coordinator', { body: { item: 'laptop-standard-14', quantity: 1, organisation: '1024', date: '2027-03-01' } });
    await call('POST', `${a}/call-offs`, 'auditor', { body: { item: 'laptop-standard-14', quantity: 1 } });
    await call('GET', `${a}/call-offs`, 'kriens');
    await call('GET', `${a}/call-offs.csv?lang=de`, 'coordinator');
    await call('GET', `/api/v1/call-offs/${called.body.id}/ocds.json`, 'kriens');
    await call('GET', '/api/v1/call-offs/999999/ocds.json', 'coordinator');
    await call('GET', '/api/v1/agreement-opportunities', 'coordinator');
    await call('GET', '/api/v1/agreement-opportunities?run=abc', 'coordinator');
    await call('GET', '/api/v1/agreement-opportunities', 'kriens');

    // Framework tenders: Kriens and Emmen each need smartphones 15 times, 12 days apart; the run
    // proposes an agreement; the coordinator starts a framework tender on it (and is refused twice),
    // the buyers confirm, it is tendered and awarded (and refused before and after).
    for (let k = 0; k < 30; ++k) {
      const day = (offset) => new Date(Date.UTC(2027, 0, 1 + k * 12 + offset)).toISOString().slice(0, 10);
      await call('POST', '/api/v1/intents', k % 2 === 0 ? 'kriens' : 'emmen', { body: { item: 'smartphone-admin', quantity: 17, earliest: day(0), latest: day(5) } });
    }
    await call('POST', '/api/v1/bundling-runs', 'coordinator');
    const chances = await call('GET', '/api/v1/agreement-opportunities', 'coordinator');
    const phones = chances.body.items.find((o) => o.members.some((m) => m.item === 'smartphone-admin'));
    assert.ok(phones, 'the smartphones are an agreement opportunity');
    await call('POST', '/api/v1/framework-tenders', 'kriens', { body: { horizon: phones.horizon } });
    await call('POST', '/api/v1/framework-tenders', 'coordinator', { body: { horizon: 'nothing/2020-01-01' } });
    await call('POST', '/api/v1/framework-tenders', 'coordinator', { body: {} });
    const framework = await call('POST', '/api/v1/framework-tenders', 'coordinator', { body: { horizon: phones.horizon } });
    assert.equal(framework.status, 201);
    await call('POST', '/api/v1/framework-tenders', 'coordinator', { body: { horizon: phones.horizon } });
    const ft = `/api/v1/bundles/${framework.body.id}`;
    const award = { supplier: 'Beispiel Mobile AG', valid_from: '2027-01-01', valid_to: '2030-12-31', items: [{ item: 'smartphone-admin', unit_price_chf: 590 }] };
    await call('POST', `${ft}/agreement`, 'coordinator', { body: award });
    let version = framework.body.version;
    for (const who of ['kriens', 'emmen']) {
      const confirmed = await call('POST', `${ft}/participation`, who, { body: { answer: 'confirm' }, headers: { 'If-Match': `"${version}"` } });
      version = confirmed.body.version;
    }
    await call('POST', `${ft}/decision`, 'coordinator', { body: { decision: 'tendered', reference: 'simap 2027-555' }, headers: { 'If-Match': `"${version}"` } });
    await call('POST', `${ft}/agreement`, 'kriens', { body: award });
    await call('POST', `${ft}/agreement`, 'coordinator', { body: { ...award, items: [{ item: 'monitor-24', unit_price_chf: 150 }] } });
    const awarded = await call('POST', `${ft}/agreement`, 'coordinator', { body: award });
    assert.equal(awarded.status, 201);
    await call('POST', `${ft}/agreement`, 'coordinator', { body: award });
    await call('GET', ft, 'kriens');
    await call('GET', '/api/v1/events', 'kriens');

    // A path the API does not have is a problem document too.
    const nowhere = await fetch(`${url}/api/v1/nowhere`, { headers: { Authorization: `Bearer ${tokens.kriens}` } });
    assert.equal(nowhere.status, 404);
    const problem = ajv.getSchema('openapi#/components/schemas/Problem') ?? ajv.compile({ $ref: 'openapi#/components/schemas/Problem' });
    assert.ok(problem(await nowhere.json()), ajv.errorsText(problem.errors));

    // Every operation of the document was called at least once.
    const operations = Object.entries(document.paths).flatMap(([p, item]) =>
      Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${p}`));
    const missed = operations.filter((o) => !checked.has(o));
    assert.deepEqual(missed, [], 'operations the walk did not call');
    assert.deepEqual(failures, [], `answers the contract does not document:\n${failures.join('\n')}`);
    assert.ok(validated > 80, `only ${validated} bodies were validated`);
  });

  it('can fail: a body or a status the document does not allow is reported', () => {
    const before = failures.length;
    check('GET', '/api/v1/me', 200, 'application/json', { role: 'emperor' });
    check('GET', '/api/v1/intents/1', 418, 'application/json', {});
    check('POST', '/api/v1/intents', 201, 'application/json', { id: 'one' });
    assert.equal(failures.length - before, 3, failures.slice(before).join('\n'));
    failures.length = before;
  });
});
