/**
 * The explorer's sign-in (authorization code + PKCE) against a real OpenID
 * provider: the API tests' oidc-provider (apps/api/test/oidc/provider.mjs),
 * started here as its own process. The browser's part (following redirects,
 * filling in the provider's development login page) is played by fetch with a
 * cookie jar; everything the explorer does itself is the real code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { completeSignIn, isSignInCallback, startSignIn, withoutCallbackParams, type SignInConfig } from './pkce';

const REDIRECT = 'http://127.0.0.1:3999/';

/** sessionStorage's part the flow uses, in memory. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

/** The browser between startSignIn and the callback: redirects, cookies, and the provider's login form. */
async function browse(start: URL, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start.toString();
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.toString().startsWith(REDIRECT)) return next;
      url = next.toString();
      method = 'GET';
      body = undefined;
      continue;
    }
    // The development login page (a form posting `login` and `password`), then its consent page (a form with prompt=consent).
    const html = await res.text();
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1] ?? 'login';
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`No redirect and no form at ${url} (HTTP ${res.status}): ${html.slice(0, 300)}`);
    url = new URL(action, url).toString();
    method = 'POST';
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt }).toString();
  }
  throw new Error('Too many redirects');
}

describe('sign-in with the authorization code flow and PKCE (real OpenID provider)', () => {
  let provider: ChildProcess;
  let config: SignInConfig;

  beforeAll(async () => {
    provider = spawn(process.execPath, [path.join(__dirname, '../../../api/test/oidc/provider.mjs')], {
      env: { ...process.env, OIDC_GRAPHS: JSON.stringify({ alice: ['steppe'] }), OIDC_REDIRECT_URIS: REDIRECT },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const issuer = await new Promise<string>((resolve, reject) => {
      provider.once('exit', (code) => reject(new Error(`the provider exited with ${code}`)));
      createInterface({ input: provider.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { issuer: string }).issuer));
    });
    config = { issuer, clientId: 'steppe-explorer', scope: 'openid profile steppe:export' };
  });
  afterAll(() => {
    provider?.kill('SIGTERM');
  });

  it('sends the browser to the issuer with an S256 code challenge, state and nonce, keeping the verifier behind', async () => {
    const store = memoryStorage();
    const url = await startSignIn(config, { redirectUri: REDIRECT, returnTo: `${REDIRECT}?e=tokayev` }, store);
    expect(url.origin).toBe(config.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const pending = JSON.parse(store.items.get('steppe.signin')!) as { verifier: string; state: string };
    expect(url.searchParams.get('state')).toBe(pending.state);
    // The challenge is the verifier's SHA-256, and the verifier itself never leaves the page.
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier))).toString('base64url');
    expect(url.searchParams.get('code_challenge')).toBe(digest);
    expect(url.toString()).not.toContain(pending.verifier);
  });

  it('signs in: login at the provider, back with a code, exchanged for a JWT access token naming the user and the graphs', async () => {
    const store = memoryStorage();
    const start = await startSignIn(config, { redirectUri: REDIRECT, returnTo: `${REDIRECT}?e=tokayev` }, store);
    const callback = await browse(start, 'alice');
    expect(isSignInCallback(callback)).toBe(true);
    const { session, returnTo } = await completeSignIn(config, callback, store);
    expect(returnTo).toBe(`${REDIRECT}?e=tokayev`);
    expect(session.name).toBe('alice');
    const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: config.issuer, aud: 'https://steppe.test/api', sub: 'alice', steppe_graphs: ['steppe'] });
    expect(session.expiresAt).toBeGreaterThan(Date.now());
    // The verifier is used once: the same callback cannot be replayed.
    await expect(completeSignIn(config, callback, store)).rejects.toThrow(/not started here/);
    expect(withoutCallbackParams(callback)).toBe(REDIRECT);
  });

  it('refuses a callback whose state is not the one it sent', async () => {
    const store = memoryStorage();
    const start = await startSignIn(config, { redirectUri: REDIRECT, returnTo: REDIRECT }, store);
    const callback = await browse(start, 'alice');
    callback.searchParams.set('state', 'forged');
    await expect(completeSignIn(config, callback, store)).rejects.toThrow(/state/);
  });
});
