/**
 * The observables of a proof as model nodes: what each planted `KLP_EQ <index>` compares (the
 * return value, memory behind pointer parameters, written globals, the calls to the world), leaf
 * by leaf, each leaf with its harness variable and each compare loop with its id and bound.
 * Pure, readonly, JSON-serialisable data; `planObservables` builds it after the inputs.
 */
import type { CType, FunctionPair } from '../extract/types.js'
import type { ExternalStub, ObservableInfo, ObservableKind } from './types.js'
import { VAR } from './names.js'
import { worldSize } from './world.js'
import { UNROLL, isVoid } from './inputs-ctype.js'
import type { HarnessLoop, InputsModel, Segment } from './inputs.js'
import { containerShapes } from './containers.js'
import { packetCompares, privCompares } from './skb.js'

const UCHAR: CType = { kind: 'scalar', text: 'unsigned char' }

/**
 * How two values of one type are equal (pointers by object and offset); `none`: not compared
 * (functions, and types without a size: an opaque type, a flexible array member).
 */
export type Equality =
  /** `float`: a floating-point type, equal as numbers or as both NaN (NaN == NaN is false in C). */
  | { readonly kind: 'scalar'; readonly float?: true }
  | { readonly kind: 'pointer' }
  | { readonly kind: 'all'; readonly parts: readonly { readonly at: Segment; readonly eq: Equality }[] }
  /**
   * A long array (or one whose length the tool cannot evaluate): the elements at a nondeterministic
   * index `klp_j_<var>` below `count` (null: as C counts it, sizeof) are equal. The solver picks the
   * index, so the property holds only if every element is equal.
   */
  | { readonly kind: 'each'; readonly var: number; readonly count: string | null; readonly elem: Equality }
  | { readonly kind: 'none' }

/** One compared part of an observable, at `path` from its root, its values kept in `klp_o_<var>`/`klp_n_<var>`. */
export type ComparePart =
  | { readonly kind: 'scalar' | 'pointer'; readonly var: number; readonly path: readonly Segment[]; readonly label: string; readonly float?: true }
  /** An array compared element by element in a loop; `klp_di_<var>` is the first differing index. */
  | {
    readonly kind: 'array'; readonly var: number; readonly path: readonly Segment[]; readonly label: string
    /** Element count: a number, or the harness variable holding a buffer's length; null: as C counts it (sizeof). */
    readonly count: string | null
    /** null: no loop, the solver picks the index `klp_i_<var>` (a length the tool cannot evaluate). */
    readonly loop: HarnessLoop | null
    readonly elem: Equality
    /** Scalar elements: the first differing values are kept too. */
    readonly scalar: boolean
  }

/** Where an observable's two values are, before its parts' paths. */
export type ObservableRoot =
  | { readonly kind: 'return' }
  /** `member`: the parameter points at that member of a `type` (a container): the whole container is compared. */
  | { readonly kind: 'object'; readonly param: string; readonly type: string | null; readonly member?: string }
  | { readonly kind: 'buffer'; readonly param: string; readonly bytes: boolean }
  | { readonly kind: 'global'; readonly old: string; readonly new: string }

/** The calls observable: the call logs of both runs compared call by call. */
export interface CallsCompare {
  readonly var: number
  /** Length of the call log, and bytes of each call's copied-out blob compared (world.ts worldSize). */
  readonly seq: number
  readonly blob: number
  /** cbmc numbers the nested (per-byte) loop before the loop over the calls: both get the larger bound. */
  readonly loops: readonly [HarnessLoop, HarnessLoop]
  /** Argument columns of the call log. */
  readonly args: number
  readonly info: NonNullable<ObservableInfo['calls']>
}

export interface ObservableNode {
  readonly index: number
  readonly kind: ObservableKind
  readonly label: string
  /** A nullable parameter's `klp_null_<p>`: NULL in both runs counts as equal. */
  readonly guard: string | null
  /** null for the calls observable (the call logs are its values). */
  readonly root: ObservableRoot | null
  readonly parts: readonly ComparePart[]
  readonly calls: CallsCompare | null
}

/**
 * An array whose length the tool could not evaluate but C can (`T a[EXPR]`, `EXPR` a constant
 * expression with `?:`, sizeof, enum constants): compared as C counts it, never skipped. Only an
 * array declared without a length (a flexible array member, `extern T a[]`) has no elements to compare.
 */
export function sizedByC(t: Extract<CType, { kind: 'array' }>): boolean {
  return t.length === null && !/\[\s*\]$/.test(t.text)
}

/** `next` numbers the nondeterministic indices of long arrays (harness variables). */
export function equality(t: CType, next: () => number): Equality {
  switch (t.kind) {
    case 'scalar':
      return t.float ? { kind: 'scalar', float: true } : { kind: 'scalar' }
    case 'pointer':
      return { kind: 'pointer' }
    case 'record':
      return { kind: 'all', parts: t.fields.map(f => ({ at: { field: f.name }, eq: equality(f.type, next) })) }
    case 'array':
      if (t.length !== null && t.length <= UNROLL) return { kind: 'all', parts: Array.from({ length: t.length }, (_, i) => ({ at: { index: i }, eq: equality(t.of, next) })) }
      if (t.length !== null || sizedByC(t)) return { kind: 'each', var: next(), count: t.length === null ? null : String(t.length), elem: equality(t.of, next) }
      return { kind: 'none' }
    default:
      return { kind: 'none' }
  }
}

class Counter {
  constructor(public vars: number, public loops: number) {}
  loop(bound: number): HarnessLoop {
    return { id: this.loops++, bound }
  }
}

/** Leaf by leaf: scalars, pointers (object+offset), small arrays unrolled, long arrays in a loop. */
function parts(c: Counter, t: CType, path: readonly Segment[], label: string, out: ComparePart[]): void {
  switch (t.kind) {
    case 'scalar':
      out.push(t.float ? { kind: 'scalar', var: c.vars++, path, label, float: true } : { kind: 'scalar', var: c.vars++, path, label })
      return
    case 'pointer':
      out.push({ kind: 'pointer', var: c.vars++, path, label: `${label} (pointer)` })
      return
    case 'record':
      for (const f of t.fields) parts(c, f.type, [...path, { field: f.name }], label.endsWith('->') ? `${label}${f.name}` : `${label}.${f.name}`, out)
      return
    case 'array':
      if (t.length === null) {
        if (sizedByC(t)) out.push(arrayPart(c, t.of, path, null, null, label))
        return
      }
      if (t.length <= UNROLL) {
        for (let i = 0; i < t.length; i++) parts(c, t.of, [...path, { index: i }], `${label}[${i}]`, out)
        return
      }
      out.push(arrayPart(c, t.of, path, String(t.length), t.length, label))
      return
    default:
      return
  }
}

/** An array part: a loop up to `max`, or (max null) a nondeterministic index. */
function arrayPart(c: Counter, elem: CType, path: readonly Segment[], count: string | null, max: number | null, label: string): ComparePart {
  const v = c.vars++
  const loop = max === null ? null : c.loop(max + 1)
  return { kind: 'array', var: v, path, label, count, loop, elem: equality(elem, () => c.vars++), scalar: elem.kind === 'scalar' }
}

function compared(c: Counter, t: CType, label: string): ComparePart[] {
  const out: ComparePart[] = []
  parts(c, t, [], label, out)
  return out
}

function callsCompare(c: Counter, stubs: readonly ExternalStub[], objects: readonly string[]): CallsCompare {
  const sigs = stubs.map(s => s.fn.signature)
  const v = c.vars++
  const size = worldSize(stubs)
  const bound = Math.max(size.seq, size.blob) + 1
  return {
    var: v, seq: size.seq, blob: size.blob, loops: [c.loop(bound), c.loop(bound)], args: Math.max(1, ...sigs.map(sg => sg.params.length)),
    info: {
      names: stubs.map(s => s.fn.callbackOf ? `${s.fn.callbackOf}` : s.fn.name),
      objects: [...objects],
      pointerArgs: sigs.map(sg => sg.params.map(p => p.type.kind === 'pointer')),
      pointerRet: sigs.map(sg => sg.returnType.kind === 'pointer'),
      voidRet: sigs.map(sg => isVoid(sg.returnType)),
    },
  }
}

type Node = Omit<ObservableNode, 'index'>

/**
 * The observables in planted order: the return value, memory behind each pointer parameter, each
 * written global, then the calls to the world. Their variables and loops follow the inputs'.
 */
export function planObservables(pair: FunctionPair, inputs: InputsModel, externals: readonly ExternalStub[]): ObservableNode[] {
  const c = new Counter(inputs.nextVar, inputs.nextLoop)
  const sig = pair.signature
  const nodes: Node[] = []
  const base = { guard: null, calls: null }
  if (!isVoid(sig.returnType)) nodes.push({ ...base, kind: 'return', label: 'return', root: { kind: 'return' }, parts: compared(c, sig.returnType, 'return') })
  for (const p of inputs.params) {
    if (p.kind !== 'buffer' && p.kind !== 'object') continue
    const to = (sig.params[p.index]!.type as Extract<CType, { kind: 'pointer' }>).to
    const guard = p.nullable ? `klp_null_${p.name}` : null
    if (p.kind === 'buffer') {
      const elem: CType = p.bytes ? { kind: 'scalar', text: 'unsigned char' } : to
      const part = arrayPart(c, elem, [], `klp_len_${p.name}`, inputs.maxSize, `${p.name}[]`)
      nodes.push({ ...base, guard, kind: 'memory', label: `memory ${p.name}[0..${p.shown})`, root: { kind: 'buffer', param: p.name, bytes: p.bytes }, parts: [part] })
    } else {
      const shape = p.container && containerShapes(pair).get(p.name)
      const label = shape ? `container_of(${p.name})->` : to.kind === 'record' ? `${p.name}->` : `*${p.name}`
      const root = { kind: 'object' as const, param: p.name, type: p.type, ...(shape ? { member: shape.member } : {}) }
      nodes.push({ ...base, guard, kind: 'memory', label: `memory *${p.name}`, root, parts: compared(c, shape ? shape.type : to, label) })
      // a linear sk_buff's packet bytes and a device's private object (model/skb.ts)
      for (const b of packetCompares(p.name, p.inits)) {
        nodes.push({ ...base, guard, kind: 'memory', label: `memory ${b.label}`, root: { kind: 'global', old: b.old, new: b.new }, parts: [arrayPart(c, UCHAR, [], b.count, b.max, b.label)] })
      }
      for (const v of privCompares(pair, p)) {
        nodes.push({ ...base, guard, kind: 'memory', label: `memory ${v.label}`, root: { kind: 'global', old: v.old, new: v.new }, parts: compared(c, v.ctype, `${v.label}->`) })
      }
    }
  }
  const oldByName = new Map(pair.old.globals.map(v => [v.name, v]))
  for (const g of inputs.globals) {
    if (g.kind !== 'paired') continue
    nodes.push({ ...base, kind: 'globals', label: g.label, root: { kind: 'global', old: g.oldC, new: g.newC }, parts: compared(c, oldByName.get(g.name)!.type, g.name) })
  }
  if (externals.length) {
    nodes.push({ ...base, kind: 'calls', label: 'calls', root: null, parts: [], calls: callsCompare(c, externals, inputs.objects.map(o => o.label)) })
  }
  return nodes.map((n, index) => ({ index, ...n }))
}

/** What the classifier reads about an observable: its leaves' and first differing element's variables. */
export function observableInfo(n: ObservableNode): ObservableInfo {
  const leaves = n.parts.flatMap(p => (p.kind === 'array' ? [] : [{ label: p.label, oldVar: VAR.arrayOld(p.var), newVar: VAR.arrayNew(p.var) }]))
  const arrays = n.parts.filter(p => p.kind === 'array')
  const last = arrays[arrays.length - 1]
  const arrayDiff = last && { index: VAR.arrayIndex(last.var), oldVar: last.scalar ? VAR.arrayOld(last.var) : '', newVar: last.scalar ? VAR.arrayNew(last.var) : '', elem: last.label }
  return { index: n.index, kind: n.kind, label: n.label, leaves, arrayDiff, ...(n.calls ? { calls: n.calls.info } : {}) }
}
