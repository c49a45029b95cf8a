// Sign-in with e-mail address and password; the server keeps the session in an HttpOnly cookie,
// so one sign-in serves every tab.
import { ApiError, hasIdentityService, signIn } from '../api.js';
import { field, h, replace } from '../dom.js';
import { t } from '../i18n.js';

// The sign-in page after the identity service sent the person back without a session.
function identityServiceError(code) {
  const known = ['not-invited', 'email-unverified', 'state', 'provider-unavailable'];
  return t(`signin.error.${known.includes(code) ? code : 'other'}`);
}

export async function render(main, { onSignedIn, expired = false, wanted = '#/home', error = null }) {
  const email = h('input', { type: 'email', autocomplete: 'username', spellcheck: 'false', required: true });
  const password = h('input', { type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'signin form', novalidate: true },
    h('h1', {}, t('signin.title')),
    error ? h('p', { class: 'error', role: 'alert' }, identityServiceError(error)) : null,
    hasIdentityService() ? [
      h('p', {}, h('a', { class: 'button', href: `/api/v1/session/oidc?return_to=${encodeURIComponent(wanted)}` }, t('signin.oidc'))),
      h('p', {}, t('signin.or')),
    ] : null,
    h('p', {}, expired ? t('signin.expired') : t('signin.intro')),
    field({ label: t('signin.email'), name: 'email', input: email }),
    field({ label: t('signin.password'), name: 'password', input: password }),
    message,
    h('button', { type: 'submit' }, t('signin.submit')),
    h('p', { class: 'hint' }, t('signin.help')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    try {
      await onSignedIn(await signIn(email.value.trim(), password.value));
    } catch (error) {
      password.value = '';
      if (error instanceof ApiError && (error.status === 401 || error.status === 429 || error.status === 422)) {
        message.textContent = error.status === 401 ? t('signin.invalid') : error.problem.detail ?? error.message;
      } else {
        message.textContent = error.message;
      }
      (email.value ? password : email).focus();
    }
  });
  replace(main, form);
  email.focus();
}
