/** Assertion description tags the template writes and the classifier reads (one place). */
export const MARK = {
  /** `KLP_EQ <observable index> <label>`: FAILURE = an observable differs outside the claims. */
  eq: 'KLP_EQ',
  /** `KLP_REACH <claim index>`: FAILURE = witness that the claim's difference occurs. */
  reach: 'KLP_REACH',
  /** `KLP_THEN <claim index>`: FAILURE = the claim's THEN does not hold. */
  then: 'KLP_THEN',
} as const

/**
 * `KLP_ENTRY`: `__CPROVER_assert(0, …)` right after the entry assumptions (--assume, spec `assume:`,
 * `Klp-Assume:`, buffer bounds, held locks), before a mode's claim assumptions. FAILURE = the entry
 * state is reachable (a witness); SUCCESS = the assumptions allow no input, so every other property
 * would hold vacuously.
 */
export const ENTRY_MARK = 'KLP_ENTRY'
export const ENTRY_DESCRIPTION = `${ENTRY_MARK} the entry assumptions can be satisfied`

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
