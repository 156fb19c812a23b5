/** The C of network input shapes: a linear sk_buff's set-up for each version, a device's private area. */
import t from 'tap'
import type { ObjectInit } from '../../src/model/inputs.js'
import { privAlloc, privLvalue, privOffset, skbDecls, skbNew, skbOld, skbVars } from '../../src/harness/skb.js'

type SkbInit = Extract<ObjectInit, { kind: 'skb' }>
const init = (over: Partial<SkbInit> = {}): SkbInit => ({
  kind: 'skb', path: [], var: 7, object: 3, label: '*skb', max: 4, shared: null,
  layout: { offsets: true, headers: ['mac_header', 'network_header', 'transport_header'] }, ...over,
})

t.test('the sizes and bytes are shared choices, declared once', async t => {
  t.same(skbVars(init()), { room: 'klp_skb_7_room', len: 'klp_skb_7_len', tailroom: 'klp_skb_7_tailroom', bytes: 'klp_skb_7_bytes' })
  t.same(skbDecls(init()).map(d => `${d.type} ${d.name}`), [
    'unsigned int klp_skb_7_room', 'unsigned int klp_skb_7_len', 'unsigned int klp_skb_7_tailroom', '__typeof__(unsigned char [12]) klp_skb_7_bytes',
  ], 'the bytes: headroom + len + tailroom at most')
})

t.test('old: sizes under max-size, one buffer, data after the headroom, tail and end as offsets, headers in order', async t => {
  t.same(skbOld(init(), 'S'), [
    '__CPROVER_assume(klp_skb_7_room <= 4 && klp_skb_7_len <= 4 && klp_skb_7_tailroom <= 4);',
    '(S).head = (__typeof__((S).head))(__CPROVER_allocate(((unsigned long)klp_skb_7_room + klp_skb_7_len + klp_skb_7_tailroom), 0));',
    'memcpy((void *)(S).head, (const void *)klp_skb_7_bytes, klp_skb_7_room + klp_skb_7_len + klp_skb_7_tailroom);',
    '(S).data = (__typeof__((S).data))(((unsigned char *)(S).head) + klp_skb_7_room);',
    '(S).len = klp_skb_7_len;',
    '(S).data_len = 0;',
    '(S).tail = klp_skb_7_room + klp_skb_7_len;',
    '(S).end = klp_skb_7_room + klp_skb_7_len + klp_skb_7_tailroom;',
    '__CPROVER_assume((S).mac_header <= (S).network_header && (S).network_header <= (S).transport_header && (S).transport_header <= (klp_skb_7_room + klp_skb_7_len));',
    'klp_h_old_3 = (S).head;',
  ])
})

t.test('old with pointers for tail and end, no headers, and a skb_shared_info after the buffer', async t => {
  const c = skbOld(init({ layout: { offsets: false, headers: [] }, shared: ['nr_frags', 'frag_list'] }), 'S')
  t.match(c[1], /__CPROVER_allocate\(\(\(unsigned long\)klp_skb_7_room \+ klp_skb_7_len \+ klp_skb_7_tailroom \+ sizeof\(struct skb_shared_info\)\), 0\)/)
  t.same(c.slice(6), [
    '(S).tail = (__typeof__((S).tail))(((unsigned char *)(S).head) + klp_skb_7_room + klp_skb_7_len);',
    '(S).end = (__typeof__((S).end))(((unsigned char *)(S).head) + klp_skb_7_room + klp_skb_7_len + klp_skb_7_tailroom);',
    '((struct skb_shared_info *)(((unsigned char *)(S).head) + klp_skb_7_room + klp_skb_7_len + klp_skb_7_tailroom))->nr_frags = 0;',
    '((struct skb_shared_info *)(((unsigned char *)(S).head) + klp_skb_7_room + klp_skb_7_len + klp_skb_7_tailroom))->frag_list = 0;',
    'klp_h_old_3 = (S).head;',
  ])
  t.notOk(c.some(l => l.includes('mac_header')), 'no header assumption without header offsets')
})

t.test('new: its own buffer with the old bytes, its pointers at the old offsets', async t => {
  t.same(skbNew(init(), 'O', 'N'), [
    '(N).head = (__typeof__((N).head))(__CPROVER_allocate(((unsigned long)klp_skb_7_room + klp_skb_7_len + klp_skb_7_tailroom), 0));',
    'memcpy((void *)(N).head, (const void *)(O).head, ((unsigned long)klp_skb_7_room + klp_skb_7_len + klp_skb_7_tailroom));',
    '(N).data = (__typeof__((N).data))(((unsigned char *)(N).head) + (((unsigned char *)(O).data) - ((unsigned char *)(O).head)));',
    'klp_h_new_3 = (N).head;',
  ])
  const p = skbNew(init({ layout: { offsets: false, headers: [] } }), 'O', 'N')
  t.same(p.slice(3, 5), [
    '(N).tail = (__typeof__((N).tail))(((unsigned char *)(N).head) + (((unsigned char *)(O).tail) - ((unsigned char *)(O).head)));',
    '(N).end = (__typeof__((N).end))(((unsigned char *)(N).head) + (((unsigned char *)(O).end) - ((unsigned char *)(O).head)));',
  ], 'pointer tail and end move with the buffer')
})

t.test('netdev_priv: at the flexible array member, or after the struct aligned to NETDEV_ALIGN', async t => {
  t.equal(privOffset('struct net_device', 'priv'), '__builtin_offsetof(struct net_device, priv)')
  t.equal(privOffset('struct net_device', null), '((sizeof(struct net_device) + 31) & ~(unsigned long)31)')
  t.equal(privAlloc('struct net_device', 'struct foo_priv', 'priv'),
    '__CPROVER_allocate(__builtin_offsetof(struct net_device, priv) + sizeof(struct foo_priv) > sizeof(struct net_device) ? __builtin_offsetof(struct net_device, priv) + sizeof(struct foo_priv) : sizeof(struct net_device), 0)')
  t.equal(privLvalue('dev', 'struct net_device', 'struct foo_priv', 'priv'), '(*(struct foo_priv *)((char *)(dev) + __builtin_offsetof(struct net_device, priv)))')
})
