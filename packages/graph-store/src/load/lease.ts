import { hostname } from 'node:os';
import neo4j, { type Driver } from 'neo4j-driver';

/*
 * One load per graph at a time. A load holds a lease on the graph's pointer node
 * (:SteppeGraph {name}, unique by constraint): its holder and an expiry on the
 * database's clock. It is taken in one transaction that first write-locks the node
 * (so two loads cannot both see it free), renewed while the load runs, and released at
 * the end. A holder that dies stops renewing and its lease expires; a holder on this
 * machine whose process is gone is recognised at once, so a re-run after a kill does
 * not wait for the expiry. The switch checks the lease in its own transaction (switch.ts).
 */

/** How long a lease lasts without renewal (ms); renewed every third of it. STEPPE_LOAD_LEASE_MS overrides. */
export const LEASE_TTL_MS = 30_000;
/** How long a second load waits for the first before giving up (ms). STEPPE_LOAD_WAIT_MS overrides. */
export const LEASE_WAIT_MS = 120_000;

/** Lock the node, then take the lease if it is free, expired or already ours. */
export const TAKE_LEASE_CYPHER = `MERGE (sg:SteppeGraph {name: $graph})
  SET sg._lock = true
  WITH sg, (sg.leaseHolder IS NULL OR sg.leaseHolder = $holder OR sg.leaseHolder = $stale OR sg.leaseExpires < timestamp()) AS free
  SET sg.leaseHolder = CASE WHEN free THEN $holder ELSE sg.leaseHolder END,
      sg.leaseExpires = CASE WHEN free THEN timestamp() + $ttl ELSE sg.leaseExpires END,
      sg.leaseSince = CASE WHEN free THEN timestamp() ELSE sg.leaseSince END
  REMOVE sg._lock
  RETURN free, sg.leaseHolder AS holder, sg.leaseSince AS since`;

export const RENEW_LEASE_CYPHER = `MATCH (sg:SteppeGraph {name: $graph}) WHERE sg.leaseHolder = $holder
  SET sg.leaseExpires = timestamp() + $ttl RETURN count(sg) AS renewed`;

export const RELEASE_LEASE_CYPHER = `MATCH (sg:SteppeGraph {name: $graph}) WHERE sg.leaseHolder = $holder
  REMOVE sg.leaseHolder, sg.leaseExpires, sg.leaseSince`;

export class LoadLeaseError extends Error {
  override name = 'LoadLeaseError';
}

export interface LeaseOptions {
  ttlMs?: number;
  waitMs?: number;
  /** Polling interval while waiting (ms). */
  pollMs?: number;
  onWait?: (holder: string) => void;
}

export interface Lease {
  holder: string;
  /** Throws when the lease was lost (renewal failed: another load took it after it expired). */
  check(): void;
  release(): Promise<void>;
}

function newHolder(): string {
  return `${hostname()}/${process.pid}/${Math.random().toString(36).slice(2, 8)}`;
}

/** A holder on this machine whose process no longer runs (killed): its lease can be taken at once. */
export function isDeadLocalHolder(holder: string | null | undefined): boolean {
  const [host, pid] = (holder ?? '').split('/');
  if (host !== hostname() || !pid || !/^\d+$/.test(pid)) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function envMs(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

export async function takeLease(driver: Driver, graph: string, database: string | undefined, options: LeaseOptions = {}): Promise<Lease> {
  const ttl = options.ttlMs ?? envMs('STEPPE_LOAD_LEASE_MS', LEASE_TTL_MS);
  const waitMs = options.waitMs ?? envMs('STEPPE_LOAD_WAIT_MS', LEASE_WAIT_MS);
  const pollMs = options.pollMs ?? 500;
  const holder = newHolder();
  const deadline = Date.now() + waitMs;
  let stale = '';
  let told = false;
  for (;;) {
    const { records } = await driver.executeQuery(TAKE_LEASE_CYPHER, { graph, holder, stale, ttl: neo4j.int(ttl) }, { database });
    const row = records[0]!;
    if (row.get('free') === true) break;
    const other = row.get('holder') as string;
    if (isDeadLocalHolder(other)) {
      // Its process is gone: take over at the next attempt without waiting for the expiry.
      stale = other;
      continue;
    }
    if (Date.now() >= deadline) {
      const since = Number(row.get('since'));
      throw new LoadLeaseError(
        `Another load of graph "${graph}" is running (${other}, since ${Number.isFinite(since) ? new Date(since).toISOString() : 'unknown'}): ` +
          `waited ${Math.round(waitMs / 1000)} s. Try again when it has finished (or set STEPPE_LOAD_WAIT_MS to wait longer).`,
      );
    }
    if (!told) {
      options.onWait?.(other);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  let lost: Error | undefined;
  const renew = setInterval(
    () => {
      driver
        .executeQuery(RENEW_LEASE_CYPHER, { graph, holder, ttl: neo4j.int(ttl) }, { database })
        .then(({ records }) => {
          if (Number(records[0]?.get('renewed') ?? 0) === 0)
            lost ??= new LoadLeaseError(`The load lost its lease on graph "${graph}" (another load took it over): stopped.`);
        })
        // A failed renewal (Neo4j briefly away) is retried at the next tick; the lease lasts three ticks.
        .catch(() => {});
    },
    Math.max(100, Math.floor(ttl / 3)),
  );
  renew.unref();

  return {
    holder,
    check() {
      if (lost) throw lost;
    },
    async release() {
      clearInterval(renew);
      await driver.executeQuery(RELEASE_LEASE_CYPHER, { graph, holder }, { database }).catch(() => {});
    },
  };
}
