/** Resolve tree-sitter type specifiers + declarators into the CType model. */
import type { Node } from './c-parser.js'
import type { CType, Field } from './types.js'

export interface TypeScope {
  /** typedef name → [type specifier node, declarator node] */
  readonly typedefs: ReadonlyMap<string, { type: Node; declarator: Node }>
  /** struct/union tag → specifier node with a body */
  readonly records: ReadonlyMap<string, Node>
}

const FLOAT = /\b(float|double)\b/
/** Built-in types tree-sitter reads as type names: `_Bool` is what `bool` becomes after preprocessing. */
const BUILTIN_INT = /^(_Bool|__int128|__int128_t|__uint128_t)$/
const BUILTIN_FLOAT = /^(_Float(16|32|64|128)x?|__float128|__fp16|__bf16)$/

export class TypeResolver {
  private readonly recordCache = new Map<string, CType>()
  private anon = 0
  constructor(private readonly scope: TypeScope) {}

  /** Type of a declaration: specifier node plus (possibly null) declarator. */
  resolve(typeNode: Node, declarator: Node | null): CType {
    return this.applyDeclarator(this.specifier(typeNode), declarator)
  }

  /** Apply a declarator to a base type; `stopAt` (a function's own declarator) counts as the name. */
  applyDeclarator(base: CType, d: Node | null, stopAt?: Node): CType {
    if (!d || (stopAt && d.startIndex === stopAt.startIndex && d.type === stopAt.type)) return base
    switch (d.type) {
      case 'pointer_declarator':
      case 'abstract_pointer_declarator':
        return this.applyDeclarator({ kind: 'pointer', to: base, text: `${base.text} *` }, d.childForFieldName('declarator'), stopAt)
      case 'array_declarator':
      case 'abstract_array_declarator': {
        const size = d.childForFieldName('size')
        const length = size ? evalConst(size) : null
        return this.applyDeclarator({ kind: 'array', of: base, length, text: `${base.text}[${size?.text ?? ''}]` }, d.childForFieldName('declarator'), stopAt)
      }
      case 'function_declarator':
      case 'abstract_function_declarator':
        return this.applyDeclarator({ kind: 'function', text: `${base.text} (${d.childForFieldName('parameters')!.text})` }, d.childForFieldName('declarator'), stopAt)
      case 'parenthesized_declarator':
      case 'abstract_parenthesized_declarator':
      case 'attributed_declarator':
      case 'init_declarator': {
        const inner = d.childForFieldName('declarator') ?? d.namedChildren.find(c => c.type.endsWith('declarator')) ?? null
        return this.applyDeclarator(base, inner, stopAt)
      }
      default:
        return base
    }
  }

  specifier(n: Node): CType {
    const text = n.text.replace(/\s+/g, ' ')
    switch (n.type) {
      case 'primitive_type':
        if (n.text === 'void') return { kind: 'opaque', text: 'void' }
        return { kind: 'scalar', text, float: FLOAT.test(text) }
      case 'sized_type_specifier':
        return { kind: 'scalar', text, float: FLOAT.test(text) }
      case 'enum_specifier':
        return { kind: 'scalar', text }
      case 'type_identifier': {
        const td = this.scope.typedefs.get(n.text)
        if (!td && BUILTIN_INT.test(text)) return { kind: 'scalar', text, float: false }
        if (!td && BUILTIN_FLOAT.test(text)) return { kind: 'scalar', text, float: true }
        if (!td) return { kind: 'opaque', text }
        const t = this.resolve(td.type, td.declarator)
        return { ...t, text: n.text }
      }
      case 'struct_specifier':
      case 'union_specifier':
        return this.record(n)
      default:
        return { kind: 'opaque', text }
    }
  }

  private record(n: Node): CType {
    const union = n.type === 'union_specifier'
    const kw = union ? 'union' : 'struct'
    const tag = n.childForFieldName('name')?.text
    let body = n.childForFieldName('body')
    if (!body && tag) body = this.scope.records.get(`${kw} ${tag}`)?.childForFieldName('body') ?? null
    const text = tag ? `${kw} ${tag}` : `${kw} <anonymous>`
    if (!body) return { kind: 'opaque', text }
    const key = tag ? text : `anon#${body.startIndex}`
    const cached = this.recordCache.get(key)
    if (cached) return cached
    const fields: Field[] = []
    const rec: CType = { kind: 'record', tag: tag ?? `anon${this.anon++}`, union, fields, text }
    this.recordCache.set(key, rec)
    for (const fd of body.namedChildren) {
      if (!fd || fd.type !== 'field_declaration') continue
      const ty = fd.childForFieldName('type')!
      const decls = fd.childrenForFieldName('declarator')
      if (decls.length === 0) {
        // anonymous struct/union member: its fields are reached directly
        const inner = this.specifier(ty)
        if (inner.kind === 'record') fields.push(...(inner.union ? inner.fields.map(f => ({ ...f, overlaid: true })) : inner.fields))
        continue
      }
      for (const d of decls) {
        const name = declaratorName(d)
        // `unsigned a : 3, *p;`: the width follows its own declarator only
        if (name) fields.push({ name, type: this.resolve(ty, d), bitfield: d.nextNamedSibling?.type === 'bitfield_clause' })
      }
    }
    return rec
  }
}

/** The identifier a declarator declares (identifier, field_identifier or type_identifier). */
export function declaratorName(d: Node | null): string | undefined {
  let cur: Node | null = d
  while (cur) {
    if (cur.type === 'identifier' || cur.type === 'field_identifier' || cur.type === 'type_identifier') return cur.text
    cur = cur.childForFieldName('declarator') ?? cur.namedChildren.find(c => /declarator$|identifier$/.test(c.type)) ?? null
  }
  return undefined
}

/** The identifier node a declarator declares. */
export function declaratorIdentifier(d: Node | null): Node | undefined {
  let cur: Node | null = d
  while (cur) {
    if (cur.type === 'identifier' || cur.type === 'field_identifier' || cur.type === 'type_identifier') return cur
    cur = cur.childForFieldName('declarator') ?? cur.namedChildren.find(c => /declarator$|identifier$/.test(c.type)) ?? null
  }
  return undefined
}

/** Evaluate an integer constant expression made of literals; null if it is anything else. */
export function evalConst(n: Node): number | null {
  switch (n.type) {
    case 'number_literal': {
      const digits = n.text.replace(/[uUlL]+$/, '').replace(/'/g, '')
      const v = /^0[xX]/.test(digits) ? Number.parseInt(digits.slice(2), 16)
        : /^0[bB]/.test(digits) ? Number.parseInt(digits.slice(2), 2)
        : /^0[0-7]+$/.test(digits) ? Number.parseInt(digits, 8)
        : /^\d+$/.test(digits) ? Number.parseInt(digits, 10)
        : Number.NaN
      return Number.isFinite(v) ? v : null
    }
    case 'parenthesized_expression':
      return evalConst(n.namedChildren[0]!)
    case 'binary_expression': {
      const op = n.childForFieldName('operator')!.text
      const a = evalConst(n.childForFieldName('left')!), b = evalConst(n.childForFieldName('right')!)
      if (a === null || b === null) return null
      switch (op) {
        case '+': return a + b
        case '-': return a - b
        case '*': return a * b
        case '/': return b === 0 ? null : Math.trunc(a / b)
        case '<<': return a * 2 ** b
        case '>>': return Math.floor(a / 2 ** b)
        default: return null
      }
    }
    default:
      return null
  }
}

/** Does a value of this type contain pointers (which must not be compared by address)? */
export function containsPointer(t: CType, seen = new Set<CType>()): boolean {
  if (t.kind === 'pointer') return true
  if (t.kind === 'array') return containsPointer(t.of, seen)
  if (t.kind === 'record') {
    if (seen.has(t)) return false
    seen.add(t)
    return t.fields.some(f => containsPointer(f.type, seen))
  }
  return false
}
