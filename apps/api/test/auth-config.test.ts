import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashApiKey, loadAuthConfig, newApiKey, parseAuthConfig } from '../src/auth';

/** STEPPE_AUTH_CONFIG: validated at start-up, every problem named by its path in the file. */
describe('the auth configuration', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'steppe-auth-'));
  const file = (name: string, text: string) => {
    const full = path.join(dir, name);
    writeFileSync(full, text);
    return full;
  };

  it('accepts keys and an issuer, filling the defaults', () => {
    const { sha256 } = newApiKey();
    const config = parseAuthConfig({
      apiKeys: [{ name: 'ci', sha256: sha256.toUpperCase(), graphs: ['steppe'] }],
      oidc: { issuer: 'https://id.example.org/', audience: 'steppe-api' },
    });
    expect(config.apiKeys[0]).toEqual({ name: 'ci', sha256, graphs: ['steppe'], export: false });
    expect(config.oidc).toMatchObject({ graphsClaim: 'steppe_graphs', exportScope: 'steppe:export', clockToleranceSeconds: 30 });
  });

  it('names every problem by its path', () => {
    expect(() =>
      parseAuthConfig({
        apiKeys: [{ name: 'ci', sha256: 'abc', graphs: ['Bad Name'], exprot: true }],
        oidc: { issuer: 'not a url' },
      }),
    ).toThrow(
      /apiKeys\.0\.sha256: the SHA-256 of the key as 64 hex digits[\s\S]*apiKeys\.0\.graphs\.0: a graph name[\s\S]*apiKeys\.0: Unrecognized key: "exprot"[\s\S]*oidc\.issuer: the issuer's URL[\s\S]*oidc\.audience: what `aud` must hold/,
    );
  });

  it('refuses a file that grants nothing, and two entries with the same key', () => {
    expect(() => parseAuthConfig({})).toThrow(/configure at least one API key \(apiKeys\) or an OpenID Connect issuer \(oidc\)/);
    const { sha256 } = newApiKey();
    expect(() =>
      parseAuthConfig({
        apiKeys: [
          { name: 'a', sha256, graphs: ['x'] },
          { name: 'b', sha256, graphs: ['y'] },
        ],
      }),
    ).toThrow(/apiKeys\.1\.sha256: the same key hash as apiKeys\[0\]/);
  });

  it('reads the file STEPPE_AUTH_CONFIG names, and says clearly when it cannot', () => {
    const { sha256 } = newApiKey();
    expect(
      loadAuthConfig(file('ok.json', JSON.stringify({ apiKeys: [{ name: 'a', sha256, graphs: ['*'], export: true }] }))).apiKeys,
    ).toHaveLength(1);
    expect(() => loadAuthConfig(path.join(dir, 'missing.json'))).toThrow(/STEPPE_AUTH_CONFIG: cannot read .*missing\.json \(ENOENT\)/);
    expect(() => loadAuthConfig(file('bad.json', '{ apiKeys: '))).toThrow(/bad\.json is not JSON/);
  });

  it('stores keys as their SHA-256 only; new keys are 256 random bits with a recognisable prefix', () => {
    const a = newApiKey();
    const b = newApiKey();
    expect(a.key).toMatch(/^stp_[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.sha256).toBe(hashApiKey(a.key));
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
