// The jointbuy API as the pages use it: the session cookie (HttpOnly: the pages never see it) with
// the session's CSRF token on changes, the language of the page, problem+json turned into ApiError.
import { currentLanguage } from './i18n.js';

// The session's CSRF token, from GET /api/v1/me or the sign-in's answer; sent on every change.
let csrfToken = null;

function remember(me) {
  csrfToken = me?.csrf_token ?? null;
  return me;
}

/** An answer that is not 2xx: `status`, the problem document, and its field errors. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.errors = problem?.errors ?? [];
  }
}

function headers(extra = {}) {
  const all = { Accept: 'application/json', 'Accept-Language': currentLanguage(), ...extra };
  if (csrfToken) all['X-CSRF-Token'] = csrfToken;
  return all;
}

const sendOptions = new Set(['body', 'contentType', 'version', 'extraHeaders']);

async function send(method, path, given = {}) {
  // An option send does not know would be dropped without a word (an If-Match never sent).
  const unknown = Object.keys(given).filter((name) => !sendOptions.has(name));
  if (unknown.length > 0) throw new TypeError(`api: unknown option ${unknown.join(', ')} for ${method} ${path}`);
  const { body, contentType, version, extraHeaders } = given;
  const options = { method, headers: headers(extraHeaders) };
  if (body !== undefined) {
    options.body = typeof body === 'string' ? body : JSON.stringify(body);
    options.headers['Content-Type'] = contentType ?? 'application/json';
  }
  if (version !== undefined) options.headers['If-Match'] = `"${version}"`;
  const response = await fetch(path, options);
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof data === 'object' ? data : { detail: data });
  return data;
}

let identityService = false;

/** The signed-in person (as /api/v1/me shows them), or null without a live session. */
export async function whoAmI() {
  const session = await send('GET', '/api/v1/session');
  identityService = session.oidc === true;
  return remember(session.me);
}

/** Whether this installation signs in through the canton's identity service too (known after whoAmI). */
export function hasIdentityService() {
  return identityService;
}

/** Signs in with e-mail address and password; the server sets the session cookie. */
export async function signIn(email, password) {
  return remember(await send('POST', '/api/v1/session', { body: { email, password } }));
}

/** Ends the session (the server clears the cookie). */
export async function signOut() {
  try {
    await send('DELETE', '/api/v1/session');
  } finally {
    remember(null);
  }
}

/** Sets the password of invitation `token` and signs the person in. */
export async function acceptInvitation(token, password) {
  return remember(await send('POST', `/api/v1/invitations/${encodeURIComponent(token)}`, { body: { password } }));
}

export const api = {
  get: (path) => send('GET', path),
  post: (path, body, options = {}) => send('POST', path, { body, ...options }),
  put: (path, body, options = {}) => send('PUT', path, { body, ...options }),
  patch: (path, body, options = {}) => send('PATCH', path, { body, ...options }),
  del: (path, options = {}) => send('DELETE', path, options),

  /** Every page of a list endpoint, up to `max` items. */
  async all(path, max = 2000) {
    const items = [];
    let cursor = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page = await send('GET', `${path}${separator}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor && items.length < max);
    return items;
  },

  /** Downloads `path` as a file named by the server's Content-Disposition. */
  async download(path) {
    const response = await fetch(path, { headers: headers() });
    if (!response.ok) {
      const problem = (response.headers.get('Content-Type') ?? '').includes('json') ? await response.json() : null;
      throw new ApiError(response.status, problem);
    }
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'jointbuy-download';
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  },
};

/** A fresh Idempotency-Key for one submission (kept while the form is retried). */
export function newIdempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}
