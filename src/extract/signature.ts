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
    .filter((c): c is Node => c !== null && (c.type === 'type_qualifier' || c === n.childForFieldName('type') || c.startIndex === n.childForFieldName('type')?.startIndex))
    .map(c => c.text)
    .join(' ')
}

export function functionSignature(unit: Unit, fn: FnInfo): FunctionSignature {
  const params: Param[] = []
  let variadic = false
  const plist = fn.declarator.childForFieldName('parameters')
  for (const p of plist?.namedChildren ?? []) {
    if (!p) continue
    if (p.type === 'variadic_parameter') { variadic = true; continue }
    if (p.type !== 'parameter_declaration') continue
    const ty = p.childForFieldName('type')!
    const d = p.childForFieldName('declarator')
    if (!d) {
      if (ty.text === 'void') continue
      throw new ExtractError(`parameter ${params.length + 1} of ${fn.name}() has no name`, { hint: 'name every parameter in the definition' })
    }
    const id = declaratorIdentifier(d)!
    let type: CType = unit.resolver.resolve(ty, d)
    let typedefText = `${specifierText(p)} ${d.text.slice(0, id.startIndex - d.startIndex)}${TYPE_NAME}${d.text.slice(id.endIndex - d.startIndex)}`
    if (type.kind === 'array') {
      // array parameters are pointers (C11 6.7.6.3p7)
      type = { kind: 'pointer', to: type.of, text: `${type.of.text} *` }
      typedefText = `__typeof__(&((${specifierText(p)} *)0)[0]) ${TYPE_NAME}`
      if (d.type !== 'array_declarator' || d.childForFieldName('declarator')?.type !== 'identifier') {
        throw new ExtractError(`parameter ${id.text} of ${fn.name}() has a multi-dimensional array type`, { hint: 'declare it as a pointer' })
      }
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

