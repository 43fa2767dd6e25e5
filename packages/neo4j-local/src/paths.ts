import path from 'node:path';

/** Everything is located from this file, so the package works from any working directory. */
export const packageDir = path.resolve(__dirname, '..');
export const repoRoot = path.resolve(packageDir, '..', '..');

export const javaDir = path.join(packageDir, 'java');
export const pomFile = path.join(javaDir, 'pom.xml');
export const launcherSource = path.join(javaDir, 'src', 'main', 'java', 'steppe', 'Neo4jLauncher.java');
export const targetDir = path.join(javaDir, 'target');
export const launcherJar = path.join(targetDir, 'neo4j-launcher.jar');
export const libDir = path.join(targetDir, 'lib');
/** AppCDS archive of the classes loaded during a start; see build.ts for why. */
export const classDataArchive = path.join(targetDir, 'neo4j-launcher.jsa');
export const buildStampFile = path.join(targetDir, 'steppe-build.json');
export const buildLockFile = path.join(targetDir, '.steppe-build.lock');

export const LAUNCHER_CLASS = 'steppe.Neo4jLauncher';

/**
 * The JVM expands `lib/*` itself. Keeping the wildcard (instead of listing 200 jars) keeps `ps`
 * readable, and the expansion order is stable for an unchanged directory, which the class-data
 * archive relies on.
 */
export function launcherClasspath(): string {
  return [launcherJar, path.join(libDir, '*')].join(path.delimiter);
}

/** `<repo>/.neo4j/data` unless NEO4J_DATA_DIR says otherwise; `.neo4j/` is git-ignored. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.NEO4J_DATA_DIR?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(repoRoot, '.neo4j', 'data');
}

/**
 * Next to the data dir, not inside it: the data dir belongs to Neo4j, and the pid file must be
 * findable before Neo4j has created anything. Named after the data dir so siblings do not clash.
 */
export function pidFileFor(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}.pid`);
}
