/**
 * The loop proof without a bound (issue #12), tried before the bounded proof: a function pair whose
 * shape the product covers (shape.ts), without claims or external calls, is `equivalent` for every
 * iteration count and every buffer length when a coupling invariant is found and CBMC checks it
 * (houdini.ts), with no bounded run. Otherwise the bounded proof runs as always and gives the verdict
 * (and any counterexample); a failed attempt only adds a hint to a verdict it could have improved.
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseC } from '../extract/c-parser.js'
import { TYPE_NAME } from '../extract/signature.js'
import type { FunctionPair } from '../extract/types.js'
import { EXIT_OF } from '../model/outcomes.js'
import type { BoundInfo, ProofReport } from '../report/types.js'
import type { VerifyRequest } from '../pipeline/types.js'
import { houdini, type HoudiniOptions, type LoopProof, type LoopTools } from './houdini.js'
import { candidates, NEW_PREFIX, OLD_PREFIX, productProblem, ratiosFor, type ProductInput, type Ratio } from './product.js'
import { findDefinition, loopShape } from './shape.js'

export const TECHNIQUE = 'coupling-invariant'
export const PARTIAL = 'partial equivalence: for every input on which both versions terminate'

/** Why the request rules the loop proof out (before looking at the code), or undefined. */
export function requestProblem(req: VerifyRequest, pair: FunctionPair): string | undefined {
  if (req.unbounded === 'off') return '--unbounded off'
  if (req.claims.length || req.assumes.length || req.nullable.length || req.held.length || req.extraCbmcArgs.length) return 'claims, assumptions or extra options'
  if (pair.typeChanges.length || pair.constChanges.length || pair.externals.externals.length) return 'type changes or external calls'
  if ((req.cbmcPlatform ?? []).some(f => f !== '--unsigned-char')) return 'a platform option'
  return undefined
}

/** Why a bounded report leaves no room for the loop proof's hint, or undefined. */
export function notEligible(r: ProofReport, req: VerifyRequest, pair: FunctionPair): string | undefined {
  if (r.unwinding.kind === 'unbounded') return 'already unbounded'
  if (!(r.verdict === 'equivalent' || (r.verdict === 'inconclusive' && r.reason === 'unwinding-bound'))) return `the bounded verdict is ${r.verdict}`
  if (r.differences.length || r.preExisting.length || r.errors.length || r.claims.length) return 'the bounded proof found something'
  return requestProblem(req, pair)
}

/** goto-cc and goto-instrument next to cbmc (the CBMC release ships them together). */
export function loopTools(cbmc: string, satSolver?: string): LoopTools | undefined {
  const dir = path.dirname(cbmc)
  const gotoCc = path.join(dir, 'goto-cc')
  const gotoInstrument = path.join(dir, 'goto-instrument')
  if (!existsSync(gotoCc) || !existsSync(gotoInstrument)) return undefined
  return { gotoCc, gotoInstrument, cbmc, ...(satSolver ? { satSolver } : {}) }
}

/** The user-file line of a 0-based row of a preprocessed text (its last line marker before the row). */
export function userLine(text: string, row: number): number {
  const lines = text.split('\n', row + 1)
  for (let i = Math.min(row, lines.length - 1) - 1; i >= 0; i--) {
    const m = /^#\s*(\d+)\s+"/.exec(lines[i]!)
    if (m) return Number(m[1]) + (row - i - 1)
  }
  return row + 1
}

/** The product of the two versions, or why there is none. */
export async function productOf(pair: FunctionPair, req: Pick<VerifyRequest, 'buffers'>, retTypedef: string | undefined): Promise<{ product: ProductInput; line: number } | { unsupported: string }> {
  const [o, n] = await Promise.all([parseC(pair.old.text), parseC(pair.new.text)])
  try {
    const fo = findDefinition(o.rootNode, pair.old.entry)
    const fn = findDefinition(n.rootNode, pair.new.entry)
    if (!fo || !fn) return { unsupported: 'the definitions were not found' }
    const so = loopShape(fo, OLD_PREFIX)
    if ('unsupported' in so) return { unsupported: `the old version ${so.unsupported}` }
    const sn = loopShape(fn, NEW_PREFIX)
    if ('unsupported' in sn) return { unsupported: `the new version ${sn.unsupported}` }
    const product: ProductInput = { old: so.shape, new: sn.shape, buffers: req.buffers, ...(retTypedef ? { retTypedef } : {}) }
    const problem = productProblem(product)
    if (problem) return { unsupported: problem }
    return { product, line: userLine(pair.old.text, so.shape.loopRow - 1) }
  } finally {
    o.delete()
    n.delete()
  }
}

/** The bounded report made unbounded by a loop proof. */
export function unboundedReport(r: ProofReport, req: Pick<VerifyRequest, 'buffers' | 'maxSize'>, line: number, proof: Extract<LoopProof, { proved: true }>, command: string, params: readonly string[] = [], ratio: Ratio = [1, 1]): ProofReport {
  const aligned = ratio[0] === ratio[1] ? '' : `; ${ratio[0]} old iteration${ratio[0] > 1 ? 's' : ''} per ${ratio[1]} new one${ratio[1] > 1 ? 's' : ''}, then what is left of either loop`
  const invariant = (shown(proof.invariant, params).map(plain).join(' && ') || 'true') + aligned
  const what = `loop at line ${line} of ${r.function}()`
  const bounded = new Set(['unwinding bound', 'max buffer size (--max-size)', ...Object.keys(req.buffers).map(b => `buffer ${b}`)])
  const bounds: BoundInfo[] = [
    { what: 'unwinding bound', value: `none: proved for all iteration counts (coupling invariant ${invariant}; ${PARTIAL})`, isDefault: true },
    ...Object.entries(req.buffers).map(([b, len]) => ({ what: `buffer ${b}`, value: `${len} elements, any ${len} >= 0 whose buffer fits in 2^40 bytes (no --max-size bound: the loop proof covers it)`, isDefault: false })),
    ...r.bounds.filter(b => !bounded.has(b.what)),
  ]
  const { sizes: _sizes, reason: _reason, ...rest } = r
  return {
    ...rest,
    verdict: 'equivalent',
    exitCode: EXIT_OF.equivalent,
    summary: `the versions return the same value for every input and every iteration count, and neither has a safety violation (${what}: coupling invariant checked by CBMC)`,
    unwinding: { ...r.unwinding, complete: true, openLoops: [], kind: 'unbounded', techniques: [{ what, technique: TECHNIQUE, assumes: `${PARTIAL}; invariant ${invariant}` }] },
    bounds,
    hints: [],
    runs: [...r.runs, { run: 'loop-proof', unwind: 0, status: 'complete', durationMs: proof.durationMs, command }],
  }
}

/**
 * The invariant as the report shows it: without `a <= b` where `a == b` is there too, and without
 * equalities of the two versions' copies of a parameter (the product starts them equal).
 */
export function shown(invariant: readonly string[], params: readonly string[]): string[] {
  const eq = new Set(invariant.flatMap(c => {
    const m = /^(\w+) == (\w+)$/.exec(c)
    return m ? [`${m[1]} ${m[2]}`, `${m[2]} ${m[1]}`] : []
  }))
  const copies = new Set(params.map(p => `${OLD_PREFIX}${p} == ${NEW_PREFIX}${p}`))
  return invariant.filter(c => {
    const le = /^(\w+) <= (\w+)$/.exec(c)
    return !(le && eq.has(`${le[1]} ${le[2]}`)) && !copies.has(c)
  })
}

/** `klp_po_i == klp_pn_len` → `old.i == new.len`; a loop's flag is `old.looping`. */
export function plain(expr: string): string {
  return expr.replaceAll('klp_go_o', 'old.looping').replaceAll('klp_go_n', 'new.looping').replaceAll(OLD_PREFIX, 'old.').replaceAll(NEW_PREFIX, 'new.')
}

/** `typedef unsigned int klp_ret_t;` from the signature's `unsigned int KLP_TYPE_NAME`; undefined for void. */
export function retTypedefOf(returnTypedef: string): string | undefined {
  return /^\s*void\s+KLP_TYPE_NAME\s*$/.test(returnTypedef) ? undefined : `typedef ${returnTypedef.replace(TYPE_NAME, 'klp_ret_t')};`
}

export interface LoopProofEnv {
  readonly dir: string
  readonly tools?: LoopTools
  readonly budgetMs: number
  readonly signal?: AbortSignal
  readonly run: HoudiniOptions['run']
  readonly debug: (msg: string) => void
}

/** What trying the loop proof gave: nothing to try, a proof, or why it did not hold. */
export type LoopAttempt =
  | { readonly kind: 'skipped' }
  | { readonly kind: 'failed'; readonly why: string; readonly rounds: number }
  | { readonly kind: 'proved'; readonly proof: Extract<LoopProof, { proved: true }>; readonly ratio: Ratio; readonly line: number; readonly candidates: number; readonly params: readonly string[] }

/**
 * Try the loop proof before any bounded run (it is a whole proof for the code it covers: both versions'
 * safety and their return values, for every input). Skipped when the request or the code is outside
 * what the product covers.
 */
export async function attemptLoopProof(req: VerifyRequest, pair: FunctionPair, env: LoopProofEnv): Promise<LoopAttempt> {
  const skip = requestProblem(req, pair)
  if (skip) return { kind: 'skipped' }
  const found = await productOf(pair, req, retTypedefOf(pair.signature.returnTypedef))
  if ('unsupported' in found) {
    env.debug(`${pair.func}(): no loop proof without a bound: ${found.unsupported}`)
    return { kind: 'skipped' }
  }
  if (!env.tools) {
    env.debug(`${pair.func}(): no loop proof without a bound: goto-cc and goto-instrument are not next to cbmc`)
    return { kind: 'skipped' }
  }
  // under -fwrapv cbmc's signed overflow checks are off, and with them the check of INT_MIN / -1
  if (req.fwrapv && [found.product.old, found.product.new].some(l => /[/%]/.test([l.pre, l.cond, l.body, l.update, l.post, l.ret ?? ''].join('\n')))) {
    env.debug(`${pair.func}(): no loop proof without a bound: it divides, and -fwrapv turns off the check of INT_MIN / -1`)
    return { kind: 'skipped' }
  }
  const cands = candidates(found.product.old, found.product.new)
  await mkdir(env.dir, { recursive: true })
  // lockstep first, then (when one loop steps by two) one unrolled by two against the other
  const t0 = performance.now()
  let first: Extract<LoopProof, { proved: false }> | undefined
  let rounds = 0
  for (const ratio of ratiosFor(found.product.old, found.product.new)) {
    const left = env.budgetMs - (performance.now() - t0)
    if (left <= 0) break
    const proof = await houdini(found.product, cands, env.tools, {
      dir: env.dir, prelude: pair.old.text, fwrapv: req.fwrapv, ccFlags: req.cbmcPlatform?.includes('--unsigned-char') ? ['-funsigned-char'] : [],
      budgetMs: left, run: env.run, ratio, ...(env.signal ? { signal: env.signal } : {}),
    })
    env.signal?.throwIfAborted()
    rounds += proof.rounds
    if (proof.proved) return { kind: 'proved', proof: { ...proof, rounds }, ratio, line: found.line, candidates: cands.length, params: found.product.old.params.map(p => p.name) }
    first ??= proof
  }
  return { kind: 'failed', why: first?.why ?? 'out of time', rounds }
}

/**
 * The report after an attempt: unbounded when it proved the pair; the bounded report with a hint when
 * it was tried and did not hold (only where the bounded verdict left room for it).
 */
export function withAttempt(r: ProofReport, attempt: LoopAttempt, req: VerifyRequest, pair: FunctionPair): ProofReport {
  if (attempt.kind === 'proved') {
    const { proof } = attempt
    return unboundedReport(r, req, attempt.line, proof, `goto-instrument --apply-loop-contracts (${proof.rounds} rounds, ${attempt.candidates} candidates)`, attempt.params, attempt.ratio)
  }
  if (attempt.kind === 'failed' && !notEligible(r, req, pair)) {
    return { ...r, hints: [...r.hints, `a loop proof without a bound was tried (${attempt.rounds} rounds) and did not hold: ${attempt.why}; the verdict stays bounded`] }
  }
  return r
}
