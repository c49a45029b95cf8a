// The flags of the latest run: hardware too small for a public tender, joint tenders not worth it,
// splitting risks, the window shifts that would let a purchase join a joint tender, and the hardware
// route: purchases an agreement covers (with "Abrufen") and horizons worth an agreement of their own.
import { api } from '../api.js';
import { callOff, callOffWords, refusalWords } from './agreements.js';
import { h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { label, t } from '../i18n.js';
import { announce, describeError, filterSelect, newestOnly, organisationLabel, organisationNames } from '../ui.js';

const codes = ['HARDWARE_TOO_SMALL_FOR_PUBLIC_TENDER', 'NOT_WORTH_JOINT_TENDER', 'SINGLE_BUYER', 'SPLITTING_RISK', 'WINDOW_SHIFT_SUGGESTED', 'UNPRICEABLE',
  'CALL_OFF_AVAILABLE', 'CALL_OFF_CEILING_EXCEEDED', 'FRAMEWORK_AGREEMENT_OPPORTUNITY'];

// "Notebook 14 Zoll (Nr. 17)", a link for those who may open the intent.
function intentText(f, me) {
  const words = `${f.item_name} (${t('field.id')} ${f.intent})`;
  return me.role === 'auditor' ? words : h('a', { href: `#/intents/${f.intent}` }, words);
}

// What can be done about a flag: call off from the agreement that covers the purchase (the buyer,
// or a coordinator for it), see the agreement, or see the horizon worth an agreement.
function next(f, me, calledOff) {
  if (f.code === 'FRAMEWORK_AGREEMENT_OPPORTUNITY') {
    return me.role === 'municipality' ? '' : h('a', { href: '#/opportunities' }, t('flags.opportunity'));
  }
  if (f.code === 'CALL_OFF_CEILING_EXCEEDED') return h('a', { href: `#/agreements/${f.details.agreement}` }, t('flags.agreement'));
  if (f.code !== 'CALL_OFF_AVAILABLE') return '';
  if (calledOff.has(f.intent)) return t('flags.calledOff', { id: calledOff.get(f.intent) });
  if (me.role === 'auditor') return h('a', { href: `#/agreements/${f.details.agreement}` }, t('flags.agreement'));
  const cell = h('span', {});
  const button = h('button', {
    type: 'button',
    'aria-label': t('flags.callOffLabel', { item: f.item_name, id: f.intent }),
    onclick: async () => {
      button.disabled = true;
      try {
        const made = await callOff(f.details.agreement, { intent: f.intent });
        calledOff.set(f.intent, made.id);
        replace(cell, t('flags.calledOff', { id: made.id }), ' ', h('a', { href: `#/agreements/${made.agreement}` }, made.agreement_title));
        announce(callOffWords(made));
      } catch (error) {
        button.disabled = false;
        announce(refusalWords(error), true);
      }
    },
  }, t('flags.callOff'));
  replace(cell, button, ' ', h('a', { href: `#/agreements/${f.details.agreement}` }, t('flags.agreement')));
  return cell;
}

export async function render(main, { me, query }) {
  const names = await organisationNames();
  const { element: code, box } = filterSelect('filter-code', t('flags.code'), codes, 'code');
  if (codes.includes(query.get('code'))) code.value = query.get('code');
  const list = h('div', { 'aria-live': 'polite' });
  // The flags of the chosen code, and the intents called off since the run: their flag no longer offers a call-off.
  const fetchFlags = newestOnly(async (query) => {
    const flags = await api.all(`/api/v1/flags?${query}`, 5000);
    const calledOff = new Map();
    if (flags.some((f) => f.code === 'CALL_OFF_AVAILABLE')) {
      const mine = new URLSearchParams({ status: 'submitted' });
      if (me.role === 'municipality') mine.set('organisation', me.organisation);
      for (const i of await api.all(`/api/v1/intents?${mine}`, 5000)) if (i.call_off !== null) calledOff.set(i.id, i.call_off);
    }
    return { flags, calledOff };
  });
  const show = async () => {
    const query = new URLSearchParams();
    if (code.value) query.set('code', code.value);
    if (me.role === 'municipality') query.set('organisation', me.organisation);
    const answer = await fetchFlags(query);
    if (!answer.current) return;
    const { flags, calledOff } = answer.value;
    replace(list, flags.length === 0 ? h('p', {}, t('common.none')) : table({
      caption: t('common.count', { n: flags.length }),
      head: [t('flags.code'), t('field.organisation'), t('field.intent'), t('flags.shift'), t('field.message'), t('flags.next')],
      rows: flags.map((f) => [
        label('code', f.code),
        organisationLabel(names, f.organisation),
        intentText(f, me),
        f.code === 'WINDOW_SHIFT_SUGGESTED' ? `${t(f.details.shift_days < 0 ? 'flags.earlier' : 'flags.later', { days: t(Math.abs(f.details.shift_days) === 1 ? 'days.one' : 'days.many', { n: format.count(Math.abs(f.details.shift_days)) }) })} → ${format.period(f.details.award_from, f.details.award_to)}` : '',
        f.message,
        next(f, me, calledOff),
      ]),
    }));
  };
  code.addEventListener('change', () => show().catch((e) => announce(describeError(e), true)));
  replace(main, h('h1', {}, t('flags.title')),
    h('div', { class: 'filters' }, box),
    list);
  await show();
}
