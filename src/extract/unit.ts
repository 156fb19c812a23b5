/** Analyse one preprocessed translation unit: definitions, types, globals, static locals. */
import { firstSyntaxError, parseC, type Node, type Tree } from './c-parser.js'
import { TypeResolver, declaratorIdentifier, declaratorName, type TypeScope } from './ctypes.js'
import { checkpoint } from './checkpoint.js'
import type { CType } from './types.js'

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
  /** File and line of a 0-based row of the preprocessed text. */
  location(row: number): { file: string; line: number }
}

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
 * The text tree-sitter parses, with the same offsets as the preprocessed text: line markers and
 * pragmas (`# 12 "f.c" 3 4`, which gcc puts even inside expressions around system-header macros
 * such as NULL) blanked; `__builtin_offsetof` spelled `offsetof`; and GNU attributes blanked, as
 * tree-sitter-c cannot parse them after a declarator (`int x __aligned(8);`, `fallthrough;`).
 * `cleanup(fn)` attributes stay: they name a function that is renamed.
 */
export function parseableText(text: string): string {
  const out = text
    .replace(/^[ \t]*#[^\n]*/gm, m => ' '.repeat(m.length))
    .replace(/\b__builtin_offsetof\b/g, m => 'offsetof'.padEnd(m.length))
  const parts: string[] = []
  let last = 0
  for (const m of out.matchAll(/\b__attribute(?:__)?\b\s*\(/g)) {
    if (m.index < last) continue
    const end = attributeEnd(out, m.index + m[0].length - 1)
    const span = out.slice(m.index, end)
    if (/\b(?:__)?cleanup(?:__)?\b/.test(span)) continue
    parts.push(out.slice(last, m.index), span.replace(/[^\n]/g, ' '))
    last = end
  }
  parts.push(out.slice(last))
  return parts.join('')
}

/** End (exclusive) of the parenthesised attribute list opening at `open`, skipping strings. */
function attributeEnd(s: string, open: number): number {
  let depth = 0
  let i = open
  for (; i < s.length; i++) {
    const c = s[i]
    if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++
    } else if (c === '(') depth++
    else if (c === ')' && --depth === 0) break
  }
  return i + 1
}

/** End of a node's text including the attributes right after it (`struct s {…} __attribute__((packed))`). */
function withTrailingAttributes(text: string, end: number): number {
  for (;;) {
    const m = /^\s*__attribute(?:__)?\s*\(/.exec(text.slice(end))
    if (!m) return end
    end = attributeEnd(text, end + m[0].length - 1)
  }
}

/** A node's text in the preprocessed source (line markers blanked, offsets kept). */
export function sourceText(unit: Pick<Unit, 'text'>, n: Node): string {
  return unit.text.slice(n.startIndex, n.endIndex).replace(/^[ \t]*#[^\n]*/gm, m => ' '.repeat(m.length))
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

/**
 * File and line of each row, from the line markers: one scan for the markers (built on first use),
 * then a binary search per question, so a big file costs one pass, not an array per row.
 */
export function lineMapper(text: string): (row: number) => { file: string; line: number } {
  let marks: { row: number; line: number; file: string }[] | undefined
  let rows = 0
  const build = () => {
    const out: { row: number; line: number; file: string }[] = []
    let at = 0
    for (const m of text.matchAll(/^#[ \t]*(?:line[ \t]+)?(\d+)[ \t]+"((?:[^"\\\n]|\\.)*)"/gm)) {
      for (let nl = text.indexOf('\n', at); nl !== -1 && nl < m.index; nl = text.indexOf('\n', nl + 1)) rows++
      at = m.index
      out.push({ row: rows, line: Number(m[1]), file: m[2]!.replace(/\\(.)/g, '$1') })
    }
    for (let nl = text.indexOf('\n', at); nl !== -1; nl = text.indexOf('\n', nl + 1)) rows++
    rows++
    return out
  }
  return asked => {
    marks ??= build()
    // past the end: where the text stops
    const row = Math.min(asked, rows)
    // the last marker above this row (a marker row itself belongs to the lines before it)
    let lo = 0, hi = marks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (marks[mid]!.row < row) lo = mid + 1
      else hi = mid
    }
    const k = marks[lo - 1]
    return k ? { file: k.file, line: k.line + row - k.row - 1 } : { file: '<unknown>', line: row + 1 }
  }
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
  const parseable = parseableText(text)
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
        const prev = variables.get(v.name)
        // prefer the defining declaration over an extern one
        if (!prev || (prev.isExtern && !v.isExtern) || (!prev.init && v.init)) variables.set(v.name, v)
      }
    }
  }

  return {
    tree, top, text, functions, variables, staticLocals, scope, resolver, enumerators, typeDefs,
    location: lineMapper(text),
  }
}

/** First syntax error inside the user's own file (headers are not our business). */
export function userSyntaxError(unit: Unit, userFile: string): { line: number; text: string } | undefined {
  const err = firstSyntaxError(unit.tree.rootNode, line => sameFile(unit.location(line - 1).file, userFile))
  if (!err) return undefined
  return { line: unit.location(err.line - 1).line, text: err.text }
}

export function sameFile(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/^\.\//, '')
  const same = (x: string, y: string) => strip(x) === strip(y) || x.endsWith('/' + strip(y)) || y.endsWith('/' + strip(x))
  // a line marker names a file with a quote, backslash or control character by its escaped name
  return same(a, b) || (a.includes('%') && same(a, escapeMarkerName(b)))
}

/**
 * A path with quotes, backslashes, control characters (cbmc's C front end fails on them in a line
 * marker) and % written as %XX: the name such a file goes by in line markers (read.ts markerName).
 */
export function escapeMarkerName(p: string): string {
  return p.replace(/[\x00-\x1f\x7f"\\%]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

export { declaratorIdentifier }
