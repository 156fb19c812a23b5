/**
 * tree-sitter-c cannot know which names are types. `(SQR(s*ak))*rd(x)`, with SQR a function, parses
 * as a cast of `*rd(x)` to the type "function of (s *ak) returning SQR": SQR is then a type name and
 * `ak` a parameter name, which the renamer and the call graph would not see, so a defined function
 * looked undefined (EqBench's elle). A cast whose type name is no typedef of the file but one of its
 * functions or variables is such a call; its "type" is an expression, read here by token.
 */
import type { Node } from './c-parser.js'
import { opaqueIdentifiers } from './parse-view.js'
import type { Unit } from './unit.js'

/** The names (by token, with where they are) of a cast's "type" that is a value; undefined for a real cast. */
export function valueCastNames(unit: Pick<Unit, 'text' | 'functions' | 'variables' | 'scope'>, n: Node): { start: number; end: number; name: string }[] | undefined {
  if (n.type !== 'cast_expression') return undefined
  const ty = n.childForFieldName('type')
  const head = ty?.childForFieldName('type')
  if (head?.type !== 'type_identifier' || unit.scope.typedefs.has(head.text)) return undefined
  if (!unit.functions.has(head.text) && !unit.variables.has(head.text)) return undefined
  return opaqueIdentifiers(unit.text, { start: ty!.startIndex, end: ty!.endIndex })
}
