/**
 * Record schemas for the data files. Every enumeration (entity kinds, relation
 * types, stances) and every limit comes from @steppe/domain; nothing here
 * repeats the vocabulary by hand. Objects are strict so that a misspelt key is
 * an error rather than silently ignored.
 */
import { z } from 'zod';
import { ENTITY_KINDS, MAX_QUOTE_LENGTH, RELATION_TYPE_NAMES, TEXT_LIMITS, STANCES, isPartialDate, type EntityKind } from '@steppe/domain';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** A pragmatic BCP 47 shape: primary language subtag, then optional subtags ("en", "ru", "kk-Cyrl", "pt-BR"). */
const BCP47 = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const DATE_SHAPE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Why `value` is not a partial date, or undefined when it is one. */
export function dateProblem(value: string): string | undefined {
  if (isPartialDate(value)) return undefined;
  if (DATE_SHAPE.test(value)) {
    return `impossible date "${value}": that month or day does not exist; use a real calendar date (YYYY, YYYY-MM or YYYY-MM-DD)`;
  }
  return `malformed date "${value}": write YYYY, YYYY-MM or YYYY-MM-DD, e.g. '2022-01-05' (quoted)`;
}

/** Number of characters as a reader counts them (code points, not UTF-16 units). */
export function quoteLength(quote: string): number {
  return Array.from(quote).length;
}

/** A length past its limit (TEXT_LIMITS, from @steppe/domain), reported with both numbers. */
function checkLength(value: string, max: number, ctx: z.RefinementCtx) {
  // Code points are counted only when the UTF-16 length could be over the limit.
  if (value.length <= max) return;
  const length = quoteLength(value);
  if (length > max)
    ctx.addIssue({
      code: 'custom',
      message: `text is ${length.toLocaleString('en-US')} characters, longer than the ${max.toLocaleString('en-US')} allowed here: shorten it`,
    });
}

const text = (max: number = TEXT_LIMITS.line) =>
  z.string().superRefine((value, ctx) => {
    if (value.trim() === '') ctx.addIssue({ code: 'custom', message: 'empty text: write a value or remove the field' });
    else checkLength(value, max, ctx);
  });

const oneLine = (max: number = TEXT_LIMITS.line) =>
  text(max).superRefine((value, ctx) => {
    if (/[\r\n]/.test(value)) ctx.addIssue({ code: 'custom', message: 'must be a single line: shorten it to one sentence' });
  });

const slug = () =>
  z
    .string()
    .max(TEXT_LIMITS.id, { error: `id is longer than the ${TEXT_LIMITS.id} characters allowed: shorten it` })
    .regex(SLUG, {
      error: (iss) =>
        `invalid id "${String(iss.input).slice(0, 80)}": ids are lowercase slugs of a-z, 0-9 and single hyphens, e.g. "kassym-jomart-tokayev"`,
    });

/** A reference to another record's id; whether it exists is checked across files. */
const ref = () => text(TEXT_LIMITS.id);

/** A partial date. An unquoted year (`2019`) parses as a number in YAML and is accepted as such. */
const partialDate = () =>
  z.preprocess(
    (value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
    z.string().superRefine((value, ctx) => {
      const problem = dateProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );

const quote = () =>
  z.string().superRefine((value, ctx) => {
    if (value.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        message: 'empty quote: copy the exact passage of the source document that supports the relation',
      });
      return;
    }
    const length = quoteLength(value);
    if (length > MAX_QUOTE_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        message: `quote is ${length} characters, longer than the ${MAX_QUOTE_LENGTH} allowed: cut it down to the words that support the relation (keep it verbatim)`,
      });
    }
  });

export const stanceSchema = z.enum(STANCES);
export const entityKindSchema = z.enum(ENTITY_KINDS);
export const relationTypeSchema = z.enum(RELATION_TYPE_NAMES);

export const sourceSchema = z.strictObject({
  id: z
    .string()
    .max(TEXT_LIMITS.id, { error: `id is longer than the ${TEXT_LIMITS.id} characters allowed: shorten it` })
    .regex(SOURCE_ID, {
      error: (iss) =>
        `invalid source id "${String(iss.input).slice(0, 80)}": use the document's file name without ".txt", e.g. "003_12bead12c958d291"`,
    }),
  title: oneLine(),
  outlet: oneLine().optional(),
  author: oneLine().optional(),
  publishedAt: partialDate().optional(),
  languages: z
    .array(
      z.string().regex(BCP47, {
        error: (iss) => `invalid language tag "${String(iss.input)}": use a BCP 47 tag such as "en", "ru" or "kk"`,
      }),
    )
    .min(1),
  url: z
    .url({ error: (iss) => `invalid URL "${String(iss.input).slice(0, 200)}": give a full http(s) address or remove the field` })
    .max(TEXT_LIMITS.url, { error: `URL is longer than the ${TEXT_LIMITS.url} characters allowed` })
    .optional(),
});

const entityBase = <K extends EntityKind>(kind: K) => ({
  id: slug(),
  kind: z.literal(kind),
  name: oneLine(),
  aliases: z.array(oneLine()),
  description: oneLine(TEXT_LIMITS.description),
});

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/** One strict schema per entity kind; the Record type makes a new kind in the domain a compile error here. */
export const entitySchemas = {
  Person: z.strictObject({ ...entityBase('Person'), roles: z.array(oneLine()).min(1) }),
  Organisation: z.strictObject({
    ...entityBase('Organisation'),
    orgType: oneLine().optional(),
    country: oneLine().optional(),
  }),
  Place: z.strictObject({
    ...entityBase('Place'),
    placeType: oneLine().optional(),
    country: oneLine().optional(),
    lat: latitude.optional(),
    lon: longitude.optional(),
  }),
  Event: z.strictObject({
    ...entityBase('Event'),
    startDate: partialDate().optional(),
    endDate: partialDate().optional(),
    placeId: ref().optional(),
  }),
} satisfies Record<EntityKind, z.ZodType>;

/** Fields every entity has, used to check a record whose kind is unknown. */
export const entityCommonSchema = z.looseObject({
  id: slug(),
  name: oneLine(),
  aliases: z.array(oneLine()),
  description: oneLine(TEXT_LIMITS.description),
});

export const evidenceSchema = z.strictObject({
  source: ref(),
  quote: quote(),
  stance: stanceSchema.optional(),
  /** Which occurrence of the quote in its document (1-based): required when the quote occurs more than once. */
  occurrence: z.int().min(1).optional(),
});

export const relationSchema = z.strictObject({
  id: slug(),
  type: relationTypeSchema,
  from: ref(),
  to: ref(),
  date: partialDate().optional(),
  startDate: partialDate().optional(),
  endDate: partialDate().optional(),
  stance: stanceSchema,
  confidence: z.number().min(0).max(1),
  detail: oneLine(TEXT_LIMITS.detail).optional(),
  evidence: z.array(evidenceSchema).min(1),
});

export type SourceRecord = z.output<typeof sourceSchema>;
export type EntityRecord = { [K in EntityKind]: z.output<(typeof entitySchemas)[K]> }[EntityKind];
export type RelationRecord = z.output<typeof relationSchema>;

/** The keys a strict schema accepts, for "unknown field" messages. */
export function knownKeys(schema: z.ZodObject): string[] {
  return Object.keys(schema.shape);
}
