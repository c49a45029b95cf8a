// The intents table: a municipality's own, or everyone's for coordinators and auditors; filters by
// municipality, item, category and status, sorting, and the total of what is shown; each intent with
// its status, its tender and the flags of the latest run with their reasons.
import { api } from '../api.js';
import { h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { label, t } from '../i18n.js';
import {
  announce, badge, catalogItems, describeError, filterSelect, itemLabel, itemName, newestOnly, organisationLabel, organisationNames,
} from '../ui.js';

const MAX = 5000;

async function latestFlags(me) {
  const path = me.role === 'municipality' ? `/api/v1/flags?organisation=${me.organisation}` : '/api/v1/flags';
  const flags = await api.all(path, MAX);
  const byIntent = new Map();
  for (const f of flags) byIntent.set(f.intent, [...(byIntent.get(f.intent) ?? []), f]);
  return byIntent;
}

function labelledSelect(id, text, options) {
  const element = h('select', { id }, options.map(([value, words]) => h('option', { value }, words)));
  return { element, box: h('div', { class: 'field' }, h('label', { for: id }, text), element) };
}

export async function render(main, { me, query, refresh }) {
  const [names, flags, catalog] = await Promise.all([organisationNames(), latestFlags(me), catalogItems()]);
  const mine = me.role === 'municipality';
  const canEdit = me.role !== 'auditor';
  const body = h('div', { 'aria-live': 'polite' });

  const status = filterSelect('intent-status', t('field.status'), ['submitted', 'withdrawn'], 'status');
  const category = filterSelect('intent-category', t('field.category'), ['hardware', 'software', 'service'], 'category');
  const items = [...catalog.values()].sort((a, b) => itemName(catalog, a.id).localeCompare(itemName(catalog, b.id), 'de'));
  const item = labelledSelect('intent-item', t('field.item'), [['', t('common.all')], ...items.map((i) => [i.id, itemName(catalog, i.id)])]);
  const organisation = mine ? null : labelledSelect('intent-organisation', t('intents.municipality'),
    [['', t('common.all')], ...[...names.entries()].sort((a, b) => a[1].localeCompare(b[1], 'de')).map(([id, name]) => [id, `${name} (${id})`])]);
  const sortKeys = {
    id: (i) => i.id,
    organisation: (i) => names.get(i.organisation) ?? i.organisation,
    item: (i) => itemName(catalog, i.item),
    quantity: (i) => i.quantity,
    value: (i) => i.value_chf,
    earliest: (i) => i.earliest,
  };
  const sort = labelledSelect('intent-sort', t('intents.sort'), Object.keys(sortKeys)
    .filter((k) => !(mine && k === 'organisation'))
    .flatMap((k) => [[`${k}:asc`, `${t(`intents.sort.${k}`)} ${t('intents.ascending')}`], [`${k}:desc`, `${t(`intents.sort.${k}`)} ${t('intents.descending')}`]]));
  sort.element.value = 'id:desc';
  for (const [control, key] of [[status, 'status'], [category, 'category'], [item, 'item'], [organisation, 'organisation']]) {
    if (control && query.get(key)) control.element.value = query.get(key);
  }

  const rowOf = (intent) => [
    String(intent.id),
    mine ? null : organisationLabel(names, intent.organisation),
    itemLabel(catalog, intent.item),
    format.count(intent.quantity),
    format.chf(intent.value_chf),
    format.period(intent.earliest, intent.latest),
    intent.bundle
      ? h('div', {}, badge('status', intent.status), ' ',
        h('a', { href: `#/bundles/${intent.bundle.id}` }, `${t('intents.bundle')} ${intent.bundle.id} (${label('status', intent.bundle.status)})`))
      : badge('status', intent.status),
    h('div', { class: 'flags-cell' }, (flags.get(intent.id) ?? []).map((f) => h('p', { class: 'flag' }, h('strong', {}, `${label('code', f.code)}: `), f.message))),
    h('div', { class: 'actions' },
      canEdit && intent.status === 'submitted'
        ? h('a', { href: `#/intents/${intent.id}`, 'aria-label': `${t('common.edit')}: ${itemName(catalog, intent.item)} (${intent.id})` }, t('common.edit')) : null,
      canEdit && intent.status === 'submitted' ? h('button', {
        type: 'button', class: 'secondary', 'aria-label': `${t('intents.withdraw')}: ${itemName(catalog, intent.item)} (${intent.id})`,
        onclick: async () => {
          if (!window.confirm(t('intents.askWithdraw', { item: itemName(catalog, intent.item), id: intent.id }))) return;
          try {
            await api.del(`/api/v1/intents/${intent.id}`, { version: intent.version });
            // Said after the list is shown again: the refresh would wipe it otherwise.
            await refresh();
            announce(t('intents.withdrawn', { id: intent.id }));
          } catch (error) {
            announce(describeError(error), true);
          }
        },
      }, t('intents.withdraw')) : null,
      me.role !== 'municipality' ? h('a', { href: `#/audit?entity=intent&id=${intent.id}` }, t('intents.audit')) : null),
  ].filter((cell, i) => !(mine && i === 1));

  const head = [t('field.id'), mine ? null : t('field.organisation'), t('field.item'), t('field.quantity'), t('field.value'),
    t('field.window'), t('field.status'), t('field.flags'), ''].filter((x) => x !== null);
  const numeric = mine ? [0, 2, 3] : [0, 3, 4];

  let loaded = [];
  const show = () => {
    const [key, direction] = sort.element.value.split(':');
    const by = sortKeys[key];
    const sorted = [...loaded].sort((a, b) => {
      const x = by(a);
      const y = by(b);
      const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'de');
      return direction === 'desc' ? -order : order;
    });
    const quantity = sorted.reduce((sum, i) => sum + i.quantity, 0);
    const rappen = sorted.reduce((sum, i) => sum + Math.round(i.value_chf * 100), 0);
    const total = mine
      ? [t('intents.total'), '', format.count(quantity), format.chf(rappen / 100), '', '', '', '']
      : [t('intents.total'), '', '', format.count(quantity), format.chf(rappen / 100), '', '', '', ''];
    const shown = table({
      caption: t(loaded.length >= MAX ? 'intents.capped' : 'common.count', { n: format.count(loaded.length) }),
      head, rows: [...sorted.map(rowOf), total], numeric,
    });
    shown.querySelector('tbody tr:last-child')?.classList.add('total');
    replace(body, loaded.length === 0 ? h('p', {}, t(mine ? 'intents.noneMine' : 'intents.none')) : shown);
  };
  const fetchIntents = newestOnly((path) => api.all(path, MAX));
  const load = async () => {
    const q = new URLSearchParams();
    for (const [control, key] of [[status, 'status'], [category, 'category'], [item, 'item'], [organisation, 'organisation']]) {
      if (control?.element.value) q.set(key, control.element.value);
    }
    const answer = await fetchIntents(`/api/v1/intents${q.toString() ? `?${q}` : ''}`);
    if (!answer.current) return;
    loaded = answer.value;
    show();
  };
  const fail = (e) => announce(describeError(e), true);
  for (const control of [status, category, item, organisation]) control?.element.addEventListener('change', () => load().catch(fail));
  sort.element.addEventListener('change', show);

  replace(main,
    h('h1', {}, mine ? t('intents.mine') : t('intents.title')),
    canEdit ? h('div', { class: 'actions' }, h('a', { class: 'button', href: '#/intents/new' }, t('intents.new')),
      mine ? h('a', { class: 'button secondary', href: '#/import' }, t('nav.import')) : null) : null,
    h('div', { class: 'filters' }, organisation?.box, item.box, category.box, status.box, sort.box), body);
  await load();
}
