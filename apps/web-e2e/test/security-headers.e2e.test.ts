import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../src/browser';
import { openExplorer, SEARCH_LABEL, waitForCanvas } from '../src/explorer-page';
import { stackFromEnv } from '../src/stack';

jest.setTimeout(120_000);

/**
 * The explorer's security headers on real responses of the production build,
 * and the page working under its CSP: a search, an entity on the canvas (the
 * layout, the API over CORS), with no CSP violation reported by Chromium.
 */
const stack = stackFromEnv();

let browser: Browser;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('the explorer under its security headers', () => {
  it('sends a nonce CSP that differs per request, and the usual headers', async () => {
    const [a, b] = [await fetch(stack.webUrl), await fetch(stack.webUrl)];
    const csp = a.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(b.headers.get('content-security-policy')).not.toContain(nonce!);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain(`connect-src 'self' ${new URL(stack.apiUrl).origin}`);
    // Next put the nonce on its scripts.
    const html = await a.text();
    expect(html).toContain(`nonce="${nonce}"`);
    for (const res of [a, await fetch(`${stack.webUrl}/icon.svg`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('works under it: search, add an entity, its neighbours drawn, no CSP violation', async () => {
    await openExplorer(page, stack.webUrl);
    await page.getByRole('combobox', { name: SEARCH_LABEL }).fill('Tokayev');
    await page
      .getByRole('listbox', { name: 'Search results' })
      .first()
      .getByRole('option', { name: /^Kassym-Jomart Tokayev/ })
      .click();
    await waitForCanvas(page, `cy.nodes().length > 2`);
    expect(violations).toEqual([]);
  });

  it('lets the API answer the explorer across origins, and no other origin', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const ok = await fetch(stack.apiUrl, { method: 'POST', headers: { 'content-type': 'application/json', origin: stack.webUrl }, body });
    expect(ok.headers.get('access-control-allow-origin')).toBe(stack.webUrl);
    const evil = await fetch(stack.apiUrl, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'null' }, body });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('vary')).toMatch(/Origin/);
  });
});
