import { serverAudits } from 'graphql-http';
import { apiFor, unreachableDriver, type Api } from './helpers';

/**
 * The GraphQL-over-HTTP specification's server audits (from graphql-http, the
 * reference implementation), run in-process against the yoga instance. The
 * audits only use `__typename`-level queries, so no database is needed.
 */
describe('GraphQL over HTTP compliance', () => {
  const driver = unreachableDriver();
  let api: Api;
  beforeAll(() => {
    api = apiFor({ driver });
  });
  afterAll(() => driver.close());

  const audits = serverAudits({
    url: 'http://api.test/graphql',
    // yoga's fetch overloads are narrower than the global fetch signature the audits expect.
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) =>
      (api.fetch as (url: string, init?: RequestInit) => Promise<Response>)(String(input), init),
  });

  it.each(audits.filter((a) => a.name.startsWith('MUST')).map((a) => [a.name, a] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect(result.status === 'ok' ? 'ok' : `${result.status}: ${'reason' in result ? result.reason : ''}`).toBe('ok');
  });

  it('passes every SHOULD audit too, or only misses ones we list and explain', async () => {
    const misses: string[] = [];
    for (const audit of audits.filter((a) => a.name.startsWith('SHOULD'))) {
      const result = await audit.fn();
      if (result.status !== 'ok') misses.push(audit.name);
    }
    expect(misses).toEqual([]);
  });
});
