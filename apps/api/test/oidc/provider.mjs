// A real OpenID provider for the sign-in tests: oidc-provider (the certified
// Node implementation) on 127.0.0.1, started as its own process by
// test/oidc/start.ts. No mock: the API fetches this provider's discovery
// document and keys over HTTP and verifies the JWT access tokens it signs.
//
// Input (environment): OIDC_GRAPHS, JSON of client id or account id -> the
// graphs its tokens name in `steppe_graphs`; OIDC_REDIRECT_URIS, the
// explorer's redirect URIs (comma-separated); OIDC_PORT (0: any free port).
// Output: one line of JSON on stdout, {"issuer": "http://127.0.0.1:<port>"}.
//
// Clients:
//   robot          client credentials; scopes steppe:export
//   robot-short    client credentials whose tokens live 1 s (the expiry test)
//   steppe-explorer a public client (no secret): authorization code + PKCE,
//                   login and consent through oidc-provider's development interactions
// The API's audience is the resource indicator https://steppe.test/api (the
// default resource); asking for resource=https://other.test/api mints a token
// for another API (the wrong-audience test).
import { createServer } from 'node:http';
import { generateKeyPair, exportJWK } from 'jose';
import Provider from 'oidc-provider';

export const API_RESOURCE = 'https://steppe.test/api';
const RESOURCES = new Set([API_RESOURCE, 'https://other.test/api']);
const graphs = JSON.parse(process.env.OIDC_GRAPHS ?? '{}');
const redirectUris = (process.env.OIDC_REDIRECT_URIS ?? 'http://127.0.0.1:3000/').split(',').filter(Boolean);

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: `test-${Date.now().toString(36)}`, alg: 'RS256', use: 'sig' };

const server = createServer();
await new Promise((resolve) => server.listen(Number(process.env.OIDC_PORT ?? 0), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  jwks: { keys: [jwk] },
  clients: [
    { client_id: 'robot', client_secret: 'robot-secret', grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
    { client_id: 'robot-short', client_secret: 'robot-secret', grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
    {
      client_id: 'steppe-explorer',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: redirectUris,
    },
  ],
  // Only the authorization code flow with PKCE (S256), as the explorer runs it.
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'steppe:export'],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, name: sub, preferred_username: sub }) }),
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => API_RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (!RESOURCES.has(resource)) throw new Provider.errors.InvalidTarget();
        return {
          scope: 'steppe:export',
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 300,
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  ttl: {
    ClientCredentials: (_ctx, _token, client) => (client.clientId === 'robot-short' ? 1 : 300),
  },
  // The graphs claim, from the test's table: by account (a person) or by client (a robot).
  extraTokenClaims: (_ctx, token) => {
    const who = token.accountId ?? token.clientId;
    return who in graphs ? { steppe_graphs: graphs[who] } : undefined;
  },
});
// Plain HTTP on loopback is fine for a test issuer; oidc-provider only warns.
provider.on('server_error', (_ctx, error) => console.error(error));
server.on('request', provider.callback());

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
