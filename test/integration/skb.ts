/**
 * Network input shapes against the real cbmc. A struct sk_buff input is a linear packet (model/skb.ts):
 * the worked case harnesses/skb-pull-bound is as-claimed (old reads past the packet the option header
 * announces, new drops it) and its counterexamples are packets whose len, tail and end agree; a write
 * into the packet is compared byte by byte; netdev_priv() reaches the private object the spec names.
 */
import path from 'node:path'
import t from 'tap'
import { requireCbmc, runCase, runCli } from '../fixtures/integration.js'
import type { ProofReport } from '../../src/report/types.js'

t.before(async () => {
  await requireCbmc()
})

/** The counterexample's *skb fields and the packet sizes the report names. */
function packetOf(inputs: readonly { name: string; value: string }[]) {
  const skb = inputs.find(i => i.name === '*skb')!.value
  const field = (f: string) => Number(new RegExp(`\\.${f} = (\\d+)`).exec(skb)?.[1])
  const named = (n: string) => Number(inputs.find(i => i.name === n)?.value)
  return { len: field('len'), dataLen: field('data_len'), tail: field('tail'), end: field('end'), reportedLen: named('skb->len'), room: named('skb headroom'), tailroom: named('skb tailroom') }
}

t.test('skb-pull-bound: as-claimed, and every counterexample is a consistent linear packet', async t => {
  const { res, report } = await runCase('skb-pull-bound', ['--no-replay'])
  t.equal(report.verdict, 'as-claimed', `${report.summary} ${report.errors.join('; ')}`)
  t.equal(res.code, 0)
  t.ok(report.bounds.some(b => b.what === 'input shape' && /^skb is a linear sk_buff/.test(b.value)), 'the report states the packet shape')
  const oob = report.differences.find(d => d.kind === 'safety')!
  t.match(oob.observable, /pointer dereference in old/)
  for (const d of report.differences) {
    // the report shows the fields the code reads (and those that differ): each one shown agrees
    const p = packetOf(d.inputs)
    t.equal(p.len, p.reportedLen, `${d.observable}: skb->len as reported`)
    if (!Number.isNaN(p.dataLen)) t.equal(p.dataLen, 0, `${d.observable}: linear (data_len 0)`)
    if (!Number.isNaN(p.tail)) t.equal(p.tail, p.room + p.len, `${d.observable}: tail == headroom + len`)
    if (!Number.isNaN(p.end)) t.equal(p.end, p.room + p.len + p.tailroom, `${d.observable}: end == headroom + len + tailroom`)
    t.ok(p.len <= 6 && p.room <= 6 && p.tailroom <= 6, `${d.observable}: sizes within max-size`)
  }
  // old reads data[1 + olen] past the packet: only when the header announces more than the packet holds
  const ret = report.differences.find(d => d.observable.startsWith('return'))!
  const p = packetOf(ret.inputs)
  t.ok(p.len >= 2, 'the option header is in the packet')
  t.ok(!Number.isNaN(p.tail) && !Number.isNaN(p.end), 'old pulls past the packet: tail and end are shown')
  t.same(ret.values.find(v => v.what === 'return')?.new, '-22', 'new drops the packet')
})

const SKB = `typedef unsigned int sk_buff_data_t;
struct sk_buff { struct sk_buff *next; unsigned int len, data_len; unsigned short network_header, transport_header; sk_buff_data_t tail, end; unsigned char *head, *data; };
struct net_device { unsigned int ifindex; unsigned int mtu; unsigned char priv[]; };
struct foo_priv { unsigned int max_len; unsigned int rx_dropped; };
static inline void *netdev_priv(const struct net_device *dev) { return (void *)dev->priv; }
`

async function runPair(dir: string, args: readonly string[]): Promise<{ code: number; report: ProofReport | null; stderr: string }> {
  const res = await runCli([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--no-replay', '--format', 'json', '--max-size', '4', ...args])
  let report: ProofReport | null = null
  try {
    report = JSON.parse(res.stdout) as ProofReport
  } catch {
    report = null
  }
  return { code: res.code, report, stderr: res.stderr }
}

t.test('a write into the packet is a difference in its bytes', async t => {
  const body = (v: number) => `${SKB}int mark(struct sk_buff *skb) { if (skb->len < 1) return -1; skb->data[0] = ${v}; return 0; }\n`
  const dir = t.testdir({ 'old.c': body(1), 'new.c': body(2) })
  const { code, report } = await runPair(dir, ['--func', 'mark'])
  t.equal(report?.verdict, 'unintended')
  t.equal(code, 1)
  t.same(report!.differences.map(d => d.observable), ['memory skb->head[0..end)'], 'only the packet bytes differ')
})

t.test('netdev_priv(): the private object the spec names, compared after both runs', async t => {
  const body = (cmp: string) => `${SKB}int foo_rx(struct net_device *dev, struct sk_buff *skb)
{
	struct foo_priv *priv = netdev_priv(dev);
	if (skb->len ${cmp} priv->max_len) {
		priv->rx_dropped++;
		return -90;
	}
	return skb->len;
}
`
  const dir = t.testdir({ 'old.c': body('>'), 'new.c': body('>='), 'spec.yaml': 'function: foo_rx\nshapes:\n  dev: {netdev_priv: struct foo_priv}\n  skb: linear\n' })
  const { code, report } = await runPair(dir, ['--spec', path.join(dir, 'spec.yaml')])
  t.equal(report?.verdict, 'unintended', report?.errors.join('; '))
  t.equal(code, 1)
  t.same(report!.preExisting, [], 'no dereference error: netdev_priv() points at a whole struct foo_priv')
  t.ok(report!.bounds.some(b => b.value === "netdev_priv(dev) is a struct foo_priv (at its priv[]): the spec's shapes:"), 'the report states the private area')
  t.same(report!.differences.map(d => d.observable).sort(), ['memory netdev_priv(dev)', 'return'], 'rx_dropped differs too')
  const d = report!.differences.find(x => x.observable === 'return')!
  const maxLen = Number(/\.max_len = (\d+)/.exec(d.inputs.find(i => i.name === '*netdev_priv(dev)')?.value ?? '')?.[1])
  t.equal(maxLen, Number(d.inputs.find(i => i.name === 'skb->len')?.value), 'exactly when the packet is as long as max_len')
})

t.test('a shape that does not fit the code: one error line, a hint, exit 3', async t => {
  const body = `${SKB}int f(struct net_device *dev, unsigned int n) { return n; }\n`
  const dir = t.testdir({ 'old.c': body, 'new.c': body, 'spec.yaml': 'function: f\nshapes:\n  dev: linear\n' })
  const r = await runPair(dir, ['--spec', path.join(dir, 'spec.yaml')])
  t.equal(r.code, 3)
  t.match(r.stderr, /error: .*shapes: dev: linear: parameter dev is not a struct sk_buff pointer/)
  t.match(r.stderr, /hint: /)
})

t.test('kernel.yaml: kfree_skb frees the packet\'s struct, so a read after it is a use after free', async t => {
  const decl = `${SKB}void kfree_skb(struct sk_buff *skb);\n`
  const old = `${decl}int rx(struct sk_buff *skb) { if (skb->len < 2) { kfree_skb(skb); return -1; } kfree_skb(skb); return skb->len; }\n`
  const nw = `${decl}int rx(struct sk_buff *skb) { unsigned int len = skb->len; if (len < 2) { kfree_skb(skb); return -1; } kfree_skb(skb); return len; }\n`
  const dir = t.testdir({ 'old.c': old, 'new.c': nw })
  const { code, report } = await runPair(dir, ['--func', 'rx'])
  t.equal(code, 1)
  t.same(report!.differences.map(d => d.observable), ['safety: pointer dereference in old'], 'old reads skb->len after freeing it; new does not')
  t.match(report!.differences[0]!.detail ?? '', /deallocated dynamic object/)
})
