/** Boundary types of the CBMC stage: run facts and parsed output. Plain readonly data. */

/** A located, version-probed CBMC installation. */
export interface CbmcTool {
  /** Path of the cbmc executable (or wrapper script). */
  readonly cbmc: string
  /** External SAT solver command for `--external-sat-solver`, if one was found. */
  readonly cadical?: string
  /** Z3, for `--z3` (cbmc runs `z3` from PATH, so its directory is put first on PATH). */
  readonly z3?: string
  /** Version string as printed by `cbmc --version`, e.g. `6.6.0 (cbmc-6.6.0)`. */
  readonly version: string
  /** Where it came from, in resolution order. */
  readonly source: 'flag' | 'env' | 'local' | 'path'
}

/**
 * What a cached verdict must know about the binaries a proof may run: sha256 digests of their
 * contents (a wrapper script together with the files it runs), never their version strings alone.
 */
export interface ToolIdentity {
  /** cbmc itself. */
  readonly cbmc: string
  /** Every solver the run may start (cadical, z3, what --cbmc-arg names): name → digest, null if not found. */
  readonly solvers: Readonly<Record<string, string | null>>
}

export interface CbmcInvocation {
  readonly cbmc: string
  readonly argv: readonly string[]
  readonly cwd?: string
  /** Wall-clock limit for this process in milliseconds. */
  readonly timeoutMs?: number
  /** Cancel (Ctrl-C, fail-fast). */
  readonly signal?: AbortSignal
  /** Directory to put first on PATH (where cbmc finds `z3` for `--z3`). */
  readonly pathPrepend?: string
  /** Where cbmc writes its temporary files (the SAT solver's CNF): removed with the proof's folder. */
  readonly tmpDir?: string
  /** Address-space cap for the process (and the solvers it starts), in MiB. */
  readonly memoryMb?: number
}

export type Termination = 'exited' | 'timeout' | 'cancelled' | 'max-buffer' | 'spawn-failed'

/** Facts about one finished cbmc process; never judged here. */
export interface CbmcRun {
  readonly argv: readonly string[]
  readonly command: string
  readonly exitCode: number | null
  readonly signal: string | null
  readonly termination: Termination
  readonly durationMs: number
  readonly stdout: string
  readonly stderr: string
  /** Why the process could not be started (`spawn-failed`), e.g. `spawn /opt/cbmc ENOENT`. */
  readonly error?: string
}

export type PropertyStatus = 'SUCCESS' | 'FAILURE' | 'UNKNOWN' | 'ERROR' | 'UNREACHABLE' | 'NOT CHECKED'

export interface SourceLocation {
  readonly file?: string
  readonly function?: string
  readonly line?: number
}

/** A value in a trace, as CBMC prints it (kept raw; rendered by the reporter). */
export type RawValue =
  | { readonly name: 'integer' | 'float' | 'pointer' | 'unknown' | string; readonly data?: string; readonly type?: string; readonly binary?: string }
  | { readonly name: 'array'; readonly elements: readonly { readonly index: number; readonly value: RawValue }[] }
  | { readonly name: 'struct' | 'union'; readonly members: readonly { readonly name: string; readonly value: RawValue }[] }

export interface TraceStep {
  readonly stepType: string
  readonly hidden: boolean
  readonly lhs?: string
  readonly value?: RawValue
  readonly function?: string
  readonly property?: string
  readonly reason?: string
  readonly location?: SourceLocation
}

export interface Property {
  /** e.g. `klp_harness.assertion.3`, `klp_old_foo.array_bounds.1`. */
  readonly id: string
  readonly description: string
  readonly status: PropertyStatus
  readonly location?: SourceLocation
  readonly trace?: readonly TraceStep[]
}

export interface CbmcMessage {
  readonly type: string
  readonly text: string
  readonly location?: SourceLocation
}

export interface CbmcOutput {
  readonly ok: true
  readonly program?: string
  readonly messages: readonly CbmcMessage[]
  /** null when CBMC printed no result array (parse error, bad usage, crash). */
  readonly properties: readonly Property[] | null
  /** `cProverStatus`; `inconclusive` comes with exit 5 (src/goto-checker/report_util.cpp). null when absent. */
  readonly status: 'success' | 'failure' | 'inconclusive' | 'error' | null
}

export interface ParseFailure {
  readonly ok: false
  readonly reason: string
  readonly messages: readonly CbmcMessage[]
}

export type ParseResult = CbmcOutput | ParseFailure

/** What cbmc `--list-goto-functions --json-ui` says about a function. */
export interface GotoFunction {
  readonly name: string
  readonly isBodyAvailable: boolean
  readonly isInternal: boolean
}

/** One entry of `--show-properties --json-ui` (only properties known before symex: no unwind/no-body ids). */
export interface ShownProperty {
  readonly id: string
  readonly description: string
  /** As cbmc prints it, with spaces: `pointer dereference`, `array bounds`, `assertion`. */
  readonly class: string
  readonly location?: SourceLocation
}

/** One entry of `--show-loops --json-ui`: a loop's id as `--unwindset` takes it, and its source location. */
export interface ShownLoop {
  readonly id: string
  readonly location?: SourceLocation
}
