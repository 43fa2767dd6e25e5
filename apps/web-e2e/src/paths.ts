import path from 'node:path';

/** apps/web-e2e */
export const E2E_DIR = path.resolve(__dirname, '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '../..');
/** Screenshots and service logs (git-ignored by the root .gitignore's `artifacts/`). */
export const ARTIFACTS_DIR = path.join(E2E_DIR, 'artifacts');
export const LOGS_DIR = path.join(ARTIFACTS_DIR, 'logs');
