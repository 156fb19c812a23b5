/** Parameter and return types of the function under proof, from its definition. */
import type { Node } from './c-parser.js'
import { declaratorIdentifier } from './ctypes.js'
import type { FnInfo, Unit } from './unit.js'
import type { CType, FunctionSignature, Param } from './types.js'
import { ExtractError } from '../errors.js'

export const TYPE_NAME = 'KLP_TYPE_NAME'

function specifierText(n: Node): string {
  // qualifiers + type specifier, without storage classes or attributes
  return n.children
    .filter(c => c.type === 'type_qualifier' || c.startIndex === n.childForFieldName('type')?.startIndex)
    .map(c => c.text)
    .join(' ')
}

/**
 * `nameUnnamed`: for prototypes (external functions), give unnamed parameters the names
 * `klp_a<i>` where the declarator is absent or only pointer stars; otherwise they are an error.
 */
export function functionSignature(unit: Unit, fn: FnInfo, nameUnnamed = false): FunctionSignature {
  const params: Param[] = []
  let variadic = false
  for (const p of fn.declarator.childForFieldName('parameters')!.namedChildren) {
    if (p.type === 'variadic_parameter') { variadic = true; continue }
    if (p.type !== 'parameter_declaration') {
      // `int f(a, b) int a; int b; { … }`: the parameter list holds bare identifiers
      throw new ExtractError(`${fn.name}() has an old-style (K&R) definition`, { hint: 'rewrite it with a prototype-style parameter list' })
    }
    const ty = p.childForFieldName('type')!
    const d = p.childForFieldName('declarator')
    if (!d && ty.text === 'void') continue
    // `int f(int)` or `int f(char *)`: no declarator, or an abstract one
    const id = declaratorIdentifier(d)
    if (nameUnnamed && !id && (!d || /^[\s*]*(const|volatile|restrict|__restrict|\s|\*)*$/.test(d.text))) {
      const name = `klp_a${params.length}`
      params.push({ name, type: unit.resolver.resolve(ty, d), typedefText: `${specifierText(p)} ${d?.text ?? ''} ${TYPE_NAME}`.replace(/\s+/g, ' ').trim() })
      continue
    }
    if (!d || !id) {
      throw new ExtractError(`parameter ${params.length + 1} of ${fn.name}() has no name`, { hint: 'name every parameter in the definition' })
    }
    let type: CType = unit.resolver.resolve(ty, d)
    let typedefText = `${specifierText(p)} ${d.text.slice(0, id.startIndex - d.startIndex)}${TYPE_NAME}${d.text.slice(id.endIndex - d.startIndex)}`
    if (type.kind === 'array') {
      // array parameters are pointers (C11 6.7.6.3p7)
      if (type.of.kind === 'array') {
        throw new ExtractError(`parameter ${id.text} of ${fn.name}() has a multi-dimensional array type`, { hint: 'declare it as a pointer' })
      }
      type = { kind: 'pointer', to: type.of, text: `${type.of.text} *` }
      // `char *argv[]` → `char *(*KLP_TYPE_NAME)`; a typedef'd array `vec v` → pointer to its element
      // (tree-sitter reads a parenthesised parameter name `int (a)[3]` as an unnamed function type)
      const arr = id.parent!
      typedefText = arr.type === 'array_declarator'
        ? `${specifierText(p)} ${d.text.slice(0, arr.startIndex - d.startIndex)}(*${TYPE_NAME})${d.text.slice(arr.endIndex - d.startIndex)}`
        : `__typeof__(&(*(${specifierText(p)} *)0)[0]) ${TYPE_NAME}`
    }
    params.push({ name: id.text, type, typedefText: typedefText.replace(/\s+/g, ' ').trim() })
  }
  // return type: the definition's specifier + its declarator with the function part replaced
  const top = fn.node.childForFieldName('declarator')!
  const rel = (x: number) => x - top.startIndex
  const declText = top.text.slice(0, rel(fn.declarator.startIndex)) + TYPE_NAME + top.text.slice(rel(fn.declarator.endIndex))
  const spec = specifierText(fn.node)
  const retBase = unit.resolver.specifier(fn.node.childForFieldName('type')!)
  const returnType = unit.resolver.applyDeclarator(retBase, top, fn.declarator)
  return {
    name: fn.name,
    params,
    returnType,
    returnTypedef: `${spec} ${declText}`.replace(/\s+/g, ' ').trim(),
    variadic,
  }
}

