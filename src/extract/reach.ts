/** What a function reaches: the functions it calls or names, the globals they mention (pure, over one unit). */
import type { Node } from './c-parser.js'
import type { Unit } from './unit.js'

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
  const visit = (n: Node) => {
    if (n.type === 'identifier') {
      names.add(n.text)
      if (unit.functions.has(n.text) && !fns.has(n.text)) todo.push(n.text)
      const v = unit.variables.get(n.text)
      if (v && !vars.has(n.text)) {
        vars.add(n.text)
        if (v.init) todo.push(v.init)
      }
      return
    }
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
