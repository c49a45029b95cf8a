// The flags of the latest run: hardware too small for a public tender, joint tenders not worth it,
// splitting risks and the window shifts that would let a purchase join a joint tender.
import { api } from '../api.js';
import { h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { label, t } from '../i18n.js';
import { announce, describeError, filterSelect, organisationLabel, organisationNames } from '../ui.js';

const codes = ['HARDWARE_TOO_SMALL_FOR_PUBLIC_TENDER', 'NOT_WORTH_JOINT_TENDER', 'SINGLE_BUYER', 'SPLITTING_RISK', 'WINDOW_SHIFT_SUGGESTED', 'UNPRICEABLE'];

// "Notebook 14 Zoll (Nr. 17)", a link for those who may open the intent.
function intentText(f, me) {
  const words = `${f.item_name} (${t('field.id')} ${f.intent})`;
  return me.role === 'auditor' ? words : h('a', { href: `#/intents/${f.intent}` }, words);
}

export async function render(main, { me, query }) {
  const names = await organisationNames();
  const { element: code, box } = filterSelect('filter-code', t('flags.code'), codes, 'code');
  if (codes.includes(query.get('code'))) code.value = query.get('code');
  const list = h('div', { 'aria-live': 'polite' });
  const show = async () => {
    const query = new URLSearchParams();
    if (code.value) query.set('code', code.value);
    if (me.role === 'municipality') query.set('organisation', me.organisation);
    const flags = await api.all(`/api/v1/flags?${query}`, 5000);
    replace(list, flags.length === 0 ? h('p', {}, t('common.none')) : table({
      caption: t('common.count', { n: flags.length }),
      head: [t('flags.code'), t('field.organisation'), t('field.intent'), t('flags.shift'), t('field.message')],
      rows: flags.map((f) => [
        label('code', f.code),
        organisationLabel(names, f.organisation),
        intentText(f, me),
        f.code === 'WINDOW_SHIFT_SUGGESTED' ? `${t(f.details.shift_days < 0 ? 'flags.earlier' : 'flags.later', { days: t(Math.abs(f.details.shift_days) === 1 ? 'days.one' : 'days.many', { n: format.count(Math.abs(f.details.shift_days)) }) })} → ${format.period(f.details.award_from, f.details.award_to)}` : '',
        f.message,
      ]),
    }));
  };
  code.addEventListener('change', () => show().catch((e) => announce(describeError(e), true)));
  replace(main, h('h1', {}, t('flags.title')),
    h('div', { class: 'filters' }, box),
    list);
  await show();
}
