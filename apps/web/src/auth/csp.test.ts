import { contentSecurityPolicy } from '../security-headers';

/** Sign-in talks to the issuer from the page: the explorer's CSP admits exactly that origin, and only when it is configured. */
describe("the explorer's connect-src and the OpenID issuer", () => {
  const env = { STEPPE_API_URL: 'https://api.example.org/graphql' };

  it('admits the issuer named by STEPPE_OIDC_ISSUER (its origin only)', () => {
    const csp = contentSecurityPolicy({
      nonce: 'n',
      env: { ...env, STEPPE_OIDC_ISSUER: 'https://id.example.org/realms/steppe' },
      dev: false,
    });
    expect(csp).toContain("connect-src 'self' https://api.example.org https://id.example.org;");
  });

  it('admits no other origin without it, and ignores a value that is not a URL', () => {
    expect(contentSecurityPolicy({ nonce: 'n', env, dev: false })).toContain("connect-src 'self' https://api.example.org;");
    expect(contentSecurityPolicy({ nonce: 'n', env: { ...env, STEPPE_OIDC_ISSUER: 'not a url' }, dev: false })).toContain(
      "connect-src 'self' https://api.example.org;",
    );
  });
});
