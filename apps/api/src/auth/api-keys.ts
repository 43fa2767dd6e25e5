import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeyConfig } from './config';
import type { Principal } from './principal';

/**
 * API keys: random secrets of 256 bits, stored in the configuration only as
 * their SHA-256. A slow password hash (scrypt) buys nothing for secrets this
 * long (they cannot be guessed from a dictionary), and a fast one keeps every
 * request cheap. Keys start with `stp_` so a key sent as a bearer token is
 * told apart from a JWT, and so secret scanners can spot a leaked one.
 */
export const API_KEY_PREFIX = 'stp_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new key and the hash that goes into the configuration. */
export function newApiKey(): { key: string; sha256: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, sha256: hashApiKey(key) };
}

export function isApiKeyShaped(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** Finds the configured key a presented key hashes to (compared in constant time), as a principal. */
export function createApiKeyCheck(keys: readonly ApiKeyConfig[]): (presented: string) => Principal | undefined {
  const stored = keys.map((k) => ({ config: k, hash: Buffer.from(k.sha256, 'hex') }));
  return (presented) => {
    const hash = Buffer.from(hashApiKey(presented), 'hex');
    let found: ApiKeyConfig | undefined;
    // Every stored hash is compared, so the time taken says nothing about which one matched.
    for (const s of stored) if (timingSafeEqual(s.hash, hash)) found = s.config;
    return found ? { kind: 'api-key', name: found.name, graphs: new Set(found.graphs), export: found.export } : undefined;
  };
}
