/** What a function reaches: the functions it calls or names, the globals they mention (pure, over one unit). */
import type { Node } from './c-parser.js'
import type { Unit } from './unit.js'
import { valueCastNames } from './value-casts.js'

/**
 * Functions reachable from `target` through direct references, and the globals they mention;
 * a mentioned global's initializer counts too (`ops = { .run = helper }` reaches helper).
 */
export function reachable(unit: Unit, target: string): { fns: Set<string>; vars: Set<string>; names: Set<string> } {
  return reachableFrom(unit, [target])
}

export function reachableFrom(unit: Unit, roots: readonly string[]): { fns: Set<string>; vars: Set<string>; names: Set<string> } {
  const fns = new Set<string>()
  const vars = new Set<string>()
  /** Every identifier the reachable code (and reachable initializers) mentions. */
  const names = new Set<string>()
  const todo: (string | Node)[] = [...roots]
  const mention = (name: string) => {
    names.add(name)
    if (unit.functions.has(name) && !fns.has(name)) todo.push(name)
    const v = unit.variables.get(name)
    if (v && !vars.has(name)) {
      vars.add(name)
      if (v.init) todo.push(v.init)
    }
  }
  const visit = (n: Node) => {
    if (n.type === 'identifier') return mention(n.text)
    // a call that parses like a cast: the names in its "type" (value-casts.ts)
    if (n.type === 'cast_expression') for (const id of valueCastNames(unit, n) ?? []) mention(id.name)
    for (const c of n.namedChildren) visit(c)
  }
  while (todo.length) {
    const f = todo.pop()!
    if (typeof f !== 'string') { visit(f); continue }
    if (fns.has(f)) continue
    const info = unit.functions.get(f)
    if (!info) continue
    fns.add(f)
    visit(info.body)
  }
  return { fns, vars, names }
}
