/** What a declaration says about what it declares: storage class, constness, function or object. */
import type { Node } from './c-parser.js'
import { declaratorIdentifier } from './ctypes.js'

export function storageClasses(n: Node): string[] {
  return n.children.filter(c => c.type === 'storage_class_specifier').map(c => c.text)
}

function hasQualifier(n: Node, q: string): boolean {
  return n.children.some(c => c.type === 'type_qualifier' && c.text === q)
}

/**
 * Is the declared object itself const? `const char *p` is a writable pointer (to const),
 * `char *const p` and `const int a[3]` are not writable. The type constructor nearest the
 * name decides; arrays take their element's constness.
 */
export function declaresConst(decl: Node, d: Node): boolean {
  for (let cur = declaratorIdentifier(d)!.parent!; cur.startIndex >= d.startIndex && cur.endIndex <= d.endIndex; cur = cur.parent!) {
    if (cur.type === 'pointer_declarator') return hasQualifier(cur, 'const')
  }
  return hasQualifier(decl, 'const')
}

/**
 * Does this declarator declare a function (`f(int)`, `(*getfn(void))(int)`) rather than an
 * object (`(*fp)(int)`, `(*ops[2])(void)`)? The constructor nearest the name decides.
 */
export function declaresFunction(d: Node): boolean {
  const id = declaratorIdentifier(d)
  if (!id) return false // `int x __asm__("y")`: tree-sitter makes the asm label a declarator
  let cur = id.parent!
  while (cur.type === 'parenthesized_declarator' || cur.type === 'attributed_declarator') cur = cur.parent!
  return cur.type === 'function_declarator'
}

/** The function_declarator of a function definition's declarator (possibly under pointers). */
export function findFunctionDeclarator(d: Node | null): Node | null {
  let cur = d
  while (cur) {
    if (cur.type === 'function_declarator') {
      // `int (*f(void))(int)`: the innermost function declarator names the function
      return findFunctionDeclarator(cur.childForFieldName('declarator')) ?? cur
    }
    // parenthesized and attributed declarators have no `declarator` field
    cur = cur.childForFieldName('declarator') ?? cur.namedChildren.find(c => /declarator$/.test(c.type)) ?? null
  }
  return null
}
