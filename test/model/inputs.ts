/**
 * The input model as tables, on hand-built FunctionPairs (no gcc): which node each parameter and
 * global becomes, the object inits behind pointers, and the ids (harness variables, klp_abs
 * objects, harness loops) each node carries.
 */
import t from 'tap'
import type { CType, FunctionPair, GlobalVar, Param } from '../../src/extract/types.js'
import { inputInfos, planInputs, type InputOptions } from '../../src/model/inputs.js'
import { isEmptyRecord, isVoid, pointeeAllocatable, typeName, unparen } from '../../src/model/inputs-ctype.js'
import { OPAQUE_BYTES } from '../../src/model/names.js'

const int: CType = { kind: 'scalar', text: 'int' }
const ptr = (to: CType): CType => ({ kind: 'pointer', to, text: `${to.text} *` })
const rec = (tag: string, fields: [string, CType][], union = false): CType =>
  ({ kind: 'record', tag, union, text: `${union ? 'union' : 'struct'} ${tag}`, fields: fields.map(([name, type]) => ({ name, type, bitfield: false })) })
const fnT: CType = { kind: 'function', text: 'int (int)' }
const voidT: CType = { kind: 'opaque', text: 'void' }

/** A self-referential struct: `struct node { int val; struct node *next; int *ref; }` (a cyclic CType). */
const node = { kind: 'record', tag: 'node', union: false, text: 'struct node', fields: [] as { name: string; type: CType; bitfield: boolean }[] } as const
node.fields.push({ name: 'val', type: int, bitfield: false }, { name: 'next', type: ptr(node), bitfield: false }, { name: 'ref', type: ptr(int), bitfield: false })

const param = (name: string, type: CType): Param => ({ name, type, typedefText: `${type.text} KLP_TYPE_NAME` }) as Param
const global = (name: string, type: CType, over: Partial<GlobalVar> = {}): GlobalVar => ({
  name, cName: `klp_old_${name}`, type, isConst: false, hasInit: false, initText: '', externDecl: `extern int klp_new_${name};`, origin: 'a.c', shared: false, ...over,
}) as GlobalVar

/** Only the signature and both versions' globals are read by planInputs. */
function pairOf(params: Param[], globals: GlobalVar[] = []): FunctionPair {
  const renamed = globals.map(g => ({ ...g, cName: g.shared ? g.cName : g.cName.replace('klp_old_', 'klp_new_') }))
  return {
    signature: { name: 'f', params, returnType: int, returnTypedef: 'int KLP_TYPE_NAME', variadic: false },
    old: { globals }, new: { globals: renamed },
  } as unknown as FunctionPair
}

const base: InputOptions = { buffers: {}, nullable: [], maxSize: 4, initGlobals: false, pointerDepth: 1, callbacks: {} }

t.test('each parameter becomes one node, in parameter order', async t => {
  const pair = pairOf([
    param('n', int), param('cb', ptr(fnT)), param('hook', ptr(fnT)), param('ctx', ptr(voidT)), param('raw', ptr(voidT)),
    param('buf', ptr(int)), param('o', ptr(rec('s', [['x', int]]))), param('len', int),
  ])
  const m = planInputs(pair, { ...base, buffers: { raw: '(len)', buf: '(len * 2)' }, nullable: ['o'], callbacks: { cb: 'klp_cb_cb' } })
  const rows: [string, string, Record<string, unknown>][] = [
    ['n', 'scalar', {}],
    ['cb', 'callback', { stub: 'klp_cb_cb' }],
    ['hook', 'opaque', { slot: null }],
    ['ctx', 'opaque', { slot: 0 }],
    ['raw', 'buffer', { elem: 'unsigned char', bytes: true, clear: false, count: '(len)', shown: 'len', object: 1 }],
    ['buf', 'buffer', { elem: 'int', bytes: false, count: '(len * 2)', shown: 'len * 2', object: 2 }],
    ['o', 'object', { type: 'struct s', nullable: true, snapshot: false, inits: [], object: 3 }],
    ['len', 'scalar', {}],
  ]
  t.equal(m.params.length, rows.length)
  rows.forEach(([name, kind, facts], i) => t.match(m.params[i], { index: i, name, kind, ...facts }, name))
  t.equal(m.opaqueSlots, 1)
  t.match(planInputs(pairOf([param('constructor', ptr(fnT))]), base).params[0], { kind: 'opaque', slot: null }, 'a parameter named like an Object property has no stub')
  t.match(planInputs(pairOf([param('toString', ptr(int))]), base).params[0], { kind: 'object', type: 'int' }, '… and is no buffer')
  t.same(m.objects, [{ id: 1, label: 'raw', depth: 0 }, { id: 2, label: 'buf', depth: 0 }, { id: 3, label: 'o', depth: 0 }])
})

t.test('buffer copy loops carry cbmc\'s numbering: every old copy before every new copy', async t => {
  const pair = pairOf([param('a', ptr(int)), param('b', ptr(int)), param('n', int)])
  const m = planInputs(pair, { ...base, buffers: { a: 'n', b: 'n' }, maxSize: 7 })
  const copies = m.params.flatMap(p => (p.kind === 'buffer' ? [p.copy] : []))
  t.same(copies, [
    { old: { var: 0, loop: { id: 0, bound: 8 } }, new: { var: 1, loop: { id: 2, bound: 8 } } },
    { old: { var: 2, loop: { id: 1, bound: 8 } }, new: { var: 3, loop: { id: 3, bound: 8 } } },
  ])
  t.equal(m.nextLoop, 4, 'the comparisons\' loops come after the copies')
  t.equal(m.nextVar, 4)
})

t.test('object inits: fresh objects to a depth, NULL beyond, unions and long arrays cleared, stubs for callbacks', async t => {
  const inner = rec('in', [['p', ptr(int)], ['u', rec('u', [['i', int], ['s', ptr(int)]], true)]])
  const outer = rec('out', [
    ['child', ptr(inner)], ['fn', ptr(fnT)], ['op', ptr(fnT)], ['few', { kind: 'array', of: ptr(int), length: 2, text: 'int *[2]' }],
    ['many', { kind: 'array', of: ptr(int), length: 9, text: 'int *[9]' }], ['plain', int],
  ])
  const pair = pairOf([param('o', ptr(outer))])
  const at = (depth: number) => planInputs(pair, { ...base, pointerDepth: depth, callbacks: { 'out.op': 'klp_cb_op' } }).params[0]
  t.match(at(1), {
    kind: 'object', type: 'struct out', object: 4,
    inits: [
      { kind: 'fresh', path: [{ field: 'child' }], choice: 0, depth: 1, object: 1, inits: [
        { kind: 'null', path: [{ field: 'child' }, { deref: 'struct in' }, { field: 'p' }] },
        { kind: 'clear', path: [{ field: 'child' }, { deref: 'struct in' }, { field: 'u' }] },
      ] },
      { kind: 'null', path: [{ field: 'fn' }] },
      { kind: 'callback', path: [{ field: 'op' }], stub: 'klp_cb_op' },
      { kind: 'fresh', path: [{ field: 'few' }, { index: 0 }], choice: 1, object: 2, inits: [] },
      { kind: 'fresh', path: [{ field: 'few' }, { index: 1 }], choice: 2, object: 3, inits: [] },
      { kind: 'clear', path: [{ field: 'many' }] },
    ],
  })
  const deep = at(2)
  t.match(deep, { inits: [{ kind: 'fresh', inits: [{ kind: 'fresh', depth: 2, choice: 1, object: 1 }] }] }, 'one level deeper: the inner pointer gets its own object first')
  t.same(planInputs(pair, { ...base, pointerDepth: 0 }).objects.map(o => o.label), ['o'], 'depth 0: no inner objects')
})

t.test('a `void *` (or an incomplete pointee) is NULL or an opaque object of OPAQUE_BYTES, never NULL only', async t => {
  const hidden: CType = { kind: 'opaque', text: 'struct hidden' }
  const pair = pairOf([param('pp', ptr(ptr(voidT)))], [global('p', ptr(voidT)), global('h', ptr(hidden)), global('s', rec('s', [['priv', ptr(voidT)], ['n', int]]))])
  const m = planInputs(pair, base)
  const opaque = (path: unknown[], choice: number, object: number) => ({ kind: 'fresh', path, choice, depth: 1, object, bytes: OPAQUE_BYTES, inits: [] })
  t.same(m.params[0], { kind: 'object', index: 0, name: 'pp', nullable: false, type: 'void *', empty: false, array: false, snapshot: false, depth: 0, inits: [opaque([], 0, 1)], object: 2 }, 'the pointee of a `void **` parameter')
  t.match(m.globals, [
    { kind: 'paired', name: 'p', source: 1, inits: [opaque([], 2, 3)], object: 4 },
    { kind: 'paired', name: 'h', source: 3, inits: [opaque([], 4, 5)], object: 6 },
    { kind: 'paired', name: 's', source: 5, inits: [opaque([{ field: 'priv' }], 6, 7)], object: 8 },
  ])
  t.equal(OPAQUE_BYTES, 64, 'as many bytes as a world answer of `void *`')
  t.match(planInputs(pair, { ...base, pointerDepth: 0 }).globals[0], { inits: [{ kind: 'null', path: [] }] }, 'beyond the depth: NULL, as for any pointer')
  t.match(planInputs(pairOf([param('o', ptr(rec('t', [['p', ptr(int)]])))]), base).params[0], { inits: [{ kind: 'fresh', bytes: null }] }, 'a typed pointee: sizeof')
})

t.test('a cyclic type gives a finite, JSON-serialisable model', async t => {
  const pair = pairOf([param('n', ptr(node))], [global('last', ptr(node))])
  const m = planInputs(pair, { ...base, pointerDepth: 2 })
  t.same(JSON.parse(JSON.stringify(m)), m)
  t.same(m.objects.map(o => `${o.id} ${o.label} ${o.depth}`), [
    '1 *n.next.next 2', '2 *n.next.ref 2', '3 *n.next 1', '4 *n.ref 1', '5 n 0', '6 last.next 2', '7 last.ref 2', '8 last 1', '9 &last 0',
  ], 'depth-first, each object after the objects inside it')
})

t.test('globals: shared, paired and const, with and without --init-globals', async t => {
  const pair = pairOf([], [
    global('mode', int, { shared: true, cName: 'klp_shared_mode' }), global('count', int), global('limit', int, { isConst: true }),
    global('calls', int, { staticLocalOf: 'f' }), global('lock', rec('empty', [])),
  ])
  const m = planInputs(pair, base)
  t.same(m.globals.map(g => [g.kind, g.name, 'source' in g ? g.source : '-', g.object]), [
    ['shared', 'mode', 0, 1], ['paired', 'count', 1, 2], ['const', 'limit', '-', 3], ['paired', 'calls', 2, 4], ['paired', 'lock', null, 5],
  ])
  t.match(m.globals[3], { label: 'static calls', oldC: 'klp_old_calls', newC: 'klp_new_calls' })
  const init = planInputs(pair, { ...base, initGlobals: true })
  t.same(init.globals.map(g => ('source' in g ? g.source : '-')), [null, null, '-', null, null], '--init-globals: no shared entry values')
})

t.test('a global function pointer with a stub behind it, and a buffer of an unnamed type', async t => {
  const anon: CType = { kind: 'record', tag: 'anon0', union: false, text: 'struct <anonymous>', fields: [{ name: 'a', type: int, bitfield: false }] }
  const pair = pairOf([param('items', ptr(anon)), param('n', int)], [global('hook', ptr(fnT)), global('plain', ptr(fnT))])
  const m = planInputs(pair, { ...base, buffers: { items: 'n' }, callbacks: { 'global hook': 'klp_cb_hook' } })
  t.match(m.params[0], { kind: 'buffer', elem: null, bytes: false, clear: false }, 'no element type name: copied byte-wise')
  t.match(m.globals, [
    { kind: 'paired', name: 'hook', inits: [{ kind: 'callback', path: [], stub: 'klp_cb_hook' }] },
    { kind: 'paired', name: 'plain', inits: [{ kind: 'null', path: [] }] },
  ])
})

t.test('inputInfos names every input with the variable that holds it', async t => {
  const pair = pairOf(
    [param('cb', ptr(fnT)), param('buf', ptr(int)), param('o', ptr(rec('s', [['x', int]]))), param('a', ptr({ kind: 'array', of: int, length: 4, text: 'int[4]' })), param('len', int)],
    [global('mode', int, { shared: true, cName: 'klp_shared_mode' }), global('count', int)],
  )
  const m = planInputs(pair, { ...base, buffers: { buf: '(len)' }, nullable: ['buf'] })
  t.same(inputInfos(m), [
    { label: 'len', variable: 'len' },
    { label: 'cb', variable: 'cb' },
    { label: 'buf == NULL', variable: 'klp_null_buf' },
    { label: 'buf[0..len)', variable: 'klp_src_buf' },
    { label: '*o', variable: 'klp_src_o' },
    { label: '*a', variable: 'klp_in_a' },
    // the buffer's two copy loops took variables 0 and 1
    { label: 'global mode', variable: 'klp_src_2' },
    { label: 'global count', variable: 'klp_src_3' },
  ])
})

t.test('C type facts', async t => {
  t.equal(typeName(ptr(ptr(int))), 'int * *')
  t.equal(typeName(ptr(fnT)), undefined)
  t.ok(isEmptyRecord(rec('e', [])))
  t.notOk(isEmptyRecord(int))
  t.ok(pointeeAllocatable(ptr(int)))
  t.notOk(pointeeAllocatable(ptr(fnT)))
  t.notOk(pointeeAllocatable(voidT))
  t.ok(isVoid(voidT))
  t.equal(unparen('((a) + (b))'), '(a) + (b)')
})

t.test('a struct sk_buff is a linear packet: one skb init instead of fresh head/data objects, at any depth', async t => {
  const { skbType, netdevType, FOO_PRIV, ptrTo, record, UINT } = await import('../fixtures/skb-types.js')
  const holder = record('holder', [['skb', ptrTo(skbType())], ['n', UINT]])
  const pair = pairOf([param('skb', ptrTo(skbType())), param('h', ptrTo(holder))])
  const m = planInputs(pair, base)
  const [skb, h] = m.params
  t.match(skb, { kind: 'object', name: 'skb', inits: [
    { kind: 'fresh', path: [{ field: 'next' }], inits: [{ kind: 'null', path: [{ field: 'next' }, { deref: 'struct sk_buff' }, { field: 'next' }] }, { kind: 'skb', path: [{ field: 'next' }, { deref: 'struct sk_buff' }], max: 4, shared: null }] },
    { kind: 'skb', path: [], label: '*skb', layout: { offsets: true }, max: 4, shared: null },
  ] }, 'the next skb is a linear packet too (depth 1); its own next is NULL')
  t.notOk(JSON.stringify(skb).includes('"field":"head"'), 'head and data are the shape\'s')
  t.match(h, { kind: 'object', inits: [{ kind: 'fresh', path: [{ field: 'skb' }], inits: [{ kind: 'null' }, { kind: 'skb', label: '*h.skb' }] }] }, 'a member sk_buff')
  t.same(inputInfos(m).filter(i => i.label.startsWith('skb')), [
    { label: 'skb->len', variable: 'klp_skb_2_len' }, { label: 'skb headroom', variable: 'klp_skb_2_room' }, { label: 'skb tailroom', variable: 'klp_skb_2_tailroom' },
  ], 'only a parameter\'s own packet is named in the report')
  const shared = planInputs({ ...pair, shapes: { linear: [], privs: [], skbShared: ['nr_frags'] } } as FunctionPair, base)
  t.match(shared.params[0], { inits: [{}, { kind: 'skb', shared: ['nr_frags'] }] }, 'the code defines skb_shared_info: it follows the buffer')
  const dev = { ...pairOf([param('dev', ptrTo(netdevType(true))), param('n', int)]), shapes: { linear: [], skbShared: null, privs: [{ param: 'dev', type: 'struct foo_priv', ctype: FOO_PRIV, flexible: 'priv' }] } } as FunctionPair
  const dm = planInputs(dev, base)
  t.same(inputInfos(dm).map(i => i.label), ['n', '*dev', '*netdev_priv(dev)'], 'the private object is an input the report names')
  t.match(dm.params[0], { kind: 'object', type: 'struct net_device', priv: { type: 'struct foo_priv', flexible: 'priv', inits: [{ kind: 'fresh', path: [{ field: 'pending' }], inits: [{ kind: 'null' }, { kind: 'skb', label: 'netdev_priv(dev).pending' }] }] } })
  const old = { ...dev, shapes: { ...dev.shapes!, privs: [{ param: 'dev', type: 'struct foo_priv', ctype: FOO_PRIV }] } } as FunctionPair
  t.match(planInputs(old, base).params[0], { priv: { flexible: null } }, 'no priv[]: after the struct')
})
