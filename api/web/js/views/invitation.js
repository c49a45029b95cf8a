// The page of an invitation link (/invitations/<token>): whom it is for, and the password they
// choose; the person is signed in at once. A used or expired link says what to do instead.
import { acceptInvitation, api, ApiError, hasIdentityService } from '../api.js';
import { field, h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { showFormError } from '../ui.js';

export async function render(main, { token, onSignedIn }) {
  let invitation;
  try {
    invitation = await api.get(`/api/v1/invitations/${encodeURIComponent(token)}`);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    replace(main, h('h1', {}, t('invitation.title')), h('p', { role: 'alert' }, error.problem.detail ?? error.message),
      h('p', {}, h('a', { href: '/#/home' }, t('invitation.toSignIn'))));
    return;
  }
  const who = invitation.person;
  const password = h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const repeat = h('input', { type: 'password', autocomplete: 'new-password', required: true });
  const form = h('form', { class: 'signin form', novalidate: true },
    h('h1', {}, t('invitation.title')),
    h('p', {}, t('invitation.welcome', {
      name: who.name,
      organisation: who.organisation_name ? ` (${who.organisation_name})` : '',
      role: t(`role.${who.role}`),
    })),
    h('p', {}, t('invitation.email', { email: who.email })),
    // With the canton's identity service the person needs no password of jointbuy's.
    hasIdentityService() ? [
      h('p', {}, h('a', { class: 'button', href: '/api/v1/session/oidc?return_to=%23%2Fhome' }, t('signin.oidc'))),
      h('p', {}, t('invitation.orPassword')),
    ] : null,
    field({ label: t('invitation.password'), name: 'password', input: password, hint: t('invitation.passwordHint') }),
    field({ label: t('invitation.repeat'), name: 'repeat', input: repeat }),
    h('button', { type: 'submit' }, t('invitation.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (password.value !== repeat.value) {
      showFormError(form, new ApiError(422, { errors: [{ field: 'repeat', reason: t('invitation.mismatch') }] }));
      return;
    }
    try {
      await onSignedIn(await acceptInvitation(token, password.value));
    } catch (error) {
      showFormError(form, error);
    }
  });
  replace(main, form);
  password.focus();
}
