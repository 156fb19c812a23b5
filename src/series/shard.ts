/**
 * Splitting a series' proofs over the jobs of a CI matrix (pure). Every machine plans the same
 * series and computes the same split from the same inputs: proof ids and expected costs, never
 * anything local (the cache, the clock, the number of cores).
 */
import { createHash } from 'node:crypto'
import { UsageError } from '../errors.js'
import { keyOf } from './baseline.js'

/** A proof as the split sees it: a stable id and, if known, its expected cost (ms). */
export interface ShardItem {
  readonly id: string
  readonly cost?: number
}

/** Which shard runs, 1-based as users write it (`--shard 2/4`), and what set it. */
export interface ShardSpec {
  readonly index: number
  readonly total: number
  readonly source: '--shard' | 'GitLab CI_NODE_INDEX/CI_NODE_TOTAL' | 'Kubernetes JOB_COMPLETION_INDEX'
}

/**
 * A proof's id: a hash of its place in the series (function, file, which of the patches touching
 * that file, base → tip), the key a baseline compares by. Commit ids are not part of it, so a
 * rebased series keeps its ids and yesterday's durations still apply.
 */
export function proofIds(proofs: readonly { readonly function: string; readonly new: string; readonly patch: number | string | null }[]): string[] {
  const seen = new Map<string, number>()
  return proofs.map(p => {
    const k = keyOf(p)
    const n = (seen.get(k) ?? 0) + 1
    seen.set(k, n)
    return createHash('sha256').update(n === 1 ? k : `${k} #${n}`).digest('hex').slice(0, 16)
  })
}

const SHARD_HINT = 'write --shard I/N with 1 <= I <= N, e.g. --shard 2/4 for the second of four jobs'

/** `I/N` → the shard (1-based). */
export function parseShard(text: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  const index = m ? Number(m[1]) : NaN
  const total = m ? Number(m[2]) : NaN
  if (!m || total < 1 || index < 1 || index > total || total > 10000) throw new UsageError(`--shard ${JSON.stringify(text)} is not a shard I/N`, { hint: SHARD_HINT })
  return { index, total, source: '--shard' }
}

const count = (name: string, v: string, min: number): number => {
  if (!/^\d+$/.test(v.trim()) || Number(v) < min) throw new UsageError(`${name}=${JSON.stringify(v)} is not a whole number >= ${min}`, { hint: `check the CI job's ${name}, or pass --shard I/N` })
  return Number(v)
}

/**
 * The shard when no --shard is given, from the engines that provide one: GitLab `parallel:`
 * (CI_NODE_INDEX, 1-based, of CI_NODE_TOTAL) and Kubernetes Indexed Jobs (JOB_COMPLETION_INDEX,
 * 0-based, with the total the user passes as --shards, the Job's `completions`). GitHub Actions has no such
 * variable: its matrix passes --shard.
 */
export function shardFromEnv(env: Readonly<Record<string, string | undefined>>, shards: number | undefined): ShardSpec | undefined {
  if (shards !== undefined) {
    if (!Number.isInteger(shards) || shards < 1) throw new UsageError(`--shards ${shards} is not a whole number >= 1`, { hint: 'pass the Indexed Job\'s completions, e.g. --shards 4' })
    if (env.JOB_COMPLETION_INDEX === undefined) throw new UsageError('--shards needs JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) to say which shard this is', { hint: 'outside Kubernetes pass --shard I/N' })
    const index = count('JOB_COMPLETION_INDEX', env.JOB_COMPLETION_INDEX, 0) + 1
    if (index > shards) throw new UsageError(`JOB_COMPLETION_INDEX=${index - 1} is not below --shards ${shards}`, { hint: 'pass the Job\'s completions as --shards' })
    return { index, total: shards, source: 'Kubernetes JOB_COMPLETION_INDEX' }
  }
  if (env.CI_NODE_INDEX !== undefined && env.CI_NODE_TOTAL !== undefined) {
    const total = count('CI_NODE_TOTAL', env.CI_NODE_TOTAL, 1)
    const index = count('CI_NODE_INDEX', env.CI_NODE_INDEX, 1)
    if (index > total) throw new UsageError(`CI_NODE_INDEX=${index} is above CI_NODE_TOTAL=${total}`, { hint: 'pass --shard I/N' })
    return { index, total, source: 'GitLab CI_NODE_INDEX/CI_NODE_TOTAL' }
  }
  return undefined
}

/**
 * The shard (0-based) of each item: longest-processing-time first over the known costs (each to
 * the least-loaded shard; ties: the lower id, then the lower shard), then the items without a known
 * cost round-robin, in id order, from the least-loaded shard on. Every item lands in exactly one
 * shard, and the result depends only on the items (not on their order).
 */
export function splitShards(items: readonly ShardItem[], total: number): number[] {
  const load = Array.from({ length: total }, () => 0)
  const out = new Array<number>(items.length)
  const byId = (a: number, b: number) => (items[a]!.id < items[b]!.id ? -1 : items[a]!.id > items[b]!.id ? 1 : a - b)
  const idx = items.map((_, i) => i)
  const known = idx.filter(i => items[i]!.cost !== undefined && Number.isFinite(items[i]!.cost)).sort((a, b) => items[b]!.cost! - items[a]!.cost! || byId(a, b))
  for (const i of known) {
    let best = 0
    for (let s = 1; s < total; s++) if (load[s]! < load[best]!) best = s
    out[i] = best
    load[best]! += Math.max(0, items[i]!.cost!)
  }
  const order = load.map((l, s) => [l, s] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(x => x[1])
  idx.filter(i => out[i] === undefined).sort(byId).forEach((i, k) => { out[i] = order[k % total]! })
  return out
}

/** The makespan of a split: the largest sum of costs one shard gets. */
export function makespan(items: readonly ShardItem[], shards: readonly number[], total: number): number {
  const load = Array.from({ length: total }, () => 0)
  items.forEach((it, i) => { load[shards[i]!]! += it.cost ?? 0 })
  return Math.max(...load)
}

/** What a proof of a previous report cost: its cbmc runs' time (kept by a cache hit), else its total. */
function costOf(p: { readonly report?: { readonly runs?: readonly { readonly durationMs?: number }[]; readonly timings?: { readonly totalMs?: number } } | null; readonly cost?: unknown; readonly cachedMs?: unknown }): number | undefined {
  if (typeof p.cost === 'number' && Number.isFinite(p.cost) && p.cost >= 0) return p.cost
  // a --list plan: the time a cached proof took when it ran
  if (typeof p.cachedMs === 'number' && Number.isFinite(p.cachedMs) && p.cachedMs > 0) return p.cachedMs
  const runs = p.report?.runs?.reduce((s, r) => s + (typeof r.durationMs === 'number' && r.durationMs > 0 ? r.durationMs : 0), 0) ?? 0
  if (runs > 0) return runs
  const total = p.report?.timings?.totalMs
  return typeof total === 'number' && Number.isFinite(total) && total >= 0 ? total : undefined
}

/**
 * Expected costs (ms) by proof id from a previous series report, a merged one, or a `--list --format json`
 * plan (untrusted input: what is not a number is left out). Proofs without an `id` (older reports,
 * whole runs) get theirs from their place in the report.
 */
export function durationsOf(doc: unknown): Map<string, number> | undefined {
  const proofs = (doc as { proofs?: unknown } | null)?.proofs
  if (!Array.isArray(proofs)) return undefined
  const rows = proofs.filter((p): p is Record<string, unknown> => Boolean(p) && typeof p === 'object')
  const complete = rows.every(p => typeof p.function === 'string' && typeof p.new === 'string')
  const placed = complete ? proofIds(rows as unknown as { function: string; new: string; patch: string | null }[]) : []
  const out = new Map<string, number>()
  rows.forEach((p, i) => {
    const id = typeof p.id === 'string' ? p.id : placed[i]
    const cost = costOf(p as Parameters<typeof costOf>[0])
    if (id !== undefined && cost !== undefined) out.set(id, cost)
  })
  return out
}
