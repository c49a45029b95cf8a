// The page shell: sign-in, the navigation for the caller's role, the language switch and the
// hash routes (#/intents, #/bundles/12, …); an invitation link (/invitations/<token>) opens its
// own page. The session is an HttpOnly cookie: every tab shares it, no secret is in a URL.
import { ApiError, signOut, whoAmI } from './api.js';
import { announce, describeError, takeFlash } from './ui.js';
import { h, replace } from './dom.js';
import { currentLanguage, setLanguage, t } from './i18n.js';
import * as agreements from './views/agreements.js';
import * as audit from './views/audit.js';
import * as bundle from './views/bundle.js';
import * as bundles from './views/bundles.js';
import * as campaigns from './views/campaigns.js';
import * as catalog from './views/catalog.js';
import * as flags from './views/flags.js';
import * as homeView from './views/home.js';
import * as importView from './views/import.js';
import * as intentForm from './views/intent_form.js';
import * as intents from './views/intents.js';
import * as invitation from './views/invitation.js';
import * as meView from './views/me.js';
import * as opportunities from './views/opportunities.js';
import * as people from './views/people.js';
import * as signin from './views/signin.js';
import * as tenders from './views/tenders.js';

const routes = [
  { pattern: /^\/home$/, view: homeView.render },
  { pattern: /^\/intents$/, view: intents.render },
  { pattern: /^\/intents\/new$/, view: intentForm.render },
  { pattern: /^\/intents\/(\d+)$/, view: intentForm.render },
  { pattern: /^\/import$/, view: importView.render },
  { pattern: /^\/bundles$/, view: bundles.render },
  { pattern: /^\/bundles\/(\d+)$/, view: bundle.render },
  { pattern: /^\/tenders$/, view: tenders.render },
  { pattern: /^\/flags$/, view: flags.render },
  { pattern: /^\/catalog$/, view: catalog.render },
  { pattern: /^\/catalog\/new$/, view: catalog.renderForm },
  { pattern: /^\/catalog\/([a-z0-9-]+)$/, view: catalog.renderForm },
  { pattern: /^\/audit$/, view: audit.render },
  { pattern: /^\/campaigns$/, view: campaigns.render },
  { pattern: /^\/campaigns\/(\d+)$/, view: campaigns.renderOne },
  { pattern: /^\/agreements$/, view: agreements.render },
  { pattern: /^\/agreements\/(\d+)$/, view: agreements.renderOne },
  { pattern: /^\/opportunities$/, view: opportunities.render },
  { pattern: /^\/people$/, view: people.render },
  { pattern: /^\/me$/, view: meView.render },
];

function navigation(me) {
  const links = {
    municipality: [['#/home', 'nav.home'], ['#/intents', 'nav.myIntents'], ['#/intents/new', 'nav.newIntent'], ['#/import', 'nav.import'],
      ['#/campaigns', 'nav.campaigns'], ['#/bundles', 'nav.myBundles'], ['#/tenders', 'nav.tenders'], ['#/flags', 'nav.flags'], ['#/agreements', 'nav.agreements'], ['#/catalog', 'nav.catalog']],
    coordinator: [['#/home', 'nav.home'], ['#/campaigns', 'nav.campaigns'], ['#/bundles', 'nav.bundles'], ['#/tenders', 'nav.tenders'], ['#/flags', 'nav.flags'], ['#/agreements', 'nav.agreements'], ['#/opportunities', 'nav.opportunities'],
      ['#/intents', 'nav.intents'], ['#/intents/new', 'nav.newIntent'], ['#/catalog', 'nav.catalog'], ['#/people', 'nav.people']],
    auditor: [['#/home', 'nav.audit'], ['#/campaigns', 'nav.campaigns'], ['#/bundles', 'nav.bundles'], ['#/tenders', 'nav.tenders'], ['#/flags', 'nav.flags'], ['#/agreements', 'nav.agreements'],
      ['#/opportunities', 'nav.opportunities'], ['#/intents', 'nav.intents'], ['#/catalog', 'nav.catalog'], ['#/people', 'nav.people']],
  };
  return links[me.role] ?? [];
}

// Every role starts on its own overview (the auditor's is the audit log).
function home() {
  return '#/home';
}

let me = null;
// Set when a request found the session ended, so that the sign-in page says why.
let sessionEnded = false;

function renderShell() {
  document.documentElement.lang = currentLanguage();
  document.querySelector('.skip').textContent = t('app.skip');
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.main'));
  const session = document.getElementById('session');
  const languageButton = h('button', {
    type: 'button', lang: currentLanguage() === 'de' ? 'en' : 'de', 'aria-label': t('session.languageLabel'),
    onclick: () => { setLanguage(currentLanguage() === 'de' ? 'en' : 'de'); renderShell(); route(); },
  }, t('session.language'));
  if (!me) {
    replace(nav);
    replace(session, languageButton);
    return;
  }
  replace(nav, navigation(me).map(([href, key]) => h('a', { href }, t(key))));
  replace(session,
    h('span', {}, `${t(`role.${me.role}`)}${me.organisation ? ` ${me.organisation_name ? `${me.organisation_name} (${me.organisation})` : me.organisation}` : ''} · `,
      h('a', { href: '#/me', title: t('session.own') }, me.name)),
    languageButton,
    h('button', {
      type: 'button',
      onclick: async () => {
        await signOut().catch(() => {});
        me = null;
        history.replaceState(null, '', '/');
        renderShell();
        await route();
      },
    }, t('session.signOut')));
}

function markCurrent(path) {
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.getAttribute('href') === `#${path}`) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

// After a change of route, focus moves to the new content (unless the view focused a field), so
// that keyboard and screen reader users start there.
async function navigate() {
  await route();
  const main = document.getElementById('main');
  if (!main.contains(document.activeElement)) main.focus({ preventScroll: true });
}

async function route() {
  const main = document.getElementById('main');
  const [path, queryText] = (location.hash.slice(1) || '/').split('?');
  const query = new URLSearchParams(queryText ?? '');
  announce('');
  const invited = /^\/invitations\/([^/]+)$/.exec(location.pathname);
  if (invited) {
    await invitation.render(main, {
      token: decodeURIComponent(invited[1]),
      onSignedIn: async (who) => {
        me = who;
        // The link is spent: the address bar shows the start page, not the token.
        history.replaceState(null, '', `/${home()}`);
        renderShell();
        await route();
      },
    });
    return;
  }
  if (!me) {
    // A deep link (#/bundles/12) survives the sign-in: the page it named is shown after it.
    const wanted = location.hash.length > 2 ? location.hash : home();
    const error = new URLSearchParams(location.search).get('sign_in_error');
    if (error) history.replaceState(null, '', `/${location.hash}`);
    await signin.render(main, {
      expired: sessionEnded,
      wanted,
      error,
      onSignedIn: async (who) => {
        me = who;
        sessionEnded = false;
        renderShell();
        if (location.hash !== wanted) {
          location.hash = wanted; // the hashchange shows it
        } else {
          await route();
        }
      },
    });
    return;
  }
  const found = routes.map((r) => ({ r, match: r.pattern.exec(path) })).find((x) => x.match);
  if (!found) {
    location.replace(home());
    return;
  }
  markCurrent(path);
  replace(main, h('p', { class: 'muted' }, t('common.loading')));
  try {
    await found.r.view(main, { me, params: found.match.slice(1), query, refresh: route });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      // The session ended (idle, expired, signed out in another tab): sign in again, then back here.
      me = null;
      sessionEnded = true;
      renderShell();
      await route();
      return;
    }
    replace(main, h('h1', {}, t('common.error')), h('p', { role: 'alert' }, describeError(error)));
  }
  const message = takeFlash();
  if (message) announce(message);
  const heading = main.querySelector('h1');
  document.title = `${heading ? `${heading.textContent} – ` : ''}jointbuy`;
}

async function start() {
  try {
    me = await whoAmI();
  } catch {
    me = null;
  }
  renderShell();
  window.addEventListener('hashchange', navigate);
  await route();
}

start();
