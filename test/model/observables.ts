/**
 * The observable model as tables, on hand-built FunctionPairs (no gcc): which observables a pair
 * has, in planted order, the leaves each compares with their variables, the compare loops with
 * their ids and bounds, and what the classifier reads (observableInfo).
 */
import t from 'tap'
import type { CType, FunctionPair, GlobalVar, Param } from '../../src/extract/types.js'
import type { ExternalStub } from '../../src/model/types.js'
import { planInputs, type InputOptions } from '../../src/model/inputs.js'
import { equality, observableInfo, planObservables } from '../../src/model/observables.js'
import { MAX_CALLS } from '../../src/model/names.js'

const int: CType = { kind: 'scalar', text: 'int' }
const voidT: CType = { kind: 'opaque', text: 'void' }
const ptr = (to: CType): CType => ({ kind: 'pointer', to, text: `${to.text} *` })
const arr = (of: CType, length: number | null): CType => ({ kind: 'array', of, length, text: `${of.text}[${length ?? ''}]` })
const rec = (tag: string, fields: [string, CType][]): CType =>
  ({ kind: 'record', tag, union: false, text: `struct ${tag}`, fields: fields.map(([name, type]) => ({ name, type, bitfield: false })) })
const param = (name: string, type: CType): Param => ({ name, type, typedefText: '' }) as Param
const global = (name: string, type: CType, over: Partial<GlobalVar> = {}): GlobalVar =>
  ({ name, cName: `klp_old_${name}`, type, isConst: false, shared: false, externDecl: '', ...over }) as GlobalVar

function pairOf(params: Param[], returnType: CType, globals: GlobalVar[] = []): FunctionPair {
  return {
    signature: { name: 'f', params, returnType, returnTypedef: '', variadic: false },
    old: { globals }, new: { globals: globals.map(g => ({ ...g, cName: g.cName.replace('klp_old_', 'klp_new_') })) },
  } as unknown as FunctionPair
}
const opts: InputOptions = { buffers: {}, nullable: [], maxSize: 5, initGlobals: false, pointerDepth: 1, callbacks: {} }

const stub = (name: string, params: CType[], returnType: CType, callbackOf?: string): ExternalStub => ({
  fn: { name, signature: { name, params: params.map((type, i) => param(`a${i}`, type)), returnType, returnTypedef: '', variadic: false }, calledBy: ['old', 'new'], ...(callbackOf ? { callbackOf } : {}) },
}) as ExternalStub

t.test('observables in planted order: return, memory per pointer parameter, written globals, calls', async t => {
  const s = rec('s', [['a', int], ['p', ptr(int)], ['few', arr(int, 2)], ['many', arr(int, 8)]])
  const pair = pairOf([param('len', int), param('buf', ptr(voidT)), param('o', ptr(s)), param('fn', ptr({ kind: 'function', text: 'int (void)' }))], s, [
    global('count', int), global('limit', int, { isConst: true }), global('mode', int, { shared: true }),
  ])
  const inputs = planInputs(pair, { ...opts, buffers: { buf: '(len)' }, nullable: ['o'] })
  const nodes = planObservables(pair, inputs, [stub('kmalloc', [int], ptr(voidT)), stub('klp_cb_fn', [], int, 'fn')])
  t.same(nodes.map(n => `${n.index} ${n.kind} ${n.label} ${n.guard}`), [
    '0 return return null', '1 memory memory buf[0..len) null', '2 memory memory *o klp_null_o', '3 globals global count null', '4 calls calls null',
  ])
  // the inputs took variables 0..4 (two buffer copies, one inner object choice, two globals' entry values) and loops 0..1 (the copies)
  t.same([inputs.nextVar, inputs.nextLoop], [5, 2])
  t.same(nodes[0]!.parts.map(p => [p.kind, p.var, p.label, p.kind === 'array' ? p.loop : null]), [
    ['scalar', 5, 'return.a', null], ['pointer', 6, 'return.p (pointer)', null], ['scalar', 7, 'return.few[0]', null], ['scalar', 8, 'return.few[1]', null],
    ['array', 9, 'return.many', { id: 2, bound: 9 }],
  ])
  t.match(nodes[1]!.parts, [{ kind: 'array', var: 10, count: 'klp_len_buf', loop: { id: 3, bound: 6 }, scalar: true, elem: { kind: 'scalar' } }], 'a buffer: one loop up to --max-size, bytes when opaque')
  t.same(nodes[1]!.root, { kind: 'buffer', param: 'buf', bytes: true })
  t.same(nodes[2]!.parts.map(p => p.label), ['o->a', 'o->p (pointer)', 'o->few[0]', 'o->few[1]', 'o->many'], 'a record behind a pointer: o->field')
  t.same(nodes[2]!.root, { kind: 'object', param: 'o', type: 'struct s' })
  t.same(nodes[3]!.parts, [{ kind: 'scalar', var: 16, path: [], label: 'count' }])
  t.match(nodes[4]!.calls, {
    // two callees the code does not bound: 6 calls each, a log of 12, no copy-out blobs (model/world.ts worldSize)
    var: 17, seq: 2 * MAX_CALLS, blob: 0, loops: [{ id: 5, bound: 2 * MAX_CALLS + 1 }, { id: 6, bound: 2 * MAX_CALLS + 1 }], args: 1,
    info: { names: ['kmalloc', 'fn'], objects: ['buf', '*o.p', 'o', '&count', '&limit', '&mode'], pointerArgs: [[false], []], pointerRet: [true, false], voidRet: [false, false] },
  })
  t.same(JSON.parse(JSON.stringify(nodes)), nodes, 'plain JSON data')
})

t.test('a floating-point leaf is marked float (compared NaN-aware), an integer leaf is not', async t => {
  const dbl: CType = { kind: 'scalar', text: 'double', float: true }
  const pair = pairOf([], rec('v', [['x', dbl], ['n', int]]))
  const nodes = planObservables(pair, planInputs(pair, opts), [])
  t.same(nodes[0]!.parts.map(p => [p.label, p.kind === 'scalar' ? p.float ?? false : null]), [['return.x', true], ['return.n', false]])
})

t.test('observableInfo: leaves and the last array\'s first difference', async t => {
  const pair = pairOf([param('o', ptr(rec('r', [['x', int], ['p', ptr(int)], ['v', arr(ptr(int), 9)], ['w', arr(int, 9)]])))], voidT)
  const inputs = planInputs(pair, { ...opts, pointerDepth: 0 })
  const [mem] = planObservables(pair, inputs, [])
  t.same(observableInfo(mem!), {
    index: 0, kind: 'memory', label: 'memory *o',
    leaves: [{ label: 'o->x', oldVar: 'klp_o_0', newVar: 'klp_n_0' }, { label: 'o->p (pointer)', oldVar: 'klp_o_1', newVar: 'klp_n_1' }],
    arrayDiff: { index: 'klp_di_3', oldVar: 'klp_o_3', newVar: 'klp_n_3', elem: 'o->w' },
  })
  const [ptrs] = planObservables(pairOf([param('q', ptr(arr(ptr(int), 9)))], voidT), planInputs(pairOf([param('q', ptr(arr(ptr(int), 9)))], voidT), opts), [])
  t.same(observableInfo(ptrs!).arrayDiff, { index: 'klp_di_0', oldVar: '', newVar: '', elem: '*q' }, 'pointer elements: only the index')
  const none = planObservables(pairOf([param('n', int)], voidT), planInputs(pairOf([param('n', int)], voidT), opts), [])
  t.same(none, [], 'a void function of scalars observes nothing (without a world)')
})

/** An array whose length the tool cannot evaluate (DEPOT_MAX_POOLS in lib/stackdepot.c, after gcc -E). */
const unevaluated = (of: CType): CType => ({ kind: 'array', of, length: null, text: `${of.text}[(((1LL << (17)) - 1 < 8192) ? (1LL << (17)) - 1 : 8192)]` })

t.test('equality: leaf by leaf, small arrays unrolled, long ones at an index the solver picks; only what has no size is not compared', async t => {
  const rows: [string, CType, unknown][] = [
    ['scalar', int, { kind: 'scalar' }],
    ['floating-point scalar: NaN-aware', { kind: 'scalar', text: 'double', float: true }, { kind: 'scalar', float: true }],
    ['pointer', ptr(int), { kind: 'pointer' }],
    ['record', rec('r', [['a', int], ['p', ptr(int)]]), { kind: 'all', parts: [{ at: { field: 'a' }, eq: { kind: 'scalar' } }, { at: { field: 'p' }, eq: { kind: 'pointer' } }] }],
    ['small array', arr(int, 2), { kind: 'all', parts: [{ at: { index: 0 }, eq: { kind: 'scalar' } }, { at: { index: 1 }, eq: { kind: 'scalar' } }] }],
    ['long array', arr(int, 5), { kind: 'each', var: 7, count: '5', elem: { kind: 'scalar' } }],
    ['long array of long arrays', arr(arr(ptr(int), 6), 5), { kind: 'each', var: 7, count: '5', elem: { kind: 'each', var: 8, count: '6', elem: { kind: 'pointer' } } }],
    ['a length the tool cannot evaluate: as C counts it', unevaluated(int), { kind: 'each', var: 7, count: null, elem: { kind: 'scalar' } }],
    ['flexible array', arr(int, null), { kind: 'none' }],
    ['function', { kind: 'function', text: 'int (void)' }, { kind: 'none' }],
    ['opaque', voidT, { kind: 'none' }],
  ]
  for (const [what, type, want] of rows) {
    let v = 7
    t.same(equality(type, () => v++), want, what)
  }
})

t.test('a global array whose length the tool cannot evaluate is compared at an index the solver picks, never skipped', async t => {
  const rows: [string, CType, unknown][] = [
    ['pointer elements', unevaluated(ptr(voidT)), { kind: 'array', var: 0, count: null, loop: null, elem: { kind: 'pointer' }, scalar: false }],
    ['scalar elements', unevaluated(int), { kind: 'array', var: 0, count: null, loop: null, elem: { kind: 'scalar' }, scalar: true }],
    ['records with a long array', unevaluated(rec('r', [['w', arr(int, 8)]])), { kind: 'array', var: 0, count: null, loop: null, elem: { kind: 'all', parts: [{ at: { field: 'w' }, eq: { kind: 'each', var: 1, count: '8' } }] } }],
  ]
  for (const [what, type, want] of rows) {
    const pair = pairOf([], voidT, [global('arr', type)])
    const nodes = planObservables(pair, planInputs(pair, { ...opts, initGlobals: true }), [])
    t.match(nodes, [{ kind: 'globals', label: 'global arr', parts: [{ label: 'arr', ...(want as object) }] }], what)
  }
  const flex = pairOf([], voidT, [global('tail', arr(int, null))])
  t.same(planObservables(flex, planInputs(flex, { ...opts, initGlobals: true }), [])[0]!.parts, [], 'declared without a length (`extern int tail[]`): no elements to compare')
  const pair = pairOf([], voidT, [global('arr', unevaluated(int))])
  const [node] = planObservables(pair, planInputs(pair, { ...opts, initGlobals: true }), [])
  t.same(observableInfo(node!).arrayDiff, { index: 'klp_di_0', oldVar: 'klp_o_0', newVar: 'klp_n_0', elem: 'arr' }, 'the trace names the differing index')
})

t.test('a linear sk_buff parameter: its packet bytes; a device: its private object', async t => {
  const { skbType, netdevType, FOO_PRIV } = await import('../fixtures/skb-types.js')
  const pair = {
    ...pairOf([param('skb', ptr(skbType())), param('dev', ptr(netdevType(true))), param('other', ptr(netdevType(false)))], voidT),
    shapes: { linear: [], skbShared: null, privs: [{ param: 'dev', type: 'struct foo_priv', ctype: FOO_PRIV, flexible: 'priv' }] },
  } as FunctionPair
  const nodes = planObservables(pair, planInputs(pair, { ...opts, nullable: ['skb'] }), [])
  t.same(nodes.map(n => n.label), ['memory *skb', 'memory skb->head[0..end)', 'memory *dev', 'memory netdev_priv(dev)', 'memory *other'])
  const packet = nodes[1]!
  t.match(packet, {
    kind: 'memory', guard: 'klp_null_skb', root: { kind: 'global', old: '((const unsigned char *)klp_h_old_3)', new: '((const unsigned char *)klp_h_new_3)' },
    parts: [{ kind: 'array', label: 'skb->head[0..end)', count: '((unsigned long)klp_skb_2_room + klp_skb_2_len + klp_skb_2_tailroom)', loop: { bound: 16 }, scalar: true }],
  }, 'the buffer as allocated at entry, up to 3 x max-size bytes')
  t.match(nodes[3], {
    guard: null, root: { kind: 'global', old: '(*(struct foo_priv *)((char *)(dev) + __builtin_offsetof(struct net_device, priv)))', new: /klp_new_dev/ },
    parts: [{ kind: 'scalar', label: 'netdev_priv(dev)->mtu' }, { kind: 'pointer', label: 'netdev_priv(dev)->pending (pointer)' }],
  })
})
