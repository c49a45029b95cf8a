// The bundles of the latest run: the run's figures, filters by decision, category, procedure and
// status, and (for coordinators) running the engine.
import { api } from '../api.js';
import { h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { label, t } from '../i18n.js';
import { announce, badge, describeError, filterSelect, newestOnly, shareOf } from '../ui.js';

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
async function latestRun() {
  const first = await api.get('/api/v1/bundles?limit=1');
  return first.items.length > 0 ? api.get(`/api/v1/bundling-runs/${first.items[0].run}`) : null;
}

function ownMember(b, organisation) {
  return b.members.find((m) => m.organisation === organisation);
}

function savingsText(amount) {
  return amount > 0 ? format.chf(amount) : t('bundles.noSavings');
}

// A municipality's own view: the joint tenders it is in (its share, its answer), apart from the
// purchases it makes alone (with the procedure its own value requires).
async function municipalityView(main, me) {
  const bundles = await api.all('/api/v1/bundles', 5000);
  const joint = bundles.filter((b) => b.decision === 'joint_tender');
  const alone = bundles.filter((b) => b.decision !== 'joint_tender');
  const answerOf = (b) => {
    const answer = b.answers?.[me.organisation] ?? 'pending';
    if (answer === 'confirmed') return badge('answer', 'confirmed');
    return b.allowed_actions.includes('confirm') ? h('span', { class: 'badge warn' }, t('bundles.answerPending')) : label('status', b.status);
  };
  const title = (b) => h('a', { href: `#/bundles/${b.id}` }, b.title ?? b.tender, h('span', { class: 'muted' }, ` (${b.id})`));
  replace(main,
    h('h1', {}, t('bundles.mine')),
    h('h2', {}, t('bundles.mineJoint')),
    h('p', { class: 'muted' }, t('bundles.mineJointIntro')),
    joint.length === 0 ? h('p', {}, t('bundles.noJoint')) : table({
      caption: t('common.count', { n: format.count(joint.length) }),
      head: [t('field.tender'), t('field.status'), t('bundles.yourAnswer'), t('home.yourShare'), t('bundles.tenderValue'), t('field.buyers'),
        t('field.procedure'), t('field.savings'), t('field.awardWindow')],
      rows: joint.map((b) => [
        title(b),
        badge('status', b.status),
        answerOf(b),
        format.chf(shareOf(b, me.organisation)),
        format.chf(b.value_chf),
        String(b.buyers),
        label('procedure', b.procedure),
        savingsText(b.estimated_savings_chf),
        format.period(b.award_window.from, b.award_window.to),
      ]),
      numeric: [3, 4, 5, 7],
    }),
    h('h2', {}, t('bundles.mineAlone')),
    h('p', { class: 'muted' }, t('bundles.mineAloneIntro')),
    alone.length === 0 ? h('p', {}, t('bundles.noAlone')) : table({
      caption: t('common.count', { n: format.count(alone.length) }),
      head: [t('field.item'), t('field.value'), t('bundles.ownProcedure'), t('field.window')],
      rows: alone.map((b) => {
        const own = ownMember(b, me.organisation);
        return [
          h('a', { href: `#/bundles/${b.id}` }, b.title ?? b.tender, h('span', { class: 'muted' }, ` (${b.id})`)),
          format.chf(shareOf(b, me.organisation)),
          label('procedure', own?.own_procedure ?? b.procedure),
          own?.window ? format.period(own.window.from, own.window.to) : format.period(b.award_window.from, b.award_window.to),
        ];
      }),
      numeric: [1],
    }));
}

export async function render(main, { me, refresh }) {
  if (me.role === 'municipality') return municipalityView(main, me);
  const run = await latestRun();
  const decision = filterSelect('filter-decision', t('field.decision'), ['joint_tender', 'individual'], 'decision');
  const category = filterSelect('filter-category', t('field.category'), ['hardware', 'software'], 'category');
  const procedure = filterSelect('filter-procedure', t('field.procedure'), ['free_hand', 'invitation', 'open'], 'procedure');
  const status = filterSelect('filter-status', t('field.status'), ['proposed', 'approved', 'rejected', 'tendered', 'withdrawn', 'needs_review'], 'status');
  decision.element.value = 'joint_tender';
  const list = h('div', { 'aria-live': 'polite' });

  const fetchBundles = newestOnly((path) => api.all(path, 5000));
  const show = async () => {
    const query = new URLSearchParams();
    if (decision.element.value) query.set('decision', decision.element.value);
    if (category.element.value) query.set('category', category.element.value);
    const answer = await fetchBundles(`/api/v1/bundles?${query}`);
    if (!answer.current) return;
    let bundles = answer.value;
    if (procedure.element.value) bundles = bundles.filter((b) => b.procedure === procedure.element.value);
    if (status.element.value) bundles = bundles.filter((b) => b.status === status.element.value);
    replace(list, bundles.length === 0 ? h('p', {}, t('common.none')) : table({
      caption: t('common.count', { n: bundles.length }),
      // Seven columns, so that savings and award window fit at 1280 px: status with verdict, category with procedure.
      head: [t('field.tender'), t('field.status'), t('bundles.kind'), t('field.buyers'), t('field.value'), t('field.savings'), t('field.awardWindow')],
      rows: bundles.map((b) => [
        h('a', { href: `#/bundles/${b.id}` }, b.title ?? b.tender, h('br'), h('small', { class: 'muted' }, `${b.tender} · ${t('field.id')} ${b.id}`)),
        h('div', { class: 'stack' }, badge('status', b.status), badge('decision', b.decision)),
        `${label('category', b.category)} · ${label('procedure', b.procedure)}`,
        String(b.buyers),
        format.chf(b.value_chf),
        savingsText(b.estimated_savings_chf),
        format.period(b.award_window.from, b.award_window.to),
      ]),
      numeric: [3, 4, 5],
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
    h('h1', {}, t('bundles.title')),
    runButton ? h('div', { class: 'actions' }, runButton) : null,
    run ? h('p', { class: 'muted' }, t('bundles.runInfo', { id: run.id, time: format.timestamp(run.finished_at), intents: run.intents })) : null,
    run ? summaryCards(run) : h('p', {}, t('bundles.noRun')),
    h('div', { class: 'filters' }, decision.box, category.box, procedure.box, status.box),
    list);
  await show();
}
