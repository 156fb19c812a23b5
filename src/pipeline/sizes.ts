/**
 * Stepping the buffer bound within a proof's budget (issue #10 "defaults that give answers"). A proof
 * whose model has buffers runs at small `--max-size` bounds first, doubling up to the requested
 * one (the same doubling schedule `--unwind auto` uses, runs.ts), so that when the requested bound
 * times out or the budget runs out, the proof still answers at the largest bound that finished —
 * and says so (classify/sizes.ts decides; the report states the bound).
 *
 * Why doubling from 4: a proof's cost grows much faster than its buffer bound (measured on this
 * machine, whole proofs: ucs2_strnlen 2.7 s at 8, 8.9 s at 12, 31.6 s at 16; one equivalence run
 * ~50 s at 32; harnesses/bounds-check 5.2 / 10.9 / 27.7 / 51.5 s at 4 / 8 / 12 / 16), so the
 * bounds below the last cost a fraction of it; and each mode starts its unwinding at the bound where
 * the smaller buffer stopped (runs.ts `ModeStep.from`: every bound below it was already too small),
 * which saves the expensive low-unwind runs at the large bound that auto mode paid for. Measured
 * against the same commit without steps (CPU of the whole process tree, --no-replay, loaded 2-core
 * machine): bounds-check at --max-size 32 34.2 s vs 81.8 s; ucs2_strnlen at 16 21.0/20.6 s vs
 * 37.2/40.2 s; bounds-check at its spec's 12 11.6/14.2 s vs 11.6/11.8 s. ucs2_strnlen at the default
 * 32 with --proof-timeout 120: before, inconclusive (timeout); now equivalent for buffers of up to 16.
 */
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { JobResult } from '../classify/types.js'
import { chosenStep, decideSizes, stepMove, type StepFacts } from '../classify/sizes.js'
import { sizesStopText } from '../report/format.js'
import { decideVerdict, type VerdictContext, type VerdictParts } from '../classify/verdict.js'
import type { FunctionPair } from '../extract/types.js'
import { modeName, renderHarness } from '../harness/render.js'
import type { Harness } from '../harness/types.js'
import type { HarnessMode, PlannedProof } from '../model/types.js'
import { planProof } from '../model/plan.js'
import type { BoundInfo, ProofReport, RunInfo, SizeSteps } from '../report/types.js'
import { runPool } from './pool.js'
import { writeHarness } from './program.js'
import { doublingSchedule, runMode, wholeTraces, type Session } from './runs.js'
import type { VerifyRequest } from './types.js'

/** The smallest buffer bound a proof steps from (below it, or without buffers, it runs the requested bound only). */
export const FIRST_SIZE = 4

/** The buffer bounds a proof runs at: 4, 8, 16, … up to the requested one; just that one without buffers. */
export function sizeSchedule(requested: number, hasBuffers: boolean): number[] {
  return hasBuffers && requested > FIRST_SIZE ? doublingSchedule(FIRST_SIZE, requested) : [requested]
}

export interface ModeHarness {
  readonly mode: HarnessMode
  readonly h: Harness
  readonly dir: string
}

export interface SizedProof {
  readonly pair: FunctionPair
  /** The proof planned at the requested bound. */
  readonly planned: PlannedProof
  /** Its harnesses, written to their folders. */
  readonly harnesses: readonly ModeHarness[]
  /** The proof's temporary folder. */
  readonly dir: string
  readonly verdict: VerdictContext
  /** Mark the findings of results by running them natively (verify.ts confirmNatively), when replay is on. */
  readonly confirm?: (planned: PlannedProof, results: readonly JobResult[]) => Promise<JobResult[]>
}

interface Step extends StepFacts {
  readonly results: readonly JobResult[]
  readonly runs: readonly RunInfo[]
  readonly planned: PlannedProof
}

/** The proof planned and rendered at a smaller buffer bound, in `dir/size-N/<mode>` (and `--keep-harness DIR/size-N/<mode>`). */
async function harnessesAt(p: SizedProof, maxSize: number, keepHarness: string | undefined): Promise<{ planned: PlannedProof; harnesses: ModeHarness[] }> {
  const planned = planProof(p.pair, { ...p.planned, inputs: { ...p.planned.inputs, maxSize } })
  const harnesses = planned.modes.map(m => ({ mode: m, h: renderHarness(p.pair, planned, m), dir: path.join(p.dir, `size-${maxSize}`, modeName(m)) }))
  await Promise.all(harnesses.map(x => writeHarness(x.dir, x.h)))
  // kept beside the requested bound's (--keep-harness): each run's command names its folder
  if (keepHarness) await Promise.all(harnesses.map(x => writeHarness(path.join(path.resolve(keepHarness), `size-${maxSize}`, modeName(x.mode)), x.h)))
  return { planned, harnesses }
}

/** How long the last run of each mode took (not its traces re-run). */
function lastRunMs(runs: readonly RunInfo[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const r of runs) if (!r.run.endsWith(' (traces)')) out.set(r.run, r.durationMs)
  return out
}

/** The last unwinding bound each mode tried (what the next buffer bound starts from). */
function lastUnwinds(runs: readonly RunInfo[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const r of runs) if (!r.run.endsWith(' (traces)')) out.set(r.run, Math.max(out.get(r.run) ?? 0, r.unwind))
  return out
}

/**
 * Run the proof at each buffer bound of its schedule, climbing while the verdict holds only within
 * the bound and time is left; the verdict, the runs of every bound, and the steps (absent when it
 * ran the requested bound only, as a proof without buffers does).
 */
export async function proveAtSizes(s: Session, req: VerifyRequest, p: SizedProof): Promise<{ parts: VerdictParts; runs: RunInfo[]; sizes?: SizeSteps }> {
  const schedule = sizeSchedule(req.maxSize, p.planned.inputs.buffers.length > 0)
  const steps: Step[] = []
  // smaller bounds no input fits (e.g. --assume len > 4 at max-size 4): nothing to prove there, climb on
  const noInput: number[] = []
  const allRuns: RunInfo[] = []
  const from = new Map<string, number>()
  let notStarted: { maxSize: number; leftMs?: number; needMs?: number } | undefined
  for (const maxSize of schedule) {
    const prev = steps.at(-1)
    if (prev && s.deadline !== undefined) {
      // a run at a larger bound takes at least as long as the same run at the smaller one, and each
      // mode starts at the unwinding bound its last run had: less time than that run took cannot do
      const leftMs = Math.round(s.deadline - performance.now())
      const needMs = Math.max(0, ...lastRunMs(prev.runs).values())
      if (leftMs <= 0 || leftMs < needMs) {
        notStarted = leftMs <= 0 ? { maxSize } : { maxSize, leftMs, needMs }
        break
      }
    }
    const at = maxSize === req.maxSize ? { planned: p.planned, harnesses: p.harnesses } : await harnessesAt(p, maxSize, req.keepHarness)
    const sized = { ...req, maxSize }
    const stepped = schedule.length > 1
    const t0 = performance.now()
    const done = await runPool(at.harnesses, req.jobs, x => {
      const name = modeName(x.mode)
      const where = maxSize === req.maxSize ? name : `size-${maxSize}/${name}`
      return runMode(s, sized, x.h, x.dir, stepped ? { from: from.get(name) ?? 1, maxSize, where } : undefined)
    })
    // runs cut short by a signal are no result
    s.signal?.throwIfAborted()
    // whole traces only for the findings that need one (runs.ts), once every mode has run
    await wholeTraces(s, sized, done)
    const runs = done.flatMap(d => d.runs)
    allRuns.push(...runs)
    for (const [run, unwind] of lastUnwinds(runs)) from.set(run, unwind)
    const results = done.map(d => d.result)
    if (maxSize < req.maxSize && results.some(r => r.vacuous)) {
      noInput.push(maxSize)
      s.log.info(`max-size ${maxSize}: no input fits the entry assumptions; trying larger buffers`)
      continue
    }
    const parts = decideVerdict(results, p.verdict)
    steps.push({ maxSize, parts, durationMs: performance.now() - t0, results, runs, planned: at.planned })
    if (stepped) s.log.info(`max-size ${maxSize}: ${parts.verdict}${parts.reason ? ` (${parts.reason})` : ''} in ${Math.round(performance.now() - t0)} ms`)
    if (stepMove(parts) !== 'climb') break
  }
  // the chosen bound's findings are run natively; the replay marks findings, it never changes a verdict
  const i = chosenStep(steps)
  const pick = steps[i]!
  const confirmed = p.confirm ? await p.confirm(pick.planned, pick.results) : pick.results
  const facts = steps.map((st, k) => (k === i ? { ...st, parts: decideVerdict(confirmed, p.verdict) } : st))
  const runs = allRuns
  if (schedule.length === 1) return { parts: facts[0]!.parts, runs }
  const { parts, sizes } = decideSizes(facts, {
    requested: req.maxSize, noInput,
    ...(req.minSize !== undefined ? { minimum: req.minSize } : {}), ...(notStarted !== undefined ? { notStarted } : {}),
  })
  return { parts, runs, sizes }
}

/**
 * The report of a proof that stepped: its steps, and the bounds section at the bound its verdict
 * holds for (a difference found at a smaller bound says so too).
 */
export function withSizes(r: ProofReport, sizes: SizeSteps | undefined): ProofReport {
  if (!sizes) return r
  const last = sizes.steps[sizes.steps.length - 1]!
  const at = sizes.reduced ? sizes.reached! : last.maxSize
  const note = sizes.reduced
    ? `asked ${sizes.requested}; ${sizesStopText(sizes)}${sizes.minimum !== undefined ? `; --min-size ${sizes.minimum}` : ''}`
    : at < sizes.requested ? `asked ${sizes.requested}; stopped at ${at}: ${last.verdict}${last.reason ? ` (${last.reason})` : ''}` : `stepped up ${sizes.steps.map(x => x.maxSize).join(', ')}`
  const empty = sizes.noInput?.length ? `; no input fits ${sizes.noInput.join(', ')}` : ''
  const bounds: BoundInfo[] = r.bounds.map(b => {
    if (b.what === 'max buffer size (--max-size)') return { ...b, value: `${at} elements (${note}${empty})` }
    if (b.what.startsWith('buffer ')) return { ...b, value: b.value.replace(/<= \d+$/, `<= ${at}`) }
    return b
  })
  return { ...r, sizes, bounds }
}
