/**
 * Network input shapes (pure). A `struct sk_buff` input is a linear packet, as real code receives
 * one: `head` points at a buffer of headroom + len + tailroom bytes (and the skb_shared_info the
 * kernel keeps at `end`, when the code defines that type), `data` points into it after the headroom,
 * `len` bytes of packet follow, `tail`/`end` agree (offsets from head as Linux 6.x keeps them on
 * 64-bit, or pointers), `data_len` is 0 (no fragments) and the header offsets lie in order inside
 * the buffer. Reads under `i < skb->len`, skb_headlen() and pskb_may_pull() are then in bounds
 * exactly when they are in the kernel. A `struct net_device` input may carry the private area
 * netdev_priv() returns, of a type the spec names (`shapes: {dev: {netdev_priv: struct foo_priv}}`).
 */
import type { CType, FunctionPair } from '../extract/types.js'
import type { ObjectInit } from './inputs.js'
import { VAR } from './names.js'
export type { NetShapes, PrivShape } from '../extract/types.js'

/** How an sk_buff records its buffer, read from the code's own struct. */
export interface SkbLayout {
  /** tail and end are offsets from head (`sk_buff_data_t` is `unsigned int`: 64-bit Linux); false: pointers. */
  readonly offsets: boolean
  /** The header offsets (u16 from head) the struct has, outermost first: mac_header, network_header, transport_header. */
  readonly headers: readonly string[]
}

export const SKB_HEADERS = ['mac_header', 'network_header', 'transport_header'] as const

/** The type the kernel keeps at skb->head + skb->end (skb_shinfo()). */
export const SKB_SHARED_INFO = 'struct skb_shared_info'

/** Its members a linear packet has zeroed: no page fragments, no frag list, no zero-copy state. */
export const SKB_SHARED_ZERO = ['nr_frags', 'frag_list', 'destructor_arg'] as const

/** The layout of `struct sk_buff` if t is one with the fields a linear packet needs; undefined otherwise. */
export function skbLayout(t: CType): SkbLayout | undefined {
  if (t.kind !== 'record' || t.union || t.tag !== 'sk_buff') return undefined
  const field = (n: string) => t.fields.find(f => f.name === n && !f.bitfield)?.type
  const [head, data, len, dataLen, tail, end] = ['head', 'data', 'len', 'data_len', 'tail', 'end'].map(field)
  if (head?.kind !== 'pointer' || data?.kind !== 'pointer' || len?.kind !== 'scalar' || dataLen?.kind !== 'scalar') return undefined
  if (!tail || tail.kind !== end?.kind || (tail.kind !== 'scalar' && tail.kind !== 'pointer')) return undefined
  return { offsets: tail.kind === 'scalar', headers: SKB_HEADERS.filter(h => field(h)?.kind === 'scalar') }
}

/** The fields a linear packet's set-up writes: the generic object set-up leaves them alone. */
export function skbOwnFields(layout: SkbLayout): ReadonlySet<string> {
  return new Set(['head', 'data', ...(layout.offsets ? [] : ['tail', 'end'])])
}

/** A spec's shape for a parameter (config schema `shapes:`). */
export type ShapeSpec = 'linear' | { readonly netdev_priv: string }

/** Bytes netdev_priv() aligns the private area to after struct net_device in kernels without `priv[]` (NETDEV_ALIGN). */
export const NETDEV_ALIGN = 32

/** The skb layout of a pointer's pointee, if it is a struct sk_buff. */
export function pointeeSkb(t: CType): SkbLayout | undefined {
  return t.kind === 'pointer' ? skbLayout(t.to) : undefined
}

/** A depth-1 `struct sk_buff *` member of a record parameter's pointee: its name, or undefined. */
function skbMembers(t: CType): string[] {
  const to = t.kind === 'pointer' ? t.to : undefined
  if (to?.kind !== 'record' || skbLayout(to)) return []
  return to.fields.filter(f => pointeeSkb(f.type)).map(f => f.name)
}

/** The report's rows about network shapes: every sk_buff parameter and member, every private area. */
export function skbBounds(pair: FunctionPair): { what: string; value: string; isDefault: boolean }[] {
  const rows: { what: string; value: string; isDefault: boolean }[] = []
  const linear = 'a linear sk_buff: head buffer of headroom + len + tailroom bytes (each at most max-size), data = head + headroom, tail = data + len, data_len 0 (no fragments)'
  // (verify's tests mock a pair without a signature: nothing to read there)
  for (const p of pair.signature?.params ?? []) {
    const layout = pointeeSkb(p.type)
    if (layout) {
      const hdrs = layout.headers.length ? `, ${layout.headers.join(' <= ')} <= tail` : ''
      const stated = pair.shapes?.linear.includes(p.name) ?? false
      rows.push({ what: 'input shape', value: `${p.name} is ${linear}${hdrs}${stated ? ": the spec's shapes:" : ''}`, isDefault: !stated })
    }
    for (const m of skbMembers(p.type)) rows.push({ what: 'input shape', value: `${p.name}->${m} (when not NULL) is ${linear}`, isDefault: true })
  }
  for (const s of pair.shapes?.privs ?? []) {
    const where = s.flexible ? `its ${s.flexible}[]` : `the struct, aligned to ${NETDEV_ALIGN} bytes`
    rows.push({ what: 'input shape', value: `netdev_priv(${s.param}) is a ${s.type} (at ${where}): the spec's shapes:`, isDefault: false })
  }
  return rows
}

/** The offset of netdev_priv() in a device of type `dev`: its flexible array member, or the struct's size aligned to NETDEV_ALIGN. */
export function privOffset(dev: string, flexible: string | null): string {
  return flexible ? `__builtin_offsetof(${dev}, ${flexible})` : `((sizeof(${dev}) + ${NETDEV_ALIGN - 1}) & ~(unsigned long)${NETDEV_ALIGN - 1})`
}

/** The private object of the device `ptr` points at, as an lvalue. */
export function privLvalue(ptr: string, dev: string, type: string, flexible: string | null): string {
  return `(*(${type} *)((char *)(${ptr}) + ${privOffset(dev, flexible)}))`
}

/** The packet buffer of a parameter's own linear sk_buff (its skb init at the root), compared byte by byte after both runs. */
export interface PacketCompare {
  readonly label: string
  /** Each version's buffer as allocated at entry (the handle of its klp_abs object). */
  readonly old: string
  readonly new: string
  /** Its length (harness C) and the most it can be. */
  readonly count: string
  readonly max: number
}

export function packetCompares(name: string, inits: readonly ObjectInit[]): PacketCompare[] {
  return inits.flatMap(n => {
    if (n.kind !== 'skb' || n.path.length) return []
    const v = skbVars(n)
    return [{
      label: `${name}->head[0..end)`, old: `((const unsigned char *)klp_h_old_${n.object})`, new: `((const unsigned char *)klp_h_new_${n.object})`,
      count: `((unsigned long)${v.room} + ${v.len} + ${v.tailroom})`, max: 3 * n.max,
    }]
  })
}

/** A device parameter's private object (spec `shapes:`), compared after both runs: each version's lvalue and its type. */
export function privCompares(pair: FunctionPair, p: { readonly name: string; readonly type: string | null }): { label: string; old: string; new: string; ctype: CType }[] {
  const s = pair.shapes?.privs.find(x => x.param === p.name)
  if (!s || !p.type) return []
  const at = (v: string) => privLvalue(v, p.type!, s.type, s.flexible ?? null)
  return [{ label: `netdev_priv(${p.name})`, old: at(p.name), new: at(VAR.newParam(p.name)), ctype: s.ctype }]
}

/** The names of an sk_buff's sizes and packet bytes (harness variables, declared with the other shared choices). */
export function skbVars(n: { readonly var: number }): { room: string; len: string; tailroom: string; bytes: string } {
  return { room: `klp_skb_${n.var}_room`, len: `klp_skb_${n.var}_len`, tailroom: `klp_skb_${n.var}_tailroom`, bytes: `klp_skb_${n.var}_bytes` }
}
