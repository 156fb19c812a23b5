/** Merge command-line options and a spec file into one VerifyRequest (pure). CLI wins; lists add up. */
import { availableParallelism } from 'node:os'
import { UsageError } from '../errors.js'
import type { Spec } from '../config/schema.js'
import { splitFlags } from '../config/flags.js'
import { checkCbmcArgs } from '../cbmc/args.js'
import { splitClaim } from '../extract/expr.js'
import { OBSERVABLES } from '../harness/types.js'
import type { ClaimSource, VerifyRequest } from '../pipeline/types.js'

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
}

export const DEFAULTS = { maxUnwind: 64, maxSize: 32, timeoutSec: 300 } as const

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

export { splitFlags } from '../config/flags.js'

/** A number as the user will recognise it (yargs turns `--jobs abc` into NaN). */
const shown = (n: number) => (Number.isNaN(n) ? 'a non-number' : String(n))

/** Longest --timeout: Node timers overflow (and fire at once) past 2^31-1 ms. */
export const MAX_TIMEOUT_SEC = Math.floor((2 ** 31 - 1) / 1000)
/** Largest --max-size, the same limit as `max-size` in a spec file. */
export const MAX_SIZE = 4096

export function buildRequest(args: ProofArgs, spec: Spec | undefined): VerifyRequest {
  const func = args.func ?? spec?.function
  if (!func) throw new UsageError('which function? none given', { hint: 'pass --func NAME, or put `function: NAME` in the --spec file' })
  if (spec?.function && args.func && spec.function !== args.func) {
    throw new UsageError(`--func ${args.func} disagrees with the spec's function: ${spec.function}`, { hint: 'drop one of them' })
  }
  const claims: ClaimSource[] = []
  const ids = new Set<string>()
  const add = (c: ClaimSource) => {
    if (ids.has(c.id)) throw new UsageError(`two claims have the id ${c.id}`, { hint: 'give every claim its own id' })
    ids.add(c.id)
    claims.push(c)
  }
  ;(spec?.intended ?? []).forEach((c, i) => add({ id: c.id ?? `claim-${i + 1}`, when: c.when, then: c.then, differs: c.differs ?? [...OBSERVABLES] }))
  ;(args.intended ?? []).forEach((src, i) => {
    const { when, then } = splitClaim(src)
    add({ id: `intended-${i + 1}`, when, then, differs: [...OBSERVABLES] })
  })
  const buffers: Record<string, string> = { ...(spec?.buffers ?? {}) }
  for (const b of args.buffer ?? []) {
    const [p, len] = parseBuffer(b)
    buffers[p] = len
  }
  const cflags = [...splitFlags(spec?.cflags), ...splitFlags(args.cflags)]
  const fwrapv = args.fwrapv ?? spec?.fwrapv ?? cflags.some(f => f === '-fwrapv' || f === '-fno-strict-overflow')
  const maxSize = args.maxSize ?? spec?.['max-size']
  const unwind = parseUnwind(args.unwind, '--unwind') ?? spec?.unwind ?? 'auto'
  const maxUnwind = args.maxUnwind ?? spec?.['max-unwind'] ?? DEFAULTS.maxUnwind
  if (!Number.isInteger(maxUnwind) || maxUnwind < 1) throw new UsageError(`--max-unwind must be a positive whole number, not ${shown(maxUnwind)}`, { hint: 'e.g. --max-unwind 64' })
  if (maxSize !== undefined && (!Number.isInteger(maxSize) || maxSize < 0 || maxSize > MAX_SIZE)) {
    throw new UsageError(`--max-size must be a whole number from 0 to ${MAX_SIZE}, not ${shown(maxSize)}`, { hint: 'e.g. --max-size 32' })
  }
  const timeoutSec = args.timeout ?? spec?.timeout ?? DEFAULTS.timeoutSec
  if (!(timeoutSec > 0 && timeoutSec <= MAX_TIMEOUT_SEC)) {
    throw new UsageError(`--timeout must be a positive number of seconds up to ${MAX_TIMEOUT_SEC}, not ${shown(timeoutSec)}`, { hint: 'seconds per cbmc run, e.g. --timeout 300' })
  }
  const proofTimeoutSec = args.proofTimeout ?? spec?.['proof-timeout']
  if (proofTimeoutSec !== undefined && !(proofTimeoutSec > 0 && proofTimeoutSec <= MAX_TIMEOUT_SEC)) {
    throw new UsageError(`--proof-timeout must be a positive number of seconds up to ${MAX_TIMEOUT_SEC}, not ${shown(proofTimeoutSec)}`, { hint: 'seconds for a whole proof, e.g. --proof-timeout 900' })
  }
  const memoryMb = args.memory ?? spec?.memory
  if (memoryMb !== undefined && !(Number.isFinite(memoryMb) && memoryMb >= 16)) {
    throw new UsageError(`--memory must be a number of MiB of at least 16, not ${shown(memoryMb)}`, { hint: 'e.g. --memory 4096 (4 GiB per cbmc process)' })
  }
  const jobs = args.jobs ?? availableParallelism()
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a positive whole number, not ${shown(jobs)}`, { hint: 'e.g. -j 2' })
  return {
    oldPath: args.old,
    newPath: args.new,
    func,
    claims,
    assumes: [...(spec?.assume ?? []), ...(args.assume ?? [])],
    nullable: [...new Set([...(spec?.nullable ?? []), ...(args.nullable ?? [])])],
    buffers,
    maxSize: maxSize ?? DEFAULTS.maxSize,
    maxSizeIsDefault: maxSize === undefined,
    unwind,
    maxUnwind: unwind === 'auto' ? maxUnwind : Math.max(maxUnwind, unwind),
    timeoutSec,
    ...(memoryMb !== undefined ? { memoryMb } : {}),
    ...(proofTimeoutSec !== undefined ? { proofTimeoutSec } : {}),
    // one directory / one macro per entry, as with -I/-D (a directory may contain spaces)
    includes: [...(spec?.include ?? []), ...(args.include ?? [])],
    defines: [...(spec?.define ?? []), ...(args.define ?? [])],
    cflags,
    fwrapv,
    initGlobals: args.initGlobals ?? spec?.['init-globals'] ?? false,
    cbmc: args.cbmc,
    jobs,
    keepHarness: args.keepHarness,
    // refused here, before any cbmc runs: an option that drops or narrows properties proves nothing
    extraCbmcArgs: checkCbmcArgs(args.cbmcArg ?? []),
    solver: args.solver ?? 'auto',
    models: args.models,
    replay: args.replay ?? true,
    held: spec?.held ?? [],
    externals: Object.fromEntries(Object.entries(spec?.externals ?? {}).map(([k, v]) => [k, v.writes ?? []])),
  }
}
