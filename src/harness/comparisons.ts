/**
 * The comparisons part of a harness: the template's view of the observable nodes (templates/
 * partials/compare*.c.hbs), one `klp_same_<index>` and one KLP_EQ property per observable.
 */
import { lvalue } from './inputs.js'
import { MARK, VAR } from '../model/names.js'
import type { ComparePart, Equality, ObservableNode, ObservableRoot } from '../model/observables.js'
import type { ObservableKind } from '../model/types.js'
import { containerLvalue } from './containers.js'

/**
 * Two floating-point values are the same when they are equal as numbers (so -0.0 and 0.0 are) or
 * both NaN: `==` alone says a NaN differs from itself, and would report an unchanged function that
 * returns NaN as changed (natively too: the replay builds the same comparison).
 */
export function sameFloatC(o: string, n: string): string {
  return `((${o}) == (${n}) || ((${o}) != (${o}) && (${n}) != (${n})))`
}

/** A C boolean expression: the values at `o` and `n` are equal. */
export function equalityC(e: Equality, o: string, n: string): string {
  switch (e.kind) {
    case 'scalar':
      return e.float ? sameFloatC(o, n) : `(${o}) == (${n})`
    case 'pointer':
      return `klp_abs((const void *)(${o}), 0) == klp_abs((const void *)(${n}), 1)`
    case 'all': {
      const parts = e.parts.map(p => equalityC(p.eq, lvalue(o, [p.at]), lvalue(n, [p.at])))
      return parts.length ? parts.map(p => `(${p})`).join(' && ') : '1'
    }
    case 'each': {
      const j = indexVar(e.var)
      return `${j} >= (unsigned long)(${e.count ?? countOf(o)}) || (${equalityC(e.elem, `(${o})[${j}]`, `(${n})[${j}]`)})`
    }
    case 'none':
      return '1'
  }
}

/** The nondeterministic index of a long array's elements (Equality `each`). */
const indexVar = (v: number) => `klp_j_${v}`

/** The element count of an array lvalue, as C counts it. */
const countOf = (a: string) => `sizeof(${a}) / sizeof((${a})[0])`

/** The nondeterministic indices an equality uses, to declare before the comparison. */
function indicesOf(e: Equality): number[] {
  if (e.kind === 'all') return e.parts.flatMap(p => indicesOf(p.eq))
  if (e.kind === 'each') return [e.var, ...indicesOf(e.elem)]
  return []
}

function rootC(r: ObservableRoot): { old: string; new: string } {
  switch (r.kind) {
    case 'return':
      return { old: VAR.retOld, new: VAR.retNew }
    case 'object':
      if (r.member !== undefined) return { old: containerLvalue(r.param, r.type!, r.member), new: containerLvalue(VAR.newParam(r.param), r.type!, r.member) }
      return { old: lvalue(r.param, [{ deref: r.type }]), new: lvalue(VAR.newParam(r.param), [{ deref: r.type }]) }
    case 'buffer':
      return r.bytes
        ? { old: `((const unsigned char *)${r.param})`, new: `((const unsigned char *)${VAR.newParam(r.param)})` }
        : { old: r.param, new: VAR.newParam(r.param) }
    case 'global':
      return { old: r.old, new: r.new }
  }
}

export interface PartView {
  /** The variables holding the values compared (the first differing ones for an array), its flag and index. */
  readonly o: string
  readonly n: string
  readonly eqv: string
  readonly di: string
  readonly scalar: boolean
  readonly pointer: boolean
  readonly array: boolean
  /** Arrays: a loop over the elements; false: the solver picks the index klp_i_<var>. */
  readonly loop: boolean
  readonly var: number
  readonly old: string
  readonly new: string
  readonly count: string
  /** Arrays: elements at index klp_i_<var> are equal. */
  readonly eq: string
  readonly elemScalar: boolean
}

function partView(p: ComparePart, root: { old: string; new: string }): PartView {
  const old = lvalue(root.old, p.path)
  const nw = lvalue(root.new, p.path)
  const vars = { o: VAR.arrayOld(p.var), n: VAR.arrayNew(p.var), eqv: VAR.arrayEq(p.var), di: VAR.arrayIndex(p.var) }
  const base = { ...vars, scalar: p.kind === 'scalar', pointer: p.kind === 'pointer', array: false, loop: false, var: p.var, old, new: nw, count: '', eq: '', elemScalar: false }
  if (p.kind !== 'array') return base
  const i = `klp_i_${p.var}`
  return { ...base, array: true, loop: p.loop !== null, count: p.count ?? countOf(old), eq: equalityC(p.elem, `(${old})[${i}]`, `(${nw})[${i}]`), elemScalar: p.scalar }
}

export interface CompareView {
  readonly index: number
  /** `klp_same_<index>`: the observable is equal in both runs. */
  readonly same: string
  readonly parts: readonly PartView[]
  /** Nondeterministic element indices (`klp_j_<var>`) the parts' equalities use. */
  readonly indices: readonly number[]
  readonly calls: { readonly var: number; readonly eqv: string; readonly nseq: string; readonly seqFn: string; readonly seqArg: string; readonly args: readonly number[]; readonly maxSeq: number; readonly maxBlob: number } | null
  readonly guard: string | null
  readonly cond: string
  /** The claims that allow this observable to differ (`klp_w_<i> || …`), or 0. */
  readonly allowed: string
  readonly desc: string
}

/** The property description of observable `n`: `KLP_EQ <index> <label>`. */
export function eqDescription(n: ObservableNode): string {
  return `${MARK.eq} ${n.index} ${n.label.replace(/"/g, "'")}`
}

export function compareView(n: ObservableNode, allowed: (k: ObservableKind) => string): CompareView {
  const conds = [
    ...n.parts.map(p => (p.kind === 'array' ? VAR.arrayEq(p.var) : p.float ? sameFloatC(VAR.arrayOld(p.var), VAR.arrayNew(p.var)) : `${VAR.arrayOld(p.var)} == ${VAR.arrayNew(p.var)}`)),
    ...(n.calls ? [VAR.arrayEq(n.calls.var)] : []),
  ]
  const root = n.root ? rootC(n.root) : { old: '', new: '' }
  return {
    index: n.index,
    same: VAR.same(n.index),
    parts: n.parts.map(p => partView(p, root)),
    indices: n.parts.flatMap(p => (p.kind === 'array' ? indicesOf(p.elem) : [])),
    calls: n.calls ? { var: n.calls.var, eqv: VAR.arrayEq(n.calls.var), nseq: VAR.nseq, seqFn: VAR.seqFn, seqArg: VAR.seqArg, args: Array.from({ length: n.calls.args }, (_, a) => a), maxSeq: n.calls.seq, maxBlob: n.calls.blob } : null,
    guard: n.guard,
    cond: conds.length ? conds.join(' && ') : '1',
    allowed: allowed(n.kind),
    desc: eqDescription(n),
  }
}

/** The loops the comparisons add, in cbmc's numbering. */
export function compareLoops(nodes: readonly ObservableNode[]): { readonly id: number; readonly bound: number }[] {
  return nodes.flatMap(n => [...n.parts.flatMap(p => (p.kind === 'array' && p.loop ? [p.loop] : [])), ...(n.calls ? n.calls.loops : [])])
}
