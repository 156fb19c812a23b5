/**
 * The orchestrator: extract → generate → run → parse → classify → report.
 * Owns the temp dir, the job pool and the CBMC probe; never prints, never exits.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { buildCbmcArgs, buildListFunctionsArgs, renderCommand } from '../cbmc/args.js'
import { locateCbmc } from '../cbmc/locate.js'
import { parseCbmcJson, parseGotoFunctions } from '../cbmc/parse.js'
import { runCbmc } from '../cbmc/run.js'
import type { CbmcTool } from '../cbmc/types.js'
import { interpretRun } from '../classify/job.js'
import type { JobResult } from '../classify/types.js'
import { EXIT_OF, decideVerdict, type VerdictParts } from '../classify/verdict.js'
import { ToolFailureError, ToolNotFoundError } from '../errors.js'
import { extractFunctionPair } from '../extract/extract.js'
import type { Preprocessed } from '../extract/read.js'
import type { FunctionPair } from '../extract/types.js'
import { modeLabel, modeName, renderHarness } from '../harness/render.js'
import { ENTRY, PREFIX } from '../harness/markers.js'
import type { Harness, HarnessMode, HarnessOptions } from '../harness/types.js'
import type { BoundInfo, ProofReport, RunInfo } from '../report/types.js'
import { SCHEMA_VERSION } from '../report/types.js'
import { buildHarnessOptions, exprList } from './options.js'
import { loadModels } from './models.js'
import { findGcc, notReplayed, replayRun } from './replay.js'
import { runPool } from './pool.js'
import { cacheKey, toolFingerprint, type ResultCache } from './cache.js'
import type { Logger, VerifyRequest } from './types.js'

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export { TOOL_VERSION } from '../version.js'
import { TOOL_VERSION } from '../version.js'

interface Session {
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
async function timed<T>(s: Session, fn: () => Promise<T>): Promise<T> {
  if (s.running++ === 0) s.busySince = performance.now()
  try {
    return await fn()
  } finally {
    if (--s.running === 0) s.toolMs += performance.now() - s.busySince
  }
}

/** Modes to run for a proof: equivalence, one per claim, and memory safety per version. */
export function planModes(opts: HarnessOptions): HarnessMode[] {
  const modes: HarnessMode[] = [{ kind: 'equiv' }]
  opts.claims.forEach((_, i) => modes.push({ kind: 'claim', claim: i }))
  // a claim about the world's answers cannot restrict a one-version safety run: leave it out (its
  // fixed violations then count as unintended, the conservative side)
  const safetyClaims = opts.claims.map((c, i) => (c.differs.includes('safety') && !c.world ? i : -1)).filter(i => i >= 0)
  modes.push({ kind: 'safety', version: 'old', restrict: safetyClaims.length ? 'outside-safety-claims' : 'all' })
  for (const i of safetyClaims) modes.push({ kind: 'safety', version: 'old', restrict: { claim: i } })
  modes.push({ kind: 'safety', version: 'new', restrict: 'all' })
  return modes
}

/** The bounds tried in auto mode: 1, 2, 4, … up to max. */
export function unwindSchedule(unwind: number | 'auto', max: number): number[] {
  if (unwind !== 'auto') return [unwind]
  const out: number[] = []
  for (let k = 1; k < max; k *= 2) out.push(k)
  out.push(max)
  return out
}

async function writeHarness(dir: string, h: Harness): Promise<void> {
  await mkdir(dir, { recursive: true })
  await Promise.all(h.files.map(f => writeFile(path.join(dir, f.name), f.text)))
}

/** SMT (Z3) for comparison runs of code that multiplies or divides variables; SAT otherwise. */
function usesZ3(s: Session, req: VerifyRequest, h: Harness, traceOf?: readonly string[]): boolean {
  // finding an assignment for a known failure is what SAT solvers are best at: traces use SAT
  if (!s.tool.z3 || h.mode.kind === 'safety' || traceOf) return false
  return req.solver === 'z3' || (req.solver === 'auto' && s.nonlinear > 0)
}

function invocation(s: Session, req: VerifyRequest, h: Harness, dir: string, argv: string[]) {
  return {
    cbmc: s.tool.cbmc, argv, cwd: dir, timeoutMs: runTimeoutMs(s, req), signal: s.signal, memoryMb: req.memoryMb, tmpDir: s.dir,
    pathPrepend: argv.includes('--z3') ? path.dirname(s.tool.z3!) : undefined,
  }
}

/** The command line a user can paste (with PATH set so cbmc --z3 finds the same z3). */
function commandLine(s: Session, req: VerifyRequest, h: Harness, argv: readonly string[]): string {
  void req, h
  const cmd = renderCommand(s.tool.cbmc, argv)
  return argv.includes('--z3') ? `PATH=${renderCommand(path.dirname(s.tool.z3!), []).trim()}:"$PATH" ${cmd}` : cmd
}

function argsFor(s: Session, req: VerifyRequest, h: Harness, unwind: number, traceOf?: readonly string[]): string[] {
  return buildCbmcArgs({
    smt: usesZ3(s, req, h, traceOf) ? 'z3' : undefined,
    properties: traceOf,
    sliceFormula: traceOf === undefined,
    files: h.files.map(f => f.name),
    entry: h.entry,
    unwind,
    unwindset: h.unwindset,
    checks: h.checks,
    fwrapv: req.fwrapv,
    solver: s.tool.cadical,
    extra: req.extraCbmcArgs,
  })
}

/** Run one mode, deepening the bound in auto mode until complete, definitive, or out of budget. */
async function runMode(s: Session, req: VerifyRequest, h: Harness, dir: string): Promise<{ result: JobResult; runs: RunInfo[] }> {
  const runs: RunInfo[] = []
  const name = modeName(h.mode)
  let result: JobResult | undefined
  for (const unwind of unwindSchedule(req.unwind, req.maxUnwind)) {
    const argv = argsFor(s, req, h, unwind)
    s.log.debug(`[${name}] ${commandLine(s, req, h, argv)}`)
    const run = await timed(s, () => runCbmc(invocation(s, req, h, dir, argv)))
    result = interpretRun({ run: name, harness: h, unwind }, run, parseCbmcJson(run.stdout))
    const definitive = result.eqFailures.length > 0 || result.thenFailure !== undefined
    runs.push({
      run: name, unwind, durationMs: Math.round(run.durationMs), command: `cd ${name} && ${commandLine(s, req, h, argv)}`,
      status: result.status === 'complete' ? (definitive || result.safety.length || result.reach ? 'found' : 'complete') : result.status,
    })
    s.log.debug(`[${name}] unwind ${unwind}: ${result.status} in ${Math.round(run.durationMs)} ms`)
    if (result.status !== 'bound-too-small' || definitive || result.noBody.length) break
    // the proof's own budget is spent: a deeper bound would only time out
    if (s.deadline !== undefined && performance.now() >= s.deadline) break
  }
  if (result && result.findingIds.length) result = await fullTraces(s, req, h, dir, result, runs)
  return { result: result!, runs }
}

/**
 * --slice-formula drops counterexample inputs that do not influence the failed property; re-check
 * just the failed properties without slicing to get whole traces (inputs and all observed values).
 */
async function fullTraces(s: Session, req: VerifyRequest, h: Harness, dir: string, first: JobResult, runs: RunInfo[]): Promise<JobResult> {
  const name = modeName(h.mode)
  const argv = argsFor(s, req, h, first.unwind, first.findingIds)
  const run = await timed(s, () => runCbmc(invocation(s, req, h, dir, argv)))
  const again = interpretRun({ run: name, harness: h, unwind: first.unwind }, run, parseCbmcJson(run.stdout))
  runs.push({ run: `${name} (traces)`, unwind: first.unwind, durationMs: Math.round(run.durationMs), command: `cd ${name} && ${commandLine(s, req, h, argv)}`, status: again.status === 'complete' ? 'found' : again.status })
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

/** Both versions must really be in the program (a silently shadowed copy would prove old ≡ old). */
async function checkProgram(s: Session, req: VerifyRequest, pair: FunctionPair, h: Harness, dir: string): Promise<string[] | 'timeout' | 'out-of-memory'> {
  const argv = buildListFunctionsArgs(h.files.map(f => f.name), h.entry)
  const run = await timed(s, () => runCbmc({ cbmc: s.tool.cbmc, argv, cwd: dir, timeoutMs: runTimeoutMs(s, req), signal: s.signal, memoryMb: req.memoryMb, tmpDir: s.dir }))
  if (run.termination === 'timeout') return 'timeout'
  // under a --memory cap cbmc may not even load (the loader cannot map it) or parse the program
  if (req.memoryMb !== undefined && run.exitCode !== 0 && (!run.stdout.trim() || /out of memory|bad_alloc|cannot allocate memory/i.test(run.stdout + run.stderr))) return 'out-of-memory'
  const fns = parseGotoFunctions(run.stdout)
  if (!Array.isArray(fns)) {
    const parsed = parseCbmcJson(run.stdout)
    const errs = parsed.messages.filter(m => m.type === 'ERROR').map(m => `${m.location?.file ? `${path.basename(m.location.file)}:${m.location.line ?? '?'}: ` : ''}${m.text}`)
    throw new ToolFailureError(`cbmc cannot build the harness for ${pair.func}(): ${errs.slice(0, 3).join('; ') || fns.reason}`, {
      hint: errs.some(e => /klp-harness/.test(e)) ? 'this is likely a klp-verify bug: re-run with --keep-harness DIR and report it' : 'CBMC\'s C front end rejected the code; check -D/-I/--cflags, or simplify the construct',
    })
  }
  const has = (n: string) => fns.some(f => f.name === n && f.isBodyAvailable)
  const reached = new Set(pair.referenced)
  for (const e of [pair.old.entry, pair.new.entry]) {
    if (!has(e)) throw new ToolFailureError(`the harness program lacks ${e}; the two versions did not both get linked`, { hint: 'this is a klp-verify bug: re-run with --keep-harness DIR and report it' })
  }
  return fns
    .filter(f => !f.isBodyAvailable && !f.isInternal && !f.name.startsWith('__CPROVER') && f.name !== ENTRY)
    .map(f => f.name.replace(new RegExp(`^(${PREFIX.old}|${PREFIX.new})`), ''))
    .filter((n, i, a) => a.indexOf(n) === i)
    // only what the proved code can reach: the file's other functions may call anything
    .filter(n => reached.has(n))
    .sort()
}

function solverText(tool: CbmcTool, req: VerifyRequest, nonlinear: number): string {
  const sat = tool.cadical ? 'CaDiCaL (SAT, external)' : 'MiniSat (SAT, built into cbmc)'
  const z3 = tool.z3 && (req.solver === 'z3' || (req.solver === 'auto' && nonlinear > 0))
  if (!z3) return req.solver === 'auto' && nonlinear > 0 ? `${sat}; no z3 found for the ${nonlinear} variable multiplications/divisions` : sat
  return `Z3 (SMT) for comparisons${req.solver === 'z3' ? '' : ` (the code has ${nonlinear} variable multiplication/division${nonlinear > 1 ? 's' : ''})`}, ${sat} for memory safety`
}

function boundsOf(req: VerifyRequest, opts: HarnessOptions, parts: { bound: number }): BoundInfo[] {
  const b: BoundInfo[] = [
    { what: 'unwinding bound', value: req.unwind === 'auto' ? `auto (reached ${parts.bound}, max ${req.maxUnwind})` : String(req.unwind), isDefault: req.unwind === 'auto' },
    { what: 'max buffer size (--max-size)', value: `${req.maxSize} elements`, isDefault: req.maxSizeIsDefault },
  ]
  for (const [p, len] of Object.entries(req.buffers)) b.push({ what: `buffer ${p}`, value: `${len} elements, 0 <= ${len} <= ${req.maxSize}`, isDefault: false })
  for (const a of req.assumes) b.push({ what: 'assumption', value: a, isDefault: false })
  for (const n of req.nullable) b.push({ what: `${n} may be NULL`, value: 'yes', isDefault: false })
  if (req.proofTimeoutSec !== undefined) b.push({ what: 'time per proof (--proof-timeout)', value: `${req.proofTimeoutSec} s`, isDefault: false })
  if (req.memoryMb !== undefined) b.push({ what: 'memory per cbmc process (--memory)', value: `${req.memoryMb} MiB`, isDefault: false })
  b.push({ what: 'pointer parameters', value: 'non-NULL, one object each unless --buffer/--nullable', isDefault: true })
  b.push({ what: 'pointer fields of input objects', value: 'NULL or one fresh object (depth 1)', isDefault: true })
  b.push({ what: 'globals at entry', value: opts.initGlobals ? 'their initializers (--init-globals)' : 'any value, the same for both versions', isDefault: !opts.initGlobals })
  b.push({ what: 'signed overflow', value: req.fwrapv ? 'wraps (--fwrapv)' : 'undefined (a safety violation)', isDefault: !req.fwrapv })
  return b
}

function optionsOf(req: VerifyRequest): Record<string, unknown> {
  return {
    unwind: req.unwind, maxUnwind: req.maxUnwind, maxSize: req.maxSize, timeoutSec: req.timeoutSec, proofTimeoutSec: req.proofTimeoutSec, memoryMb: req.memoryMb, fwrapv: req.fwrapv,
    initGlobals: req.initGlobals, buffers: req.buffers, nullable: req.nullable, assumes: req.assumes,
    includes: req.includes, defines: req.defines, cflags: req.cflags, jobs: req.jobs,
  }
}

export interface VerifyEnv {
  readonly log: Logger
  readonly env: Record<string, string | undefined>
  readonly signal?: AbortSignal
  /** Look proofs up by content before running cbmc, and store finished ones. */
  readonly cache?: ResultCache
  /** Share preprocessing between proofs of files that do not change meanwhile (a series' snapshots). */
  readonly preprocessMemo?: Map<string, Promise<Preprocessed>>
}

/** What decides a proof beyond its harness text: cbmc, solvers and the options that reach them. */
let fingerprint: Promise<string> | undefined

async function keyOf(tool: CbmcTool, req: VerifyRequest, hs: readonly { h: Harness }[]): Promise<string> {
  fingerprint ??= toolFingerprint(PACKAGE_ROOT)
  return cacheKey({
    tool: `${TOOL_VERSION} ${await fingerprint}`,
    cbmc: `${tool.version} sat:${tool.cadical ? 'cadical' : 'minisat'} z3:${tool.z3 ? 'yes' : 'no'}`,
    // line markers name the files: a series' snapshots live in a fresh temporary folder each run
    harnesses: hs.map(x => x.h.files.map(f => ({ name: f.name, text: req.scratchRoot ? f.text.split(req.scratchRoot).join('<scratch>') : f.text }))),
    options: {
      unwind: req.unwind, maxUnwind: req.maxUnwind, timeoutSec: req.timeoutSec, proofTimeoutSec: req.proofTimeoutSec, memoryMb: req.memoryMb, fwrapv: req.fwrapv,
      solver: req.solver, replay: req.replay, extra: req.extraCbmcArgs, maxSize: req.maxSize, claims: req.claims,
      // they only label the report, but a report names them: keep them in the key
      buffers: req.buffers, assumes: req.assumes, nullable: req.nullable,
    },
  })
}

/**
 * A report is stored unless the proof was cut short: by the user, by an error, or by a time or
 * memory limit (a busy night must not make a proof inconclusive for good; the next run retries).
 */
export function cacheable(r: Pick<ProofReport, 'verdict' | 'reason' | 'runs'>, signal?: AbortSignal): boolean {
  const limited = (s: string | undefined) => s === 'timeout' || s === 'out-of-memory'
  return !signal?.aborted && r.verdict !== 'error' && !limited(r.reason) && !r.runs.some(x => x.status === 'cancelled' || x.status === 'error' || limited(x.status))
}

export async function verify(req: VerifyRequest, env: VerifyEnv): Promise<ProofReport> {
  const t0 = performance.now()
  const toolProbe = performance.now()
  const tool = await locateCbmc({ flag: req.cbmc, env: env.env, projectRoot: PACKAGE_ROOT })
  const probeMs = performance.now() - toolProbe
  env.log.debug(`cbmc: ${tool.cbmc} (${tool.version}, ${tool.source}); solver: ${tool.cadical ?? 'built-in MiniSat'}`)
  const dir = await mkdtemp(path.join(tmpdir(), 'klp-verify-'))
  const s: Session = {
    tool, dir, log: env.log, signal: env.signal, toolMs: probeMs, running: 0, busySince: 0, nonlinear: 0,
    ...(req.proofTimeoutSec !== undefined ? { deadline: t0 + req.proofTimeoutSec * 1000 } : {}),
  }
  try {
    const pair = await extractFunctionPair({
      oldPath: req.oldPath, newPath: req.newPath, func: req.func,
      includes: req.includes, sideIncludes: req.sideIncludes, memo: env.preprocessMemo, defines: req.defines, cflags: req.cflags, exprs: exprList(req),
    })
    const opts = await buildHarnessOptions(pair, req, pair.externals.externals.length ? await loadModels(req.models) : new Map())
    s.nonlinear = pair.nonlinear
    if (req.solver === 'z3' && !tool.z3) {
      throw new ToolNotFoundError('--solver z3: no z3 found next to cbmc, in .klp-tools/bin or on PATH', { hint: 'run npm install (it provisions z3), or install z3' })
    }
    const base = {
      schemaVersion: SCHEMA_VERSION, tool: { name: 'klp-verify', version: TOOL_VERSION } as const,
      cbmc: { version: tool.version, solver: solverText(tool, req, pair.nonlinear) },
      function: req.func, old: req.oldPath, new: req.newPath, options: optionsOf(req),
      typeChanges: pair.typeChanges, constChanges: pair.constChanges,
    }
    const finish = (parts: VerdictParts, runs: RunInfo[], extra: Partial<ProofReport> = {}): ProofReport => {
      const totalMs = performance.now() - t0
      return {
        ...base, verdict: parts.verdict, reason: parts.reason, exitCode: EXIT_OF[parts.verdict], summary: parts.summary,
        differences: parts.differences, claims: parts.claims, preExisting: parts.preExisting,
        unwinding: { mode: req.unwind === 'auto' ? 'auto' : 'fixed', bound: parts.bound, complete: parts.complete, openLoops: parts.openLoops },
        bounds: boundsOf(req, opts, parts), hints: parts.hints, errors: parts.errors, runs,
        timings: { totalMs: Math.round(totalMs), toolMs: Math.round(s.toolMs), ownMs: Math.round(Math.max(0, totalMs - s.toolMs)) },
        ...extra,
      }
    }
    const emptyParts = (over: Partial<VerdictParts>): VerdictParts => ({
      verdict: 'inconclusive', summary: '', differences: [], preExisting: [], hints: [], errors: [], complete: false, openLoops: [], bound: 0,
      claims: req.claims.map(c => ({ id: c.id, when: c.when, then: c.then, differs: c.differs, observed: null })),
      ...over,
    })

    if (pair.typeChanges.length) {
      const names = pair.typeChanges.map(t => t.type).join(', ')
      return finish(emptyParts({
        reason: 'type-changed',
        summary: `the patch changes type definitions (${names}); old and new cannot be compared on shared types`,
        hints: ['a live patch cannot change the layout of a type that running code already uses; keep the old layout (e.g. use shadow variables) or prove each caller'],
      }), [])
    }

    const modes = planModes(opts)
    const harnesses = modes.map(m => ({ mode: m, h: renderHarness(pair, opts, m), dir: path.join(dir, modeName(m)) }))
    if (req.keepHarness) await keepHarnesses(s, req, harnesses)
    const key = env.cache ? await keyOf(tool, req, harnesses) : ''
    const hit = env.cache ? await env.cache.get(key) : undefined
    if (!hit) await Promise.all(harnesses.map(x => writeHarness(x.dir, x.h)))
    if (hit) {
      env.log.info(`${pair.func}(): cached result (${hit.verdict}), nothing re-run`)
      const totalMs = Math.round(performance.now() - t0)
      return { ...hit, ...base, cached: true, timings: { totalMs, toolMs: Math.round(s.toolMs), ownMs: Math.max(0, totalMs - Math.round(s.toolMs)) } }
    }
    const store = async (r: ProofReport): Promise<ProofReport> => {
      // a full disk never costs a finished proof its result
      if (env.cache && cacheable(r, env.signal)) await env.cache.put(key, r).catch(err => env.log.info(`warning: result not cached: ${(err as Error).message}`))
      return r
    }
    const externals = await checkProgram(s, req, pair, harnesses[0]!.h, harnesses[0]!.dir)
    if (externals === 'out-of-memory') {
      return finish(emptyParts({
        reason: 'out-of-memory',
        summary: `cbmc could not load the program within the --memory cap of ${req.memoryMb} MiB`,
        hints: [`raise --memory (now ${req.memoryMb} MiB per cbmc process)`],
      }), [])
    }
    if (externals === 'timeout') {
      return store(finish(emptyParts({
        reason: 'timeout',
        summary: `cbmc did not even load the program within the ${req.timeoutSec} s timeout`,
        hints: [`raise --timeout (now ${req.timeoutSec} s per cbmc run)`],
      }), []))
    }
    if (externals.length) {
      return finish(emptyParts({
        reason: 'external-calls',
        summary: `${pair.func}() calls functions without a body (${externals.join(', ')}); they are not modelled, so the versions cannot be compared honestly`,
        hints: [`add the bodies of ${externals.join(', ')} to both files (or a shared header), or prove a function that does not call them`],
      }), [])
    }
    env.log.info(`proving ${pair.func}(): ${modes.length} cbmc runs (${modes.map(modeName).join(', ')}), ${req.jobs} in parallel`)
    const done = await runPool(harnesses, req.jobs, x => runMode(s, req, x.h, x.dir))
    let results = done.map(d => d.result)
    if (req.replay) results = await confirmNatively(s, req, pair, opts, results)
    const parts = decideVerdict(results, {
      claims: opts.claims, claimSources: req.claims, unwindMode: req.unwind === 'auto' ? 'auto' : 'fixed', maxUnwind: req.maxUnwind, timeoutSec: req.timeoutSec,
      ...(req.proofTimeoutSec !== undefined ? { proofTimeoutSec: req.proofTimeoutSec } : {}),
    })
    return await store(finish(parts, done.flatMap(d => d.runs)))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Run every counterexample natively (gcc, sanitizers) and mark it confirmed or not. */
async function confirmNatively(s: Session, req: VerifyRequest, pair: FunctionPair, opts: HarnessOptions, results: readonly JobResult[]): Promise<JobResult[]> {
  const has = (r: JobResult) => r.eqFailures.length > 0 || r.reach !== undefined || r.thenFailure !== undefined || r.safety.length > 0
  if (!results.some(has)) return [...results]
  const gcc = await findGcc()
  const budget = { left: 8 }
  const out: JobResult[] = []
  for (const r of results) {
    if (!has(r)) { out.push(r); continue }
    if (!gcc) { out.push(notReplayed(r, 'gcc not found: counterexamples were not run natively')); continue }
    const native = renderHarness(pair, { ...opts, native: true }, r.mode)
    const dir = path.join(req.keepHarness ? path.resolve(req.keepHarness) : s.dir, modeName(r.mode))
    out.push(await timed(s, () => replayRun({ gcc, fwrapv: req.fwrapv, signal: s.signal }, r, native, dir, budget)))
  }
  return out
}

async function keepHarnesses(s: Session, req: VerifyRequest, hs: readonly { mode: HarnessMode; h: Harness }[]): Promise<void> {
  const root = path.resolve(req.keepHarness!)
  const lines: string[] = ['#!/bin/sh', '# Re-run every cbmc proof of this klp-verify run by hand.', 'set -x', 'cd "$(dirname "$0")"']
  for (const { mode, h } of hs) {
    const d = path.join(root, modeName(mode))
    await writeHarness(d, h)
    const unwind = req.unwind === 'auto' ? req.maxUnwind : req.unwind
    const cmd = commandLine(s, req, h, argsFor(s, req, h, unwind))
    await writeFile(path.join(d, 'cbmc-command.txt'), `# ${modeLabel(mode)}\ncd ${modeName(mode)} && ${cmd}\n`)
    lines.push(`(cd ${modeName(mode)} && ${cmd})`)
  }
  await writeFile(path.join(root, 'run-cbmc.sh'), lines.join('\n') + '\n', { mode: 0o755 })
}
