/** Boundary types of the classify stage. */
import type { HarnessDescriptor, HarnessMode } from '../model/types.js'
import type { NamedValue, ValuePair } from '../report/types.js'
import type { TraceStep } from '../cbmc/types.js'
import type { JobStatus } from '../model/outcomes.js'

export type { JobStatus } from '../model/outcomes.js'

export interface OpenLoop {
  /** e.g. `klp_new_msg_fill.0` */
  readonly loop: string
  /** e.g. `new.c:12` */
  readonly location?: string
  readonly recursion: boolean
  /** The bound the loop (or recursion) had in the run. */
  readonly bound?: number
  /** The bound that would close it: the one read from its header, else the next 2^k + 1 (cbmc/loops.ts). */
  readonly need?: number
}

export interface Found {
  readonly inputs: readonly NamedValue[]
  readonly values: readonly ValuePair[]
  /** The counterexample, kept for the native replay (not reported). */
  readonly trace?: readonly TraceStep[]
  readonly confirmed?: boolean | 'n/a'
  readonly confirmation?: string
}

export interface EqFailure extends Found {
  readonly observable: number
  readonly label: string
  readonly kind: string
}

export interface SafetyViolation {
  readonly key: string
  /** human kind: `array bounds`, `arithmetic overflow`, … */
  readonly kind: string
  readonly version: 'old' | 'new'
  /** function in the user's source */
  readonly function: string
  readonly description: string
  readonly location?: string
  readonly inputs: readonly NamedValue[]
  readonly trace?: readonly TraceStep[]
  readonly confirmed?: boolean | 'n/a'
  readonly confirmation?: string
}

/** What one cbmc run of one harness showed, judged from its properties. */
export interface JobResult {
  readonly run: string
  readonly mode: HarnessMode
  readonly unwind: number
  readonly status: JobStatus
  readonly openLoops: readonly OpenLoop[]
  readonly noBody: readonly string[]
  readonly eqFailures: readonly EqFailure[]
  /** Witness that the claim's difference occurs (claim runs), with the observables that differ. */
  readonly reach?: Found & { readonly observables: readonly string[] }
  readonly reachProven: boolean
  readonly thenFailure?: Found
  readonly safety: readonly SafetyViolation[]
  readonly errors: readonly string[]
  /** What to do about the errors, when the run knows better than the generic advice. */
  readonly hints?: readonly string[]
  /** No input satisfies the entry assumptions (the run is an error): nothing was proved. */
  readonly vacuous?: boolean
  /** Ids of the failed properties that are findings (not unwinding or missing bodies). */
  readonly findingIds: readonly string[]
  readonly durationMs: number
  readonly command: string
}

export interface JobInput {
  readonly run: string
  /** What the harness planted (the classifier never needs its C). */
  readonly harness: HarnessDescriptor
  readonly unwind: number
  /** The property ids a run was restricted to (`--property`, the traces re-run): each must have a status. */
  readonly properties?: readonly string[]
  /** The property ids cbmc instruments for this harness (`--show-properties`): an unrestricted run must report each. */
  readonly instrumented?: readonly string[]
}
