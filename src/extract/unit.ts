/** Analyse one preprocessed translation unit: definitions, types, globals, static locals. */
import { firstSyntaxError, parseC, type Node, type Tree } from './c-parser.js'
import { TypeResolver, declaratorName, type TypeScope } from './ctypes.js'
import { checkpoint } from './checkpoint.js'
import { declaresConst, declaresFunction, findFunctionDeclarator, storageClasses } from './declarators.js'
import { lineMapper, parseableText, sameFile, withTrailingAttributes } from './pp-text.js'
import type { CType } from './types.js'
import { gnuParseView, type OpaqueRange } from './parse-view.js'

export interface FnInfo {
  readonly name: string
  readonly node: Node
  readonly declarator: Node // the function_declarator
  readonly body: Node
  readonly isStatic: boolean
}

export interface VarInfo {
  readonly name: string
  readonly declaration: Node
  readonly declarator: Node // init_declarator or plain declarator
  readonly type: CType
  readonly isStatic: boolean
  readonly isExtern: boolean
  readonly isConst: boolean
  readonly init: Node | null
  readonly row: number
  /** For static locals: the function that owns it. */
  readonly fn?: string
  /**
   * For static locals: the name, made unique in the function (`n`, `n__2`): two WARN_ON_ONCE()s
   * in one function each declare a `static bool __warned` in their own block.
   */
  readonly localName?: string
}

export interface Unit {
  readonly tree: Tree
  /** The top-level nodes (tree.rootNode.namedChildren, built once: a big file has many). */
  readonly top: readonly Node[]
  readonly text: string
  readonly functions: ReadonlyMap<string, FnInfo>
  readonly variables: ReadonlyMap<string, VarInfo>
  readonly staticLocals: ReadonlyMap<string, readonly VarInfo[]>
  readonly scope: TypeScope
  readonly resolver: TypeResolver
  readonly enumerators: ReadonlySet<string>
  /** `struct x` / `union x` / `typedef t` / `enum e` → normalised definition text. */
  readonly typeDefs: ReadonlyMap<string, string>
  /** Expressions the parser saw as the placeholder type `_` (inside `typeof(…)`), by start offset. */
  readonly opaque: ReadonlyMap<number, OpaqueRange>
  /** File and line of a 0-based row of the preprocessed text. */
  location(row: number): { file: string; line: number }
}

/** A node's text in the preprocessed source (line markers blanked, offsets kept). */
export function sourceText(unit: Pick<Unit, 'text'>, n: Node): string {
  return unit.text.slice(n.startIndex, n.endIndex).replace(/^[ \t]*#[^\n]*/gm, m => ' '.repeat(m.length))
}

/** A declaration whose type is `typeof` of the name it declares (EXPORT_SYMBOL's `extern typeof(f) f;`). */
function selfTypeof(text: string, v: VarInfo): boolean {
  const ty = v.declaration.childForFieldName('type')
  // the real text: the parser's view reads `typeof(_)`
  return ty !== null && new RegExp(`^(?:__)?typeof(?:__)?\\s*\\(\\s*${v.name}\\s*\\)$`).test(text.slice(ty.startIndex, ty.endIndex))
}

/** Type definitions inside a function body (rare): only such bodies are walked for types. */
const INNER_TYPE = /\b(?:struct|union|enum)\b[\s\w]*\{/
const INNER_STATIC = /\bstatic\b/

/**
 * `signal`: a big file is analysed in steps with the event loop free in between; an abort stops it.
 * The work is one parse plus one pass over the top-level declarations: function bodies are entered
 * only when their text declares a type or a static local, so a file of many thousands of small
 * functions costs little more than its parse.
 */
export async function analyzeUnit(text: string, signal?: AbortSignal): Promise<Unit> {
  // line markers may sit inside expressions (a system-header macro like NULL expands between
  // them), where tree-sitter cannot parse them: parse a copy with them blanked, same offsets
  const view = gnuParseView(parseableText(text))
  const parseable = view.text
  const tree = await parseC(parseable, signal)
  const bodyMatches = (body: Node, re: RegExp) => re.test(parseable.slice(body.startIndex, body.endIndex))
  const root = tree.rootNode
  const typedefs = new Map<string, { type: Node; declarator: Node }>()
  const records = new Map<string, Node>()
  const typeDefs = new Map<string, string>()
  const enumerators = new Set<string>()
  // from the preprocessed text, attributes included: a changed `packed` or `aligned` is a changed type
  const norm = (n: Node) => text.slice(n.startIndex, withTrailingAttributes(text, n.endIndex)).replace(/^[ \t]*#[^\n]*/gm, ' ').replace(/\s+/g, ' ').trim()

  // types first (records anywhere at top level, including nested in fields)
  const visitTypes = (n: Node) => {
    if ((n.type === 'struct_specifier' || n.type === 'union_specifier') && n.childForFieldName('body')) {
      const tag = n.childForFieldName('name')?.text
      const key = `${n.type === 'union_specifier' ? 'union' : 'struct'} ${tag}`
      if (tag) {
        records.set(key, n)
        typeDefs.set(key, norm(n))
      }
    }
    if (n.type === 'enum_specifier' && n.childForFieldName('body')) {
      const tag = n.childForFieldName('name')?.text
      if (tag) typeDefs.set(`enum ${tag}`, norm(n))
    }
    if (n.type === 'enumerator') enumerators.add(n.childForFieldName('name')!.text)
    // everywhere: enumerators and records declared inside functions count too
    for (const c of n.namedChildren) visitTypes(c)
  }
  // the top-level nodes one at a time (root.namedChildren builds them all in one go: a long stretch)
  const top: Node[] = []
  const cursor = root.walk()
  for (let more = cursor.gotoFirstChild(), i = 1; more; more = cursor.gotoNextSibling(), i++) {
    if (cursor.nodeIsNamed) top.push(cursor.currentNode)
    if (i % 2000 === 0) await checkpoint(signal)
  }
  cursor.delete()
  for (let i = 0; i < top.length; i++) {
    if (i % 500 === 499) await checkpoint(signal)
    const n = top[i]!
    if (n.type !== 'function_definition') {
      visitTypes(n)
      continue
    }
    // a definition: its return type (`struct s { … } *f(void)`) and, if it declares types, its body
    const ty = n.childForFieldName('type')
    if (ty) visitTypes(ty)
    const body = n.childForFieldName('body')
    if (body && bodyMatches(body, INNER_TYPE)) visitTypes(body)
  }
  await checkpoint(signal)
  for (const n of top) {
    if (n.type !== 'type_definition') continue
    const ty = n.childForFieldName('type')!
    for (const d of n.childrenForFieldName('declarator')) {
      const name = declaratorName(d)!
      typedefs.set(name, { type: ty, declarator: d })
      typeDefs.set(`typedef ${name}`, norm(n))
    }
  }
  const scope: TypeScope = { typedefs, records }
  const resolver = new TypeResolver(scope)

  const functions = new Map<string, FnInfo>()
  const variables = new Map<string, VarInfo>()
  const staticLocals = new Map<string, VarInfo[]>()

  const varsOf = (decl: Node, fn?: string): VarInfo[] => {
    const ty = decl.childForFieldName('type')!
    const sc = storageClasses(decl)
    const out: VarInfo[] = []
    for (const d of decl.childrenForFieldName('declarator')) {
      if (declaresFunction(d)) continue // a prototype
      const name = declaratorName(d)
      if (!name) continue
      out.push({
        name,
        declaration: decl,
        declarator: d,
        type: resolver.resolve(ty, d.type === 'init_declarator' ? d.childForFieldName('declarator') : d),
        isStatic: sc.includes('static'),
        isExtern: sc.includes('extern'),
        isConst: declaresConst(decl, d),
        init: d.type === 'init_declarator' ? d.childForFieldName('value') : null,
        row: decl.startPosition.row,
        fn,
      })
    }
    return out
  }

  for (let i = 0; i < top.length; i++) {
    if (i % 500 === 499) await checkpoint(signal)
    const n = top[i]!
    if (n.type === 'function_definition') {
      const fd = findFunctionDeclarator(n.childForFieldName('declarator'))
      if (!fd) continue // `DEFINE_THING(x) { … }`: an unexpanded macro, not a function
      const body = n.childForFieldName('body')!
      const name = declaratorName(fd.childForFieldName('declarator'))!
      // isStatic on demand: asking every one of many thousands of definitions costs seconds
      functions.set(name, { name, node: n, declarator: fd, body, get isStatic() { return storageClasses(n).includes('static') } })
      const locals: VarInfo[] = []
      const seen = new Map<string, number>()
      const walk = (m: Node) => {
        if (m.type === 'declaration' && storageClasses(m).includes('static')) {
          for (const v of varsOf(m, name)) {
            const k = (seen.get(v.name) ?? 0) + 1
            seen.set(v.name, k)
            locals.push({ ...v, localName: k === 1 ? v.name : `${v.name}__${k}` })
          }
          return
        }
        for (const c of m.namedChildren) walk(c)
      }
      if (bodyMatches(body, INNER_STATIC)) walk(body)
      if (locals.length) staticLocals.set(name, locals)
    } else if (n.type === 'declaration') {
      for (const v of varsOf(n)) {
        // `extern typeof(get_option) get_option;` (EXPORT_SYMBOL) declares the function again, not a variable
        if (selfTypeof(text, v)) continue
        const prev = variables.get(v.name)
        // prefer the defining declaration over an extern one
        if (!prev || (prev.isExtern && !v.isExtern) || (!prev.init && v.init)) variables.set(v.name, v)
      }
    }
  }

  return {
    tree, top, text, functions, variables, staticLocals, scope, resolver, enumerators, typeDefs, opaque: view.opaque,
    location: lineMapper(text),
  }
}

/** First syntax error inside the user's own file (headers are not our business). */
export function userSyntaxError(unit: Unit, userFile: string): { line: number; text: string } | undefined {
  const err = firstSyntaxError(unit.tree.rootNode, line => sameFile(unit.location(line - 1).file, userFile))
  if (!err) return undefined
  return { line: unit.location(err.line - 1).line, text: err.text }
}
