// What every page uses: the status line, errors as sentences, badges, organisation names.
import { api, ApiError } from './api.js';
import { h, showFieldErrors } from './dom.js';
import { currentLanguage, label, t } from './i18n.js';

/** Shows a message in the live region at the top (`error` for failures). */
export function announce(message, error = false) {
  const status = document.getElementById('status');
  status.className = error ? 'status error' : 'status';
  status.textContent = message;
}

let flashed = '';

/** A message for the next page shown (after a change of route). */
export function flash(message) {
  flashed = message;
}

/** The message for this page, once. */
export function takeFlash() {
  const message = flashed;
  flashed = '';
  return message;
}

/**
 * A refusal because the record changed meanwhile: 409 (its state no longer allows the step) or 412
 * (its version moved on). The page then shows the record as it now is, with the reason.
 */
export function changedMeanwhile(error) {
  return error instanceof ApiError && (error.status === 409 || error.status === 412);
}

/** A failure of the API as a sentence. */
export function describeError(error) {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('common.forbidden');
    if (error.status === 404 && !error.problem.title) return t('common.notFound');
    const details = error.errors.map((e) => `${e.field}: ${e.reason}`).join('; ');
    return [error.problem.title, error.problem.detail, details].filter(Boolean).join(' – ');
  }
  return String(error?.message ?? error);
}

const tone = {
  submitted: 'info', proposed: 'info', approved: 'ok', tendered: 'ok', confirmed: 'ok', joint_tender: 'ok',
  rejected: 'bad', withdrawn: 'bad', needs_review: 'warn', pending: 'warn', individual: 'warn',
};

/** A coloured label of an enumerated value, with its text (never colour alone). */
export function badge(group, value) {
  return h('span', { class: `badge ${tone[value] ?? 'info'}` }, label(group, value));
}

/**
 * A labelled filter: a select of "all" and `values` (shown as their labels of `group`). Returns
 * {element, box}: the select, and the labelled field to put in a .filters row.
 */
export function filterSelect(id, text, values, group) {
  const element = h('select', { id }, h('option', { value: '' }, t('common.all')), values.map((v) => h('option', { value: v }, label(group, v))));
  return { element, box: h('div', { class: 'field' }, h('label', { for: id }, text), element) };
}

/**
 * A filter asks the server again on every change, and the answers may arrive in any order. `newestOnly`
 * wraps such a fetch: its answer is {current, value}, and `current` is false once a later call started,
 * so that a slow answer to an older filter never replaces the newer one on the page. A failure of a call
 * that is no longer current is not reported either.
 */
export function newestOnly(fetch) {
  let newest = 0;
  return async (...args) => {
    const ticket = ++newest;
    try {
      const value = await fetch(...args);
      return { current: ticket === newest, value };
    } catch (error) {
      if (ticket !== newest) return { current: false, value: undefined };
      throw error;
    }
  };
}

let organisations = null;

/** Organisation names by id (BFS number or canton code), read once per page load. */
export async function organisationNames() {
  if (!organisations) {
    const list = await api.all('/api/v1/organisations');
    organisations = new Map(list.map((o) => [o.id, o.name]));
  }
  return organisations;
}

/** "Kriens (1059)". */
export function organisationLabel(names, id) {
  const name = names.get(id);
  return name ? `${name} (${id})` : id;
}

/** What the buyer `organisation` buys within tender `b` (CHF): the sum of its members' values. */
export function shareOf(b, organisation) {
  return b.members.filter((m) => m.organisation === organisation).reduce((sum, m) => sum + (m.value_chf ?? 0), 0);
}

let items = null;

/** The catalogue's items by id ({name_de, name_en, unit, …}), read once per page load. */
export async function catalogItems() {
  if (!items) {
    const list = await api.all('/api/v1/catalog/items', 5000);
    items = new Map(list.map((i) => [i.id, i]));
  }
  return items;
}

/** An item's name in the page's language (its id when the catalogue has no such item). */
export function itemName(catalog, id) {
  const item = catalog.get(id);
  if (!item) return id;
  return currentLanguage() === 'en' ? item.name_en : item.name_de;
}

/** The item's name with its id as a tooltip: what people read, and what the CSV import takes. */
export function itemLabel(catalog, id) {
  return h('span', { title: id }, itemName(catalog, id));
}

/** Shows a failed form submission: field errors next to their fields, anything else at the top. */
export function showFormError(form, error) {
  if (error instanceof ApiError && error.errors.length > 0) {
    const unplaced = showFieldErrors(form, error.errors);
    if (unplaced.length > 0) announce(unplaced.map((e) => `${e.field}: ${e.reason}`).join('; '), true);
  } else {
    announce(describeError(error), true);
  }
}
