// A person's own page: who they are, a new password, and their personal API tokens (a secret is
// shown once, at creation).
import { api } from '../api.js';
import { field, h, replace, table } from '../dom.js';
import * as format from '../format.js';
import { t } from '../i18n.js';
import { announce, describeError, showFormError } from '../ui.js';

export async function render(main, { me, refresh }) {
  if (!me.person) {
    replace(main, h('h1', {}, t('me.title')), h('p', {}, t('me.machineToken')));
    return;
  }
  const p = me.person;
  const tokens = (await api.get('/api/v1/me/tokens')).items;
  const created = h('div', { class: 'token-created' });
  replace(main,
    h('h1', {}, t('me.title')),
    h('dl', { class: 'facts' },
      h('dt', {}, t('people.name')), h('dd', {}, p.name),
      h('dt', {}, t('people.email')), h('dd', {}, p.email),
      h('dt', {}, t('people.role')), h('dd', {}, t(`role.${p.role}`)),
      p.organisation ? [h('dt', {}, t('field.organisation')), h('dd', {}, `${p.organisation_name ?? ''} (${p.organisation})`)] : null),
    passwordForm(),
    h('h2', {}, t('me.tokens')),
    h('p', {}, t('me.tokensIntro')),
    created,
    tokenForm(created, refresh),
    tokens.length === 0 ? h('p', {}, t('me.noTokens')) : table({
      caption: t('common.count', { n: tokens.length }),
      head: [t('me.tokenName'), t('me.tokenCreated'), t('people.state'), ''],
      rows: tokens.map((token) => [
        h('span', {}, token.name, h('span', { class: 'muted' }, ` ${token.id}`)),
        format.timestamp(token.created_at),
        token.revoked_at ? t('me.revokedAt', { at: format.timestamp(token.revoked_at) }) : t('people.state.active'),
        token.revoked_at ? '' : h('button', {
          type: 'button',
          onclick: async () => {
            if (!window.confirm(t('me.askRevoke', { name: token.name }))) return;
            try {
              await api.del(`/api/v1/me/tokens/${encodeURIComponent(token.id)}`);
              await refresh();
              announce(t('me.revoked', { name: token.name }));
            } catch (error) {
              announce(describeError(error), true);
            }
          },
        }, t('me.revoke')),
      ]),
    }));
}

function passwordForm() {
  const current = h('input', { type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const form = h('form', { class: 'form', novalidate: true },
    h('h2', {}, t('me.password')),
    field({ label: t('me.currentPassword'), name: 'current_password', input: current }),
    field({ label: t('me.newPassword'), name: 'new_password', input: next, hint: t('invitation.passwordHint') }),
    h('button', { type: 'submit' }, t('me.changePassword')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.put('/api/v1/me/password', { current_password: current.value, new_password: next.value });
      current.value = '';
      next.value = '';
      announce(t('me.passwordChanged'));
    } catch (error) {
      showFormError(form, error);
    }
  });
  return form;
}

function tokenForm(created, refresh) {
  const name = h('input', { type: 'text', required: true, autocomplete: 'off' });
  const form = h('form', { class: 'form', novalidate: true },
    field({ label: t('me.tokenName'), name: 'name', input: name, hint: t('me.tokenNameHint') }),
    h('button', { type: 'submit' }, t('me.createToken')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const token = await api.post('/api/v1/me/tokens', { name: name.value.trim() });
      await refresh();
      const box = document.querySelector('#main .token-created') ?? created;
      replace(box, h('div', { class: 'notice', role: 'status' }, h('p', {}, t('me.tokenOnce', { name: token.name })),
        h('input', { type: 'text', readonly: true, value: token.bearer, 'aria-label': t('me.tokenSecret') })));
    } catch (error) {
      showFormError(form, error);
    }
  });
  return form;
}
