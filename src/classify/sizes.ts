/**
 * Stepping the buffer bound (pure). A proof with buffers runs at small bounds first, up to the
 * requested `--max-size` (pipeline/sizes.ts); after each bound its verdict says whether to climb on,
 * and at the end the verdict of the largest bound that finished is the proof's, stated with its bound.
 *
 * - A counterexample at any bound is a result at every larger bound (the larger harness admits all
 *   the smaller one's inputs): `unintended` ends the steps and is the verdict, whatever the bound.
 * - `equivalent`, `as-claimed` and `claim-unobserved` hold only within their bound: climb on.
 * - An open proof (timeout, memory, unwinding bound, solver) ends the steps; the largest bound
 *   that finished gives the verdict, and it is never reported as if at the requested bound: it is
 *   `inconclusive (reduced-bound)` (exit 2) unless `--min-size` accepts that bound.
 */
import type { InconclusiveReason } from '../model/outcomes.js'
import { stopText } from '../report/format.js'
import type { SizeSteps } from '../report/types.js'
import type { VerdictParts } from './verdict.js'

/** What a bound's verdict means for the bounds above it. */
export type StepMove = 'climb' | 'final' | 'open'

/** Reasons that depend on the size of the proof: a smaller bound may still finish. */
const BOUND_DEPENDENT: ReadonlySet<InconclusiveReason> = new Set(['timeout', 'out-of-memory', 'solver', 'unwinding-bound', 'safety-incomplete'])

export function stepMove(parts: Pick<VerdictParts, 'verdict' | 'reason'>): StepMove {
  switch (parts.verdict) {
    case 'equivalent':
    case 'as-claimed':
    case 'claim-unobserved':
      return 'climb'
    case 'inconclusive':
      return parts.reason !== undefined && BOUND_DEPENDENT.has(parts.reason) ? 'open' : 'final'
    default:
      // a counterexample holds at every larger bound; an error is no bound's doing
      return 'final'
  }
}

/** One bound's facts: its verdict (before native replay) and how long its runs took. */
export interface StepFacts {
  readonly maxSize: number
  readonly parts: VerdictParts
  readonly durationMs: number
}

/**
 * The step whose facts the report shows: the last one, unless the steps stopped open above a bound
 * that finished — then the largest such bound.
 */
export function chosenStep(steps: readonly Pick<StepFacts, 'parts'>[]): number {
  const last = steps.length - 1
  if (last < 0) throw new Error('chosenStep: no steps')
  if (stepMove(steps[last]!.parts) !== 'open') return last
  for (let i = last - 1; i >= 0; i--) if (stepMove(steps[i]!.parts) === 'climb') return i
  return last
}

export interface SizeContext {
  /** The `--max-size` asked for. */
  readonly requested: number
  /** `--min-size`: the smallest bound whose verdict counts as the verdict. */
  readonly minimum?: number
  /**
   * The bound the steps did not start because the proof's budget was spent or too little of it was
   * left (`leftMs` < `needMs`, the longest run of the bound below: a larger bound's runs take longer).
   */
  readonly notStarted?: { readonly maxSize: number; readonly leftMs?: number; readonly needMs?: number }
  /** Smaller bounds no input fits (not among the steps). */
  readonly noInput?: readonly number[]
}

/** What lets the requested bound finish, by what stopped it. */
const RAISE: Partial<Record<InconclusiveReason, string>> = {
  timeout: 'raise --timeout / --proof-timeout',
  'out-of-memory': 'raise --memory (or give cbmc more memory)',
  'unwinding-bound': 'raise --max-unwind (or --unwind)',
}

/**
 * The proof's verdict from its steps (`steps[chosen]` already carries the native replay's marks).
 * `sizes.reduced`: the verdict is the one at a bound below the requested one.
 */
export function decideSizes(steps: readonly StepFacts[], ctx: SizeContext): { parts: VerdictParts; sizes: SizeSteps } {
  const chosen = chosenStep(steps)
  const pick = steps[chosen]!
  const last = steps[steps.length - 1]!
  const climbed = steps.filter(s => stepMove(s.parts) === 'climb')
  const reached = climbed.length ? Math.max(...climbed.map(s => s.maxSize)) : undefined
  const lastMove = stepMove(last.parts)
  const stopped: SizeSteps['stopped'] =
    ctx.notStarted !== undefined ? { ...ctx.notStarted, reason: 'timeout', afterMs: 0 }
    : lastMove === 'open' ? { maxSize: last.maxSize, reason: last.parts.reason!, afterMs: Math.round(last.durationMs) }
    : undefined
  const reduced = stopped !== undefined && stepMove(pick.parts) === 'climb' && pick.maxSize < ctx.requested
  const sizes: SizeSteps = {
    requested: ctx.requested,
    ...(reached !== undefined ? { reached } : {}),
    ...(ctx.minimum !== undefined ? { minimum: ctx.minimum } : {}),
    reduced,
    ...(stopped ? { stopped } : {}),
    steps: steps.map(s => ({ maxSize: s.maxSize, verdict: s.parts.verdict, ...(s.parts.reason ? { reason: s.parts.reason } : {}), durationMs: Math.round(s.durationMs) })),
    ...(ctx.noInput?.length ? { noInput: ctx.noInput } : {}),
  }
  if (!reduced) return { parts: pick.parts, sizes }
  const why = stopText(stopped!, ctx.notStarted !== undefined)
  const accepted = ctx.minimum !== undefined && pick.maxSize >= ctx.minimum
  // what stopped the steps is what to do about it (the open bound's own hints: raise --timeout, …)
  const openHints = ctx.notStarted === undefined ? last.parts.hints : []
  const within = `for buffers of up to ${pick.maxSize} elements (${why})`
  if (accepted) {
    return {
      sizes,
      parts: {
        ...pick.parts,
        summary: `${pick.parts.summary}, ${within}; --min-size ${ctx.minimum} accepts that bound`,
        hints: [...pick.parts.hints, ...openHints.filter(h => !pick.parts.hints.includes(h))],
      },
    }
  }
  const more = ctx.notStarted !== undefined ? 'raise --proof-timeout' : RAISE[stopped!.reason] ?? 'see the hints below'
  return {
    sizes,
    parts: {
      ...pick.parts,
      verdict: 'inconclusive',
      reason: 'reduced-bound',
      summary: `${pick.parts.summary} only ${within}, not up to the ${ctx.requested} asked`,
      hints: [
        `the verdict holds only for buffers of up to ${pick.maxSize} elements: ${more} to reach --max-size ${ctx.requested}, or pass --min-size ${pick.maxSize} (spec min-size:) to accept this bound as the verdict`,
        ...pick.parts.hints,
        ...openHints.filter(h => !pick.parts.hints.includes(h)),
      ],
    },
  }
}
