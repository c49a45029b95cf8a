// The coordinator's people page: who may sign in, inviting someone (the link is shown once, to
// pass on), sending a new link, deactivating. Auditors read it.
import { api } from '../api.js';
import { field, h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';
import { announce, describeError, organisationNames, organisationLabel, showFormError } from '../ui.js';

function state(person) {
  if (!person.active) return h('span', { class: 'badge bad' }, t('people.state.deactivated'));
  if (person.has_password) return h('span', { class: 'badge ok' }, t('people.state.active'));
  if (person.invitation_expires_at && person.invitation_expires_at > new Date().toISOString()) {
    return h('span', { class: 'badge warn' }, t('people.state.invited', { until: format.timestamp(person.invitation_expires_at) }));
  }
  return h('span', { class: 'badge warn' }, t('people.state.expired'));
}

// The link to pass on, with a button that copies it.
function linkBox(person, url) {
  const input = h('input', { type: 'text', readonly: true, value: url, 'aria-label': t('people.link', { name: person.name }) });
  return h('div', { class: 'notice', role: 'status' },
    h('p', {}, t('people.linkIntro', { name: person.name, email: person.email, until: format.timestamp(person.invitation_expires_at) })),
    input,
    h('button', { type: 'button', onclick: async () => { input.select(); await navigator.clipboard?.writeText(url).catch(() => {}); announce(t('people.copied')); } },
      t('people.copy')));
}

export async function render(main, { me, refresh }) {
  const names = await organisationNames();
  const people = (await api.get('/api/v1/people')).items;
  const shown = h('div', { class: 'invitation-link' });
  const coordinator = me.role === 'coordinator';
  const rows = people.map((p) => [
    h('span', {}, p.name, h('span', { class: 'muted' }, ` ${p.id}`)),
    p.email,
    t(`role.${p.role}`),
    p.organisation ? organisationLabel(names, p.organisation) : '–',
    state(p),
    coordinator && p.active && p.id !== me.person?.id ? h('div', { class: 'row-actions' },
      // Also for a forgotten password: the new link lets the person choose another.
      h('button', {
        type: 'button',
        onclick: async () => {
          try {
            const sent = await api.post(`/api/v1/people/${encodeURIComponent(p.id)}/invitation`);
            replace(shown, linkBox(sent, sent.invitation_url));
            shown.scrollIntoView({ block: 'nearest' });
          } catch (error) {
            announce(describeError(error), true);
          }
        },
      }, t('people.resend')),
      h('button', {
        type: 'button',
        onclick: async () => {
          if (!window.confirm(t('people.askDeactivate', { name: p.name }))) return;
          try {
            await api.post(`/api/v1/people/${encodeURIComponent(p.id)}/deactivate`);
            await refresh();
            announce(t('people.deactivated', { name: p.name }));
          } catch (error) {
            announce(describeError(error), true);
          }
        },
      }, t('people.deactivate'))) : '',
  ]);
  replace(main, h('h1', {}, t('people.title')), h('p', {}, t('people.intro')), shown,
    coordinator ? inviteForm(names, shown, refresh) : null,
    table({ caption: t('common.count', { n: people.length }), head: [t('people.name'), t('people.email'), t('people.role'), t('field.organisation'), t('people.state'), ''], rows }));
}

function inviteForm(names, shown, refresh) {
  const inputs = {
    name: h('input', { type: 'text', required: true, autocomplete: 'off' }),
    email: h('input', { type: 'email', required: true, autocomplete: 'off' }),
    role: h('select', { required: true }, ['municipality', 'coordinator', 'auditor'].map((r) => h('option', { value: r }, t(`role.${r}`)))),
    organisation: h('select', {}, [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], 'de'))
      .map(([id, name]) => h('option', { value: id }, `${name} (${id})`))),
  };
  const organisationField = field({ label: t('field.organisation'), name: 'organisation', input: inputs.organisation });
  inputs.role.addEventListener('change', () => { organisationField.hidden = inputs.role.value !== 'municipality'; });
  const form = h('form', { class: 'form', novalidate: true },
    h('h2', {}, t('people.invite')),
    field({ label: t('people.name'), name: 'name', input: inputs.name }),
    field({ label: t('people.email'), name: 'email', input: inputs.email }),
    field({ label: t('people.role'), name: 'role', input: inputs.role }),
    organisationField,
    h('button', { type: 'submit' }, t('people.inviteSubmit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { name: inputs.name.value.trim(), email: inputs.email.value.trim(), role: inputs.role.value };
    if (body.role === 'municipality') body.organisation = inputs.organisation.value;
    try {
      const sent = await api.post('/api/v1/people', body);
      await refresh();
      // refresh() rendered the page anew: show the link on the new one.
      const box = document.querySelector('#main .invitation-link');
      replace(box ?? shown, linkBox(sent, sent.invitation_url));
    } catch (error) {
      showFormError(form, error);
    }
  });
  return form;
}
