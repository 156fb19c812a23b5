/** The report of one proof (what every reporter renders). Plain, JSON-serialisable data. */
import type { ObservableKind } from '../model/types.js'
import type { ExitCode, InconclusiveReason, RunStatus, VerdictStatus } from '../model/outcomes.js'
import type { HazardKind, HazardSeverity, LivePatchReason } from '../object/index.js'

/** The verdict vocabulary lives in the model (`model/outcomes.ts`); reports use it. */
export type { InconclusiveReason, VerdictStatus }

export const SCHEMA_VERSION = 1 as const

export interface NamedValue {
  readonly name: string
  readonly value: string
}

export interface ValuePair {
  /** What differs, e.g. `return`, `m->len`, `buf[3]`. */
  readonly what: string
  readonly old: string
  readonly new: string
}

export interface Difference {
  readonly classification: 'intended' | 'unintended'
  /** e.g. `return`, `memory *m`, `global nr_errors`, `safety: array bounds in old`, `claim reject-long`. */
  readonly observable: string
  readonly kind: ObservableKind | 'claim'
  /** The claim that allows it (intended) or whose THEN failed. */
  readonly claim?: string
  /** Counterexample inputs. */
  readonly inputs: readonly NamedValue[]
  /** Old vs new values of what differs. */
  readonly values: readonly ValuePair[]
  /** Source location (file:line) where relevant, e.g. of a safety violation. */
  readonly location?: string
  readonly detail?: string
  /** Which proof run found it (e.g. `equiv`, `claim-0`, `safety-new`). */
  readonly run: string
  /**
   * Did a gcc-built run of the same harness with the counterexample's values show it too?
   * `n/a`: native replay cannot show this kind of difference (or was off); `confirmation` says why.
   */
  readonly confirmed?: boolean | 'n/a'
  readonly confirmation?: string
}

export interface ClaimReport {
  readonly id: string
  readonly when: string
  readonly then?: string
  readonly differs: readonly ObservableKind[]
  /** null: the run that would show it did not finish. */
  readonly observed: boolean | null
  readonly witness?: { readonly inputs: readonly NamedValue[]; readonly values: readonly ValuePair[] }
}

export interface SafetyFinding {
  /** e.g. `array bounds`, `pointer dereference`, `arithmetic overflow`. */
  readonly kind: string
  /** Function in the user's source (without klp prefixes). */
  readonly function: string
  readonly description: string
  readonly location?: string
  readonly inputs: readonly NamedValue[]
}

export interface BoundInfo {
  readonly what: string
  readonly value: string
  /** true when the user did not choose it. */
  readonly isDefault: boolean
}

export interface RunInfo {
  readonly run: string
  readonly unwind: number
  /** The buffer bound the run had, when the proof stepped through several (see `ProofReport.sizes`). */
  readonly maxSize?: number
  readonly status: RunStatus
  readonly durationMs: number
  readonly command: string
}

export interface UnwindingInfo {
  readonly mode: 'auto' | 'fixed'
  /** The largest bound that was used. */
  readonly bound: number
  readonly complete: boolean
  /** Loops whose unwinding assertion failed at the largest bound. */
  readonly openLoops: readonly string[]
  /** `unbounded`: the verdict holds for every iteration count (absent: bounded). */
  readonly kind?: 'bounded' | 'unbounded'
  /** How each loop, recursion or function was proved without a bound (e.g. `identical`, `shared-callee`). */
  readonly techniques?: readonly UnboundedTechnique[]
}

/** One part of a proof that holds without a bound, and how. */
export interface UnboundedTechnique {
  /** e.g. `sum_bits()` or a loop. */
  readonly what: string
  readonly technique: string
  /** What the proof assumed there (e.g. partial equivalence: both versions terminate). */
  readonly assumes?: string
}

/** One buffer bound a proof was run at, and how it ended there. */
export interface SizeStep {
  readonly maxSize: number
  /** The verdict at this bound (an open one is `inconclusive` with its reason). */
  readonly verdict: VerdictStatus
  readonly reason?: InconclusiveReason
  /** Wall time of this bound's runs. */
  readonly durationMs: number
}

/**
 * The buffer bounds a proof stepped through (small first, up to `--max-size`) so that it answers
 * within its budget. Present only when it stepped: the proof has buffers and asked for more than the first step.
 */
export interface SizeSteps {
  /** The `--max-size` asked for. */
  readonly requested: number
  /** The largest bound the proof finished at (the verdict's bound); absent when none finished. */
  readonly reached?: number
  /** `--min-size`: a verdict reached at this bound or above counts as the verdict (exit code included). */
  readonly minimum?: number
  /** true when the verdict is the one at `reached` < `requested`, accepted by `minimum` or not. */
  readonly reduced: boolean
  /** The bound the steps stopped at without finishing, and why (timeout, out-of-memory, unwinding-bound, …). */
  readonly stopped?: {
    readonly maxSize: number
    readonly reason: InconclusiveReason
    readonly afterMs: number
    /** A bound not started: what was left of the proof's budget, and the run time at the bound below that no run of it can beat. */
    readonly leftMs?: number
    readonly needMs?: number
  }
  readonly steps: readonly SizeStep[]
  /** Smaller bounds no input fits (the entry assumptions need longer buffers): skipped, nothing proved there. */
  readonly noInput?: readonly number[]
}

/** One function the live patch must replace (object-level analysis), with its proof's verdict. */
export interface LivePatchFunctionReport {
  /** The ELF symbol as the compiler emitted it, e.g. `scale.constprop.0`. */
  readonly symbol: string
  /** The source function it belongs to. */
  readonly function: string
  readonly reason: LivePatchReason
  /** The changed functions inlined into it. */
  readonly via?: readonly string[]
  /** Its proof's verdict; `not-proved` when this run did not prove it (`note` says why). */
  readonly verdict: VerdictStatus | 'not-proved'
  /** A codegen-only function proved equivalent: its object changed, its behaviour did not. */
  readonly benign?: boolean
  /** Why it was not proved, or the evidence for its verdict. */
  readonly note?: string
}

/** What makes the live patch unsafe to apply. */
export interface LivePatchHazardReport {
  readonly kind: HazardKind
  readonly symbol: string
  readonly severity: HazardSeverity
  /** One line: what goes wrong at patch time and what to do. */
  readonly detail: string
  /** The spec's `accept-hazards:` names it: listed, but no exit code. */
  readonly accepted?: boolean
}

/**
 * The object-level analysis (issue #11): both versions compiled for real and compared symbol by
 * symbol; which functions the live patch must replace, why, and what makes it unsafe.
 */
export interface LivePatchReport {
  /** The compiler flags both objects were built with (plus -g -ffunction-sections -fdata-sections). */
  readonly cflags: readonly string[]
  readonly functions: readonly LivePatchFunctionReport[]
  readonly hazards: readonly LivePatchHazardReport[]
  /** The object step could not run (gcc missing, a compile error): nothing is listed; the proof stands. */
  readonly error?: string
  /** Wall time of the object step (compile, read, compare). */
  readonly durationMs: number
}

export interface ProofReport {
  readonly schemaVersion: typeof SCHEMA_VERSION
  readonly tool: { readonly name: 'klp-verify'; readonly version: string }
  readonly cbmc: { readonly version: string; readonly solver: string }
  readonly function: string
  readonly old: string
  readonly new: string
  readonly options: Readonly<Record<string, unknown>>
  readonly verdict: VerdictStatus
  readonly reason?: InconclusiveReason
  readonly exitCode: ExitCode
  /** One line for humans, e.g. "only intended differences, every claim observed". */
  readonly summary: string
  readonly differences: readonly Difference[]
  readonly claims: readonly ClaimReport[]
  readonly preExisting: readonly SafetyFinding[]
  readonly unwinding: UnwindingInfo
  /** The buffer bounds stepped through, when the proof stepped (see `SizeSteps`). */
  readonly sizes?: SizeSteps
  readonly bounds: readonly BoundInfo[]
  readonly typeChanges: readonly { readonly type: string; readonly detail: string }[]
  readonly constChanges: readonly string[]
  readonly hints: readonly string[]
  readonly errors: readonly string[]
  readonly runs: readonly RunInfo[]
  readonly timings: {
    readonly totalMs: number
    readonly toolMs: number
    readonly ownMs: number
    /** CPU time of every process the proof ran (cbmc with its solvers, gcc), when the system says (Linux /proc). */
    readonly toolCpuMs?: number
    /** CPU time of klp-verify itself during the proof. */
    readonly ownCpuMs?: number
  }
  /** The verdict came from the result cache: an identical proof (same harnesses, cbmc, options) ran before. */
  readonly cached?: boolean
  /** What the live patch must contain and whether it is safe (absent with `--object off`). */
  readonly livepatch?: LivePatchReport
}

export interface Reporter {
  readonly format: 'text' | 'json' | 'junit' | 'markdown'
  render(r: ProofReport): string
}
