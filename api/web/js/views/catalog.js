// The shared catalogue: search for everyone; coordinators add and change items. The choices are
// exactly those of schemas/json/catalog-item.schema.json.
import { api } from '../api.js';
import { clearFieldErrors, field, h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { currentLanguage, label, t } from '../i18n.js';
import { announce, describeError, flash, showFormError } from '../ui.js';

export async function render(main, { me }) {
  const search = h('input', { type: 'search', id: 'catalog-search' });
  const list = h('div', { 'aria-live': 'polite' });
  let timer = null;
  const show = async () => {
    const q = search.value.trim();
    const items = await api.all(`/api/v1/catalog/items${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    replace(list, items.length === 0 ? h('p', {}, t('common.none')) : table({
      caption: t('common.count', { n: items.length }),
      head: [t('field.itemId'), t('field.item'), t('field.category'), t('field.cpv'), t('field.referencePrice'), t('field.compatibilityKey'),
        me.role === 'coordinator' ? '' : null].filter((x) => x !== null),
      rows: items.map((item) => [
        item.id,
        currentLanguage() === 'en' ? item.name_en : item.name_de,
        `${label('category', item.category)} · ${label('type', item.procurement_type)}`,
        item.cpv,
        `${format.chf(item.reference_price_chf)} / ${label('unit', item.unit)}${item.billing === 'yearly' ? ` (${label('billing', 'yearly')})` : ''}`,
        item.compatibility_key,
        me.role === 'coordinator' ? h('a', { href: `#/catalog/${item.id}`, 'aria-label': `${t('common.edit')} ${item.id}` }, t('common.edit')) : null,
      ].filter((x) => x !== null)),
      numeric: [4],
    }));
  };
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => show().catch((e) => announce(describeError(e), true)), 200);
  });
  replace(main, h('h1', {}, t('catalog.title')),
    me.role === 'coordinator' ? h('div', { class: 'actions' }, h('a', { class: 'button', href: '#/catalog/new' }, t('catalog.new'))) : null,
    h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: 'catalog-search' }, t('catalog.search')), search)),
    list);
  await show();
}

function choice(values, group) {
  return h('select', { required: true }, values.map((v) => h('option', { value: v }, label(group, v))));
}

export async function renderForm(main, { params }) {
  const id = params[0] ?? null;
  const existing = id ? await api.get(`/api/v1/catalog/items/${encodeURIComponent(id)}`) : null;
  const inputs = {
    id: h('input', { type: 'text', required: true, pattern: '[a-z0-9-]+', readonly: Boolean(existing) }),
    name_de: h('input', { type: 'text', required: true }),
    name_en: h('input', { type: 'text', required: true }),
    category: choice(['hardware', 'software', 'service'], 'category'),
    procurement_type: choice(['supply', 'service'], 'type'),
    cpv: h('input', { type: 'text', required: true, placeholder: '30213100-6' }),
    unit: h('input', { type: 'text', required: true }),
    reference_price_chf: h('input', { type: 'number', min: 0, step: '0.05', required: true, inputmode: 'decimal' }),
    billing: choice(['one_time', 'yearly'], 'billing'),
    default_contract_years: h('input', { type: 'number', min: 1, max: 5, step: 1, inputmode: 'numeric' }),
    compatibility_key: h('input', { type: 'text' }),
    description: h('textarea', { rows: 3 }),
  };
  const labels = {
    id: 'field.itemId', name_de: 'field.nameDe', name_en: 'field.nameEn', category: 'field.category', procurement_type: 'field.procurementType',
    cpv: 'field.cpv', unit: 'field.unit', reference_price_chf: 'field.referencePrice', billing: 'field.billing',
    default_contract_years: 'field.defaultContractYears',
    compatibility_key: 'field.compatibilityKey', description: 'field.description',
  };
  if (existing) {
    for (const name of Object.keys(inputs)) inputs[name].value = existing[name] ?? '';
  }
  const form = h('form', { class: 'form', novalidate: true },
    h('h1', {}, existing ? t('catalog.edit', { id }) : t('catalog.new')),
    Object.keys(inputs).map((name) => field({ label: t(labels[name]), name, input: inputs[name] })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('common.save')), h('a', { class: 'button secondary', href: '#/catalog' }, t('common.cancel'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    const body = existing ? { ...existing } : {};
    for (const [name, input] of Object.entries(inputs)) body[name] = input.value;
    body.reference_price_chf = inputs.reference_price_chf.value === '' ? null : Number(inputs.reference_price_chf.value);
    // Contract years belong to yearly billing only (the API refuses them on one-time items).
    body.default_contract_years = body.billing === 'yearly' && inputs.default_contract_years.value !== ''
      ? Number(inputs.default_contract_years.value) : null;
    if (!body.compatibility_key) delete body.compatibility_key;
    delete body.version;
    for (const [name, value] of Object.entries(body)) {
      if (value === null && name !== 'reference_price_chf' && name !== 'default_contract_years') delete body[name];
    }
    try {
      const saved = existing
        ? await api.put(`/api/v1/catalog/items/${encodeURIComponent(id)}`, body, { version: existing.version })
        : await api.post('/api/v1/catalog/items', body);
      flash(t('catalog.saved', { id: saved.id }));
      location.hash = '#/catalog';
    } catch (error) {
      showFormError(form, error);
    }
  });
  replace(main, form);
}
