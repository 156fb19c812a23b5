/**
 * Everything the reporters count or phrase, computed once from a `ProofReport`.
 * Renderers format these numbers and sentences; they never count on their own.
 */
import {
  REASON_TEXT, RUN_STATUSES, VERDICT_LABEL, VERDICT_OUTCOME, VERDICTS, type Outcome, type RunStatus,
} from '../model/outcomes.js'
import { sizesStopText } from './format.js'
import type { BoundInfo, ProofReport, VerdictStatus } from './types.js'

/** The verdict vocabulary is the model's (`model/outcomes.ts`). */
export type { Outcome, RunStatus }

export interface ReportSummary {
  readonly verdict: VerdictStatus
  /** Upper-case verdict word, e.g. `UNINTENDED`. */
  readonly label: string
  readonly outcome: Outcome
  /** One sentence naming the function, e.g. `msg_fill(): the patch changes behavior outside its claims`. */
  readonly headline: string
  /** The headline without the function, e.g. `the patch changes behavior outside its claims`. */
  readonly sentence: string
  /** The classifier's own one-liner (`r.summary`) when it adds something to the headline. */
  readonly detail?: string
  /** Every bound the proof ran under, the unwinding bound first. */
  readonly bounds: readonly BoundInfo[]
  /** The verdict is only true within `bounds` (complete proofs: equivalent, as-claimed, claim-unobserved). */
  readonly boundsApply: boolean
  /**
   * Where renderers show the bounds: with the verdict when it holds only within them, at the end when runs
   * happened under them (a counterexample, an incomplete proof), not at all when no proof ran or it failed.
   */
  readonly showBounds: 'verdict' | 'end' | 'omit'
  readonly differences: { readonly total: number; readonly intended: number; readonly unintended: number }
  readonly claims: {
    readonly total: number
    readonly observed: number
    readonly unobserved: number
    /** The run that would show it did not finish. */
    readonly unknown: number
  }
  readonly preExisting: number
  readonly typeChanges: number
  readonly constChanges: number
  readonly hints: number
  readonly errors: number
  /** Runs per status, in `RUN_STATUSES` order, zero counts left out. */
  readonly runs: { readonly total: number; readonly byStatus: readonly { status: RunStatus; count: number }[] }
}

const count = <T>(xs: readonly T[], p: (x: T) => boolean): number => xs.filter(p).length

function headlineText(r: ProofReport, unobserved: readonly string[]): string {
  const z = r.sizes
  if (z?.reduced) {
    // the verdict of a smaller buffer bound, never shown as if at the requested one
    const at = z.steps.find(x => x.maxSize === z.reached)!.verdict
    const within = `for buffers of up to ${z.reached} elements (${sizesStopText(z)}`
    return r.verdict === 'inconclusive'
      ? `${at} ${within})`
      : `${verdictText(at, unobserved, r)} ${within}; accepted by --min-size ${z.minimum})`
  }
  return verdictText(r.verdict, unobserved, r)
}

function verdictText(verdict: VerdictStatus, unobserved: readonly string[], r: ProofReport): string {
  switch (verdict) {
    case 'equivalent':
      return 'old and new behave the same'
    case 'as-claimed':
      return 'the patch changes only what its claims allow'
    case 'unintended':
      return 'the patch changes behavior outside its claims'
    case 'claim-unobserved':
      return `${unobserved.length === 1 ? 'claim' : 'claims'} ${unobserved.join(', ')} never observed`
    case 'inconclusive':
      return r.reason ? `no verdict (${r.reason}): ${REASON_TEXT[r.reason]}` : 'no verdict (reason not recorded)'
    case 'error':
      return 'the proof could not be run'
  }
}

/**
 * `r.bounds`, with the unwinding bound first. The pipeline lists it as `unwinding bound`; when no entry
 * mentions unwinding, one is made from `r.unwinding` (auto mode counts as a default: the user chose no bound).
 */
function boundList(r: ProofReport): BoundInfo[] {
  const isUnwind = (b: BoundInfo): boolean => /unwind/i.test(b.what)
  const unwind = r.bounds.filter(isUnwind)
  const auto = r.unwinding.mode === 'auto'
  const made: BoundInfo = {
    what: 'unwinding bound',
    value: auto ? `auto (reached ${r.unwinding.bound})` : String(r.unwinding.bound),
    isDefault: auto,
  }
  return [...(unwind.length > 0 ? unwind : [made]), ...r.bounds.filter(b => !isUnwind(b))]
}

export function summarize(r: ProofReport): ReportSummary {
  const intended = count(r.differences, d => d.classification === 'intended')
  const observed = count(r.claims, c => c.observed === true)
  const unobserved = count(r.claims, c => c.observed === false)
  const text = headlineText(
    r,
    r.claims.filter(c => c.observed === false).map(c => c.id),
  )
  const detail = r.summary.trim()
  // a verdict reached at a smaller buffer bound holds within the bounds the report lists (that bound)
  // an unbounded proof (`unwinding.kind`) holds for every iteration count: its bounds are listed, not a limit
  const unbounded = r.unwinding.kind === 'unbounded'
  const boundsApply = (VERDICTS.some(v => v.status === r.verdict && v.withinBounds) && !unbounded) || r.sizes?.reduced === true
  return {
    verdict: r.verdict,
    label: VERDICT_LABEL[r.verdict],
    outcome: VERDICT_OUTCOME[r.verdict],
    headline: `${r.function}(): ${text}`,
    sentence: text,
    ...(detail && detail !== text ? { detail } : {}),
    bounds: boundList(r),
    boundsApply,
    showBounds: boundsApply || unbounded ? 'verdict' : r.runs.length > 0 && r.verdict !== 'error' ? 'end' : 'omit',
    differences: { total: r.differences.length, intended, unintended: r.differences.length - intended },
    claims: { total: r.claims.length, observed, unobserved, unknown: r.claims.length - observed - unobserved },
    preExisting: r.preExisting.length,
    typeChanges: r.typeChanges.length,
    constChanges: r.constChanges.length,
    hints: r.hints.length,
    errors: r.errors.length,
    runs: {
      total: r.runs.length,
      byStatus: RUN_STATUSES.map(status => ({ status, count: count(r.runs, x => x.status === status) })).filter(
        s => s.count > 0,
      ),
    },
  }
}
