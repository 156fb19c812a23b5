/**
 * Which functions a patch changed: for each function defined in the user's file (statics too),
 * compare the bodies (comments are gone after preprocessing; whitespace is ignored). Callers in
 * the same file of a changed static helper are "affected": a live patch replaces them too when
 * the helper was inlined.
 */
import { firstSyntaxError, type Node } from '../extract/c-parser.js'
import { declaratorIdentifier } from '../extract/ctypes.js'
import { userSyntaxError, type Unit } from '../extract/unit.js'
import { sameFile } from '../extract/pp-text.js'

export interface FunctionChanges {
  readonly changed: readonly string[]
  readonly affected: readonly string[]
  readonly added: readonly string[]
  readonly removed: readonly string[]
  /** Functions defined in headers (static inline) whose bodies changed: their callers here are affected. */
  readonly fromHeaders?: readonly string[]
  /**
   * Declarations outside any function that changed (a constant, a table, an enumerator, a type, in the
   * file or its headers): functions that mention them are affected.
   */
  readonly declarations?: readonly string[]
  /** Functions defined in both versions of the file (a claim may name one whose text did not change). */
  readonly common?: readonly string[]
  /**
   * Set when the compiler sees a change in the file but no function to prove, add or remove was
   * found, and nothing (a changed declaration or header function no function here uses) explains
   * it: why, in words. A series fails closed on it (the file's patch is an error), never green.
   */
  readonly unplanned?: string
}

function userFunctions(unit: Unit, file: string, inHeaders = false): Map<string, string> {
  const out = new Map<string, string>()
  for (const [name, f] of unit.functions) {
    if (sameFile(unit.location(f.node.startPosition.row).file, file) === inHeaders) continue
    out.set(name, tokens(f.node))
  }
  return out
}

/** Functions defined in the user's file itself (not in headers), sorted. */
export function definedFunctions(unit: Unit, file: string): string[] {
  return [...userFunctions(unit, file).keys()].sort()
}

/** The function's tokens without comments: whitespace and comments do not make a change. */
function tokens(n: Node): string {
  const out: string[] = []
  const walk = (m: Node) => {
    if (m.type === 'comment') return
    if (m.childCount === 0) out.push(m.text)
    for (const c of m.children) walk(c)
  }
  walk(n)
  return out.join(' ')
}

/** The names a top-level declaration declares: variables, functions (prototypes), types, tags, enumerators. */
function declaredNames(n: Node): string[] {
  const out: string[] = []
  const walk = (m: Node) => {
    if (m.type === 'enumerator') {
      const name = m.childForFieldName('name')
      if (name) out.push(name.text)
    } else if (/^(struct|union|enum)_specifier$/.test(m.type) && m.childForFieldName('body')) {
      const name = m.childForFieldName('name')
      if (name) out.push(name.text)
    }
    if (m.type === 'declaration' || m.type === 'type_definition') {
      for (const d of m.childrenForFieldName('declarator')) {
        const id = declaratorIdentifier(d)
        if (id) out.push(id.text)
      }
    }
    for (const c of m.namedChildren) walk(c)
  }
  walk(n)
  return out
}

/** Name → the tokens of every top-level declaration (not a function definition) that declares it. */
function declarations(unit: Unit): Map<string, string> {
  const out = new Map<string, string>()
  for (const n of unit.tree.rootNode.namedChildren) {
    if (n.type === 'function_definition' || n.type === 'comment' || n.type.startsWith('preproc')) continue
    const text = tokens(n)
    for (const name of declaredNames(n)) out.set(name, out.has(name) ? `${out.get(name)}\n${text}` : text)
  }
  return out
}

/** Every identifier and type name a function mentions (its signature too). */
function mentions(unit: Unit, fn: string): Set<string> {
  const out = new Set<string>()
  const visit = (n: Node) => {
    if (n.type === 'identifier' || n.type === 'type_identifier') out.add(n.text)
    for (const c of n.namedChildren) visit(c)
  }
  const info = unit.functions.get(fn)
  if (info) visit(info.node)
  return out
}

function callees(unit: Unit, fn: string): Set<string> {
  const out = new Set<string>()
  const visit = (n: Node) => {
    if (n.type === 'call_expression') {
      const f = n.childForFieldName('function')
      if (f?.type === 'identifier') out.add(f.text)
    }
    for (const c of n.namedChildren) visit(c)
  }
  const info = unit.functions.get(fn)
  if (info) visit(info.body)
  return out
}

export function functionChanges(oldUnit: Unit, oldFile: string, newUnit: Unit, newFile: string): FunctionChanges {
  const a = userFunctions(oldUnit, oldFile)
  const b = userFunctions(newUnit, newFile)
  const changed = [...a.keys()].filter(n => b.has(n) && a.get(n) !== b.get(n)).sort()
  const added = [...b.keys()].filter(n => !a.has(n)).sort()
  const removed = [...a.keys()].filter(n => !b.has(n)).sort()
  // a changed static helper may be inlined into its callers; an unchanged static caller may in turn
  // be inlined into its own callers: follow the static chain up
  // a static (inline) function of a header the patch changed: it is compiled into this file's callers
  const ha = userFunctions(oldUnit, oldFile, true)
  const hb = userFunctions(newUnit, newFile, true)
  const fromHeaders = [...hb.keys()].filter(n => ha.has(n) && ha.get(n) !== hb.get(n) && newUnit.functions.get(n)?.isStatic).sort()
  const inlinable = new Set([...changed.filter(n => newUnit.functions.get(n)?.isStatic), ...fromHeaders])
  const calls = new Map([...b.keys()].map(n => [n, callees(newUnit, n)]))
  const affected = new Set<string>()
  // a changed constant, table, enumerator or type changes every function that uses it
  const da = declarations(oldUnit)
  const db = declarations(newUnit)
  const decls = [...new Set([...da.keys(), ...db.keys()])].filter(n => da.get(n) !== db.get(n) && !a.has(n) && !b.has(n)).sort()
  if (decls.length) {
    const changedDecls = new Set(decls)
    for (const n of b.keys()) {
      if (!a.has(n) || changed.includes(n)) continue
      const uses = new Set([...mentions(oldUnit, n), ...mentions(newUnit, n)])
      if ([...uses].some(u => changedDecls.has(u))) {
        affected.add(n)
        if (newUnit.functions.get(n)?.isStatic) inlinable.add(n)
      }
    }
  }
  for (let grew = true; grew; ) {
    grew = false
    for (const n of b.keys()) {
      if (!a.has(n) || changed.includes(n) || affected.has(n)) continue
      if ([...calls.get(n)!].some(c => inlinable.has(c))) {
        affected.add(n)
        if (newUnit.functions.get(n)?.isStatic) inlinable.add(n)
        grew = true
      }
    }
  }
  const nothing = !changed.length && !affected.size && !added.length && !removed.length
  const unplanned = nothing ? unplannedWhy(oldUnit, oldFile, newUnit, newFile, decls.length > 0 || fromHeaders.length > 0) : undefined
  return {
    changed, affected: [...affected].sort(), added, removed,
    ...(fromHeaders.length ? { fromHeaders } : {}),
    ...(decls.length ? { declarations: decls } : {}),
    common: [...b.keys()].filter(n => a.has(n)).sort(),
    ...(unplanned ? { unplanned } : {}),
  }
}

/**
 * Nothing to prove was found: fine when the compiler sees the same file (a comment, whitespace),
 * or when the change is a declaration or header function that no function here uses (`explained`)
 * in a file that parses. Otherwise why not: a file that does not parse hides its functions.
 */
function unplannedWhy(oldUnit: Unit, oldFile: string, newUnit: Unit, newFile: string, explained: boolean): string | undefined {
  // the common case first, without walking two whole units (a header change brings in files that do not use it)
  if (explained && !oldUnit.tree.rootNode.hasError && !newUnit.tree.rootNode.hasError) return undefined
  if (tokens(oldUnit.tree.rootNode) === tokens(newUnit.tree.rootNode)) return undefined
  for (const [unit, file, which] of [[oldUnit, oldFile, 'old'], [newUnit, newFile, 'new']] as const) {
    const own = userSyntaxError(unit, file)
    const any = own ? undefined : firstSyntaxError(unit.tree.rootNode)
    const at = own ? { file, line: own.line, text: own.text } : any ? { ...unit.location(any.line - 1), text: any.text } : undefined
    if (at) return `the ${which} version does not parse (near '${at.text.replace(/\s+/g, ' ')}' at ${at.file}:${at.line}), so no function of it could be planned`
  }
  return explained ? undefined : 'it changed, but no function whose body changed was found in it'
}


