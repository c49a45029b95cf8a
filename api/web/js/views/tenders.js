// "Laufende Ausschreibungen": every tender a coordinator acted on, whichever run proposed it, so
// that a new run never hides an approved tender. Municipalities see those they take part in.
import { api } from '../api.js';
import { h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { label, t } from '../i18n.js';
import { announce, badge, describeError, filterSelect, newestOnly } from '../ui.js';

function confirmations(bundle) {
  const answers = Object.values(bundle.answers ?? {});
  return t('tenders.confirmed', { n: answers.filter((a) => a === 'confirmed').length, of: answers.length });
}

export async function render(main) {
  const status = filterSelect('filter-tender-status', t('field.status'), ['approved', 'needs_review', 'tendered', 'rejected', 'withdrawn'], 'status');
  const list = h('div', { 'aria-live': 'polite' });
  const fetchTenders = newestOnly((path) => api.all(path, 5000));
  const show = async () => {
    const query = new URLSearchParams();
    if (status.element.value) query.set('status', status.element.value);
    const answer = await fetchTenders(`/api/v1/tenders?${query}`);
    if (!answer.current) return;
    const tenders = answer.value;
    replace(list, tenders.length === 0 ? h('p', {}, t('tenders.none')) : table({
      caption: t('common.count', { n: tenders.length }),
      head: [t('field.tender'), t('field.status'), t('field.decision'), t('tenders.answers'), t('field.value'), t('field.awardWindow'),
        t('tenders.next')],
      rows: tenders.map((b) => [
        h('a', { href: `#/bundles/${b.id}` }, b.title ? `${b.title} (${b.tender}, ${b.id})` : `${b.tender} (${b.id})`),
        badge('status', b.status),
        badge('decision', b.decision),
        confirmations(b),
        format.chf(b.value_chf),
        format.period(b.award_window.from, b.award_window.to),
        b.allowed_actions.map((a) => label('action', a)).join(', ') || '–',
      ]),
      numeric: [4],
    }));
  };
  status.element.addEventListener('change', () => show().catch((e) => announce(describeError(e), true)));
  replace(main, h('h1', {}, t('tenders.title')), h('p', { class: 'muted' }, t('tenders.intro')),
    h('div', { class: 'filters' }, status.box), list);
  await show();
}
