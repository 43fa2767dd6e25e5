import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { LauncherBuildError, ToolchainMissingError } from './errors';
import { launcherCommandArgs, launcherEnv } from './jvm';
import { spawnLauncher } from './launcher-process';
import {
  buildLockFile,
  buildStampFile,
  classDataArchive,
  javaDir,
  launcherClasspath,
  launcherJar,
  launcherSource,
  libDir,
  pomFile,
  targetDir,
} from './paths';
import { findFreePort } from './ports';
import { isProcessAlive, sleep } from './processes';

export interface LauncherBuild {
  /** Absolute path of the `java` that was found on PATH and that the archive was made for. */
  javaPath: string;
  classpath: string;
  /** Undefined when the archive could not be made; starts are then just slower. */
  classDataArchive: string | undefined;
  /** False when everything was already up to date. */
  built: boolean;
}

export interface BuildOptions {
  /** Rebuild even when the stamp says everything is current. */
  force?: boolean;
  onLog?: (line: string) => void;
  /** Where to look for `java` and `mvn` (PATH); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

interface BuildStamp {
  inputs: string;
  classDataArchive: boolean;
}

const BUILD_LOCK_TIMEOUT_MS = 15 * 60_000;
const TRAINING_TIMEOUT_MS = 180_000;

/**
 * Makes sure `java/target` holds the launcher jar, its dependency jars and (best effort) a class-data
 * archive, building them with Maven on first use. Cheap when nothing changed: a PATH lookup, two
 * file hashes and a stamp comparison, no process spawned.
 */
export async function ensureLauncherBuilt(options: BuildOptions = {}): Promise<LauncherBuild> {
  const env = options.env ?? process.env;
  const javaPath = findExecutable('java', env);
  if (!javaPath) {
    throw new ToolchainMissingError(findExecutable('mvn', env) ? ['java'] : ['java', 'mvn']);
  }
  const inputs = buildInputs(javaPath);
  const current = (): LauncherBuild | undefined => {
    const stamp = readStamp();
    if (options.force || !stamp || stamp.inputs !== inputs || !launcherFilesPresent()) return undefined;
    const archive = stamp.classDataArchive && fs.existsSync(classDataArchive) ? classDataArchive : undefined;
    return { javaPath, classpath: launcherClasspath(), classDataArchive: archive, built: false };
  };

  const upToDate = current();
  if (upToDate) return upToDate;

  const mvnPath = findExecutable('mvn', env);
  if (!mvnPath) throw new ToolchainMissingError(['mvn']);

  const release = await acquireBuildLock(options.onLog);
  try {
    // Another process may have finished the same build while we waited for the lock.
    const builtMeanwhile = options.force ? undefined : current();
    if (builtMeanwhile) return builtMeanwhile;

    await assertSupportedJava(javaPath, env);
    await runMaven(mvnPath, env, options.onLog);
    const archive = await trainClassDataArchive(javaPath, env, options.onLog);
    writeStamp({ inputs, classDataArchive: archive !== undefined });
    return { javaPath, classpath: launcherClasspath(), classDataArchive: archive, built: true };
  } finally {
    release();
  }
}

/** PATH lookup without spawning anything: `java -version` alone costs ~100 ms on every start. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * What the build output depends on. The JVM's identity is included because a class-data archive
 * only works with the exact JVM that wrote it.
 */
function buildInputs(javaPath: string): string {
  const hash = createHash('sha256');
  for (const file of [pomFile, launcherSource]) hash.update(fs.readFileSync(file));
  const realJava = fs.realpathSync(javaPath);
  hash.update(`${realJava}@${fs.statSync(realJava).mtimeMs}`);
  return hash.digest('hex');
}

function launcherFilesPresent(): boolean {
  try {
    return fs.statSync(launcherJar).isFile() && fs.readdirSync(libDir).some((name) => name.endsWith('.jar'));
  } catch {
    return false;
  }
}

function readStamp(): BuildStamp | undefined {
  try {
    return JSON.parse(fs.readFileSync(buildStampFile, 'utf8')) as BuildStamp;
  } catch {
    return undefined;
  }
}

function writeStamp(stamp: BuildStamp): void {
  fs.writeFileSync(buildStampFile, `${JSON.stringify(stamp, null, 2)}\n`);
}

/**
 * Test runs in several packages may start at once; two Maven runs writing the same target/lib
 * would leave a mix of jars. The lock file holds the builder's pid so a crashed build does not
 * block everyone forever.
 */
async function acquireBuildLock(onLog?: (line: string) => void): Promise<() => void> {
  fs.mkdirSync(targetDir, { recursive: true });
  const deadline = Date.now() + BUILD_LOCK_TIMEOUT_MS;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(buildLockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(buildLockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readOr(buildLockFile, ''), 10);
    if (!Number.isInteger(holder) || !isProcessAlive(holder)) {
      // Stale: its owner died mid-build. Whoever removes it first wins the next round.
      fs.rmSync(buildLockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new LauncherBuildError(`timed out waiting for the Neo4j launcher build of pid ${holder} (${buildLockFile})`);
    }
    if (!announced) {
      onLog?.(`steppe-neo4j: waiting for pid ${holder}, which is building the Neo4j launcher`);
      announced = true;
    }
    await sleep(500);
  }
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

/** Checked once per build: an old JDK would otherwise surface as an UnsupportedClassVersionError deep in a start. */
async function assertSupportedJava(javaPath: string, env: NodeJS.ProcessEnv): Promise<void> {
  const { output } = await run(javaPath, ['-version'], { cwd: javaDir, env });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output.join('\n'));
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : undefined;
  if (major !== undefined && major < 17) {
    throw new LauncherBuildError(
      `Neo4j 5.26 needs Java 17 or 21, but \`java\` on PATH (${javaPath}) is Java ${major}. ` +
        'Install JDK 17, or set NEO4J_URI to a Neo4j of your own.',
    );
  }
}

async function runMaven(mvnPath: string, env: NodeJS.ProcessEnv, onLog?: (line: string) => void): Promise<void> {
  // copy-dependencies only adds files: after a version bump the old jars would stay on the classpath.
  fs.rmSync(libDir, { recursive: true, force: true });
  fs.rmSync(classDataArchive, { force: true });
  fs.rmSync(buildStampFile, { force: true });
  onLog?.('steppe-neo4j: building the Neo4j launcher with Maven (first run downloads ~125 MB of jars)');
  const args = ['-q', '-B', '-f', pomFile, 'compile', 'jar:jar', 'dependency:copy-dependencies'];
  const { code, output } = await run(mvnPath, args, { cwd: javaDir, env }, onLog);
  if (code !== 0) {
    throw new LauncherBuildError(
      `Maven failed to build the Neo4j launcher (exit code ${code}): mvn ${args.join(' ')}\n` +
        output
          .slice(-40)
          .map((line) => `  ${line}`)
          .join('\n'),
    );
  }
}

/**
 * Starts Neo4j once with -XX:ArchiveClassesAtExit so that later starts can map the ~13,600 classes a
 * start loads from one archive instead of reading and verifying them from 200 jars: measured
 * ~25% off every start's wall time and ~30% off its CPU. Best effort: failures only cost speed.
 */
async function trainClassDataArchive(
  javaPath: string,
  env: NodeJS.ProcessEnv,
  onLog?: (line: string) => void,
): Promise<string | undefined> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'steppe-neo4j-cds-'));
  const pending = `${classDataArchive}.${process.pid}.tmp`;
  const password = 'steppe-training';
  try {
    onLog?.('steppe-neo4j: starting Neo4j once to record a class-data archive for faster starts');
    const dataDir = path.join(scratch, 'data');
    fs.mkdirSync(dataDir);
    const port = await findFreePort();
    const launcher = spawnLauncher(
      javaPath,
      launcherCommandArgs({
        classpath: launcherClasspath(),
        port,
        dataDir,
        auth: true,
        jit: 'quick',
        dumpClassDataArchive: pending,
      }),
      { env: launcherEnv(env, password), cwd: scratch },
    );
    const timer = setTimeout(() => void launcher.stop(1000), TRAINING_TIMEOUT_MS);
    try {
      const uri = await launcher.ready;
      // One read and one write over Bolt so the request path is in the archive too.
      const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
      try {
        await driver.executeQuery('MERGE (n:SteppeWarmup {id: $id}) RETURN n.id AS id', { id: 1 });
        await driver.executeQuery('MATCH (n:SteppeWarmup) RETURN count(n) AS count', {}, { routing: 'READ' });
      } finally {
        await driver.close();
      }
      // Closing stdin is the launcher's normal way out; the archive is written as the JVM exits.
      launcher.child.stdin?.end();
      const exit = await launcher.exited;
      if (exit.code !== 0 || !fs.existsSync(pending)) {
        throw new Error(`training run ended with ${exit.signal ?? `exit code ${exit.code}`} and no archive`);
      }
    } finally {
      clearTimeout(timer);
      await launcher.stop(10_000);
    }
    fs.renameSync(pending, classDataArchive);
    return classDataArchive;
  } catch (error) {
    onLog?.(`steppe-neo4j: no class-data archive (${(error as Error).message}); starts will be slower but work`);
    return undefined;
  } finally {
    fs.rmSync(pending, { force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  onLog?: (line: string) => void,
): Promise<{ code: number | null; output: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const flushers = [child.stdout, child.stderr].map((stream) => {
      let partial = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString('utf8')).split(/\r?\n/);
        partial = lines.pop() ?? '';
        for (const line of lines) {
          output.push(line);
          onLog?.(line);
        }
      });
      return () => {
        if (partial) output.push(partial);
      };
    });
    child.once('error', reject);
    child.once('close', (code) => {
      for (const flush of flushers) flush();
      resolve({ code, output });
    });
  });
}
