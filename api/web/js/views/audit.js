// The audit log as people read it: search by organisation, person, record and dates; each entry with
// its time, the person and their organisation, what was done in words, the record with its
// organisation, and the fields that changed with their labels and Swiss formats; exportable as CSV.
import { api } from '../api.js';
import { field, h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { currentLanguage, label, t } from '../i18n.js';
import { announce, describeError, newestOnly, organisationLabel, organisationNames } from '../ui.js';

const ENTITIES = ['intent', 'bundle', 'bundling_run', 'catalog_item', 'organisation', 'token', 'person', 'sign_in'];
const PAGE = 50;
const HIDDEN = new Set(['updated_at', 'created_at', 'version']);

function fieldName(key) {
  const text = t(`auditField.${key}`);
  return text === `auditField.${key}` ? key : text;
}

function valueText(key, value) {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'number' && key.endsWith('_chf')) return format.chf(value);
  if (typeof value === 'number') return format.count(value);
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return format.date(value);
    if (['status', 'category', 'billing', 'decision', 'procedure'].includes(key)) return label(key, value);
    if (key === 'procurement_type') return label('type', value);
    return value;
  }
  return JSON.stringify(value);
}

// An answers map changed: only the buyers whose answer changed, by name ("Kriens (1059): offen → bestätigt").
function answerChanges(before, after, names) {
  return Object.keys({ ...before, ...after })
    .filter((o) => before?.[o] !== after?.[o])
    .map((o) => `${organisationLabel(names, o)}: ${before?.[o] ? label('answer', before[o]) : '–'} → ${after?.[o] ? label('answer', after[o]) : '–'}`)
    .join(', ');
}

function nestedText(value) {
  if (Array.isArray(value)) return t('common.count', { n: format.count(value.length) });
  return Object.entries(value).map(([k, v]) => `${fieldName(k)}: ${v !== null && typeof v === 'object' ? nestedText(v) : valueText(k, v)}`).join(', ');
}

// The fields whose value differs between before and after, as "Menge: 4 → 6".
export function changes(before, after, names) {
  if (!before && !after) return '';
  if (!before) return t('audit.created');
  if (!after) return t('audit.removed');
  const lines = Object.keys({ ...before, ...after })
    .filter((k) => !HIDDEN.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => {
      if (k === 'answers') return `${fieldName(k)}: ${answerChanges(before[k] ?? {}, after[k] ?? {}, names)}`;
      const side = (v) => (v !== null && typeof v === 'object' ? nestedText(v) : valueText(k, v));
      return `${fieldName(k)}: ${side(before[k])} → ${side(after[k])}`;
    });
  return lines.length === 0 ? t('audit.noFieldChanged') : lines.join('; ');
}

// The record as people name it: a catalogue item by its name, with its id beside.
function recordText(e) {
  const name = e.entity === 'catalog_item' ? (e.after ?? e.before)?.[currentLanguage() === 'en' ? 'name_en' : 'name_de'] : null;
  const words = `${label('entity', e.entity)} ${name ? `${name} (${e.entity_id})` : e.entity_id}`;
  return e.entity === 'bundle' ? h('a', { href: `#/bundles/${e.entity_id}` }, words) : words;
}

// Who acted: the person or office by name, with its organisation; the installation's own tools as such.
function actorText(e) {
  if (!e.actor_name && e.actor.startsWith('cli:')) return t('audit.system', { command: e.actor.slice(4) });
  return h('span', {}, e.actor_name ?? e.actor,
    e.actor_organisation ? h('span', { class: 'muted' }, `, ${named(e.actor_organisation, e.actor_organisation_name)}`) : null);
}

function named(id, name) {
  if (!id) return '–';
  return name ? `${name} (${id})` : id;
}

/** The audit view; `query` may preset entity, id, organisation, person, from and to. */
export async function render(main, { query }) {
  const names = await organisationNames();
  const organisation = h('select', {}, h('option', { value: '' }, t('common.all')),
    [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], 'de')).map(([id, name]) => h('option', { value: id }, `${name} (${id})`)));
  const person = h('input', { type: 'search', maxlength: 100 });
  const entity = h('select', {}, h('option', { value: '' }, t('common.all')), ENTITIES.map((e) => h('option', { value: e }, label('entity', e))));
  const id = h('input', { type: 'text', maxlength: 100 });
  const from = h('input', { type: 'date' });
  const to = h('input', { type: 'date' });
  for (const [input, key] of [[organisation, 'organisation'], [person, 'person'], [entity, 'entity'], [id, 'id'], [from, 'from'], [to, 'to']]) {
    input.value = query.get(key) ?? '';
  }
  const list = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'filters', novalidate: true, role: 'search', 'aria-label': t('audit.search') },
    field({ label: t('field.organisation'), name: 'organisation', input: organisation }),
    field({ label: t('audit.person'), name: 'person', input: person }),
    field({ label: t('audit.entity'), name: 'entity', input: entity }),
    field({ label: t('audit.id'), name: 'id', input: id }),
    field({ label: t('audit.from'), name: 'from', input: from }),
    field({ label: t('audit.to'), name: 'to', input: to }),
    h('button', { type: 'submit' }, t('audit.show')));

  const filters = () => {
    const q = new URLSearchParams();
    if (organisation.value) q.set('organisation', organisation.value);
    if (person.value.trim()) q.set('person', person.value.trim());
    if (entity.value) q.set('entity', entity.value);
    if (entity.value && id.value.trim()) q.set('id', id.value.trim());
    if (from.value) q.set('from', from.value);
    // "Bis 31.12." includes that day: the API's `to` is exclusive.
    if (to.value) q.set('to', new Date(Date.parse(to.value) + 86400000).toISOString().slice(0, 10));
    return q;
  };
  let rows = [];
  let cursor = null;
  const more = h('button', { type: 'button', class: 'secondary' }, t('common.more'));
  // A new search while an older one, or its next page, is still loading: only the newest is shown.
  const fetchPage = newestOnly((q) => api.get(`/api/v1/audit?${q}`));
  const show = async (reset) => {
    const q = filters();
    q.set('order', 'newest');
    q.set('limit', String(PAGE));
    if (!reset && cursor) q.set('cursor', cursor);
    const answer = await fetchPage(q);
    if (!answer.current) return;
    const page = answer.value;
    if (reset) {
      rows = [];
      cursor = null;
    }
    rows.push(...page.items);
    cursor = page.next_cursor;
    replace(list, rows.length === 0 ? h('p', {}, t('audit.none')) : table({
      caption: t(cursor ? 'audit.shownMore' : 'common.count', { n: format.count(rows.length) }),
      head: [t('audit.when'), t('audit.actor'), t('audit.action'), t('audit.record'), t('field.organisation'), t('audit.change')],
      rows: rows.map((e) => [
        format.timestamp(e.occurred_at),
        actorText(e),
        e.action_words,
        recordText(e),
        named(e.organisation, e.organisation_name),
        changes(e.before, e.after, names),
      ]),
    }), cursor ? more : null);
  };
  const fail = (e) => announce(describeError(e), true);
  more.addEventListener('click', () => show(false).catch(fail));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show(true).catch(fail);
  });
  const exportButton = h('button', {
    type: 'button', class: 'secondary',
    onclick: () => {
      const q = filters();
      q.set('sep', 'semicolon');
      q.set('bom', '1');
      q.set('lang', t('audit.csvLanguage'));
      api.download(`/api/v1/audit.csv?${q}`).catch(fail);
    },
  }, t('audit.export'));
  replace(main, h('h1', {}, t('audit.title')), h('p', { class: 'muted' }, t('audit.intro')), form,
    h('div', { class: 'actions' }, exportButton, h('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, t('audit.print'))),
    list);
  await show(true);
}
