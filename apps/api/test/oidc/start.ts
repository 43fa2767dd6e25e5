import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** The audience the test provider mints API tokens for (its default resource indicator). */
export const API_AUDIENCE = 'https://steppe.test/api';

export interface TestIssuer {
  issuer: string;
  /** A client-credentials access token (a JWT) for `client` ('robot' or 'robot-short'). */
  token(client: 'robot' | 'robot-short', options?: { scope?: string; resource?: string }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts test/oidc/provider.mjs (oidc-provider on a free loopback port) as a
 * process of its own and waits for it to say its issuer URL.
 */
export async function startTestIssuer(options: { graphs: Record<string, string[]>; redirectUris?: string[] }): Promise<TestIssuer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'provider.mjs')], {
    cwd: path.join(__dirname, '../..'),
    env: { ...process.env, OIDC_GRAPHS: JSON.stringify(options.graphs), OIDC_REDIRECT_URIS: (options.redirectUris ?? []).join(',') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The test OpenID provider did not start in 20 s: ${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`The test OpenID provider exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
  });
  return {
    issuer,
    async token(client, { scope, resource } = {}) {
      const body = new URLSearchParams({ grant_type: 'client_credentials' });
      if (scope) body.set('scope', scope);
      if (resource) body.set('resource', resource);
      const res = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${client}:robot-secret`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      });
      const json = (await res.json()) as { access_token?: string; error?: string; error_description?: string };
      if (!json.access_token) throw new Error(`The test provider refused a token: ${json.error}: ${json.error_description}`);
      return json.access_token;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
