/**
 * Pure construction of cbmc command lines (kani `cbmc_flags`, BenchExec `cmdline`).
 * Order: check flags, entry and bounds, properties, solver, preprocessor, user passthrough, UI flag, files.
 */
import { UsageError } from '../errors.js'

/** A harness-owned loop (`--show-loops` id such as `klp_harness.0`, or a function for recursion) and its bound. */
export interface UnwindEntry {
  readonly loop: string
  readonly bound: number
}

export interface CbmcArgOptions {
  readonly files: readonly string[]
  /** Harness function, passed as `--function`. */
  readonly entry: string
  /** Global `--unwind` bound; always passed (an `--unwindset` alone leaves other loops unbounded). */
  readonly unwind: number
  /** Rendered as one `--unwindset a:1,b:2`. */
  readonly unwindset?: readonly UnwindEntry[]
  /** Each becomes `--property id`. */
  readonly properties?: readonly string[]
  /** `none`: `--no-standard-checks` (user assertions and unwinding assertions only); `all`: cbmc's default checks. */
  readonly checks: 'all' | 'none'
  /** The code is built with -fwrapv: signed overflow is defined, so don't check it. */
  readonly fwrapv?: boolean
  /** Path of an external SAT solver (`--external-sat-solver`). */
  readonly solver?: string
  /** Use an SMT solver instead of SAT (`--z3`); cbmc finds `z3` on PATH. Wins over `solver`. */
  readonly smt?: 'z3'
  /** `--slice-formula`; default true. */
  readonly sliceFormula?: boolean
  /** Each becomes `-D X`. */
  readonly defines?: readonly string[]
  /** Each becomes `-I dir`. */
  readonly includes?: readonly string[]
  /** User passthrough, appended before the files. */
  readonly extra?: readonly string[]
}

const UI_FLAGS: ReadonlySet<string> = new Set(['--xml-ui', '--json-ui', '--json-interface'])

/** Whether the user already chose cbmc's output format (then we must not add `--json-ui`). */
export function hasUiFlag(args: readonly string[]): boolean {
  return args.some(a => UI_FLAGS.has(a))
}

/** argv for one verification run (without the cbmc executable itself). */
export function buildCbmcArgs(opts: CbmcArgOptions): string[] {
  checkBound('unwind', opts.unwind)
  const extra = opts.extra ?? []
  const args: string[] = []
  if (opts.checks === 'none') args.push('--no-standard-checks')
  // Explicit although on by default in CBMC 6, and needed to re-enable them after --no-standard-checks.
  args.push('--unwinding-assertions', '--no-malloc-may-fail')
  if (opts.fwrapv) args.push('--no-signed-overflow-check')
  args.push(...entryArgs(opts.entry))
  args.push('--unwind', String(opts.unwind))
  if (opts.unwindset && opts.unwindset.length > 0) args.push('--unwindset', renderUnwindset(opts.unwindset))
  for (const p of opts.properties ?? []) args.push('--property', p)
  if (opts.smt === 'z3') args.push('--z3')
  else if (opts.solver !== undefined) args.push('--external-sat-solver', opts.solver)
  if (opts.sliceFormula ?? true) args.push('--slice-formula')
  args.push(...preprocessorArgs(opts.defines, opts.includes))
  args.push(...extra)
  if (!hasUiFlag(extra)) args.push('--json-ui')
  args.push(...opts.files)
  return args
}

/** argv for `--list-goto-functions --json-ui`: which functions exist and which have no body. */
export function buildListFunctionsArgs(
  files: readonly string[],
  entry: string,
  defines: readonly string[] = [],
  includes: readonly string[] = [],
): string[] {
  return [...entryArgs(entry), ...preprocessorArgs(defines, includes), '--list-goto-functions', '--json-ui', ...files]
}

/**
 * argv for `--show-properties --json-ui`. Property ids are numbered per check class in instrumentation
 * order and change with the check flags, so this takes the same options as the verification run.
 */
export function buildShowPropertiesArgs(opts: CbmcArgOptions): string[] {
  const extra = (opts.extra ?? []).filter(a => !UI_FLAGS.has(a))
  const args = buildCbmcArgs({ ...opts, files: [], properties: [], solver: undefined, sliceFormula: false, extra })
  return [...args, '--show-properties', ...opts.files]
}

/** A command line a user can paste into a POSIX shell. */
export function renderCommand(cbmc: string, argv: readonly string[]): string {
  return [cbmc, ...argv].map(shellQuote).join(' ')
}

const SHELL_SAFE = /^[A-Za-z0-9_\-+=.,/:@%]+$/

function shellQuote(arg: string): string {
  if (SHELL_SAFE.test(arg)) return arg
  return `'${arg.replaceAll("'", `'\\''`)}'`
}

export type Unwind = number | 'auto'

/**
 * The unwind bound for one function: the CLI flag wins over the spec/config entry, which wins over
 * the default (`--default-unwind`). `auto` means "derive from the input bounds".
 */
export function resolveUnwind(sources: { cli?: Unwind; spec?: Unwind; dflt: Unwind }): Unwind {
  return sources.cli ?? sources.spec ?? sources.dflt
}

function entryArgs(entry: string): string[] {
  if (entry === '') throw new UsageError('empty harness function name', { hint: 'pass the entry function with --function' })
  return ['--function', entry]
}

function preprocessorArgs(defines: readonly string[] = [], includes: readonly string[] = []): string[] {
  return [...defines.flatMap(d => ['-D', d]), ...includes.flatMap(i => ['-I', i])]
}

function renderUnwindset(set: readonly UnwindEntry[]): string {
  return set
    .map(({ loop, bound }) => {
      checkBound(`unwind bound of ${loop}`, bound)
      if (loop === '' || /[,:\s]/.test(loop)) {
        throw new UsageError(`invalid loop id '${loop}' in unwindset`, {
          hint: 'use loop ids as printed by cbmc --show-loops, e.g. klp_harness.0',
        })
      }
      return `${loop}:${bound}`
    })
    .join(',')
}

function checkBound(what: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new UsageError(`${what} must be a non-negative integer, got ${n}`, { hint: 'e.g. --unwind 17' })
  }
}
