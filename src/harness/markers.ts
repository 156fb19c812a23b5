/** Assertion description tags the template writes and the classifier reads (one place). */
export const MARK = {
  /** `KLP_EQ <observable index> <label>`: FAILURE = an observable differs outside the claims. */
  eq: 'KLP_EQ',
  /** `KLP_REACH <claim index>`: FAILURE = witness that the claim's difference occurs. */
  reach: 'KLP_REACH',
  /** `KLP_THEN <claim index>`: FAILURE = the claim's THEN does not hold. */
  then: 'KLP_THEN',
} as const

/** Prefixes given to each version's renamed symbols. */
export const PREFIX = { old: 'klp_old_', new: 'klp_new_' } as const

/** The harness entry point. */
export const ENTRY = 'klp_harness'

/** Parse `KLP_EQ 3 memory *o` → { tag: 'KLP_EQ', index: 3 }. */
export function parseMarker(description: string): { tag: (typeof MARK)[keyof typeof MARK]; index: number } | undefined {
  const m = /^(KLP_EQ|KLP_REACH|KLP_THEN) (\d+)/.exec(description)
  if (!m) return undefined
  return { tag: m[1] as (typeof MARK)[keyof typeof MARK], index: Number(m[2]) }
}
