/** What makes two proofs the same for the result cache, and which results are worth keeping. */
import type { CbmcTool } from '../cbmc/types.js'
import type { Harness } from '../harness/types.js'
import type { ProofReport } from '../report/types.js'
import { TOOL_VERSION } from '../version.js'
import { cacheKey, toolFingerprint } from './cache.js'
import type { VerifyRequest } from './types.js'

let fingerprint: Promise<string> | undefined

export async function proofKey(root: string, tool: CbmcTool, req: VerifyRequest, hs: readonly { h: Harness }[]): Promise<string> {
  fingerprint ??= toolFingerprint(root)
  return cacheKey({
    tool: `${TOOL_VERSION} ${await fingerprint}`,
    cbmc: `${tool.version} sat:${tool.cadical ? 'cadical' : 'minisat'} z3:${tool.z3 ? 'yes' : 'no'}`,
    // line markers name the files: a series' snapshots live in a fresh temporary folder each run
    harnesses: hs.map(x => x.h.files.map(f => ({ name: f.name, text: req.scratchRoot ? f.text.split(req.scratchRoot).join('<scratch>') : f.text }))),
    options: {
      unwind: req.unwind, maxUnwind: req.maxUnwind, timeoutSec: req.timeoutSec, proofTimeoutSec: req.proofTimeoutSec, memoryMb: req.memoryMb, fwrapv: req.fwrapv,
      solver: req.solver, replay: req.replay, extra: req.extraCbmcArgs, maxSize: req.maxSize, claims: req.claims,
      // they only label the report, but a report names them: keep them in the key
      buffers: req.buffers, assumes: req.assumes, nullable: req.nullable,
    },
  })
}

/**
 * A report is stored unless the proof was cut short: by the user, by an error, or by a time or
 * memory limit (a busy night must not make a proof inconclusive for good; the next run retries).
 */
export function cacheable(r: Pick<ProofReport, 'verdict' | 'reason' | 'runs'>, signal?: AbortSignal): boolean {
  const limited = (s: string | undefined) => s === 'timeout' || s === 'out-of-memory'
  return !signal?.aborted && r.verdict !== 'error' && !limited(r.reason) && !r.runs.some(x => x.status === 'cancelled' || x.status === 'error' || limited(x.status))
}
