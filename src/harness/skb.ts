/**
 * C for network input shapes (model/skb.ts): a linear sk_buff's buffer and sizes, and the private
 * area behind a struct net_device. The old version's statements choose (the shared nondeterministic
 * sizes klp_skb_<n>_{room,len,tailroom} under max-size); the new version's copy the old buffer's
 * bytes into its own buffer at the same offsets.
 */
import type { ObjectInit } from '../model/inputs.js'
import { privOffset, skbVars } from '../model/skb.js'

export { privLvalue, privOffset, skbVars } from '../model/skb.js'

type SkbInit = Extract<ObjectInit, { kind: 'skb' }>


/**
 * Their declarations: the sizes, and the buffer's bytes as a nondeterministic array (copied into the
 * buffer, so a native replay of a counterexample gets the same packet).
 */
export function skbDecls(n: SkbInit): { type: string; name: string }[] {
  const v = skbVars(n)
  return [
    ...[v.room, v.len, v.tailroom].map(name => ({ type: 'unsigned int', name })),
    { type: `__typeof__(unsigned char [${3 * n.max}])`, name: v.bytes },
  ]
}

/** Bytes of the buffer: headroom + len + tailroom, and the skb_shared_info after it when the code has one. */
function bufferSize(n: SkbInit): string {
  const v = skbVars(n)
  return `((unsigned long)${v.room} + ${v.len} + ${v.tailroom}${n.shared ? ' + sizeof(struct skb_shared_info)' : ''})`
}

const field = (lv: string, f: string) => `(${lv}).${f}`
const bytes = (lv: string, f: string) => `((unsigned char *)${field(lv, f)})`
const cast = (lv: string, f: string, e: string) => `${field(lv, f)} = (__typeof__(${field(lv, f)}))(${e});`

/** The old version's sk_buff at `lv`: choose the sizes, allocate the buffer, make every field agree. */
export function skbOld(n: SkbInit, lv: string): string[] {
  const v = skbVars(n)
  const tail = `${v.room} + ${v.len}`
  const end = `${v.room} + ${v.len} + ${v.tailroom}`
  const out = [
    `__CPROVER_assume(${v.room} <= ${n.max} && ${v.len} <= ${n.max} && ${v.tailroom} <= ${n.max});`,
    cast(lv, 'head', `__CPROVER_allocate(${bufferSize(n)}, 0)`),
    `memcpy((void *)${field(lv, 'head')}, (const void *)${v.bytes}, ${end});`,
    cast(lv, 'data', `${bytes(lv, 'head')} + ${v.room}`),
    `${field(lv, 'len')} = ${v.len};`,
    `${field(lv, 'data_len')} = 0;`,
    n.layout.offsets ? `${field(lv, 'tail')} = ${tail};` : cast(lv, 'tail', `${bytes(lv, 'head')} + ${tail}`),
    n.layout.offsets ? `${field(lv, 'end')} = ${end};` : cast(lv, 'end', `${bytes(lv, 'head')} + ${end}`),
  ]
  // the header offsets in order, inside the packet's linear part
  const chain = [...n.layout.headers.map(h => field(lv, h)), `(${tail})`]
  if (chain.length > 1) out.push(`__CPROVER_assume(${chain.slice(1).map((h, i) => `${chain[i]} <= ${h}`).join(' && ')});`)
  for (const z of n.shared ?? []) out.push(`((struct skb_shared_info *)(${bytes(lv, 'head')} + ${end}))->${z} = 0;`)
  out.push(`klp_h_old_${n.object} = ${field(lv, 'head')};`)
  return out
}

/** The new version's sk_buff at `nlv` (a copy of the old one at `olv`): its own buffer with the old bytes, pointers at the same offsets. */
export function skbNew(n: SkbInit, olv: string, nlv: string): string[] {
  const at = (f: string) => cast(nlv, f, `${bytes(nlv, 'head')} + (${bytes(olv, f)} - ${bytes(olv, 'head')})`)
  return [
    cast(nlv, 'head', `__CPROVER_allocate(${bufferSize(n)}, 0)`),
    `memcpy((void *)${field(nlv, 'head')}, (const void *)${field(olv, 'head')}, ${bufferSize(n)});`,
    at('data'),
    ...(n.layout.offsets ? [] : [at('tail'), at('end')]),
    `klp_h_new_${n.object} = ${field(nlv, 'head')};`,
  ]
}

/** The device's allocation: the struct and the private area after it. */
export function privAlloc(dev: string, type: string, flexible: string | null): string {
  const end = `${privOffset(dev, flexible)} + sizeof(${type})`
  return `__CPROVER_allocate(${end} > sizeof(${dev}) ? ${end} : sizeof(${dev}), 0)`
}
