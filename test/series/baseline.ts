import t from 'tap'
import { compareWithBaseline, renderBaselineText, type ProofKey } from '../../src/series/baseline.js'

const p = (fn: string, verdict: ProofKey['verdict']): ProofKey => ({ function: fn, old: 'o.c', new: 'n.c', verdict })

t.test('what changed since the last run', async t => {
  const d = compareWithBaseline(
    [p('a', 'unintended'), p('b', 'equivalent'), p('c', 'inconclusive'), p('new_fn', 'unintended')],
    [p('a', 'equivalent'), p('b', 'unintended'), p('c', 'inconclusive'), p('gone', 'as-claimed')],
  )
  t.same(d.newUnintended, ['a() in n.c', 'new_fn() in n.c'])
  t.same(d.fixed, ['b() in n.c'])
  t.same(d.moved, [
    { proof: 'a() in n.c', from: 'equivalent', to: 'unintended' },
    { proof: 'b() in n.c', from: 'unintended', to: 'equivalent' },
    { proof: 'gone() in n.c', from: 'as-claimed', to: 'absent' },
    { proof: 'new_fn() in n.c', from: 'absent', to: 'unintended' },
  ], 'unchanged verdicts are not listed')
  t.match(renderBaselineText(d), /^since the baseline:\n {2}NEW unintended: a\(\) in n\.c, new_fn\(\) in n\.c\n {2}no longer unintended: b\(\) in n\.c\n/)
  t.equal(renderBaselineText(compareWithBaseline([p('a', 'equivalent')], [p('a', 'equivalent')])), 'since the baseline: no verdict moved\n')
})

t.test('a rebased series keeps its proofs: commit ids and patch names are not part of a proof', async t => {
  const now: ProofKey[] = [
    { function: 'f', old: 'aaaaaaaaaaaa:x.c', new: 'bbbbbbbbbbbb:drivers/x.c', verdict: 'unintended', patch: 'bbbbbbbbbbbb' },
    { function: 'f', old: 'base:x.c', new: '0002-fix.patch:drivers/x.c', verdict: 'equivalent', patch: null },
  ]
  const before: ProofKey[] = [
    { function: 'f', old: '111111111111:x.c', new: '222222222222:drivers/x.c', verdict: 'equivalent', patch: '222222222222' },
    { function: 'f', old: 'base:x.c', new: '0002-fix.patch:drivers/x.c', verdict: 'equivalent', patch: null },
  ]
  const d = compareWithBaseline(now, before)
  t.same(d.moved, [{ proof: 'f() in drivers/x.c', from: 'equivalent', to: 'unintended' }], 'the base → tip proof is its own, and did not move')
})

t.test('the same function of the same file in two patches: each proof keeps its own place', async t => {
  const k = (verdict: ProofKey['verdict'], patch: string): ProofKey => ({ function: 'f', old: 'x', new: `${patch}:a.c`, verdict, patch })
  const d = compareWithBaseline([k('unintended', '0001-a.patch'), k('as-claimed', '0004-b.patch')], [k('as-claimed', '0001-a.patch'), k('as-claimed', '0004-b.patch')])
  t.same(d.moved, [{ proof: 'f() in a.c', from: 'as-claimed', to: 'unintended' }], 'a new unintended in an earlier patch is not hidden by a later one')
  const d2 = compareWithBaseline([k('as-claimed', '0001-a.patch'), k('unintended', '0004-b.patch')], [k('as-claimed', '0001-a.patch'), k('as-claimed', '0004-b.patch')])
  t.same(d2.newUnintended, ['f() in a.c #2'])
})
