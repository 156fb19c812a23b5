/** Read counterexample facts out of a CBMC trace: the last value each harness variable took. */
import { renderValue } from '../cbmc/parse.js'
import type { RawValue, TraceStep } from '../cbmc/types.js'
import type { InputInfo, ObservableInfo } from '../model/types.js'
import { CALL_BYTES_DIFFER, ENTRY, VAR, arrayEqOf } from '../model/names.js'
import type { NamedValue, ValuePair } from '../report/types.js'

type Token = { member: string } | { index: number }

/** Split `o.payload[3l].x` into the root `o` and its access path. */
export function splitLhs(lhs: string): { root: string; path: Token[] } | undefined {
  const m = /^([A-Za-z_$][\w$!#@]*)/.exec(lhs)
  if (!m) return undefined
  const path: Token[] = []
  let rest = lhs.slice(m[1]!.length)
  while (rest.length) {
    const mm = /^\.([A-Za-z_$][\w$]*)/.exec(rest)
    if (mm) { path.push({ member: mm[1]! }); rest = rest.slice(mm[0].length); continue }
    const ix = /^\[(-?\d+)[a-z]*\]/.exec(rest)
    if (ix) { path.push({ index: Number(ix[1]) }); rest = rest.slice(ix[0].length); continue }
    return undefined
  }
  return { root: m[1]!, path }
}

/** Functional update of a trace value at a path (struct members and array elements). */
export function updateAt(base: RawValue | undefined, path: readonly Token[], value: RawValue): RawValue {
  if (path.length === 0) return value
  const [head, ...tail] = path
  if ('member' in head!) {
    const members = base && 'members' in base ? [...base.members] : []
    const i = members.findIndex(m => m.name === head.member)
    const next = { name: head.member, value: updateAt(i >= 0 ? members[i]!.value : undefined, tail, value) }
    if (i >= 0) members[i] = next
    else members.push(next)
    return { name: base && 'members' in base ? base.name : 'struct', members }
  }
  const elements = base && 'elements' in base ? [...base.elements] : []
  const i = elements.findIndex(e => e.index === head.index)
  const next = { index: head.index, value: updateAt(i >= 0 ? elements[i]!.value : undefined, tail, value) }
  if (i >= 0) elements[i] = next
  else elements.push(next)
  elements.sort((a, b) => a.index - b.index)
  return { name: 'array', elements }
}

/**
 * The value each variable holds at the end of the trace, built from the visible assignments in
 * order. Hidden whole-object assignments are skipped: CBMC marks them hidden and their values can
 * be stale; the member-by-member assignments that follow carry the real values.
 */
export function lastValues(trace: readonly TraceStep[] | undefined, only?: (s: TraceStep) => boolean): Map<string, RawValue> {
  const out = new Map<string, RawValue>()
  for (const s of trace ?? []) {
    if (s.stepType !== 'assignment' || !s.lhs || !s.value || s.hidden || (only && !only(s))) continue
    const p = splitLhs(s.lhs)
    if (!p) continue
    out.set(p.root, updateAt(out.get(p.root), p.path, s.value))
  }
  return out
}

/** Rendered value of a variable. */
export function valueOf(values: Map<string, RawValue>, name: string): string | undefined {
  const v = values.get(name)
  return v ? renderValue(v) : undefined
}

export function isFalse(v: RawValue | undefined): boolean {
  if (!v || !('data' in v)) return false
  return v.data === 'FALSE' || v.data === '0' || v.data === 'false'
}

/**
 * The inputs' values as the harness set them: only its own assignments count (a parameter the
 * function changes, `n--`, has the same name in the function's frame and would show its last value).
 * Its own: made in the harness's frame, between the call of the harness and its return, outside
 * every call it makes. A location alone does not tell: cbmc gives a local's null initializer
 * (`struct dev *dev = NULL;` in a callee) no location, and a callee's parameters are assigned at the
 * call site (the new version's arguments). A trace without calls is judged by location alone.
 */
export function entryValues(trace: readonly TraceStep[] | undefined): Map<string, RawValue> {
  const own = harnessFrame(trace ?? [])
  return lastValues(trace, s => (own ? own.has(s) : true) && (s.location?.function === undefined || s.location.function === ENTRY))
}

/** The steps of the harness's own frame, or undefined if the trace does not show the harness called. */
function harnessFrame(trace: readonly TraceStep[]): Set<TraceStep> | undefined {
  if (!trace.some(s => s.stepType === 'function-call' && s.function === ENTRY)) return undefined
  const own = new Set<TraceStep>()
  // depth -1: before the harness is entered (__CPROVER_initialize); 0: the harness itself
  let depth = -1
  for (const s of trace) {
    if (s.stepType === 'function-call') {
      if (depth >= 0) depth++
      else if (s.function === ENTRY) depth = 0
    } else if (s.stepType === 'function-return') {
      if (depth > 0) depth--
    } else if (depth === 0) own.add(s)
  }
  return own
}

export function inputsOf(values: Map<string, RawValue>, inputs: readonly InputInfo[]): NamedValue[] {
  const out: NamedValue[] = []
  for (const i of inputs) {
    const v = valueOf(values, i.variable)
    if (v !== undefined) out.push({ name: i.label, value: v })
  }
  return out
}

/** Old vs new values of the leaves of an observable that differ in this trace. */
export function differingValues(values: Map<string, RawValue>, obs: ObservableInfo): ValuePair[] {
  const out: ValuePair[] = []
  for (const leaf of obs.leaves) {
    const o = values.get(leaf.oldVar)
    const n = values.get(leaf.newVar)
    if (!o || !n) continue
    const ro = renderValue(o), rn = renderValue(n)
    if (ro !== rn) out.push({ what: leaf.label, old: ro, new: rn })
  }
  const d = obs.arrayDiff
  if (d) {
    const idx = values.get(d.index)
    const o = d.oldVar ? values.get(d.oldVar) : undefined
    const n = d.newVar ? values.get(d.newVar) : undefined
    const eqVar = arrayEqOf(d.index)
    if (idx && isFalse(values.get(eqVar))) {
      const at = `${d.elem.replace(/\[\]$/, '')}[${renderValue(idx)}]`
      out.push({ what: at, old: o ? renderValue(o) : '(differs)', new: n ? renderValue(n) : '(differs)' })
    }
  }
  return out
}

const at = (v: RawValue | undefined, ...path: number[]): RawValue | undefined => {
  let cur = v
  for (const i of path) cur = cur && 'elements' in cur ? cur.elements.find(e => e.index === i)?.value : undefined
  return cur
}
const num = (v: RawValue | undefined): bigint | undefined => {
  if (!v || !('data' in v) || v.data === undefined) return undefined
  const m = /^(-?\d+)/.exec(v.data)
  return m ? BigInt(m[1]!) : v.data === 'TRUE' ? 1n : v.data === 'FALSE' ? 0n : undefined
}

/** `p`, `p+4`, `kmalloc#0`, `NULL` for a klp_abs id. */
export function objectName(id: bigint, objects: readonly string[], names: readonly string[], maxCalls: number, dynBase: number): string {
  if (id === 0n) return 'NULL'
  if (id === -1n) return '(a local or other object)'
  if (id >> 32n === -2n) return 'opaque pointer'
  const obj = id >> 32n
  const off = id & 0xffffffffn
  let base: string
  if (obj >= BigInt(dynBase)) {
    const j = Number(obj) - dynBase
    base = `${names[Math.floor(j / maxCalls)] ?? '?'}#${j % maxCalls}`
  } else if (obj >= 1n) base = objects[Number(obj) - 1] ?? `object ${obj}`
  else base = `object ${obj}`
  return off === 0n ? base : `${base}+${off}`
}

/**
 * The call sequences of both versions in words, e.g.
 * `kmalloc(16, 3264) → kmalloc#0, req_check(r, kmalloc#0) → -5, return -5`.
 */
export function callSequences(values: Map<string, RawValue>, obs: ObservableInfo, maxCalls: number, dynBase: number): ValuePair[] {
  const c = obs.calls
  if (!c) return []
  const side = (v: number): string => {
    const n = Number(num(at(values.get(VAR.nseq), v)) ?? 0n)
    const parts: string[] = []
    for (let s = 0; s < n; s++) {
      const fn = Number(num(at(values.get(VAR.seqFn), v, s)) ?? -1n)
      const name = c.names[fn] ?? '?'
      const args = (c.pointerArgs[fn] ?? []).map((isPtr, a) => {
        const x = num(at(values.get(VAR.seqArg), v, s, a))
        if (x === undefined) return '?'
        return isPtr ? objectName(x, c.objects, c.names, maxCalls, dynBase) : String(x)
      })
      const r = num(at(values.get(VAR.seqRet), v, s))
      const ret = c.voidRet[fn] || r === undefined ? '' : ` → ${c.pointerRet[fn] ? objectName(r, c.objects, c.names, maxCalls, dynBase) : String(r)}`
      parts.push(`${name}(${args.join(', ')})${ret}`)
    }
    const ret = values.get(v === 0 ? VAR.retOld : VAR.retNew)
    if (ret) parts.push(`return ${renderValue(ret)}`)
    return parts.join(', ') || '(no calls)'
  }
  const o = side(0), n = side(1)
  // the same calls with the same arguments, yet different: in the bytes behind a pointer argument,
  // or those a copy_to_user-like call copied out
  return [{ what: o === n ? CALL_BYTES_DIFFER : 'calls', old: o, new: n }]
}
