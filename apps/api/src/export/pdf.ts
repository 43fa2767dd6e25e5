import { withChromiumPage } from './chromium';

/**
 * Printing the report to PDF with the system Chromium (see ./chromium): loads
 * the report (self-contained: no request leaves the page) and prints it on A4.
 */
export { CHROMIUM_FLAGS, chromiumPath, ChromiumUnavailableError } from './chromium';

export interface PdfOptions {
  /** Give up on a print after this long (ms). */
  timeoutMs?: number;
  /** The client went away: stop (see ./chromium). */
  signal?: AbortSignal;
}

export async function printPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  return withChromiumPage({ format: 'pdf', timeoutMs: options.timeoutMs ?? 60_000, signal: options.signal }, async (page) => {
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
  });
}
