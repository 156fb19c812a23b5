/** Boundary types of the harness stage. */
import type { ExternalFn } from '../extract/externals.js'

export const OBSERVABLES = ['return', 'memory', 'globals', 'calls', 'safety'] as const
export type ObservableKind = (typeof OBSERVABLES)[number]

/** A claim with its expressions already rewritten into harness C. */
export interface HarnessClaim {
  readonly id: string
  /** C over harness inputs at entry. */
  readonly when: string
  /** C over results after both runs; absent when the claim has no THEN. */
  readonly then?: string
  readonly differs: readonly ObservableKind[]
  /** WHEN asks what the world answered the old run (`@f(k)`): evaluated after the old version ran. */
  readonly world?: boolean
}

export interface HarnessOptions {
  /** parameter → element count expression, already rewritten into harness C. */
  readonly buffers: Readonly<Record<string, string>>
  readonly nullable: readonly string[]
  readonly maxSize: number
  readonly assumes: readonly string[]
  readonly claims: readonly HarnessClaim[]
  /** Start every global from its initializer instead of a shared nondeterministic value. */
  readonly initGlobals: boolean
  /** How deep pointer fields of input objects get their own objects (default 1). */
  readonly pointerDepth: number
  /** Locks the caller holds at entry (spec `held:`), as harness C for the old and the new copies. */
  readonly held?: readonly { readonly old: string; readonly new: string }[]
  /** Render for a native replay (gcc): nondeterministic declarations get KLP_NONDET(x). */
  readonly native?: boolean
  /** Stubs for the external functions both versions call (empty: none). */
  readonly externals?: readonly ExternalStub[]
}

/** A model of an external function (templates/models/*.yaml). */
export interface ModelSpec {
  readonly kind: 'alloc' | 'free' | 'lock' | 'unlock' | 'copy-in' | 'copy-out' | 'log' | 'warn' | 'bug'
  readonly size?: string
  readonly zero?: boolean
  readonly ptr?: string
  readonly lock?: string
  readonly to?: string
  readonly from?: string
  readonly value?: string
}

export interface ExternalStub {
  readonly fn: ExternalFn
  readonly model?: ModelSpec
  /** Out-parameters: the stub writes `size` (an expression over arg0, arg1, …) bytes through argument `arg`. */
  readonly writes?: readonly { readonly arg: number; readonly size: string }[]
}

export type HarnessMode =
  | { readonly kind: 'equiv' }
  | { readonly kind: 'claim'; readonly claim: number }
  | { readonly kind: 'safety'; readonly version: 'old' | 'new'; readonly restrict: 'all' | 'outside-safety-claims' | { readonly claim: number } }

/** One compared leaf value (a scalar, or a pointer compared as object+offset). */
export interface Leaf {
  readonly label: string
  /** Harness variable names holding the two values just before the comparison. */
  readonly oldVar: string
  readonly newVar: string
}

export interface ObservableInfo {
  readonly index: number
  readonly kind: ObservableKind
  /** e.g. `return`, `memory *o`, `memory buf[0..len)`, `global nr_errors`. */
  readonly label: string
  readonly leaves: readonly Leaf[]
  /** For arrays compared in a loop: variables holding the first differing index and values. */
  readonly arrayDiff?: { readonly index: string; readonly oldVar: string; readonly newVar: string; readonly elem: string }
  /** For the `calls` observable: callee names by id and labels of objects by klp_abs id. */
  readonly calls?: {
    readonly names: readonly string[]
    readonly objects: readonly string[]
    /** Per callee: which arguments are pointers (shown as objects), and whether it returns one. */
    readonly pointerArgs: readonly (readonly boolean[])[]
    readonly pointerRet: readonly boolean[]
    readonly voidRet: readonly boolean[]
  }
}

export interface InputInfo {
  /** Name shown to the user (`len`, `*o`, `buf[]`, `global nr_errors`). */
  readonly label: string
  /** Harness variable whose last assignment in a trace holds the value. */
  readonly variable: string
}

export interface HarnessFile {
  readonly name: string
  readonly text: string
}

export interface Harness {
  readonly mode: HarnessMode
  readonly files: readonly HarnessFile[]
  readonly entry: string
  /** Loops the harness itself adds, with exact bounds; never consume the user's --unwind. */
  readonly unwindset: readonly { readonly loop: string; readonly bound: number }[]
  readonly observables: readonly ObservableInfo[]
  readonly inputs: readonly InputInfo[]
  readonly checks: 'all' | 'none'
  /** The input bounds this harness assumes (for the report). */
  readonly bounds: readonly string[]
  /**
   * Descriptions of the properties this harness plants for its mode (KLP_EQ, KLP_REACH, KLP_THEN,
   * KLP_ENTRY): after a run each must have a status, or the run proved nothing.
   */
  readonly planted: readonly string[]
  /** The entry assumptions (assumptions, buffer bounds, held locks) as harness C, to name them when they allow no input. */
  readonly entryAssumptions: readonly string[]
}

