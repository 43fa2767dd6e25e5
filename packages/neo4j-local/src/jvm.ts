import { Neo4jLocalError } from './errors';
import { LAUNCHER_CLASS } from './paths';

export const DEFAULT_HEAP = '512m';
export const DEFAULT_PAGE_CACHE = '256m';

/**
 * `full` is the JVM's normal tiered JIT, for long-running servers and benchmarks. `quick` stops at
 * C1: it halves the CPU a start costs (measured ~12 s -> ~6.5 s of CPU on 2 cores) at the price of
 * peak query speed, which a minute-long test run never reaches anyway.
 */
export type JitMode = 'full' | 'quick';

export interface JvmCommandOptions {
  classpath: string;
  port: number;
  dataDir: string;
  auth: boolean;
  heap?: string;
  pageCache?: string;
  txTimeout?: string;
  jit?: JitMode;
  /** AppCDS archive to map at startup; ignored by the JVM when stale. */
  classDataArchive?: string;
  /** Write an AppCDS archive of every class loaded by the time the JVM exits (used at build time). */
  dumpClassDataArchive?: string;
  extraJvmOptions?: readonly string[];
}

const SIZE = /^\d+[kmgKMG]?$/;

export function assertMemorySize(value: string, what: string): void {
  if (!SIZE.test(value)) {
    throw new Neo4jLocalError(`invalid ${what} '${value}': expected a number with an optional k/m/g suffix, e.g. 512m or 2g`);
  }
}

/** Arguments for `java`, i.e. everything after the executable name. */
export function launcherCommandArgs(options: JvmCommandOptions): string[] {
  const heap = options.heap ?? DEFAULT_HEAP;
  const pageCache = options.pageCache ?? DEFAULT_PAGE_CACHE;
  assertMemorySize(heap, 'heap size');
  assertMemorySize(pageCache, 'page cache size');

  const args = [
    // The options Neo4j 5's own launcher passes: its page cache and Netty reach into JDK internals.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-XX:+UseG1GC',
    `-Xmx${heap}`,
    // A DBMS that has run out of heap is wedged, not degraded; dying lets the wrapper notice.
    '-XX:+ExitOnOutOfMemoryError',
    // Stale or foreign archives are harmless but the JVM would say so on stdout, our protocol channel.
    '-Xlog:cds=off,cds+dynamic=off',
  ];
  if (options.jit === 'quick') args.push('-XX:TieredStopAtLevel=1');
  if (options.classDataArchive) args.push(`-XX:SharedArchiveFile=${options.classDataArchive}`);
  if (options.dumpClassDataArchive) args.push(`-XX:ArchiveClassesAtExit=${options.dumpClassDataArchive}`);
  args.push(...(options.extraJvmOptions ?? []));

  args.push('-cp', options.classpath, LAUNCHER_CLASS);
  args.push('--port', String(options.port), '--data-dir', options.dataDir, '--page-cache', pageCache);
  if (options.txTimeout) args.push('--tx-timeout', options.txTimeout);
  if (!options.auth) args.push('--no-auth');
  return args;
}

/**
 * The JVM's environment. NEO4J_* variables from our own environment are dropped because the
 * launcher falls back to them (NEO4J_AUTH=none from a docker-style .env would silently turn auth
 * off); the password travels here rather than in argv so it never shows up in `ps`.
 */
export function launcherEnv(base: NodeJS.ProcessEnv, password: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (!key.startsWith('NEO4J_')) env[key] = value;
  }
  if (password !== undefined) env.NEO4J_PASSWORD = password;
  return env;
}

/** NEO4J_JVM_OPTS is whitespace-separated like JAVA_OPTS; quoting is not supported. */
export function splitJvmOptions(raw: string | undefined): string[] {
  return raw?.trim() ? raw.trim().split(/\s+/) : [];
}
