// Needs-survey campaigns: the coordinator creates, opens, extends, closes and bundles a campaign and
// follows its progress (answers per buyer, totals per item, answers over time, the mail); a
// municipality sees its invitations and answers with its needs or with none.
import { api } from '../api.js';
import { field, h, replace, svg, table } from '../dom.js';
import * as format from '../format.js';
import { currentLanguage } from '../i18n.js';
import { announce, catalogItems, changedMeanwhile, describeError, flash, itemName, showFormError } from '../ui.js';

// The campaigns' words, German first (the pages' other words live in i18n.js).
const L = (de, en) => (currentLanguage() === 'de' ? de : en);

const ACTIONS = {
  open: () => L('Eröffnen', 'Open'),
  close: () => L('Abschliessen', 'Close'),
  cancel: () => L('Absagen', 'Cancel'),
};

function stateBadge(c) {
  const tone = { open: 'ok', draft: 'warn', closed: 'warn', bundled: 'ok', cancelled: 'bad' }[c.state] ?? '';
  return h('span', { class: `badge ${tone}` }, c.state_name);
}

function link(c) {
  return h('a', { href: `#/campaigns/${c.id}` }, c.title, h('span', { class: 'muted' }, ` (${c.id})`));
}

// A UTC timestamp from a datetime-local input (the browser's local time).
function utcOf(local) {
  return local ? new Date(local).toISOString().replace(/\.\d+Z$/, 'Z') : '';
}

async function createForm(refresh) {
  const catalog = await catalogItems();
  const items = h('select', { name: 'items', multiple: true, size: 6, required: true },
    [...catalog.keys()].map((id) => h('option', { value: id }, `${itemName(catalog, id)} (${id})`)));
  const form = h('form', { class: 'panel', 'aria-labelledby': 'campaign-new' },
    h('h2', { id: 'campaign-new' }, L('Neue Bedarfserhebung', 'New needs survey')),
    field({ label: L('Titel', 'Title'), name: 'title', input: h('input', { name: 'title', required: true, maxlength: 200 }) }),
    field({ label: L('Beschreibung', 'Description'), name: 'description', input: h('textarea', { name: 'description', rows: 3, maxlength: 4000 }) }),
    field({ label: L('Katalogartikel', 'Catalogue items'), name: 'items', input: items, hint: L('Mehrere mit Ctrl/Cmd wählen', 'Choose several with Ctrl/Cmd') }),
    field({ label: L('Eingeladen', 'Invited'), name: 'invited',
      input: h('input', { name: 'invited', value: 'all' }), hint: L('«all» für alle Gemeinden des Kantons, sonst BFS-Nummern mit Komma', '"all" for every municipality of the canton, else BFS numbers separated by commas') }),
    field({ label: L('Beginn', 'Opens'), name: 'opens', input: h('input', { name: 'opens', type: 'datetime-local', required: true }) }),
    field({ label: L('Schluss', 'Closes'), name: 'closes', input: h('input', { name: 'closes', type: 'datetime-local', required: true }) }),
    field({ label: L('Erinnerungen vor dem Schluss', 'Reminders before the close'), name: 'reminders',
      input: h('input', { name: 'reminders', value: 'P7D, P2D' }), hint: L('ISO 8601: P7D = 7 Tage, PT12H = 12 Stunden', 'ISO 8601: P7D = 7 days, PT12H = 12 hours') }),
    h('label', {}, h('input', { type: 'checkbox', name: 'binding' }), ' ', L('Angaben verbindlich, sobald die Ausschreibung genehmigt ist', 'Answers bind once the tender is approved')),
    h('button', { type: 'submit' }, L('Als Entwurf speichern', 'Save as draft')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const invited = String(data.get('invited')).trim();
    const body = {
      title: data.get('title'),
      description: data.get('description'),
      items: [...items.selectedOptions].map((o) => o.value),
      invited: invited === 'all' ? 'all' : invited.split(',').map((s) => s.trim()).filter(Boolean),
      opens: utcOf(data.get('opens')),
      closes: utcOf(data.get('closes')),
      reminders: String(data.get('reminders')).split(',').map((s) => s.trim()).filter(Boolean),
      binding: data.get('binding') === 'on',
    };
    try {
      const created = await api.post('/api/v1/campaigns', body);
      flash(L(`Bedarfserhebung «${created.title}» als Entwurf gespeichert.`, `Needs survey "${created.title}" saved as a draft.`));
      window.location.hash = `#/campaigns/${created.id}`;
    } catch (error) {
      showFormError(form, error);
    }
  });
  return form;
}

export async function render(main, { me, refresh }) {
  const campaigns = (await api.get('/api/v1/campaigns')).items;
  const municipality = me.role === 'municipality';
  const rows = campaigns.map((c) => [
    link(c), stateBadge(c), format.timestamp(c.closes),
    municipality ? (c.answer?.state_name ?? '–') : `${c.counts.answered + c.counts.no_need} / ${c.counts.invited}`,
  ]);
  replace(main,
    h('h1', {}, L('Bedarfserhebungen', 'Needs surveys')),
    campaigns.length === 0 ? h('p', {}, L('Keine Bedarfserhebungen.', 'No needs surveys.')) :
      table({ head: [L('Erhebung', 'Survey'), L('Stand', 'State'), L('Schluss', 'Closes'), municipality ? L('Ihre Antwort', 'Your answer') : L('Antworten', 'Answers')], rows }),
    me.role === 'coordinator' ? await createForm(refresh) : null);
}

// The answers over time as a small line chart: answered (with needs) and no need, per day.
function chart(timeline) {
  if (timeline.length === 0) return h('p', { class: 'muted' }, L('Noch keine Antworten.', 'No answers yet.'));
  const width = 480, height = 160, pad = 28;
  const max = Math.max(1, ...timeline.map((d) => d.answered + d.no_need));
  const x = (i) => pad + (timeline.length === 1 ? 0 : (i * (width - 2 * pad)) / (timeline.length - 1));
  const y = (v) => height - pad - (v * (height - 2 * pad)) / max;
  const line = (value) => timeline.map((d, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(value(d)).toFixed(1)}`).join(' ');
  const last = timeline[timeline.length - 1];
  return h('figure', {},
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'campaign-chart',
      'aria-label': L(`Antworten über die Zeit: am ${format.date(last.day)} ${last.answered} mit Bedarf, ${last.no_need} ohne Bedarf`,
        `Answers over time: on ${format.date(last.day)} ${last.answered} with needs, ${last.no_need} without`) },
    svg('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, stroke: 'currentColor' }),
    svg('path', { d: line((d) => d.answered + d.no_need), fill: 'none', stroke: '#0b6e4f', 'stroke-width': 2 }),
    svg('path', { d: line((d) => d.no_need), fill: 'none', stroke: '#8a5a00', 'stroke-width': 2, 'stroke-dasharray': '4 3' }),
    svg('text', { x: pad, y: pad - 8, 'font-size': 12 }, String(max)),
    svg('text', { x: pad, y: height - 8, 'font-size': 12 }, format.date(timeline[0].day)),
    svg('text', { x: width - pad, y: height - 8, 'font-size': 12, 'text-anchor': 'end' }, format.date(last.day))),
    h('figcaption', { class: 'muted' }, L('Durchgezogen: alle Antworten; gestrichelt: davon «kein Bedarf».', 'Solid: all answers; dashed: of them "no need".')));
}

async function coordinatorPart(c, me, refresh) {
  const [progress, mail] = await Promise.all([api.get(`/api/v1/campaigns/${c.id}/progress`), api.get(`/api/v1/campaigns/${c.id}/mail`)]);
  const actions = h('div', { class: 'row-actions' });
  if (me.role === 'coordinator') {
    for (const action of c.allowed_actions.filter((a) => ACTIONS[a])) {
      actions.append(h('button', { type: 'button', onclick: async () => {
        try {
          await api.post(`/api/v1/campaigns/${c.id}/${action}`, undefined, { version: c.version });
          await refresh();
          announce(L('Erledigt.', 'Done.'));
        } catch (error) {
          // Someone or the clock changed the survey meanwhile: show what it is now, and why the step was refused.
          if (changedMeanwhile(error)) await refresh();
          announce(describeError(error), true);
        }
      } }, ACTIONS[action]()));
    }
    if (c.allowed_actions.includes('bundle')) {
      actions.append(h('button', { type: 'button', onclick: async () => {
        try {
          const run = await api.post('/api/v1/bundling-runs', { campaign: c.id });
          flash(L(`Bündelungslauf ${run.id} auf den Antworten gemacht.`, `Bundling run ${run.id} made on the answers.`));
          window.location.hash = `#/bundles?run=${run.id}`;
        } catch (error) { announce(describeError(error), true); }
      } }, L('Antworten bündeln', 'Bundle the answers')));
    }
  }
  let extend = null;
  if (me.role === 'coordinator' && c.allowed_actions.includes('extend')) {
    const input = h('input', { name: 'closes', type: 'datetime-local', required: true });
    extend = h('form', { class: 'inline-form' },
      field({ label: L('Neuer Schluss', 'New close'), name: 'closes', input }),
      h('button', { type: 'submit' }, L('Verlängern', 'Extend')));
    extend.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.patch(`/api/v1/campaigns/${c.id}`, { closes: utcOf(input.value) }, { version: c.version });
        await refresh();
        announce(L('Verlängert; wer noch nicht geantwortet hat, wird benachrichtigt.', 'Extended; those who have not answered are told.'));
      } catch (error) { showFormError(extend, error); }
    });
  }
  return [
    actions, extend,
    h('section', { class: 'panel', 'aria-labelledby': 'progress-buyers' },
      h('h2', { id: 'progress-buyers' }, L('Antworten', 'Answers'),
        h('a', { href: `/api/v1/campaigns/${c.id}/progress.csv?lang=${currentLanguage()}`, class: 'muted', onclick: (e) => { e.preventDefault(); api.download(`/api/v1/campaigns/${c.id}/progress.csv?lang=${currentLanguage()}&sep=semicolon&bom=1`); } }, ` ${L('als CSV', 'as CSV')}`)),
      h('p', {}, L(`${progress.counts.answered} mit Bedarf, ${progress.counts.no_need} ohne Bedarf, ${progress.counts.invited} ausstehend, ${progress.counts.no_response} ohne Antwort.`,
        `${progress.counts.answered} with needs, ${progress.counts.no_need} without, ${progress.counts.invited} outstanding, ${progress.counts.no_response} without answer.`)),
      chart(progress.timeline),
      table({ head: [L('Organisation', 'Organisation'), L('Stand', 'State'), L('Menge', 'Quantity'), L('Wert', 'Value'), L('Begründung', 'Reason')],
        numeric: [2, 3],
        rows: progress.buyers.map((b) => [h('span', {}, b.organisation_name, h('span', { class: 'muted' }, ` (${b.organisation})`)), b.state_name,
          format.count(b.quantity), format.chf(b.value_chf), b.reason || '–']) })),
    h('section', { class: 'panel', 'aria-labelledby': 'progress-items' },
      h('h2', { id: 'progress-items' }, L('Summen je Artikel', 'Totals per item')),
      table({ head: [L('Artikel', 'Item'), L('Menge', 'Quantity'), L('Wert', 'Value'), L('Käufer', 'Buyers'), L('Verfahren', 'Procedure')], numeric: [1, 2, 3],
        rows: progress.items.map((i) => [i.name, format.count(i.quantity), format.chf(i.value_chf), String(i.buyers),
          h('span', { title: i.explanation ?? '' }, i.procedure_name ?? '–')]) })),
    h('section', { class: 'panel', 'aria-labelledby': 'progress-mail' },
      h('h2', { id: 'progress-mail' }, L('E-Mails', 'E-mail')),
      mail.sending ? null : h('p', { class: 'notice', role: 'status' },
        L('Kein Mailserver eingerichtet (serve --smtp): Die Nachrichten bleiben im Postausgang und gehen erst mit einem Mailserver hinaus.',
          'No mail server set up (serve --smtp): the messages stay in the outbox until there is one.')),
      h('p', {}, L(`${mail.sent} versandt, ${mail.waiting} wartend, ${mail.failed} fehlgeschlagen.`, `${mail.sent} sent, ${mail.waiting} waiting, ${mail.failed} failed.`)),
      table({ head: [L('An', 'To'), L('Betreff', 'Subject'), L('Stand', 'State'), L('Versuche', 'Attempts')], numeric: [3],
        rows: mail.items.slice(0, 50).map((m) => [`${m.recipient_name} <${m.recipient_email}>`, m.subject, m.state + (m.last_error ? ` (${m.last_error})` : ''), String(m.attempts)]) })),
  ];
}

function answerForm(c, refresh) {
  const year = new Date().getUTCFullYear() + 1;
  const rows = c.items.map((item) => {
    const mine = c.answer?.intents?.find((i) => i.item === item.id);
    return { item, quantity: h('input', { type: 'number', min: 0, max: 10000000, name: `q-${item.id}`, value: mine?.quantity ?? '', 'aria-label': L(`Menge ${item.name}`, `Quantity ${item.name}`) }),
      earliest: h('input', { type: 'date', value: mine?.earliest ?? `${year}-01-01`, 'aria-label': L(`Frühestens ${item.name}`, `Earliest ${item.name}`) }),
      latest: h('input', { type: 'date', value: mine?.latest ?? `${year}-12-31`, 'aria-label': L(`Spätestens ${item.name}`, `Latest ${item.name}`) }) };
  });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'answer-heading' },
    h('h2', { id: 'answer-heading' }, L('Ihre Antwort', 'Your answer')),
    c.answer ? h('p', {}, L('Stand: ', 'State: '), h('strong', {}, c.answer.state_name),
      c.answer.answered_by_name ? ` – ${c.answer.answered_by_name}, ${format.timestamp(c.answer.answered_at)}` : '') : null,
    table({ head: [L('Artikel', 'Item'), L('Menge', 'Quantity'), L('Frühestens', 'Earliest'), L('Spätestens', 'Latest')],
      rows: rows.map((r) => [r.item.name, r.quantity, r.earliest, r.latest]) }),
    h('button', { type: 'submit' }, L('Bedarf melden', 'Declare needs')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const intents = rows.filter((r) => Number(r.quantity.value) > 0).map((r) => ({ item: r.item.id, quantity: Number(r.quantity.value), earliest: r.earliest.value, latest: r.latest.value }));
    try {
      if (intents.length === 0) throw new Error(L('Bitte eine Menge angeben – oder «Kein Bedarf» wählen.', 'Enter a quantity, or choose "No need".'));
      await api.post(`/api/v1/campaigns/${c.id}/answers`, { intents });
      await refresh();
      announce(L('Bedarf gemeldet. Bis zum Schluss lässt er sich ändern.', 'Needs declared. They can be changed until the close.'));
    } catch (error) { showFormError(form, error); }
  });
  const reason = h('input', { name: 'reason', maxlength: 2000 });
  const none = h('form', { class: 'inline-form' },
    field({ label: L('Begründung (freiwillig)', 'Reason (optional)'), name: 'reason', input: reason }),
    h('button', { type: 'submit' }, L('Kein Bedarf', 'No need')));
  none.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.post(`/api/v1/campaigns/${c.id}/answers`, { no_need: true, reason: reason.value });
      await refresh();
      announce(L('«Kein Bedarf» gemeldet.', '"No need" declared.'));
    } catch (error) { showFormError(none, error); }
  });
  return [form, none];
}

export async function renderOne(main, { me, params, refresh }) {
  const c = await api.get(`/api/v1/campaigns/${params[0]}`);
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, L('Stand', 'State')), h('dd', {}, stateBadge(c)),
    h('dt', {}, L('Zeitraum', 'Window')), h('dd', {}, `${format.timestamp(c.opens)} – ${format.timestamp(c.closes)}`),
    h('dt', {}, L('Artikel', 'Items')), h('dd', {}, c.items.map((i) => i.name).join(', ')),
    h('dt', {}, L('Eingeladen', 'Invited')), h('dd', {}, c.invited === 'all' ? L(`alle Organisationen des Kantons ${c.canton} (${c.counts.invited})`, `every organisation of canton ${c.canton} (${c.counts.invited})`) : c.invited.map((o) => o.name).join(', ')),
    h('dt', {}, L('Verbindlich', 'Binding')), h('dd', {}, c.binding ? L('ja, sobald die Ausschreibung genehmigt ist', 'yes, once the tender is approved') : L('nein', 'no')),
    h('dt', {}, L('Koordination', 'Coordinator')), h('dd', {}, c.coordinator_name));
  const open = c.state === 'open';
  replace(main,
    h('h1', {}, c.title),
    c.description ? h('p', {}, c.description) : null,
    facts,
    ...(me.role === 'municipality'
      ? (open ? answerForm(c, refresh) : [h('p', { class: 'notice' }, L(`Die Erhebung ist ${c.state_name}; Antworten sind nicht mehr möglich. Auskunft gibt ${c.coordinator_name}.`, `The survey is ${c.state_name}; it takes no answers. Please contact ${c.coordinator_name}.`))])
      : await coordinatorPart(c, me, refresh)));
}

// For a municipality's start page: the invitations that await its answer.
export async function awaiting() {
  const campaigns = (await api.get('/api/v1/campaigns')).items.filter((c) => c.awaits_answer);
  if (campaigns.length === 0) return null;
  return h('section', { class: 'panel', 'aria-labelledby': 'home-campaigns' },
    h('h2', { id: 'home-campaigns' }, L('Bedarfserhebungen, die auf Ihre Antwort warten', 'Needs surveys awaiting your answer')),
    table({ head: [L('Erhebung', 'Survey'), L('Schluss', 'Closes')], rows: campaigns.map((c) => [link(c), format.timestamp(c.closes)]) }));
}
