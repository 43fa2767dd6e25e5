export { seedGraph, validatedDataset, InvalidDatasetError, type SeedOptions } from './seed';
export { readDataset, formatIssues, defaultDataDir, documentsDirOf, type DatasetIssue } from './dataset';
export { prng, syntheticGraph } from './synthetic';
