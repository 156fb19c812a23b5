/** The spec's shapes: checked against the code's own types; skb_shared_info found when the code defines it. */
import t from 'tap'
import { analyzeUnit } from '../../src/extract/unit.js'
import { resolveShapes } from '../../src/extract/shapes.js'
import { functionSignature } from '../../src/extract/signature.js'
import { ConfigError } from '../../src/errors.js'

const TYPES = `typedef unsigned int sk_buff_data_t;
struct sk_buff { struct sk_buff *next; unsigned int len, data_len; sk_buff_data_t tail, end; unsigned char *head, *data; };
struct net_device { int ifindex; unsigned char priv[]; };
struct old_device { int ifindex; };
struct foo_priv { unsigned int mtu; struct sk_buff *pending; };
typedef struct { int x; } bar_priv_t;
union u { int a; };
`
const FN = 'int f(struct sk_buff *skb, struct net_device *dev, struct old_device *od, int n, union u *up, struct foo_priv *fp) { return n; }'

t.test('linear and netdev_priv shapes that fit the code', async t => {
  const u = await analyzeUnit(`${TYPES}\n${FN}\n`)
  const sig = functionSignature(u, u.functions.get('f')!)
  t.equal(resolveShapes(u, sig, {}), undefined, 'nothing stated, no skb_shared_info: nothing')
  const s = resolveShapes(u, sig, { skb: 'linear', od: { netdev_priv: 'bar_priv_t' }, dev: { netdev_priv: 'struct  foo_priv' } })!
  t.same(s.linear, ['skb'])
  t.equal(s.skbShared, null)
  t.same(s.privs.map(p => [p.param, p.type, p.flexible, p.ctype.kind]), [
    ['dev', 'struct foo_priv', 'priv', 'record'],
    ['od', 'bar_priv_t', undefined, 'record'],
  ], 'sorted by parameter; a 6.x device has priv[], an older one none; a typedef names the type')
})

t.test('skb_shared_info: defined by the code, with the members a linear packet zeroes', async t => {
  const u = await analyzeUnit(`${TYPES}
struct skb_shared_info { unsigned char flags; unsigned char nr_frags; struct sk_buff *frag_list; void *destructor_arg; unsigned int gso_size; };
${FN}
`)
  const sig = functionSignature(u, u.functions.get('f')!)
  t.same(resolveShapes(u, sig, {}), { linear: [], privs: [], skbShared: ['nr_frags', 'frag_list', 'destructor_arg'] })
  const u2 = await analyzeUnit(`${TYPES}\nstruct skb_shared_info { unsigned int gso_size; };\n${FN}\n`)
  t.same(resolveShapes(u2, functionSignature(u2, u2.functions.get('f')!), {})?.skbShared, [], 'none of them: nothing to zero')
})

t.test('a shape that does not fit is a ConfigError with a hint', async t => {
  const u = await analyzeUnit(`${TYPES}\nstruct sk_buff_head { struct sk_buff *next; };\nint g(struct sk_buff_head *h, int n, union u *up, struct foo_priv *fp, struct net_device *dev) { return n; }\n`)
  const sig = functionSignature(u, u.functions.get('g')!)
  const rows: [string, Parameters<typeof resolveShapes>[2], RegExp, RegExp][] = [
    ['no such parameter', { x: 'linear' }, /^shapes: x: g\(\) has no parameter x$/, /^parameters: h, n, up, fp, dev$/],
    ['linear on another struct', { h: 'linear' }, /^shapes: h: linear: parameter h is not a struct sk_buff pointer with head, data, len, data_len, tail and end \(struct sk_buff_head \*\)$/, /struct sk_buff \*/],
    ['linear on a number', { n: 'linear' }, /parameter n is not a struct sk_buff pointer/, /packet/],
    ['netdev_priv on a number', { n: { netdev_priv: 'struct foo_priv' } }, /^shapes: n: netdev_priv: parameter n is not a pointer to a struct \(int\)$/, /struct net_device/],
    ['netdev_priv on a union', { up: { netdev_priv: 'struct foo_priv' } }, /parameter up is not a pointer to a struct/, /net_device/],
    ['an unknown private type', { dev: { netdev_priv: 'struct nope' } }, /^shapes: dev: netdev_priv: the code of g\(\) defines no struct or union struct nope$/, /as the code names it/],
  ]
  for (const [what, spec, msg, hint] of rows) {
    const err = (() => {
      try {
        resolveShapes(u, sig, spec)
      } catch (e) {
        return e
      }
      return undefined
    })()
    t.ok(err instanceof ConfigError, what)
    t.match((err as ConfigError).message, msg, what)
    t.match((err as ConfigError).hint, hint, `${what}: hint`)
  }
  const none = await analyzeUnit('int h(void) { return 0; }\n')
  t.throws(() => resolveShapes(none, functionSignature(none, none.functions.get('h')!), { x: 'linear' }), { hint: /parameters: none/ })
})
