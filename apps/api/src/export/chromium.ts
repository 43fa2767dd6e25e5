import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * The system Chromium, shared by the PDF printer and the PNG rasteriser
 * (playwright-core drives it; nothing downloads a browser). Each job launches
 * a fresh headless Chromium with networking and background services off, and
 * the page may fetch nothing but data: URLs.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Chromium is missing or does not start; `format` says which export needed it (pdf, png). */
export class ChromiumUnavailableError extends Error {
  override name = 'ChromiumUnavailableError';
  constructor(
    message: string,
    readonly format: 'pdf' | 'png' = 'pdf',
  ) {
    super(message);
  }
}

/** At most this many Chromiums run at once (PDF and PNG together); further requests wait their turn. */
export const MAX_CONCURRENT_CHROMIUMS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_CHROMIUMS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export interface ChromiumJob {
  format: 'pdf' | 'png';
  /** Give up after this long (ms). */
  timeoutMs: number;
  /** Page options: viewport, device scale factor. */
  context?: BrowserContextOptions;
}

/**
 * Runs `work` on a fresh page of a fresh headless Chromium, within the
 * concurrency cap, and closes the browser whatever happens.
 */
export async function withChromiumPage<T>(job: ChromiumJob, work: (page: Page) => Promise<T>): Promise<T> {
  const executablePath = chromiumPath();
  const name = job.format.toUpperCase();
  if (!existsSync(executablePath)) {
    throw new ChromiumUnavailableError(
      `${name} export needs Chromium at ${executablePath}, which is missing. Install it (apt-get install chromium) or set CHROMIUM_PATH; ` +
        'the other formats, the HTML report and the SVG figure included, work without it.',
      job.format,
    );
  }
  const timeout = job.timeoutMs;
  return slot(async () => {
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS], headless: true, timeout });
    } catch (error) {
      throw new ChromiumUnavailableError(`Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}`, job.format);
    }
    try {
      const context = await browser.newContext(job.context ?? {});
      const page = await context.newPage();
      page.setDefaultTimeout(timeout);
      // The content is self-contained; nothing it links to is fetched.
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      return await work(page);
    } finally {
      await browser.close();
    }
  });
}
