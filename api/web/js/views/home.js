// The start page of each role: what is to be done next. A municipality sees the tenders that await
// its answer and its open intents; a coordinator the proposals to review, the tenders waiting for
// buyers and the flags that need attention; an auditor the searchable audit log.
import { api } from '../api.js';
import { h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { label, t } from '../i18n.js';
import { badge, catalogItems, itemLabel, organisationLabel, organisationNames, shareOf } from '../ui.js';
import * as audit from './audit.js';
import * as campaigns from './campaigns.js';

const SHOWN = 10;

function tenderLink(b) {
  return h('a', { href: `#/bundles/${b.id}` }, b.title ?? b.tender, h('span', { class: 'muted' }, ` (${b.id})`));
}

function section(id, heading, intro, content, more) {
  return h('section', { class: 'panel', 'aria-labelledby': id },
    h('h2', { id }, heading),
    intro ? h('p', { class: 'muted' }, intro) : null,
    content,
    more ?? null);
}

function pendingOf(b) {
  return Object.entries(b.answers ?? {}).filter(([, a]) => a !== 'confirmed').map(([organisation]) => organisation);
}

async function municipality(main, me) {
  const [tenders, intents, catalog] = await Promise.all([
    api.all('/api/v1/tenders', 5000),
    api.get('/api/v1/intents?status=submitted&limit=100'),
    catalogItems(),
  ]);
  const awaiting = tenders.filter((b) => b.allowed_actions.includes('confirm'));
  const open = intents.items.filter((i) => !i.bundle || i.bundle.status === 'proposed');
  replace(main,
    h('h1', {}, t('home.title')),
    await campaigns.awaiting(),
    section('home-answers', t('home.awaitingAnswer'), t('home.awaitingAnswerIntro'),
      awaiting.length === 0 ? h('p', {}, t('home.noAnswers')) : table({
        caption: t('common.count', { n: format.count(awaiting.length) }),
        head: [t('field.tender'), t('home.yourShare'), t('field.value'), t('field.awardWindow'), ''],
        rows: awaiting.map((b) => [
          tenderLink(b),
          format.chf(shareOf(b, me.organisation)),
          format.chf(b.value_chf),
          format.period(b.award_window.from, b.award_window.to),
          h('a', { class: 'button', href: `#/bundles/${b.id}` }, t('home.answerNow')),
        ]),
        numeric: [1, 2],
      })),
    section('home-intents', t('home.openIntents'), t('home.openIntentsIntro'),
      open.length === 0 ? h('p', {}, t('home.noOpenIntents'), ' ', h('a', { href: '#/intents/new' }, t('intents.new'))) : table({
        caption: t('common.count', { n: format.count(open.length) }),
        head: [t('field.item'), t('field.quantity'), t('field.value'), t('field.window'), t('field.status')],
        rows: open.slice(0, SHOWN).map((i) => [
          h('a', { href: `#/intents/${i.id}` }, itemLabel(catalog, i.item), h('span', { class: 'muted' }, ` (${t('field.id')} ${i.id})`)),
          format.count(i.quantity),
          format.chf(i.value_chf),
          format.period(i.earliest, i.latest),
          i.bundle ? h('a', { href: `#/bundles/${i.bundle.id}` }, t('home.inBundle', { status: label('status', i.bundle.status) })) : badge('status', i.status),
        ]),
        numeric: [1, 2],
      }),
      h('p', { class: 'actions' }, h('a', { href: '#/intents' }, t('home.allIntents')), h('a', { href: '#/intents/new' }, t('intents.new')),
        h('a', { href: '#/import' }, t('nav.import')))));
}

async function coordinator(main) {
  const [proposals, approved, review, names] = await Promise.all([
    api.all('/api/v1/bundles?decision=joint_tender&status=proposed', 5000),
    api.all('/api/v1/tenders?status=approved', 5000),
    api.all('/api/v1/tenders?status=needs_review', 5000),
    organisationNames(),
  ]);
  const flags = await api.all('/api/v1/flags', 5000);
  const waiting = approved.filter((b) => pendingOf(b).length > 0);
  const ready = approved.filter((b) => pendingOf(b).length === 0);
  const byCode = new Map();
  for (const f of flags) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  const tenderRows = (list, next) => list.slice(0, SHOWN).map((b) => [
    tenderLink(b),
    format.chf(b.value_chf),
    format.chf(b.estimated_savings_chf),
    format.period(b.award_window.from, b.award_window.to),
    next(b),
  ]);
  const tenderHead = (last) => [t('field.tender'), t('field.value'), t('field.savings'), t('field.awardWindow'), last];
  replace(main,
    h('h1', {}, t('home.title')),
    section('home-review', t('home.toReview'), t('home.toReviewIntro'),
      proposals.length === 0 ? h('p', {}, t('home.noProposals'), ' ', h('a', { href: '#/bundles' }, t('home.toBundles'))) : table({
        caption: t('common.count', { n: format.count(proposals.length) }),
        head: tenderHead(t('field.buyers')),
        rows: tenderRows(proposals, (b) => String(b.buyers)),
        numeric: [1, 2, 4],
      }),
      proposals.length > SHOWN ? h('p', {}, h('a', { href: '#/bundles' }, t('home.allProposals'))) : null),
    review.length > 0 ? section('home-needs-review', t('home.needsReview'), t('home.needsReviewIntro'), table({
      caption: t('common.count', { n: format.count(review.length) }),
      head: tenderHead(t('bundle.review')),
      rows: tenderRows(review, (b) => b.review_reason ?? ''),
      numeric: [1, 2],
    })) : null,
    section('home-waiting', t('home.waiting'), t('home.waitingIntro'),
      waiting.length === 0 ? h('p', {}, t('home.noWaiting')) : table({
        caption: t('common.count', { n: format.count(waiting.length) }),
        head: tenderHead(t('home.stillToAnswer')),
        rows: tenderRows(waiting, (b) => pendingOf(b).map((o) => organisationLabel(names, o)).join(', ')),
        numeric: [1, 2],
      })),
    ready.length > 0 ? section('home-ready', t('home.ready'), t('home.readyIntro'), table({
      caption: t('common.count', { n: format.count(ready.length) }),
      head: tenderHead(''),
      rows: tenderRows(ready, (b) => h('a', { href: `#/bundles/${b.id}` }, t('action.tendered'))),
      numeric: [1, 2],
    })) : null,
    section('home-flags', t('home.flags'), t('home.flagsIntro'),
      byCode.size === 0 ? h('p', {}, t('home.noFlags')) : table({
        head: [t('flags.code'), t('home.flagCount')],
        rows: [...byCode.entries()].sort((a, b) => b[1] - a[1])
          .map(([code, n]) => [h('a', { href: `#/flags?code=${code}` }, label('code', code)), format.count(n)]),
        numeric: [1],
      })));
}

export async function render(main, context) {
  const { me } = context;
  if (me.role === 'municipality') return municipality(main, me);
  if (me.role === 'coordinator') return coordinator(main);
  return audit.render(main, context);
}
