/**
 * A series of proofs (the nightly use): every function a manifest entry names, or that its patch
 * changed ("auto"), plus callers of changed static helpers (affected), each proved with the
 * single-function pipeline. One failing proof never stops the others.
 */
import { performance } from 'node:perf_hooks'
import { loadSpec } from '../config/load.js'
import { KlpError } from '../errors.js'
import { preprocess } from '../extract/read.js'
import { analyzeUnit } from '../extract/unit.js'
import type { ProofArgs } from '../cli/request.js'
import { buildRequest, splitFlags } from '../cli/request.js'
import type { ProofReport, VerdictStatus } from '../report/types.js'
import { functionChanges } from '../series/changes.js'
import type { Manifest } from '../series/manifest.js'
import { SpecSchema, type Spec } from '../config/schema.js'
import { TOOL_VERSION, verify, type VerifyEnv } from './verify.js'
import { runPool } from './pool.js'
import { availableParallelism } from 'node:os'

export interface SeriesProof {
  readonly function: string
  readonly old: string
  readonly new: string
  /** Entry index of the manifest. */
  readonly patch: number | null
  readonly affected: boolean
  readonly verdict: VerdictStatus
  readonly report: ProofReport | null
  readonly error?: string
}

export interface SeriesReport {
  readonly schemaVersion: 1
  readonly tool: { readonly name: 'klp-verify'; readonly version: string }
  readonly proofs: readonly SeriesProof[]
  /** Functions added or removed by a patch: listed, not compared. */
  readonly listed: readonly { readonly patch: number; readonly added: readonly string[]; readonly removed: readonly string[] }[]
  readonly counts: Readonly<Record<VerdictStatus, number>>
  readonly exitCode: 0 | 1 | 2 | 3
  readonly timings: { readonly totalMs: number }
}

/** The worst exit code of a run: 3 (error) > 1 (unintended) > 2 (inconclusive) > 0. */
export function worstExit(codes: readonly number[]): 0 | 1 | 2 | 3 {
  for (const c of [3, 1, 2] as const) if (codes.includes(c)) return c
  return 0
}

const EXIT: Record<VerdictStatus, 0 | 1 | 2 | 3> = { equivalent: 0, 'as-claimed': 0, unintended: 1, 'claim-unobserved': 1, inconclusive: 2, error: 3 }

export async function runSeries(manifest: Manifest, cli: Omit<ProofArgs, 'old' | 'new'>, env: VerifyEnv): Promise<SeriesReport> {
  const t0 = performance.now()
  // precedence: the command line sets the defaults, the manifest's defaults refine them, a spec wins
  const d = manifest.defaults
  const cliSpec: Partial<Spec> = Object.fromEntries(Object.entries({
    unwind: cli.unwind === undefined ? undefined : cli.unwind === 'auto' ? 'auto' : Number(cli.unwind),
    'max-unwind': cli.maxUnwind,
    'max-size': cli.maxSize,
    timeout: cli.timeout,
    fwrapv: cli.fwrapv,
    cflags: cli.cflags === undefined ? undefined : splitFlags(cli.cflags),
    include: cli.include,
    define: cli.define,
  }).filter(([, v]) => v !== undefined))
  const defaults: Partial<Spec> = { ...cliSpec, ...Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) }
  const base = { cbmc: cli.cbmc, jobs: cli.jobs, solver: cli.solver, replay: cli.replay, models: cli.models }
  const proofs: SeriesProof[] = []
  const listed: SeriesReport['listed'][number][] = []
  const tasks: { patch: number; entry: Manifest['entries'][number]; fn: string; affected: boolean; spec?: Spec }[] = []
  for (const [i, e] of manifest.entries.entries()) {
    let targets: { fn: string; affected: boolean }[]
    try {
      const spec = e.spec ? await loadSpec(e.spec) : undefined
      if (e.functions === 'auto') {
        const pp = { includes: [...(defaults.include ?? []), ...(spec?.include ?? [])], defines: [...(defaults.define ?? []), ...(spec?.define ?? [])], cflags: [...(defaults.cflags ?? []), ...(spec?.cflags ?? [])], exprs: [] }
        const [a, b] = await Promise.all([preprocess(e.old, pp), preprocess(e.new, pp)])
        const ch = functionChanges(await analyzeUnit(a.text), a.path, await analyzeUnit(b.text), b.path)
        listed.push({ patch: i, added: ch.added, removed: ch.removed })
        targets = [...ch.changed.map(fn => ({ fn, affected: false })), ...ch.affected.map(fn => ({ fn, affected: true }))]
      } else {
        targets = e.functions.map(fn => ({ fn, affected: false }))
      }
      for (const t of targets.sort((x, y) => x.fn.localeCompare(y.fn))) {
        const mine = spec && (spec.function === undefined || spec.function === t.fn) ? spec : undefined
        tasks.push({ patch: i, entry: e, fn: t.fn, affected: t.affected, spec: mine })
      }
    } catch (err) {
      proofs.push({ function: '(entry)', old: e.old, new: e.new, patch: i, affected: false, verdict: 'error', report: null, error: messageOf(err) })
    }
  }
  // proofs run in parallel, one cbmc process each at a time; results keep the manifest's order
  const jobs = cli.jobs ?? availableParallelism()
  const done = await runPool(tasks, jobs, async (t): Promise<SeriesProof> => {
    const e = t.entry
    try {
      const merged = { ...SpecSchema.parse({}), ...defaults, ...Object.fromEntries(Object.entries(t.spec ?? {}).filter(([k, v]) => v !== undefined && k !== 'function')) } as Spec
      const req = buildRequest({ ...base, jobs: 1, old: e.old, new: e.new, func: t.fn }, merged)
      env.log.info(`series: [${t.patch}] ${t.fn}()${t.affected ? ' (affected)' : ''}`)
      const report = await verify(req, env)
      return { function: t.fn, old: e.old, new: e.new, patch: t.patch, affected: t.affected, verdict: report.verdict, report }
    } catch (err) {
      return { function: t.fn, old: e.old, new: e.new, patch: t.patch, affected: t.affected, verdict: 'error', report: null, error: messageOf(err) }
    }
  })
  proofs.push(...done)
  proofs.sort((a, b) => (a.patch ?? -1) - (b.patch ?? -1) || a.function.localeCompare(b.function))
  const counts = Object.fromEntries((Object.keys(EXIT) as VerdictStatus[]).map(v => [v, proofs.filter(p => p.verdict === v).length])) as Record<VerdictStatus, number>
  return {
    schemaVersion: 1, tool: { name: 'klp-verify', version: TOOL_VERSION }, proofs, listed, counts,
    exitCode: worstExit(proofs.map(p => EXIT[p.verdict])), timings: { totalMs: Math.round(performance.now() - t0) },
  }
}

function messageOf(err: unknown): string {
  if (err instanceof KlpError) return err.hint ? `${err.message} (hint: ${err.hint})` : err.message
  return err instanceof Error ? err.message : String(err)
}

/** A short text summary: one line per proof, worst first. */
export function renderSeriesText(r: SeriesReport): string {
  const order: VerdictStatus[] = ['error', 'unintended', 'claim-unobserved', 'inconclusive', 'as-claimed', 'equivalent']
  const rows = [...r.proofs].sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict) || a.function.localeCompare(b.function))
  const lines = [`klp-verify series: ${r.proofs.length} proofs · ${order.filter(v => r.counts[v]).map(v => `${r.counts[v]} ${v}`).join(', ') || 'nothing to prove'} · exit ${r.exitCode}`]
  for (const p of rows) {
    const why = p.error ?? p.report?.summary ?? ''
    lines.push(`  ${p.verdict.toUpperCase().padEnd(17)} ${`${p.function}()`.padEnd(28)} patch ${p.patch ?? '-'}${p.affected ? ' (affected)' : ''}  ${why}`)
  }
  for (const l of r.listed) {
    if (l.added.length || l.removed.length) lines.push(`  patch ${l.patch}: added ${l.added.join(', ') || 'none'}; removed ${l.removed.join(', ') || 'none'} (listed, not compared)`)
  }
  return lines.join('\n') + '\n'
}
