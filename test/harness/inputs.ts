/** The inputs' view of the input model: lvalues from paths, declarations in variable order, per-parameter views. */
import t from 'tap'
import type { CType, FunctionPair, GlobalVar, Param } from '../../src/extract/types.js'
import { inputsView, lvalue } from '../../src/harness/inputs.js'
import { planInputs } from '../../src/model/inputs.js'

t.test('lvalue: members, elements and dereferences, cast when the pointee has a name', async t => {
  const rows: [string, Parameters<typeof lvalue>[1], string][] = [
    ['nothing', [], 'p'],
    ['member', [{ field: 'a' }], '(p).a'],
    ['element', [{ index: 2 }], '(p)[2]'],
    ['named pointee', [{ deref: 'struct s' }], '(*(struct s *)(p))'],
    ['unnamed pointee', [{ deref: null }], '(*(p))'],
    ['a path', [{ deref: 'struct s' }, { field: 'next' }, { deref: null }, { index: 0 }], '((*(((*(struct s *)(p))).next)))[0]'],
  ]
  for (const [what, path, want] of rows) t.equal(lvalue('p', path), want, what)
})

const int: CType = { kind: 'scalar', text: 'int' }
const ptr = (to: CType): CType => ({ kind: 'pointer', to, text: `${to.text} *` })
const s: CType = { kind: 'record', tag: 's', union: false, text: 'struct s', fields: [{ name: 'p', type: ptr(int), bitfield: false }] }
const param = (name: string, type: CType): Param => ({ name, type, typedefText: `${type.text} KLP_TYPE_NAME` }) as Param
const global = (name: string, over: Partial<GlobalVar>): GlobalVar => ({ name, cName: `klp_old_${name}`, type: ptr(int), isConst: false, shared: false, externDecl: `extern int *klp_new_${name};`, ...over }) as GlobalVar

t.test('inputsView: scalars, pointer parameters, shared declarations and globals as the partials print them', async t => {
  const globals = [global('g', {}), global('m', { shared: true, cName: 'klp_shared_m' }), global('c', { isConst: true })]
  const pair = {
    signature: { name: 'f', params: [param('o', ptr(s)), param('n', int), param('b', ptr(int))], returnType: int, returnTypedef: 'int KLP_TYPE_NAME', variadic: false },
    old: { globals }, new: { globals: globals.map(g => ({ ...g, cName: g.shared ? g.cName : g.cName.replace('old', 'new') })) },
  } as unknown as FunctionPair
  const m = planInputs(pair, { buffers: { b: '(n)' }, nullable: ['b'], maxSize: 3, initGlobals: false, pointerDepth: 1, callbacks: {} })
  const v = inputsView(m, pair.signature)
  t.same(v.scalars, [{ T: 'klp_p1_t', name: 'n' }])
  t.same(v.typedefs, ['typedef struct s * klp_p0_t;', 'typedef int klp_p1_t;', 'typedef int * klp_p2_t;', 'typedef int klp_ret_t;'])
  t.same(v.decls.map(d => `${d.type} ${d.name}`), ['struct s klp_src_o', '_Bool klp_c_0', '__typeof__(klp_old_g) klp_src_3', '_Bool klp_c_4', '__typeof__(klp_shared_m) klp_src_5'])
  t.same(v.externs, ['extern int *klp_new_g;', 'extern int *klp_new_c;'], 'the new copies of globals that are not shared')
  const [o, b] = v.pointers
  t.match(o, { name: 'o', nullable: false, buffer: null, object: { type: 'struct s', src: 'klp_src_o', object: 2, inits: [{ fresh: true, old: '(klp_src_o).p', new: '((*(struct s *)(klp_new_o))).p', choice: 0, object: 1 }] } })
  t.match(b, { name: 'b', nullable: true, object: null, buffer: { elem: 'int', elemT: 'int', len: 'klp_len_b', old: { side: 'old', dst: 'b', k: 'klp_k_1' }, new: { side: 'new', dst: 'klp_new_b', k: 'klp_k_2' } } })
  t.match(v.globals, [
    { old: 'klp_old_g', new: 'klp_new_g', src: 'klp_src_3', copyNew: true, inits: [{ fresh: true, old: 'klp_src_3', new: 'klp_new_g' }] },
    { old: 'klp_shared_m', new: 'klp_shared_m', src: 'klp_src_5', copyNew: false, inits: [] },
    { old: 'klp_old_c', new: 'klp_new_c', src: null, copyNew: false },
  ])
  t.equal(v.opaqueSlots, 1, 'klp_opaque has at least one byte')
  t.match(v.pointers[0]!.object!.inits[0], { size: 'sizeof(*((klp_src_o).p))' }, 'a typed pointee: its size')
})

t.test('a `void *` global gets an opaque object of OPAQUE_BYTES, copied for the new version', async t => {
  const g = global('p', { type: ptr({ kind: 'opaque', text: 'void' }), externDecl: 'extern void *klp_new_p;' })
  const pair = {
    signature: { name: 'f', params: [], returnType: int, returnTypedef: 'int KLP_TYPE_NAME', variadic: false },
    old: { globals: [g] }, new: { globals: [{ ...g, cName: 'klp_new_p' }] },
  } as unknown as FunctionPair
  const v = inputsView(planInputs(pair, { buffers: {}, nullable: [], maxSize: 3, initGlobals: false, pointerDepth: 1, callbacks: {} }), pair.signature)
  t.match(v.globals, [{ src: 'klp_src_0', inits: [{ fresh: true, old: 'klp_src_0', new: 'klp_new_p', choice: 1, size: '64', inits: [] }] }])
})

t.test('a linear sk_buff and a device\'s private area in the view: statements per version, shared declarations', async t => {
  const { skbType, netdevType, FOO_PRIV, ptrTo } = await import('../fixtures/skb-types.js')
  const pair = {
    signature: { name: 'f', params: [param('skb', ptrTo(skbType())), param('dev', ptrTo(netdevType(true)))], returnType: int, returnTypedef: 'int KLP_TYPE_NAME', variadic: false },
    old: { globals: [] }, new: { globals: [] },
    shapes: { linear: [], skbShared: null, privs: [{ param: 'dev', type: 'struct foo_priv', ctype: FOO_PRIV, flexible: 'priv' }] },
  } as unknown as FunctionPair
  const v = inputsView(planInputs(pair, { buffers: {}, nullable: [], maxSize: 3, initGlobals: false, pointerDepth: 1, callbacks: {} }), pair.signature)
  const [skb, dev] = v.pointers
  const top = skb!.object!.inits.find(i => i.skb && i.old === 'klp_src_skb')!
  t.match(top.skb!.old, [/klp_skb_\d+_room <= 3/], 'the old packet is chosen on the shared value')
  t.match(top.skb!.new[2], /^\(\(\*\(struct sk_buff \*\)\(klp_new_skb\)\)\)\.data = /, 'the new packet is the new object\'s')
  t.equal(skb!.object!.priv, null)
  t.match(v.decls.map(d => `${d.type} ${d.name}`), ['struct sk_buff klp_src_skb', '_Bool klp_c_0', 'unsigned int klp_skb_1_room', 'unsigned int klp_skb_1_len', 'unsigned int klp_skb_1_tailroom', '__typeof__(unsigned char [9]) klp_skb_1_bytes'])
  t.ok(v.decls.some(d => d.type === 'struct foo_priv' && d.name === 'klp_priv_dev'), 'the private object\'s shared value')
  t.match(dev!.object, {
    alloc: /^__CPROVER_allocate\(__builtin_offsetof\(struct net_device, priv\) \+ sizeof\(struct foo_priv\)/,
    priv: { src: 'klp_priv_dev', old: '(*(struct foo_priv *)((char *)(dev) + __builtin_offsetof(struct net_device, priv)))', inits: [{ fresh: true, old: '(klp_priv_dev).pending', new: /^\(\(\*\(struct foo_priv \*\)\(\(char \*\)\(klp_new_dev\)/ }] },
  })
})
