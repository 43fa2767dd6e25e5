import type { Chunk, ExportGraph, ExportInput } from './types';

/** Iterates a sync or async iterable the same way. */
export async function* iterate<T>(items: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  yield* items as AsyncIterable<T>;
}

/**
 * Collects small writes into chunks of about `size` characters, so that a
 * stream of 50,000 nodes becomes a few hundred writes, not 50,000.
 */
export class TextBuffer {
  private parts: string[] = [];
  private length = 0;

  constructor(private readonly size = 64 * 1024) {}

  push(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  get full(): boolean {
    return this.length >= this.size;
  }

  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    return text;
  }
}

/** Thrown when the input breaks a rule every format relies on (unique ids, edges between exported nodes). */
export class ExportInputError extends Error {
  override name = 'ExportInputError';
}

/** Remembers node ids so that duplicates and dangling edges are caught before they make an invalid file. */
export class NodeRegistry {
  private readonly ids = new Set<string>();
  private readonly edgeIds = new Set<string>();

  addNode(id: string): void {
    if (this.ids.has(id)) throw new ExportInputError(`Entity "${id}" appears twice in the export.`);
    this.ids.add(id);
  }

  checkEdge(id: string, from: string, to: string): void {
    if (this.edgeIds.has(id)) throw new ExportInputError(`Relation "${id}" appears twice in the export.`);
    this.edgeIds.add(id);
    for (const end of [from, to]) {
      if (!this.ids.has(end)) throw new ExportInputError(`Relation "${id}" ends at "${end}", which is not among the exported entities.`);
    }
  }

  get nodeCount(): number {
    return this.ids.size;
  }

  get edgeCount(): number {
    return this.edgeIds.size;
  }
}

/** Joins a writer's output into one string (text formats) — for tests and small exports. */
export async function collectText(chunks: AsyncIterable<Chunk>): Promise<string> {
  const decoder = new TextDecoder();
  let out = '';
  for await (const c of chunks) out += typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  return out + decoder.decode();
}

/** Joins a writer's output into one byte array (any format). */
export async function collectBytes(chunks: AsyncIterable<Chunk>): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const c of chunks) {
    const bytes = typeof c === 'string' ? encoder.encode(c) : c;
    parts.push(bytes);
    length += bytes.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Reads a streamed input into memory (for the report, which needs everything at once). */
export async function materialise(input: ExportInput): Promise<ExportGraph> {
  const nodes = [];
  for await (const n of iterate(input.nodes)) nodes.push(n);
  const edges = [];
  for await (const e of iterate(input.edges)) edges.push(e);
  return { meta: input.meta, nodes, edges, sources: [...input.sources] };
}
