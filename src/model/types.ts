/**
 * The proof model: what a proof compares, under which assumptions, in which world and modes.
 * Plain readonly, JSON-serialisable data between extract and the C emitter; the classifier reads the
 * descriptor of each emitted harness (HarnessDescriptor) to know what each planted property means.
 */
import type { ExternalFn } from '../extract/externals.js'
import type { InputsModel } from './inputs.js'
import type { ObservableNode } from './observables.js'

/** What a proof compares between the two versions. */
export const OBSERVABLES = ['return', 'memory', 'globals', 'calls', 'safety'] as const
export type ObservableKind = (typeof OBSERVABLES)[number]

/** A claim as the user wrote it (CLI, spec, Klp-Claim: trailer). */
export interface ClaimSource {
  readonly id: string
  readonly when: string
  readonly then?: string
  readonly differs: readonly ObservableKind[]
}

/** A claim with its expressions rewritten into harness C, carrying the text it came from. */
export interface Claim {
  readonly id: string
  /** WHEN and THEN as the user wrote them. */
  readonly source: { readonly when: string; readonly then?: string }
  /** C over harness inputs at entry. */
  readonly when: string
  /** C over results after both runs; absent when the claim has no THEN. */
  readonly then?: string
  readonly differs: readonly ObservableKind[]
  /** WHEN asks what the world answered the old run (`@f(k)`): evaluated after the old version ran. */
  readonly world?: boolean
}

/** An entry assumption (--assume, spec `assume:`, `Klp-Assume:`): source text and harness C. */
export interface Assumption {
  readonly source: string
  readonly c: string
}

/** A pointer parameter that is a buffer of `length` elements (--buffer PARAM:LEN). */
export interface BufferLength {
  readonly param: string
  /** The length as the user wrote it, and as harness C over the scalar parameters. */
  readonly source: string
  readonly c: string
}

/** A lock the caller holds at entry (spec `held:`), as harness C for the old and the new copies. */
export interface HeldLock {
  readonly source: string
  readonly old: string
  readonly new: string
}

/** A model of an external function (templates/models/*.yaml). */
export interface ModelSpec {
  readonly kind: 'alloc' | 'free' | 'lock' | 'unlock' | 'copy-in' | 'copy-out' | 'log' | 'warn' | 'bug' | 'output'
  readonly size?: string
  readonly zero?: boolean
  /** kind output: the text `from` is a printf format, its values follow (varargs or a va_list). */
  readonly format?: boolean
  readonly ptr?: string
  readonly lock?: string
  readonly to?: string
  readonly from?: string
  readonly value?: string
}

/** An out-parameter: the stub writes `size` (an expression over arg0, arg1, …) bytes through argument `arg`. */
export interface OutParamWrite {
  readonly arg: number
  readonly size: string
}

/** One external function both versions call, and how the world answers it. */
export interface ExternalStub {
  readonly fn: ExternalFn
  readonly model?: ModelSpec
  readonly writes?: readonly OutParamWrite[]
}

/** The bounds of the world (model/names.ts holds the values). */
export interface WorldLimits {
  /** Calls of one external function per run. */
  readonly calls: number
  /** External calls per run in all. */
  readonly seq: number
  /** Locks held at once. */
  readonly locks: number
  /** Bytes compared per copied-out blob and written per out-parameter. */
  readonly blob: number
  /** klp_abs id of the first object the world hands out. */
  readonly dynBase: number
}

/** The world outside the function: stubs for its external calls, and their limits. */
export interface World {
  readonly stubs: readonly ExternalStub[]
  readonly limits: WorldLimits
}

/** How the inputs are shaped before the input objects are planned (model/inputs.ts). */
export interface InputShape {
  readonly buffers: readonly BufferLength[]
  /** Pointer parameters that may be NULL. */
  readonly nullable: readonly string[]
  /** Largest buffer length. */
  readonly maxSize: number
  /** Start every global from its initializer instead of a shared nondeterministic value. */
  readonly initGlobals: boolean
  /** How deep pointer fields of input objects get their own objects. */
  readonly pointerDepth: number
}

/** One mode a proof runs: the equivalence run, one run per claim, and safety runs per version. */
export type ProofMode =
  | { readonly kind: 'equiv' }
  | { readonly kind: 'claim'; readonly claim: number }
  | { readonly kind: 'safety'; readonly version: 'old' | 'new'; readonly restrict: 'all' | 'outside-safety-claims' | { readonly claim: number } }

/** The name the emitter and the runners use for a proof mode. */
export type HarnessMode = ProofMode

/** The proof model of one function pair. */
export interface ProofModel {
  readonly func: string
  readonly inputs: InputShape
  readonly assumptions: readonly Assumption[]
  readonly claims: readonly Claim[]
  readonly held: readonly HeldLock[]
  readonly world: World
  readonly modes: readonly ProofMode[]
}

/** A proof model planned down to its nodes (model/plan.ts): what the emitter prints for every mode. */
export interface PlannedProof extends ProofModel {
  readonly nodes: {
    /** Parameters, globals and the objects behind pointers, with their ids (model/inputs.ts). */
    readonly inputs: InputsModel
    /** What is compared after both runs, in planted order (model/observables.ts). */
    readonly observables: readonly ObservableNode[]
  }
}

/** What the user asks of one proof, as far as the model is concerned (a VerifyRequest is one). */
export interface ProofRequest {
  readonly claims: readonly ClaimSource[]
  readonly assumes: readonly string[]
  readonly nullable: readonly string[]
  /** parameter → element count expression (source C) */
  readonly buffers: Readonly<Record<string, string>>
  readonly maxSize: number
  readonly initGlobals: boolean
  /** Locks the caller holds at entry (C expressions over the parameters and globals). */
  readonly held: readonly string[]
  /** Out-parameters of external functions, from the spec: name → writes. */
  readonly externals: Readonly<Record<string, readonly OutParamWrite[]>>
  /** Shape contracts from the spec: pointer parameter → `container.member` it points at. */
  readonly containers?: Readonly<Record<string, string>>
  /** Network shapes from the spec: parameter → `linear` (a struct sk_buff) or `{netdev_priv: TYPE}` (model/skb.ts). */
  readonly shapes?: Readonly<Record<string, 'linear' | { readonly netdev_priv: string }>>
}

/** The flat view of a ProofModel the C emitter reads (model/build.ts emitterOptions). */
export interface EmitterOptions {
  /** parameter → element count expression, as harness C. */
  readonly buffers: Readonly<Record<string, string>>
  readonly nullable: readonly string[]
  readonly maxSize: number
  readonly assumes: readonly string[]
  readonly claims: readonly Claim[]
  readonly initGlobals: boolean
  readonly pointerDepth: number
  readonly held?: readonly { readonly old: string; readonly new: string }[]
  /** Render for a native replay (gcc): nondeterministic declarations get KLP_NONDET(x). */
  readonly native?: boolean
  readonly externals?: readonly ExternalStub[]
}

/** One compared leaf value (a scalar, or a pointer compared as object+offset). */
export interface Leaf {
  readonly label: string
  /** Harness variable names holding the two values just before the comparison. */
  readonly oldVar: string
  readonly newVar: string
}

/** What one planted `KLP_EQ <index>` compares, and where a trace holds its values. */
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

/** What an emitted harness planted, for the classifier (the harness C itself is not needed to judge). */
export interface HarnessDescriptor {
  readonly mode: ProofMode
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
