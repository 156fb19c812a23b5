/**
 * The live-patch section of a single proof (pure): which listed functions this run proves besides the
 * one asked for, and the report with the object-level analysis joined to the verdicts, hazards the
 * spec accepts marked, and the exit code raised by the rest (a hazard: at least 1).
 */
import { EXIT_OF, worstExit } from '../model/outcomes.js'
import type { LivePatchFunction, ObjectDiff } from '../object/index.js'
import type { LivePatchFunctionReport, LivePatchHazardReport, LivePatchReport, ProofReport } from '../report/types.js'
import type { VerifyRequest } from './types.js'

/** At most this many other functions are proved in the same run (callers changed through an inlined callee, codegen-only ones). */
export const MAX_EXTRA_PROOFS = 4

/** What the object step found: the flags it built with, and the diff or why there is none. */
export interface ObjectOutcome {
  readonly cflags: readonly string[]
  readonly diff?: ObjectDiff
  readonly error?: string
  readonly durationMs: number
}

/** Per source function: proved in this run, or why not. */
export type FunctionPlan = { readonly prove: true } | { readonly prove: false; readonly note: string }

type PlanRequest = Pick<VerifyRequest, 'func' | 'claims' | 'assumes' | 'nullable' | 'buffers' | 'held' | 'containers'>

/** Whether the proof names inputs or claims of its own function (they do not apply to another function). */
function ownInputs(req: PlanRequest): boolean {
  return req.claims.length > 0 || req.assumes.length > 0 || req.nullable.length > 0 || Object.keys(req.buffers).length > 0 ||
    (req.held ?? []).length > 0 || Object.keys(req.containers ?? {}).length > 0
}

/**
 * Which listed functions (other than the one proved) this run proves too: those whose object changed
 * only through a changed inlined callee or through codegen, when the proof of `req.func` is equivalent
 * and has no claims or inputs of its own function (without claims they are proved equivalent or not).
 * The rest say why not.
 */
export function planFunctionProofs(req: PlanRequest, functions: readonly LivePatchFunction[], verdict: ProofReport['verdict'] = 'equivalent'): Map<string, FunctionPlan> {
  const byFn = new Map<string, LivePatchFunction[]>()
  for (const f of functions) if (f.function !== req.func) byFn.set(f.function, [...(byFn.get(f.function) ?? []), f])
  const plans = new Map<string, FunctionPlan>()
  let extra = 0
  for (const [fn, syms] of byFn) {
    const has = (r: LivePatchFunction['reason']) => syms.some(s => s.reason === r)
    if (has('source-changed')) {
      plans.set(fn, { prove: false, note: `its source changed too: prove it with --func ${fn} and its own claims` })
    } else if (has('new')) {
      plans.set(fn, { prove: false, note: 'a new function: there is no old version to compare it with' })
    } else if (!has('inlined-callee-changed') && !has('codegen-only') && !syms.some(s => s.via?.length)) {
      plans.set(fn, { prove: false, note: `a clone or part of ${fn}(), whose source did not change: its code changed with what its callers pass` })
    } else if (ownInputs(req)) {
      plans.set(fn, { prove: false, note: `the proof's claims and inputs are ${req.func}()'s: prove it with --func ${fn}` })
    } else if (verdict !== 'equivalent') {
      // a caller of code that is not proved the same is not either; its proof would only repeat the cost
      plans.set(fn, { prove: false, note: `${req.func}() is ${verdict}, not equivalent, so this run stops there: prove it with --func ${fn}` })
    } else if (extra >= MAX_EXTRA_PROOFS) {
      plans.set(fn, { prove: false, note: `more than ${MAX_EXTRA_PROOFS} other functions changed: prove it with --func ${fn}` })
    } else {
      extra++
      plans.set(fn, { prove: true })
    }
  }
  return plans
}

/** A proof of another listed function: its report, or why it could not run. */
export type ExtraProof = { readonly report: ProofReport } | { readonly error: string }

function functionEntry(
  f: LivePatchFunction, main: ProofReport, plans: ReadonlyMap<string, FunctionPlan>, proved: ReadonlyMap<string, ExtraProof>,
): LivePatchFunctionReport {
  const base = { symbol: f.symbol, function: f.function, reason: f.reason, ...(f.via ? { via: f.via } : {}) }
  if (f.function === main.function) return { ...base, verdict: main.verdict }
  const plan = plans.get(f.function)
  const p = proved.get(f.function)
  if (!p || !plan?.prove) return { ...base, verdict: 'not-proved', note: plan && !plan.prove ? plan.note : 'not proved in this run' }
  if ('error' in p) return { ...base, verdict: 'not-proved', note: `its proof could not run: ${p.error}` }
  const benign = f.reason === 'codegen-only' && p.report.verdict === 'equivalent'
  const note = benign
    ? `benign: its object code changed, though neither its source nor anything inlined into it did, and it behaves the same (${p.report.summary})`
    : `proved in this run without claims: ${p.report.summary}`
  return { ...base, verdict: p.report.verdict, ...(benign ? { benign } : {}), note }
}

/** Whether the spec's `accept-hazards:` (`kind:symbol`, `kind:*`) names a hazard. */
export function isAccepted(h: { kind: string; symbol: string }, accept: readonly string[]): boolean {
  return accept.includes(`${h.kind}:${h.symbol}`) || accept.includes(`${h.kind}:*`)
}

/**
 * The proof's report with its `livepatch` section: every listed function with its verdict (this proof's,
 * another proof's of this run, or not-proved and why), the hazards (accepted ones marked), and the exit
 * code: the worst of the proofs' (3 > 1 > 2 > 0), at least 1 when a hazard is not accepted.
 */
export function joinLivePatch(
  main: ProofReport, outcome: ObjectOutcome, plans: ReadonlyMap<string, FunctionPlan>, proved: ReadonlyMap<string, ExtraProof>, accept: readonly string[],
): ProofReport {
  const head = { cflags: outcome.cflags }
  if (!outcome.diff) {
    const livepatch: LivePatchReport = { ...head, functions: [], hazards: [], error: outcome.error ?? 'no object-level result', durationMs: outcome.durationMs }
    return { ...main, livepatch }
  }
  const functions = outcome.diff.functions.map(f => functionEntry(f, main, plans, proved))
  const hazards: LivePatchHazardReport[] = outcome.diff.hazards.map(h => ({ ...h, ...(isAccepted(h, accept) ? { accepted: true } : {}) }))
  const proofs = worstExit([main.exitCode, ...[...proved.values()].flatMap(p => ('report' in p ? [EXIT_OF[p.report.verdict]] : []))])
  // a hazard makes a passing run fail; an inconclusive or failed one keeps its code
  const exitCode = proofs === 0 && hazards.some(h => !h.accepted) ? 1 : proofs
  return { ...main, exitCode, livepatch: { ...head, functions, hazards, durationMs: outcome.durationMs } }
}
