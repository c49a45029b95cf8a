// The jointbuy API as the pages use it: the bearer token from session storage, the language of the
// page, problem+json turned into ApiError.
import { currentLanguage } from './i18n.js';

const TOKEN_KEY = 'jointbuy.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signIn(bearer) {
  sessionStorage.setItem(TOKEN_KEY, bearer);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
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
  const bearer = token();
  if (bearer) all.Authorization = `Bearer ${bearer}`;
  return all;
}

async function send(method, path, { body, contentType, version, extraHeaders } = {}) {
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

/** The signed-in caller (/api/v1/me) with its organisation's name, for the header. */
export async function whoAmI() {
  const me = await send('GET', '/api/v1/me');
  if (me.organisation) {
    me.organisation_name = await send('GET', `/api/v1/organisations/${encodeURIComponent(me.organisation)}`)
      .then((o) => o.name)
      .catch(() => null);
  }
  return me;
}

export const api = {
  get: (path) => send('GET', path),
  post: (path, body, options = {}) => send('POST', path, { body, ...options }),
  put: (path, body, options = {}) => send('PUT', path, { body, ...options }),
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

  /** Downloads `path` as a file named by the server's Content-Disposition (the token stays in a header). */
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
