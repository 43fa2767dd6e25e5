import { apiFor, unreachableDriver, type Api } from './helpers';

/**
 * GraphiQL is served entirely by the API process (assets inlined from an npm
 * package): an offline or air-gapped browser gets a working page. The test reads
 * the page as a browser would and checks that nothing it loads names another host.
 */
describe('GraphiQL', () => {
  const driver = unreachableDriver();
  let api: Api;
  beforeAll(() => {
    api = apiFor({ driver });
  });
  afterAll(() => driver.close());

  it('is served from the API’s own process and loads nothing from another host', async () => {
    const res = await api.fetch('http://api.test/graphql', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    // the editor itself is in the page, not fetched
    expect(page).toContain('renderYogaGraphiQL');
    expect(page.length).toBeGreaterThan(1_000_000);
    // nothing the browser would fetch points off the API: script/link/img/iframe sources, CSS imports and url()s
    const loaded = [
      ...page.matchAll(/<(?:script|img|iframe|source)\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi),
      ...page.matchAll(/<link\b[^>]*\bhref\s*=\s*["']([^"']+)["']/gi),
      ...page.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/gi),
      ...page.matchAll(/url\(\s*["']?(https?:[^"')]+)/gi),
    ].map((m) => m[1]!);
    expect(loaded.filter((u) => /^(https?:)?\/\//i.test(u))).toEqual([]);
    // and no CDN is named anywhere in it
    expect(page).not.toMatch(/unpkg\.com|jsdelivr|esm\.sh|cdnjs|fonts\.googleapis/);
  });

  it('is revalidated with an ETag instead of being sent again', async () => {
    const first = await api.fetch('http://api.test/graphql', { headers: { accept: 'text/html' } });
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await api.fetch('http://api.test/graphql', { headers: { accept: 'text/html', 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });
});
