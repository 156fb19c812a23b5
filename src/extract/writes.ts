/** Which globals a set of functions may write (conservatively), to share read-only state. */
import type { Node } from './c-parser.js'
import type { Unit } from './unit.js'
import { evalConst } from './ctypes.js'

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
 * Multiplications, divisions and remainders of two non-constant operands in the functions, and
 * divisions and remainders of a variable by a constant (`ns / NSEC_PER_SEC`: a full divider circuit
 * all the same) unless the constant is a power of two (a shift or a mask): the kind of arithmetic a
 * SAT solver cannot prove equal across two copies, but an SMT solver can.
 */
export function nonlinearOps(unit: Unit, fns: ReadonlySet<string>): number {
  let count = 0
  const constant = (n: Node) => isConstantExpr(n, unit.enumerators)
  const divider = (op: string, right: Node) => (op === '/' || op === '%') && !powerOfTwo(right)
  const visit = (n: Node) => {
    if (n.type === 'binary_expression') {
      const op = n.childForFieldName('operator')!.text
      const right = n.childForFieldName('right')!
      if ((op === '*' || op === '/' || op === '%') && !constant(n.childForFieldName('left')!) && (!constant(right) || divider(op, right))) count++
    } else if (n.type === 'assignment_expression') {
      const op = n.childForFieldName('operator')!.text
      const right = n.childForFieldName('right')!
      if ((op === '*=' || op === '/=' || op === '%=') && (!constant(right) || divider(op.slice(0, 1), right))) count++
    }
    for (const c of n.namedChildren) visit(c)
  }
  for (const f of fns) {
    const info = unit.functions.get(f)
    if (info) visit(info.body)
  }
  return count
}

/** A constant whose value is a power of two (1, 2, 4, …), as far as its literals say. */
function powerOfTwo(n: Node): boolean {
  const v = evalConst(n.type === 'cast_expression' ? n.childForFieldName('value')! : n)
  return v !== null && v > 0 && Number.isInteger(Math.log2(v))
}
