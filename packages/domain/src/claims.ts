/**
 * How a source stands behind what it says. A relation has a stance; a single
 * piece of evidence may override it (one source claims, another denies).
 */
export const STANCES = ['ASSERTED', 'CLAIMED', 'REPORTED', 'DENIED'] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_INFO: Readonly<Record<Stance, { label: string; description: string }>> = {
  ASSERTED: { label: 'asserted', description: 'The source states it as fact in its own voice.' },
  CLAIMED: {
    label: 'claimed',
    description: 'The source presents it as someone’s claim or its own unverified allegation.',
  },
  REPORTED: { label: 'reported', description: 'The source relays reports without vouching for them.' },
  DENIED: { label: 'denied', description: 'The source disputes it or says there is no evidence for it.' },
};

export function isStance(value: unknown): value is Stance {
  return typeof value === 'string' && (STANCES as readonly string[]).includes(value);
}

/** Quotes stay short so that a citation is a citation, not a copy of the source. */
export const MAX_QUOTE_LENGTH = 300;

/**
 * A relation is contested when its evidence both supports and disputes it:
 * at least one source asserts, claims or reports it and at least one denies it.
 */
export function isContested(stances: readonly Stance[]): boolean {
  return stances.includes('DENIED') && stances.some((s) => s !== 'DENIED');
}

/**
 * What a relation's confidence (0–1) means: how well the evidence supports the
 * relation as stated. The dataset's curators follow these bands
 * (graph-seed/data/README.md); the explorer explains a value with them.
 */
export const CONFIDENCE_MEANING = 'how well the evidence supports the claim as stated, from 0% to 100%';

export const CONFIDENCE_BANDS: readonly { min: number; label: string }[] = [
  { min: 0.85, label: 'stated as fact by several sources' },
  { min: 0.45, label: 'a single report, or indirect wording' },
  { min: 0.15, label: 'a disputed claim' },
  { min: 0, label: 'reported only to be rejected' },
];

/** The band a confidence falls in, e.g. 0.95 → "stated as fact by several sources". */
export function confidenceBand(value: number): string {
  const v = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  return (CONFIDENCE_BANDS.find((b) => v >= b.min) ?? CONFIDENCE_BANDS[CONFIDENCE_BANDS.length - 1]!).label;
}

/** What "supports" and "disputes" mean for a piece of evidence. */
export const SUPPORTS_MEANING = 'the source asserts, claims or reports it';
export const DISPUTES_MEANING = 'the source denies it or says there is no evidence for it';
