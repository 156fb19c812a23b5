/**
 * The types whose layout a function's code depends on: those its reached code names (declarations,
 * casts, sizeof), the types of their by-value members, and a type reached only through a pointer member
 * when the code accesses one of that type's members by name (`ccp->hdev->battery->x` names no type, but
 * `x`). A type reachable only through pointers the code never follows (`struct power_supply *battery` in a
 * struct the function only passes on) is not: its layout can change under a live patch without harm.
 * Used for the new tree's header changes (the type-changed hazard); pure, over the parse tree.
 */
import type { Node } from './c-parser.js'
import { reachable } from './reach.js'
import type { Unit } from './unit.js'
import type { CType } from './types.js'

/** Parents of a type_identifier that is a tag or a typedef's own name, not a use of a typedef. */
const TAGGED: ReadonlySet<string> = new Set(['type_definition', 'struct_specifier', 'union_specifier', 'enum_specifier'])

/** `struct x` / `union x` / `enum x` / `typedef t` keys of the types a node names, with their definitions. */
function named(unit: Unit, n: Node, out: Map<string, Node | undefined>): void {
  if (n.type === 'type_identifier' && !TAGGED.has(n.parent?.type ?? '')) {
    out.set(`typedef ${n.text}`, unit.scope.typedefs.get(n.text)?.type)
  } else if (n.type === 'struct_specifier' || n.type === 'union_specifier' || n.type === 'enum_specifier') {
    const tag = n.childForFieldName('name')?.text
    const kw = n.type === 'struct_specifier' ? 'struct' : n.type === 'union_specifier' ? 'union' : 'enum'
    if (tag) out.set(`${kw} ${tag}`, kw === 'enum' ? undefined : (n.childForFieldName('body') ? n : unit.scope.records.get(`${kw} ${tag}`)))
  }
  for (const c of n.namedChildren) named(unit, c, out)
}

/** Member names the code accesses (`p->x`, `s.x`, designators `.x =`). */
function accessedMembers(n: Node, out: Set<string>): void {
  if (n.type === 'field_identifier' && n.parent?.type !== 'field_declaration' && !n.parent?.type.endsWith('declarator')) out.add(n.text)
  for (const c of n.namedChildren) accessedMembers(c, out)
}

const isPointer = (d: Node | null): boolean => {
  for (let x = d; x; x = x.childForFieldName('declarator')) {
    if (x.type === 'pointer_declarator') return true
    if (x.type === 'function_declarator') return true
  }
  return false
}

export function layoutTypes(unit: Unit, func: string): Set<string> {
  const reach = reachable(unit, func)
  const roots: Node[] = []
  for (const f of reach.fns) roots.push(unit.functions.get(f)!.node)
  for (const v of reach.vars) roots.push(unit.variables.get(v)!.declaration)
  for (const locals of unit.staticLocals.values()) for (const v of locals) if (reach.fns.has(v.fn!)) roots.push(v.declaration)
  const members = new Set<string>()
  for (const r of roots) accessedMembers(r, members)
  const used = new Set<string>()
  const deferred = new Map<string, Node | undefined>()
  const todo: Node[] = []
  const use = (key: string, def: Node | undefined) => {
    if (used.has(key)) return
    used.add(key)
    deferred.delete(key)
    if (def) todo.push(def)
  }
  const direct = new Map<string, Node | undefined>()
  for (const r of roots) named(unit, r, direct)
  for (const [k, d] of direct) use(k, d)
  for (;;) {
    while (todo.length) {
      const def = todo.pop()!
      const body = def.childForFieldName('body')
      if (!body || (def.type !== 'struct_specifier' && def.type !== 'union_specifier')) {
        // a typedef's type, an enum: whatever it names is used by value
        const m = new Map<string, Node | undefined>()
        named(unit, def, m)
        for (const [k, d] of m) use(k, d)
        continue
      }
      for (const f of body.namedChildren) {
        if (f.type !== 'field_declaration') continue
        const m = new Map<string, Node | undefined>()
        named(unit, f, m)
        const viaPointer = f.childrenForFieldName('declarator').length > 0 && f.childrenForFieldName('declarator').every(d => isPointer(d))
        for (const [k, d] of m) {
          if (!viaPointer) use(k, d)
          else if (!used.has(k)) deferred.set(k, d)
        }
      }
    }
    // a type reached only through pointers counts once the code accesses one of its members
    const next = [...deferred].find(([, d]) => d?.childForFieldName('body')?.namedChildren.some(f =>
      f.type === 'field_declaration' && f.childrenForFieldName('declarator').some(x => fieldNames(x).some(n => members.has(n)))))
    if (!next) return used
    use(next[0], next[1])
  }
}

function fieldNames(d: Node): string[] {
  if (d.type === 'field_identifier') return [d.text]
  const inner = d.childForFieldName('declarator')
  return inner ? fieldNames(inner) : []
}

const TOKEN = /\b(?:struct|union)\s+\w+|\w+|\S/g
const TAG = /^(struct|union)\s+(\w+)$/

/**
 * Whether a type text of the old version (a signature, a definition) and one of the new version have
 * the same layout: equal token for token, except a `struct a` where the other has `struct b` whose
 * definitions (members in order, their types, attributes) are themselves the same layout up to such
 * pairs. A renamed tag is a spelling, not a layout change; a tag paired with two others is not the
 * same, nor is a tag without a definition in either version. `pairs` collects old tag → new tag.
 */
export function sameLayout(o: Pick<Unit, 'typeDefs'>, n: Pick<Unit, 'typeDefs'>, a: string, b: string, pairs = new Map<string, string>()): boolean {
  const ta = a.match(TOKEN) ?? [], tb = b.match(TOKEN) ?? []
  if (ta.length !== tb.length) return false
  for (let i = 0; i < ta.length; i++) {
    const x = TAG.exec(ta[i]!), y = TAG.exec(tb[i]!)
    if (ta[i] === tb[i] && !x) continue
    if (!x || !y || x[1] !== y[1]) return false
    // a tag both spell alike is that same type (a changed definition of it is diffTypes' finding)
    const key = `${x[1]} ${x[2]}`, other = `${y[1]} ${y[2]}`
    const paired = pairs.get(key)
    if (paired !== undefined || key === other) {
      if ((paired ?? other) !== other) return false
      pairs.set(key, other)
      continue
    }
    const da = o.typeDefs.get(key), db = n.typeDefs.get(other)
    if (da === undefined || db === undefined) return false
    pairs.set(key, other)
    if (!sameLayout(o, n, da, db, pairs)) return false
  }
  return true
}

/**
 * Whether a renamed tag may count as the same type for this function: only where the harness passes
 * it behind a pointer. A record by value (a parameter, the return, a global the function reaches,
 * arrays of them) is declared in the harness with the old version's type; cbmc refuses to link that
 * against the new version's differently spelled one ("parameter type mismatch").
 */
export function layoutLenient(unit: Unit, func: string, types: readonly CType[]): boolean {
  const byValue = (t: CType): boolean => t.kind === 'record' || (t.kind === 'array' && byValue(t.of))
  if (types.some(byValue)) return false
  for (const v of reachable(unit, func).vars) if (byValue(unit.variables.get(v)!.type)) return false
  return true
}
