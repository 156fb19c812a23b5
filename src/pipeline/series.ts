/**
 * A series of proofs (the nightly use): for each patch, every function it changed (or that a
 * manifest names) plus the callers of changed static helpers (affected), each proved with the
 * single-function pipeline against the tree before the patch; then, for a chain of patches, each
 * function base → tip with the union of its claims. One failing proof never stops the others.
 */
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { loadSpecs } from '../config/load.js'
import { SpecSchema, type Spec } from '../config/schema.js'
import { KlpError } from '../errors.js'
import { preprocess, type Preprocessed } from '../extract/read.js'
import { analyzeUnit } from '../extract/unit.js'
import type { ProofArgs } from '../cli/request.js'
import { buildRequest, splitFlags } from '../cli/request.js'
import type { VerdictStatus } from '../report/types.js'
import { definedFunctions, functionChanges, type FunctionChanges } from '../series/changes.js'
import { claimText, mergeSpec, specFor, unionClaims, type FunctionClaims, type SpecDefaults } from '../series/claims.js'
import type { PatchFile, SeriesPatch, SeriesPatchInfo, SeriesProof, SeriesReport, SeriesSource } from '../series/types.js'
import { TOOL_VERSION, verify, type VerifyEnv } from './verify.js'
import { runPool } from './pool.js'

export type { SeriesProof, SeriesReport } from '../series/types.js'

/** The worst exit code of a run: 3 (error) > 1 (unintended) > 2 (inconclusive) > 0. */
export function worstExit(codes: readonly number[]): 0 | 1 | 2 | 3 {
  for (const c of [3, 1, 2] as const) if (codes.includes(c)) return c
  return 0
}

const EXIT: Record<VerdictStatus, 0 | 1 | 2 | 3> = { equivalent: 0, 'as-claimed': 0, unintended: 1, 'claim-unobserved': 1, inconclusive: 2, error: 3 }

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
}

interface Task {
  readonly patch: SeriesPatch | null
  readonly file: PatchFile
  readonly fn: string
  readonly affected: boolean
  readonly spec: Spec
  readonly trailers: readonly string[]
  readonly assumes: readonly string[]
}

/** Command-line options as spec defaults (the manifest's `defaults:` refine them). */
export function cliDefaults(cli: Omit<ProofArgs, 'old' | 'new'>): SpecDefaults {
  return Object.fromEntries(Object.entries({
    unwind: cli.unwind === undefined ? undefined : cli.unwind === 'auto' ? 'auto' : Number(cli.unwind),
    'max-unwind': cli.maxUnwind,
    'max-size': cli.maxSize,
    timeout: cli.timeout,
    'proof-timeout': cli.proofTimeout,
    memory: cli.memory,
    fwrapv: cli.fwrapv,
    cflags: cli.cflags === undefined ? undefined : splitFlags(cli.cflags),
    include: cli.include,
    define: cli.define,
  }).filter(([, v]) => v !== undefined)) as SpecDefaults
}

/** A spec file whose relative `include:` dirs are relative to the spec's own folder. */
async function loadSpecHere(file: string): Promise<Spec[]> {
  const rel = (p: string) => (path.isAbsolute(p) ? p : path.join(path.dirname(file), p))
  return (await loadSpecs(file)).map(spec => (spec.include ? { ...spec, include: spec.include.map(rel) } : spec))
}

/** Which functions of one file changed (parsed with the same preprocessing the proofs use). */
async function changesOf(f: PatchFile, defaults: SpecDefaults, specs: readonly Spec[], memo: Map<string, Promise<Preprocessed>>): Promise<FunctionChanges> {
  const shared = {
    defines: [...(defaults.define ?? []), ...specs.flatMap(s => s.define ?? [])],
    cflags: [...(defaults.cflags ?? []), ...specs.flatMap(s => s.cflags ?? [])],
    exprs: [],
  }
  const inc = [...(defaults.include ?? []), ...specs.flatMap(s => s.include ?? [])]
  const load = async (p: string | null, side: readonly string[]) => {
    if (!p) return null
    const pp = await preprocess(p, { ...shared, includes: [...side, ...inc], memo })
    return { unit: await analyzeUnit(pp.text), path: pp.path }
  }
  const [a, b] = await Promise.all([load(f.oldPath, f.oldIncludes), load(f.newPath, f.newIncludes)])
  if (a && b) return functionChanges(a.unit, a.path, b.unit, b.path)
  // an added or removed file: its functions are listed, not compared
  const names = (u: NonNullable<typeof a>) => definedFunctions(u.unit, u.path)
  return { changed: [], affected: [], added: b ? names(b) : [], removed: a ? names(a) : [] }
}

export async function runSeries(source: SeriesSource, cli: Omit<ProofArgs, 'old' | 'new'>, manifestDefaults: SpecDefaults, env: VerifyEnv, opts: SeriesOptions = {}): Promise<SeriesReport> {
  const t0 = performance.now()
  // snapshots do not change during the run: preprocess each file once per set of options
  const memo = new Map<string, Promise<Preprocessed>>()
  const penv: VerifyEnv = { ...env, preprocessMemo: memo }
  const defaults: SpecDefaults = { ...cliDefaults(cli), ...Object.fromEntries(Object.entries(manifestDefaults).filter(([, v]) => v !== undefined)) }
  // in git and patch modes the -I dirs were mapped into each snapshot (PatchFile includes)
  const chain = source.kind !== 'manifest'
  const shared: SpecDefaults = chain ? { ...defaults, include: [] } : defaults
  const base = { cbmc: cli.cbmc, solver: cli.solver, replay: cli.replay, models: cli.models, cbmcArg: cli.cbmcArg }
  const empty = SpecSchema.parse({})
  const patches: SeriesPatchInfo[] = []
  const proofs: SeriesProof[] = []
  const tasks: Task[] = []
  /** Per (file key, function): what each patch claimed, for base → tip. */
  const history = new Map<string, FunctionClaims[]>()

  const common = (await Promise.all((opts.specs ?? []).map(loadSpecHere))).flat()
  const jobs = cli.jobs ?? availableParallelism()
  // each patch's spec files, then change detection of every file at once (gcc -E runs in parallel)
  const specsOf = new Map<SeriesPatch, Promise<Spec[]>>()
  for (const p of source.patches) specsOf.set(p, Promise.all(p.specs.map(loadSpecHere)).then(s => [...s.flat(), ...common]))
  for (const s of specsOf.values()) s.catch(() => {}) // reported with its patch below
  const detect = new Map<PatchFile, Promise<FunctionChanges>>()
  const toDetect: { f: PatchFile; specs: () => Promise<Spec[]> }[] = [
    ...source.patches.filter(p => !p.error && p.functions === 'auto').flatMap(p => p.files.map(f => ({ f, specs: () => specsOf.get(p)! }))),
    ...source.baseTip.map(f => ({ f, specs: async () => [] as Spec[] })),
  ]
  await runPool(toDetect, jobs, async ({ f, specs }) => {
    const p = specs().then(s => changesOf(f, shared, s, memo))
    p.catch(() => {}) // reported with its patch below
    detect.set(f, p)
    await p.catch(() => {})
  })
  for (const p of source.patches) {
    const info = { id: p.id, index: p.index, title: p.title, files: p.files.map(f => f.key), ...(p.notes?.length ? { notes: p.notes } : {}) }
    if (p.error) {
      patches.push({ ...info, status: 'not-applied', error: p.error, added: [], removed: [] })
      continue
    }
    try {
      const specs = await specsOf.get(p)!
      const added: string[] = []
      const removed: string[] = []
      const headerFns = new Set<string>()
      for (const f of p.files) {
        let targets: { fn: string; affected: boolean }[]
        if (p.functions === 'auto') {
          const ch = await detect.get(f)!
          for (const h of ch.fromHeaders ?? []) headerFns.add(h)
          added.push(...ch.added)
          removed.push(...ch.removed)
          targets = [...ch.changed.map(fn => ({ fn, affected: false })), ...ch.affected.map(fn => ({ fn, affected: true }))]
        } else {
          targets = p.functions.map(fn => ({ fn, affected: false }))
        }
        for (const t of targets.sort((x, y) => x.fn.localeCompare(y.fn))) {
          const own = specFor(specs, t.fn)
          const trailers = p.trailerClaims[t.fn] ?? []
          const assumes = p.trailerAssumes?.[t.fn] ?? []
          tasks.push({ patch: p, file: f, fn: t.fn, affected: t.affected, spec: mergeSpec(empty, shared, own), trailers, assumes })
          const k = `${f.key}\0${t.fn}`
          history.set(k, [...(history.get(k) ?? []), { spec: own, trailers, assumes }])
        }
      }
      const notes = [...(info.notes ?? []), ...(headerFns.size ? [`changed in headers: ${[...headerFns].sort().join(', ')} (static inline; proved through their callers, marked affected)`] : [])]
      patches.push({ ...info, status: 'applied', added: added.sort(), removed: removed.sort(), ...(notes.length ? { notes } : {}) })
    } catch (err) {
      patches.push({ ...info, status: 'error', error: messageOf(err, p.files), added: [], removed: [] })
    }
  }

  // base → tip: each function changed anywhere, with the union of its claims across the series
  for (const f of source.baseTip) {
    try {
      const ch = await detect.get(f)!
      const targets = [...ch.changed.map(fn => ({ fn, affected: false })), ...ch.affected.map(fn => ({ fn, affected: true }))]
      for (const t of targets.sort((x, y) => x.fn.localeCompare(y.fn))) {
        const u = unionClaims(empty, shared, history.get(`${f.key}\0${t.fn}`) ?? [])
        tasks.push({ patch: null, file: f, fn: t.fn, affected: t.affected, spec: u.spec, trailers: u.trailers, assumes: u.assumes })
      }
    } catch (err) {
      proofs.push({ function: '(base → tip)', old: f.oldLabel, new: f.newLabel, patch: null, affected: false, verdict: 'error', claims: [], cached: false, report: null, error: messageOf(err, [f]) })
    }
  }

  // proofs run in parallel, one cbmc process each at a time; results keep the series order
  const scratch = chain ? commonRoot(tasks.flatMap(t => [t.file.oldPath, t.file.newPath].filter((p): p is string => p !== null))) : undefined
  const total = tasks.length
  let done = 0
  let running = 0
  let failures = 0
  opts.onEvent?.({ kind: 'planned', total })
  const results = await runPool(tasks, jobs, async (t, i): Promise<SeriesProof | null> => {
    if (env.signal?.aborted) return null
    running++
    const where = t.patch ? `patch ${t.patch.index + 1}/${source.patches.length}` : 'base → tip'
    opts.onEvent?.({ kind: 'start', label: `${t.fn}() (${where})`, running })
    const proof = await proveOne(t, i, base, penv, opts, scratch)
    running--
    // a proof cut short by Ctrl-C is no result (finished ones are; they are cached too)
    if (env.signal?.aborted && (proof.verdict === 'error' || proof.report?.runs.some(r => r.status === 'cancelled'))) return null
    done++
    if (EXIT[proof.verdict] === 1 || EXIT[proof.verdict] === 3) failures++
    opts.onEvent?.({ kind: 'done', proof, done, total, running, failures, elapsedMs: performance.now() - t0 })
    return proof
  })
  proofs.push(...results.filter((p): p is SeriesProof => p !== null && p !== undefined))
  const order = new Map(source.patches.map(p => [p.id, p.index]))
  const rank = (p: SeriesProof) => (p.patch === null ? Number.MAX_SAFE_INTEGER : order.get(p.patch) ?? -1)
  proofs.sort((a, b) => rank(a) - rank(b) || a.function.localeCompare(b.function) || a.new.localeCompare(b.new))
  const counts = Object.fromEntries((Object.keys(EXIT) as VerdictStatus[]).map(v => [v, proofs.filter(p => p.verdict === v).length])) as Record<VerdictStatus, number>
  const patchCodes = patches.map(p => (p.status === 'applied' ? 0 : 3))
  return {
    schemaVersion: 1, kind: 'series', tool: { name: 'klp-verify', version: TOOL_VERSION },
    source: { kind: source.kind, description: source.description }, patches, proofs, counts,
    exitCode: worstExit([...proofs.map(p => EXIT[p.verdict]), ...patchCodes]),
    timings: { totalMs: Math.round(performance.now() - t0), cached: proofs.filter(p => p.cached).length },
    ...(env.signal?.aborted ? { interrupted: true } : {}),
  }
}

/** The folder all of a chain's snapshots live in (a fresh temporary one each run). */
export function commonRoot(paths: readonly string[]): string | undefined {
  if (!paths.length) return undefined
  let parts = path.dirname(paths[0]!).split(path.sep)
  for (const p of paths.slice(1)) {
    const q = path.dirname(p).split(path.sep)
    let i = 0
    while (i < parts.length && i < q.length && parts[i] === q[i]) i++
    parts = parts.slice(0, i)
  }
  const root = parts.join(path.sep)
  // never the file system root or a top-level folder: only a real scratch folder is neutralised
  return parts.length > 2 ? root : undefined
}

async function proveOne(t: Task, i: number, base: Partial<ProofArgs>, env: VerifyEnv, opts: SeriesOptions, scratch: string | undefined): Promise<SeriesProof> {
  const head = {
    function: t.fn, old: t.file.oldLabel, new: t.file.newLabel, patch: t.patch ? t.patch.id : null, affected: t.affected,
    claims: [...t.spec.intended.map(claimText), ...t.trailers],
  }
  const keepDir = opts.keep ? path.join(opts.keep.dir, `${String(i + 1).padStart(3, '0')}-${t.patch ? t.patch.index + 1 : 'base-tip'}-${t.fn}`) : undefined
  try {
    if (!t.file.oldPath || !t.file.newPath) throw new KlpError(`${t.fn}() is not in both versions`, { exitCode: 3 })
    const req = buildRequest({ ...base, jobs: 1, old: t.file.oldPath, new: t.file.newPath, func: t.fn, intended: t.trailers, assume: t.assumes, keepHarness: keepDir }, t.spec)
    const withSides = {
      ...req,
      ...(t.file.oldIncludes.length || t.file.newIncludes.length ? { sideIncludes: { old: t.file.oldIncludes, new: t.file.newIncludes } } : {}),
      ...(scratch ? { scratchRoot: scratch } : {}),
    }
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

/** An error in words, snapshot paths shown as the files' labels (`commit:path`), not temporary folders. */
export function messageOf(err: unknown, files: readonly PatchFile[] = []): string {
  let text = err instanceof KlpError ? (err.hint ? `${err.message} (hint: ${err.hint})` : err.message) : err instanceof Error ? err.message : String(err)
  for (const f of files) {
    if (f.oldPath) text = text.split(f.oldPath).join(f.oldLabel)
    if (f.newPath) text = text.split(f.newPath).join(f.newLabel)
  }
  return text
}

const ORDER: VerdictStatus[] = ['error', 'unintended', 'claim-unobserved', 'inconclusive', 'as-claimed', 'equivalent']

/** A short text summary: patches that did not apply, then one line per proof, worst first. */
export function renderSeriesText(r: SeriesReport): string {
  const rows = [...r.proofs].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict) || a.function.localeCompare(b.function))
  const cached = r.timings.cached ? ` · ${r.timings.cached} cached` : ''
  const lines = [`klp-verify series: ${r.proofs.length} proofs · ${ORDER.filter(v => r.counts[v]).map(v => `${r.counts[v]} ${v}`).join(', ') || 'nothing to prove'}${cached} · exit ${r.exitCode}`]
  if (r.interrupted) lines.push('  INTERRUPTED: proofs not started are missing; finished ones are cached, run again to resume')
  for (const p of r.patches) if (p.status !== 'applied') lines.push(`  ${p.status === 'not-applied' ? 'NOT APPLIED' : 'ERROR'}       patch ${p.id} (${p.title}): ${p.error ?? ''}`)
  for (const p of r.patches) for (const n of p.notes ?? []) lines.push(`  NOTE              patch ${p.id}: ${n}`)
  for (const p of rows) {
    const why = p.error ?? p.report?.summary ?? ''
    lines.push(`  ${p.verdict.toUpperCase().padEnd(17)} ${`${p.function}()`.padEnd(28)} ${p.patch === null ? 'base → tip' : `patch ${p.patch}`}${p.affected ? ' (affected)' : ''}${p.cached ? ' (cached)' : ''}  ${why}`)
  }
  for (const l of r.patches) {
    if (l.added.length || l.removed.length) lines.push(`  patch ${l.id}: added ${l.added.join(', ') || 'none'}; removed ${l.removed.join(', ') || 'none'} (listed, not compared)`)
  }
  return lines.join('\n') + '\n'
}
