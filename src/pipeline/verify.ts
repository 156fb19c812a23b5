/**
 * The orchestrator: extract → generate → run → parse → classify → report.
 * Owns the temp dir, the job pool and the CBMC probe; never prints, never exits.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { locateCbmc } from '../cbmc/locate.js'
import type { CbmcTool } from '../cbmc/types.js'
import { classifyPrecheck, type LoadFacts } from '../classify/precheck.js'
import type { JobResult } from '../classify/types.js'
import type { VerdictParts } from '../classify/verdict.js'
import { EXIT_OF } from '../model/outcomes.js'
import { ToolNotFoundError } from '../errors.js'
import { extractFunctionPair } from '../extract/extract.js'
import { mapFlags } from '../kbuild/index.js'
import { PREPROCESS_LIMITS, type Preprocessed } from '../extract/read.js'
import type { FunctionPair } from '../extract/types.js'
import { modeName, renderHarness } from '../harness/render.js'
import type { BoundInfo, ProofReport, RunInfo } from '../report/types.js'
import { SCHEMA_VERSION } from '../report/types.js'
import { buildProofModel, exprList } from '../model/build.js'
import { planProof } from '../model/plan.js'
import type { PlannedProof } from '../model/types.js'
import { loadModels } from './models.js'
import { notReplayed } from './replay/judge.js'
import { findGcc, replayRun } from './replay/native.js'
import type { ResultCache } from './cache/store.js'
import { cacheable, proofKey } from './cache/proof-key.js'
import { keepHarnesses, loadProgram, writeHarness } from './program.js'
import { timed, type Session } from './runs.js'
import { childrenCpuMs, runCbmc } from '../cbmc/run.js'
import { completeUnwinding } from '../unbounded/complete.js'
import { attemptLoopProof, loopTools, withAttempt } from '../unbounded/loop-proof.js'
import { proveAtSizes, withSizes } from './sizes.js'
import { containerBounds } from '../model/containers.js'
import { worldBounds } from '../model/world.js'
import { identicalParts, identicalReport, sharedPair, sharedReport, verifySharing, type Sharing } from './shared-callees.js'
import type { Logger, VerifyRequest } from './types.js'

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export { TOOL_VERSION } from '../version.js'
import { TOOL_VERSION } from '../version.js'

function solverText(tool: CbmcTool, req: VerifyRequest, nonlinear: number): string {
  const sat = tool.cadical ? 'CaDiCaL (SAT, external)' : 'MiniSat (SAT, built into cbmc)'
  const z3 = tool.z3 && (req.solver === 'z3' || (req.solver === 'auto' && nonlinear > 0))
  if (!z3) return req.solver === 'auto' && nonlinear > 0 ? `${sat}; no z3 found for the ${nonlinear} variable multiplications/divisions` : sat
  return `Z3 (SMT) for comparisons${req.solver === 'z3' ? '' : ` (the code has ${nonlinear} variable multiplication/division${nonlinear > 1 ? 's' : ''})`}, ${sat} for memory safety`
}

function boundsOf(req: VerifyRequest, initGlobals: boolean, parts: { bound: number }): BoundInfo[] {
  const b: BoundInfo[] = [
    { what: 'unwinding bound', value: req.unwind === 'auto' ? `auto (reached ${parts.bound}, max ${req.maxUnwind})` : String(req.unwind), isDefault: req.unwind === 'auto' },
    { what: 'max buffer size (--max-size)', value: `${req.maxSize} elements`, isDefault: req.maxSizeIsDefault },
  ]
  for (const [p, len] of Object.entries(req.buffers)) b.push({ what: `buffer ${p}`, value: `${len} elements, 0 <= ${len} <= ${req.maxSize}`, isDefault: false })
  for (const a of req.assumes) b.push({ what: 'assumption', value: a, isDefault: false })
  for (const n of req.nullable) b.push({ what: `${n} may be NULL`, value: 'yes', isDefault: false })
  if (req.proofTimeoutSec !== undefined) b.push({ what: 'time per proof (--proof-timeout)', value: `${req.proofTimeoutSec} s`, isDefault: false })
  if (req.memoryMb !== undefined) b.push({ what: 'memory per cbmc process (--memory)', value: `${req.memoryMb} MiB`, isDefault: false })
  b.push({ what: 'pointer parameters', value: 'non-NULL unless --nullable; each its own object (never the same as, or overlapping, another)', isDefault: true })
  b.push({ what: 'pointer fields of input objects', value: 'NULL or one fresh object (depth 1)', isDefault: true })
  b.push({ what: 'globals at entry', value: initGlobals ? 'their initializers (--init-globals)' : 'any value, the same for both versions', isDefault: !initGlobals })
  b.push({ what: 'signed overflow', value: req.fwrapv ? 'wraps (--fwrapv)' : 'undefined (a safety violation)', isDefault: !req.fwrapv })
  for (const h of req.held) b.push({ what: 'lock held at entry (held:)', value: h, isDefault: false })
  // what the proof was preprocessed with: it decides which code was compared
  if (req.cflags.length) b.push({ what: 'compiler flags (--cflags)', value: req.cflags.join(' '), isDefault: false })
  if (req.buildContext) b.push({ what: 'build context', value: req.buildContext.from, isDefault: false })
  for (const l of req.buildContext?.lines ?? []) b.push({ what: 'compile flag', value: l, isDefault: false })
  for (const d of req.defines) b.push({ what: 'define (-D)', value: d, isDefault: false })
  for (const i of req.includes) b.push({ what: 'include folder (-I)', value: i, isDefault: false })
  if (req.extraCbmcArgs.length) b.push({ what: 'extra cbmc arguments (--cbmc-arg)', value: req.extraCbmcArgs.join(' '), isDefault: false })
  return b
}

function optionsOf(req: VerifyRequest): Record<string, unknown> {
  return {
    unwind: req.unwind, maxUnwind: req.maxUnwind, maxSize: req.maxSize, timeoutSec: req.timeoutSec, proofTimeoutSec: req.proofTimeoutSec, memoryMb: req.memoryMb, fwrapv: req.fwrapv,
    initGlobals: req.initGlobals, buffers: req.buffers, nullable: req.nullable, assumes: req.assumes,
    includes: req.includes, defines: req.defines, cflags: req.cflags, jobs: req.jobs,
  }
}

/** CPU time since a reading: of the processes the proof ran, and of klp-verify itself (absent where the system does not say). */
function cpuSince(cpu0: { tools: number | undefined; own: NodeJS.CpuUsage }): { toolCpuMs?: number; ownCpuMs: number } {
  const tools = childrenCpuMs()
  const own = process.cpuUsage(cpu0.own)
  /* c8 ignore next -- the {} arm is for systems without /proc (not Linux), which the tests do not run on */
  const toolCpu = tools !== undefined && cpu0.tools !== undefined ? { toolCpuMs: Math.round(tools - cpu0.tools) } : {}
  return { ...toolCpu, ownCpuMs: Math.round((own.user + own.system) / 1000) }
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

/** The function pair and its proof model, built and planned once (what verify and probeProof share). */
async function prepareProof(req: VerifyRequest, env: VerifyEnv, sharing: Sharing = { mode: 'shared' }): Promise<{ pair: FunctionPair; planned: PlannedProof }> {
  const models = await loadModels(req.models)
  const extracted = await extractFunctionPair({
    // a header's inline body of a modelled function gives way to the model's stub
    modelled: new Set(models.keys()),
    ...(req.newTypeCflags ? { newTypeCflags: req.newTypeCflags } : {}),
    ...(req.containers ? { containers: req.containers } : {}),
    ...(req.shapes ? { shapes: req.shapes } : {}),
    oldPath: req.oldPath, newPath: req.newPath, func: req.func,
    includes: req.includes, sideIncludes: req.sideIncludes, memo: env.preprocessMemo, defines: req.defines, cflags: req.cflags, exprs: exprList(req),
    // the build context's flags are in req.cflags (in front of --cflags): -ftrivial-auto-var-init=zero
    zeroInitLocals: mapFlags(req.cflags).zeroInitLocals,
    // gcc -E gets its own limit, or the limit of a tool run (--timeout) if that is longer; an
    // abort stops it and the analysis
    timeoutMs: Math.max(PREPROCESS_LIMITS.timeoutMs, req.timeoutSec * 1000), signal: env.signal,
  })
  env.signal?.throwIfAborted()
  // unchanged callees as one shared function of both versions (shared-callees.ts)
  const pair = sharedPair(extracted, req, sharing)
  const model = await buildProofModel(pair, req, pair.externals.externals.length ? models : new Map())
  return { pair, planned: planProof(pair, model) }
}

/**
 * A proof's cache key and the cached report, if any, without running cbmc (series --list): the same
 * harnesses and key verify computes. undefined when such a proof is never cached (type changes).
 */
export async function probeProof(req: VerifyRequest, env: VerifyEnv & { readonly cache: ResultCache }): Promise<{ readonly key: string; readonly hit?: ProofReport } | undefined> {
  const tool = await locateCbmc({ flag: req.cbmc, env: env.env, projectRoot: PACKAGE_ROOT })
  const { pair, planned } = await prepareProof(req, env)
  if (pair.typeChanges.length) return undefined
  const key = await proofKey(PACKAGE_ROOT, tool, req, planned.modes.map(m => ({ h: renderHarness(pair, planned, m) })))
  const hit = await env.cache.get(key)
  return hit ? { key, hit } : { key }
}

/**
 * Prove one function pair: extract, render the harnesses, load the program, run every mode, replay
 * the findings, and hand each stage's facts to the classifier; the report, never printed here.
 */
export async function verify(req: VerifyRequest, env: VerifyEnv): Promise<ProofReport> {
  if (req.unbounded === 'off') return verifyOnce(req, env, { mode: 'inline' })
  return verifySharing(sharing => verifyOnce(req, env, sharing), env.signal)
}

async function verifyOnce(req: VerifyRequest, env: VerifyEnv, sharing: Sharing): Promise<ProofReport> {
  const t0 = performance.now()
  const cpu0 = { tools: childrenCpuMs(), own: process.cpuUsage() }
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
    const { pair, planned } = await prepareProof(req, env, sharing)
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
    const finish = (parts: VerdictParts, runs: RunInfo[]): ProofReport => {
      const totalMs = performance.now() - t0
      return {
        ...base, verdict: parts.verdict, reason: parts.reason, exitCode: EXIT_OF[parts.verdict], summary: parts.summary,
        differences: parts.differences, claims: parts.claims, preExisting: parts.preExisting,
        unwinding: { mode: req.unwind === 'auto' ? 'auto' : 'fixed', bound: parts.bound, complete: parts.complete, openLoops: parts.openLoops },
        bounds: [...boundsOf(req, planned.inputs.initGlobals, parts), ...worldBounds(planned.world), ...containerBounds(pair)], hints: parts.hints, errors: parts.errors, runs,
        timings: { totalMs: Math.round(totalMs), toolMs: Math.round(s.toolMs), ownMs: Math.round(Math.max(0, totalMs - s.toolMs)), ...cpuSince(cpu0) },
      }
    }
    const precheck = (load?: LoadFacts) => classifyPrecheck(
      { func: pair.func, typeChanges: pair.typeChanges, ...(load ? { load } : {}) },
      { claims: req.claims, timeoutSec: req.timeoutSec, ...(req.memoryMb !== undefined ? { memoryMb: req.memoryMb } : {}) },
    )
    const extracted = precheck()
    if (extracted) return finish(extracted, [])
    const identical = req.unbounded === 'off' ? undefined : identicalParts(pair, req)
    if (identical) return identicalReport(finish(identical, []))

    const modes = planned.modes
    const harnesses = modes.map(m => ({ mode: m, h: renderHarness(pair, planned, m), dir: path.join(dir, modeName(m)) }))
    if (req.keepHarness) await keepHarnesses(s, req, harnesses)
    const key = env.cache ? await proofKey(PACKAGE_ROOT, tool, req, harnesses) : ''
    const hit = env.cache ? await env.cache.get(key) : undefined
    if (!hit) await Promise.all(harnesses.map(x => writeHarness(x.dir, x.h)))
    if (hit) {
      env.log.info(`${pair.func}(): cached result (${hit.verdict}), nothing re-run`)
      const totalMs = Math.round(performance.now() - t0)
      return { ...hit, ...base, cached: true, timings: { totalMs, toolMs: Math.round(s.toolMs), ownMs: Math.max(0, totalMs - Math.round(s.toolMs)) } }
    }
    // a loop proved for every iteration count (unbounded/) needs no bounded run
    const attempt = await attemptLoopProof(req, pair, {
      dir: path.join(dir, 'loop-proof'), ...withTools(loopTools(tool.cbmc, tool.cadical)),
      // at most a quarter of the time a run may take (and of what is left of the proof), a minute at most:
      // when it does not hold, the bounded proof still needs its time
      budgetMs: Math.min(req.timeoutSec * 250, 60_000, s.deadline !== undefined ? (s.deadline - performance.now()) / 4 : Infinity),
      ...(env.signal ? { signal: env.signal } : {}),
      run: inv => timed(s, () => runCbmc(inv)),
      debug: m => env.log.debug(m),
    })
    if (attempt.kind === 'proved') {
      env.log.info(`${pair.func}(): proved for every iteration count (coupling invariant, ${attempt.proof.rounds} rounds); no bounded run needed`)
      const report = withAttempt(finish(LOOP_PROVED(pair.func), []), attempt, req, pair)
      if (env.cache && cacheable(report, env.signal)) await env.cache.put(key, report).catch(err => env.log.info(`warning: result not cached: ${(err as Error).message}`))
      return report
    }
    // a proof stopped before its runs is not cached (a limit may not hold next time; the rest is quickly found again)
    const loaded = precheck(await loadProgram(s, req, pair, harnesses[0]!.h, harnesses[0]!.dir))
    if (loaded) return finish(loaded, [])
    env.log.info(`proving ${pair.func}(): ${modes.length} cbmc runs (${modes.map(modeName).join(', ')}), ${req.jobs} in parallel`)
    // every mode at each buffer bound up to --max-size, within the budget (sizes.ts; signals throw there)
    const { parts, runs, sizes } = await proveAtSizes(s, req, {
      pair, planned, harnesses, dir,
      verdict: {
        claims: planned.claims, unwindMode: req.unwind === 'auto' ? 'auto' : 'fixed', maxUnwind: req.maxUnwind, timeoutSec: req.timeoutSec,
        ...(req.proofTimeoutSec !== undefined ? { proofTimeoutSec: req.proofTimeoutSec } : {}),
      },
      ...(req.replay ? { confirm: (p: PlannedProof, results: readonly JobResult[]) => confirmNatively(s, req, pair, p, results) } : {}),
    })
    const report = withAttempt(completeUnwinding(sharedReport(withSizes(finish(parts, runs), sizes), pair, req, sharing), pair, req), attempt, req, pair)
    // a full disk never costs a finished proof its result
    if (env.cache && cacheable(report, env.signal)) await env.cache.put(key, report).catch(err => env.log.info(`warning: result not cached: ${(err as Error).message}`))
    return report
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The verdict parts of a pair the loop proof proved (unboundedReport fills in how). */
const LOOP_PROVED = (func: string): VerdictParts => ({
  verdict: 'equivalent', summary: `${func}(): proved for every iteration count`,
  differences: [], claims: [], preExisting: [], hints: [], errors: [], complete: true, openLoops: [], bound: 0,
})

function withTools<T>(tools: T | undefined): { tools?: T } {
  return tools ? { tools } : {}
}

/** Run every counterexample natively (gcc, sanitizers) and mark it confirmed or not. */
async function confirmNatively(s: Session, req: VerifyRequest, pair: FunctionPair, planned: PlannedProof, results: readonly JobResult[]): Promise<JobResult[]> {
  const has = (r: JobResult) => r.eqFailures.length > 0 || r.reach !== undefined || r.thenFailure !== undefined || r.safety.length > 0
  if (!results.some(has)) return [...results]
  const gcc = await findGcc()
  const budget = { left: 8 }
  const out: JobResult[] = []
  for (const r of results) {
    if (!has(r)) { out.push(r); continue }
    if (!gcc) { out.push(notReplayed(r, 'gcc not found: counterexamples were not run natively')); continue }
    const native = renderHarness(pair, planned, r.mode, { native: true })
    const dir = path.join(req.keepHarness ? path.resolve(req.keepHarness) : s.dir, modeName(r.mode))
    out.push(await timed(s, () => replayRun({ gcc, fwrapv: req.fwrapv, unsignedChar: req.cbmcPlatform?.includes('--unsigned-char'), signal: s.signal }, r, native, dir, budget)))
  }
  return out
}
