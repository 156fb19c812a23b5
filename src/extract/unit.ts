/** Analyse one preprocessed translation unit: definitions, types, globals, static locals. */
import { firstSyntaxError, parseC, type Node, type Tree } from './c-parser.js'
import { TypeResolver, declaratorIdentifier, declaratorName, type TypeScope } from './ctypes.js'
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
}

export interface Unit {
  readonly tree: Tree
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
  return n.children.filter((c): c is Node => c?.type === 'storage_class_specifier').map(c => c.text)
}

function hasQualifier(n: Node, q: string): boolean {
  return n.children.some(c => c?.type === 'type_qualifier' && c.text === q)
}

/** The outermost declarator below init/paren/attribute wrappers. */
export function coreDeclarator(d: Node): Node {
  let cur = d
  while (cur.type === 'init_declarator' || cur.type === 'parenthesized_declarator' || cur.type === 'attributed_declarator') {
    const inner: Node | null = cur.childForFieldName('declarator') ?? cur.namedChildren.find(c => c !== null && /declarator$|identifier$/.test(c.type)) ?? null
    if (!inner) break
    cur = inner
  }
  return cur
}

/** The function_declarator of a function definition's declarator (possibly under pointers). */
export function findFunctionDeclarator(d: Node | null): Node | null {
  let cur = d
  while (cur) {
    if (cur.type === 'function_declarator') {
      const inner = cur.childForFieldName('declarator')
      // `int (*f(void))(int)`: the innermost function declarator names the function
      const deeper = inner ? findFunctionDeclarator(inner) : null
      return deeper ?? cur
    }
    cur = cur.childForFieldName('declarator')
  }
  return null
}

function lineMapper(text: string): (row: number) => { file: string; line: number } {
  const rows = text.split('\n')
  const files: string[] = new Array(rows.length)
  const lines: number[] = new Array(rows.length)
  let file = '<unknown>'
  let line = 1
  for (let i = 0; i < rows.length; i++) {
    const m = /^#\s*(?:line\s+)?(\d+)\s+"((?:[^"\\]|\\.)*)"/.exec(rows[i]!)
    if (m) {
      files[i] = file
      lines[i] = line
      line = Number(m[1])
      file = m[2]!.replace(/\\(.)/g, '$1')
      continue
    }
    files[i] = file
    lines[i] = line++
  }
  return row => ({ file: files[row] ?? file, line: lines[row] ?? line })
}

export async function analyzeUnit(text: string): Promise<Unit> {
  const tree = await parseC(text)
  const root = tree.rootNode
  const typedefs = new Map<string, { type: Node; declarator: Node }>()
  const records = new Map<string, Node>()
  const typeDefs = new Map<string, string>()
  const enumerators = new Set<string>()
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim()

  // types first (records anywhere at top level, including nested in fields)
  const visitTypes = (n: Node) => {
    if ((n.type === 'struct_specifier' || n.type === 'union_specifier') && n.childForFieldName('body')) {
      const tag = n.childForFieldName('name')?.text
      const key = `${n.type === 'union_specifier' ? 'union' : 'struct'} ${tag}`
      if (tag) {
        records.set(key, n)
        typeDefs.set(key, norm(n.text))
      }
    }
    if (n.type === 'enum_specifier' && n.childForFieldName('body')) {
      const tag = n.childForFieldName('name')?.text
      if (tag) typeDefs.set(`enum ${tag}`, norm(n.text))
    }
    if (n.type === 'enumerator') {
      const name = n.childForFieldName('name')?.text
      if (name) enumerators.add(name)
    }
    if (n.type === 'function_definition') {
      const body = n.childForFieldName('body')
      // enumerators/records declared inside functions still count
      for (const c of n.namedChildren) if (c && c !== body) visitTypes(c)
      if (body) visitTypes(body)
      return
    }
    for (const c of n.namedChildren) if (c) visitTypes(c)
  }
  visitTypes(root)
  for (const n of root.namedChildren) {
    if (n?.type !== 'type_definition') continue
    const ty = n.childForFieldName('type')
    if (!ty) continue
    for (const d of n.childrenForFieldName('declarator')) {
      if (!d) continue
      const name = declaratorName(d)
      if (name) {
        typedefs.set(name, { type: ty, declarator: d })
        typeDefs.set(`typedef ${name}`, norm(n.text))
      }
    }
  }
  const scope: TypeScope = { typedefs, records }
  const resolver = new TypeResolver(scope)

  const functions = new Map<string, FnInfo>()
  const variables = new Map<string, VarInfo>()
  const staticLocals = new Map<string, VarInfo[]>()

  const varsOf = (decl: Node, fn?: string): VarInfo[] => {
    const ty = decl.childForFieldName('type')
    if (!ty) return []
    const sc = storageClasses(decl)
    const out: VarInfo[] = []
    for (const d of decl.childrenForFieldName('declarator')) {
      if (!d) continue
      const core = coreDeclarator(d)
      if (core.type === 'function_declarator') continue // a prototype
      const name = declaratorName(d)
      if (!name) continue
      out.push({
        name,
        declaration: decl,
        declarator: d,
        type: resolver.resolve(ty, d.type === 'init_declarator' ? d.childForFieldName('declarator') : d),
        isStatic: sc.includes('static'),
        isExtern: sc.includes('extern'),
        isConst: hasQualifier(decl, 'const'),
        init: d.type === 'init_declarator' ? d.childForFieldName('value') : null,
        row: decl.startPosition.row,
        fn,
      })
    }
    return out
  }

  for (const n of root.namedChildren) {
    if (!n) continue
    if (n.type === 'function_definition') {
      const fd = findFunctionDeclarator(n.childForFieldName('declarator'))
      const body = n.childForFieldName('body')
      const name = fd ? declaratorName(fd.childForFieldName('declarator')) : undefined
      if (!fd || !body || !name) continue
      functions.set(name, { name, node: n, declarator: fd, body, isStatic: storageClasses(n).includes('static') })
      const locals: VarInfo[] = []
      const walk = (m: Node) => {
        if (m.type === 'declaration' && storageClasses(m).includes('static')) {
          locals.push(...varsOf(m, name))
          return
        }
        for (const c of m.namedChildren) if (c) walk(c)
      }
      walk(body)
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
    tree, text, functions, variables, staticLocals, scope, resolver, enumerators, typeDefs,
    location: lineMapper(text),
  }
}

/** First syntax error inside the user's own file (headers are not our business). */
export function userSyntaxError(unit: Unit, userFile: string): { line: number; text: string } | undefined {
  const err = firstSyntaxError(unit.tree.rootNode)
  if (!err) return undefined
  const loc = unit.location(err.line - 1)
  if (!sameFile(loc.file, userFile)) return undefined
  return { line: loc.line, text: err.text }
}

export function sameFile(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/^\.\//, '')
  return strip(a) === strip(b) || a.endsWith('/' + strip(b)) || b.endsWith('/' + strip(a))
}

export { declaratorIdentifier }
