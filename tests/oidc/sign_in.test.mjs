// OpenID Connect against a real provider (oidc-provider on loopback): an invited person signs in,
// and jointbuy refuses a bad signature, a wrong audience, an expired token, a replayed state or
// nonce, an unverified address and a person nobody invited; rotated keys and ES256 are taken.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freePort, startJointbuy, startProvider, throughProvider } from './support.mjs';

describe('sign-in through the canton\'s identity service', () => {
  let provider;
  let jointbuy;
  let providerPort;

  const anna = { email: 'anna.muster@kriens.example', name: 'Anna Muster', role: 'municipality', org: '1059' };
  const eva = { email: 'eva.keller@emmen.example', name: 'Eva Keller', role: 'municipality', org: '1024' };

  before(async () => {
    providerPort = await freePort();
    const port = await freePort();
    provider = await startProvider(providerPort, `http://127.0.0.1:${port}`, 'ES256');
    jointbuy = await startJointbuy(port, provider.url, [anna, eva]);
  });

  after(async () => {
    await provider?.stop();
    await jointbuy?.stop();
  });

  // Opens the callback as the browser would: where it leads, and the session cookie if any.
  const callback = async (url) => {
    const response = await fetch(url, { redirect: 'manual' });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    return { status: response.status, location: response.headers.get('location'), cookie };
  };
  const me = async (cookie) => (await fetch(`${jointbuy.url}/api/v1/me`, { headers: { Cookie: cookie } }));

  it('an invited person signs in on the provider\'s page and lands on the page they asked for, signed in', async () => {
    const back = await throughProvider(jointbuy.url, anna.email, '#/tenders');
    const answer = await callback(back);
    assert.equal(answer.status, 303);
    assert.equal(answer.location, '/#/tenders');
    assert.match(answer.cookie, /^jb_session=./);
    const who = await me(answer.cookie);
    assert.equal(who.status, 200);
    const body = await who.json();
    assert.equal(body.name, 'Anna Muster');
    assert.equal(body.organisation, '1059');
    // Her invitation link is spent: she signed in without it.
    const invitation = jointbuy.links[anna.email].split('/').pop();
    assert.equal((await fetch(`${jointbuy.url}/api/v1/invitations/${invitation}`)).status, 410);
    // The same callback again (a replayed state) signs nobody in.
    const replay = await callback(back);
    assert.equal(replay.location, '/?sign_in_error=state');
    assert.equal(replay.cookie, '');
    // Neither state nor code reach the log.
    const parameters = new URL(back).searchParams;
    assert.ok(!jointbuy.log().includes(parameters.get('state')), 'the state is in the log');
    assert.ok(!jointbuy.log().includes(parameters.get('code')), 'the code is in the log');
  });

  it('a person the coordinator has not invited is refused and gets no account', async () => {
    const people = async () => (await (await fetch(`${jointbuy.url}/api/v1/people`, { headers: { Authorization: `Bearer ${jointbuy.coordinator}` } })).json()).items.length;
    const before = await people();
    const answer = await callback(await throughProvider(jointbuy.url, 'stranger@kriens.example'));
    assert.equal(answer.location, '/?sign_in_error=not-invited');
    assert.equal(answer.cookie, '');
    assert.equal(await people(), before);
  });

  it('an address the provider has not verified is refused', async () => {
    const answer = await callback(await throughProvider(jointbuy.url, `unverified.${eva.email}`));
    assert.equal(answer.location, '/?sign_in_error=email-unverified');
    assert.equal(answer.cookie, '');
  });

  for (const [mode, reason] of [['bad-signature', 'bad-signature'], ['wrong-audience', 'wrong-audience'], ['expired', 'expired'],
    ['stale-nonce', 'nonce-mismatch']]) {
    it(`an ID token with ${mode} is refused`, async () => {
      // A good sign-in first, so that the stale nonce is a real one of an earlier sign-in.
      assert.match((await callback(await throughProvider(jointbuy.url, eva.email))).cookie, /^jb_session=/);
      await provider.mode(mode);
      try {
        const answer = await callback(await throughProvider(jointbuy.url, eva.email));
        assert.equal(answer.location, `/?sign_in_error=${reason}`);
        assert.equal(answer.cookie, '');
      } finally {
        await provider.mode('normal');
      }
    });
  }

  it('after the provider rotates its keys (and signs with RS256 now), sign-in works without a restart of jointbuy', async () => {
    await provider.stop();
    provider = await startProvider(providerPort, jointbuy.url, 'RS256');
    const answer = await callback(await throughProvider(jointbuy.url, eva.email));
    assert.match(answer.cookie, /^jb_session=/);
    assert.equal((await (await me(answer.cookie)).json()).name, 'Eva Keller');
  });
});
