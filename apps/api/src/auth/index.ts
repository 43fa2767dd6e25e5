export { createAccessPolicy, AccessError, GRAPH_HEADER, API_KEY_HEADER, type Access, type AccessPolicy } from './access';
export { hashApiKey, newApiKey, API_KEY_PREFIX } from './api-keys';
export { loadAuthConfig, parseAuthConfig, AuthConfigError, type AuthConfig } from './config';
export { accessOf, useAccess, AUTH_CONFIG_PATH, AUTH_ME_PATH } from './plugin';
export type { Principal } from './principal';
