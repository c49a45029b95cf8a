// One bundle: its figures, the timeline of the members' windows and the common award window, the
// members with the lead buyer, the reasons, the decisions so far, the coordinator's and the buyers'
// actions, and the tender documents.
import { api } from '../api.js';
import { field, h, replace, svg, table } from '../dom.js';
import * as format from '../format.js';
import { label, t } from '../i18n.js';
import { announce, badge, changedMeanwhile, describeError, flash, organisationLabel, organisationNames, showFormError } from '../ui.js';

const DAY_WIDTH_MIN = 1.2;

/** The timeline as SVG: one bar per member window, the award window across all rows, month ticks. */
export function timeline(bundle, names) {
  const members = bundle.members.filter((m) => m.window);
  const award = bundle.award_window;
  const first = Math.min(format.dayNumber(award.from), ...members.map((m) => format.dayNumber(m.window.from)));
  const last = Math.max(format.dayNumber(award.to), ...members.map((m) => format.dayNumber(m.window.to))) + 1;
  const labelWidth = 170;
  const width = Math.max(1100, labelWidth + (last - first) * DAY_WIDTH_MIN + 20);
  const row = 26;
  const top = 28;
  const height = top + members.length * row + 10;
  const x = (day) => labelWidth + ((day - first) / (last - first)) * (width - labelWidth - 20);

  const ticks = [];
  const start = new Date(first * 86400000);
  for (let month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); month.getTime() / 86400000 < last;
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))) {
    const day = month.getTime() / 86400000;
    const text = `${String(month.getUTCMonth() + 1).padStart(2, '0')}.${month.getUTCFullYear()}`;
    ticks.push(svg('line', { class: 'axis', x1: x(day), x2: x(day), y1: top - 6, y2: height - 6 }),
      svg('text', { x: x(day) + 3, y: 16 }, text));
  }
  const description = `${t('field.awardWindow')}: ${format.period(award.from, award.to)}. ` +
    members.map((m) => `${organisationLabel(names, m.organisation)}: ${format.period(m.window.from, m.window.to)}`).join('; ');
  return svg('svg', {
    class: 'timeline', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'timeline-title timeline-desc',
    'data-testid': 'timeline', preserveAspectRatio: 'xMinYMin meet',
  },
  svg('title', { id: 'timeline-title' }, t('bundle.timelineLabel')),
  svg('desc', { id: 'timeline-desc' }, description),
  ticks,
  svg('rect', {
    class: 'award', 'data-testid': 'award-window', x: x(format.dayNumber(award.from)), y: top - 4,
    width: Math.max(2, x(format.dayNumber(award.to) + 1) - x(format.dayNumber(award.from))), height: members.length * row + 4,
  }, svg('title', {}, `${t('field.awardWindow')}: ${format.period(award.from, award.to)}`)),
  members.map((m, i) => [
    svg('text', { x: 4, y: top + i * row + 15 }, `${names.get(m.organisation) ?? m.organisation}${m.lead ? ' ★' : ''}`),
    svg('rect', {
      class: m.lead ? 'window lead' : 'window', 'data-testid': 'member-window', x: x(format.dayNumber(m.window.from)), y: top + i * row + 3,
      width: Math.max(2, x(format.dayNumber(m.window.to) + 1) - x(format.dayNumber(m.window.from))), height: row - 8, rx: 3,
    }, svg('title', {}, `${organisationLabel(names, m.organisation)}: ${format.period(m.window.from, m.window.to)}`)),
  ]));
}

function facts(bundle) {
  const pairs = [
    [t('field.status'), badge('status', bundle.status)],
    [t('field.decision'), badge('decision', bundle.decision)],
    [t('field.value'), format.chf(bundle.value_chf)],
    [t('field.savings'), format.chf(bundle.estimated_savings_chf)],
    [t('field.procedure'), `${label('procedure', bundle.procedure)}${bundle.international ? ' (WTO)' : ''}`],
    [t('field.awardWindow'), format.period(bundle.award_window.from, bundle.award_window.to)],
    [t('field.buyers'), `${bundle.buyers} · ${format.count(bundle.quantity)}`],
    [t('field.category'), `${label('category', bundle.category)} · ${label('type', bundle.procurement_type)} · CPV ${bundle.cpv}`],
  ];
  if (bundle.reference) pairs.push([t('field.reference'), bundle.reference]);
  return h('dl', { class: 'facts' }, pairs.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

// Sends a change with the version the page shows; a 409/412 reloads the page with the news.
// `done(updated)` says what was saved; with `next` the page goes there and says it (a buyer who
// declined no longer sees the tender).
async function change(path, body, bundle, refresh, { done, next } = {}) {
  try {
    const updated = await api.post(path, body, { version: bundle.version });
    const message = done ? done(updated) : t('bundle.done', { status: label('status', updated.status) });
    if (next) {
      flash(message);
      location.hash = next;
      return;
    }
    await refresh();
    announce(message);
  } catch (error) {
    if (changedMeanwhile(error)) {
      const reason = describeError(error);
      await refresh();
      announce(error.status === 412 ? t('bundle.conflict') : reason, true);
    } else {
      announce(describeError(error), true);
    }
  }
}

function coordinatorPanel(bundle, refresh, others) {
  const comment = h('input', { type: 'text', maxlength: 500 });
  const reference = h('input', { type: 'text', maxlength: 100 });
  const decisions = ['approve', 'reject', 'tendered', 'withdraw'].filter((a) => bundle.allowed_actions.includes(a));
  const buttons = decisions.map((action) => h('button', {
    type: 'button', class: action === 'reject' || action === 'withdraw' ? 'danger' : null,
    onclick: () => {
      if ((action === 'reject' || action === 'withdraw') && !window.confirm(t(`bundle.ask.${action}`))) return undefined;
      const body = { decision: action, comment: comment.value };
      if (action === 'tendered') body.reference = reference.value;
      return change(`/api/v1/bundles/${bundle.id}/decision`, body, bundle, refresh);
    },
  }, t(`action.${action}`)));
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'review-heading' },
    h('h2', { id: 'review-heading' }, t('bundle.review')),
    bundle.review_reason ? h('p', { role: 'note' }, t('bundle.reviewReason', { reason: bundle.review_reason })) : null,
    h('div', { class: 'row' },
      field({ label: t('common.comment'), name: 'comment', input: comment }),
      bundle.allowed_actions.includes('tendered') ? field({ label: t('field.reference'), name: 'reference', input: reference }) : null),
    h('div', { class: 'actions' }, buttons));
  if (bundle.allowed_actions.includes('merge')) {
    const candidates = others.filter((o) => o.id !== bundle.id && o.status === 'proposed' && o.compatibility_key === bundle.compatibility_key && o.run === bundle.run);
    if (candidates.length === 0) {
      panel.append(h('p', { class: 'muted' }, t('bundle.noMerge')));
    } else {
      const with_ = h('select', {}, candidates.map((o) => h('option', { value: o.id }, `${o.tender} (${o.id}, ${format.period(o.award_window.from, o.award_window.to)})`)));
      panel.append(h('div', { class: 'actions' },
        field({ label: t('bundle.merge'), name: 'with', input: with_ }),
        h('button', { type: 'button', class: 'secondary', onclick: () => change(`/api/v1/bundles/${bundle.id}/merge`, { with: Number(with_.value), comment: comment.value }, bundle, refresh) },
          t('bundle.mergeSubmit'))));
    }
  }
  return panel;
}

// A buyer's answer: exactly the answers the API allows it now.
function participationPanel(bundle, refresh) {
  const answers = ['confirm', 'decline'].filter((a) => bundle.allowed_actions.includes(a));
  if (answers.length === 0) return null;
  const comment = h('input', { type: 'text', maxlength: 500 });
  return h('section', { class: 'panel', 'aria-labelledby': 'answer-heading' },
    h('h2', { id: 'answer-heading' }, t('bundle.yourAnswer')),
    field({ label: t('common.comment'), name: 'comment', input: comment }),
    h('div', { class: 'actions' }, answers.map((answer) => h('button', {
      type: 'button', class: answer === 'decline' ? 'danger' : null,
      onclick: () => {
        if (answer === 'decline' && !window.confirm(t('bundle.ask.decline'))) return undefined;
        return change(`/api/v1/bundles/${bundle.id}/participation`, { answer, comment: comment.value }, bundle, refresh, {
          done: () => t(answer === 'confirm' ? 'bundle.confirmedDone' : 'bundle.declinedDone'),
          // After a decline the tender is no longer the buyer's: its list, not a reload that fails.
          next: answer === 'decline' ? '#/tenders' : undefined,
        });
      },
    }, t(`bundle.${answer}`)))));
}

// "IT Kriens (Kriens)" or "Programmbüro": who decided, by name.
function decider(d) {
  const organisation = d.decided_by_organisation_name ?? d.decided_by_organisation;
  return organisation ? `${d.decided_by_name} (${organisation})` : d.decided_by_name;
}

function downloads(bundle) {
  const fail = (error) => announce(describeError(error), true);
  return h('section', { 'aria-labelledby': 'downloads-heading' },
    h('h2', { id: 'downloads-heading' }, t('bundle.downloads')),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => api.download(`/api/v1/bundles/${bundle.id}/schedule.csv`).catch(fail) }, t('bundle.csv')),
      h('button', { type: 'button', class: 'secondary', onclick: () => api.download(`/api/v1/bundles/${bundle.id}/schedule.csv?sep=semicolon&bom=1&lang=de`).catch(fail) }, t('bundle.csvExcel')),
      bundle.decision === 'joint_tender'
        ? h('button', { type: 'button', class: 'secondary', onclick: () => api.download(`/api/v1/bundles/${bundle.id}/ocds.json`).catch(fail) }, t('bundle.ocds'))
        : null,
      h('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, t('bundle.print'))));
}

// A framework tender once tendered: the coordinator records the award, the supplier's prices for
// each item, and the tender becomes a framework agreement its buyers call off from.
function awardPanel(bundle, refresh) {
  const items = [...new Set(bundle.members.map((m) => m.item).filter(Boolean))].sort();
  const prices = items.map((item) => ({ item, input: h('input', { type: 'number', min: 0, step: '0.05', required: true }) }));
  const supplier = h('input', { required: true, maxlength: 200 });
  const from = h('input', { type: 'date', required: true });
  const to = h('input', { type: 'date', required: true });
  const justification = h('input', { maxlength: 2000 });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'award-heading' },
    h('h2', { id: 'award-heading' }, t('bundle.award')),
    h('p', { class: 'muted' }, t('bundle.awardIntro', { value: format.chf(bundle.value_chf) })),
    field({ label: t('bundle.supplier'), name: 'supplier', input: supplier }),
    h('div', { class: 'row' },
      field({ label: t('bundle.validFrom'), name: 'valid_from', input: from }),
      field({ label: t('bundle.validTo'), name: 'valid_to', input: to })),
    field({ label: t('bundle.justification'), name: 'justification', input: justification, hint: t('bundle.justificationHint') }),
    h('fieldset', { 'data-field': 'items' }, h('legend', {}, t('bundle.prices')),
      prices.map((p) => field({ label: `${p.item} (CHF)`, name: `price-${p.item}`, input: p.input }))),
    h('button', { type: 'submit' }, t('bundle.awardSubmit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { supplier: supplier.value, valid_from: from.value, valid_to: to.value,
      items: prices.map((p) => ({ item: p.item, unit_price_chf: Number(p.input.value) })) };
    if (justification.value) body.justification = justification.value;
    try {
      const agreement = await api.post(`/api/v1/bundles/${bundle.id}/agreement`, body);
      flash(t('bundle.awarded', { title: agreement.title }));
      location.hash = `#/agreements/${agreement.id}`;
    } catch (error) {
      showFormError(form, error);
    }
  });
  return form;
}

function frameworkNote(bundle) {
  return h('p', { role: 'note', class: 'notice' }, t('bundle.frameworkNote'),
    bundle.agreement !== null ? [' ', h('a', { href: `#/agreements/${bundle.agreement}` }, t('bundle.agreementLink', { id: bundle.agreement }))] : null);
}

export async function render(main, { me, params, refresh }) {
  const id = Number(params[0]);
  const [bundle, names] = await Promise.all([api.get(`/api/v1/bundles/${id}`), organisationNames()]);
  const decisions = await api.get(`/api/v1/bundles/${id}/decisions`).then((d) => d.items).catch(() => []);
  const others = bundle.allowed_actions.includes('merge')
    ? await api.all(`/api/v1/bundles?run=${bundle.run}`, 5000) : [];
  const coordinator = me.role === 'coordinator';

  const members = table({
    caption: t('bundle.members'),
    head: [t('field.organisation'), t('field.intent'), t('field.quantity'), t('field.value'), t('field.window'), t('field.lead'),
      t('field.answer'), coordinator ? '' : null].filter((x) => x !== null),
    rows: bundle.members.map((m) => [
      organisationLabel(names, m.organisation),
      String(m.intent),
      format.count(m.quantity),
      format.chf(m.value_chf),
      m.window ? format.period(m.window.from, m.window.to) : '–',
      m.lead ? `★ ${t('common.yes')}` : '',
      badge('answer', bundle.answers[m.organisation] ?? 'pending'),
      bundle.allowed_actions.includes('move_out')
        ? h('button', {
          type: 'button', class: 'secondary', 'aria-label': t('bundle.moveOutOf', { intent: m.intent }),
          onclick: () => change(`/api/v1/bundles/${bundle.id}/move-out`, { intent: m.intent }, bundle, refresh),
        }, t('bundle.moveOut'))
        : (coordinator ? '' : null),
    ].filter((x) => x !== null)),
    numeric: [2, 3],
  });

  replace(main,
    h('p', { class: 'no-print' }, h('a', { href: '#/bundles' }, `← ${t('nav.bundles')}`)),
    h('h1', {}, `${t(bundle.kind === 'framework' ? 'bundle.frameworkTitle' : 'bundle.title', { id: bundle.id })}: ${bundle.title ? `${bundle.title} (${bundle.tender})` : bundle.tender}`),
    h('p', { class: 'print-only' }, t('bundle.asOf', { time: format.timestamp(new Date().toISOString()) })),
    facts(bundle),
    bundle.kind === 'framework' ? frameworkNote(bundle) : null,
    coordinator ? coordinatorPanel(bundle, refresh, others) : null,
    coordinator && bundle.kind === 'framework' && bundle.status === 'tendered' && bundle.agreement === null ? awardPanel(bundle, refresh) : null,
    participationPanel(bundle, refresh),
    bundle.members.length > 0 ? h('section', { 'aria-labelledby': 'timeline-heading' },
      h('h2', { id: 'timeline-heading' }, t('bundle.timeline')),
      h('div', { class: 'legend' }, h('span', { class: 'l-window' }, t('bundle.legendWindow')),
        h('span', { class: 'l-lead' }, t('bundle.legendLead')), h('span', { class: 'l-award' }, t('bundle.legendAward'))),
      h('div', { class: 'table-wrap' }, timeline(bundle, names))) : null,
    h('h2', {}, t('bundle.members')),
    members,
    h('h2', {}, t('bundle.reasons')),
    h('ul', { class: 'reasons' }, bundle.reasons.map((r) => h('li', {}, r.message))),
    downloads(bundle),
    decisions.length > 0 ? [h('h2', {}, t('bundle.decisions')), table({
      head: [t('audit.when'), t('audit.actor'), t('audit.action'), t('field.status'), t('common.comment')],
      rows: decisions.map((d) => [format.timestamp(d.decided_at), decider(d), label('action', d.decision),
        `${label('status', d.from_status)} → ${label('status', d.to_status)}`, d.comment ?? '']),
    })] : null,
    me.role !== 'municipality' ? h('p', {}, h('a', { href: `#/audit?entity=bundle&id=${bundle.id}` }, t('bundle.auditLink'))) : null);
}
