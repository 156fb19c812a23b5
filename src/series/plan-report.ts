/**
 * `klp-verify series --plan-only`: the plan of a series without a proof run (pure). Per patch, then
 * base → tip, and per changed file: the functions that changed, the callers affected, the functions
 * added or removed, and which got a planned proof — or why the file could not be planned. Fails
 * closed like a run: a file or patch that could not be planned is exit 3, never a green plan.
 */
import type { FilePlan, SeriesPatchInfo, SeriesSource } from './types.js'

export interface PlanOnlyCounts {
  /** Changed file records (each patch's files, then base → tip). */
  readonly files: number
  /** Of those, the ones that could not be planned. */
  readonly notPlanned: number
  /** Functions whose code changed, found by change detection. */
  readonly changed: number
  /** Of those, the ones that got a planned proof. */
  readonly changedPlanned: number
  /** Proofs planned in all (changed, affected callers, named or claimed functions). */
  readonly proofs: number
}

export interface PlanOnlyReport {
  readonly schemaVersion: 1
  readonly kind: 'series-plan-only'
  readonly source: { readonly kind: SeriesSource['kind']; readonly description: string }
  /** The plan's digest (the same as `--list` and a sharded run print). */
  readonly digest: string
  readonly patches: readonly SeriesPatchInfo[]
  readonly files: readonly FilePlan[]
  readonly counts: PlanOnlyCounts
  /** 3: a patch or file could not be planned, or nothing was planned for changes; 2: part of a patch was not analysed; else 0. */
  readonly exitCode: 0 | 2 | 3
}

export function planOnlyReport(source: Pick<SeriesSource, 'kind' | 'description'>, digest: string, patches: readonly SeriesPatchInfo[], files: readonly FilePlan[]): PlanOnlyReport {
  const changed = files.flatMap(f => (f.changed ?? []).map(fn => f.planned.includes(fn)))
  const counts: PlanOnlyCounts = {
    files: files.length,
    notPlanned: files.filter(f => f.error !== undefined).length,
    changed: changed.length,
    changedPlanned: changed.filter(Boolean).length,
    proofs: files.reduce((n, f) => n + f.planned.length, 0),
  }
  const failed = patches.some(p => p.status !== 'applied') || counts.notPlanned > 0 || counts.changedPlanned < counts.changed || (counts.files > 0 && counts.proofs === 0)
  return {
    schemaVersion: 1, kind: 'series-plan-only', source: { kind: source.kind, description: source.description }, digest, patches, files, counts,
    exitCode: failed ? 3 : patches.some(p => p.incomplete) ? 2 : 0,
  }
}

const list = (what: string, xs: readonly string[] | undefined) => (xs?.length ? [`${what} ${xs.join(', ')}`] : [])

/** One line per file: what changed, and the proofs (or why none). */
function fileLine(f: FilePlan): string {
  if (f.error !== undefined) return `  ${f.file}: NOT PLANNED: ${f.error}`
  const missed = (f.changed ?? []).filter(fn => !f.planned.includes(fn))
  const parts = [
    ...(f.changed ? list('changed', f.changed) : ['functions named']),
    ...list('affected', f.affected), ...list('added', f.added), ...list('removed', f.removed),
    ...list('NOT PLANNED', missed),
    f.planned.length ? `${f.planned.length} proof${f.planned.length === 1 ? '' : 's'}: ${f.planned.join(', ')}` : 'no proof',
  ]
  return `  ${f.file}: ${parts.join(' · ')}`
}

export function formatPlanOnly(r: PlanOnlyReport, format: 'text' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`
  const c = r.counts
  const lines = [
    `klp-verify series --plan-only: ${r.source.description} (plan ${r.digest})`,
    `  ${c.files} changed file${c.files === 1 ? '' : 's'}, ${c.changed} changed function${c.changed === 1 ? '' : 's'} (${c.changedPlanned} planned), ${c.proofs} proof${c.proofs === 1 ? '' : 's'} planned; ${c.notPlanned} file${c.notPlanned === 1 ? '' : 's'} not planned`,
  ]
  for (const p of r.patches) {
    lines.push(`patch ${p.index + 1}/${r.patches.length} ${p.id}: ${p.title}${p.status === 'applied' ? '' : ` — ${p.status.toUpperCase()}: ${p.error}`}`)
    for (const n of p.notes ?? []) lines.push(`  note: ${n}`)
    for (const f of r.files.filter(x => x.patch === p.id)) lines.push(fileLine(f))
  }
  const tip = r.files.filter(f => f.patch === null)
  if (tip.length) lines.push('base → tip')
  for (const f of tip) lines.push(fileLine(f))
  lines.push(r.exitCode === 0 ? 'every changed file planned' : r.exitCode === 2 ? 'planned, but part of a patch was not analysed (exit 2)' : 'NOT every changed file or function could be planned (exit 3)')
  return `${lines.join('\n')}\n`
}
