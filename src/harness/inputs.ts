/**
 * The inputs part of a harness: the template's view of the input model (templates/partials/
 * param-*, object-*, buffer-copy, global-*, init-*). Resolves model paths into C lvalues; the
 * partials carry the C statements.
 */
import type { FunctionSignature } from '../extract/types.js'
import type { GlobalNode, InputsModel, ObjectInit, ParamNode, Segment } from '../model/inputs.js'
import { containerAlloc, containerLvalue, containerTailCopy, containerTailEnd } from './containers.js'
import { privAlloc, privLvalue, skbDecls, skbNew, skbOld } from './skb.js'

/** The C lvalue `path` names, starting from `base`. */
export function lvalue(base: string, path: readonly Segment[]): string {
  return path.reduce((at, s) => {
    if ('field' in s) return `(${at}).${s.field}`
    if ('index' in s) return `(${at})[${s.index}]`
    return s.deref ? `(*(${s.deref} *)(${at}))` : `(*(${at}))`
  }, base)
}

export interface InitView {
  readonly fresh: boolean
  /** Assigned to the old lvalue (a stub, or 0); null: nothing. */
  readonly set: string | null
  readonly clear: boolean
  readonly old: string
  readonly new: string
  readonly choice: number
  readonly object: number
  /** Bytes of a fresh object (C). */
  readonly size: string
  readonly inits: readonly InitView[]
  /** A linear sk_buff's set-up statements for each version (harness/skb.ts), or null. */
  readonly skb: { readonly old: readonly string[]; readonly new: readonly string[] } | null
}

function initView(n: ObjectInit, oldBase: string, newBase: string): InitView {
  const old = lvalue(oldBase, n.path)
  const nw = lvalue(newBase, n.path)
  const base = { fresh: false, set: null, clear: false, old, new: nw, choice: 0, object: 0, size: '', inits: [], skb: null }
  switch (n.kind) {
    case 'skb':
      return { ...base, skb: { old: skbOld(n, old), new: skbNew(n, old, nw) } }
    case 'callback':
      return { ...base, set: n.stub }
    case 'null':
      return { ...base, set: '0' }
    case 'clear':
      return { ...base, clear: true }
    case 'fresh':
      return {
        ...base, fresh: true, choice: n.choice, object: n.object, size: n.bytes === null ? `sizeof(*(${old}))` : String(n.bytes),
        inits: n.inits.map(i => initView(i, oldBase, newBase)),
      }
  }
}

/** Declarations the set-up code of both versions shares (nondeterministic choices), in variable order. */
export interface DeclView {
  readonly type: string
  readonly name: string
}

function choiceDecls(inits: readonly ObjectInit[]): DeclView[] {
  return inits.flatMap(n => {
    if (n.kind === 'skb') return skbDecls(n)
    return n.kind === 'fresh' ? [{ type: '_Bool', name: `klp_c_${n.choice}` }, ...choiceDecls(n.inits)] : []
  })
}

export interface ParamView {
  readonly name: string
  readonly T: string
  readonly nv: string
  readonly callback: string | null
  readonly opaque: { readonly slot: number } | null
  readonly nullable: boolean
  readonly buffer: BufferView | null
  readonly object: ObjectView | null
}

interface CopyView {
  readonly side: 'old' | 'new'
  readonly dst: string
  readonly k: string
}

interface BufferView {
  readonly name: string
  readonly T: string
  readonly count: string
  readonly len: string
  readonly src: string
  readonly elem: string | null
  readonly elemT: string
  readonly clear: boolean
  readonly nullable: boolean
  readonly object: number
  readonly old: CopyView
  readonly new: CopyView
}

interface ObjectView {
  readonly name: string
  readonly T: string
  readonly nv: string
  readonly src: string
  readonly type: string | null
  readonly empty: boolean
  readonly array: boolean
  readonly snapshot: boolean
  readonly nullable: boolean
  readonly object: number
  readonly inits: readonly InitView[]
  /** The allocation (C, before the cast to T) and the whole object in each version (a container's, harness/containers.ts). */
  readonly alloc: string
  readonly whole: string
  readonly wholeNew: string
  /** A container's flexible-array tail copied from old to new (C statement), or null. */
  readonly tailCopy: string | null
  /** The old container's char tail ends in 0 (C statement), or null. */
  readonly tailEnd: string | null
  /** netdev_priv(): the private object's shared value, each version's lvalue, its pointer members' set-up. */
  readonly priv: { readonly src: string; readonly old: string; readonly new: string; readonly inits: readonly InitView[] } | null
}

function paramView(p: Exclude<ParamNode, { kind: 'scalar' }>): ParamView {
  const T = `klp_p${p.index}_t`
  const nv = `klp_new_${p.name}`
  const view: ParamView = { name: p.name, T, nv, callback: null, opaque: null, nullable: false, buffer: null, object: null }
  switch (p.kind) {
    case 'callback':
      return { ...view, callback: p.stub }
    case 'opaque':
      return { ...view, opaque: p.slot === null ? null : { slot: p.slot } }
    case 'buffer': {
      const k = (side: 'old' | 'new', dst: string) => ({ side, dst, k: `klp_k_${p.copy[side].var}` })
      return {
        ...view, nullable: p.nullable,
        buffer: {
          name: p.name, T, count: p.count, len: `klp_len_${p.name}`, src: `klp_src_${p.name}`, elem: p.elem,
          elemT: p.elem ?? `__typeof__(*(${T})0)`, clear: p.clear, nullable: p.nullable, object: p.object,
          old: k('old', p.name), new: k('new', nv),
        },
      }
    }
    case 'object': {
      const src = `klp_src_${p.name}`
      const c = p.container && p.type ? { type: p.type, member: p.container.member, tail: p.container.tail, nul: p.container.nul ?? false } : null
      const deref = (v: string) => (c ? containerLvalue(v, c.type, c.member) : lvalue(v, [{ deref: p.type }]))
      const inits = p.inits.map(i => initView(i, p.type ? src : deref(p.name), deref(nv)))
      const pv = p.priv && p.type ? { ...p.priv, dev: p.type } : null
      const priv = pv && {
        src: `klp_priv_${p.name}`, old: privLvalue(p.name, pv.dev, pv.type, pv.flexible), new: privLvalue(nv, pv.dev, pv.type, pv.flexible),
        inits: pv.inits.map(i => initView(i, `klp_priv_${p.name}`, privLvalue(nv, pv.dev, pv.type, pv.flexible))),
      }
      const alloc = c ? containerAlloc(c.type, c.member, c.tail) : pv ? privAlloc(pv.dev, pv.type, pv.flexible) : `__CPROVER_allocate(sizeof(*${p.name}), 0)`
      const whole = (v: string) => (c ? containerLvalue(v, c.type, c.member) : `*(${p.type} *)${v}`)
      return {
        ...view, nullable: p.nullable,
        object: {
          name: p.name, T, nv, src, type: p.type, empty: p.empty, array: p.array, snapshot: p.snapshot, nullable: p.nullable, object: p.object, inits,
          alloc, whole: whole(p.name), wholeNew: whole(nv), tailCopy: c ? containerTailCopy(p.name, nv, c.type, c.member, c.tail) : null,
          tailEnd: c ? containerTailEnd(p.name, c.type, c.member, c.tail, c.nul) : null, priv,
        },
      }
    }
  }
}

export interface GlobalView {
  readonly old: string
  readonly new: string
  readonly src: string | null
  /** The new copy takes the shared value too (not for one shared object). */
  readonly copyNew: boolean
  readonly array: boolean
  readonly object: number
  readonly inits: readonly InitView[]
}

function globalView(g: GlobalNode): GlobalView {
  switch (g.kind) {
    case 'shared':
      return { old: g.cName, new: g.cName, src: g.source === null ? null : `klp_src_${g.source}`, copyNew: false, array: false, object: g.object, inits: [] }
    case 'const':
      return { old: g.oldC, new: g.newC, src: null, copyNew: false, array: false, object: g.object, inits: [] }
    case 'paired': {
      const src = g.source === null ? null : `klp_src_${g.source}`
      return { old: g.oldC, new: g.newC, src, copyNew: true, array: g.array, object: g.object, inits: src ? g.inits.map(i => initView(i, src, g.newC)) : [] }
    }
  }
}

function globalDecls(g: GlobalNode): DeclView[] {
  if (g.kind === 'const' || g.source === null) return []
  const cName = g.kind === 'shared' ? g.cName : g.oldC
  return [{ type: `__typeof__(${cName})`, name: `klp_src_${g.source}` }, ...(g.kind === 'paired' ? choiceDecls(g.inits) : [])]
}

export interface InputsView {
  readonly scalars: readonly { readonly T: string; readonly name: string }[]
  readonly pointers: readonly ParamView[]
  readonly decls: readonly DeclView[]
  readonly globals: readonly GlobalView[]
  /** extern declarations of the new version's copies of globals. */
  readonly externs: readonly string[]
  readonly typedefs: readonly string[]
  readonly objects: readonly { readonly id: number }[]
  readonly opaqueSlots: number
  readonly maxSize: number
}

const TYPE_NAME = 'KLP_TYPE_NAME'

/** A device's private object: its shared value, then its pointer members' choices. */
function privDecls(p: Extract<ParamNode, { kind: 'object' }>): DeclView[] {
  return p.priv && p.type ? [{ type: p.priv.type, name: `klp_priv_${p.name}` }, ...choiceDecls(p.priv.inits)] : []
}

export function inputsView(m: InputsModel, sig: FunctionSignature): InputsView {
  const pointers = m.params.filter(p => p.kind !== 'scalar')
  const objectDecls = pointers.flatMap(p => (p.kind === 'object' ? [...(p.type ? [{ type: p.type, name: `klp_src_${p.name}` }] : []), ...choiceDecls(p.inits), ...privDecls(p)] : []))
  return {
    scalars: m.params.filter(p => p.kind === 'scalar').map(p => ({ T: `klp_p${p.index}_t`, name: p.name })),
    pointers: pointers.map(paramView),
    decls: [...objectDecls, ...m.globals.flatMap(globalDecls)],
    globals: m.globals.map(globalView),
    externs: m.globals.flatMap(g => (g.kind === 'shared' ? [] : [g.externDecl])),
    typedefs: [
      ...sig.params.map((p, i) => `typedef ${p.typedefText.replace(TYPE_NAME, `klp_p${i}_t`)};`),
      `typedef ${sig.returnTypedef.replace(TYPE_NAME, 'klp_ret_t')};`,
    ],
    objects: m.objects.map(o => ({ id: o.id })),
    opaqueSlots: Math.max(1, m.opaqueSlots),
    maxSize: m.maxSize,
  }
}
