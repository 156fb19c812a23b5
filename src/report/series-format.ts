/** A series report in any format (pure): what `series` and `merge` print or write. */
import { renderBaselineText, type BaselineDiff } from '../series/baseline.js'
import type { PlannedProof, SeriesReport } from '../series/types.js'
import { renderSeriesJunit, renderSeriesMarkdown, renderSeriesText } from './series.js'
import { renderSeriesHtml } from './series-html.js'

export type SeriesFormat = 'text' | 'json' | 'junit' | 'markdown' | 'html'

export function formatSeries(report: SeriesReport, format: SeriesFormat, diff?: BaselineDiff): string {
  const withDiff = diff ? { ...report, baseline: diff } : report
  return format === 'json' ? `${JSON.stringify(withDiff, null, 2)}\n`
    : format === 'junit' ? renderSeriesJunit(report)
    : format === 'markdown' ? renderSeriesMarkdown(withDiff)
    : format === 'html' ? renderSeriesHtml(withDiff)
    : `${diff ? renderBaselineText(diff) : ''}${renderSeriesText(report)}`
}

export interface SeriesListing {
  readonly schemaVersion: 1
  readonly kind: 'series-plan'
  readonly digest: string
  /** The shard asked for (--shard, CI variables), if any: its proofs are marked. */
  readonly shard?: { readonly index: number; readonly total: number; readonly source: string }
  /** cost: expected ms (--durations); cached: the cache holds the result (cachedMs: the cbmc time it took). */
  readonly proofs: readonly (PlannedProof & { readonly cost?: number; readonly cached?: boolean; readonly cachedMs?: number })[]
  /** Per shard (1-based): how many proofs, their expected cost, how many of unknown cost, how many cached. */
  readonly shards?: readonly { readonly index: number; readonly proofs: number; readonly costMs: number; readonly unknown: number; readonly cached?: number }[]
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** `--list`: the planned proofs (text: one line each; json: the listing). */
export function formatListing(l: SeriesListing, format: 'text' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(l, null, 2)}\n`
  const lines = [`klp-verify series: ${l.proofs.length} proofs planned (plan ${l.digest})${l.shard ? ` · shard ${l.shard.index}/${l.shard.total} (from ${l.shard.source})` : ''}`]
  for (const s of l.shards ?? []) {
    const cost = s.unknown === s.proofs ? 'cost unknown' : `expected ${secs(s.costMs)}${s.unknown ? ` + ${s.unknown} of unknown cost` : ''}`
    lines.push(`  shard ${s.index}: ${s.proofs} proofs, ${cost}${s.cached ? `, ${s.cached} cached` : ''}`)
  }
  for (const p of l.proofs) {
    lines.push(`  ${p.id}  ${`${p.function}()`.padEnd(28)} ${p.patch === null ? 'base → tip' : `patch ${p.patch}`}${p.affected ? ' (affected)' : ''}${p.shard ? `  shard ${p.shard}` : ''}  ${p.cost === undefined ? 'cost unknown' : secs(p.cost)}${p.cached ? ` · cached${p.cachedMs ? ` (ran ${secs(p.cachedMs)})` : ''}` : ''}`)
  }
  return lines.join('\n') + '\n'
}
