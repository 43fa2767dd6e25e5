import { open } from 'node:fs/promises';

/**
 * Reading a dataset file as text, strictly: a file larger than its limit is
 * refused before it is read (a 50 MB YAML file would cost gigabytes once
 * parsed), and bytes that are not UTF-8 are refused with their byte offset
 * and line, instead of being turned into U+FFFD and loaded silently.
 */
export type TextFileResult = { ok: true; text: string } | { ok: false; message: string; line?: number };

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes follow, and the smallest code point that needs them.
    const [need, min] =
      b >= 0xc2 && b <= 0xdf ? [1, 0x80] : b >= 0xe0 && b <= 0xef ? [2, 0x800] : b >= 0xf0 && b <= 0xf4 ? [3, 0x10000] : [0, 0];
    if (need === 0) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

export async function readTextFile(absPath: string, maxBytes: number, options: { keepBom?: boolean } = {}): Promise<TextFileResult> {
  const handle = await open(absPath, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      return {
        ok: false,
        message: `file is ${size.toLocaleString('en-US')} bytes, more than the ${maxBytes.toLocaleString('en-US')} allowed: split it into smaller files`,
      };
    }
    const bytes = await handle.readFile();
    try {
      // The fatal decoder refuses anything that is not UTF-8 (and drops a leading byte-order mark) …
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: options.keepBom ?? false }).decode(bytes) };
    } catch {
      // … but does not say where: find the first bad byte for the message.
      const bad = Math.max(0, firstInvalidUtf8(bytes));
      let line = 1;
      for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
      const hex = Array.from(bytes.subarray(bad, bad + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
      return { ok: false, line, message: `not valid UTF-8 at byte ${bad.toLocaleString('en-US')} (bytes ${hex}): save the file as UTF-8` };
    }
  } finally {
    await handle.close();
  }
}
