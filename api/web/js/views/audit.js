// The audit log of one record: who changed what, when, with the state before and after.
import { api } from '../api.js';
import { field, h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { label, t } from '../i18n.js';
import { announce, describeError } from '../ui.js';

// The fields whose value differs between before and after, as "field: old → new".
function changes(before, after) {
  if (!before) return t('audit.created');
  if (!after) return '';
  return Object.keys({ ...before, ...after })
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]) && k !== 'updated_at')
    .map((k) => `${k}: ${JSON.stringify(before[k] ?? null)} → ${JSON.stringify(after[k] ?? null)}`)
    .join('; ');
}

export async function render(main, { query }) {
  const entity = h('select', {}, ['intent', 'bundle', 'catalog_item', 'organisation'].map((e) => h('option', { value: e }, label('entity', e))));
  const id = h('input', { type: 'text', required: true });
  entity.value = query.get('entity') ?? 'intent';
  id.value = query.get('id') ?? '';
  const list = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'filters', novalidate: true },
    field({ label: t('audit.entity'), name: 'entity', input: entity }),
    field({ label: t('audit.id'), name: 'id', input: id }),
    h('button', { type: 'submit' }, t('audit.show')));
  const show = async () => {
    if (!id.value.trim()) return;
    const entries = await api.all(`/api/v1/audit?entity=${encodeURIComponent(entity.value)}&id=${encodeURIComponent(id.value.trim())}`);
    replace(list, entries.length === 0 ? h('p', {}, t('common.none')) : table({
      caption: `${label('entity', entity.value)} ${id.value.trim()}`,
      head: [t('audit.when'), t('audit.actor'), t('audit.action'), t('audit.change')],
      rows: entries.map((e) => [format.timestamp(e.occurred_at), e.actor, e.action, changes(e.before, e.after)]),
    }));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show().catch((e) => announce(describeError(e), true));
  });
  replace(main, h('h1', {}, t('audit.title')), form, list);
  await show();
}
