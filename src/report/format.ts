/** Small string helpers shared by the reporters (no counting here: see summary.ts). */
import type { ReportSummary } from './summary.js'
import type { NamedValue, SizeSteps } from './types.js'

/** `340 ms`, `2.4 s`, `3 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)} min ${s % 60} s`
}

/** Seconds with millisecond precision, as JUnit's `time` attribute wants. */
export const formatSeconds = (ms: number): string => (ms / 1000).toFixed(3)

/** `1 claim`, `2 claims`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** `len = 12` for each input. */
export const formatInputs = (inputs: readonly NamedValue[]): string[] => inputs.map(i => `${i.name} = ${i.value}`)

/** `3 (2 complete, 1 found)`, or `none`. */
export function formatRuns(runs: ReportSummary['runs']): string {
  if (runs.total === 0) return 'none'
  return `${runs.total} (${runs.byStatus.map(s => `${s.count} ${s.status}`).join(', ')})`
}

/**
 * Join items with `, ` into lines no wider than `width`; an item is never split, so a single
 * item longer than `width` gets a line of its own.
 */
export function wrapItems(items: readonly string[], width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const item of items) {
    if (line && line.length + 2 + item.length + 1 > width) {
      lines.push(`${line},`)
      line = item
    } else {
      line = line ? `${line}, ${item}` : item
    }
  }
  if (line) lines.push(line)
  return lines
}

/** Pad every cell but the last of each row to its column's width. */
export function alignColumns(rows: readonly (readonly string[])[], sep = ' | '): string[] {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return rows.map(row => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join(sep))
}

/**
 * Word-wrap `text` to `width` columns: the first line gets `first`, the others `rest` (both count
 * towards the width). A word longer than the room is never split.
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = []
  let line = first
  let empty = true
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line)
      line = rest + word
    } else {
      line = empty ? line + word : `${line} ${word}`
    }
    empty = false
  }
  lines.push(line)
  return lines
}

/** `max-size 32 timed out after 312 s`, `max-size 64 needs a higher unwinding bound`, … */
export function stopText(stopped: NonNullable<SizeSteps['stopped']>, budgetSpent: boolean): string {
  const at = `max-size ${stopped.maxSize}`
  if (budgetSpent) {
    return stopped.leftMs && stopped.needMs
      ? `${at} would not finish in the ${formatDuration(stopped.leftMs)} left (a run at the bound below took ${formatDuration(stopped.needMs)})`
      : `no time was left for ${at}`
  }
  switch (stopped.reason) {
    case 'timeout':
      return `${at} timed out after ${formatDuration(stopped.afterMs)}`
    case 'out-of-memory':
      return `${at} ran out of memory`
    case 'unwinding-bound':
      return `${at} needs a higher unwinding bound`
    case 'solver':
      return `the solver gave no answer at ${at}`
    default:
      return `${at} did not finish (${stopped.reason})`
  }
}

/** The steps stopped before a bound they never started (the proof's budget was spent). */
export const budgetSpent = (z: SizeSteps): boolean => z.stopped !== undefined && !z.steps.some(x => x.maxSize === z.stopped!.maxSize)

/** Why the steps stopped below the requested bound, as a phrase; undefined when they did not. */
export const sizesStopText = (z: SizeSteps): string | undefined => (z.stopped ? stopText(z.stopped, budgetSpent(z)) : undefined)
