/**
 * Combine the judged runs of one proof into a verdict (pure).
 * Order of facts: errors, unintended differences (definitive even under partial unwinding),
 * incompleteness (timeout, memory, bound), unobserved claims, intended differences.
 */
import type { Claim, HarnessMode } from '../model/types.js'
import { incompleteReason, type InconclusiveReason, type VerdictStatus } from '../model/outcomes.js'
import type { ClaimReport, Difference, SafetyFinding } from '../report/types.js'
import type { JobResult, SafetyViolation } from './types.js'
import { LIMITS_TEXT } from '../model/names.js'
import { nextBound } from '../cbmc/loops.js'

export interface VerdictContext {
  /** The claims, each with the text the user wrote and its harness C. */
  readonly claims: readonly Claim[]
  readonly unwindMode: 'auto' | 'fixed'
  readonly maxUnwind: number
  readonly timeoutSec: number
  /** The whole proof's budget (--proof-timeout), if one was set. */
  readonly proofTimeoutSec?: number
}

export interface VerdictParts {
  readonly verdict: VerdictStatus
  readonly reason?: InconclusiveReason
  readonly summary: string
  readonly differences: readonly Difference[]
  readonly claims: readonly ClaimReport[]
  readonly preExisting: readonly SafetyFinding[]
  readonly hints: readonly string[]
  readonly errors: readonly string[]
  readonly complete: boolean
  readonly openLoops: readonly string[]
  readonly bound: number
}

const finding = (v: SafetyViolation): SafetyFinding => ({
  kind: v.kind, function: v.function, description: v.description, location: v.location, inputs: v.inputs,
})

type SafetyRun = JobResult & { readonly mode: Extract<HarnessMode, { kind: 'safety' }> }
const isSafetyRun = (j: JobResult): j is SafetyRun => j.mode.kind === 'safety'

/** The native replay's judgement, when there was one. */
function confirmation(f: { confirmed?: boolean | 'n/a'; confirmation?: string }): Pick<Difference, 'confirmed' | 'confirmation'> {
  if (f.confirmed === undefined) return {}
  return f.confirmation ? { confirmed: f.confirmed, confirmation: f.confirmation } : { confirmed: f.confirmed }
}

/** Each run's errors, one line per distinct message naming every run that gave it. */
function groupErrors(jobs: readonly JobResult[]): string[] {
  const runs = new Map<string, string[]>()
  for (const j of jobs) for (const e of j.errors) runs.set(e, [...(runs.get(e) ?? []), j.run])
  return [...runs].map(([e, rs]) => `${[...new Set(rs)].join(', ')}: ${e}`)
}

export function decideVerdict(jobs: readonly JobResult[], ctx: VerdictContext): VerdictParts {
  const differences: Difference[] = []
  const hints: string[] = []
  const errors = groupErrors(jobs)
  const incomplete = jobs.filter(j => j.status !== 'complete')

  // --- equivalence and claim runs
  for (const j of jobs) {
    for (const f of j.eqFailures) {
      differences.push({
        classification: 'unintended', observable: f.label, kind: f.kind as Difference['kind'],
        inputs: f.inputs, values: f.values, run: j.run, ...confirmation(f),
        detail: j.mode.kind === 'claim' ? `differs inside claim ${ctx.claims[j.mode.claim]?.id}, which does not allow ${f.kind} to differ` : undefined,
        claim: j.mode.kind === 'claim' ? ctx.claims[j.mode.claim]?.id : undefined,
      })
    }
    if (j.thenFailure && j.mode.kind === 'claim') {
      const c = ctx.claims[j.mode.claim]!
      differences.push({
        classification: 'unintended', observable: `claim ${c.id}`, kind: 'claim', claim: c.id,
        inputs: j.thenFailure.inputs, values: j.thenFailure.values, run: j.run, ...confirmation(j.thenFailure),
        detail: `WHEN holds but THEN (${c.source.then}) does not`,
      })
    }
  }

  // --- memory safety, compared per version by kind and function
  const safetyRuns = jobs.filter(isSafetyRun)
  const oldRuns = safetyRuns.filter(j => j.mode.version === 'old')
  const newRuns = safetyRuns.filter(j => j.mode.version === 'new')
  const oldAll = oldRuns.flatMap(j => j.safety)
  const newAll = newRuns.flatMap(j => j.safety)
  const oldKeys = new Set(oldAll.map(v => v.key))
  const newKeys = new Set(newAll.map(v => v.key))
  const oldComplete = oldRuns.every(j => j.status === 'complete')
  const newComplete = newRuns.every(j => j.status === 'complete')
  const preExisting = new Map<string, SafetyFinding>()
  for (const v of [...oldAll, ...newAll]) if (oldKeys.has(v.key) && newKeys.has(v.key) && !preExisting.has(v.key)) preExisting.set(v.key, finding(v))
  let safetyOpen = false
  const seen = new Set<string>()
  for (const v of newAll) {
    if (oldKeys.has(v.key) || seen.has(v.key)) continue
    seen.add(v.key)
    if (!oldComplete) { safetyOpen = true; continue }
    differences.push({
      classification: 'unintended', observable: `safety: ${v.kind} in new`, kind: 'safety', inputs: v.inputs, values: [],
      location: v.location, detail: `introduced by the patch: ${v.description} in ${v.function}()`, run: 'safety-new', ...confirmation(v),
    })
  }
  const observedBySafety = new Set<number>()
  for (const j of oldRuns) {
    for (const v of j.safety) {
      if (newKeys.has(v.key) || seen.has(`${j.run}|${v.key}`)) continue
      seen.add(`${j.run}|${v.key}`)
      const r = j.mode.restrict
      if (typeof r === 'object') {
        observedBySafety.add(r.claim)
        differences.push({
          classification: 'intended', observable: `safety: ${v.kind} in old`, kind: 'safety', claim: ctx.claims[r.claim]?.id,
          inputs: v.inputs, values: [], location: v.location, detail: `fixed by the patch: ${v.description} in ${v.function}()`, run: j.run, ...confirmation(v),
        })
      } else {
        if (!newComplete) { safetyOpen = true; continue }
        differences.push({
          classification: 'unintended', observable: `safety: ${v.kind} in old`, kind: 'safety', inputs: v.inputs, values: [],
          location: v.location, run: j.run, ...confirmation(v),
          detail: `the patch fixes ${v.description} in ${v.function}() outside every claim that allows safety to differ`,
        })
      }
    }
  }

  // --- claims
  const claims: ClaimReport[] = ctx.claims.map((c, i) => {
    const run = jobs.find(j => j.mode.kind === 'claim' && j.mode.claim === i)
    const safetyRun = jobs.find(j => j.mode.kind === 'safety' && typeof j.mode.restrict === 'object' && j.mode.restrict.claim === i)
    let observed: boolean | null
    if (run?.reach || observedBySafety.has(i)) observed = true
    else if ((run === undefined || run.status === 'complete') && (safetyRun === undefined || safetyRun.status === 'complete')) observed = false
    else observed = null
    if (run?.reach) {
      differences.push({
        classification: 'intended', observable: run.reach.observables.join(', ') || 'behaviour', kind: c.differs[0] ?? 'return', claim: c.id,
        inputs: run.reach.inputs, values: run.reach.values, run: run.run, ...confirmation(run.reach),
      })
    }
    return {
      id: c.id, when: c.source.when, then: c.source.then, differs: c.differs, observed,
      witness: run?.reach ? { inputs: run.reach.inputs, values: run.reach.values } : undefined,
    }
  })

  // --- completeness
  const bound = Math.max(0, ...jobs.map(j => j.unwind))
  const openLoops = [...new Set(incomplete.flatMap(j => j.openLoops.map(l => `${l.loop}${l.location ? ` (${l.location})` : ''}`)))]
  for (const j of incomplete) {
    for (const l of j.openLoops) {
      // the bound that would close this loop (read from its header, else the next 2^k + 1), not a doubling;
      // in auto mode --max-unwind N covers loops of up to N iterations (bound N + 1)
      const used = l.bound ?? j.unwind
      const need = l.need ?? nextBound(used)
      const flag = ctx.unwindMode === 'auto' && need - 1 > ctx.maxUnwind ? `--max-unwind ${need - 1}` : `--unwind ${need}`
      const h = l.loop.startsWith('limit: ')
        ? `the harness bounds ${l.loop.slice('limit: '.length)} (${LIMITS_TEXT}); a path needs more, so the proof is incomplete`
        : l.recursion
        ? `recursion depth ${used} was too small for ${l.loop.replace(/^klp_(old|new)_/, '')}()${l.location ? ` at ${l.location}` : ''}; try ${flag}`
        : `bound ${used} was too small for the loop${l.location ? ` at ${l.location}` : ''}; try ${flag}`
      if (!hints.includes(h)) hints.push(h)
    }
  }
  const statuses = new Set(incomplete.map(j => j.status))
  if (statuses.has('timeout')) {
    hints.push(ctx.proofTimeoutSec === undefined
      ? `a cbmc run hit the ${ctx.timeoutSec} s timeout; raise --timeout, or lower --max-size / --max-unwind`
      : `a cbmc run hit the ${ctx.timeoutSec} s timeout or the proof's ${ctx.proofTimeoutSec} s budget; raise --timeout / --proof-timeout, or lower --max-size / --max-unwind`)
  }
  if (statuses.has('out-of-memory')) hints.push('cbmc ran out of memory; lower --max-size or --max-unwind, or raise --memory if a cap was set')
  if (statuses.has('undetermined')) hints.push('cbmc left some comparison properties UNKNOWN; re-run with --keep-harness and check the cbmc output (extra --cbmc-arg checks can cause this)')
  if (safetyOpen) hints.push('a one-sided memory-safety difference could not be confirmed because the other version was not fully unwound')
  const noBody = [...new Set(jobs.flatMap(j => j.noBody))]

  const unintended = differences.filter(d => d.classification === 'unintended')
  const intended = differences.filter(d => d.classification === 'intended')
  for (const c of claims) if (c.observed === false) hints.push(`claim ${c.id} was never observed: the versions agree wherever its WHEN holds (or WHEN is unsatisfiable under the assumptions)`)

  const base = { differences, claims, preExisting: [...preExisting.values()], hints, errors, openLoops, bound }
  const complete = incomplete.length === 0 && !safetyOpen && noBody.length === 0
  if (errors.length || statuses.has('error')) {
    for (const h of jobs.flatMap(j => j.hints ?? [])) if (!hints.includes(h)) hints.push(h)
    return { ...base, verdict: 'error', summary: 'cbmc could not check this proof', complete: false }
  }
  if (unintended.length) {
    return { ...base, verdict: 'unintended', summary: `the patch changes behavior it does not claim (${unintended.length} unintended difference${unintended.length > 1 ? 's' : ''})`, complete }
  }
  if (noBody.length) {
    return {
      ...base, verdict: 'inconclusive', reason: 'external-calls', complete: false,
      summary: `calls to functions without a body (${noBody.join(', ')}) are not modelled yet`,
      hints: [...hints, `provide the bodies of ${noBody.join(', ')} in the files, or wait for external-call models`],
    }
  }
  if (!complete) {
    const reason: InconclusiveReason = incompleteReason(statuses, safetyOpen)
    return { ...base, verdict: 'inconclusive', reason, summary: `no unintended difference found, but the proof is incomplete (${reason})`, complete }
  }
  if (claims.some(c => c.observed !== true)) {
    return { ...base, verdict: 'claim-unobserved', summary: `no unintended difference, but ${claims.filter(c => c.observed !== true).map(c => c.id).join(', ')} never showed a difference`, complete }
  }
  if (intended.length || claims.length) {
    return { ...base, verdict: 'as-claimed', summary: 'only intended differences, every claim observed', complete }
  }
  return { ...base, verdict: 'equivalent', summary: 'no behavioral difference', complete }
}
