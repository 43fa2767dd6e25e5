import { limitExceeded, userError } from './errors';

/** Opaque cursors: an offset, base64url-encoded so clients don't build them. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o:(\d{1,9})$/.exec(decoded);
  if (!match) throw userError(`Invalid cursor "${cursor.slice(0, 40)}": pass an endCursor returned by this API.`);
  return Number(match[1]) + 1;
}

export function pageSize(argument: string, value: number | null | undefined, fallback: number, max: number): number {
  const n = value ?? fallback;
  // 0 is allowed: a page of nothing with its `totalCount` (a cheap count).
  if (!Number.isInteger(n) || n < 0) throw userError(`\`${argument}\` must be a whole number from 0 to ${max}.`);
  if (n > max) throw limitExceeded(argument, max, n);
  return n;
}

export function connection<T>(items: T[], offset: number, totalCount: number) {
  const edges = items.map((node, i) => ({ node, cursor: encodeCursor(offset + i) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: offset + items.length < totalCount,
      endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null,
    },
  };
}
