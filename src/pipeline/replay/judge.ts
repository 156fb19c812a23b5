/**
 * Native replay, judging (pure): whether what a gcc-built run of a counterexample printed shows the
 * same finding cbmc reported, and the marks on findings that were not replayed.
 */
import type { Found, JobResult } from '../../classify/types.js'
import { CALL_BYTES_DIFFER } from '../../model/names.js'
import type { NativeOutcome } from './values.js'

export interface NativeVerdict {
  readonly confirmed: boolean | 'n/a'
  readonly confirmation: string
}

/**
 * One finding's native run (or why there was none) against what cbmc found: the failed marker
 * `expectTag` for a comparison, a sanitizer or model report for a safety violation.
 */
export function judgeNative(out: NativeOutcome | string, expectTag: string | undefined, what: string, safety: boolean): NativeVerdict {
  if (typeof out === 'string') return { confirmed: 'n/a', confirmation: out }
  if (out.assumeFailed) return { confirmed: false, confirmation: 'the native run left the counterexample path (an assumption failed natively)' }
  if (safety) {
    if (out.sanitizer.length) return { confirmed: true, confirmation: `native run: ${out.sanitizer[0]}` }
    const model = out.failed.find(f => /^(lock:|BUG\(\))/.test(f))
    if (model) return { confirmed: true, confirmation: `native run: ${model}` }
    return { confirmed: false, confirmation: 'the native run (ASan/UBSan) reported nothing: sanitizers do not see every violation cbmc checks (e.g. an overflow inside one object)' }
  }
  if (expectTag && out.failed.some(f => f.startsWith(expectTag))) return { confirmed: true, confirmation: `the gcc-built harness shows the same ${what}` }
  if (out.sanitizer.length) {
    return { confirmed: 'n/a', confirmation: `the path has undefined behavior natively (${out.sanitizer[0]!.slice(0, 80)}), so what the versions do after it cannot be compared natively` }
  }
  return { confirmed: false, confirmation: `natively old and new agree on ${what} for these inputs (it may depend on uninitialised data or memory cbmc chose)` }
}

/**
 * Bytes copied out of uninitialised memory: gcc's auto-init zero-fills padding, so a native run
 * cannot show them differ; such a finding is not refuted by agreeing natively.
 */
export function bytesOnly<T extends Found>(f: T): T {
  return f.confirmed === false && f.values.some(v => v.what === CALL_BYTES_DIFFER)
    ? { ...f, confirmed: 'n/a', confirmation: 'the difference is in bytes passed or copied out that the function may never have initialised; a native run fills such bytes the same way in both versions, so it cannot show it (cbmc can)' }
    : f
}

/** Mark every finding of a run as not replayed, with the reason. */
export function notReplayed(job: JobResult, why: string): JobResult {
  const mark = <T extends object>(f: T): T => ({ ...f, confirmed: 'n/a' as const, confirmation: why })
  return {
    ...job,
    eqFailures: job.eqFailures.map(mark),
    reach: job.reach && mark(job.reach),
    thenFailure: job.thenFailure && mark(job.thenFailure),
    safety: job.safety.map(mark),
  }
}
