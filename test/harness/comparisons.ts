/** The comparisons' view of observable nodes: C equality expressions, leaf lvalues, conditions and property descriptions. */
import t from 'tap'
import { compareLoops, compareView, equalityC, eqDescription, sameFloatC } from '../../src/harness/comparisons.js'
import type { ObservableNode } from '../../src/model/observables.js'

t.test('equalityC: scalars by value, pointers by object and offset, records and small arrays part by part', async t => {
  const rows: [string, Parameters<typeof equalityC>[0], string][] = [
    ['scalar', { kind: 'scalar' }, '(a) == (b)'],
    ['pointer', { kind: 'pointer' }, 'klp_abs((const void *)(a), 0) == klp_abs((const void *)(b), 1)'],
    ['not compared', { kind: 'none' }, '1'],
    ['empty record', { kind: 'all', parts: [] }, '1'],
    ['record', { kind: 'all', parts: [{ at: { field: 'x' }, eq: { kind: 'scalar' } }, { at: { index: 1 }, eq: { kind: 'none' } }] }, '(((a).x) == ((b).x)) && (1)'],
    ['long array: the elements at the index the solver picks', { kind: 'each', var: 3, count: '9', elem: { kind: 'scalar' } }, 'klp_j_3 >= (unsigned long)(9) || (((a)[klp_j_3]) == ((b)[klp_j_3]))'],
    ['a length only C can evaluate: sizeof', { kind: 'each', var: 3, count: null, elem: { kind: 'pointer' } },
      'klp_j_3 >= (unsigned long)(sizeof(a) / sizeof((a)[0])) || (klp_abs((const void *)((a)[klp_j_3]), 0) == klp_abs((const void *)((b)[klp_j_3]), 1))'],
  ]
  for (const [what, eq, want] of rows) t.equal(equalityC(eq, 'a', 'b'), want, what)
})

t.test('floating-point values are the same when equal as numbers or both NaN (NaN == NaN is false in C)', async t => {
  t.equal(sameFloatC('a', 'b'), '((a) == (b) || ((a) != (a) && (b) != (b)))')
  t.equal(equalityC({ kind: 'scalar', float: true }, 'a', 'b'), sameFloatC('a', 'b'), 'a float scalar')
  t.equal(equalityC({ kind: 'each', var: 1, count: '9', elem: { kind: 'scalar', float: true } }, 'a', 'b'), `klp_j_1 >= (unsigned long)(9) || (${sameFloatC('(a)[klp_j_1]', '(b)[klp_j_1]')})`, 'a long array of doubles')
  const v = compareView(node({ root: { kind: 'return' }, parts: [{ kind: 'scalar', var: 0, path: [], label: 'return', float: true }] }), () => '0')
  t.equal(v.cond, sameFloatC('klp_o_0', 'klp_n_0'), 'the returned double')
  t.equal(compareView(node({ root: { kind: 'return' }, parts: [{ kind: 'scalar', var: 0, path: [], label: 'return' }] }), () => '0').cond, 'klp_o_0 == klp_n_0', 'an integer: ==, as before')
})

const node = (over: Partial<ObservableNode>): ObservableNode => ({ index: 2, kind: 'memory', label: 'memory "x"', guard: null, root: null, parts: [], calls: null, ...over })

t.test('compareView: lvalues from the root, one condition per part, the claims that allow a difference', async t => {
  const v = compareView(node({
    guard: 'klp_null_o', root: { kind: 'object', param: 'o', type: 'struct s' },
    parts: [
      { kind: 'scalar', var: 4, path: [{ field: 'a' }], label: 'o->a' },
      { kind: 'array', var: 5, path: [{ field: 'v' }], label: 'o->v', count: '9', loop: { id: 3, bound: 10 }, elem: { kind: 'pointer' }, scalar: false },
    ],
  }), k => (k === 'memory' ? 'klp_w_0' : '0'))
  t.match(v, { index: 2, guard: 'klp_null_o', cond: 'klp_o_4 == klp_n_4 && klp_eq_5', allowed: 'klp_w_0', desc: 'KLP_EQ 2 memory \'x\'', calls: null })
  t.match(v.parts[0], { scalar: true, old: '((*(struct s *)(o))).a', new: '((*(struct s *)(klp_new_o))).a' })
  t.match(v.parts[1], { array: true, eq: 'klp_abs((const void *)((((*(struct s *)(o))).v)[klp_i_5]), 0) == klp_abs((const void *)((((*(struct s *)(klp_new_o))).v)[klp_i_5]), 1)', elemScalar: false })
  const roots: [NonNullable<ObservableNode['root']>, string, string][] = [
    [{ kind: 'return' }, 'klp_ret_old', 'klp_ret_new'],
    [{ kind: 'buffer', param: 'b', bytes: true }, '((const unsigned char *)b)', '((const unsigned char *)klp_new_b)'],
    [{ kind: 'buffer', param: 'b', bytes: false }, 'b', 'klp_new_b'],
    [{ kind: 'global', old: 'klp_old_g', new: 'klp_new_g' }, 'klp_old_g', 'klp_new_g'],
  ]
  for (const [root, old, nw] of roots) t.match(compareView(node({ root, parts: [{ kind: 'pointer', var: 0, path: [], label: 'x' }] }), () => '0').parts[0], { old, new: nw }, root.kind)
  t.equal(compareView(node({}), () => '0').cond, '1', 'nothing to compare: equal')
  t.equal(eqDescription(node({ index: 0, label: 'return' })), 'KLP_EQ 0 return')
})

t.test('compareView: an array the tool cannot count has no loop; its index and its elements\' indices are declared', async t => {
  const v = compareView(node({
    root: { kind: 'global', old: 'klp_old_g', new: 'klp_new_g' },
    parts: [{ kind: 'array', var: 5, path: [], label: 'g', count: null, loop: null, elem: { kind: 'all', parts: [{ at: { field: 'w' }, eq: { kind: 'each', var: 6, count: '8', elem: { kind: 'scalar' } } }] }, scalar: false }],
  }), () => '0')
  t.same(v.indices, [6], 'klp_j_6 is declared before the comparison')
  t.match(v.parts[0], { array: true, loop: false, count: 'sizeof(klp_old_g) / sizeof((klp_old_g)[0])', eq: '(klp_j_6 >= (unsigned long)(8) || (((((klp_old_g)[klp_i_5]).w)[klp_j_6]) == ((((klp_new_g)[klp_i_5]).w)[klp_j_6])))' })
  t.equal(v.cond, 'klp_eq_5')
  t.same(compareLoops([node({ parts: [{ kind: 'array', var: 5, path: [], label: 'g', count: null, loop: null, elem: { kind: 'scalar' }, scalar: true }] })]), [], 'no loop to bound')
})

t.test('compareLoops: the array loops and the calls\' two loops, in node order', async t => {
  const calls = { var: 9, loops: [{ id: 4, bound: 65 }, { id: 5, bound: 65 }] as const, args: 2, info: { names: [], objects: [], pointerArgs: [], pointerRet: [], voidRet: [] } }
  const nodes = [
    node({ parts: [{ kind: 'array', var: 1, path: [], label: 'b[]', count: 'klp_len_b', loop: { id: 3, bound: 5 }, elem: { kind: 'scalar' }, scalar: true }] }),
    node({ kind: 'calls', calls }),
  ]
  t.same(compareLoops(nodes), [{ id: 3, bound: 5 }, { id: 4, bound: 65 }, { id: 5, bound: 65 }])
  t.match(compareView(nodes[1]!, () => '0'), { cond: 'klp_eq_9', calls: { var: 9, args: [0, 1] } })
})
