// Where a framework agreement would pay although no common tender date exists (DOMAIN.md §4.8):
// the latest run's horizons with their figures and buyers; a coordinator starts a framework tender
// on one of them.
import { api } from '../api.js';
import { h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { currentLanguage, label, t } from '../i18n.js';
import { announce, describeError, flash } from '../ui.js';

const L = (de, en) => (currentLanguage() === 'de' ? de : en);

function startButton(o) {
  const button = h('button', {
    type: 'button',
    onclick: async () => {
      button.disabled = true;
      try {
        const tender = await api.post('/api/v1/framework-tenders', { run: o.run, horizon: o.horizon });
        flash(L(`Rahmenvertragsausschreibung ${tender.id} gestartet; die ${tender.buyers} Käuferinnen werden um ihre Zusage gebeten.`,
          `Framework tender ${tender.id} started; its ${tender.buyers} buyers are asked to confirm.`));
        window.location.hash = `#/bundles/${tender.id}`;
      } catch (error) {
        button.disabled = false;
        announce(describeError(error), true);
      }
    },
  }, L('Rahmenvertrag ausschreiben', 'Tender a framework agreement'));
  return button;
}

function opportunity(o, me, k) {
  const id = `opportunity-${k}`;
  return h('section', { class: 'panel opportunity', 'aria-labelledby': id, 'data-horizon': o.horizon },
    h('h2', { id }, o.item_name, h('span', { class: 'muted' }, ` (${o.compatibility_key})`)),
    h('dl', { class: 'facts' },
      h('dt', {}, L('Zeitraum der Bedürfnisse', 'Needs between')), h('dd', {}, format.period(o.first, o.last)),
      h('dt', {}, L('Käuferinnen', 'Buyers')), h('dd', {}, String(o.buyers)),
      h('dt', {}, L('Menge', 'Quantity')), h('dd', {}, format.count(o.quantity)),
      h('dt', {}, L('Wert über die Laufzeit', 'Value over the term')), h('dd', {}, format.chf(o.value_chf)),
      h('dt', {}, L('Verfahren', 'Procedure')), h('dd', {}, label('procedure', o.procedure),
        o.international ? L(' (Staatsvertragsbereich)', ' (international treaties apply)') : ''),
      h('dt', {}, L('Geschätzte Einsparung', 'Estimated savings')), h('dd', {}, format.chf(o.savings_chf))),
    h('p', {}, o.reason),
    table({
      head: [L('Organisation', 'Organisation'), L('Absicht', 'Intent'), L('Wert', 'Value')], numeric: [2],
      rows: o.members.map((m) => [h('span', {}, m.organisation_name, h('span', { class: 'muted' }, ` (${m.organisation})`)),
        me.role === 'auditor' ? `${t('field.id')} ${m.intent}` : h('a', { href: `#/intents/${m.intent}` }, `${t('field.id')} ${m.intent}`),
        format.chf(m.value_chf)]),
    }),
    me.role === 'coordinator' ? h('div', { class: 'row-actions' }, startButton(o)) : null);
}

export async function render(main, { me }) {
  const list = (await api.get('/api/v1/agreement-opportunities')).items;
  replace(main,
    h('h1', {}, L('Chancen für Rahmenverträge', 'Framework agreement opportunities')),
    h('p', { class: 'muted' }, L('Käufe, die kein gemeinsamer Ausschreibungstermin bündeln kann: Über 4 Jahre (1\'461 Tage) zusammengenommen lohnt sich ein Rahmenvertrag, aus dem jede Käuferin abruft, wenn ihr Bedarf kommt.',
      'Purchases that no common tender date can bundle: taken together over 4 years (1,461 days), a framework agreement pays, from which each buyer calls off when its need comes.')),
    list.length === 0 ? h('p', {}, L('Der letzte Bündelungslauf fand keine.', 'The latest bundling run found none.'))
      : list.map((o, k) => opportunity(o, me, k)));
}
