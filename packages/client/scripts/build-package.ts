/**
 * Writes the publishable package: `npm run build:package` → dist/ (compiled JavaScript, declarations,
 * README and a package.json of its own), then `npm publish packages/client/dist`.
 *
 * The workspace itself points at src/ (TypeScript read by the explorer's bundler, tsx and jest), so the
 * published manifest is derived here from the workspace's, with the entry points moved to the output.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const WORKSPACE = path.resolve(__dirname, '..');

const WORKSPACE_MANIFEST = JSON.parse(readFileSync(path.join(WORKSPACE, 'package.json'), 'utf8')) as Record<string, unknown>;

/**
 * Subpaths the package exports, by their source module (without extension): read from the workspace's
 * own `exports` (`"./x": { "default": "./src/x.ts" }`), so a new entry point is published without a second list.
 */
export const ENTRY_POINTS: Record<string, string> = Object.fromEntries(
  Object.entries(WORKSPACE_MANIFEST.exports as Record<string, string | { default: string }>).flatMap(([subpath, target]) => {
    const file = typeof target === 'string' ? target : target.default;
    const module = /^\.\/src\/(.+)\.ts$/.exec(file)?.[1];
    return module ? [[subpath, module]] : [];
  }),
);

/** The manifest fields that carry over unchanged from the workspace's package.json. */
const CARRIED = ['name', 'version', 'description', 'license', 'keywords', 'engines', 'sideEffects'] as const;

export function publishedManifest(workspace: Record<string, unknown>): Record<string, unknown> {
  const manifest: Record<string, unknown> = {};
  for (const key of CARRIED) if (workspace[key] !== undefined) manifest[key] = workspace[key];
  manifest.main = './index.js';
  manifest.types = './index.d.ts';
  manifest.exports = {
    ...Object.fromEntries(
      Object.entries(ENTRY_POINTS).map(([subpath, module]) => [subpath, { types: `./${module}.d.ts`, default: `./${module}.js` }]),
    ),
    './package.json': './package.json',
  };
  // No runtime dependencies: the client needs only fetch (Node 20+ and browsers have it).
  return manifest;
}

export function buildPackage(outDir = path.join(WORKSPACE, 'dist')): string {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(WORKSPACE, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'inherit' });
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(publishedManifest(WORKSPACE_MANIFEST), null, 2)}\n`);
  copyFileSync(path.join(WORKSPACE, 'README.md'), path.join(outDir, 'README.md'));
  return outDir;
}

if (require.main === module) {
  const out = buildPackage(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`wrote ${path.relative(process.cwd(), out) || out}: npm publish ${out}`);
}
