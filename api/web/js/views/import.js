// The spreadsheet import: a CSV file, all rows or none, each bad row reported with its number.
import { api, ApiError } from '../api.js';
import { field, h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';
import { announce, catalogItems, describeError } from '../ui.js';

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

// A template as Excel opens it (semicolon, BOM, German headers) with two example rows: a device by
// its catalogue name and a yearly licence with its contract years.
function template(catalog) {
  const all = [...catalog.values()];
  const device = all.find((i) => i.category === 'hardware') ?? all[0];
  const licence = all.find((i) => i.billing === 'yearly' && i.category === 'software') ?? all[1] ?? device;
  const year = new Date().getFullYear() + 1;
  const cell = (text) => (/[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const rows = [
    // The German headers, whatever the page's language: the import reads them, and so does Excel in de-CH.
    ['Artikel', 'Menge', 'Stückpreis CHF', 'Frühestens', 'Spätestens', 'Vertragsjahre', 'Bemerkung'],
    [device?.name_de ?? '', '12', '', `01.03.${year}`, `30.06.${year}`, '', t('import.exampleNote')],
    [licence?.name_de ?? '', '250', '', `01.01.${year}`, `31.12.${year}`, String(licence?.default_contract_years ?? 4), ''],
  ];
  return `\ufeff${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

function downloadTemplate(catalog) {
  const url = URL.createObjectURL(new Blob([template(catalog)], { type: 'text/csv;charset=utf-8' }));
  const link = h('a', { href: url, download: t('import.templateFile') });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function render(main) {
  const catalog = await catalogItems();
  const file = h('input', { type: 'file', accept: '.csv,text/csv', required: true });
  const report = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form', novalidate: true },
    h('h1', {}, t('import.title')),
    h('p', {}, t('import.intro')),
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: () => downloadTemplate(catalog) }, t('import.template'))),
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
      // A second click on the same file is answered as a replay, never stored twice; a new file starts afresh.
      file.value = '';
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
