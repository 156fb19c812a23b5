/**
 * Identical and unchanged code costs nothing (issue #12). A target whose closure is token-identical in
 * both versions is equivalent without a solver run. Unchanged callees are proved as one shared
 * uninterpreted function (model/shared-callees.ts): that attempt's `equivalent` is the verdict; any
 * other outcome falls back to today's proof with the callees inlined (a difference found through the
 * abstraction may not be real, and counterexamples stay concrete), which is the verdict then.
 */
import type { VerdictParts } from '../classify/verdict.js'
import type { SharedCallee } from '../extract/shared-callees.js'
import type { FunctionPair } from '../extract/types.js'
import { abstractSharedCallees } from '../model/shared-callees.js'
import type { BoundInfo, ProofReport } from '../report/types.js'
import type { VerifyRequest } from './types.js'

/** One proof attempt: with shared callees (when there are any) or inlined; `abstracted` says what was shared. */
export interface Sharing {
  readonly mode: 'shared' | 'inline'
  abstracted?: readonly SharedCallee[]
}

/** The pair an attempt proves: shared callees abstracted in `shared` mode without claims. */
export function sharedPair(pair: FunctionPair, req: Pick<VerifyRequest, 'claims'>, sharing: Sharing): FunctionPair {
  if (sharing.mode !== 'shared' || req.claims.length > 0) return pair
  const abstracted = abstractSharedCallees(pair)
  if (!abstracted) return pair
  const sc = pair.sharedCallees!
  sharing.abstracted = [...sc.callees, ...(sc.recursion ? [sc.recursion] : [])]
  return abstracted
}

/** What the proof holds without a bound: the shared callees, each for every iteration count of its loops. */
const PARTIAL = 'both versions call it with the same arguments in the same order; it terminates'

const INDUCTION = 'partial equivalence: for every input on which both versions terminate (the recursive calls agree when their arguments do)'

/** Bounds that say which code was compared (they hold for an identical pair too). */
const CODE_BOUNDS = new Set(['compiler flags (--cflags)', 'build context', 'compile flag', 'define (-D)', 'include folder (-I)'])

/** The verdict of a pair whose closure is identical in both versions, or undefined (no claims, no type changes). */
export function identicalParts(pair: FunctionPair, req: Pick<VerifyRequest, 'claims'>): VerdictParts | undefined {
  if (!pair.sharedCallees?.identical || req.claims.length > 0 || pair.typeChanges.length > 0 || pair.constChanges.length > 0) return undefined
  return {
    verdict: 'equivalent', summary: `${pair.func}() and everything it reaches are identical in both versions (token for token after preprocessing); no solver run`,
    differences: [], claims: [], preExisting: [], hints: [], errors: [], complete: true, openLoops: [], bound: 0,
  }
}

/** The report of an identical pair: unbounded, technique `identical`, no bounds but the code's. */
export function identicalReport(r: ProofReport): ProofReport {
  const bounds: BoundInfo[] = [
    { what: 'unwinding bound', value: 'none: identical code is equal for all inputs and iteration counts (no solver run)', isDefault: true },
    ...r.bounds.filter(b => CODE_BOUNDS.has(b.what)),
  ]
  return { ...r, bounds, unwinding: { ...r.unwinding, kind: 'unbounded', techniques: [{ what: `${r.function}()`, technique: 'identical' }] } }
}

/** An attempt's report with the shared callees named (bounds and techniques); unbounded when nothing else loops. */
export function sharedReport(r: ProofReport, pair: FunctionPair, req: Pick<VerifyRequest, 'buffers'>, sharing: Sharing): ProofReport {
  const callees = sharing.abstracted ?? []
  if (callees.length === 0) return r
  const bounds: BoundInfo[] = callees.map(c => (c.recursive
    ? { what: `recursion of ${c.name}()`, value: 'induction: its recursive calls are one uninterpreted function for both versions (every depth)', isDefault: true }
    : {
      what: `shared callee ${c.name}()`,
      value: 'unchanged: one uninterpreted function for both versions, not inlined (no bound on its loops; its own safety checks not repeated)',
      isDefault: true,
    }))
  // buffers keep their --max-size bound; loops outside the shared callees keep the unwinding bound
  const unbounded = r.verdict === 'equivalent' && r.unwinding.complete && !pair.sharedCallees!.callerLoops && Object.keys(req.buffers).length === 0 && !r.sizes
  return {
    ...r,
    bounds: [...r.bounds, ...bounds],
    unwinding: {
      ...r.unwinding,
      kind: unbounded ? 'unbounded' : 'bounded',
      techniques: callees.map(c => (c.recursive
        ? { what: `recursion of ${c.name}()`, technique: 'induction', assumes: INDUCTION }
        : { what: `${c.name}()`, technique: 'shared-callee', assumes: PARTIAL })),
    },
  }
}

/**
 * Run `once` with shared callees; when some were abstracted and the verdict is not `equivalent`, run
 * it again with them inlined: that verdict stands, with the first attempt's runs listed before its own.
 */
export async function verifySharing(once: (sharing: Sharing) => Promise<ProofReport>, signal?: AbortSignal): Promise<ProofReport> {
  const sharing: Sharing = { mode: 'shared' }
  let first: ProofReport
  try {
    first = await once(sharing)
  } catch (err) {
    // an attempt with shared callees that fails (their stand-ins did not build) is proved inlined; an abort stops
    if (!sharing.abstracted?.length || signal?.aborted) throw err
    return once({ mode: 'inline' })
  }
  const names = (sharing.abstracted ?? []).map(c => `${c.name}()`)
  if (names.length === 0 || first.verdict === 'equivalent') return first
  const second = await once({ mode: 'inline' })
  const t = second.timings
  const toolMs = t.toolMs + first.timings.toolMs
  const totalMs = t.totalMs + first.timings.totalMs
  return {
    ...second,
    runs: [...first.runs.map(x => ({ ...x, run: `shared-${x.run}` })), ...second.runs],
    hints: [...second.hints, `with ${names.join(', ')} shared (not inlined) the proof was ${first.verdict}${first.reason ? ` (${first.reason})` : ''}; this verdict is with ${names.length > 1 ? 'them' : 'it'} inlined`],
    timings: { totalMs, toolMs, ownMs: Math.max(0, totalMs - toolMs) },
  }
}
