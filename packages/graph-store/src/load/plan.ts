import { createHash } from 'node:crypto';
import type { Session } from 'neo4j-driver';
import type { Entity, Relation, Source } from '@steppe/domain';
import { HUB_DEGREE } from '../hubs';

/**
 * The load's inputs and outputs, and what it decides before writing anything:
 * whether the active generation already holds this data (the content hash).
 */
export interface GraphData {
  sources: Source[];
  entities: Entity[];
  relations: Relation[];
}

export type LoadPhase = 'schema' | 'wait' | 'cleanup' | 'sources' | 'entities' | 'relations' | 'hubs' | 'switch' | 'retire';

export interface LoadProgress {
  phase: LoadPhase;
  done: number;
  total: number;
  /** 'wait': the load that holds the graph's lease. */
  holder?: string;
}

export interface LoadOptions {
  /** Logical graph name; the API reads the same name. */
  graph: string;
  database?: string;
  /** Rows per transaction. */
  batchSize?: number;
  /** Load even when the active generation already holds identical data. */
  force?: boolean;
  /** Relationships from which an entity gets the hub index (hubs.ts); default HUB_DEGREE. Tests set it low. */
  hubDegree?: number;
  /** How long to wait for another load of the same graph (ms; default LEASE_WAIT_MS or STEPPE_LOAD_WAIT_MS). */
  leaseWaitMs?: number;
  /** Lease lifetime without renewal (ms; default LEASE_TTL_MS or STEPPE_LOAD_LEASE_MS). */
  leaseTtlMs?: number;
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadResult {
  graph: string;
  generation: string;
  skipped: boolean;
  counts: { sources: number; entities: number; relations: number };
  retiredGenerations: string[];
}

export type Progress = (progress: LoadProgress) => void;

/**
 * What the loader stores besides the data itself (the hub index, hubs.ts; quote anchors and passages, documents.ts). It is part of
 * the content hash, so that a graph loaded by an earlier version is loaded again once, not
 * skipped as unchanged.
 */
export const STORAGE_FORMAT = `steppe-storage/3 (hub index from ${HUB_DEGREE} relationships; document texts, quote anchors, passages)`;

/**
 * A stable hash of the data, so that re-seeding unchanged data is a no-op: the SHA-256 of
 * STORAGE_FORMAT followed by JSON.stringify([sources, entities, relations]).
 */
export function contentHash(data: GraphData): string {
  return new ContentHasher(data).digest();
}

/**
 * {@link contentHash} fed record by record: no string of the whole graph (hundreds of MB at a
 * million relations), and the loader can hash while the server writes a batch.
 */
export class ContentHasher {
  private readonly hash = createHash('sha256').update(STORAGE_FORMAT).update('[[');
  private readonly lists: readonly (readonly unknown[])[];
  private list = 0;
  private index = 0;
  private result: string | undefined;

  constructor(data: GraphData) {
    this.lists = [data.sources, data.entities, data.relations];
  }

  /** Hashes up to `records` more records. */
  step(records: number): void {
    if (this.result !== undefined) return;
    let chunk = '';
    let left = records;
    while (left > 0 && this.list < this.lists.length) {
      const current = this.lists[this.list]!;
      if (this.index < current.length) {
        chunk += (this.index === 0 ? '' : ',') + JSON.stringify(current[this.index++]);
        left--;
        if (chunk.length > 1 << 16) {
          this.hash.update(chunk);
          chunk = '';
        }
      } else {
        chunk += this.list < this.lists.length - 1 ? '],[' : ']';
        this.list++;
        this.index = 0;
      }
    }
    this.hash.update(chunk);
  }

  digest(): string {
    if (this.result === undefined) {
      this.step(Infinity);
      this.result = this.hash.update(']').digest('hex');
    }
    return this.result;
  }
}

/** The active generation of a graph and the content hash it was loaded with. */
export const CURRENT_GENERATION_CYPHER = 'MATCH (sg:SteppeGraph {name: $graph}) RETURN sg.active AS active, sg.contentHash AS hash';

export async function currentGeneration(
  session: Session,
  graph: string,
): Promise<{ active: string | null; hash: string | null } | undefined> {
  return session.executeRead(async (tx) => {
    const res = await tx.run(CURRENT_GENERATION_CYPHER, { graph });
    const rec = res.records[0];
    return rec ? { active: rec.get('active') as string | null, hash: rec.get('hash') as string | null } : undefined;
  });
}

/**
 * Records per slice of the seeder's own work during a relation load (building the next batch,
 * hashing). The driver sends a query and its commit only when the event loop runs, so work
 * done in one piece right after starting a write delays that write instead of overlapping it;
 * slices of this size let the driver in every few milliseconds. In a noisy 200k-relation
 * experiment three of four alternated pairs were faster this way (same Neo4j CPU, BENCHMARKS.md).
 */
export const SLICE = 1_000;

export const yieldToDriver = () => new Promise<void>((resolve) => setImmediate(resolve));

export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
