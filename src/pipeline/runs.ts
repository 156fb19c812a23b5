/**
 * Running one harness with cbmc: the argument list, the time limits (per run and per proof), the
 * bound of each loop in auto mode (read from the code where it can be, deepening only the loops
 * still open, loops.ts), and a re-run of failed properties for whole traces.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildCbmcArgs, buildShowLoopsArgs, buildShowPropertiesArgs, renderCommand, type CbmcArgOptions, type UnwindEntry } from '../cbmc/args.js'
import { boundSchedule, deriveLoopBound, nextBound } from '../cbmc/loops.js'
import { parseCbmcJson, parseShowLoops, parseShowProperties } from '../cbmc/parse.js'
import { runCbmc } from '../cbmc/run.js'
import type { CbmcTool, Property, ShownLoop } from '../cbmc/types.js'
import { LIMIT, parseMarker } from '../model/names.js'
import { interpretRun, locationText } from '../classify/job.js'
import type { JobResult, OpenLoop } from '../classify/types.js'
import { modeName } from '../harness/render.js'
import type { Harness } from '../harness/types.js'
import type { RunInfo } from '../report/types.js'
import type { Logger, VerifyRequest } from './types.js'

export interface Session {
  readonly tool: CbmcTool
  readonly dir: string
  readonly log: Logger
  readonly signal?: AbortSignal
  /** Wall-clock time during which at least one tool process ran (parallel runs overlap). */
  toolMs: number
  running: number
  busySince: number
  /** Non-constant multiplications/divisions in the code under proof. */
  nonlinear: number
  /** performance.now() by which the whole proof must be done (--proof-timeout), if any. */
  readonly deadline?: number
  /**
   * The loops of the code under proof, listed once per proof (`--show-loops`): every mode and buffer
   * bound runs the same functions, so their loop ids are the same (an id a program lacks only makes
   * cbmc warn). undefined inside: cbmc could not list them.
   */
  shownLoops?: Promise<readonly ShownLoop[] | undefined>
}

/** A cbmc run's time limit: --timeout, or what is left of the proof's own budget if that is less. */
function runTimeoutMs(s: Session, req: VerifyRequest): number {
  const per = req.timeoutSec * 1000
  return s.deadline === undefined ? per : Math.max(1, Math.min(per, Math.floor(s.deadline - performance.now())))
}

/** Measure a tool process so the report can split wall time into klp-verify's own and the tools'. */
export async function timed<T>(s: Session, fn: () => Promise<T>): Promise<T> {
  if (s.running++ === 0) s.busySince = performance.now()
  try {
    return await fn()
  } finally {
    if (--s.running === 0) s.toolMs += performance.now() - s.busySince
  }
}

/** A deepening schedule: from, 2·from, 4·from, … below max, then max (just max when from >= max). */
export function doublingSchedule(from: number, max: number): number[] {
  const out: number[] = []
  for (let k = Math.max(1, from); k < max; k *= 2) out.push(k)
  out.push(max)
  return out
}

/**
 * The global bounds tried in auto mode: from, then the 2^k + 1 values up to max + 1 (`--max-unwind N`
 * covers loops of up to N iterations, which need the bound N + 1). `from`: start there instead of
 * at 1 (a smaller buffer bound already showed every bound below it too small).
 */
export function unwindSchedule(unwind: number | 'auto', max: number, from = 1): number[] {
  return unwind === 'auto' ? boundSchedule(from, max + 1) : [unwind]
}

/** SMT (Z3) for comparison runs of code that multiplies or divides variables; SAT otherwise. */
function usesZ3(s: Session, req: VerifyRequest, h: Harness, traceOf?: readonly string[]): boolean {
  // finding an assignment for a known failure is what SAT solvers are best at: traces use SAT
  if (!s.tool.z3 || h.mode.kind === 'safety' || traceOf) return false
  return req.solver === 'z3' || (req.solver === 'auto' && s.nonlinear > 0)
}

export function invocation(s: Session, req: VerifyRequest, dir: string, argv: readonly string[]) {
  return {
    cbmc: s.tool.cbmc, argv, cwd: dir, timeoutMs: runTimeoutMs(s, req), signal: s.signal, memoryMb: req.memoryMb, tmpDir: s.dir,
    pathPrepend: argv.includes('--z3') ? path.dirname(s.tool.z3!) : undefined,
  }
}

/** The command line a user can paste (with PATH set so cbmc --z3 finds the same z3). */
export function commandLine(s: Session, argv: readonly string[]): string {
  const cmd = renderCommand(s.tool.cbmc, argv)
  return argv.includes('--z3') ? `PATH=${renderCommand(path.dirname(s.tool.z3!), []).trim()}:"$PATH" ${cmd}` : cmd
}

/** argv of a run: the global bound, and per-loop bounds (`--unwindset`) beside the harness's own. */
export function argsFor(s: Session, req: VerifyRequest, h: Harness, unwind: number, traceOf?: readonly string[], loops: readonly UnwindEntry[] = []): string[] {
  return buildCbmcArgs(argOptions(s, req, h, unwind, traceOf, loops))
}

function argOptions(s: Session, req: VerifyRequest, h: Harness, unwind: number, traceOf?: readonly string[], loops: readonly UnwindEntry[] = []): CbmcArgOptions {
  return {
    smt: usesZ3(s, req, h, traceOf) ? 'z3' : undefined,
    properties: traceOf,
    sliceFormula: traceOf === undefined,
    files: h.files.map(f => f.name),
    entry: h.entry,
    unwind,
    unwindset: [...h.unwindset, ...loops],
    checks: h.checks,
    fwrapv: req.fwrapv,
    platform: req.cbmcPlatform,
    solver: s.tool.cadical,
    extra: req.extraCbmcArgs,
  }
}

/**
 * The property ids cbmc instruments for this harness (`--show-properties`, the same check flags as the
 * runs, so the same numbering): every one must come back from an unrestricted run. Unwinding
 * assertions are made during symex and are not among them (they cannot be dropped: the options that
 * would are refused). undefined when cbmc could not list them: the run itself then says why.
 */
async function instrumentedIds(s: Session, req: VerifyRequest, h: Harness, dir: string, unwind: number): Promise<string[] | undefined> {
  const argv = buildShowPropertiesArgs(argOptions(s, req, h, unwind))
  const run = await timed(s, () => runCbmc(invocation(s, req, dir, argv)))
  const shown = parseShowProperties(run.stdout)
  return Array.isArray(shown) ? shown.map(p => p.id) : undefined
}

/**
 * The loops of the code under proof (`--show-loops`; not the harness's own, which have their
 * bounds) with the bound each one's header says it needs, where it says (loops.ts). Empty when cbmc
 * could not list them: the schedule then decides every bound.
 */
export async function loopBounds(s: Session, req: VerifyRequest, h: Harness, dir: string): Promise<Map<string, number | undefined>> {
  s.shownLoops ??= timed(s, () => runCbmc(invocation(s, req, dir, buildShowLoopsArgs(argOptions(s, req, h, 1))))).then(run => {
    const shown = parseShowLoops(run.stdout)
    return Array.isArray(shown) ? shown : undefined
  })
  const shown = await s.shownLoops
  const out = new Map<string, number | undefined>()
  if (!shown) return out
  const owned = new Set(h.unwindset.map(u => u.loop))
  const texts = new Map<string, Promise<string[] | undefined>>()
  const lines = (file: string) => {
    if (!texts.has(file)) texts.set(file, readFile(path.resolve(dir, file), 'utf8').then(t => t.split('\n'), () => undefined))
    return texts.get(file)!
  }
  const typedefs = h.files.map(f => f.text).join('\n')
  for (const l of shown) {
    if (owned.has(l.id)) continue
    const { file, line } = l.location ?? {}
    const text = file && line ? await lines(file) : undefined
    const header = text?.[line! - 1]
    out.set(l.id, header === undefined ? undefined : deriveLoopBound(header, { buffers: req.buffers, maxSize: req.maxSize, before: text!.slice(0, line).join('\n'), typedefs }))
  }
  return out
}

/** Where a mode runs among the buffer bounds of a proof (pipeline/sizes.ts); absent: the requested bound only. */
export interface ModeStep {
  /** The first unwinding bound to try in auto mode. */
  readonly from: number
  /** The buffer bound of this step, recorded on its runs. */
  readonly maxSize: number
  /** The run's folder relative to the proof's, for the command a user can paste (`size-8/equiv`). */
  readonly where: string
}

/** The bounds of one run: the global `--unwind`, and per-loop bounds for the loops whose bound is known. */
interface Bounds {
  global: number
  readonly loops: Map<string, number>
}

const entries = (b: Bounds): UnwindEntry[] => [...b.loops].map(([loop, bound]) => ({ loop, bound }))
/** The largest bound of a run (what the report calls the bound reached). */
const largest = (b: Bounds) => Math.max(b.global, ...b.loops.values())

/** Each open loop with the bound it had and the bound that would close it (the one read from its header, else the next 2^k + 1). */
function withNeeds(open: readonly OpenLoop[], b: Bounds, derived: ReadonlyMap<string, number | undefined>, h: Harness): OpenLoop[] {
  return open.map(l => {
    // the harness's limits and its own loops have their bounds: no --unwind changes them
    if (l.loop.startsWith('limit: ') || h.unwindset.some(u => u.loop === l.loop)) return l
    const bound = (l.recursion ? undefined : b.loops.get(l.loop)) ?? b.global
    const read = derived.get(l.loop)
    return { ...l, bound, need: read !== undefined && read > bound ? read : nextBound(bound) }
  })
}

/** Deepen only the open loops (each to the bound that would close it, within the ceiling); false when none can go deeper. */
function deepen(b: Bounds, open: readonly OpenLoop[], ceiling: number): boolean {
  let deeper = false
  let global = b.global
  for (const l of open) {
    if (l.need === undefined || l.bound === undefined || l.bound >= ceiling) continue
    const next = Math.min(ceiling, l.need)
    if (!l.recursion && b.loops.has(l.loop)) b.loops.set(l.loop, Math.max(b.loops.get(l.loop)!, next))
    else global = Math.max(global, next)
    deeper = true
  }
  b.global = global
  return deeper
}

/** A mode's last run with what a whole-trace re-run needs (wholeTraces). */
export interface ModeResult {
  result: JobResult
  readonly runs: RunInfo[]
  readonly rerun?: { readonly h: Harness; readonly dir: string; readonly where: string; readonly at: { maxSize?: number }; readonly b: Bounds; readonly failed: readonly Property[] }
}

/**
 * Run one mode. Auto mode starts every loop of the code at the bound its header says it needs (a
 * `--buffer` length: max-size + 1; the bits of a word: width + 1; a constant count: N + 1) and
 * the rest at the schedule's first bound, then deepens only the loops whose unwinding assertion
 * failed, until complete, definitive, or out of budget or bounds. Findings keep their sliced
 * traces here: wholeTraces completes the ones that need it once every mode has run.
 */
export async function runMode(s: Session, req: VerifyRequest, h: Harness, dir: string, step?: ModeStep): Promise<ModeResult> {
  const runs: RunInfo[] = []
  const name = modeName(h.mode)
  const where = step?.where ?? name
  const at = step ? { maxSize: step.maxSize } : {}
  const auto = req.unwind === 'auto'
  const ceiling = auto ? req.maxUnwind + 1 : (req.unwind as number)
  const derived = auto ? await loopBounds(s, req, h, dir) : new Map<string, number | undefined>()
  const b: Bounds = { global: unwindSchedule(req.unwind, req.maxUnwind, step?.from)[0]!, loops: new Map() }
  for (const [loop, bound] of derived) if (bound !== undefined) b.loops.set(loop, Math.min(ceiling, Math.max(bound, b.global)))
  const instrumented = await instrumentedIds(s, req, h, dir, b.global)
  let result: JobResult
  let failed: readonly Property[] = []
  for (;;) {
    const argv = argsFor(s, req, h, b.global, undefined, entries(b))
    s.log.debug(`[${name}] ${commandLine(s, argv)}`)
    const run = await timed(s, () => runCbmc(invocation(s, req, dir, argv)))
    const unwind = largest(b)
    const parsed = parseCbmcJson(run.stdout)
    const first = interpretRun({ run: name, harness: h, unwind, ...(instrumented ? { instrumented } : {}) }, run, parsed)
    failed = parsed.ok ? (parsed.properties ?? []).filter(p => first.findingIds.includes(p.id)) : []
    // fixed bounds: the loops are read only to say which bound would close the open ones
    const facts = first.openLoops.length && !auto ? await loopBounds(s, req, h, dir) : derived
    result = { ...first, openLoops: withNeeds(first.openLoops, b, facts, h) }
    const definitive = result.eqFailures.length > 0 || result.thenFailure !== undefined
    runs.push({
      run: name, unwind, ...at, durationMs: Math.round(run.durationMs), command: `cd ${where} && ${commandLine(s, argv)}`,
      status: result.status === 'complete' ? (definitive || result.safety.length || result.reach ? 'found' : 'complete') : result.status,
    })
    s.log.debug(`[${name}] unwind ${unwind}: ${result.status} in ${Math.round(run.durationMs)} ms`)
    if (!auto || result.status !== 'bound-too-small' || definitive || result.noBody.length) break
    // the proof's own budget is spent: a deeper bound would only time out
    if (s.deadline !== undefined && performance.now() >= s.deadline) break
    if (!deepen(b, result.openLoops, ceiling)) break
  }
  return { result, runs, ...(result.findingIds.length ? { rerun: { h, dir, where, at, b, failed } } : {}) }
}

/**
 * One solve per finding where that is enough. --slice-formula drops from a counterexample the
 * inputs that do not influence the failed property; a finding whose sliced trace still has every
 * input is whole already (native replay fills what was sliced away with zeros, which cannot change
 * the failure: the slice keeps everything the property and the path to it depend on). Only the others are re-checked without slicing, and a memory-safety finding both
 * versions have (pre-existing: it cannot change the verdict) never is.
 */
export async function wholeTraces(s: Session, req: VerifyRequest, done: readonly ModeResult[]): Promise<void> {
  const keys = (v: 'old' | 'new') => new Set(done.flatMap(d => (d.result.mode.kind === 'safety' && d.result.mode.version === v ? d.result.safety.map(x => x.key) : [])))
  const oldKeys = keys('old'), newKeys = keys('new')
  for (const d of done) {
    if (!d.rerun) continue
    const { h, failed } = d.rerun
    // the world's stubs choose values per call: a sliced trace may miss some calls' choices, and the
    // replay gives each name's choices in order, so with stubs every finding that counts is re-checked
    const world = h.files.some(f => f.text.includes(LIMIT.calls))
    const whole = (f: { inputs: readonly unknown[] }) => !world && f.inputs.length >= h.inputs.length
    const r = d.result
    const ids = new Set<string>()
    const idsOf = (where: (p: Property) => boolean) => failed.filter(where).forEach(p => ids.add(p.id))
    const isMarker = (p: Property) => parseMarker(p.description) !== undefined
    if (r.eqFailures.some(f => !whole(f)) || (r.reach && !whole(r.reach)) || (r.thenFailure && !whole(r.thenFailure))) idsOf(isMarker)
    for (const v of r.safety) {
      if (whole(v) || (oldKeys.has(v.key) && newKeys.has(v.key))) continue
      idsOf(p => !isMarker(p) && p.description === v.description && locationText(p.location) === v.location)
    }
    if (ids.size) d.result = await fullTraces(s, req, d, [...ids])
  }
}

/** Re-check just the given failed properties without slicing, for whole traces (inputs and all observed values). */
async function fullTraces(s: Session, req: VerifyRequest, d: ModeResult, ids: readonly string[]): Promise<JobResult> {
  const { h, dir, where, at, b } = d.rerun!
  const first = d.result
  const name = modeName(h.mode)
  const argv = argsFor(s, req, h, b.global, ids, entries(b))
  const run = await timed(s, () => runCbmc(invocation(s, req, dir, argv)))
  const again = interpretRun({ run: name, harness: h, unwind: first.unwind, properties: ids }, run, parseCbmcJson(run.stdout))
  d.runs.push({ run: `${name} (traces)`, unwind: first.unwind, ...at, durationMs: Math.round(run.durationMs), command: `cd ${where} && ${commandLine(s, argv)}`, status: again.status === 'complete' ? 'found' : again.status })
  if (again.status === 'error' || again.status === 'timeout' || again.status === 'out-of-memory' || again.status === 'cancelled') return first
  // keep the first run's completeness facts; take the findings with whole traces (a safety finding by where it failed)
  const safety = first.safety.map(v => again.safety.find(w => w.key === v.key && w.location === v.location && w.description === v.description) ?? v)
  return {
    ...first,
    eqFailures: first.eqFailures.map(f => again.eqFailures.find(g => g.observable === f.observable) ?? f),
    reach: again.reach ?? first.reach,
    thenFailure: again.thenFailure ?? first.thenFailure,
    safety,
  }
}
