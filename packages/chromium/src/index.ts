/**
 * The system Chromium (Debian's `chromium` package), as every part of Steppe that
 * drives a browser starts it: the API's PDF and PNG exports, the browser tests and
 * the rendering benchmark. playwright-core drives it; nothing downloads a browser.
 * No dependency here, so the launch stays with each caller's own playwright-core.
 */

/** The one environment variable that moves the browser. */
export const CHROMIUM_PATH_ENV = 'CHROMIUM_PATH';
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** The Chromium executable: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium. Read at call time, so tests can move it. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env[CHROMIUM_PATH_ENV] || DEFAULT_CHROMIUM_PATH;
}

/**
 * Headless, in containers and on machines without a GPU (no sandbox: the
 * container is the sandbox; no GPU), with networking and background services off.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/** Options for playwright-core's `chromium.launch`: the system browser, headless, with {@link CHROMIUM_FLAGS} (and any extra flags). */
export function chromiumLaunchOptions(extraFlags: readonly string[] = []): { executablePath: string; headless: true; args: string[] } {
  return { executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS, ...extraFlags] };
}
