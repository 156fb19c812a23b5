/**
 * A series of proofs (the nightly use): for each patch, every function it changed (or that a
 * manifest names) plus the callers of changed static helpers (affected), each proved with the
 * single-function pipeline against the tree before the patch; then, for a chain of patches, each
 * function base → tip with the union of its claims. One failing proof never stops the others.
 */
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Preprocessed } from '../extract/read.js'
import type { VerdictStatus } from '../model/outcomes.js'
import { claimText, type SpecDefaults } from '../series/claims.js'
import type { FilePlan, PatchFile, PlannedProof, SeriesLivePatch, SeriesPatchInfo, SeriesProof, SeriesReport, SeriesSource } from '../series/types.js'
import type { FileBuildOf } from '../series/build-context.js'
import { proofIds, splitShards, type ShardSpec } from '../series/shard.js'
import { stable, toolFingerprint, type ResultCache } from './cache/store.js'
import { createHash } from 'node:crypto'
import { EXIT_OF, worstExit } from '../model/outcomes.js'
import { ExtractError, KlpError } from '../errors.js'
import { messageOf, planSeries, type Task } from './series-plan.js'
import { resolveProofOptions, sharedFlags, type CheckedArgs } from './resolve.js'
import { PACKAGE_ROOT, TOOL_VERSION, probeProof, verify, type VerifyEnv } from './verify.js'
import { runPool } from './pool.js'
import { analyseObjects, type ObjectMode } from './livepatch.js'
import type { ObjectOutcome } from './livepatch-join.js'
import { joinSeriesLivePatch, type FileObjects } from './series-livepatch.js'

/** A planned proof as it enters the plan digest and the report: its expected cost is no part of what is proved. */
const withoutCost = <P extends { readonly cost?: number }>(p: P): Omit<P, 'cost'> => {
  const rest: { cost?: number } = { ...p }
  delete rest.cost
  return rest as Omit<P, 'cost'>
}

export type { SeriesProof, SeriesReport } from '../series/types.js'
export { messageOf } from './series-plan.js'

/** The worst exit code of a run: 3 (error) > 1 (unintended) > 2 (inconclusive) > 0 (the taxonomy's order). */
export { worstExit }


export type SeriesEvent =
  | { readonly kind: 'planned'; readonly total: number }
  | { readonly kind: 'start'; readonly label: string; readonly running: number }
  | { readonly kind: 'done'; readonly proof: SeriesProof; readonly done: number; readonly total: number; readonly running: number; readonly failures: number; readonly elapsedMs: number }

export interface SeriesOptions {
  /** Spec files that apply to every patch (after a patch's own, which win). */
  readonly specs?: readonly string[]
  /** Where each proof's harness is kept (one folder per proof), and the folder links are relative to. */
  readonly keep?: { readonly dir: string; readonly relativeTo: string }
  readonly onEvent?: (e: SeriesEvent) => void
  /** Run only this shard's proofs (the split is the same on every machine). */
  readonly shard?: ShardSpec
  /** Expected cost (ms) of proofs by id, from a previous report (--durations): balances the shards. */
  readonly durations?: ReadonlyMap<string, number>
  /** Each changed file's build context (series/build-context.ts); none when absent. */
  readonly build?: FileBuildOf
  /** The live patch of each patch (`--object`, default auto): its changed files compiled and compared, joined to its proofs. */
  readonly object?: ObjectMode
}

/** What runSeries plans before it proves anything: every proof of the series, with its id, cost and shard. */
export interface SeriesRunPlan {
  readonly tasks: readonly { readonly id: string; readonly task: Task; readonly shard: number }[]
  /** Entries that could not even be planned (their error), with their ids and shards. */
  readonly failed: readonly { readonly proof: SeriesProof; readonly shard: number }[]
  readonly patches: SeriesPatchInfo[]
  /** Per patch and changed file: what changed and which functions got a proof (series --plan-only). */
  readonly files: readonly FilePlan[]
  /** Every planned proof in report order, with its expected cost (ms) when known. */
  readonly planned: readonly (PlannedProof & { readonly cost?: number })[]
  readonly digest: string
  /** What every proof's options are resolved from, with its own spec (resolve.ts). */
  readonly options: { readonly cli: CheckedArgs; readonly manifestDefaults: SpecDefaults }
}

/** klp-verify's own code, hashed once per process (a plan made by another build is another plan). */
let fingerprint: Promise<string> | undefined

/** The options that change what a proof proves (paths left out: they differ between machines). */
const PLAN_OPTIONS = ['unwind', 'maxUnwind', 'maxSize', 'minSize', 'timeoutSec', 'proofTimeoutSec', 'memoryMb', 'fwrapv', 'initGlobals', 'includes', 'defines', 'cflags', 'replay', 'solver', 'extraCbmcArgs', 'unbounded'] as const

/** Reports list proofs in series order: each patch's in turn, then base → tip; by function, then file. */
function seriesOrder(source: SeriesSource): (a: Pick<SeriesProof, 'patch' | 'function' | 'new'>, b: Pick<SeriesProof, 'patch' | 'function' | 'new'>) => number {
  const order = new Map(source.patches.map(p => [p.id, p.index]))
  const rank = (p: Pick<SeriesProof, 'patch'>) => (p.patch === null ? Number.MAX_SAFE_INTEGER : order.get(p.patch) ?? -1)
  return (a, b) => rank(a) - rank(b) || a.function.localeCompare(b.function) || a.new.localeCompare(b.new)
}

/**
 * `cli`: the command line, checked before anything was read (resolve.ts checkProofArgs); it sets
 * the defaults, a manifest's `defaults:` refine them, a function's spec wins.
 */
export async function planSeriesRun(source: SeriesSource, checked: CheckedArgs, manifestDefaults: SpecDefaults, env: VerifyEnv, opts: SeriesOptions = {}): Promise<SeriesRunPlan> {
  // in git and patch modes the -I dirs were mapped into each snapshot (PatchFile includes)
  const chain = source.kind !== 'manifest'
  // one proof at a time each (-j is proofs in parallel); its own function, claims and harness folder come per proof
  const cli: CheckedArgs = { ...checked, ...(chain ? { includes: [] } : {}), jobs: 1, intended: [], assumes: [], nullable: [], buffers: {}, keepHarness: undefined }
  const shared = sharedFlags(cli, manifestDefaults)
  const jobs = checked.jobs
  // a manifest's defaults are a data file too (the command line's are the user's own)
  const fromManifest = source.kind === 'manifest' && source.root !== undefined
    ? [{ file: source.description, cflags: manifestDefaults.cflags, define: manifestDefaults.define, include: manifestDefaults.include, roots: [source.root], rootsText: "the manifest's folder" }]
    : []
  const { tasks, patches, proofs, files } = await planSeries(source, shared, opts.specs ?? [], jobs, env.preprocessMemo ?? new Map(), fromManifest, opts.build)
  // ids from each proof's place in the series: the same on every machine
  const units = [
    ...tasks.map(task => ({ head: { function: task.fn, old: task.file.oldLabel, new: task.file.newLabel, patch: task.patch ? task.patch.id : null, affected: task.affected }, task })),
    ...proofs.map(proof => ({ head: { function: proof.function, old: proof.old, new: proof.new, patch: proof.patch, affected: proof.affected }, proof })),
  ].sort((a, b) => seriesOrder(source)(a.head, b.head))
  // fail closed: C files changed and not one proof planned is never a green run (a patch that failed already is an error)
  const changed = source.patches.reduce((n, p) => n + p.files.length, 0)
  if (!units.length && changed && patches.every(p => p.status === 'applied')) {
    throw new ExtractError(`the series changed ${changed} C file${changed === 1 ? '' : 's'}, but no proof was planned: nothing would be proved`, {
      hint: 'if only comments or unused declarations changed, no live patch is needed; to prove a function anyway, name it (a manifest entry\'s functions: [...], a Klp-Intended trailer, or a spec with function:)',
    })
  }
  const ids = proofIds(units.map(u => u.head))
  const total = opts.shard?.total ?? 1
  const split = splitShards(ids.map(id => ({ id, ...(opts.durations?.has(id) ? { cost: opts.durations.get(id)! } : {}) })), total)
  const planned = units.map((u, i) => ({
    id: ids[i]!, ...u.head, ...(opts.shard ? { shard: split[i]! + 1 } : {}), ...(opts.durations?.has(ids[i]!) ? { cost: opts.durations.get(ids[i]!)! } : {}),
  }))
  const options = Object.fromEntries(PLAN_OPTIONS.map(k => [k, checked[k]]))
  const digest = createHash('sha256').update(stable({
    tool: `${TOOL_VERSION} ${await (fingerprint ??= toolFingerprint(PACKAGE_ROOT))}`, kind: source.kind, options,
    // the manifest's defaults (its include folders are paths) and each proof's build context (its kconfig, its flags)
    defaults: { ...manifestDefaults, include: undefined }, builds: units.map(u => ('task' in u && u.task?.build ? u.task.build.digest : null)),
    patches: patches.map(p => [p.id, p.status]), proofs: planned.map(withoutCost),
  })).digest('hex').slice(0, 16)
  return {
    tasks: units.flatMap((u, i) => ('task' in u && u.task ? [{ id: ids[i]!, task: u.task, shard: split[i]! }] : [])),
    failed: units.flatMap((u, i) => ('proof' in u && u.proof ? [{ proof: { ...u.proof, id: ids[i]! }, shard: split[i]! }] : [])),
    patches, files, planned, digest, options: { cli, manifestDefaults },
  }
}

export async function runSeries(source: SeriesSource, cli: CheckedArgs, manifestDefaults: SpecDefaults, env: VerifyEnv, opts: SeriesOptions = {}): Promise<SeriesReport> {
  const t0 = performance.now()
  // snapshots do not change during the run: preprocess each file once per set of options
  const memo = new Map<string, Promise<Preprocessed>>()
  const penv: VerifyEnv = { ...env, preprocessMemo: memo }
  const plan = await planSeriesRun(source, cli, manifestDefaults, penv, opts)
  // a shard runs only its own proofs (and reports only those)
  const mine = (s: number) => !opts.shard || s === opts.shard.index - 1
  const tasks = plan.tasks.filter(t => mine(t.shard))
  const patches = plan.patches
  const proofs: SeriesProof[] = plan.failed.filter(f => mine(f.shard)).map(f => f.proof)

  // proofs run in parallel, one cbmc process each at a time; results keep the series order
  const scratch = source.scratch
  const total = tasks.length
  let done = 0
  let running = 0
  let failures = 0
  opts.onEvent?.({ kind: 'planned', total })
  const results = await runPool(tasks, cli.jobs, async ({ id, task: t }, i): Promise<SeriesProof | null> => {
    if (env.signal?.aborted) return null
    running++
    const where = t.patch ? `patch ${t.patch.index + 1}/${source.patches.length}` : 'base → tip'
    opts.onEvent?.({ kind: 'start', label: `${t.fn}() (${where})`, running })
    const proof = { id, ...await proveOne(t, i, plan.options, penv, opts, scratch) }
    running--
    // a proof cut short by Ctrl-C is no result (finished ones are; they are cached too)
    if (env.signal?.aborted && (proof.verdict === 'error' || proof.report?.runs.some(r => r.status === 'cancelled'))) return null
    done++
    if (EXIT_OF[proof.verdict] === 1 || EXIT_OF[proof.verdict] === 3) failures++
    opts.onEvent?.({ kind: 'done', proof, done, total, running, failures, elapsedMs: performance.now() - t0 })
    return proof
  })
  proofs.push(...results.filter((p): p is SeriesProof => p !== null && p !== undefined))
  proofs.sort(seriesOrder(source))
  const counts = countVerdicts(proofs)
  // a sharded run's patches are every shard's: the live patch is left to an unsharded run (or single proofs)
  const live = opts.object !== 'off' && !opts.shard && !env.signal?.aborted ? await patchLivePatches(plan, proofs, scratch, env) : new Map<SeriesPatchInfo['id'], SeriesLivePatch>()
  const withLive = patches.map(p => (live.has(p.id) ? { ...p, livepatch: live.get(p.id)! } : p))
  const patchCodes = patches.map(p => (p.status !== 'applied' ? 3 : p.incomplete ? 2 : live.get(p.id)?.hazards.some(h => !h.accepted) ? 1 : 0))
  return {
    schemaVersion: 1, kind: 'series', tool: { name: 'klp-verify', version: TOOL_VERSION },
    source: { kind: source.kind, description: source.description }, patches: withLive, proofs, counts,
    exitCode: env.signal?.aborted ? 130 : worstExit([...proofs.map(p => EXIT_OF[p.verdict]), ...patchCodes]),
    timings: { totalMs: Math.round(performance.now() - t0), cached: proofs.filter(p => p.cached).length },
    ...(env.signal?.aborted ? { interrupted: true } : {}),
    ...(opts.shard ? {
      plan: { digest: plan.digest, proofs: plan.planned.map(withoutCost) },
      shard: { index: opts.shard.index, total: opts.shard.total, source: opts.shard.source, owned: plan.planned.filter(p => p.shard === opts.shard!.index).map(p => p.id) },
    } : {}),
  }
}

/**
 * Each applied patch's live patch: every changed file that has a planned proof is compiled in both versions
 * with that proof's flags and compared (one file at a time), then joined to the patch's proofs.
 */
async function patchLivePatches(plan: SeriesRunPlan, proofs: readonly SeriesProof[], scratch: string | undefined, env: VerifyEnv): Promise<Map<SeriesPatchInfo['id'], SeriesLivePatch>> {
  const out = new Map<SeriesPatchInfo['id'], SeriesLivePatch>()
  const byPatch = new Map<SeriesPatchInfo['id'], Map<PatchFile, Task[]>>()
  for (const { task } of plan.tasks) {
    if (!task.patch) continue
    const files = byPatch.get(task.patch.id) ?? new Map<PatchFile, Task[]>()
    files.set(task.file, [...(files.get(task.file) ?? []), task])
    byPatch.set(task.patch.id, files)
  }
  for (const [id, files] of byPatch) {
    const objects: FileObjects[] = []
    for (const [file, tasks] of files) {
      if (env.signal?.aborted) return out
      env.log.debug(`series: live patch of ${file.newLabel}`)
      let outcome: ObjectOutcome
      try {
        // analyseObjects never throws; the request can (a file not in both versions)
        outcome = await analyseObjects(requestOf(tasks[0]!, plan.options, scratch), env.signal, env.preprocessMemo)
      } catch (err) {
        outcome = { cflags: [], error: (err as Error).message.split('\n')[0]!, durationMs: 0 }
      }
      objects.push({ file: file.newLabel, outcome, accept: [...new Set(tasks.flatMap(t => t.spec['accept-hazards'] ?? []))] })
    }
    out.set(id, joinSeriesLivePatch(objects, proofs.filter(p => p.patch === id)))
  }
  return out
}

/** How many proofs got each verdict. */
export function countVerdicts(proofs: readonly Pick<SeriesProof, 'verdict'>[]): Record<VerdictStatus, number> {
  return Object.fromEntries((Object.keys(EXIT_OF) as VerdictStatus[]).map(v => [v, proofs.filter(p => p.verdict === v).length])) as Record<VerdictStatus, number>
}

/** The single-proof request of a planned proof (what proveOne runs and probeSeries keys). */
function requestOf(t: Task, options: SeriesRunPlan['options'], scratch: string | undefined, keepDir?: string) {
  if (!t.file.oldPath || !t.file.newPath) throw new KlpError(`${t.fn}() is not in both versions`, { exitCode: 3 })
  // the build context's flags go in front of the command line's (later flags win in gcc), as in verify
  const b = t.build
  const cli: CheckedArgs = { ...options.cli, func: t.fn, intended: t.trailers, assumes: t.assumes, ...(keepDir ? { keepHarness: keepDir } : {}), ...(b ? { cflags: [...b.cflags, ...options.cli.cflags] } : {}) }
  const side = { old: [...t.file.oldIncludes, ...(b?.includes.old ?? [])], new: [...t.file.newIncludes, ...(b?.includes.new ?? [])] }
  return {
    oldPath: t.file.oldPath,
    newPath: t.file.newPath,
    ...resolveProofOptions(cli, options.manifestDefaults, t.spec, 'defaults'),
    ...(side.old.length || side.new.length ? { sideIncludes: side } : {}),
    ...(b ? { buildContext: b.summary, cbmcPlatform: b.platform } : {}),
    ...(scratch ? { scratchRoot: scratch } : {}),
  }
}

/**
 * Which planned proofs the cache already holds, and the cbmc time each took when it ran (--list):
 * each proof's harnesses are built and keyed as a run would, nothing is run. A proof that cannot
 * even be built is left out (the run reports its error).
 */
export async function probeSeries(plan: SeriesRunPlan, source: SeriesSource, jobs: number, env: VerifyEnv & { readonly cache: ResultCache }): Promise<Map<string, { readonly cached: boolean; readonly ms?: number }>> {
  const out = new Map<string, { cached: boolean; ms?: number }>()
  await runPool([...plan.tasks], jobs, async ({ id, task }) => {
    try {
      const r = await probeProof(requestOf(task, plan.options, source.scratch), env)
      if (!r) return
      const ms = r.hit?.runs.reduce((n, x) => n + x.durationMs, 0)
      out.set(id, r.hit ? { cached: true, ...(ms ? { ms } : {}) } : { cached: false })
    } catch (err) {
      env.log.debug(`series --list: ${task.fn}(): ${messageOf(err, [task.file])}`)
    }
  })
  return out
}

async function proveOne(t: Task, i: number, options: SeriesRunPlan['options'], env: VerifyEnv, opts: SeriesOptions, scratch: string | undefined): Promise<SeriesProof> {
  const head = {
    function: t.fn, old: t.file.oldLabel, new: t.file.newLabel, patch: t.patch ? t.patch.id : null, affected: t.affected,
    claims: [...t.spec.intended.map(claimText), ...t.trailers],
  }
  const keepDir = opts.keep ? path.join(opts.keep.dir, `${String(i + 1).padStart(3, '0')}-${t.patch ? t.patch.index + 1 : 'base-tip'}-${t.fn}`) : undefined
  try {
    const withSides = requestOf(t, options, scratch, keepDir)
    env.log.debug(`series: ${t.fn}() ${t.file.oldLabel} → ${t.file.newLabel}${t.affected ? ' (affected)' : ''}`)
    const report = await verify(withSides, env)
    return {
      ...head, verdict: report.verdict, cached: Boolean(report.cached),
      ...(keepDir && opts.keep ? { harness: path.relative(opts.keep.relativeTo, keepDir) } : {}),
      report: { ...report, old: t.file.oldLabel, new: t.file.newLabel },
    }
  } catch (err) {
    return { ...head, verdict: 'error', cached: false, report: null, error: messageOf(err, [t.file]) }
  }
}

