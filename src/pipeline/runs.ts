/**
 * Running one harness with cbmc: the argument list, the time limits (per run and per proof), bound
 * deepening in auto mode, and a re-run of failed properties for whole traces.
 */
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildCbmcArgs, buildShowPropertiesArgs, renderCommand, type CbmcArgOptions } from '../cbmc/args.js'
import { parseCbmcJson, parseShowProperties } from '../cbmc/parse.js'
import { runCbmc } from '../cbmc/run.js'
import type { CbmcTool } from '../cbmc/types.js'
import { interpretRun } from '../classify/job.js'
import type { JobResult } from '../classify/types.js'
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
 * The bounds tried in auto mode: 1, 2, 4, … up to max. `from`: start there instead of at 1 (a smaller
 * buffer bound already showed every bound below it too small, and a larger buffer only adds paths).
 */
export function unwindSchedule(unwind: number | 'auto', max: number, from = 1): number[] {
  return unwind === 'auto' ? doublingSchedule(Math.min(from, max), max) : [unwind]
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

export function argsFor(s: Session, req: VerifyRequest, h: Harness, unwind: number, traceOf?: readonly string[]): string[] {
  return buildCbmcArgs(argOptions(s, req, h, unwind, traceOf))
}

function argOptions(s: Session, req: VerifyRequest, h: Harness, unwind: number, traceOf?: readonly string[]): CbmcArgOptions {
  return {
    smt: usesZ3(s, req, h, traceOf) ? 'z3' : undefined,
    properties: traceOf,
    sliceFormula: traceOf === undefined,
    files: h.files.map(f => f.name),
    entry: h.entry,
    unwind,
    unwindset: h.unwindset,
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

/** Where a mode runs among the buffer bounds of a proof (pipeline/sizes.ts); absent: the requested bound only. */
export interface ModeStep {
  /** The first unwinding bound to try in auto mode. */
  readonly from: number
  /** The buffer bound of this step, recorded on its runs. */
  readonly maxSize: number
  /** The run's folder relative to the proof's, for the command a user can paste (`size-8/equiv`). */
  readonly where: string
}

/** Run one mode, deepening the bound in auto mode until complete, definitive, or out of budget. */
export async function runMode(s: Session, req: VerifyRequest, h: Harness, dir: string, step?: ModeStep): Promise<{ result: JobResult; runs: RunInfo[] }> {
  const runs: RunInfo[] = []
  const name = modeName(h.mode)
  const where = step?.where ?? name
  const at = step ? { maxSize: step.maxSize } : {}
  let result: JobResult | undefined
  const schedule = unwindSchedule(req.unwind, req.maxUnwind, step?.from)
  const instrumented = await instrumentedIds(s, req, h, dir, schedule[0]!)
  for (const unwind of schedule) {
    const argv = argsFor(s, req, h, unwind)
    s.log.debug(`[${name}] ${commandLine(s, argv)}`)
    const run = await timed(s, () => runCbmc(invocation(s, req, dir, argv)))
    result = interpretRun({ run: name, harness: h, unwind, ...(instrumented ? { instrumented } : {}) }, run, parseCbmcJson(run.stdout))
    const definitive = result.eqFailures.length > 0 || result.thenFailure !== undefined
    runs.push({
      run: name, unwind, ...at, durationMs: Math.round(run.durationMs), command: `cd ${where} && ${commandLine(s, argv)}`,
      status: result.status === 'complete' ? (definitive || result.safety.length || result.reach ? 'found' : 'complete') : result.status,
    })
    s.log.debug(`[${name}] unwind ${unwind}: ${result.status} in ${Math.round(run.durationMs)} ms`)
    if (result.status !== 'bound-too-small' || definitive || result.noBody.length) break
    // the proof's own budget is spent: a deeper bound would only time out
    if (s.deadline !== undefined && performance.now() >= s.deadline) break
  }
  if (result && result.findingIds.length) result = await fullTraces(s, req, h, dir, result, runs, where, at)
  return { result: result!, runs }
}

/**
 * --slice-formula drops counterexample inputs that do not influence the failed property; re-check
 * just the failed properties without slicing to get whole traces (inputs and all observed values).
 */
async function fullTraces(s: Session, req: VerifyRequest, h: Harness, dir: string, first: JobResult, runs: RunInfo[], where: string, at: { maxSize?: number }): Promise<JobResult> {
  const name = modeName(h.mode)
  const argv = argsFor(s, req, h, first.unwind, first.findingIds)
  const run = await timed(s, () => runCbmc(invocation(s, req, dir, argv)))
  const again = interpretRun({ run: name, harness: h, unwind: first.unwind, properties: first.findingIds }, run, parseCbmcJson(run.stdout))
  runs.push({ run: `${name} (traces)`, unwind: first.unwind, ...at, durationMs: Math.round(run.durationMs), command: `cd ${where} && ${commandLine(s, argv)}`, status: again.status === 'complete' ? 'found' : again.status })
  if (again.status === 'error' || again.status === 'timeout' || again.status === 'out-of-memory' || again.status === 'cancelled') return first
  // keep the first run's completeness facts; take the findings with whole traces
  return {
    ...first,
    eqFailures: again.eqFailures.length ? again.eqFailures : first.eqFailures,
    reach: again.reach ?? first.reach,
    thenFailure: again.thenFailure ?? first.thenFailure,
    safety: again.safety.length ? again.safety : first.safety,
  }
}
