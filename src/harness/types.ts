/** Boundary types of the harness stage. */
import type { Claim, ExternalStub, HarnessDescriptor } from '../model/types.js'


/** A claim with its expressions already rewritten into harness C (and the text it came from). */
export type HarnessClaim = Omit<Claim, 'source'>

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

export interface HarnessFile {
  readonly name: string
  readonly text: string
}

export interface Harness extends HarnessDescriptor {
  readonly files: readonly HarnessFile[]
}
