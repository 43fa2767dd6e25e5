import { MAX_QUOTE_LENGTH } from './claims';

/**
 * Size limits of the dataset, defined once: the seeder refuses a record or a
 * file past them with the file, the line and the limit (graph-seed), and the
 * README's "Limits" table lists them. Lengths are in characters as a reader
 * counts them (Unicode code points).
 */
export const TEXT_LIMITS = {
  /** Entity, relation and source ids, and references to them. */
  id: 100,
  /** One-line text: names, aliases, roles, titles, outlets, authors, countries, types. */
  line: 300,
  /** An entity's description. */
  description: 2_000,
  /** A relation's detail. */
  detail: 1_000,
  /** A source's URL. */
  url: 2_048,
  /** A verbatim quote (MAX_QUOTE_LENGTH). */
  quote: MAX_QUOTE_LENGTH,
} as const;

/** Bytes of one file the seeder reads: a YAML data file, a source document (.txt). Larger files are refused before they are read. */
export const FILE_LIMITS = {
  dataFileBytes: 8 * 1024 * 1024,
  documentBytes: 8 * 1024 * 1024,
} as const;

/**
 * The analyst's notes printed in an export's report (characters): the API refuses longer ones (apps/api
 * EXPORT_LIMITS.notesLength) and the export dialog stops there.
 */
export const MAX_NOTES_LENGTH = 4_000;

/** Lines printed per kind of repeated issue; the rest are counted ("… and 290,000 more like this"). */
export const REPEATED_ISSUE_LINES = 20;
