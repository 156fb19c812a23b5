/**
 * -ftrivial-auto-var-init=zero as text (pure): gcc zero-fills every automatic local declared
 * without an initializer (CONFIG_INIT_STACK_ALL_ZERO); goto-cc ignores the flag and cbmc starts such
 * locals nondeterministic. This gives each one an explicit initializer at its declaration, which is
 * where gcc places its `.DEFERRED_INIT` too: a declaration control jumps over (before a switch's
 * first case, past a goto) stays uninitialized in both, a loop body's local is zeroed every pass.
 *
 * gcc's rules (gimplify.cc is_var_need_auto_init, checked with -fdump-tree-gimple on gcc 12):
 * `static`/`extern` locals are not automatic; `register` ones are zeroed unless bound to a hard
 * register (`register int r asm("rbx")`); `__attribute__((uninitialized))` opts out. Variable-length
 * arrays are zeroed by gcc, but cbmc has no sound way to zero one (`= {}` is rejected, memset on a
 * VLA leaves it nondeterministic in cbmc 6.6): they are left alone and listed in `vlas`.
 *
 * The initializer: `{}` for arrays, structs and unions (cbmc zeroes every byte, padding and the
 * bytes of a union past its first member included); `{0}` for scalars and pointers (cbmc rejects an
 * empty scalar initializer) and for types only known by a name this file does not define (typeof,
 * a block-scope typedef), where `{0}` is valid for any object type (a union's bytes past its first
 * member then stay nondeterministic, a difference that may not exist). Offsets are into unit.text;
 * no edit adds a line.
 */
import type { Node } from './c-parser.js'
import { declaratorIdentifier } from './ctypes.js'
import { declaresFunction, storageClasses } from './declarators.js'
import type { Edit } from './edits.js'
import { withTrailingAttributes } from './pp-text.js'
import type { Unit } from './unit.js'

export interface ZeroInit {
  readonly edits: readonly Edit[]
  /** Variable-length arrays gcc zeroes and the proof does not (`fn: name`). */
  readonly vlas: readonly string[]
}

const UNINITIALIZED = /\b__attribute(?:__)?\s*\(\([^;{}]*\b(?:__)?uninitialized(?:__)?\b/

/** Zero initializers for the automatic locals of the functions in `fns` (names in unit.functions). */
export function zeroInitLocals(unit: Unit, fns: ReadonlySet<string>): ZeroInit {
  const edits: Edit[] = []
  const vlas: string[] = []
  for (const name of fns) {
    const fn = unit.functions.get(name)
    if (!fn) continue
    const visit = (n: Node) => {
      if (n.type === 'declaration') {
        const sc = storageClasses(n)
        // a static local's initializer is hoisted to file scope (rename.ts): nothing automatic in it
        if (sc.includes('static') || sc.includes('extern')) return
        declaration(unit, n, name, edits, vlas)
      }
      for (const c of n.namedChildren) visit(c)
    }
    visit(fn.body)
  }
  return { edits, vlas }
}

/** The edits for one block-scope declaration's declarators. */
function declaration(unit: Unit, decl: Node, fn: string, edits: Edit[], vlas: string[]): void {
  const declarators = decl.childrenForFieldName('declarator')
  if (!declarators.length) return // `struct tag { … };`
  // attributes are blanked in the parse: the ones before the declaration (after the `{`, `;`, `(` or
  // `:` before it) and between its type and first declarator apply to every declarator
  const before = decl.previousSibling?.endIndex ?? decl.startIndex
  if (UNINITIALIZED.test(unit.text.slice(before, declarators[0]!.startIndex))) return
  for (const d of declarators) {
    const id = declaratorIdentifier(d)
    if (!id || d.type === 'init_declarator' || d.hasError || declaresFunction(d)) continue
    // `register int r asm("rbx")`: a hard register, which gcc leaves alone
    if (d.nextSibling?.type === 'gnu_asm_expression') continue
    const at = withTrailingAttributes(unit.text, d.endIndex)
    if (UNINITIALIZED.test(unit.text.slice(d.startIndex, at))) continue
    const shape = objectShape(unit, id, d)
    if (shape === 'incomplete') continue
    if (shape === 'vla') {
      vlas.push(`${fn}: ${id.text}`)
      continue
    }
    const ty = unit.resolver.resolve(decl.childForFieldName('type')!, d)
    const aggregate = shape === 'array' || ty.kind === 'array' || ty.kind === 'record'
    edits.push({ start: at, end: at, text: aggregate ? ' = {}' : ' = {0}' })
  }
}

/**
 * What the declarator makes the object itself (the constructors nearest the name): an array with
 * a size that is not a constant (a VLA), an array without a size,
 * a fixed array, or something else (a pointer, or the specifier's type).
 */
function objectShape(unit: Unit, id: Node, d: Node): 'vla' | 'incomplete' | 'array' | 'other' {
  let shape: 'array' | 'other' = 'other'
  for (let cur = id.parent; cur && cur.startIndex >= d.startIndex && cur.endIndex <= d.endIndex; cur = cur.parent) {
    if (cur.type === 'pointer_declarator' || cur.type === 'function_declarator') return shape
    if (cur.type !== 'array_declarator') continue
    const size = cur.childForFieldName('size')
    if (!size) return 'incomplete' // `int a[];`: only valid with an initializer
    if (!isConstantSize(unit, size)) return 'vla'
    shape = 'array'
  }
  return shape
}

/** Unevaluated operands: an identifier in them does not make a size variable. */
const UNEVALUATED = new Set(['sizeof_expression', 'alignof_expression', 'offsetof_expression', 'typeof_specifier', 'macro_type_specifier'])

/** Builtins gcc folds to a constant whatever their operands (types, or anything). */
const CONSTANT_BUILTINS: ReadonlySet<string> = new Set(['__builtin_types_compatible_p', '__builtin_constant_p'])

/**
 * Is an array size an integer constant expression? Literals, enumerators and sizeof/alignof of
 * anything are; any other identifier (a variable, a const-qualified one included: in C that makes
 * a VLA; or a call) is not, nor is a statement expression.
 */
function isConstantSize(unit: Unit, n: Node): boolean {
  if (UNEVALUATED.has(n.type)) return true
  if (n.type === 'identifier') return unit.enumerators.has(n.text)
  if (n.type === 'call_expression' && CONSTANT_BUILTINS.has(n.childForFieldName('function')!.text)) return true
  if (n.type === 'compound_statement') return false
  return n.namedChildren.every(c => isConstantSize(unit, c))
}
