import type { Entity, Relation, Source } from '@steppe/domain';

/** The curated dataset in domain form, ready for the loader. */
export interface Dataset {
  sources: Source[];
  entities: Entity[];
  relations: Relation[];
}

export type IssueSeverity = 'error' | 'warning';

/** One problem found in the data files. */
export interface DatasetIssue {
  /** File the problem is in, relative to the data directory (forward slashes). */
  file: string;
  /** 1-based line of the offending value, key or record, when it can be located. */
  line?: number;
  /** Path of the value inside the file, e.g. "[3].evidence[0].quote" ("" for the whole file). */
  path: string;
  /** What is wrong and what to do about it. */
  message: string;
  /** Errors make the dataset unusable; warnings are reported but do not block loading. */
  severity: IssueSeverity;
}

export interface ReadDatasetOptions {
  /** Directory holding sources.yaml, entities/ and relations/ (default: defaultDataDir()). */
  dataDir?: string;
  /** Directory holding the source documents as <source id>.txt (default: <dataDir>/documents). */
  documentsDir?: string;
}

export interface ReadDatasetResult {
  /** Present only when no issue has severity "error". */
  dataset?: Dataset;
  /** Every issue found, errors and warnings, sorted by file and line. */
  issues: DatasetIssue[];
}
