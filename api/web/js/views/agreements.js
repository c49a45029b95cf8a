// Framework agreements (DOMAIN.md §4.8): the list with the ceiling used, one agreement with its
// price list and call-offs, a municipality's call-off ("Abrufen") of its own intents, and the
// coordinator's form for a new agreement.
import { api } from '../api.js';
import { field, h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { currentLanguage } from '../i18n.js';
import { announce, catalogItems, describeError, flash, itemName, organisationLabel, organisationNames, showFormError } from '../ui.js';

// The agreements' words, German first (the pages' other words live in i18n.js).
const L = (de, en) => (currentLanguage() === 'de' ? de : en);

const SOURCES = {
  own_tender: () => L('Eigene Ausschreibung', 'Own tender'),
  central_purchasing_body: () => L('Zentrale Beschaffungsstelle', 'Central purchasing body'),
  in_house: () => L('In-house', 'In-house'),
};

function link(a) {
  return h('a', { href: `#/agreements/${a.id}` }, a.title, h('span', { class: 'muted' }, ` (${a.id})`));
}

/** "CHF 12'000.00 von CHF 150'000.00 (8 %)" with a meter: how much of the ceiling the call-offs took. */
export function ceilingUsed(a) {
  const words = L(`${format.chf(a.consumed_chf)} von ${format.chf(a.ceiling_chf)} abgerufen (${a.used_percent} %)`,
    `${format.chf(a.consumed_chf)} of ${format.chf(a.ceiling_chf)} called off (${a.used_percent} %)`);
  const quantity = a.ceiling_quantity === null ? null
    : L(`, ${format.count(a.consumed_quantity)} von ${format.count(a.ceiling_quantity)} Stück`, `, ${format.count(a.consumed_quantity)} of ${format.count(a.ceiling_quantity)} units`);
  return h('span', { class: 'ceiling', 'data-used-percent': a.used_percent },
    h('meter', { min: 0, max: 100, low: 60, high: 80, optimum: 0, value: a.used_percent, 'aria-hidden': 'true' }), ' ',
    h('span', { class: 'ceiling-words' }, words, quantity ?? ''));
}

function eligibleWords(a) {
  if (a.eligible_organisations === 'all') return L('alle Organisationen', 'every organisation');
  return a.eligible_organisations.map((id, k) => `${a.eligible_names?.[k] ?? id} (${id})`).join(', ');
}

function validity(a, today) {
  const words = format.period(a.valid_from, a.valid_to);
  if (today > a.valid_to) return `${words} – ${L('abgelaufen', 'expired')}`;
  if (today < a.valid_from) return `${words} – ${L('noch nicht gültig', 'not yet valid')}`;
  return words;
}

const todayIso = () => new Date().toISOString().slice(0, 10);

export async function render(main, { me }) {
  const agreements = (await api.get('/api/v1/framework-agreements')).items;
  const today = todayIso();
  replace(main,
    h('h1', {}, L('Rahmenverträge', 'Framework agreements')),
    h('p', { class: 'muted' }, me.role === 'municipality'
      ? L('Die Rahmenverträge, aus denen Ihre Gemeinde abrufen darf: Preis, Gültigkeit und wie viel vom Höchstbetrag schon abgerufen ist.',
        'The framework agreements your municipality may call off from: price, validity and how much of the ceiling has been called off.')
      : L('Rahmenverträge nach Art. 25 IVöB/BöB: einmal ausgeschrieben, dann ruft jede Käuferin ab, wenn ihr Bedarf kommt.',
        'Framework agreements under Art. 25 IVöB/BöB: tendered once, then each buyer calls off when its need comes.')),
    agreements.length === 0 ? h('p', {}, L('Keine Rahmenverträge.', 'No framework agreements.')) : table({
      head: [L('Rahmenvertrag', 'Agreement'), L('Lieferant', 'Supplier'), L('Herkunft', 'Source'), L('Gültig', 'Valid'), L('Höchstbetrag', 'Ceiling')],
      rows: agreements.map((a) => [link(a), a.supplier, SOURCES[a.source]?.() ?? a.source, validity(a, today), ceilingUsed(a)]),
    }),
    me.role === 'coordinator' ? await createForm() : null);
}

// A price list row of the form: an item and its unit price.
function priceRow(catalog) {
  const item = h('select', { 'aria-label': L('Artikel', 'Item') },
    h('option', { value: '' }, L('– Artikel wählen –', '– choose an item –')),
    [...catalog.keys()].map((id) => h('option', { value: id }, `${itemName(catalog, id)} (${id})`)));
  const price = h('input', { type: 'number', min: 0, step: '0.05', 'aria-label': L('Stückpreis CHF', 'Unit price CHF') });
  return { item, price, row: h('div', { class: 'inline-form price-row' }, item, price) };
}

async function createForm() {
  const catalog = await catalogItems();
  const prices = [priceRow(catalog)];
  const priceBox = h('div', { class: 'price-rows' }, prices[0].row);
  const source = h('select', { name: 'source' }, Object.entries(SOURCES).map(([value, words]) => h('option', { value }, words())));
  const form = h('form', { class: 'panel', 'aria-labelledby': 'agreement-new' },
    h('h2', { id: 'agreement-new' }, L('Neuer Rahmenvertrag', 'New framework agreement')),
    field({ label: L('Titel', 'Title'), name: 'title', input: h('input', { required: true, maxlength: 200 }) }),
    field({ label: L('Lieferant', 'Supplier'), name: 'supplier', input: h('input', { required: true, maxlength: 200 }) }),
    field({ label: L('Herkunft', 'Source'), name: 'source', input: source }),
    field({ label: L('Rechtsgrundlage', 'Legal basis'), name: 'legal_basis', input: h('input', { maxlength: 500, value: 'Art. 25 IVöB' }) }),
    field({ label: L('Referenz (z. B. simap-Nummer)', 'Reference (e.g. simap number)'), name: 'reference', input: h('input', { maxlength: 200 }) }),
    field({ label: L('Gültig ab', 'Valid from'), name: 'valid_from', input: h('input', { type: 'date', required: true }) }),
    field({ label: L('Gültig bis', 'Valid to'), name: 'valid_to', input: h('input', { type: 'date', required: true }),
      hint: L('Mehr als 5 Jahre nur mit Begründung (Art. 25 Abs. 4)', 'More than 5 years only with a justification (Art. 25(4))') }),
    field({ label: L('Begründung einer längeren Laufzeit', 'Justification of a longer term'), name: 'justification', input: h('input', { maxlength: 2000 }) }),
    field({ label: L('Abrufberechtigt', 'Eligible'), name: 'eligible_organisations', input: h('input', { value: 'all' }),
      hint: L('«all» für alle, sonst BFS-Nummern mit Komma', '"all" for everyone, else BFS numbers separated by commas') }),
    field({ label: L('Höchstbetrag CHF', 'Ceiling CHF'), name: 'ceiling_chf', input: h('input', { type: 'number', min: 0, step: '0.05', required: true }) }),
    field({ label: L('Höchstmenge (freiwillig)', 'Maximum quantity (optional)'), name: 'ceiling_quantity', input: h('input', { type: 'number', min: 1 }) }),
    h('fieldset', { 'data-field': 'items' }, h('legend', {}, L('Preisliste', 'Price list')), priceBox,
      h('button', { type: 'button', onclick: () => { const r = priceRow(catalog); prices.push(r); priceBox.append(r.row); r.item.focus(); } },
        L('Weiterer Artikel', 'Another item'))),
    h('button', { type: 'submit' }, L('Rahmenvertrag speichern', 'Save the agreement')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const eligible = String(data.get('eligible_organisations')).trim();
    const body = {
      title: data.get('title'), supplier: data.get('supplier'), source: data.get('source'), legal_basis: data.get('legal_basis'),
      reference: data.get('reference'), valid_from: data.get('valid_from'), valid_to: data.get('valid_to'), justification: data.get('justification'),
      eligible_organisations: eligible === 'all' ? 'all' : eligible.split(',').map((s) => s.trim()).filter(Boolean),
      ceiling_chf: Number(data.get('ceiling_chf')),
      ceiling_quantity: data.get('ceiling_quantity') ? Number(data.get('ceiling_quantity')) : null,
      items: prices.filter((p) => p.item.value).map((p) => ({ item: p.item.value, unit_price_chf: Number(p.price.value) })),
    };
    try {
      const created = await api.post('/api/v1/framework-agreements', body);
      flash(L(`Rahmenvertrag «${created.title}» gespeichert.`, `Framework agreement "${created.title}" saved.`));
      window.location.hash = `#/agreements/${created.id}`;
    } catch (error) {
      showFormError(form, error);
    }
  });
  return form;
}

/** What a call-off refusal says, with the remaining ceiling when that is the reason. */
export function refusalWords(error) {
  const remaining = error.problem?.remaining_chf;
  const base = describeError(error);
  return remaining === undefined ? base : `${base} (${L('noch verfügbar', 'still available')}: ${format.chf(remaining)})`;
}

/** Calls off `body` ({intent} or {item, quantity}) from agreement `agreement` today: the call-off made. */
export function callOff(agreement, body) {
  return api.post(`/api/v1/framework-agreements/${agreement}/call-offs`, body);
}

/** What a made call-off says: item, quantity, value and the call-off's number. */
export function callOffWords(made) {
  return L(`Abgerufen: ${made.item_name}, ${format.count(made.quantity)} Stück für ${format.chf(made.value_chf)} (Abruf ${made.id}).`,
    `Called off: ${made.item_name}, ${format.count(made.quantity)} units for ${format.chf(made.value_chf)} (call-off ${made.id}).`);
}

// A municipality's (or the coordinator's) call-off of an open intent for an item of the price list.
async function callOffForm(a, me, refresh) {
  const listed = new Set(a.items.map((i) => i.item));
  const query = new URLSearchParams({ status: 'submitted' });
  if (me.role === 'municipality') query.set('organisation', me.organisation);
  const open = (await api.all(`/api/v1/intents?${query}`, 5000)).filter((i) => listed.has(i.item) && i.call_off === null);
  const [catalog, names] = await Promise.all([catalogItems(), organisationNames()]);
  if (open.length === 0) {
    return h('section', { class: 'panel', 'aria-labelledby': 'call-off-heading' },
      h('h2', { id: 'call-off-heading' }, L('Abrufen', 'Call off')),
      h('p', {}, L('Keine offenen Beschaffungsabsichten für Artikel dieses Rahmenvertrags.', 'No open purchase intents for items of this agreement.')));
  }
  const intent = h('select', { required: true }, open.map((i) => h('option', { value: i.id },
    `${itemName(catalog, i.item)} – ${format.count(i.quantity)} ${L('Stück', 'units')} – ${format.period(i.earliest, i.latest)}${me.role === 'municipality' ? '' : ` – ${organisationLabel(names, i.organisation)}`} (${L('Nr.', 'no.')} ${i.id})`)));
  const form = h('form', { class: 'panel', 'aria-labelledby': 'call-off-heading' },
    h('h2', { id: 'call-off-heading' }, L('Abrufen', 'Call off')),
    h('p', { class: 'muted' }, L('Abgerufen wird heute, zum Preis, der heute in der Preisliste gilt; der Abruf zählt sofort gegen den Höchstbetrag.',
      'The call-off is made today at the price the price list gives today; it counts against the ceiling at once.')),
    field({ label: L('Beschaffungsabsicht', 'Purchase intent'), name: 'intent', input: intent }),
    h('button', { type: 'submit' }, L('Abrufen', 'Call off')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const made = await callOff(a.id, { intent: Number(intent.value) });
      await refresh();
      announce(callOffWords(made));
    } catch (error) {
      if (error.errors?.length) showFormError(form, error); else announce(refusalWords(error), true);
    }
  });
  return form;
}

export async function renderOne(main, { me, params, refresh }) {
  const a = await api.get(`/api/v1/framework-agreements/${params[0]}`);
  const callOffs = (await api.get(`/api/v1/framework-agreements/${a.id}/call-offs`)).items;
  const today = todayIso();
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, L('Lieferant', 'Supplier')), h('dd', {}, a.supplier),
    h('dt', {}, L('Herkunft', 'Source')), h('dd', {}, SOURCES[a.source]?.() ?? a.source),
    h('dt', {}, L('Rechtsgrundlage', 'Legal basis')), h('dd', {}, a.legal_basis || '–'),
    h('dt', {}, L('Referenz', 'Reference')), h('dd', {}, a.reference || '–'),
    h('dt', {}, L('Gültig', 'Valid')), h('dd', {}, validity(a, today)),
    a.justification ? [h('dt', {}, L('Begründung der Laufzeit', 'Justification of the term')), h('dd', {}, a.justification)] : null,
    h('dt', {}, L('Abrufberechtigt', 'Eligible')), h('dd', {}, eligibleWords(a)),
    h('dt', {}, L('Höchstbetrag', 'Ceiling')), h('dd', { id: 'agreement-ceiling' }, ceilingUsed(a)),
    h('dt', {}, L('Noch verfügbar', 'Remaining')), h('dd', {}, format.chf(a.remaining_chf),
      a.remaining_quantity === null ? '' : L(`, ${format.count(a.remaining_quantity)} Stück`, `, ${format.count(a.remaining_quantity)} units`)));
  const total = callOffs.reduce((sum, c) => sum + c.value_chf, 0);
  replace(main,
    h('h1', {}, a.title, h('span', { class: 'muted' }, ` (${a.id})`)),
    facts,
    h('section', { class: 'panel', 'aria-labelledby': 'price-list' },
      h('h2', { id: 'price-list' }, L('Preisliste', 'Price list')),
      table({ head: [L('Artikel', 'Item'), L('Stückpreis', 'Unit price'), L('Gültig ab', 'Valid from')], numeric: [1],
        rows: a.items.map((p) => [h('span', { title: p.item }, p.item_name), format.chf(p.unit_price_chf), format.date(p.valid_from)]) })),
    me.role === 'auditor' || today > a.valid_to ? null : await callOffForm(a, me, refresh),
    h('section', { class: 'panel', 'aria-labelledby': 'call-offs' },
      h('h2', { id: 'call-offs' }, me.role === 'municipality' ? L('Ihre Abrufe', 'Your call-offs') : L('Abrufe', 'Call-offs'),
        callOffs.length === 0 ? null : h('a', { href: `/api/v1/framework-agreements/${a.id}/call-offs.csv`, class: 'muted', onclick: (e) => {
          e.preventDefault();
          api.download(`/api/v1/framework-agreements/${a.id}/call-offs.csv?lang=${currentLanguage()}&sep=semicolon&bom=1`).catch((err) => announce(describeError(err), true));
        } }, ` ${L('als CSV', 'as CSV')}`)),
      callOffs.length === 0 ? h('p', {}, L('Noch keine Abrufe.', 'No call-offs yet.')) : table({
        caption: L(`${callOffs.length} Abrufe, zusammen ${format.chf(total)}`, `${callOffs.length} call-offs, together ${format.chf(total)}`),
        head: [L('Abruf', 'Call-off'), L('Datum', 'Date'), L('Organisation', 'Organisation'), L('Artikel', 'Item'), L('Menge', 'Quantity'),
          L('Stückpreis', 'Unit price'), L('Wert', 'Value'), L('Von', 'By'), 'OCDS'],
        numeric: [4, 5, 6],
        rows: callOffs.map((c) => [String(c.id), format.date(c.date), h('span', {}, c.organisation_name, h('span', { class: 'muted' }, ` (${c.organisation})`)),
          c.intent === null ? c.item_name : h('a', { href: `#/intents/${c.intent}` }, c.item_name), format.count(c.quantity), format.chf(c.unit_price_chf),
          format.chf(c.value_chf), c.created_by_name,
          h('button', { type: 'button', class: 'link', onclick: () => api.download(`/api/v1/call-offs/${c.id}/ocds.json`).catch((err) => announce(describeError(err), true)) },
            L('Herunterladen', 'Download'))]),
      })));
}
