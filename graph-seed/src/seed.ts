import type { Driver } from 'neo4j-driver';
import { loadGraph, type GraphData, type LoadProgress, type LoadResult } from '@steppe/graph-store';
import { readDataset, formatIssues, type DatasetIssue } from './dataset';

export class InvalidDatasetError extends Error {
  constructor(readonly issues: DatasetIssue[]) {
    super(`The dataset has ${issues.filter((i) => i.severity === 'error').length} error(s):\n${formatIssues(issues)}`);
  }
}

export interface SeedOptions {
  driver: Driver;
  graph?: string;
  database?: string;
  dataDir?: string;
  /** Folder of the source documents (default: <dataDir>/documents). */
  documentsDir?: string;
  batchSize?: number;
  force?: boolean;
  onProgress?: (p: LoadProgress) => void;
}

/** Reads and validates the curated dataset; throws InvalidDatasetError listing every problem. */
export async function validatedDataset(
  options: { dataDir?: string; documentsDir?: string } = {},
): Promise<{ data: GraphData; warnings: DatasetIssue[] }> {
  const { dataset, issues } = await readDataset(options);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !dataset) throw new InvalidDatasetError(issues);
  return { data: dataset, warnings: issues.filter((i) => i.severity === 'warning') };
}

/** Validates the curated dataset, then loads it as the new generation of `graph`. */
export async function seedGraph(options: SeedOptions): Promise<LoadResult> {
  const { data } = await validatedDataset(options);
  return loadGraph(options.driver, data, {
    graph: options.graph ?? 'steppe',
    database: options.database,
    batchSize: options.batchSize,
    force: options.force,
    onProgress: options.onProgress,
  });
}
