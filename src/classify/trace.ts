/** Read counterexample facts out of a CBMC trace: the last value each harness variable took. */
import { renderValue } from '../cbmc/parse.js'
import type { RawValue, TraceStep } from '../cbmc/types.js'
import type { InputInfo, ObservableInfo } from '../harness/types.js'
import type { NamedValue, ValuePair } from '../report/types.js'

/** Last assigned value per variable name (lhs without indices), up to the failure step. */
export function lastValues(trace: readonly TraceStep[] | undefined): Map<string, RawValue> {
  const out = new Map<string, RawValue>()
  for (const s of trace ?? []) {
    if (s.stepType !== 'assignment' || !s.lhs || !s.value) continue
    out.set(s.lhs, s.value)
  }
  return out
}

/** Rendered value of a variable, also when the trace assigned it element by element. */
export function valueOf(values: Map<string, RawValue>, name: string): string | undefined {
  const whole = values.get(name)
  if (whole) return renderValue(whole)
  const parts: [number, string][] = []
  for (const [lhs, v] of values) {
    const m = lhs.startsWith(`${name}[`) ? /^\[(\d+)l*\]$/.exec(lhs.slice(name.length)) : null
    if (m) parts.push([Number(m[1]), renderValue(v)])
  }
  if (!parts.length) return undefined
  parts.sort((a, b) => a[0] - b[0])
  return `{ ${parts.map(([i, v]) => `[${i}] = ${v}`).join(', ')} }`
}

export function isFalse(v: RawValue | undefined): boolean {
  if (!v || !('data' in v)) return false
  return v.data === 'FALSE' || v.data === '0' || v.data === 'false'
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
    const eqVar = d.index.replace('klp_di_', 'klp_eq_')
    if (idx && isFalse(values.get(eqVar))) {
      const at = `${d.elem.replace(/\[\]$/, '')}[${renderValue(idx)}]`
      out.push({ what: at, old: o ? renderValue(o) : '(differs)', new: n ? renderValue(n) : '(differs)' })
    }
  }
  return out
}
