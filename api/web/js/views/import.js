// The spreadsheet import: a CSV file, all rows or none, each bad row reported with its number.
import { api, ApiError } from '../api.js';
import { field, h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';
import { announce, describeError } from '../ui.js';

// The column as the form labels it; the file's own words for anything else ("file", "row", a header).
const columnLabels = {
  item: 'import.column.item',
  quantity: 'field.quantity',
  unit_price_chf: 'import.column.unitPrice',
  earliest: 'field.earliest',
  latest: 'field.latest',
  contract_years: 'import.column.contractYears',
  note: 'field.note',
  organisation: 'field.organisation',
};

function column(name) {
  return columnLabels[name] ? t(columnLabels[name]) : name;
}

export async function render(main) {
  const file = h('input', { type: 'file', accept: '.csv,text/csv', required: true });
  const report = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form', novalidate: true },
    h('h1', {}, t('import.title')),
    h('p', {}, t('import.intro')),
    field({ label: t('import.file'), name: 'file', input: file }),
    h('button', { type: 'submit' }, t('import.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(report);
    const chosen = file.files[0];
    if (!chosen) {
      file.focus();
      return;
    }
    try {
      const text = await chosen.text();
      // The file's own fingerprint as Idempotency-Key: the same file twice is stored once.
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      const key = 'import-' + Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
      const result = await api.post('/api/v1/intents/import', text, {
        contentType: 'text/csv; charset=utf-8',
        extraHeaders: { 'Idempotency-Key': key },
      });
      const message = t(result.replayed ? 'import.again' : 'import.done', { count: result.imported, value: format.chf(result.value_chf) });
      announce(message);
      replace(report, h('p', {}, message, ' ', h('a', { href: '#/intents' }, t('nav.myIntents'))));
    } catch (error) {
      if (!(error instanceof ApiError) || error.errors.length === 0) {
        announce(describeError(error), true);
        return;
      }
      announce(t('import.failed', { count: error.errors.length }), true);
      replace(report, table({
        caption: t('import.failed', { count: error.errors.length }),
        head: [t('import.row'), t('import.field'), t('import.reason')],
        rows: error.errors.map((e) => [e.row ? String(e.row) : '–', column(e.field), e.reason]),
        numeric: [0],
      }));
    }
  });
  replace(main, form, report);
}
