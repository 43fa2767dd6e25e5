import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Sign-in and per-graph access (README "Sign-in and access"). Off unless
 * STEPPE_AUTH_CONFIG names a JSON file: then every request to /graphql and
 * /export must carry an API key or an OpenID Connect bearer token, and reads
 * only the graphs that credential may read.
 *
 * The file is validated once at start-up; a bad file stops the API with every
 * problem listed by its path in the file (`apiKeys[1].sha256: …`).
 */

const GRAPH_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** A graph name, or "*" for every graph the API serves. */
const GraphGrant = z.string().refine((g) => g === '*' || GRAPH_NAME.test(g), {
  message: 'a graph name (1–63 lowercase letters, digits, "-" or "_") or "*" for every served graph',
});

const ApiKeySchema = z.strictObject({
  /** Who holds the key, shown by /auth/me and in the log (never the key itself). */
  name: z.string().min(1).max(100),
  /** SHA-256 of the key, hex (`npm run auth:new-key -w @steppe/api` prints a key and its hash). */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'the SHA-256 of the key as 64 hex digits (npm run auth:new-key -w @steppe/api prints one)')
    .transform((s) => s.toLowerCase()),
  /** Graphs the key may read. */
  graphs: z.array(GraphGrant).min(1),
  /** Whether the key may use /export (default false). */
  export: z.boolean().default(false),
});

const OidcSchema = z.strictObject({
  /** The issuer, exactly as tokens name it in `iss` (its discovery document is at <issuer>/.well-known/openid-configuration). */
  issuer: z.url({ error: "the issuer's URL, exactly as its tokens name it in `iss` (https://…)" }),
  /** What the API expects in `aud` (the API's identifier at the issuer). */
  audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
    error: "what `aud` must hold: the API's identifier at the issuer, a string or a list of strings",
  }),
  /** The issuer's keys; default: `jwks_uri` from its discovery document. */
  jwksUri: z.url().optional(),
  /** The claim that lists the caller's graphs: an array of strings, or one space-separated string. */
  graphsClaim: z.string().min(1).default('steppe_graphs'),
  /** Maps the claim's values (e.g. group names) to graphs; without it the values are graph names themselves. */
  claimValues: z.record(z.string(), z.array(GraphGrant)).optional(),
  /** The scope a token needs to use /export; null: every signed-in caller may export the graphs it reads. */
  exportScope: z.string().min(1).nullable().default('steppe:export'),
  /** Allowed signing algorithms (default: the asymmetric ones jose accepts). */
  algorithms: z.array(z.string()).optional(),
  /** Seconds of clock skew allowed on `exp`/`nbf`/`iat`. */
  clockToleranceSeconds: z.number().int().min(0).max(300).default(30),
  /** What the explorer needs to sign in with the authorization-code flow and PKCE (served at GET /auth/config). */
  explorer: z
    .strictObject({
      /** The explorer's client id at the issuer (a public client: no secret). */
      clientId: z.string().min(1),
      /** Scopes the explorer asks for. */
      scope: z.string().min(1).default('openid profile'),
      /** A resource indicator (RFC 8707) to ask for, when the issuer needs one to mint a token for the API. */
      resource: z.url().optional(),
    })
    .optional(),
});

export const AuthConfigSchema = z
  .strictObject({
    apiKeys: z.array(ApiKeySchema).default([]),
    oidc: OidcSchema.optional(),
    /** Graphs anyone may read without signing in (default none: every request needs a credential). */
    anonymous: z.strictObject({ graphs: z.array(GraphGrant).default([]), export: z.boolean().default(false) }).optional(),
  })
  .superRefine((config, ctx) => {
    if (config.apiKeys.length === 0 && !config.oidc) {
      ctx.addIssue({ code: 'custom', message: 'configure at least one API key (apiKeys) or an OpenID Connect issuer (oidc)', path: [] });
    }
    const seen = new Map<string, number>();
    config.apiKeys.forEach((key, i) => {
      const before = seen.get(key.sha256);
      if (before !== undefined)
        ctx.addIssue({ code: 'custom', message: `the same key hash as apiKeys[${before}]`, path: ['apiKeys', i, 'sha256'] });
      seen.set(key.sha256, i);
    });
  });

export type AuthConfig = z.infer<typeof AuthConfigSchema>;
export type ApiKeyConfig = AuthConfig['apiKeys'][number];
export type OidcConfig = NonNullable<AuthConfig['oidc']>;

export class AuthConfigError extends Error {
  override name = 'AuthConfigError';
}

/** Validates an auth configuration (already parsed from JSON), naming every problem by its path. */
export function parseAuthConfig(value: unknown, where = 'auth configuration'): AuthConfig {
  const result = AuthConfigSchema.safeParse(value);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.length > 0 ? i.path.join('.') : '(file)'}: ${i.message}`);
    throw new AuthConfigError(`Invalid ${where}:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Reads and validates the file STEPPE_AUTH_CONFIG names (relative paths from the current directory). */
export function loadAuthConfig(file: string): AuthConfig {
  const full = path.resolve(file);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    throw new AuthConfigError(
      `STEPPE_AUTH_CONFIG: cannot read ${full} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AuthConfigError(`STEPPE_AUTH_CONFIG: ${full} is not JSON: ${(error as Error).message}`);
  }
  return parseAuthConfig(value, `auth configuration ${full} (STEPPE_AUTH_CONFIG)`);
}
