/**
 * One option resolver for every proof (pure). The command line is checked once, whole
 * (`checkProofArgs`), before any file is read; then each proof's options are resolved from the
 * checked command line, a manifest's `defaults:` and the function's spec (`resolveProofOptions`),
 * as kani-driver's `resolve_unwind_value` resolves `--unwind`, the harness annotation and
 * `--default-unwind`. Where the command line stands depends on the command:
 *
 * | source                   | verify (`cli: 'wins'`) | series (`cli: 'defaults'`) |
 * |--------------------------|------------------------|----------------------------|
 * | command line             | 1                      | 4                          |
 * | the function's spec      | 2                      | 1                          |
 * | a manifest's `defaults:` | –                      | 2                          |
 * | built-in DEFAULTS        | 3                      | 3                          |
 *
 * (series: the command line sets the defaults, a manifest's `defaults:` refine them, a function's
 * spec wins.) Single values: the first source that sets one wins. Lists (claims, assumptions,
 * nullable, buffers, -I, -D, cflags) add up, the weakest source first.
 */
import { availableParallelism } from 'node:os'
import { UsageError } from '../errors.js'
import type { Spec } from '../config/schema.js'
import { splitFlags } from '../config/flags.js'
import { checkCbmcArgs } from '../cbmc/args.js'
import { splitClaim } from '../extract/expr.js'
import { OBSERVABLES } from '../model/types.js'
import type { SpecDefaults } from '../series/claims.js'
import type { ClaimSource, VerifyRequest } from './types.js'

/** A proof's options as a command line gives them (typed by the parser, not yet checked). */
export interface ProofArgs {
  readonly old: string
  readonly new: string
  readonly func?: string
  readonly intended?: readonly string[]
  readonly assume?: readonly string[]
  readonly nullable?: readonly string[]
  readonly buffer?: readonly string[]
  readonly unwind?: string
  readonly maxUnwind?: number
  readonly maxSize?: number
  readonly minSize?: number
  readonly timeout?: number
  readonly memory?: number
  readonly proofTimeout?: number
  readonly fwrapv?: boolean
  readonly initGlobals?: boolean
  readonly include?: readonly string[]
  readonly define?: readonly string[]
  readonly cflags?: string
  readonly cbmc?: string
  readonly jobs?: number
  readonly keepHarness?: string
  readonly cbmcArg?: readonly string[]
  readonly solver?: 'auto' | 'sat' | 'z3'
  readonly models?: string
  readonly replay?: boolean
  /** `--object auto|off`: the object-level (live-patch) analysis of a single proof (pipeline/livepatch.ts). */
  readonly object?: 'auto' | 'off'
  /** `--unbounded auto|off`: identical code and unchanged callees proved without a bound (pipeline/shared-callees.ts). */
  readonly unbounded?: 'auto' | 'off'
}

/** The command line's proof options, every value checked (absent: not given). */
export interface CheckedArgs {
  readonly func?: string
  /** `--intended` texts (ids `intended-1`, … follow the spec's claims). */
  readonly intended: readonly string[]
  readonly assumes: readonly string[]
  readonly nullable: readonly string[]
  readonly buffers: Readonly<Record<string, string>>
  readonly unwind?: number | 'auto'
  readonly maxUnwind?: number
  readonly maxSize?: number
  /** `--min-size`: accept a verdict reached at a smaller buffer bound, down to this one. */
  readonly minSize?: number
  readonly timeoutSec?: number
  readonly proofTimeoutSec?: number
  readonly memoryMb?: number
  readonly fwrapv?: boolean
  readonly initGlobals?: boolean
  readonly includes: readonly string[]
  readonly defines: readonly string[]
  /** `--cflags`, split into words like a shell. */
  readonly cflags: readonly string[]
  readonly cbmc?: string
  readonly jobs: number
  readonly keepHarness?: string
  readonly extraCbmcArgs: readonly string[]
  readonly solver: 'auto' | 'sat' | 'z3'
  readonly models?: string
  readonly replay: boolean
  readonly unbounded?: 'auto' | 'off'
}

/** A proof's options, resolved: a VerifyRequest without its two files. */
export type ProofOptions = Omit<VerifyRequest, 'oldPath' | 'newPath'>

export const DEFAULTS = { maxUnwind: 64, maxSize: 32, timeoutSec: 300 } as const

/** Longest --timeout: Node timers overflow (and fire at once) past 2^31-1 ms. */
export const MAX_TIMEOUT_SEC = Math.floor((2 ** 31 - 1) / 1000)
/** Largest --max-size, the same limit as `max-size` in a spec file. */
export const MAX_SIZE = 4096

export function parseUnwind(v: string | number | undefined, where: string): number | 'auto' | undefined {
  if (v === undefined) return undefined
  if (v === 'auto') return 'auto'
  const n = typeof v === 'number' ? v : /^\d+$/.test(v) ? Number(v) : NaN
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${where} must be a positive whole number or auto, not '${v}'`, { hint: 'e.g. --unwind 10 or --unwind auto' })
  return n
}

export function parseBuffer(s: string): [string, string] {
  const i = s.indexOf(':')
  const p = i < 0 ? '' : s.slice(0, i).trim()
  const len = i < 0 ? '' : s.slice(i + 1).trim()
  if (!/^[A-Za-z_]\w*$/.test(p) || !len) throw new UsageError(`--buffer '${s}' is not PARAM:LEN`, { hint: 'e.g. --buffer buf:len or --buffer data:16' })
  return [p, len]
}

/** A number as the user will recognise it (yargs turns `--jobs abc` into NaN). */
const shown = (n: number) => (Number.isNaN(n) ? 'a non-number' : String(n))

/** A checked number, or a UsageError naming the option and what it takes. */
function checked(v: number | undefined, ok: (n: number) => boolean, message: (n: string) => string, hint: string): number | undefined {
  if (v !== undefined && !ok(v)) throw new UsageError(message(shown(v)), { hint })
  return v
}

const isCount = (n: number) => Number.isInteger(n) && n >= 1
const isSeconds = (n: number) => n > 0 && n <= MAX_TIMEOUT_SEC

/**
 * Check every option of a command line, once, before anything is read or run: a bad value is a
 * UsageError (exit 3) naming the option, whatever the command.
 */
export function checkProofArgs(args: Omit<ProofArgs, 'old' | 'new'>): CheckedArgs {
  const buffers: Record<string, string> = {}
  for (const b of args.buffer ?? []) {
    const [p, len] = parseBuffer(b)
    buffers[p] = len
  }
  const intended = args.intended ?? []
  // a bad claim is refused here too, not when its proof comes
  for (const src of intended) splitClaim(src)
  const opt = <K extends string, V>(k: K, v: V | undefined) => (v === undefined ? {} : { [k]: v }) as { [P in K]?: V }
  return {
    ...opt('func', args.func),
    intended,
    assumes: args.assume ?? [],
    nullable: args.nullable ?? [],
    buffers,
    ...opt('unwind', parseUnwind(args.unwind, '--unwind')),
    ...opt('maxUnwind', checked(args.maxUnwind, isCount, n => `--max-unwind must be a positive whole number, not ${n}`, 'e.g. --max-unwind 64')),
    ...opt('maxSize', checked(args.maxSize, n => Number.isInteger(n) && n >= 0 && n <= MAX_SIZE, n => `--max-size must be a whole number from 0 to ${MAX_SIZE}, not ${n}`, 'e.g. --max-size 32')),
    ...opt('minSize', checked(args.minSize, n => Number.isInteger(n) && n >= 0 && n <= MAX_SIZE, n => `--min-size must be a whole number from 0 to ${MAX_SIZE}, not ${n}`, 'e.g. --min-size 8 (accept a verdict for buffers of up to 8 elements when --max-size does not finish)')),
    ...opt('timeoutSec', checked(args.timeout, isSeconds, n => `--timeout must be a positive number of seconds up to ${MAX_TIMEOUT_SEC}, not ${n}`, 'seconds per cbmc run, e.g. --timeout 300')),
    ...opt('proofTimeoutSec', checked(args.proofTimeout, isSeconds, n => `--proof-timeout must be a positive number of seconds up to ${MAX_TIMEOUT_SEC}, not ${n}`, 'seconds for a whole proof, e.g. --proof-timeout 900')),
    ...opt('memoryMb', checked(args.memory, n => Number.isFinite(n) && n >= 16, n => `--memory must be a number of MiB of at least 16, not ${n}`, 'e.g. --memory 4096 (4 GiB per cbmc process)')),
    ...opt('fwrapv', args.fwrapv),
    ...opt('initGlobals', args.initGlobals),
    // one directory / one macro per entry, as with -I/-D (a directory may contain spaces)
    includes: args.include ?? [],
    defines: args.define ?? [],
    cflags: splitFlags(args.cflags),
    ...opt('cbmc', args.cbmc),
    jobs: checked(args.jobs ?? availableParallelism(), isCount, n => `--jobs must be a positive whole number, not ${n}`, 'e.g. -j 2')!,
    ...opt('keepHarness', args.keepHarness),
    // refused here, before any cbmc runs: an option that drops or narrows properties proves nothing
    extraCbmcArgs: checkCbmcArgs(args.cbmcArg ?? []),
    solver: args.solver ?? 'auto',
    ...opt('models', args.models),
    replay: args.replay ?? true,
    ...opt('unbounded', args.unbounded),
  }
}

/** Where the command line stands: above the files (verify), or under them as defaults (series). */
export type CliRank = 'wins' | 'defaults'

/** An option layer from a file (a spec or a manifest's defaults: checked by their schemas). */
type FileLayer = SpecDefaults & Partial<Pick<Spec, 'function' | 'intended'>>

/** The same option in every source, as one layer: what `resolveProofOptions` ranks. */
type Layer = Pick<CheckedArgs,
  | 'unwind' | 'maxUnwind' | 'maxSize' | 'minSize' | 'timeoutSec' | 'proofTimeoutSec' | 'memoryMb' | 'fwrapv' | 'initGlobals'
  | 'includes' | 'defines' | 'cflags' | 'assumes' | 'nullable' | 'buffers'>

function fileLayer(f: FileLayer): Layer {
  return {
    unwind: f.unwind, maxUnwind: f['max-unwind'], maxSize: f['max-size'], minSize: f['min-size'], timeoutSec: f.timeout, proofTimeoutSec: f['proof-timeout'],
    memoryMb: f.memory, fwrapv: f.fwrapv, initGlobals: f['init-globals'],
    includes: f.include ?? [], defines: f.define ?? [], cflags: splitFlags(f.cflags),
    assumes: f.assume ?? [], nullable: f.nullable ?? [], buffers: f.buffers ?? {},
  }
}

/** The preprocessing lists of the command line and a manifest's defaults (what series' change detection uses). */
export function sharedFlags(cli: Pick<CheckedArgs, 'includes' | 'defines' | 'cflags'>, manifestDefaults: SpecDefaults): { includes: string[]; defines: string[]; cflags: string[] } {
  const m = fileLayer(manifestDefaults)
  return { includes: [...cli.includes, ...m.includes], defines: [...cli.defines, ...m.defines], cflags: [...cli.cflags, ...m.cflags] }
}

/**
 * One proof's options from the checked command line, a manifest's `defaults:` (series; `{}` for
 * verify) and the function's spec, ranked as the table at the top says. Refuses what only the
 * combination makes wrong: no function, --func against the spec's, two claims with one id.
 */
export function resolveProofOptions(cli: CheckedArgs, manifestDefaults: SpecDefaults, spec: Spec | undefined, rank: CliRank = 'wins'): ProofOptions {
  const func = cli.func ?? spec?.function
  if (!func) throw new UsageError('which function? none given', { hint: 'pass --func NAME, or put `function: NAME` in the --spec file' })
  if (spec?.function && cli.func && spec.function !== cli.func) {
    throw new UsageError(`--func ${cli.func} disagrees with the spec's function: ${spec.function}`, { hint: 'drop one of them' })
  }
  // strongest first; lists add up weakest first
  const files = [...(spec ? [fileLayer(spec)] : []), fileLayer(manifestDefaults)]
  const ranked: Layer[] = rank === 'wins' ? [cli, ...files] : [...files, cli]
  const first = <K extends keyof Layer>(k: K): Layer[K] | undefined => ranked.find(l => l[k] !== undefined)?.[k]
  const all = <K extends 'includes' | 'defines' | 'cflags' | 'assumes' | 'nullable'>(k: K): string[] => [...ranked].reverse().flatMap(l => l[k])

  const claims: ClaimSource[] = []
  const ids = new Set<string>()
  const add = (c: ClaimSource) => {
    if (ids.has(c.id)) throw new UsageError(`two claims have the id ${c.id}`, { hint: 'give every claim its own id' })
    ids.add(c.id)
    claims.push(c)
  }
  ;(spec?.intended ?? []).forEach((c, i) => add({ id: c.id ?? `claim-${i + 1}`, when: c.when, then: c.then, differs: c.differs ?? [...OBSERVABLES] }))
  cli.intended.forEach((src, i) => {
    const { when, then } = splitClaim(src)
    add({ id: `intended-${i + 1}`, when, then, differs: [...OBSERVABLES] })
  })
  const cflags = all('cflags')
  const maxSize = first('maxSize')
  const minSize = first('minSize')
  if (minSize !== undefined && minSize > (maxSize ?? DEFAULTS.maxSize)) {
    throw new UsageError(`--min-size ${minSize} is above --max-size ${maxSize ?? DEFAULTS.maxSize}`, { hint: '--min-size accepts a smaller buffer bound than --max-size when the requested one does not finish in time; give one up to --max-size' })
  }
  const unwind = first('unwind') ?? 'auto'
  const maxUnwind = first('maxUnwind') ?? DEFAULTS.maxUnwind
  const memoryMb = first('memoryMb')
  const proofTimeoutSec = first('proofTimeoutSec')
  return {
    func,
    claims,
    assumes: all('assumes'),
    nullable: [...new Set(all('nullable'))],
    buffers: Object.assign({}, ...[...ranked].reverse().map(l => l.buffers)) as Record<string, string>,
    maxSize: maxSize ?? DEFAULTS.maxSize,
    maxSizeIsDefault: maxSize === undefined,
    ...(minSize !== undefined ? { minSize } : {}),
    unwind,
    maxUnwind: unwind === 'auto' ? maxUnwind : Math.max(maxUnwind, unwind),
    // a proof budget lifts the per-run default: a run may use what the proof has left (runs.ts clamps it)
    timeoutSec: first('timeoutSec') ?? proofTimeoutSec ?? DEFAULTS.timeoutSec,
    ...(memoryMb !== undefined ? { memoryMb } : {}),
    ...(proofTimeoutSec !== undefined ? { proofTimeoutSec } : {}),
    includes: all('includes'),
    defines: all('defines'),
    cflags,
    fwrapv: first('fwrapv') ?? cflags.some(f => f === '-fwrapv' || f === '-fno-strict-overflow'),
    initGlobals: first('initGlobals') ?? false,
    cbmc: cli.cbmc,
    jobs: cli.jobs,
    keepHarness: cli.keepHarness,
    extraCbmcArgs: cli.extraCbmcArgs,
    solver: cli.solver,
    models: cli.models,
    replay: cli.replay,
    ...(cli.unbounded === 'off' ? { unbounded: 'off' as const } : {}),
    held: spec?.held ?? [],
    ...(spec?.containers ? { containers: spec.containers } : {}),
    ...(spec?.shapes ? { shapes: spec.shapes } : {}),
    externals: Object.fromEntries(Object.entries(spec?.externals ?? {}).map(([k, v]) => [k, v.writes ?? []])),
  }
}
