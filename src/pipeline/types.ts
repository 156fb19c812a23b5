/** What the CLI (or a series run) asks the pipeline to prove. */
import type { ClaimSource, ProofRequest } from '../model/types.js'

export type { ClaimSource }

/** A proof: the files and function, what the model is built from (ProofRequest), and how to run it. */
export interface VerifyRequest extends ProofRequest {
  readonly oldPath: string
  readonly newPath: string
  readonly func: string
  readonly maxSizeIsDefault: boolean
  /** `--min-size`: a verdict reached at a smaller buffer bound than `maxSize`, but at least this, counts as the verdict (pipeline/sizes.ts). */
  readonly minSize?: number
  readonly unwind: number | 'auto'
  readonly maxUnwind: number
  readonly timeoutSec: number
  /** Wall-clock budget of the whole proof (all its cbmc runs), seconds. */
  readonly proofTimeoutSec?: number
  /** Memory cap per cbmc process (MiB). */
  readonly memoryMb?: number
  readonly includes: readonly string[]
  /** Include directories of one version only (series snapshots), searched before `includes`. */
  readonly sideIncludes?: { readonly old: readonly string[]; readonly new: readonly string[] }
  /** A temporary directory whose name must not change a proof's cache key (series snapshots). */
  readonly scratchRoot?: string
  readonly defines: readonly string[]
  readonly cflags: readonly string[]
  /** The new file's flags in its own kernel tree, to find type changes in its headers (kbuild/type-context.ts). */
  readonly newTypeCflags?: readonly string[]
  /** Where the flags came from when found automatically (src/kbuild), and what each semantics-bearing flag means for cbmc. */
  readonly buildContext?: { readonly from: string; readonly lines: readonly string[] }
  /** cbmc C front-end options the build's flags call for (`--unsigned-char`, `--32`, …; src/kbuild). */
  readonly cbmcPlatform?: readonly string[]
  readonly fwrapv: boolean
  readonly cbmc?: string
  readonly jobs: number
  readonly keepHarness?: string
  readonly extraCbmcArgs: readonly string[]
  /** auto: Z3 for comparisons when the code multiplies/divides variables, SAT otherwise. */
  readonly solver: 'auto' | 'sat' | 'z3'
  /** Run each counterexample natively (gcc) to confirm it. */
  readonly replay: boolean
  /** `off`: no proof without a bound (no identical shortcut, no shared callees); absent: auto. */
  readonly unbounded?: 'off'
  /** A directory of extra model files (*.yaml) for external functions. */
  readonly models?: string
}

export interface Logger {
  /** Progress and --verbose lines (stderr). */
  info(msg: string): void
  debug(msg: string): void
}
