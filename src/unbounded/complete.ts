/**
 * A bounded proof that is complete for every input (issue #12): when every unwinding assertion held,
 * the function takes only scalar arguments (no buffer, no object whose size the harness chose), reads
 * no global and calls nothing outside its code, every loop ran to its exit for every input within the
 * bound — so the bounded `equivalent` holds for every iteration count (a 64-bit popcount loop runs at
 * most 64 times, and the unwinding assertion proves it).
 */
import type { FunctionPair } from '../extract/types.js'
import type { ProofReport } from '../report/types.js'
import type { VerifyRequest } from '../pipeline/types.js'

export const COMPLETE = 'complete-unwinding'

/** The report, unbounded when its bounded proof already covered every input; else as it was. */
export function completeUnwinding(r: ProofReport, pair: FunctionPair, req: Pick<VerifyRequest, 'buffers' | 'nullable' | 'claims' | 'unbounded' | 'fwrapv'>): ProofReport {
  if (req.unbounded === 'off' || r.unwinding.kind !== undefined || r.verdict !== 'equivalent' || !r.unwinding.complete || r.unwinding.openLoops.length) return r
  if (r.sizes || Object.keys(req.buffers).length || req.nullable.length || req.claims.length) return r
  // floats: cbmc's long double and out-of-range conversions are not what x86 does; -fwrapv: cbmc then
  // does not check INT_MIN / -1, which still traps natively
  if (req.fwrapv || !pair.signature.params.every(p => p.type.kind === 'scalar' && !p.type.float)) return r
  if (pair.old.globals.length || pair.new.globals.length || pair.externals.externals.length) return r
  return {
    ...r,
    bounds: r.bounds.map(b => (b.what === 'unwinding bound' ? { ...b, value: `${b.value}: every loop ended within it for every input (unwinding assertions held)` } : b)),
    unwinding: {
      ...r.unwinding, kind: 'unbounded',
      techniques: [{ what: `${r.function}()`, technique: COMPLETE, assumes: `scalar arguments only: every loop ran to its exit within bound ${r.unwinding.bound} for every input` }],
    },
  }
}
