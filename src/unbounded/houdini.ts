/**
 * Find the largest inductive subset of the candidate coupling invariants and prove the product with
 * it (issue #12): each round builds the product (goto-cc), applies its loop contract
 * (goto-instrument --apply-loop-contracts, which checks the invariant holds before the loop and is
 * preserved by an iteration) and runs cbmc; candidates cbmc refutes are dropped and the round
 * repeats. The proof holds when a round refutes nothing and every other property (the return values
 * agree, memory safety of both versions, the contract's own checks) holds.
 *
 * Never trusted blindly: a round counts only when cbmc reports every property the product planted.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseCbmcJson } from '../cbmc/parse.js'
import type { CbmcInvocation, CbmcRun } from '../cbmc/types.js'
import { renderProduct, type ProductInput, type Ratio } from './product.js'

export interface LoopTools {
  readonly gotoCc: string
  readonly gotoInstrument: string
  readonly cbmc: string
  /** `--external-sat-solver` command, when there is one. */
  readonly satSolver?: string
}

export interface HoudiniOptions {
  readonly dir: string
  /** The old version's text: the product is compiled after it, in its type context. */
  readonly prelude: string
  readonly fwrapv: boolean
  /** goto-cc flags of the build (e.g. `-funsigned-char`). */
  readonly ccFlags: readonly string[]
  /** Wall-clock budget for all rounds, ms. */
  readonly budgetMs: number
  readonly signal?: AbortSignal
  /** Iterations of each version per product iteration (product.ts). */
  readonly ratio?: Ratio
  /** Runs one process (runCbmc); injected for tests of the rounds. */
  readonly run: (inv: CbmcInvocation) => Promise<CbmcRun>
}

export type LoopProof =
  | { readonly proved: true; readonly invariant: readonly string[]; readonly rounds: number; readonly durationMs: number }
  | { readonly proved: false; readonly why: string; readonly rounds: number; readonly durationMs: number }

const CAND = /^KLP_CAND (\d+)$/
/** Iterations a loop may have left once the other has stopped (an unrolled loop's remainder step). */
export const REMAINDER = 2

/** The failing candidates of one round, or why the round says nothing. */
export function readRound(stdout: string, keep: readonly number[], withReturn: boolean): { refuted: number[]; others: string[] } | { broken: string } {
  const parsed = parseCbmcJson(stdout)
  if (!parsed.ok || !parsed.properties) return { broken: 'cbmc gave no results' }
  const seen = new Set<number>()
  const refuted = new Set<number>()
  const others: string[] = []
  let entry = false
  let preserved = false
  let ret = false
  for (const p of parsed.properties) {
    const m = CAND.exec(p.description)
    if (m) {
      const i = Number(m[1])
      seen.add(i)
      if (p.status !== 'SUCCESS') refuted.add(i)
      continue
    }
    if (/loop invariant before entry/.test(p.description)) entry = true
    if (/loop invariant is preserved/.test(p.description)) preserved = true
    if (p.description === 'KLP_EQ return') ret = true
    if (p.status !== 'SUCCESS') others.push(p.description)
  }
  // every planted property must be there: a run that lost some proves nothing
  if (keep.some(i => !seen.has(i)) || [...seen].some(i => !keep.includes(i))) return { broken: 'cbmc did not report every candidate' }
  if (!entry || !preserved) return { broken: 'cbmc did not check the loop contract' }
  if (withReturn && !ret) return { broken: 'cbmc did not check the return values' }
  if (refuted.size === 0 && others.length === 0 && parsed.status !== 'success') return { broken: 'cbmc did not report success' }
  return { refuted: [...refuted].sort((a, b) => a - b), others }
}

export async function houdini(p: ProductInput, cands: readonly string[], tools: LoopTools, o: HoudiniOptions): Promise<LoopProof> {
  const t0 = performance.now()
  let keep = cands.map((_, i) => i)
  const src = path.join(o.dir, 'product.c')
  const gb = path.join(o.dir, 'product.gb')
  const gbi = path.join(o.dir, 'product-contracts.gb')
  const left = () => o.budgetMs - (performance.now() - t0)
  const done = (why: string | undefined, rounds: number): LoopProof => {
    const durationMs = Math.round(performance.now() - t0)
    return why === undefined
      ? { proved: true, invariant: keep.map(i => cands[i]!), rounds, durationMs }
      : { proved: false, why, rounds, durationMs }
  }
  for (let round = 1; round <= cands.length + 1; round++) {
    await writeFile(src, `${o.prelude}\n${renderProduct(p, cands, keep, 'klp_product', o.ratio)}`)
    const step = async (file: string, argv: string[]): Promise<CbmcRun | string> => {
      const ms = left()
      if (ms <= 0) return 'out of time'
      const r = await o.run({ cbmc: file, argv, cwd: o.dir, timeoutMs: Math.ceil(ms), ...(o.signal ? { signal: o.signal } : {}), tmpDir: o.dir })
      if (r.termination === 'timeout') return 'out of time'
      if (r.termination !== 'exited') return `${path.basename(file)} did not finish (${r.termination})`
      return r
    }
    const cc = await step(tools.gotoCc, [...o.ccFlags, '--function', 'klp_product', src, '-o', gb])
    if (typeof cc === 'string') return done(cc, round)
    if (cc.exitCode !== 0) return done(`the product does not build: ${firstLine(cc.stderr || cc.stdout)}`, round)
    const gi = await step(tools.gotoInstrument, ['--apply-loop-contracts', gb, gbi])
    if (typeof gi === 'string') return done(gi, round)
    if (gi.exitCode !== 0) return done(`goto-instrument refused the loop contract: ${firstLine(gi.stderr || gi.stdout)}`, round)
    const argv = [
      // the product loop is its contract; the remainders after it run at most REMAINDER iterations
      '--no-malloc-may-fail', '--unwind', String(REMAINDER + 1), '--unwinding-assertions',
      ...(o.fwrapv ? ['--no-signed-overflow-check'] : []),
      ...(tools.satSolver ? ['--external-sat-solver', tools.satSolver] : []),
      '--json-ui', gbi,
    ]
    const cb = await step(tools.cbmc, argv)
    if (typeof cb === 'string') return done(cb, round)
    const read = readRound(cb.stdout, keep, p.retTypedef !== undefined)
    if ('broken' in read) return done(read.broken, round)
    if (read.refuted.length === 0) {
      return read.others.length === 0 ? done(undefined, round) : done(`with the invariant that survived, cbmc cannot show ${read.others[0] === 'KLP_EQ return' ? 'that the return values agree' : read.others[0]}`, round)
    }
    keep = keep.filter(i => !read.refuted.includes(i))
  }
  /* c8 ignore next -- every round drops a candidate, so the loop ends by returning */
  return done('no inductive invariant', cands.length + 1)
}

/** The tool's error line, else its first line that is not about termination. */
function firstLine(s: string): string {
  const lines = s.split('\n').filter(l => l.trim() && !/decreases clause|Termination of this loop/.test(l))
  return (lines.find(l => /error/i.test(l)) ?? lines[0])?.trim().slice(0, 200) ?? 'no message'
}
