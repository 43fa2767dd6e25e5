/**
 * The curated dataset: reading graph-seed/data, validating it against the
 * domain vocabulary and the source documents, and reporting every problem with
 * its file and line.
 */
export { readDataset } from './read';
export { defaultDataDir, documentsDirOf } from './paths';
export { formatIssues, summariseIssues } from './format';
export type { Dataset, DatasetIssue, IssueSeverity, ReadDatasetOptions, ReadDatasetResult } from './types';
