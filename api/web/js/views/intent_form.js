// Adding or changing a purchase intent: catalogue type-ahead, the reference price, the window as two
// date pickers; the API's validation messages appear next to their fields.
import { api, ApiError, newIdempotencyKey } from '../api.js';
import { clearFieldErrors, field, h, replace, showFieldErrors } from '../dom.js';
import * as format from '../format.js';
import { currentLanguage, label, t } from '../i18n.js';
import { announce, describeError, flash, organisationNames, showFormError } from '../ui.js';

function itemName(item) {
  return currentLanguage() === 'en' ? item.name_en : item.name_de;
}

/** A combobox (WAI-ARIA pattern, list autocomplete) over the catalogue search API. */
function catalogueCombobox(onChoose) {
  const input = h('input', { type: 'text', role: 'combobox', autocomplete: 'off', 'aria-autocomplete': 'list', 'aria-expanded': 'false' });
  const list = h('ul', { role: 'listbox', id: `catalogue-options`, hidden: true });
  input.setAttribute('aria-controls', list.id);
  let options = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index) => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    if (index >= 0 && list.children[index]) {
      input.setAttribute('aria-activedescendant', list.children[index].id);
      list.children[index].scrollIntoView({ block: 'nearest' });
    }
  };
  const choose = (item) => {
    input.value = `${itemName(item)} (${item.id})`;
    close();
    onChoose(item);
  };
  const search = async () => {
    const query = input.value.trim();
    const mine = ++asked;
    if (query.length < 2) {
      close();
      return;
    }
    const page = await api.get(`/api/v1/catalog/items?q=${encodeURIComponent(query)}&limit=10`);
    if (mine !== asked) return;  // a newer search is under way
    options = page.items;
    replace(list, options.length === 0
      ? h('li', { role: 'option', 'aria-disabled': 'true', id: 'catalogue-none' }, t('intents.noMatch'))
      : options.map((item, i) => h('li', {
        role: 'option', id: `catalogue-option-${i}`, 'aria-selected': 'false',
        onmousedown: (event) => { event.preventDefault(); choose(item); },
      }, `${itemName(item)} · ${item.cpv} · ${format.chf(item.reference_price_chf)}`)));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  };
  input.addEventListener('input', () => {
    onChoose(null);
    clearTimeout(timer);
    timer = setTimeout(() => search().catch((e) => announce(describeError(e), true)), 150);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden || options.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      highlight(Math.min(active + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return { input, list, choose };
}

export async function render(main, { me, params }) {
  const id = params[0] ? Number(params[0]) : null;
  const existing = id ? await api.get(`/api/v1/intents/${id}`) : null;
  let chosen = null;
  let idempotencyKey = newIdempotencyKey();

  const priceHint = h('p', { class: 'hint', id: 'reference-price', 'aria-live': 'polite' });
  const combo = catalogueCombobox((item) => {
    chosen = item;
    priceHint.textContent = item ? t('intents.referencePrice', { price: format.chf(item.reference_price_chf), unit: label('unit', item.unit) }) : '';
  });
  const inputs = {
    quantity: h('input', { type: 'number', min: 1, step: 1, inputmode: 'numeric', required: true }),
    unit_price_chf: h('input', { type: 'number', min: 0, step: '0.05', inputmode: 'decimal' }),
    earliest: h('input', { type: 'date', required: true }),
    latest: h('input', { type: 'date', required: true }),
    contract_years: h('input', { type: 'number', min: 1, max: 10, step: 1, inputmode: 'numeric' }),
    note: h('textarea', { rows: 2, maxlength: 500 }),
  };
  let organisation = null;
  if (me.role === 'coordinator' && !existing) {
    const names = await organisationNames();
    organisation = h('select', { required: true }, [...names].sort((a, b) => a[1].localeCompare(b[1], 'de'))
      .map(([value, name]) => h('option', { value }, `${name} (${value})`)));
  }

  const itemField = field({ label: t('field.itemSearch'), name: 'item', input: combo.input });
  itemField.classList.add('combo');
  itemField.querySelector('.error').before(combo.list, priceHint);
  const form = h('form', { class: 'form', novalidate: true },
    h('h1', {}, existing ? t('intents.edit', { id }) : t('intents.new')),
    organisation ? field({ label: t('field.organisation'), name: 'organisation', input: organisation }) : null,
    itemField,
    h('div', { class: 'row' },
      field({ label: t('field.quantity'), name: 'quantity', input: inputs.quantity }),
      field({ label: t('field.unitPrice'), name: 'unit_price_chf', input: inputs.unit_price_chf })),
    h('div', { class: 'row' },
      field({ label: t('field.earliest'), name: 'earliest', input: inputs.earliest }),
      field({ label: t('field.latest'), name: 'latest', input: inputs.latest })),
    field({ label: t('field.contractYears'), name: 'contract_years', input: inputs.contract_years }),
    field({ label: t('field.note'), name: 'note', input: inputs.note }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, t('common.save')),
      h('a', { class: 'button secondary', href: '#/intents' }, t('common.cancel'))));

  if (existing) {
    const item = await api.get(`/api/v1/catalog/items/${encodeURIComponent(existing.item)}`);
    combo.choose(item);
    inputs.quantity.value = existing.quantity;
    inputs.unit_price_chf.value = existing.unit_price_chf ?? '';
    inputs.earliest.value = existing.earliest;
    inputs.latest.value = existing.latest;
    inputs.contract_years.value = existing.contract_years ?? '';
    inputs.note.value = existing.note ?? '';
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    if (!chosen) {
      showFieldErrors(form, [{ field: 'item', reason: t('intents.chooseItem') }]);
      return;
    }
    const body = { item: chosen.id, quantity: Number(inputs.quantity.value), earliest: inputs.earliest.value, latest: inputs.latest.value };
    if (inputs.quantity.value === '') body.quantity = null;
    if (inputs.unit_price_chf.value !== '') body.unit_price_chf = Number(inputs.unit_price_chf.value);
    if (inputs.contract_years.value !== '') body.contract_years = Number(inputs.contract_years.value);
    if (inputs.note.value !== '') body.note = inputs.note.value;
    if (organisation) body.organisation = organisation.value;
    if (existing) body.organisation = existing.organisation;
    try {
      const saved = existing
        ? await api.put(`/api/v1/intents/${id}`, body, { version: existing.version })
        : await api.post('/api/v1/intents', body, { extraHeaders: { 'Idempotency-Key': idempotencyKey } });
      flash(t('intents.saved', { id: saved.id }));
      location.hash = '#/intents';
    } catch (error) {
      // The server answered: the next try is a new request. Without an answer (network), the same
      // key lets a retry find the intent if it was stored after all.
      if (error instanceof ApiError) idempotencyKey = newIdempotencyKey();
      showFormError(form, error);
    }
  });
  replace(main, form);
  (organisation ?? combo.input).focus();
}
