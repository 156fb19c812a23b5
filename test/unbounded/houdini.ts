import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import t from 'tap'
import { runCbmc } from '../../src/cbmc/run.js'
import type { CbmcInvocation, CbmcRun } from '../../src/cbmc/types.js'
import { houdini, readRound, type HoudiniOptions } from '../../src/unbounded/houdini.js'
import { loopTools } from '../../src/unbounded/loop-proof.js'
import { candidates, NEW_PREFIX, OLD_PREFIX, type ProductInput } from '../../src/unbounded/product.js'
import { shapeOf } from '../fixtures/loop-shape.js'
import { requireCbmc } from '../fixtures/integration.js'

const shape = shapeOf
const RET = 'typedef unsigned klp_ret_t;'
const OLD = 'unsigned f(unsigned n) { unsigned s = 0, i; for (i = 0; i < n; i++) s += i; return s; }'
const product = async (newSrc: string, oldSrc = OLD): Promise<ProductInput> => ({ old: await shape(oldSrc, OLD_PREFIX), new: await shape(newSrc, NEW_PREFIX), buffers: {}, retTypedef: RET })

let dir = ''
let tools: NonNullable<ReturnType<typeof loopTools>>
t.before(async () => {
  const cbmc = await requireCbmc()
  const found = loopTools(cbmc)
  if (!found) throw new Error(`goto-cc and goto-instrument must be next to ${cbmc} (npm install provisions them)`)
  tools = found
  dir = await mkdtemp(path.join(tmpdir(), 'klp-houdini-'))
})
t.teardown(() => rm(dir, { recursive: true, force: true }))

const opts = (over: Partial<HoudiniOptions> = {}): HoudiniOptions => ({ dir, prelude: OLD, fwrapv: false, ccFlags: [], budgetMs: 120_000, run: inv => runCbmc(inv), ...over })

t.test('an equivalent rewrite: the refuted candidates go, the rest is inductive and proves the return values equal', async t => {
  const p = await product('unsigned f(unsigned n) { unsigned s = 0, i = 0; while (1) { if (i >= n) break; s += i; i++; } return s; }')
  const c = candidates(p.old, p.new)
  const r = await houdini(p, c, tools, opts())
  t.ok(r.proved, JSON.stringify(r))
  if (!r.proved) return
  t.ok(r.rounds >= 2, `more than one round (${r.rounds})`)
  t.ok(r.invariant.includes('klp_po_s == klp_pn_s') && r.invariant.includes('klp_po_i == klp_pn_i'), r.invariant.join(' && '))
  t.notOk(r.invariant.includes('klp_po_s == klp_pn_n'), 'a false candidate was dropped')
})

t.test('a difference at iteration 1000 and a relation no candidate states: never proved', async t => {
  const late = await product('unsigned f(unsigned n) { unsigned s = 0, i; for (i = 0; i < n; i++) s += (i == 1000) ? 1 : i; return s; }')
  const r = await houdini(late, candidates(late.old, late.new), tools, opts())
  t.notOk(r.proved)
  t.match(!r.proved && r.why, /cannot show that the return values agree/)
  const neg = await product('unsigned f(unsigned n) { unsigned t = 0, i; for (i = 0; i < n; i++) t -= i; return -t; }')
  const q = await houdini(neg, candidates(neg.old, neg.new), tools, opts())
  t.notOk(q.proved)
})

t.test('buffer contents are any bytes: a difference only for one byte value is never proved', async t => {
  const o = 'unsigned f(const unsigned char *b, unsigned n) { unsigned s = 0, i; for (i = 0; i < n; i++) s += b[i]; return s; }'
  const p = { ...(await product(o.replace('s += b[i]', 's += b[i] == 7 ? 8 : b[i]'), o)), buffers: { b: 'n' } }
  const r = await houdini(p, candidates(p.old, p.new), tools, opts({ prelude: '' }))
  t.notOk(r.proved, JSON.stringify(r))
  const same = { ...(await product(o.replace('s += b[i]', 's = s + b[i]'), o)), buffers: { b: 'n' } }
  t.ok((await houdini(same, candidates(same.old, same.new), tools, opts({ prelude: '' }))).proved, 'the same sum written differently is proved')
})

t.test('a name the loop body declares never captures the condition or the update (review findings a3, a5, c2)', async t => {
  const shadowCond = await product(
    'unsigned f(unsigned n) { unsigned i = 0, s = 0, m = n; while (i < m) { m = 3; s += i * m; i++; } return s; }',
    'unsigned f(unsigned n) { unsigned i = 0, s = 0; while (i < n) { unsigned n = 3; s += i * n; i++; } return s; }',
  )
  t.notOk((await houdini(shadowCond, candidates(shadowCond.old, shadowCond.new), tools, opts({ prelude: '' }))).proved, 'a3: f(5) is 30 against 9')
  const shadowUpdate = await product(
    'unsigned f(unsigned n) { unsigned s = 0, i = 0; while (i < n) { s += 2; i = 3; } return s; }',
    'unsigned f(unsigned n) { unsigned s = 0, i; for (i = 0; i < n; i++) { unsigned i = 2; s += i; } return s; }',
  )
  t.notOk((await houdini(shadowUpdate, candidates(shadowUpdate.old, shadowUpdate.new), tools, opts({ prelude: '' }))).proved, 'a5: f(2) is 4 against 2')
  const shadowBreak = await product(
    'unsigned f(unsigned n) { unsigned i = 0, s = 0, m = n; while (i < m) { m = 3; s += i * m; i++; } return s; }',
    'unsigned f(unsigned n) { unsigned i = 0, s = 0; while (1) { if (i >= n) break; unsigned n = 3; s += i * n; i++; } return s; }',
  )
  t.notOk((await houdini(shadowBreak, candidates(shadowBreak.old, shadowBreak.new), tools, opts({ prelude: '' }))).proved, 'c2')
  // the same shadowing, equal: still proved
  const same = await product(
    'unsigned f(unsigned n) { unsigned s = 0, i; for (i = 0; i < n; i++) { unsigned k = 2; s += k; } return s; }',
    'unsigned f(unsigned n) { unsigned s = 0, i; for (i = 0; i < n; i++) { unsigned i = 2; s += i; } return s; }',
  )
  t.ok((await houdini(same, candidates(same.old, same.new), tools, opts({ prelude: '' }))).proved, 'a shadowing body that agrees')
})

t.test('a condition with a side effect: a finished loop does not evaluate it again', async t => {
  // old stops at the first zero byte or n; new reads the same way with the count in the condition
  const o = 'unsigned f(const unsigned char *b, unsigned n) { unsigned k = 0; while (k < n && b[k] != 0) k++; return k; }'
  const side = await product('unsigned f(const unsigned char *b, unsigned n) { unsigned k = 0; while (k < n && b[k++] != 0) ; return k; }', o)
  const r = await houdini({ ...side, buffers: { b: 'n' } }, candidates(side.old, side.new), tools, opts({ prelude: '' }))
  t.notOk(r.proved, 'new counts the zero byte: they differ, and the side effect is not evaluated in a candidate')
})

t.test('a safety violation in the product is not a proof; -fwrapv turns signed overflow checks off', async t => {
  const o = 'int f(int n) { int s = 0, i; for (i = 0; i < n; i++) s += i; return s; }'
  const p = { ...(await product(o.replace('s += i', 's = s + i'), o)), retTypedef: 'typedef int klp_ret_t;' }
  const c = candidates(p.old, p.new)
  const strict = await houdini(p, c, tools, opts({ prelude: '' }))
  t.notOk(strict.proved)
  t.match(!strict.proved && strict.why, /overflow/)
  const wrap = await houdini(p, c, tools, opts({ prelude: '', fwrapv: true, ccFlags: ['-funsigned-char'] }))
  t.ok(wrap.proved, JSON.stringify(wrap))
})

t.test('tools that fail, time out or lose properties end the attempt with the reason', async t => {
  const p = await product('unsigned f(unsigned n) { unsigned s = 0, i; for (i = 0; i < n; i++) s = s + i; return s; }')
  const c = candidates(p.old, p.new)
  t.match(await houdini(p, c, tools, opts({ prelude: 'this is not C;' })), { proved: false, why: /the product does not build: / })
  t.match(await houdini(p, c, tools, opts({ budgetMs: 0 })), { proved: false, why: 'out of time', rounds: 1 })
  const fake = (by: (inv: CbmcInvocation) => Partial<CbmcRun>) => (inv: CbmcInvocation) => runCbmc(inv).then(r => ({ ...r, ...by(inv) }))
  const at = (tool: string, over: Partial<CbmcRun>) => fake(inv => (path.basename(inv.cbmc) === tool ? over : {}))
  t.match(await houdini(p, c, tools, opts({ run: at('goto-instrument', { exitCode: 6, stderr: 'no contracts\n' }) })), { why: /goto-instrument refused the loop contract: no contracts/ })
  t.match(await houdini(p, c, tools, opts({ run: at('goto-instrument', { termination: 'timeout' }) })), { why: 'out of time' })
  t.match(await houdini(p, c, tools, opts({ run: at('cbmc', { termination: 'cancelled' }) })), { why: /cbmc did not finish \(cancelled\)/ })
  t.match(await houdini(p, c, tools, opts({ run: at('goto-cc', { termination: 'spawn-failed' }) })), { why: /goto-cc did not finish/ })
  t.match(await houdini(p, c, tools, opts({ run: at('goto-cc', { exitCode: 1, stderr: '', stdout: '' }) })), { why: /does not build: no message/ })
  t.match(await houdini(p, c, tools, opts({ run: at('cbmc', { stdout: 'lies' }) })), { why: 'cbmc gave no results' })
})

const item = (props: { description: string; status: string }[], status = 'success') => JSON.stringify([
  { program: 'CBMC 6.6.0' },
  { result: props.map((p, i) => ({ property: `klp_product.assertion.${i}`, description: p.description, status: p.status })) },
  { cProverStatus: status },
])

t.test('readRound: every planted property must be reported', async t => {
  const all = [
    { description: 'KLP_CAND 0', status: 'SUCCESS' }, { description: 'KLP_CAND 2', status: 'FAILURE' },
    { description: 'Check loop invariant before entry', status: 'SUCCESS' }, { description: 'Check that loop invariant is preserved', status: 'FAILURE' },
    { description: 'KLP_EQ return', status: 'SUCCESS' },
  ]
  t.same(readRound(item(all, 'failure'), [0, 2], true), { refuted: [2], others: ['Check that loop invariant is preserved'] })
  t.same(readRound(item(all.filter(p => p.description !== 'KLP_CAND 2'), 'failure'), [0, 2], true), { broken: 'cbmc did not report every candidate' })
  t.same(readRound(item(all, 'failure'), [0], true), { broken: 'cbmc did not report every candidate' }, 'one it was not asked about')
  t.same(readRound(item(all.filter(p => !/before entry/.test(p.description))), [0, 2], true), { broken: 'cbmc did not check the loop contract' })
  t.same(readRound(item(all.filter(p => p.description !== 'KLP_EQ return')), [0, 2], true), { broken: 'cbmc did not check the return values' })
  t.same(readRound(item(all.filter(p => p.description !== 'KLP_EQ return'), 'failure'), [0, 2], false).refuted, [2], 'a void function has no return to check')
  const good = all.map(p => ({ ...p, status: 'SUCCESS' }))
  t.same(readRound(item(good), [0, 2], true), { refuted: [], others: [] })
  t.same(readRound(item(good, 'failure'), [0, 2], true), { broken: 'cbmc did not report success' }, 'every property SUCCESS but the status says otherwise')
  t.same(readRound('[{"program":"x"}]', [], true), { broken: 'cbmc gave no results' })
})
