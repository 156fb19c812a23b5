/**
 * Pure construction of cbmc command lines (kani `cbmc_flags`, BenchExec `cmdline`).
 * Order: check flags, entry and bounds, properties, solver, preprocessor, user passthrough (only options
 * that cannot drop or narrow a property), `--json-ui`, files.
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
  /** C front-end options of the build (`--unsigned-char`, `--32`, …), as they are. */
  readonly platform?: readonly string[]
  /** User passthrough, appended before the files. */
  readonly extra?: readonly string[]
}

/**
 * The cbmc options a user may add with --cbmc-arg: ones that cannot drop, narrow or change the meaning
 * of a property klp-verify plants or asks for (solver choice, encoding, more checks). Everything
 * else is refused: `--no-assertions`, `--property`, `--cover`, `--no-unwinding-assertions`,
 * `--partial-loops`, `--unwind*`, `--depth`, `--stop-on-fail`, `--no-*-check`, `--function`,
 * `--show-*`, UI flags, `--paths`, extra files, ….
 */
const HARMLESS_FLAGS: ReadonlySet<string> = new Set([
  // solvers and their encodings: another way to decide the same formula
  '--no-sat-preprocessor', '--smt2', '--z3', '--bitwuzla', '--boolector', '--cprover-smt2', '--cvc4', '--cvc5',
  '--mathsat', '--yices', '--fpa', '--refine', '--refine-arrays', '--refine-arithmetic', '--arrays-uf-never',
  '--arrays-uf-always', '--slice-formula', '--symex-cache-dereferences', '--beautify',
  // JSON output always carries traces; this only shapes plain text (cbmc-notes §1)
  '--trace',
  // more checks (each adds properties, none removes one)
  '--bounds-check', '--pointer-check', '--memory-leak-check', '--memory-cleanup-check', '--div-by-zero-check',
  '--float-div-by-zero-check', '--signed-overflow-check', '--unsigned-overflow-check', '--pointer-overflow-check',
  '--conversion-check', '--undefined-shift-check', '--float-overflow-check', '--nan-check', '--enum-range-check',
  '--pointer-primitive-check', '--retain-trivial-checks', '--unwinding-assertions', '--no-self-loops-to-assumptions',
])

/** Harmless options that take a value (the next --cbmc-arg), with the values allowed. */
const HARMLESS_VALUED: Readonly<Record<string, (v: string) => boolean>> = {
  '--sat-solver': v => /^[\w.-]+$/.test(v),
  '--external-sat-solver': v => v !== '' && !v.startsWith('-'),
  '--max-node-refinement': v => /^\d+$/.test(v),
  '--object-bits': v => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 63,
  // below 4 cbmc drops its final status (cbmc-notes §1)
  '--verbosity': v => /^\d+$/.test(v) && Number(v) >= 4 && Number(v) <= 10,
}

/** The --cbmc-arg values that are refused (each with its value, if it takes one); empty if all are harmless. */
export function refusedCbmcArgs(extra: readonly string[]): string[] {
  const refused: string[] = []
  for (let i = 0; i < extra.length; i++) {
    const a = extra[i]!
    if (HARMLESS_FLAGS.has(a)) continue
    const valueOk = Object.hasOwn(HARMLESS_VALUED, a) ? HARMLESS_VALUED[a] : undefined
    if (valueOk) {
      const v = extra[i + 1]
      if (v !== undefined && valueOk(v)) { i++; continue }
      refused.push(v === undefined || v.startsWith('--') ? `${a} (no valid value)` : `${a} ${v}`)
      if (v !== undefined && !v.startsWith('--')) i++
      continue
    }
    refused.push(a)
  }
  return refused
}

/** Refuse --cbmc-arg values that can drop, narrow or change the properties klp-verify checks; returns them otherwise. */
export function checkCbmcArgs(extra: readonly string[]): string[] {
  const refused = refusedCbmcArgs(extra)
  if (refused.length) {
    throw new UsageError(`--cbmc-arg refused: ${refused.map(r => JSON.stringify(r)).join(', ')} (it could drop, narrow or change the properties klp-verify checks)`, {
      hint: 'allowed: solver choice (--sat-solver S, --external-sat-solver CMD, --z3, --refine, …), --object-bits N, --verbosity N (4-10), --slice-formula, and flags that add checks (--unsigned-overflow-check, …)',
    })
  }
  return [...extra]
}

/** argv for one verification run (without the cbmc executable itself). */
export function buildCbmcArgs(opts: CbmcArgOptions): string[] {
  checkBound('unwind', opts.unwind)
  const extra = checkCbmcArgs(opts.extra ?? [])
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
  args.push(...(opts.platform ?? []))
  args.push(...extra)
  // a UI flag of the user's is refused (checkCbmcArgs): klp-verify reads only cbmc's JSON
  args.push('--json-ui')
  args.push(...opts.files)
  return args
}

/** argv for `--list-goto-functions --json-ui`: which functions exist and which have no body. */
export function buildListFunctionsArgs(
  files: readonly string[],
  entry: string,
  defines: readonly string[] = [],
  includes: readonly string[] = [],
  platform: readonly string[] = [],
): string[] {
  return [...entryArgs(entry), ...preprocessorArgs(defines, includes), ...platform, '--list-goto-functions', '--json-ui', ...files]
}

/**
 * argv for `--show-properties --json-ui`. Property ids are numbered per check class in instrumentation
 * order and change with the check flags, so this takes the same options as the verification run.
 */
export function buildShowPropertiesArgs(opts: CbmcArgOptions): string[] {
  const args = buildCbmcArgs({ ...opts, files: [], properties: [], solver: undefined, sliceFormula: false })
  return [...args, '--show-properties', ...opts.files]
}

/** argv for `--show-loops --json-ui`: every loop's id (what `--unwindset` takes) and where it is. */
export function buildShowLoopsArgs(opts: CbmcArgOptions): string[] {
  const args = buildCbmcArgs({ ...opts, files: [], properties: [], solver: undefined, sliceFormula: false })
  return [...args, '--show-loops', ...opts.files]
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
