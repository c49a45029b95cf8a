// Sign-in by pasting a token; it is checked against /api/v1/me and kept in session storage.
import { signIn, signOut, whoAmI } from '../api.js';
import { field, h, replace } from '../dom.js';
import { t } from '../i18n.js';

export async function render(main, { onSignedIn }) {
  const input = h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false', required: true });
  const form = h('form', { class: 'signin form', novalidate: true },
    h('h1', {}, t('signin.title')),
    h('p', {}, t('signin.intro')),
    field({ label: t('signin.token'), name: 'token', input }),
    h('button', { type: 'submit' }, t('signin.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const bearer = input.value.trim();
    const error = form.querySelector('.error');
    signIn(bearer);
    try {
      const me = await whoAmI();
      await onSignedIn(me);
    } catch {
      signOut();
      error.textContent = t('signin.invalid');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  });
  replace(main, form);
  input.focus();
}
