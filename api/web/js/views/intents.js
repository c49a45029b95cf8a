// The intents table: a municipality's own, or everyone's for coordinators and auditors, each with
// its status and the flags of the latest run with their reasons.
import { api } from '../api.js';
import { h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { label, t } from '../i18n.js';
import { announce, badge, describeError, filterSelect, organisationLabel, organisationNames } from '../ui.js';

async function latestFlags(me) {
  const path = me.role === 'municipality' ? `/api/v1/flags?organisation=${me.organisation}` : '/api/v1/flags';
  const flags = await api.all(path, 5000);
  const byIntent = new Map();
  for (const f of flags) byIntent.set(f.intent, [...(byIntent.get(f.intent) ?? []), f]);
  return byIntent;
}

export async function render(main, { me, refresh }) {
  const [names, flags] = await Promise.all([organisationNames(), latestFlags(me)]);
  const mine = me.role === 'municipality';
  const canEdit = me.role !== 'auditor';
  const body = h('div');
  let cursor = null;
  const rows = [];

  const { element: statusFilter, box } = filterSelect('intent-status', t('field.status'), ['submitted', 'withdrawn'], 'status');
  const filters = h('div', { class: 'filters' }, box);

  const rowOf = (intent) => [
    String(intent.id),
    mine ? null : organisationLabel(names, intent.organisation),
    intent.item,
    format.count(intent.quantity),
    format.chf(intent.value_chf),
    format.period(intent.earliest, intent.latest),
    intent.bundle
      ? h('div', {}, badge('status', intent.status), ' ',
        h('a', { href: `#/bundles/${intent.bundle.id}` }, `${t('intents.bundle')} ${intent.bundle.id} (${label('status', intent.bundle.status)})`))
      : badge('status', intent.status),
    h('div', { class: 'flags-cell' }, (flags.get(intent.id) ?? []).map((f) => h('p', { class: 'flag' }, h('strong', {}, `${label('code', f.code)}: `), f.message))),
    h('div', { class: 'actions' },
      canEdit && intent.status === 'submitted' ? h('a', { href: `#/intents/${intent.id}`, 'aria-label': `${t('common.edit')} ${intent.id}` }, t('common.edit')) : null,
      canEdit && intent.status === 'submitted' ? h('button', {
        type: 'button', class: 'secondary', 'aria-label': `${t('intents.withdraw')} ${intent.id}`,
        onclick: async () => {
          if (!window.confirm(t('intents.askWithdraw', { item: intent.item, id: intent.id }))) return;
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
  const numeric = mine ? [2, 3] : [3, 4];

  const more = h('button', { type: 'button', class: 'secondary' }, t('common.more'));
  const load = async (reset) => {
    if (reset) {
      rows.length = 0;
      cursor = null;
    }
    const status = statusFilter.value ? `&status=${statusFilter.value}` : '';
    const page = await api.get(`/api/v1/intents?limit=100${status}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    rows.push(...page.items);
    cursor = page.next_cursor;
    replace(body, rows.length === 0 ? h('p', {}, t('common.none'))
      : table({ caption: t('common.count', { n: rows.length }), head, rows: rows.map(rowOf), numeric }), cursor ? more : null);
  };
  more.addEventListener('click', () => load(false).catch((e) => announce(describeError(e), true)));
  statusFilter.addEventListener('change', () => load(true).catch((e) => announce(describeError(e), true)));

  replace(main,
    h('h1', {}, mine ? t('intents.mine') : t('intents.title')),
    canEdit ? h('div', { class: 'actions' }, h('a', { class: 'button', href: '#/intents/new' }, t('intents.new')),
      mine ? h('a', { class: 'button secondary', href: '#/import' }, t('nav.import')) : null) : null,
    filters, body);
  await load(true);
}
