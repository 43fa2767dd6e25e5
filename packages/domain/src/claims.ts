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
