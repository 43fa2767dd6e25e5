import { writeCsvZip, type CsvOptions } from './csv';
import { writeCypher, type CypherOptions } from './cypher';
import { writeCytoscapeJson, type JsonOptions } from './cytoscape-json';
import { writeFigureSvg, type FigureBackground } from './figure';
import { writeGexf } from './gexf';
import { writeGraphml } from './graphml';
import { writeReportHtml } from './report';
import type { Chunk, ExportInput } from './types';

export const EXPORT_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'cypher', 'html', 'pdf', 'svg', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats written here; `pdf` and `png` need a browser, which the API and the CLI provide. */
export type WriterFormat = Exclude<ExportFormat, 'pdf' | 'png'>;

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface FormatInfo {
  format: ExportFormat;
  description: string;
  extension: string;
  contentType: string;
  /** Whether output streams as the input arrives (the report needs everything first). */
  streams: boolean;
}

export const FORMAT_INFO: Readonly<Record<ExportFormat, FormatInfo>> = {
  json: {
    format: 'json',
    description: 'Cytoscape.js elements JSON (Cytoscape.js, Cytoscape desktop)',
    extension: 'cyjs',
    contentType: 'application/json; charset=utf-8',
    streams: true,
  },
  graphml: {
    format: 'graphml',
    description: 'GraphML (yEd, Gephi, NetworkX, igraph)',
    extension: 'graphml',
    contentType: 'application/graphml+xml; charset=utf-8',
    streams: true,
  },
  gexf: {
    format: 'gexf',
    description: 'GEXF 1.3 with time intervals (Gephi)',
    extension: 'gexf',
    contentType: 'application/gexf+xml; charset=utf-8',
    streams: true,
  },
  csv: {
    format: 'csv',
    description: 'nodes.csv, edges.csv, evidence.csv, sources.csv in a zip',
    extension: 'zip',
    contentType: 'application/zip',
    streams: true,
  },
  cypher: {
    format: 'cypher',
    description: 'Cypher script that re-creates the subgraph in Neo4j',
    extension: 'cypher',
    contentType: 'application/x-cypher-query; charset=utf-8',
    streams: true,
  },
  html: {
    format: 'html',
    description: 'Report: figure, entities, relations with quotes and citations, sources',
    extension: 'html',
    contentType: 'text/html; charset=utf-8',
    streams: false,
  },
  pdf: {
    format: 'pdf',
    description: 'The report printed on A4 by Chromium',
    extension: 'pdf',
    contentType: 'application/pdf',
    streams: false,
  },
  svg: {
    format: 'svg',
    description: 'The report’s figure on its own, as vector graphics',
    extension: 'svg',
    contentType: 'image/svg+xml; charset=utf-8',
    streams: false,
  },
  png: {
    format: 'png',
    description: 'The figure rasterised by Chromium at a chosen scale, white or transparent background',
    extension: 'png',
    contentType: 'image/png',
    streams: false,
  },
};

export interface WriteOptions {
  json?: JsonOptions;
  csv?: CsvOptions;
  cypher?: CypherOptions;
  svg?: { background?: FigureBackground };
}

/**
 * The writer for a format. `pdf` and `png` are not here: they need Chromium,
 * which the API and the CLI provide (they print the `html` output and
 * rasterise the `svg` output).
 */
export function writeExport(format: WriterFormat, input: ExportInput, options: WriteOptions = {}): AsyncGenerator<Chunk> {
  switch (format) {
    case 'json':
      return writeCytoscapeJson(input, options.json);
    case 'graphml':
      return writeGraphml(input);
    case 'gexf':
      return writeGexf(input);
    case 'csv':
      return writeCsvZip(input, options.csv);
    case 'cypher':
      return writeCypher(input, options.cypher);
    case 'html':
      return writeReportHtml(input);
    case 'svg':
      return writeFigureSvg(input, options.svg);
  }
}
