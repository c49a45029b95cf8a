// A real OpenID provider for the tests: oidc-provider (pinned in package.json) on loopback with one
// client, jointbuy. Anyone may sign in on its own login page with any password; the login is the
// account's e-mail address (verified unless it starts with "unverified"). Keys are made fresh at
// every start, so a restart is a key rotation. For the refusal tests, POST /test/mode with a body
// of bad-signature, wrong-audience, expired, stale-nonce or normal makes the token endpoint answer
// with an ID token tampered that way.
//   node provider.mjs --port N --redirect URI [--alg RS256|ES256] [--secret S]
import http from 'node:http';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK } from 'jose';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' }, redirect: { type: 'string' }, alg: { type: 'string', default: 'RS256' },
    secret: { type: 'string', default: 'jointbuy-test-secret' },
  },
});
const issuer = `http://127.0.0.1:${options.port}`;

async function signingKey(alg) {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg, use: 'sig', kid: `${alg.toLowerCase()}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` };
}
const keys = [await signingKey('RS256'), await signingKey('ES256')];

const configuration = {
  clients: [{
    client_id: 'jointbuy',
    client_secret: options.secret,
    redirect_uris: [options.redirect],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: options.alg,
  }],
  jwks: { keys },
  pkce: { required: () => true, methods: ['S256'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['jointbuy-test-cookie-key'] },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id.replace(/^unverified[.-]?/, ''), email_verified: !id.startsWith('unverified'), name: id };
      },
    };
  },
  // Consent is the identity service's business, not the test's: every client gets what it asks.
  async loadExistingGrant(ctx) {
    const existing = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
};

const provider = new Provider(issuer, configuration);
let mode = 'normal';
let lastNonce = null;

async function tamper(token) {
  const header = decodeProtectedHeader(token);
  const claims = decodeJwt(token);
  const previous = lastNonce;
  lastNonce = claims.nonce;
  if (mode === 'normal') return token;
  if (mode === 'bad-signature') {
    const [h, p, s] = token.split('.');
    const middle = Math.floor(s.length / 2);
    return `${h}.${p}.${s.slice(0, middle)}${s[middle] === 'A' ? 'B' : 'A'}${s.slice(middle + 1)}`;
  }
  const now = Math.floor(Date.now() / 1000);
  if (mode === 'wrong-audience') claims.aud = 'another-client';
  if (mode === 'expired') Object.assign(claims, { iat: now - 1200, exp: now - 600 });
  if (mode === 'stale-nonce') claims.nonce = previous;
  const key = keys.find((k) => k.kid === header.kid);
  return new SignJWT(claims).setProtectedHeader(header).sign(await importJWK(key, header.alg));
}

provider.use(async (ctx, next) => {
  if (ctx.path === '/test/mode' && ctx.method === 'POST') {
    mode = await new Promise((resolve) => {
      let text = '';
      ctx.req.on('data', (chunk) => { text += chunk; });
      ctx.req.on('end', () => resolve(text.trim()));
    });
    ctx.body = { mode };
    return;
  }
  await next();
  if (ctx.path === '/token' && ctx.method === 'POST' && ctx.body && typeof ctx.body === 'object' && ctx.body.id_token) {
    ctx.body = { ...ctx.body, id_token: await tamper(ctx.body.id_token) };
  }
});

http.createServer(provider.callback()).listen(Number(options.port), '127.0.0.1', () => {
  process.stdout.write(`ready ${issuer}\n`);
});
