/**
 * The inputs of a proof as model nodes: parameters, globals and the objects the harness builds
 * behind pointers, each with its own ids (harness variables, klp_abs object ids, harness loops).
 * Pure, readonly, JSON-serialisable data; `planInputs` builds it from a FunctionPair and options.
 */
import type { CType, FunctionPair, GlobalVar } from '../extract/types.js'
import { containsPointer } from '../extract/ctypes.js'
import { UNROLL, isEmptyRecord, pointeeAllocatable, typeName, unparen } from './inputs-ctype.js'
import { OPAQUE_BYTES } from './names.js'
import { containerShapes, type ContainerShape } from './containers.js'
import { skbLayout, skbOwnFields, skbVars, type PrivShape, type SkbLayout } from './skb.js'

/** A loop the harness itself adds: `klp_harness.<id>` in cbmc's numbering, and its exact bound. */
export interface HarnessLoop {
  readonly id: number
  readonly bound: number
}

/** One step from an lvalue to a part of it: a member, an element, or the object a pointer points to. */
export type Segment =
  | { readonly field: string }
  | { readonly index: number }
  /** `*p`, cast to `name *` (qualifiers away) when the pointee has a name. */
  | { readonly deref: string | null }

/** What the harness does to one pointer-holding part of an input object so both versions may share it. */
export type ObjectInit =
  /** A function pointer with a stub behind it: the same stub for both versions. */
  | { readonly kind: 'callback'; readonly path: readonly Segment[]; readonly stub: string }
  /** A pointer beyond the depth, or to something the harness cannot allocate: NULL. */
  | { readonly kind: 'null'; readonly path: readonly Segment[] }
  /** A union or a long array holding pointers: zeroed. */
  | { readonly kind: 'clear'; readonly path: readonly Segment[] }
  /** A pointer to a fresh object (or NULL, by the choice `klp_c_<choice>`), one copy per version. */
  | {
    readonly kind: 'fresh'; readonly path: readonly Segment[]; readonly choice: number; readonly depth: number
    /** klp_abs id of the object (its handle `klp_h_{old,new}_<object>`). */
    readonly object: number
    /** An opaque pointee (`void`, an incomplete type): an object of this many bytes; null: sizeof the pointee. */
    readonly bytes: number | null
    readonly inits: readonly ObjectInit[]
  }
  /** A struct sk_buff at `path`: a linear packet (model/skb.ts); its buffer is klp_abs object `object`, its sizes klp_skb_<var>_*. */
  | { readonly kind: 'skb'; readonly path: readonly Segment[]; readonly var: number; readonly object: number; readonly label: string; readonly layout: SkbLayout
    /** Headroom, len and tailroom are each at most this (max-size). */
    readonly max: number
    /** The skb_shared_info after the buffer (the code defines it): its members to zero (no fragments); null: none. */
    readonly shared: readonly string[] | null }

export type ParamNode =
  | { readonly kind: 'scalar'; readonly index: number; readonly name: string }
  /** A function pointer a stub stands behind. */
  | { readonly kind: 'callback'; readonly index: number; readonly name: string; readonly stub: string }
  /** Passed through untouched: a function pointer (no slot) or an opaque object (a slot of klp_opaque). */
  | { readonly kind: 'opaque'; readonly index: number; readonly name: string; readonly slot: number | null }
  | {
    readonly kind: 'buffer'; readonly index: number; readonly name: string; readonly nullable: boolean
    /** Element count as harness C, and as the user reads it. */
    readonly count: string; readonly shown: string
    /** Element type name (`unsigned char` for opaque buffers); null: none, copied byte-wise. */
    readonly elem: string | null
    readonly bytes: boolean
    /** Elements hold pointers: the shared source is zeroed. */
    readonly clear: boolean
    /** Element-by-element copy into each version's buffer: loop variables klp_k_<var> and loops. */
    readonly copy: { readonly old: { readonly var: number; readonly loop: HarnessLoop }; readonly new: { readonly var: number; readonly loop: HarnessLoop } }
    readonly object: number
  }
  | {
    readonly kind: 'object'; readonly index: number; readonly name: string; readonly nullable: boolean
    /** Name of the pointee type; null: none (the new copy is made by memcpy). */
    readonly type: string | null
    readonly empty: boolean
    readonly array: boolean
    /** The entry value is kept in `klp_in_<name>` for the report. */
    readonly snapshot: boolean
    readonly depth: number
    readonly inits: readonly ObjectInit[]
    readonly object: number
    /** The parameter points at `member` inside an object of type `type` (model/containers.ts): the whole object is the input. */
    readonly container?: { readonly member: string; readonly tail: number; readonly nul?: boolean }
    /** netdev_priv(): a private object of type `type` behind the struct (model/skb.ts), its pointer members set up by `inits`. */
    readonly priv?: { readonly type: string; readonly flexible: string | null; readonly inits: readonly ObjectInit[] }
  }

export type GlobalNode =
  /** Read by both, written by neither: one object, one value. */
  | { readonly kind: 'shared'; readonly name: string; readonly cName: string; readonly source: number | null; readonly object: number }
  /** One copy per version: the same entry value (from `klp_src_<source>`), then compared. */
  | {
    readonly kind: 'paired'; readonly name: string; readonly label: string; readonly oldC: string; readonly newC: string
    readonly externDecl: string; readonly source: number | null; readonly array: boolean; readonly inits: readonly ObjectInit[]; readonly object: number
  }
  /** Constant: both copies keep their initializers; only their addresses are known. */
  | { readonly kind: 'const'; readonly name: string; readonly oldC: string; readonly newC: string; readonly externDecl: string; readonly object: number }

/** An object klp_abs knows: ids 1, 2, … in this order. */
export interface InputObject {
  readonly id: number
  readonly label: string
  readonly depth: number
}

export interface InputsModel {
  readonly params: readonly ParamNode[]
  readonly globals: readonly GlobalNode[]
  readonly objects: readonly InputObject[]
  readonly opaqueSlots: number
  readonly maxSize: number
  readonly initGlobals: boolean
  /** First free harness variable number and harness loop id after the inputs. */
  readonly nextVar: number
  readonly nextLoop: number
}

/** The options the input model depends on. */
export interface InputOptions {
  readonly buffers: Readonly<Record<string, string>>
  readonly nullable: readonly string[]
  readonly maxSize: number
  readonly initGlobals: boolean
  readonly pointerDepth: number
  /** Stubs by what they stand behind (`callbackOf`: a parameter, `struct tag.member`, `global g`). */
  readonly callbacks: Readonly<Record<string, string>>
}

class Ids {
  vars = 0
  readonly objects: InputObject[] = []
  /** The code defines struct skb_shared_info (these of its members are zeroed): a linear sk_buff's buffer is followed by one. */
  constructor(readonly opts: InputOptions, readonly skbShared: readonly string[] | null = null) {}
  /** The stub behind a parameter, member or global (own keys only: a parameter may be named `constructor`). */
  stub(key: string): string | undefined {
    return Object.hasOwn(this.opts.callbacks, key) ? this.opts.callbacks[key] : undefined
  }
  object(label: string, depth: number): number {
    this.objects.push({ id: this.objects.length + 1, label, depth })
    return this.objects.length
  }
}

/** The object inits for an lvalue of type t at `path` (see ObjectInit), depth-first as the harness writes them. */
function inits(ids: Ids, t: CType, path: readonly Segment[], depth: number, label: string): ObjectInit[] {
  switch (t.kind) {
    case 'pointer': {
      const hook = t.to.kind === 'function' ? ids.stub(`global ${label}`) : undefined
      if (hook) return [{ kind: 'callback', path, stub: hook }]
      // `void *` (or an incomplete pointee) is NULL or an opaque object like any other pointer:
      // a NULL-only `void *` would leave every path that tests it unexplored
      const opaque = t.to.kind === 'opaque'
      if (t.to.kind === 'function' || (!opaque && !pointeeAllocatable(t.to)) || depth >= ids.opts.pointerDepth) return [{ kind: 'null', path }]
      const choice = ids.vars++
      const inner = opaque ? [] : inits(ids, t.to, [...path, { deref: typeName(t.to) ?? null }], depth + 1, label)
      return [{ kind: 'fresh', path, choice, depth: depth + 1, object: ids.object(label, depth + 1), bytes: opaque ? OPAQUE_BYTES : null, inits: inner }]
    }
    case 'record': {
      if (!containsPointer(t)) return []
      if (t.union) return [{ kind: 'clear', path }]
      const skb = skbLayout(t)
      const own = skb ? skbOwnFields(skb) : new Set<string>()
      const fields = t.fields.filter(f => !f.bitfield && containsPointer(f.type) && !own.has(f.name)).flatMap(f => {
        const at = [...path, { field: f.name }]
        const hook = f.type.kind === 'pointer' && f.type.to.kind === 'function' ? ids.stub(`${t.tag}.${f.name}`) : undefined
        return hook ? [{ kind: 'callback' as const, path: at, stub: hook }] : inits(ids, f.type, at, depth, `${label}.${f.name}`)
      })
      if (!skb) return fields
      return [...fields, { kind: 'skb', path, var: ids.vars++, object: ids.object(`${label} data`, depth + 1), label, layout: skb, max: ids.opts.maxSize, shared: ids.skbShared }]
    }
    case 'array':
      if (!containsPointer(t.of)) return []
      if (t.length !== null && t.length <= UNROLL) {
        return Array.from({ length: t.length }, (_, i) => inits(ids, t.of, [...path, { index: i }], depth, `${label}[${i}]`)).flat()
      }
      return [{ kind: 'clear', path }]
    default:
      return []
  }
}

function pointerParam(ids: Ids, p: FunctionPair['signature']['params'][number], index: number, copies: { n: number; of: number }, opaque: { n: number }, shape?: ContainerShape, priv?: PrivShape): ParamNode {
  const to = (p.type as Extract<CType, { kind: 'pointer' }>).to
  const o = ids.opts
  const buf = Object.hasOwn(o.buffers, p.name) ? o.buffers[p.name] : undefined
  const nullable = o.nullable.includes(p.name)
  const stub = ids.stub(p.name)
  if (to.kind === 'function' && stub) return { kind: 'callback', index, name: p.name, stub }
  if (to.kind === 'function' || (to.kind === 'opaque' && buf === undefined)) {
    return { kind: 'opaque', index, name: p.name, slot: to.kind === 'opaque' ? opaque.n++ : null }
  }
  if (buf !== undefined) {
    const k = copies.n++
    const bound = o.maxSize + 1
    const copy = { old: { var: ids.vars++, loop: { id: k, bound } }, new: { var: ids.vars++, loop: { id: copies.of + k, bound } } }
    return {
      kind: 'buffer', index, name: p.name, nullable, count: buf, shown: unparen(buf),
      elem: to.kind === 'opaque' ? 'unsigned char' : typeName(to) ?? null, bytes: to.kind === 'opaque',
      clear: to.kind !== 'opaque' && containsPointer(to), copy, object: ids.object(p.name, 0),
    }
  }
  if (shape) {
    const init = inits(ids, shape.type, [], 0, `${p.name}'s ${shape.container}`)
    return {
      kind: 'object', index, name: p.name, nullable, type: shape.container, empty: isEmptyRecord(shape.type), array: false,
      snapshot: false, depth: 0, inits: init, object: ids.object(p.name, 0), container: { member: shape.member, tail: shape.tail, ...(shape.nul ? { nul: true } : {}) },
    }
  }
  const type = typeName(to) ?? null
  const init = inits(ids, to, [], 0, `*${p.name}`)
  const object = ids.object(p.name, 0)
  const ps = priv && { type: priv.type, flexible: priv.flexible ?? null, inits: inits(ids, priv.ctype, [], 0, `netdev_priv(${p.name})`) }
  return {
    kind: 'object', index, name: p.name, nullable, type, empty: isEmptyRecord(to), array: to.kind === 'array',
    snapshot: !type && !nullable && !isEmptyRecord(to), depth: 0, inits: init, object, ...(ps && type ? { priv: ps } : {}),
  }
}

function globalNode(ids: Ids, o: GlobalVar, nw: GlobalVar): GlobalNode {
  if (o.shared) {
    const source = ids.opts.initGlobals ? null : ids.vars++
    return { kind: 'shared', name: o.name, cName: o.cName, source, object: ids.object(`&${o.name}`, 0) }
  }
  if (o.isConst) return { kind: 'const', name: o.name, oldC: o.cName, newC: nw.cName, externDecl: nw.externDecl, object: ids.object(`&${o.name}`, 0) }
  const label = o.staticLocalOf ? `static ${o.name}` : `global ${o.name}`
  const copied = !ids.opts.initGlobals && !isEmptyRecord(o.type)
  const source = copied ? ids.vars++ : null
  const init = copied ? inits(ids, o.type, [], 0, o.name) : []
  return {
    kind: 'paired', name: o.name, label, oldC: o.cName, newC: nw.cName, externDecl: nw.externDecl,
    source, array: o.type.kind === 'array', inits: init, object: ids.object(`&${o.name}`, 0),
  }
}

/** Build the input model: pointer parameters in order, then the globals both versions have. */
export function planInputs(pair: FunctionPair, opts: InputOptions): InputsModel {
  const ids = new Ids(opts, pair.shapes?.skbShared ?? null)
  const sig = pair.signature
  const isBuffer = (p: (typeof sig.params)[number]) => {
    if (p.type.kind !== 'pointer') return false
    const to = p.type.to
    return to.kind !== 'function' && Object.hasOwn(opts.buffers, p.name)
  }
  // the copy loops: every old copy comes before every new copy in the harness
  const copies = { n: 0, of: sig.params.filter(isBuffer).length }
  const opaque = { n: 0 }
  const params: ParamNode[] = []
  sig.params.forEach((p, i) => {
    if (p.type.kind !== 'pointer') params[i] = { kind: 'scalar', index: i, name: p.name }
  })
  sig.params.forEach((p, i) => {
    if (p.type.kind === 'pointer') params[i] = pointerParam(ids, p, i, copies, opaque, containerShapes(pair).get(p.name), pair.shapes?.privs.find(s => s.param === p.name))
  })
  const newByName = new Map(pair.new.globals.map(v => [v.name, v]))
  const globals: GlobalNode[] = []
  for (const o of pair.old.globals) {
    const nw = newByName.get(o.name)
    if (nw) globals.push(globalNode(ids, o, nw))
  }
  return {
    params, globals, objects: ids.objects, opaqueSlots: opaque.n, maxSize: opts.maxSize, initGlobals: opts.initGlobals,
    nextVar: ids.vars, nextLoop: 2 * copies.of,
  }
}

/** Inputs as the report names them, with the harness variable whose last assignment holds each value. */
export function inputInfos(m: InputsModel): { readonly label: string; readonly variable: string }[] {
  const out: { label: string; variable: string }[] = []
  for (const p of m.params) if (p.kind === 'scalar') out.push({ label: p.name, variable: p.name })
  for (const p of m.params) {
    if (p.kind === 'opaque') out.push({ label: p.name, variable: p.name })
    if ((p.kind === 'buffer' || p.kind === 'object') && p.nullable) out.push({ label: `${p.name} == NULL`, variable: `klp_null_${p.name}` })
    if (p.kind === 'buffer') out.push({ label: `${p.name}[0..${p.shown})`, variable: `klp_src_${p.name}` })
    if (p.kind === 'object' && p.type) out.push({ label: `*${p.name}`, variable: `klp_src_${p.name}` })
    if (p.kind === 'object' && p.snapshot) out.push({ label: `*${p.name}`, variable: `klp_in_${p.name}` })
    if (p.kind === 'object') out.push(...skbInfos(p.inits))
    if (p.kind === 'object' && p.priv) out.push({ label: `*netdev_priv(${p.name})`, variable: `klp_priv_${p.name}` })
  }
  for (const g of m.globals) {
    if (g.kind === 'shared' && g.source !== null) out.push({ label: `global ${g.name}`, variable: `klp_src_${g.source}` })
    if (g.kind === 'paired' && g.source !== null) out.push({ label: g.label, variable: `klp_src_${g.source}` })
  }
  return out
}

/** A top-level linear sk_buff's sizes as the report names them (`skb->len`, `skb headroom`). */
function skbInfos(inits: readonly ObjectInit[]): { label: string; variable: string }[] {
  return inits.flatMap(n => {
    if (n.kind !== 'skb' || n.path.length) return []
    const skb = n.label.replace(/^\*/, '')
    const v = skbVars(n)
    return [{ label: `${skb}->len`, variable: v.len }, { label: `${skb} headroom`, variable: v.room }, { label: `${skb} tailroom`, variable: v.tailroom }]
  })
}
