/**
 * The naming contract between the harness the emitter writes and the classifier that reads cbmc's
 * answer: assertion markers, the prefixes of each version's symbols, the harness variables a trace
 * is read from, and the limits of the world (hints print them from here, never as prose copies).
 */

/** Assertion description tags the template writes and the classifier reads. */
export const MARK = {
  /** `KLP_EQ <observable index> <label>`: FAILURE = an observable differs outside the claims. */
  eq: 'KLP_EQ',
  /** `KLP_REACH <claim index>`: FAILURE = witness that the claim's difference occurs. */
  reach: 'KLP_REACH',
  /** `KLP_THEN <claim index>`: FAILURE = the claim's THEN does not hold. */
  then: 'KLP_THEN',
} as const

export type MarkTag = (typeof MARK)[keyof typeof MARK]

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

/** Prefix of the prototype-less call that stands for inline asm klp-verify cannot model (extract/asm-models.ts). */
export const UNMODELLED_ASM = '__klp_unmodelled_asm_in_'

/** Parse `KLP_EQ 3 memory *o` → { tag: 'KLP_EQ', index: 3 }. */
export function parseMarker(description: string): { tag: MarkTag; index: number } | undefined {
  const m = /^(KLP_EQ|KLP_REACH|KLP_THEN) (\d+)/.exec(description)
  if (!m) return undefined
  return { tag: m[1] as MarkTag, index: Number(m[2]) }
}

/** Calls of one external function a run may make (fewer when its call sites allow fewer: model/world.ts). */
export const MAX_CALLS = 6
/** External calls a run may make in all (fewer when the call sites allow fewer). */
export const MAX_SEQ = 16
/** Locks a run may hold at once. */
export const MAX_LOCKS = 6
/** Bytes of a copy_to_user-like call compared as part of the call (and of an out-parameter write). */
export const MAX_BLOB = 64
/**
 * Bytes an external call's snapshot keeps behind a pointer to pointers (`char **endp`): its first
 * pointer, named by object. Each pointer named costs the proof a read and a comparison per call; all
 * eight of a 64-byte blob, per call in a loop, made a real kernel function (lib/cmdline.c
 * get_options calling simple_strtol) exhaust CBMC's object numbering and 24 GiB.
 */
export const SNAP_POINTER_BYTES = 8
/**
 * Bytes of an object behind a pointer whose pointee has no size the harness can name (`void *`, an
 * incomplete struct): entry state (globals, pointer fields, a `void **` parameter's pointee) and
 * the world's pointer answers. The same as MAX_BLOB, what the world compares per blob: enough for
 * the small headers such pointers usually carry; a version reading beyond it reads out of bounds,
 * which the safety runs report.
 */
export const OPAQUE_BYTES = MAX_BLOB
/** klp_abs ids of objects the world hands out start here (ids below are input objects). */
export const DYN_BASE = 1000

/** `KLP_LIMIT <what>`: FAILURE = a path needs more than the harness's world allows (inconclusive). */
export const LIMIT_MARK = 'KLP_LIMIT'
export const LIMIT = {
  calls: `${LIMIT_MARK} external calls`,
  locks: `${LIMIT_MARK} locks held at once`,
  outParam: `${LIMIT_MARK} out-parameter size`,
} as const

/** The limits in words, for hints (model/world.ts sizes the world below them to the function's call sites). */
export const LIMITS_TEXT = `calls sized to each external function's call sites, at most ${MAX_CALLS} per function and ${MAX_SEQ} in all; ${MAX_BLOB} bytes per out-parameter`

/** A calls difference the call log's words do not show: in bytes behind a pointer argument, or copied out. */
export const CALL_BYTES_DIFFER = 'calls (bytes passed or copied out differ)'

/** Harness variables a counterexample trace is read from. */
export const VAR = {
  /** The two return values. */
  retOld: 'klp_ret_old',
  retNew: 'klp_ret_new',
  /** `klp_same_<i>`: observable i is equal in both runs. */
  same: (index: number) => `klp_same_${index}`,
  /** An array compared in a loop: `klp_eq_<k>` (equal so far), `klp_di_<k>` (first differing index). */
  arrayEq: (k: number) => `klp_eq_${k}`,
  arrayIndex: (k: number) => `klp_di_${k}`,
  arrayOld: (k: number) => `klp_o_${k}`,
  arrayNew: (k: number) => `klp_n_${k}`,
  /** The call log: count, callee id, arguments and answers per version. */
  nseq: 'klp_nseq',
  seqFn: 'klp_seq_fn',
  seqArg: 'klp_seq_arg',
  seqRet: 'klp_seq_ret',
  /** A pointer parameter's copy handed to the new version. */
  newParam: (p: string) => `${PREFIX.new}${p}`,
} as const

/** The `klp_eq_<k>` flag that goes with an array's `klp_di_<k>` index variable. */
export function arrayEqOf(indexVar: string): string {
  return indexVar.replace(/^klp_di_/, 'klp_eq_')
}

/** The world of external function `f`: how often each version called it, and what each call answered. */
export const WORLD = {
  calls: (f: string) => `klp_${f}_n`,
  answers: (f: string) => `klp_${f}_ret`,
} as const

/** `@f(k)` in a claim becomes this identifier before gcc -E, which leaves it alone. */
export const WORLD_REF_PREFIX = '__klp_world_'
