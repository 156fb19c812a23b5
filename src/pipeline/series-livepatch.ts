/**
 * The live-patch section of each patch of a series (pure): the object-level analysis of its changed
 * files (pipeline/livepatch.ts analyseObjects) joined to the series' proofs of that patch. A function
 * whose object changed gets the verdict of the series' proof of it in that file, or `not-proved` and
 * why; hazards the function's spec accepts (`accept-hazards:`) are marked; a hazard not accepted makes
 * the patch's exit code at least 1, as in a single proof (livepatch-join.ts).
 */
import type { LivePatchFunctionReport } from '../report/types.js'
import type { SeriesLivePatch, SeriesProof } from '../series/types.js'
import { isAccepted, type ObjectOutcome } from './livepatch-join.js'

/** One changed file of a patch: its label (as the proofs name its new version), the object step's outcome, and the hazards its specs accept. */
export interface FileObjects {
  readonly file: string
  readonly outcome: ObjectOutcome
  readonly accept: readonly string[]
}

function verdictOf(f: NonNullable<ObjectOutcome['diff']>['functions'][number], proof: SeriesProof | undefined): Omit<LivePatchFunctionReport, 'symbol' | 'function' | 'reason' | 'via'> {
  if (!proof) {
    return f.reason === 'new'
      ? { verdict: 'not-proved', note: 'a new function: there is no old version to compare it with' }
      : { verdict: 'not-proved', note: `the series planned no proof of ${f.function}(): name it in a manifest entry's functions: [...] or a Klp-Intended trailer` }
  }
  if (proof.verdict === 'error') return { verdict: 'error', note: `its proof failed: ${proof.error ?? proof.report?.errors[0] ?? proof.report?.summary ?? 'see the proof'}` }
  const benign = f.reason === 'codegen-only' && proof.verdict === 'equivalent'
  return {
    verdict: proof.verdict,
    ...(benign ? { benign, note: 'benign: its object code changed, though neither its source nor anything inlined into it did, and it behaves the same' } : {}),
  }
}

/** A patch's live patch from its files' object steps and the series' proofs of that patch. */
export function joinSeriesLivePatch(files: readonly FileObjects[], proofs: readonly SeriesProof[]): SeriesLivePatch {
  const functions: SeriesLivePatch['functions'][number][] = []
  const hazards: SeriesLivePatch['hazards'][number][] = []
  const errors: { file: string; error: string }[] = []
  for (const { file, outcome, accept } of files) {
    if (!outcome.diff) {
      errors.push({ file, error: outcome.error ?? 'no object-level result' })
      continue
    }
    for (const f of outcome.diff.functions) {
      const proof = proofs.find(p => p.new === file && p.function === f.function)
      functions.push({ file, symbol: f.symbol, function: f.function, reason: f.reason, ...(f.via ? { via: f.via } : {}), ...verdictOf(f, proof) })
    }
    for (const h of outcome.diff.hazards) hazards.push({ file, ...h, ...(isAccepted(h, accept) ? { accepted: true } : {}) })
  }
  const durationMs = files.reduce((n, f) => n + f.outcome.durationMs, 0)
  return { functions, hazards, ...(errors.length ? { errors } : {}), durationMs }
}
