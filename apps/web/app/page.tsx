import { connection } from 'next/server';
import { Explorer } from '../src/components/Explorer';
import { resolveApiUrl } from '../src/config';

/**
 * A server component, rendered per request: the API URL is read from the
 * server's environment when the page is served, not when it is built, so one
 * build works against any API (see src/config.ts).
 */
export default async function Page() {
  await connection();
  const api = resolveApiUrl(process.env);
  return <Explorer apiUrl={api.url} configError={api.error} />;
}
