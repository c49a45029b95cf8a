// What the OpenID Connect tests stand on: the test provider (provider.mjs) and a jointbuy server
// configured for it, both on loopback; and a person's way through the provider's own login page
// without a browser (redirects followed by hand, the provider's cookies kept).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const clientSecret = 'jointbuy-test-secret';

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function waitForLine(child, pattern, what) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${seen}`)), 15000);
    const look = (chunk) => {
      seen += chunk;
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}):\n${seen}`)));
  });
}

/** Starts the test provider on `port` for a jointbuy at `jointbuyUrl`; returns {url, mode(m), stop()}. */
export async function startProvider(port, jointbuyUrl, alg = 'RS256') {
  const child = spawn(process.execPath, [path.join(here, 'provider.mjs'), '--port', String(port), '--alg', alg, '--secret', clientSecret,
    '--redirect', `${jointbuyUrl}/api/v1/session/oidc/callback`], { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForLine(child, /^ready /m, 'the OpenID provider');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async mode(m) {
      await fetch(`${url}/test/mode`, { method: 'POST', body: m });
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Starts jointbuy on `port` with a fresh database and the provider at `issuer`; `invite` lists {email, name, role, org}. */
export async function startJointbuy(port, issuer, invite = []) {
  const binary = process.env.JOINTBUY_BINARY;
  if (!binary) throw new Error('JOINTBUY_BINARY must name the jointbuy binary (CTest sets it)');
  const directory = mkdtempSync(path.join(os.tmpdir(), 'jointbuy-oidc-'));
  const db = `sqlite:${path.join(directory, 'jointbuy.db')}`;
  const run = (args) => execFileSync(binary, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  run(['migrate', '--db', db]);
  const url = `http://127.0.0.1:${port}`;
  const links = {};
  for (const p of invite) {
    const args = ['user', 'invite', '--db', db, '--email', p.email, '--name', p.name, '--role', p.role, '--public-url', url];
    if (p.org) args.push('--org', p.org);
    links[p.email] = run(args).trim().split('\n').pop();
  }
  const coordinator = run(['token', 'create', '--db', db, '--role', 'coordinator', '--name', 'Test']).match(/jb_[A-Za-z0-9_.-]+/)[0];
  const child = spawn(binary, ['serve', '--db', db, '--port', String(port), '--public-url', url, '--oidc-issuer', issuer, '--oidc-client-id', 'jointbuy'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, JOINTBUY_OIDC_CLIENT_SECRET: clientSecret } });
  let log = '';
  child.stdout.on('data', (chunk) => { log += chunk; });
  child.stderr.on('data', (chunk) => { log += chunk; });
  await waitForLine(child, /jointbuy serving/, 'jointbuy serve');
  return {
    url,
    links,
    coordinator,
    log: () => log,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Signs `login` in on the provider's login page, starting from jointbuy's sign-in link, and
 * returns the callback URL the provider sends the browser back to (not yet opened).
 */
export async function throughProvider(jointbuyUrl, login, returnTo = '#/home') {
  const jar = new Map();
  const keep = (response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const go = async (url, options = {}) => {
    const response = await fetch(url, { ...options, redirect: 'manual', headers: { ...(options.headers ?? {}), Cookie: [...jar].map(([n, v]) => `${n}=${v}`).join('; ') } });
    keep(response);
    return response;
  };
  let response = await go(`${jointbuyUrl}/api/v1/session/oidc?return_to=${encodeURIComponent(returnTo)}`);
  if (response.status !== 303) throw new Error(`jointbuy did not send the browser to the provider: ${response.status} ${await response.text()}`);
  let location = response.headers.get('location');
  for (let hops = 0; hops < 10; ++hops) {
    if (location.startsWith(jointbuyUrl)) return location;
    response = await go(location);
    if (response.status === 200) {
      // The provider's login page: its form posts back to the interaction.
      const html = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`the provider showed a page without a form:\n${html.slice(0, 500)}`);
      const target = new URL(action.replace(/&amp;/g, '&'), location).toString();
      response = await go(target, {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'irrelevant' }).toString(),
      });
    }
    if (![302, 303].includes(response.status)) throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
    location = new URL(response.headers.get('location'), location).toString();
  }
  throw new Error('too many redirects');
}
