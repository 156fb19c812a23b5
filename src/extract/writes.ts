/** Which globals a set of functions may write (conservatively), to share read-only state. */
import type { Node } from './c-parser.js'
import type { Unit } from './unit.js'

/** The variable at the root of an lvalue: `a`, `a.b[3].c`, `(a)`, `a->b` (a pointer: its pointee, not a). */
function lvalueRoot(n: Node): string | undefined {
  switch (n.type) {
    case 'identifier':
      return n.text
    case 'parenthesized_expression':
      return lvalueRoot(n.namedChildren[0]!)
    case 'field_expression':
      // `p->f` writes the object p points to, not p; `s.f` writes s
      if (n.children.some(c => c.type === '->')) return undefined
      return lvalueRoot(n.childForFieldName('argument')!)
    case 'subscript_expression':
      return lvalueRoot(n.childForFieldName('argument')!)
    default:
      return undefined
  }
}

/** Globals the functions write or take the address of, and those whose address a global initializer takes. */
export function writtenGlobals(unit: Unit, fns: ReadonlySet<string>): Set<string> {
  const out = new Set<string>()
  const visit = (n: Node) => {
    switch (n.type) {
      case 'assignment_expression': {
        const r = lvalueRoot(n.childForFieldName('left')!)
        if (r) out.add(r)
        break
      }
      case 'update_expression': {
        const r = lvalueRoot(n.childForFieldName('argument')!)
        if (r) out.add(r)
        break
      }
      case 'pointer_expression': {
        if (n.childForFieldName('operator')!.text === '&') {
          const r = lvalueRoot(n.childForFieldName('argument')!)
          if (r) out.add(r)
        }
        break
      }
    }
    for (const c of n.namedChildren) visit(c)
  }
  for (const f of fns) {
    const info = unit.functions.get(f)
    if (info) visit(info.body)
  }
  // `int *pc = &c;`: c may be written through pc by any function
  for (const v of unit.variables.values()) if (v.init) visit(v.init)
  return out
}

/** Is this expression a compile-time constant (literal, sizeof, enumerator, or arithmetic on them)? */
function isConstantExpr(n: Node, enumerators: ReadonlySet<string>): boolean {
  switch (n.type) {
    case 'number_literal':
    case 'char_literal':
    case 'sizeof_expression':
    case 'alignof_expression':
    case 'offsetof_expression':
      return true
    case 'identifier':
      return enumerators.has(n.text)
    case 'parenthesized_expression':
    case 'cast_expression':
      return isConstantExpr(n.childForFieldName('value') ?? n.namedChildren[n.namedChildCount - 1]!, enumerators)
    case 'binary_expression':
      return isConstantExpr(n.childForFieldName('left')!, enumerators) && isConstantExpr(n.childForFieldName('right')!, enumerators)
    case 'unary_expression':
      return isConstantExpr(n.childForFieldName('argument')!, enumerators)
    default:
      return false
  }
}

/**
 * Multiplications, divisions and remainders of two non-constant operands in the functions: the
 * kind of arithmetic a SAT solver cannot prove equal across two copies, but an SMT solver can.
 */
export function nonlinearOps(unit: Unit, fns: ReadonlySet<string>): number {
  let count = 0
  const visit = (n: Node) => {
    if (n.type === 'binary_expression') {
      const op = n.childForFieldName('operator')!.text
      if ((op === '*' || op === '/' || op === '%') && !isConstantExpr(n.childForFieldName('left')!, unit.enumerators) && !isConstantExpr(n.childForFieldName('right')!, unit.enumerators)) count++
    } else if (n.type === 'assignment_expression') {
      const op = n.childForFieldName('operator')!.text
      if ((op === '*=' || op === '/=' || op === '%=') && !isConstantExpr(n.childForFieldName('right')!, unit.enumerators)) count++
    }
    for (const c of n.namedChildren) visit(c)
  }
  for (const f of fns) {
    const info = unit.functions.get(f)
    if (info) visit(info.body)
  }
  return count
}
