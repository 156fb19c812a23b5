/**
 * Merging the reports of a sharded series run into one report, as if one machine had run it all
 * (pure). The inputs are untrusted files: anything that is not the same plan is refused.
 */
import { EXIT_OF, worstExit as worst, type VerdictStatus } from '../model/outcomes.js'
import { UsageError } from '../errors.js'
import type { PlannedProof, SeriesProof, SeriesReport } from './types.js'

export interface ShardFile {
  /** How errors name it (the file name). */
  readonly name: string
  readonly report: unknown
}

const HINT = 'merge the JSON reports of one sharded run: klp-verify series … --shard I/N --format json, the same series, options and klp-verify on every shard'

/** A shard's report, checked enough that merging it cannot go wrong quietly. */
function asShard(f: ShardFile): SeriesReport & Required<Pick<SeriesReport, 'plan' | 'shard'>> {
  const r = f.report as Partial<SeriesReport> | null
  if (!r || typeof r !== 'object' || r.kind !== 'series' || r.schemaVersion !== 1 || !Array.isArray(r.proofs) || !Array.isArray(r.patches)) {
    throw new UsageError(`${f.name} is not a klp-verify series JSON report`, { hint: HINT })
  }
  const s = r.shard
  if (!r.plan || !s || typeof r.plan.digest !== 'string' || !Array.isArray(r.plan.proofs) || !Array.isArray(s.owned) || !Number.isInteger(s.index) || !Number.isInteger(s.total)) {
    throw new UsageError(`${f.name} is the report of a whole run, not of a shard`, { hint: HINT })
  }
  for (const p of r.proofs) {
    if (!p || typeof p !== 'object' || typeof p.id !== 'string' || (EXIT_OF as Record<string, number>)[String((p as { verdict?: unknown }).verdict)] === undefined) throw new UsageError(`${f.name}: a proof without an id or a valid verdict`, { hint: HINT })
  }
  return r as SeriesReport & Required<Pick<SeriesReport, 'plan' | 'shard'>>
}

/**
 * One report of every shard's proofs, in series order, with counts and the worst-first exit code
 * recomputed. Shards that are not there, and proofs an interrupted shard did not get to, are
 * `missing`: the verdict is then incomplete (exit 2 unless something is worse).
 */
export function mergeSeriesReports(files: readonly ShardFile[]): SeriesReport {
  if (!files.length) throw new UsageError('no reports to merge', { hint: HINT })
  const shards = files.map(asShard)
  const first = shards[0]!
  const { total } = first.shard
  for (const [i, r] of shards.entries()) {
    if (r.plan.digest !== first.plan.digest || r.shard.total !== total) {
      throw new UsageError(`${files[i]!.name} and ${files[0]!.name} are shards of different series plans (plan ${r.plan.digest} of ${r.shard.total} shards vs plan ${first.plan.digest} of ${total})`, {
        hint: `${HINT}; a different series, option, --durations file, shard count or klp-verify build gives another plan`,
      })
    }
    const twin = shards.findIndex(x => x.shard.index === r.shard.index)
    if (twin !== i) throw new UsageError(`${files[twin]!.name} and ${files[i]!.name} are both shard ${r.shard.index}/${total}`, { hint: 'pass each shard\'s report once' })
  }
  const plan = first.plan.proofs
  const planned = new Map(plan.map((p, i) => [p.id, { p, i }]))
  const cbmc = new Set<string>()
  const seen = new Map<string, SeriesProof>()
  for (const [i, r] of shards.entries()) {
    const owned = new Set(plan.filter(p => p.shard === r.shard.index).map(p => p.id))
    if (r.shard.owned.length !== owned.size || r.shard.owned.some(id => !owned.has(id))) {
      throw new UsageError(`${files[i]!.name}: shard ${r.shard.index}'s proofs are not the ones its plan gives it`, { hint: HINT })
    }
    for (const p of r.proofs) {
      if (!owned.has(p.id!)) throw new UsageError(`${files[i]!.name}: proof ${p.id} (${p.function}) is not shard ${r.shard.index}'s`, { hint: HINT })
      if (seen.has(p.id!)) throw new UsageError(`${files[i]!.name}: proof ${p.id} (${p.function}) is reported twice`, { hint: HINT })
      seen.set(p.id!, p)
      if (p.report?.cbmc?.version) cbmc.add(p.report.cbmc.version)
    }
  }
  if (cbmc.size > 1) throw new UsageError(`the shards ran different cbmc versions (${[...cbmc].sort().join(', ')})`, { hint: 'run every shard with the same cbmc (npm install provisions the same one everywhere)' })
  const proofs = [...seen.values()].sort((a, b) => planned.get(a.id!)!.i - planned.get(b.id!)!.i)
  const present = new Set(shards.map(r => r.shard.index))
  const missingShards = Array.from({ length: total }, (_, i) => i + 1).filter(i => !present.has(i))
  const missingProofs: PlannedProof[] = plan.filter(p => !seen.has(p.id))
  const counts = Object.fromEntries((Object.keys(EXIT_OF) as VerdictStatus[]).map(v => [v, proofs.filter(p => p.verdict === v).length])) as Record<VerdictStatus, number>
  const patchCodes = first.patches.map(p => (p.status !== 'applied' ? 3 : p.incomplete ? 2 : 0))
  return {
    schemaVersion: 1, kind: 'series', tool: first.tool, source: first.source, patches: first.patches, proofs, counts,
    exitCode: worst([...proofs.map(p => EXIT_OF[p.verdict]), ...patchCodes, ...(missingProofs.length || missingShards.length ? [2] : [])]),
    timings: { totalMs: Math.max(...shards.map(r => r.timings?.totalMs ?? 0)), cached: proofs.filter(p => p.cached).length },
    ...(missingShards.length || missingProofs.length ? { missing: { shards: missingShards, proofs: missingProofs } } : {}),
  }
}
