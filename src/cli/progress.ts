/**
 * Progress of a series on stderr: on a terminal one status line rewritten in place (done/total,
 * running, failures so far, ETA); otherwise (CI logs) one plain line per finished proof.
 */
import type { SeriesEvent } from '../pipeline/series.js'

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`
}

/** ETA from the mean time per finished proof (cached proofs count: they are part of the run). */
export function eta(done: number, total: number, elapsedMs: number): string {
  if (done === 0 || done >= total) return '?'
  return formatDuration((elapsedMs / done) * (total - done))
}

export interface ProgressSink {
  readonly write: (text: string) => void
  readonly isTTY: boolean
}

export function seriesProgress(out: ProgressSink): { onEvent: (e: SeriesEvent) => void; finish: () => void } {
  let total = 0
  let done = 0
  let running = 0
  let failures = 0
  let elapsed = 0
  let shown = false
  const status = () => `klp-verify: [${done}/${total}] ${running} running · ${failures} failing · ETA ${eta(done, total, elapsed)}`
  const redraw = () => {
    out.write(`\r\x1b[2K${status()}`)
    shown = true
  }
  return {
    onEvent(e) {
      if (e.kind === 'planned') {
        total = e.total
        if (!out.isTTY) out.write(`klp-verify: series: ${total} proofs planned\n`)
      } else if (e.kind === 'start') {
        running = e.running
      } else {
        ;({ done, total, running, failures } = e)
        elapsed = e.elapsedMs
        const p = e.proof
        const line = `[${done}/${total}] ${p.verdict}${p.cached ? ' (cached)' : ''}: ${p.function}() ${p.patch === null ? 'base → tip' : `patch ${p.patch}`}${p.affected ? ' (affected)' : ''}`
        if (out.isTTY) {
          // finished proofs that need attention stay on screen above the status line
          if (p.verdict !== 'equivalent' && p.verdict !== 'as-claimed') out.write(`\r\x1b[2Kklp-verify: ${line}\n`)
        } else {
          out.write(`klp-verify: ${line}\n`)
        }
      }
      if (out.isTTY) redraw()
    },
    finish() {
      if (out.isTTY && shown) out.write('\r\x1b[2K')
    },
  }
}
