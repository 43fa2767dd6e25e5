import { DEFAULT_API_URL, resolveApiUrl } from './config';

describe('resolveApiUrl', () => {
  it('defaults to the local API', () => {
    expect(resolveApiUrl({})).toEqual({ url: DEFAULT_API_URL, from: 'default' });
    expect(DEFAULT_API_URL).toBe('http://localhost:4000/graphql');
  });

  it('prefers the runtime STEPPE_API_URL over NEXT_PUBLIC_STEPPE_API_URL', () => {
    expect(resolveApiUrl({ NEXT_PUBLIC_STEPPE_API_URL: 'http://a:1/graphql' })).toEqual({
      url: 'http://a:1/graphql',
      from: 'NEXT_PUBLIC_STEPPE_API_URL',
    });
    expect(resolveApiUrl({ STEPPE_API_URL: ' https://api.example/graphql ', NEXT_PUBLIC_STEPPE_API_URL: 'http://a:1/graphql' })).toEqual({
      url: 'https://api.example/graphql',
      from: 'STEPPE_API_URL',
    });
  });

  it('ignores empty values', () => {
    expect(resolveApiUrl({ STEPPE_API_URL: '  ' }).from).toBe('default');
  });

  it('explains a value that is not an http(s) URL', () => {
    expect(resolveApiUrl({ STEPPE_API_URL: 'localhost:4000' }).error).toBe(
      'STEPPE_API_URL must be an http(s) URL of the Steppe GraphQL API, not "localhost:4000".',
    );
    expect(resolveApiUrl({ STEPPE_API_URL: 'bolt://127.0.0.1:7687' }).error).toContain('http(s) URL');
  });
});
