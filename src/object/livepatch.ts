/**
 * The live-patch function set: every function whose object code changed, with why.
 * - source-changed: its own body changed (the caller's source-level change list says so);
 * - inlined-callee-changed: a changed function was inlined into it (DWARF, either version), named in `via`;
 * - ipa-clone: an .isra/.constprop/.part/.cold clone or part of `function`;
 * - codegen-only: neither it nor anything inlined into it changed in source;
 * - new: no twin in the old object.
 * A function whose `.cold` part changed is changed too: the part is only reached through it (kpatch does the same).
 * A function whose code differs only in the line numbers it passes to WARN/might_sleep/printk is not listed (line-macro.ts).
 */
import { correlate, definedSymbols } from './correlate.js'
import { imageOf, indexObject, sameImage, type ObjectIndex } from './image.js'
import { isClone, sourceFunction } from './names.js'
import { hazardsOf } from './hazards.js'
import { lineMacroOnly } from './line-macro.js'
import type { DwarfFacts, ElfSymbol, LivePatchFunction, ObjectDiff, ObjectFacts } from './types.js'

export interface ObjectDiffInput {
  readonly old: ObjectFacts
  readonly new: ObjectFacts
  /** source functions whose bodies changed (from the source-level comparison) */
  readonly changed: ReadonlySet<string>
  /** the flags both were compiled with (IPA-RA depends on them); -O2 when not given */
  readonly cflags?: readonly string[]
}

function changedSymbols(oldIx: ObjectIndex, newIx: ObjectIndex, oldFns: ElfSymbol[], newFns: ElfSymbol[]) {
  const { twins, added } = correlate(oldFns, newFns)
  const differs = new Set<string>()
  for (const s of newFns) {
    const o = twins.get(s.name)
    if (!o) continue
    const a = imageOf(oldIx, o)
    const b = imageOf(newIx, s)
    // a function that only passes moved line numbers to WARN/might_sleep/printk is left out (kpatch's rule)
    if (!a || !b || (!sameImage(a, b) && !lineMacroOnly(oldIx, o, a, newIx, s, b))) differs.add(s.name)
  }
  // a changed cold part drags in its parent
  for (const name of [...differs, ...added.map(s => s.name)]) {
    const cold = /^(.*?)\.cold(\.\d+)?$/.exec(name)
    if (cold && twins.has(cold[1]!)) differs.add(cold[1]!)
  }
  return { twins, added, differs }
}

function inlinedChanged(fn: string, dwarf: readonly DwarfFacts[], changed: ReadonlySet<string>): string[] {
  const via = new Set<string>()
  for (const d of dwarf) for (const callee of d.inlined.get(fn) ?? []) if (changed.has(callee) && callee !== fn) via.add(callee)
  return [...via].sort()
}

/** Why `symbol` (whose object code changed, or which is new) is in the live patch. */
export function classifyFunction(symbol: string, isNew: boolean, dwarf: readonly DwarfFacts[], changed: ReadonlySet<string>): LivePatchFunction {
  const fn = sourceFunction(symbol)
  const via = inlinedChanged(fn, dwarf, changed)
  const withVia = via.length ? { via } : {}
  if (isClone(symbol)) return { symbol, function: fn, reason: 'ipa-clone', ...withVia }
  if (isNew) return { symbol, function: fn, reason: 'new' }
  if (changed.has(fn)) return { symbol, function: fn, reason: 'source-changed' }
  if (via.length) return { symbol, function: fn, reason: 'inlined-callee-changed', via }
  return { symbol, function: fn, reason: 'codegen-only' }
}

export function diffObjects(input: ObjectDiffInput): ObjectDiff {
  const oldIx = indexObject(input.old)
  const newIx = indexObject(input.new)
  const { added, differs } = changedSymbols(oldIx, newIx, definedSymbols(input.old, 'FUNC'), definedSymbols(input.new, 'FUNC'))
  const dwarf = [input.old.dwarf, input.new.dwarf]
  const functions = [
    ...[...differs].map(s => classifyFunction(s, false, dwarf, input.changed)),
    ...added.map(s => classifyFunction(s.name, true, dwarf, input.changed)),
  ].sort((a, b) => (a.function === b.function ? (a.symbol < b.symbol ? -1 : 1) : a.function < b.function ? -1 : 1))
  return { functions, hazards: hazardsOf(oldIx, newIx, functions, input.cflags) }
}
