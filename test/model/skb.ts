/** Network input shapes, as tables over hand-built types: which structs are sk_buffs, what the report says. */
import t from 'tap'
import type { CType, FunctionPair, Param } from '../../src/extract/types.js'
import { pointeeSkb, skbBounds, skbLayout, skbOwnFields } from '../../src/model/skb.js'
import { FOO_PRIV, U8, UINT, netdevType, ptrTo, record, skbType } from '../fixtures/skb-types.js'

t.test('skbLayout: a struct sk_buff with head, data, len, data_len, tail and end', async t => {
  t.same(skbLayout(skbType()), { offsets: true, headers: ['mac_header', 'network_header', 'transport_header'] }, '6.12 on 64-bit: offsets')
  t.same(skbLayout(skbType({ offsets: false, headers: false })), { offsets: false, headers: [] }, 'pointers, no header offsets')
  const drop = (name: string): CType => ({ ...skbType(), fields: skbType().fields.filter(f => f.name !== name) })
  const rows: [string, CType][] = [
    ['another tag', skbType({ tag: 'sk_buff_head' })],
    ['a union', { ...skbType(), union: true }],
    ['not a record', UINT],
    ['no head', drop('head')],
    ['no data', drop('data')],
    ['no len', drop('len')],
    ['no data_len', drop('data_len')],
    ['no tail', drop('tail')],
    ['no end', drop('end')],
    ['tail and end of different kinds', { ...skbType(), fields: skbType().fields.map(f => (f.name === 'end' ? { ...f, type: ptrTo(U8) } : f)) }],
    ['tail of another kind', { ...skbType(), fields: skbType().fields.map(f => (f.name === 'tail' || f.name === 'end' ? { ...f, type: { kind: 'opaque', text: 'x' } as CType } : f)) }],
    ['len a bit-field', { ...skbType(), fields: skbType().fields.map(f => (f.name === 'len' ? { ...f, bitfield: true } : f)) }],
  ]
  for (const [what, type] of rows) t.equal(skbLayout(type), undefined, what)
  t.same(pointeeSkb(ptrTo(skbType())), skbLayout(skbType()))
  t.equal(pointeeSkb(skbType()), undefined, 'the struct itself is no pointer to one')
})

t.test('skbOwnFields: the generic set-up leaves the buffer pointers (and pointer tail/end) to the shape', async t => {
  t.same([...skbOwnFields({ offsets: true, headers: [] })], ['head', 'data'])
  t.same([...skbOwnFields({ offsets: false, headers: [] })], ['head', 'data', 'tail', 'end'])
})

const param = (name: string, type: CType): Param => ({ name, type, typedefText: '' })
const pairOf = (params: Param[], over: Partial<FunctionPair> = {}): FunctionPair =>
  ({ signature: { name: 'f', params, returnType: UINT, returnTypedef: '', variadic: false }, ...over }) as unknown as FunctionPair

t.test('skbBounds: each sk_buff parameter and member, each private area, who chose it', async t => {
  const holder = record('holder', [['skb', ptrTo(skbType())], ['n', UINT]])
  const rows = skbBounds(pairOf([param('skb', ptrTo(skbType())), param('h', ptrTo(holder)), param('n', UINT), param('p', ptrTo(skbType({ headers: false })))]))
  t.same(rows.map(r => [r.what, r.isDefault]), [['input shape', true], ['input shape', true], ['input shape', true]])
  t.match(rows[0]!.value, /^skb is a linear sk_buff: .*data_len 0 \(no fragments\), mac_header <= network_header <= transport_header <= tail$/)
  t.match(rows[1]!.value, /^h->skb \(when not NULL\) is a linear sk_buff/)
  t.match(rows[2]!.value, /^p is a linear sk_buff: .*fragments\)$/, 'no header offsets: none named')
  const stated = skbBounds(pairOf([param('skb', ptrTo(skbType())), param('dev', ptrTo(netdevType(true))), param('old', ptrTo(netdevType(false)))], {
    shapes: { linear: ['skb'], skbShared: null, privs: [{ param: 'dev', type: 'struct foo_priv', ctype: FOO_PRIV, flexible: 'priv' }, { param: 'old', type: 'struct foo_priv', ctype: FOO_PRIV }] },
  }))
  t.same(stated.map(r => r.isDefault), [false, false, false], "stated by the spec's shapes:")
  t.match(stated[0]!.value, /: the spec's shapes:$/)
  t.same(stated.slice(1).map(r => r.value), [
    "netdev_priv(dev) is a struct foo_priv (at its priv[]): the spec's shapes:",
    "netdev_priv(old) is a struct foo_priv (at the struct, aligned to 32 bytes): the spec's shapes:",
  ])
  t.same(skbBounds({ signature: undefined } as unknown as FunctionPair), [], "a mocked pair without a signature (verify's tests)")
  t.same(skbBounds(pairOf([param('s', ptrTo(skbType()))], {})).length, 1)
})

t.test('packetCompares: a parameter\'s own packet only; names and C shared with the harness', async t => {
  const { packetCompares, privLvalue, privOffset, skbVars } = await import('../../src/model/skb.js')
  const layout = { offsets: true, headers: [] }
  const inits = [
    { kind: 'skb' as const, path: [{ field: 'next' }], var: 1, object: 2, label: '*skb', max: 4, shared: null, layout },
    { kind: 'null' as const, path: [{ field: 'prev' }] },
    { kind: 'skb' as const, path: [], var: 3, object: 4, label: '*skb', max: 4, shared: null, layout },
  ]
  t.same(packetCompares('skb', inits), [{
    label: 'skb->head[0..end)', old: '((const unsigned char *)klp_h_old_4)', new: '((const unsigned char *)klp_h_new_4)',
    count: '((unsigned long)klp_skb_3_room + klp_skb_3_len + klp_skb_3_tailroom)', max: 12,
  }])
  t.same(skbVars({ var: 3 }), { room: 'klp_skb_3_room', len: 'klp_skb_3_len', tailroom: 'klp_skb_3_tailroom', bytes: 'klp_skb_3_bytes' })
  t.equal(privOffset('struct d', null), '((sizeof(struct d) + 31) & ~(unsigned long)31)')
  t.equal(privLvalue('x', 'struct d', 'T', 'p'), '(*(T *)((char *)(x) + __builtin_offsetof(struct d, p)))')
})

t.test('privCompares: a device parameter with a stated private object, named by its type', async t => {
  const { privCompares } = await import('../../src/model/skb.js')
  const pair = pairOf([], { shapes: { linear: [], skbShared: null, privs: [{ param: 'dev', type: 'struct foo_priv', ctype: FOO_PRIV }] } })
  t.same(privCompares(pair, { name: 'dev', type: 'struct net_device' }), [{
    label: 'netdev_priv(dev)', old: '(*(struct foo_priv *)((char *)(dev) + ((sizeof(struct net_device) + 31) & ~(unsigned long)31)))',
    new: '(*(struct foo_priv *)((char *)(klp_new_dev) + ((sizeof(struct net_device) + 31) & ~(unsigned long)31)))', ctype: FOO_PRIV,
  }])
  t.same(privCompares(pair, { name: 'dev', type: null }), [], 'an unnamed device type: nothing to cast to')
  t.same(privCompares(pair, { name: 'other', type: 'struct net_device' }), [], 'no shape for this parameter')
  t.same(privCompares(pairOf([]), { name: 'dev', type: 'struct net_device' }), [], 'no shapes at all')
})
