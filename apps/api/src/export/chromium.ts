import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { chromiumLaunchOptions, chromiumPath, CHROMIUM_FLAGS } from '@steppe/chromium';
import { CancelledError, WorkQueue } from '../http/work-queue';

/**
 * The system Chromium (@steppe/chromium: its path and flags, shared with the browser
 * tests), shared by the PDF printer and the PNG rasteriser. Each job launches a fresh
 * headless Chromium with networking and background services off, and the page may
 * fetch nothing but data: URLs.
 */
export { chromiumPath, CHROMIUM_FLAGS };

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

/** At most this many Chromiums run at once (PDF and PNG together) by default; RENDER_CONCURRENCY sets it. */
export const MAX_CONCURRENT_CHROMIUMS = 2;
/**
 * Chromium renders of the whole process (each is a browser, so the bound is
 * process-wide): RENDER_CONCURRENCY at once, RENDER_QUEUE waiting, any more
 * refused with a QueueFullError (503 + Retry-After). main.ts configures it.
 */
export const renderQueue = new WorkQueue('PDF and PNG renders', {
  concurrency: MAX_CONCURRENT_CHROMIUMS,
  queueSize: 4,
  retryAfterSeconds: 10,
});

export interface ChromiumJob {
  format: 'pdf' | 'png';
  /** Give up after this long (ms). */
  timeoutMs: number;
  /** Page options: viewport, device scale factor. */
  context?: BrowserContextOptions;
  /** Fires when the client has gone away: a waiting job leaves the queue, a running one closes its browser. */
  signal?: AbortSignal;
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
  return renderQueue.run(async () => {
    if (job.signal?.aborted) throw new CancelledError(`The ${name} render`);
    let browser: Browser;
    try {
      browser = await chromium.launch({ ...chromiumLaunchOptions(), timeout });
    } catch (error) {
      throw new ChromiumUnavailableError(
        `Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}`,
        job.format,
      );
    }
    // A client that goes away stops the render: closing the browser fails whatever `work` awaits.
    const stop = () => void browser.close().catch(() => {});
    job.signal?.addEventListener('abort', stop, { once: true });
    if (job.signal?.aborted) stop();
    try {
      const context = await browser.newContext(job.context ?? {});
      const page = await context.newPage();
      page.setDefaultTimeout(timeout);
      // The content is self-contained; nothing it links to is fetched.
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      const result = await work(page);
      if (job.signal?.aborted) throw new CancelledError(`The ${name} render`);
      return result;
    } catch (error) {
      throw job.signal?.aborted ? new CancelledError(`The ${name} render`) : error;
    } finally {
      job.signal?.removeEventListener('abort', stop);
      await browser.close();
    }
  }, job.signal);
}
