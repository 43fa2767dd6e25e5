import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import { createDriver, resetGraph } from '@steppe/graph-store';
import { findFreePort } from '@steppe/neo4j-local';
import { startStack, type RunningStack } from '@steppe/stack';
import { launchChromium, screenshot } from '../src/browser';
import { e2eGraphName } from '../src/stack';
import { LOGS_DIR, REPO_ROOT } from '../src/paths';

jest.setTimeout(300_000);

/**
 * The explorer signing in through a real OpenID provider (oidc-provider, the API tests'
 * test/oidc/provider.mjs) with the authorization code flow and PKCE, against a stack of its own
 * whose API requires sign-in (STEPPE_AUTH_CONFIG): "Sign in", the provider's login and consent
 * pages, back on the explorer signed in, the graph readable with the token, "Sign out".
 */
const graph = e2eGraphName();
let stack: RunningStack;
let provider: ChildProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const [issuerPort, webPort] = [await findFreePort(), await findFreePort()];
  const issuer = `http://127.0.0.1:${issuerPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'steppe-signin-'));
  const authFile = path.join(dir, 'auth.json');
  writeFileSync(
    authFile,
    JSON.stringify({
      oidc: {
        issuer,
        audience: 'https://steppe.test/api',
        explorer: { clientId: 'steppe-explorer', scope: 'openid profile steppe:export' },
      },
    }),
  );
  // The API reads the issuer's keys at the first token, so the provider may start after the stack (it needs the web app's URL).
  process.env.STEPPE_OIDC_ISSUER = issuer;
  stack = await startStack({
    graph,
    apiPort: 0,
    webPort,
    host: '127.0.0.1',
    web: 'start',
    buildIfMissing: true,
    neo4j: { port: 0 },
    output: { kind: 'files', dir: path.join(LOGS_DIR, 'sign-in') },
    apiEnv: { LOG_LEVEL: 'warn', STEPPE_AUTH_CONFIG: authFile },
    beforeNeo4jStops: async (neo4j) => {
      const driver = createDriver(neo4j);
      try {
        await resetGraph(driver, graph);
      } finally {
        await driver.close();
      }
    },
  });
  provider = spawn(process.execPath, [path.join(REPO_ROOT, 'apps/api/test/oidc/provider.mjs')], {
    env: {
      ...process.env,
      OIDC_PORT: String(issuerPort),
      OIDC_GRAPHS: JSON.stringify({ alice: [graph] }),
      OIDC_REDIRECT_URIS: `${webUrl}/`,
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise<void>((resolve, reject) => {
    provider.once('exit', (code) => reject(new Error(`the OpenID provider exited with ${code}`)));
    createInterface({ input: provider.stdout! }).once('line', () => resolve());
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  provider?.kill('SIGTERM');
  await stack?.stop();
  delete process.env.STEPPE_OIDC_ISSUER;
});

describe('signing in to the explorer (authorization code + PKCE, real OpenID provider)', () => {
  it('asks to sign in, signs in at the issuer, reads the graph with the token, and signs out', async () => {
    // Without a token the API refuses the explorer's requests: the bar says sign-in is required.
    await page.goto(stack.webUrl);
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
    await expect(page.getByText('Sign-in is required to read the graph.').isVisible()).resolves.toBe(true);
    await screenshot(page, 'sign-in-1-required');

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === process.env.STEPPE_OIDC_ISSUER, { timeout: 30_000 });
    await page.fill('input[name=login]', 'alice');
    await page.fill('input[name=password]', 'any');
    await page.click('button[type=submit]');
    // oidc-provider's development consent page.
    await page.waitForSelector('button[type=submit]');
    await page.click('button[type=submit]');

    await page.waitForURL((url) => url.origin === stack.webUrl, { timeout: 30_000 });
    await page.getByText('Signed in as alice').waitFor({ timeout: 30_000 });
    // The token is in sessionStorage only, and the explorer reads the graph with it.
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['steppe.session']);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.goto(`${stack.webUrl}/?e=kassym-jomart-tokayev`);
    await page.getByText('1 of 1 entities').waitFor({ timeout: 30_000 });
    await screenshot(page, 'sign-in-2-signed-in');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
  });
});
