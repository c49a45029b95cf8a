// The bundles of the latest run: the run's figures, filters by decision, category, procedure and
// status, and (for coordinators) running the engine.
import { api } from '../api.js';
import { h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { label, t } from '../i18n.js';
import { announce, badge, describeError, filterSelect } from '../ui.js';

function summaryCards(run) {
  const s = run.summary;
  const flagCount = Object.values(s.flags_by_code ?? {}).reduce((a, b) => a + b, 0);
  return h('div', { class: 'cards' },
    h('div', { class: 'card' }, h('div', { class: 'muted' }, t('bundles.joint')), h('div', { class: 'value' }, `${s.joint_tenders} / ${s.bundles}`)),
    h('div', { class: 'card' }, h('div', { class: 'muted' }, t('bundles.jointValue')), h('div', { class: 'value' }, format.chf(s.value_in_joint_tenders_chf))),
    h('div', { class: 'card' }, h('div', { class: 'muted' }, t('bundles.savings')), h('div', { class: 'value' }, format.chf(s.estimated_savings_chf))),
    h('div', { class: 'card' }, h('div', { class: 'muted' }, t('bundles.flags')), h('div', { class: 'value' }, h('a', { href: '#/flags' }, String(flagCount)))));
}

// The latest run, found through its bundles (a list is empty, not 404, before the first run).
async function latestRun(me) {
  if (me.role === 'municipality') return null;
  const first = await api.get('/api/v1/bundles?limit=1');
  return first.items.length > 0 ? api.get(`/api/v1/bundling-runs/${first.items[0].run}`) : null;
}

export async function render(main, { me, refresh }) {
  const run = await latestRun(me);
  const decision = filterSelect('filter-decision', t('field.decision'), ['joint_tender', 'individual'], 'decision');
  const category = filterSelect('filter-category', t('field.category'), ['hardware', 'software'], 'category');
  const procedure = filterSelect('filter-procedure', t('field.procedure'), ['free_hand', 'invitation', 'open'], 'procedure');
  const status = filterSelect('filter-status', t('field.status'), ['proposed', 'approved', 'rejected', 'tendered', 'withdrawn', 'needs_review'], 'status');
  if (me.role !== 'municipality') decision.element.value = 'joint_tender';
  const list = h('div', { 'aria-live': 'polite' });

  const show = async () => {
    const query = new URLSearchParams();
    if (decision.element.value) query.set('decision', decision.element.value);
    if (category.element.value) query.set('category', category.element.value);
    let bundles = await api.all(`/api/v1/bundles?${query}`, 5000);
    if (procedure.element.value) bundles = bundles.filter((b) => b.procedure === procedure.element.value);
    if (status.element.value) bundles = bundles.filter((b) => b.status === status.element.value);
    replace(list, bundles.length === 0 ? h('p', {}, t('common.none')) : table({
      caption: t('common.count', { n: bundles.length }),
      head: [t('field.tender'), t('field.status'), t('field.decision'), t('field.category'), t('field.procedure'), t('field.buyers'),
        t('field.value'), t('field.savings'), t('field.awardWindow')],
      rows: bundles.map((b) => [
        h('a', { href: `#/bundles/${b.id}` }, b.title ? `${b.title} (${b.tender})` : b.tender),
        badge('status', b.status),
        badge('decision', b.decision),
        label('category', b.category),
        label('procedure', b.procedure),
        String(b.buyers),
        format.chf(b.value_chf),
        format.chf(b.estimated_savings_chf),
        format.period(b.award_window.from, b.award_window.to),
      ]),
      numeric: [5, 6, 7],
    }));
  };
  for (const s of [decision, category, procedure, status]) {
    s.element.addEventListener('change', () => show().catch((e) => announce(describeError(e), true)));
  }

  const runButton = me.role === 'coordinator' ? h('button', {
    type: 'button',
    onclick: async (event) => {
      event.target.disabled = true;
      try {
        const created = await api.post('/api/v1/bundling-runs');
        await refresh();
        announce(t('bundles.ran', { id: created.id, bundles: created.summary.bundles, joint: created.summary.joint_tenders }));
      } catch (error) {
        announce(describeError(error), true);
        event.target.disabled = false;
      }
    },
  }, t('bundles.run')) : null;

  replace(main,
    h('h1', {}, me.role === 'municipality' ? t('bundles.mine') : t('bundles.title')),
    runButton ? h('div', { class: 'actions' }, runButton) : null,
    run ? h('p', { class: 'muted' }, t('bundles.runInfo', { id: run.id, time: format.timestamp(run.finished_at), intents: run.intents })) : null,
    run ? summaryCards(run) : (me.role === 'municipality' ? null : h('p', {}, t('bundles.noRun'))),
    h('div', { class: 'filters' }, decision.box, category.box, procedure.box, status.box),
    list);
  await show();
}
