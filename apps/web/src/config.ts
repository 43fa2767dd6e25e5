/**
 * Where the explorer finds the GraphQL API. Read on the server at request
 * time (see app/page.tsx), so one build serves any deployment:
 *
 *   STEPPE_API_URL               runtime setting, wins
 *   NEXT_PUBLIC_STEPPE_API_URL   the conventional name, also read at runtime here
 *   http://localhost:4000/graphql   the default for local development
 */
export const DEFAULT_API_URL = 'http://localhost:4000/graphql';

export interface ApiUrlSetting {
  url: string;
  /** Which variable the URL came from ('default' when none was set). */
  from: 'STEPPE_API_URL' | 'NEXT_PUBLIC_STEPPE_API_URL' | 'default';
  /** Set when the configured value is not a usable http(s) URL. */
  error?: string;
}

export function resolveApiUrl(env: Readonly<Record<string, string | undefined>>): ApiUrlSetting {
  const names = ['STEPPE_API_URL', 'NEXT_PUBLIC_STEPPE_API_URL'] as const;
  for (const name of names) {
    const value = env[name]?.trim();
    if (!value) continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(value);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      return { url: value, from: name, error: `${name} must be an http(s) URL of the Steppe GraphQL API, not "${value}".` };
    }
    return { url: value, from: name };
  }
  return { url: DEFAULT_API_URL, from: 'default' };
}

/**
 * The API's export endpoint (`/export`, served next to `/graphql` by the same
 * process): the GraphQL URL with its last path segment replaced, so an API
 * mounted under a prefix (`https://host/steppe/graphql`) exports from
 * `https://host/steppe/export`.
 */
export function exportUrlFor(apiUrl: string): string {
  const url = new URL(apiUrl);
  url.pathname = url.pathname.replace(/\/[^/]*$/, '') + '/export';
  url.search = '';
  url.hash = '';
  return url.toString();
}
