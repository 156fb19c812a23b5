import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import t from 'tap'
import { runCbmc } from '../../src/cbmc/run.js'
import type { FunctionPair } from '../../src/extract/types.js'
import type { VerifyRequest } from '../../src/pipeline/types.js'
import type { ProofReport } from '../../src/report/types.js'
import { attemptLoopProof, loopTools, notEligible, plain, requestProblem, retTypedefOf, productOf, shown, unboundedReport, userLine, withAttempt, type LoopProofEnv } from '../../src/unbounded/loop-proof.js'
import { HARNESSES, requireCbmc } from '../fixtures/integration.js'
import { equivalent, inconclusiveUnwinding } from '../fixtures/reports.js'

const OLD = 'unsigned int sum_below(unsigned int n)\n{\n  unsigned int s = 0, i;\n  for (i = 0; i < n; i++)\n    s += i;\n  return s;\n}\n'
const NEW = 'unsigned int sum_below(unsigned int n)\n{\n  unsigned int s = 0, i = 0;\n  while (1) { if (i >= n) break; s += i; i++; }\n  return s;\n}\n'
const LATE = NEW.replace('s += i;', 's += (i == 1000) ? 1 : i;')
const rename = (text: string, v: 'old' | 'new') => `# 1 "${v}.c"\n${text.replace('sum_below', `klp_${v}_sum_below`)}`
const pairOf = (o = OLD, n = NEW, over: Partial<FunctionPair> = {}): FunctionPair => ({
  func: 'sum_below',
  old: { version: 'old', path: 'old.c', text: rename(o, 'old'), entry: 'klp_old_sum_below', prefix: 'klp_old_', globals: [], functions: new Map(), enumerators: new Set() },
  new: { version: 'new', path: 'new.c', text: rename(n, 'new'), entry: 'klp_new_sum_below', prefix: 'klp_new_', globals: [], functions: new Map(), enumerators: new Set() },
  typeChanges: [], constChanges: [], externals: { externals: [] }, signature: { returnTypedef: 'unsigned int KLP_TYPE_NAME' },
  ...over,
} as unknown as FunctionPair)
const REQ = { claims: [], assumes: [], nullable: [], held: [], buffers: {}, extraCbmcArgs: [], fwrapv: false, maxSize: 16 } as unknown as VerifyRequest
const bounded: ProofReport = { ...inconclusiveUnwinding, function: 'sum_below', claims: [] }

t.test('notEligible: only a bounded verdict with nothing found, no claims, no externals', async t => {
  const pair = pairOf()
  t.equal(notEligible(bounded, REQ, pair), undefined)
  t.equal(notEligible({ ...equivalent, preExisting: [] }, REQ, pair), undefined)
  t.equal(notEligible(bounded, { ...REQ, unbounded: 'off' }, pair), '--unbounded off')
  t.equal(requestProblem(REQ, pair), undefined)
  t.equal(notEligible({ ...bounded, unwinding: { ...bounded.unwinding, kind: 'unbounded' } }, REQ, pair), 'already unbounded')
  t.match(notEligible({ ...bounded, reason: 'timeout' }, REQ, pair), /inconclusive/)
  t.match(notEligible(equivalent, REQ, pair), /found something/)
  t.match(notEligible(bounded, { ...REQ, assumes: ['n < 9'] } as VerifyRequest, pair), /claims, assumptions/)
  t.match(notEligible(bounded, REQ, pairOf(OLD, NEW, { constChanges: ['k'] })), /type changes or external calls/)
  t.match(notEligible(bounded, { ...REQ, cbmcPlatform: ['--32'] }, pair), /platform/)
  t.equal(notEligible(bounded, { ...REQ, cbmcPlatform: ['--unsigned-char'] }, pair), undefined)
})

t.test('userLine, shown, plain and retTypedefOf', async t => {
  t.equal(retTypedefOf('unsigned int KLP_TYPE_NAME'), 'typedef unsigned int klp_ret_t;')
  t.equal(retTypedefOf('void KLP_TYPE_NAME'), undefined)
  t.equal(userLine('# 1 "a.c"\nx\n# 40 "a.c"\ny\nz\n', 4), 41)
  t.equal(userLine('x\ny\n', 1), 2, 'no marker: the row itself')
  t.same(shown(['klp_po_a == klp_pn_a', 'klp_po_n == klp_pn_n', 'klp_po_a <= klp_pn_a', 'klp_pn_a <= klp_po_a', 'klp_po_a <= klp_po_n'], ['n']), ['klp_po_a == klp_pn_a', 'klp_po_a <= klp_po_n'])
  t.equal(plain('klp_pn_p == klp_po_b + klp_po_i'), 'new.p == old.b + old.i')
  t.equal(plain('klp_go_o == klp_go_n'), 'old.looping == new.looping')
})

t.test('productOf: the shapes of both definitions, or why not', async t => {
  const found = await productOf(pairOf(), REQ, 'typedef unsigned int klp_ret_t;')
  t.ok('product' in found && found.line === 4, JSON.stringify('line' in found ? found.line : found))
  t.match(await productOf(pairOf(OLD.replace('s += i', 's += g')), REQ, 'x'), { unsupported: /the old version reads 'g'/ })
  t.match(await productOf(pairOf(OLD, NEW.replace('s += i', 's += g')), REQ, 'x'), { unsupported: /the new version reads 'g'/ })
  t.match(await productOf(pairOf(OLD, NEW), REQ, undefined), { unsupported: /return differently/ })
  t.match(await productOf({ ...pairOf(), old: { ...pairOf().old, entry: 'nothere' } }, REQ, 'x'), { unsupported: /not found/ })
})

t.test('unboundedReport: equivalent without a bound, the technique and the invariant in the bounds', async t => {
  const r = unboundedReport({ ...bounded, sizes: { steps: [], reduced: false } } as unknown as ProofReport, { buffers: { buf: 'len' }, maxSize: 16 }, 7, { proved: true, invariant: ['klp_po_s == klp_pn_s'], rounds: 3, durationMs: 420 }, 'goto-instrument …')
  t.equal(r.verdict, 'equivalent')
  t.equal(r.exitCode, 0)
  t.equal(r.reason, undefined)
  t.equal(r.sizes, undefined)
  t.same(r.unwinding.techniques, [{ what: 'loop at line 7 of sum_below()', technique: 'coupling-invariant', assumes: 'partial equivalence: for every input on which both versions terminate; invariant old.s == new.s' }])
  t.same([r.unwinding.kind, r.unwinding.complete, r.unwinding.openLoops], ['unbounded', true, []])
  t.match(r.bounds[0], { what: 'unwinding bound', value: /^none: proved for all iteration counts \(coupling invariant old.s == new.s;/ })
  t.match(r.bounds[1], { what: 'buffer buf', value: /any len >= 0/ })
  t.equal(r.bounds.filter(b => b.what === 'max buffer size (--max-size)').length, 0)
  t.same(r.hints, [])
  t.match(r.runs.at(-1), { run: 'loop-proof', status: 'complete', durationMs: 420 })
  const empty = unboundedReport(bounded, { buffers: {}, maxSize: 16 }, 7, { proved: true, invariant: [], rounds: 1, durationMs: 1 }, 'x')
  t.match(empty.bounds[0]?.value, /coupling invariant true;/)
})

t.test('attemptLoopProof and withAttempt with the real tools', async t => {
  const cbmc = await requireCbmc()
  const dir = await mkdtemp(path.join(tmpdir(), 'klp-loop-proof-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const debug: string[] = []
  const env = (over: Partial<LoopProofEnv> = {}): LoopProofEnv => ({
    dir: path.join(dir, 'p'), tools: loopTools(cbmc)!, budgetMs: 120_000, run: inv => runCbmc(inv), debug: m => debug.push(m), ...over,
  })
  t.equal(loopTools(path.join(dir, 'cbmc')), undefined, 'no goto-cc next to this cbmc')
  t.ok(loopTools(cbmc, '/bin/cadical')?.satSolver)

  const proved = await attemptLoopProof(REQ, pairOf(), env())
  t.equal(proved.kind, 'proved')
  const up = withAttempt(bounded, proved, REQ, pairOf())
  t.equal(up.verdict, 'equivalent')
  t.equal(up.unwinding.kind, 'unbounded')
  t.match(up.unwinding.techniques?.[0]?.what, 'loop at line 4 of sum_below()')
  t.match(up.runs.at(-1)?.command, /goto-instrument --apply-loop-contracts \(\d+ rounds, \d+ candidates\)/)

  const late = await attemptLoopProof(REQ, pairOf(OLD, LATE), env())
  t.match(late, { kind: 'failed', why: /return values agree/ })
  const hinted = withAttempt(bounded, late, REQ, pairOf(OLD, LATE))
  t.equal(hinted.verdict, 'inconclusive')
  t.match(hinted.hints.at(-1), /a loop proof without a bound was tried \(\d+ rounds\) and did not hold: .*return values agree; the verdict stays bounded/)
  const found = { ...bounded, verdict: 'unintended' as const }
  t.equal(withAttempt(found, late, REQ, pairOf()), found, 'a verdict it could not improve: no hint')
  t.equal(withAttempt(bounded, { kind: 'skipped' }, REQ, pairOf()), bounded, 'skipped: the same report')

  t.same(await attemptLoopProof({ ...REQ, unbounded: 'off' }, pairOf(), env()), { kind: 'skipped' }, '--unbounded off')
  t.same(await attemptLoopProof(REQ, pairOf(OLD.replace('s += i', 's += g')), env()), { kind: 'skipped' }, 'unsupported code')
  t.match(debug.join('\n'), /sum_below\(\): no loop proof without a bound: the old version reads 'g'/)
  const { tools: _t, ...noTools } = env()
  t.same(await attemptLoopProof(REQ, pairOf(), noTools), { kind: 'skipped' }, 'no tools')
  t.match(debug.join('\n'), /goto-cc and goto-instrument are not next to cbmc/)
  const DIV = OLD.replace('s += i;', 's += i / 3;')
  t.same(await attemptLoopProof({ ...REQ, fwrapv: true }, pairOf(DIV), env()), { kind: 'skipped' }, '-fwrapv and a division: not tried')
  t.match(debug.join('\n'), /it divides, and -fwrapv turns off the check of INT_MIN \/ -1/)
  t.same(await attemptLoopProof(REQ, pairOf(), env({ budgetMs: 0 })), { kind: 'failed', why: 'out of time', rounds: 0 }, 'no time left: nothing tried')
  // a loop unrolled by two (harnesses/loop-unrolled-by-two): lockstep fails, two old iterations per new one hold
  const harness = (f: string) => readFileSync(path.join(HARNESSES, 'loop-unrolled-by-two', f), 'utf8').replaceAll('sum_bytes', 'sum_below')
  const two = await attemptLoopProof({ ...REQ, buffers: { buf: 'len' } }, pairOf(harness('old.c'), harness('new.c')), env())
  t.match(two, { kind: 'proved', ratio: [2, 1] })
  const upTwo = withAttempt(bounded, two, REQ, pairOf())
  t.match(upTwo.unwinding.techniques?.[0]?.assumes, /; 2 old iterations per 1 new one, then what is left of either loop$/)
  const ac = new AbortController()
  ac.abort()
  await t.rejects(attemptLoopProof(REQ, pairOf(), env({ signal: ac.signal })), 'an abort is not a failed attempt')
})
