import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { EXPORT_FORMATS, FIGURE_BACKGROUNDS, FORMAT_INFO, isExportFormat, type Chunk, type ExportFormat } from '@steppe/exporters';
import { createDriver, createExportReader, isUnavailableError } from '@steppe/graph-store';
import { DEFAULT_DEV_PASSWORD, neo4jConnectionFromEnv } from '@steppe/neo4j-local';
import { exportTimeoutFromEnv } from '../env';
import { EXPORT_LIMITS, ExportError, parseExportArgs } from './args';
import { prepareExport } from './service';

interface Options {
  ids: string;
  depth: string;
  relationTypes?: string;
  limit?: string;
  format?: string;
  out?: string;
  graph: string;
  bom: boolean;
  includeText: boolean;
  cypherGraph?: string;
  permalink?: string;
  title?: string;
  scale?: string;
  background?: string;
}

function graphName(value: string): string {
  if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(value)) throw new InvalidArgumentError('use 1–63 lowercase letters, digits, "-" or "_"');
  return value;
}

/** `--format` wins; otherwise the extension of `--out` says it (.graphml, .gexf, .cyjs/.json, .zip, .cypher, .html, .pdf, .svg, .png). */
export function formatFor(format: string | undefined, out: string | undefined): ExportFormat {
  if (format) {
    if (!isExportFormat(format))
      throw new ExportError(400, 'BAD_USER_INPUT', `Unknown format "${format}": use one of ${EXPORT_FORMATS.join(', ')}.`);
    return format;
  }
  const ext = out ? path.extname(out).slice(1).toLowerCase() : '';
  const byExtension: Record<string, ExportFormat> = { json: 'json', csv: 'csv', cql: 'cypher' };
  for (const info of Object.values(FORMAT_INFO)) byExtension[info.extension] = info.format;
  const found = byExtension[ext];
  if (!found) throw new ExportError(400, 'BAD_USER_INPUT', `Say --format (${EXPORT_FORMATS.join(', ')}), or give --out a known extension.`);
  return found;
}

function toBytes(chunks: AsyncIterable<Chunk>) {
  return Readable.from(
    (async function* () {
      for await (const c of chunks)
        yield typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    })(),
  );
}

function size(bytes: number) {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

async function run(opts: Options) {
  const started = performance.now();
  // `npm run export` runs in the repository root; a relative --out means the caller's directory.
  const out = opts.out ? path.resolve(process.env.INIT_CWD ?? process.cwd(), opts.out) : undefined;
  const args = parseExportArgs({
    format: formatFor(opts.format, opts.out),
    ids: opts.ids,
    depth: opts.depth,
    relationTypes: opts.relationTypes,
    limit: opts.limit,
    bom: opts.bom ? 'true' : undefined,
    includeText: opts.includeText ? 'true' : undefined,
    cypherGraph: opts.cypherGraph,
    permalink: opts.permalink,
    title: opts.title,
    scale: opts.scale,
    background: opts.background,
  });
  const timeoutMs = exportTimeoutFromEnv();

  const conn = neo4jConnectionFromEnv() ?? {
    uri: `bolt://127.0.0.1:${process.env.NEO4J_PORT ?? 7687}`,
    user: 'neo4j',
    password: process.env.NEO4J_PASSWORD || DEFAULT_DEV_PASSWORD,
  };
  const driver = createDriver(conn);
  try {
    try {
      await driver.verifyConnectivity();
    } catch (error) {
      if (isUnavailableError(error)) {
        throw new Error(
          `Neo4j is not reachable at ${conn.uri}. Start the local one with \`npm run neo4j -- start\`, set NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD), or use \`npm start\`.`,
        );
      }
      throw error;
    }
    const reader = createExportReader({ driver, graph: opts.graph, timeoutMs });
    const prepared = await prepareExport(args, { reader, out: opts.out });
    const body = toBytes(prepared.body);
    if (!out) {
      await pipeline(body, process.stdout);
      return;
    }
    // Written beside the target and renamed at the end: a failed export leaves no half file.
    const partial = `${out}.partial`;
    try {
      await pipeline(body, createWriteStream(partial));
      await rename(partial, out);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    const { size: bytes } = await stat(out);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const truncated = prepared.meta.truncated ? ` (truncated: ${prepared.meta.omittedNodes} more entities held back by --limit)` : '';
    console.error(
      `Wrote ${prepared.info.format} export of ${prepared.nodeCount} entities${truncated} to ${out} (${size(bytes)}) in ${seconds} s.`,
    );
  } finally {
    await driver.close();
  }
}

export function exportProgram(): Command {
  return new Command('steppe-export')
    .description(
      'Export the subgraph around some entities from Neo4j (NEO4J_URI, else the local Neo4j on bolt://127.0.0.1:7687) ' +
        'as JSON (Cytoscape), GraphML, GEXF, CSV (zip), Cypher, an HTML report, a PDF, or the figure as SVG or PNG. The same arguments as GET /export.',
    )
    .requiredOption('--ids <ids>', 'start entity ids, comma-separated')
    .option('--depth <n>', `hops to follow from the start entities (0–${EXPORT_LIMITS.depth})`, '1')
    .option('--relation-types <types>', 'only follow and export these relation types, comma-separated')
    .option('--limit <n>', `most entities to export (default and maximum ${EXPORT_LIMITS.nodes})`)
    .addOption(new Option('--format <format>', 'output format (default: from the --out extension)').choices([...EXPORT_FORMATS]))
    .option('--out <file>', 'file to write (default: standard output)')
    .option('-g, --graph <name>', 'logical graph to read', graphName, process.env.STEPPE_GRAPH ?? 'steppe')
    .option('--bom', 'csv: start each file with a UTF-8 byte-order mark (for Excel)', false)
    .option(
      '--include-text',
      `json: write each cited document's full text into steppe.sources (the graph's documents: at most ${EXPORT_LIMITS.textChars.toLocaleString('en-US')} characters together)`,
      false,
    )
    .option('--cypher-graph <name>', 'cypher: the graph name the script loads into (default steppe-export)')
    .option('--permalink <url>', 'the explorer address to record as the permalink')
    .option('--title <title>', 'title of the export (default: from the start entities)')
    .option(
      '--scale <n>',
      `png: pixels per CSS pixel of the figure (${EXPORT_LIMITS.scale.min}–${EXPORT_LIMITS.scale.max}, default ${EXPORT_LIMITS.scale.default})`,
    )
    .addOption(
      new Option('--background <background>', 'svg, png: background of the figure (default white)').choices([...FIGURE_BACKGROUNDS]),
    )
    .action(run);
}

export function main(argv: string[]) {
  exportProgram()
    .parseAsync(argv)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
}
