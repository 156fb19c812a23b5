/**
 * Which functions a patch changed: for each function defined in the user's file (statics too),
 * compare the bodies (comments are gone after preprocessing; whitespace is ignored). Callers in
 * the same file of a changed static helper are "affected": a live patch replaces them too when
 * the helper was inlined.
 */
import type { Node } from '../extract/c-parser.js'
import { sameFile, type Unit } from '../extract/unit.js'

export interface FunctionChanges {
  readonly changed: readonly string[]
  readonly affected: readonly string[]
  readonly added: readonly string[]
  readonly removed: readonly string[]
  /** Functions defined in headers (static inline) whose bodies changed: their callers here are affected. */
  readonly fromHeaders?: readonly string[]
}

function userFunctions(unit: Unit, file: string, inHeaders = false): Map<string, string> {
  const out = new Map<string, string>()
  for (const [name, f] of unit.functions) {
    if (sameFile(unit.location(f.node.startPosition.row).file, file) === inHeaders) continue
    out.set(name, tokens(f.node))
  }
  return out
}

/** Functions defined in the user's file itself (not in headers), sorted. */
export function definedFunctions(unit: Unit, file: string): string[] {
  return [...userFunctions(unit, file).keys()].sort()
}

/** The function's tokens without comments: whitespace and comments do not make a change. */
function tokens(n: Node): string {
  const out: string[] = []
  const walk = (m: Node) => {
    if (m.type === 'comment') return
    if (m.childCount === 0) out.push(m.text)
    for (const c of m.children) walk(c)
  }
  walk(n)
  return out.join(' ')
}

function callees(unit: Unit, fn: string): Set<string> {
  const out = new Set<string>()
  const visit = (n: Node) => {
    if (n.type === 'call_expression') {
      const f = n.childForFieldName('function')
      if (f?.type === 'identifier') out.add(f.text)
    }
    for (const c of n.namedChildren) visit(c)
  }
  const info = unit.functions.get(fn)
  if (info) visit(info.body)
  return out
}

export function functionChanges(oldUnit: Unit, oldFile: string, newUnit: Unit, newFile: string): FunctionChanges {
  const a = userFunctions(oldUnit, oldFile)
  const b = userFunctions(newUnit, newFile)
  const changed = [...a.keys()].filter(n => b.has(n) && a.get(n) !== b.get(n)).sort()
  const added = [...b.keys()].filter(n => !a.has(n)).sort()
  const removed = [...a.keys()].filter(n => !b.has(n)).sort()
  // a changed static helper may be inlined into its callers; an unchanged static caller may in turn
  // be inlined into its own callers: follow the static chain up
  // a static (inline) function of a header the patch changed: it is compiled into this file's callers
  const ha = userFunctions(oldUnit, oldFile, true)
  const hb = userFunctions(newUnit, newFile, true)
  const fromHeaders = [...hb.keys()].filter(n => ha.has(n) && ha.get(n) !== hb.get(n) && newUnit.functions.get(n)?.isStatic).sort()
  const inlinable = new Set([...changed.filter(n => newUnit.functions.get(n)?.isStatic), ...fromHeaders])
  const calls = new Map([...b.keys()].map(n => [n, callees(newUnit, n)]))
  const affected = new Set<string>()
  for (let grew = true; grew; ) {
    grew = false
    for (const n of b.keys()) {
      if (!a.has(n) || changed.includes(n) || affected.has(n)) continue
      if ([...calls.get(n)!].some(c => inlinable.has(c))) {
        affected.add(n)
        if (newUnit.functions.get(n)?.isStatic) inlinable.add(n)
        grew = true
      }
    }
  }
  return { changed, affected: [...affected].sort(), added, removed, ...(fromHeaders.length ? { fromHeaders } : {}) }
}


