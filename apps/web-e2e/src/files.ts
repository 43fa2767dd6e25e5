import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './paths';

/**
 * Reading what the explorer downloads, with readers that are not the
 * explorer's: the PNG header by hand (it is eight bytes and a chunk),
 * its pixels by the browser's own decoder, PDFs by pdf-parse (pdf.js).
 */

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must come first. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: the signature is missing');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface PngPixels {
  width: number;
  height: number;
  /** RGBA of the top-left pixel. */
  corner: number[];
  /** The lowest alpha of any pixel (255: fully opaque everywhere). */
  minAlpha: number;
  /** Pixels that are not the corner's colour (something is drawn). */
  drawn: number;
}

/** Decodes a PNG in the page (Chromium's decoder) and reads its pixels. */
export function pngPixels(page: Page, bytes: Buffer): Promise<PngPixels> {
  return page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }), {
      premultiplyAlpha: 'none',
      colorSpaceConversion: 'none',
    });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const corner = [px[0]!, px[1]!, px[2]!, px[3]!];
    let minAlpha = 255;
    let drawn = 0;
    for (let i = 0; i < px.length; i += 4) {
      minAlpha = Math.min(minAlpha, px[i + 3]!);
      if (px[i] !== corner[0] || px[i + 1] !== corner[1] || px[i + 2] !== corner[2] || px[i + 3] !== corner[3]) drawn++;
    }
    return { width: bitmap.width, height: bitmap.height, corner, minAlpha, drawn };
  }, bytes.toString('base64'));
}

/**
 * Text of a PDF, read by pdf-parse (pdf.js). pdf.js loads its worker with a
 * dynamic import, which jest's module system refuses, so it runs in a plain
 * Node process.
 */
export async function pdfText(file: string): Promise<{ pages: number; text: string }> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const parser = new PDFParse({ data: require('fs').readFileSync(process.argv[1]) });
    parser.getText().then(async (r) => { process.stdout.write(JSON.stringify({ pages: r.total, text: r.text })); await parser.destroy(); });`;
  const out = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ['-e', script, file], { cwd: __dirname, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(stderr || error.message)) : resolve(stdout),
    ),
  );
  return JSON.parse(out) as { pages: number; text: string };
}

/** Where a finished download is, kept under artifacts/downloads/ for a look afterwards. */
export async function keepDownload(download: Download): Promise<string> {
  const failure = await download.failure();
  if (failure) throw new Error(`download ${download.suggestedFilename()} failed: ${failure}`);
  const dir = path.join(ARTIFACTS_DIR, 'downloads');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, download.suggestedFilename());
  copyFileSync((await download.path())!, file);
  return file;
}

/** Whitespace (line breaks, hyphenation breaks in a PDF's text) folded to single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
