import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** This module's directory; falls back to the working directory outside CommonJS. */
function here(): string {
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

/** Walks up from `start` to the first directory whose package.json satisfies `accept`. */
function findPackageDir(start: string, accept: (pkg: Record<string, unknown>) => boolean): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        if (accept(pkg)) return dir;
      } catch {
        // An unreadable package.json is not the one we are looking for; keep walking.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The graph-seed package directory (the one whose package.json is @steppe/graph-seed). */
function graphSeedDir(): string {
  return findPackageDir(here(), (pkg) => pkg.name === '@steppe/graph-seed') ?? path.resolve(here(), '../..');
}

/** graph-seed/data: sources.yaml, entities/*.yaml and relations/*.yaml. */
export function defaultDataDir(): string {
  return path.join(graphSeedDir(), 'data');
}

/**
 * The source documents of a dataset: `<dataDir>/documents/<source id>.txt`. They are
 * part of the dataset, so a clone of the repository has everything the validator,
 * the seeder and the tests need; nothing is read from beside the repository.
 */
export function documentsDirOf(dataDir: string): string {
  return path.join(dataDir, 'documents');
}
