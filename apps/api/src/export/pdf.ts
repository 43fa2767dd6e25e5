import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Printing the report to PDF with the system Chromium (playwright-core drives
 * it; nothing downloads a browser). Each print launches a fresh headless
 * Chromium with networking and background services off, loads the report
 * (self-contained: no request leaves the page) and prints it on A4.
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

export class ChromiumUnavailableError extends Error {
  override name = 'ChromiumUnavailableError';
}

/** At most this many Chromiums print at once; further requests wait their turn. */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export interface PdfOptions {
  /** Give up on a print after this long (ms). */
  timeoutMs?: number;
}

export async function printPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ChromiumUnavailableError(
      `PDF export needs Chromium at ${executablePath}, which is missing. Install it (apt-get install chromium) or set CHROMIUM_PATH; ` +
        'the other formats, the HTML report included, work without it.',
    );
  }
  const timeout = options.timeoutMs ?? 60_000;
  return slot(async () => {
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS], headless: true, timeout });
    } catch (error) {
      throw new ChromiumUnavailableError(`Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}`);
    }
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(timeout);
      // The report is self-contained; nothing it links to is fetched while printing.
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="font: 8px Helvetica, Arial, sans-serif; color: #666; width: 100%; text-align: center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      });
      return new Uint8Array(pdf);
    } finally {
      await browser.close();
    }
  });
}
