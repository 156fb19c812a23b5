/**
 * Rename one version's file-scope symbols (functions, globals, static locals) so two versions
 * can be linked into one program. Works on the parse tree: identifiers only, never struct
 * members, labels or types, and respecting local shadowing.
 */
import type { Node } from './c-parser.js'
import { declaratorIdentifier } from './ctypes.js'
import { declaresFunction, storageClasses } from './declarators.js'
import { sourceText, type FnInfo, type Unit, type VarInfo } from './unit.js'
import type { GlobalVar } from './types.js'
import { checkpoint } from './checkpoint.js'
import { applyEdits, blankRange, type Edit } from './edits.js'
import { reachable, reachableFrom } from './reach.js'
import { zeroInitLocals } from './zero-init.js'
import { opaqueIdentifiers } from './parse-view.js'
import { valueCastNames } from './value-casts.js'

export interface RenamedUnit {
  readonly text: string
  readonly entry: string
  readonly functions: ReadonlyMap<string, string>
  readonly globals: readonly GlobalVar[]
}

/**
 * `global`: a block-scope `extern` or function declaration, which names the file-scope symbol;
 * a static local binds its hoisted name.
 */
type Binding = 'local' | 'global' | { readonly hoisted: string }

/**
 * Elements an array global declared without a length gets once it is defined here (`extern struct
 * fsverity_hash_alg fsverity_hash_algs[];`, whose length is in another file): the harness must give it a
 * value and compare it. Indexing past them is an out-of-bounds access the safety runs report.
 */
export const UNSIZED_ARRAY_LENGTH = 8

/** Edits giving each top-level `x[]` declarator of a declaration its UNSIZED_ARRAY_LENGTH. */
function unsizedArrays(decl: Node): Edit[] {
  const out: Edit[] = []
  for (const d of decl.childrenForFieldName('declarator')) {
    const a = d.type === 'init_declarator' ? d.childForFieldName('declarator') : d
    if (a?.type !== 'array_declarator' || a.childForFieldName('size')) continue
    const open = a.children.find(c => c.type === '[')
    if (open) out.push({ start: open.endIndex, end: open.endIndex, text: String(UNSIZED_ARRAY_LENGTH) })
  }
  return out
}

/** Blanking edits for `__attribute__((aligned(…)))` groups at brace depth 0 of text[start, end) (not a member's). */
export function alignedAttributes(text: string, start: number, end: number): Edit[] {
  const out: Edit[] = []
  let depth = 0
  for (let i = start; i < end; i++) {
    const ch = text[i]
    if (ch === '{') depth++
    else if (ch === '}') depth--
    else if (depth === 0 && ch === '_') {
      const m = /^__attribute(?:__)?\s*\(\s*\(/.exec(text.slice(i, i + 40))
      if (!m) continue
      let d = 0
      let j = i
      for (; j < end; j++) {
        if (text[j] === '(') d++
        else if (text[j] === ')' && --d === 0) break
      }
      const inner = text.slice(i + m[0].length, j - 1)
      // one aligned attribute (after closure-compat dropped the section next to it)
      if (/^\s*(?:__aligned__|aligned)\b[^,]*$/.test(inner)) {
        out.push(blankRange(text, i, j + 1, ' '))
      }
      i = j
    }
  }
  return out
}

/** The innermost binding of a name in a stack of block scopes (a `global` binding ends the search). */
function bindingOf(scopes: readonly Map<string, Binding>[], name: string): Binding | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const b = scopes[i]!.get(name)
    if (b) return b
  }
  return undefined
}

export function staticLocalName(prefix: string, fn: string, name: string): string {
  return `${prefix}${fn}__${name}`
}

const MARKER = /^[ \t]*#[^\n]*/gm

/** Replace a node's text by blanks, keeping its newlines and line markers (line numbers stay right). */
function blank(text: string, n: Node): Edit {
  return blankRange(text, n.startIndex, n.endIndex, ' ')
}

export interface RenameOptions {
  /**
   * 'reached' (the default): the text keeps only the function definitions the target reaches (and
   * those `other` reaches, and those the file-scope declarations name); the others become blank
   * lines, so a file of many thousands of functions gives cbmc what the proof needs. 'all' keeps
   * every definition.
   */
  readonly keep?: 'reached' | 'all'
  /** A big file is renamed in steps with the event loop free in between; an abort stops it. */
  readonly signal?: AbortSignal
  /** -ftrivial-auto-var-init=zero: the kept functions' locals without an initializer get one (zero-init.ts). */
  readonly zeroInitLocals?: boolean
}

/** Prefix of read-only globals both versions share (one object, one value). */
export const SHARED_PREFIX = 'klp_shared_'

/**
 * `other`: what the other version reaches. A global (or static local) only one version touches is
 * state both versions have: it must be compared too (the other version leaves it unchanged).
 */
export async function renameUnit(unit: Unit, prefix: string, target: string, shared: ReadonlySet<string> = new Set(), other?: { readonly fns: ReadonlySet<string>; readonly vars: ReadonlySet<string> }, ropts: RenameOptions = {}): Promise<RenamedUnit> {
  const renamed = new Set<string>([...unit.functions.keys(), ...unit.variables.keys()])
  const edits: Edit[] = []
  const hoistedBefore = new Map<Node, string[]>()
  const fnAt = new Map<number, FnInfo>()
  for (const [i, f] of [...unit.functions.values()].entries()) {
    if (i % 2000 === 1999) await checkpoint(ropts.signal)
    fnAt.set(f.node.startIndex, f)
  }
  const top = unit.top
  const kept = ropts.keep === 'all' ? undefined : keptFunctions(unit, target, other, top)
  await checkpoint(ropts.signal)

  const renameTarget = (name: string) => (shared.has(name) ? SHARED_PREFIX : prefix) + name

  // an opaque range (parse-view.ts) stands where the parser saw `_`, and a call that parses like a
  // cast (value-casts.ts) has its names in a "type": their names are renamed by token
  const renameTokens = (ids: readonly { start: number; end: number; name: string }[], scopes: Map<string, Binding>[], out: Edit[]) => {
    for (const id of ids) {
      const b = bindingOf(scopes, id.name)
      if (b === 'local') continue
      if (b && b !== 'global') out.push({ start: id.start, end: id.end, text: b.hoisted })
      else if (renamed.has(id.name)) out.push({ start: id.start, end: id.end, text: renameTarget(id.name) })
    }
  }
  const renameOpaque = (n: Node, scopes: Map<string, Binding>[], out: Edit[]) => renameTokens(opaqueIdentifiers(unit.text, unit.opaque.get(n.startIndex)!), scopes, out)

  const walk = (n: Node, scopes: Map<string, Binding>[], fn: string | null, out: Edit[], skip: Set<number>) => {
    switch (n.type) {
      case 'identifier': {
        if (skip.has(n.startIndex)) return
        if (unit.opaque.has(n.startIndex)) return renameOpaque(n, scopes, out)
        for (let i = scopes.length - 1; i >= 0; i--) {
          const b = scopes[i]!.get(n.text)
          if (b === 'local') return
          if (b === 'global') break
          if (b) {
            out.push({ start: n.startIndex, end: n.endIndex, text: b.hoisted })
            return
          }
        }
        if (renamed.has(n.text)) out.push({ start: n.startIndex, end: n.endIndex, text: renameTarget(n.text) })
        return
      }
      case 'type_identifier':
        // `typeof(expr)`: the parser saw the placeholder `_`
        if (unit.opaque.has(n.startIndex)) renameOpaque(n, scopes, out)
        return
      case 'field_identifier':
      case 'statement_identifier':
      case 'string_literal':
      case 'char_literal':
      case 'number_literal':
        return
      case 'cast_expression': {
        const ids = valueCastNames(unit, n)
        if (!ids) break
        renameTokens(ids, scopes, out)
        walk(n.childForFieldName('value')!, scopes, fn, out, skip)
        return
      }
      case 'compound_statement':
      case 'for_statement': {
        const inner = [...scopes, new Map<string, Binding>()]
        for (const c of n.namedChildren) walk(c, inner, fn, out, skip)
        return
      }
      case 'parameter_declaration': {
        // parameter names of prototypes inside declarators are their own scope
        const id = declaratorIdentifier(n.childForFieldName('declarator'))
        const s2 = new Set(skip)
        if (id) s2.add(id.startIndex)
        for (const c of n.namedChildren) walk(c, scopes, fn, out, s2)
        return
      }
      case 'declaration': {
        if (scopes.length === 0) break // top level: generic walk
        const isStatic = storageClasses(n).includes('static')
        const top = scopes[scopes.length - 1]!
        const isExtern = storageClasses(n).includes('extern')
        for (const d of n.childrenForFieldName('declarator')) {
          const id = declaratorIdentifier(d)
          if (!id) continue
          // `extern int g;` and `int helper(int);` in a block name the file-scope symbols
          const local = isStatic && fn ? unit.staticLocals.get(fn)?.find(v => v.declarator.startIndex === d.startIndex) : undefined
          top.set(id.text, isExtern || declaresFunction(d) ? 'global' : local ? { hoisted: staticLocalName(prefix, fn!, local.localName!) } : 'local')
        }
        if (isStatic && fn) {
          // hoist to file scope, just before the function (on the same line: no line shifts)
          const sub: Edit[] = []
          for (const c of n.children) {
            if (c.type === 'storage_class_specifier' && c.text === 'static') sub.push({ start: c.startIndex, end: c.endIndex, text: '' })
            else walk(c, scopes, fn, sub, skip)
          }
          const hoisted = applyEdits(unit.text.slice(n.startIndex, n.endIndex), sub, n.startIndex).replace(MARKER, '').replace(/\s*\n\s*/g, ' ').trim()
          const fnNode = unit.functions.get(fn)!.node
          hoistedBefore.set(fnNode, [...(hoistedBefore.get(fnNode) ?? []), hoisted])
          out.push(blank(unit.text, n))
          return
        }
        for (const c of n.namedChildren) walk(c, scopes, fn, out, skip)
        return
      }
      case 'function_definition': {
        const info = fnAt.get(n.startIndex)
        const name = info?.name ?? null
        const params = new Map<string, Binding>()
        const plist = info?.declarator.childForFieldName('parameters')
        const s2 = new Set(skip)
        for (const p of plist?.namedChildren ?? []) {
          if (p.type !== 'parameter_declaration') continue
          const id = declaratorIdentifier(p.childForFieldName('declarator'))
          if (id) { params.set(id.text, 'local'); s2.add(id.startIndex) }
        }
        for (const c of n.children) {
          if (c.type === 'storage_class_specifier' && name === target && (c.text === 'static' || c.text === 'inline')) {
            out.push({ start: c.startIndex, end: c.endIndex, text: '' })
          } else if (c === n.childForFieldName('body') || c.startIndex === n.childForFieldName('body')?.startIndex) {
            walk(c, [params], name, out, s2)
          } else {
            walk(c, scopes, name, out, s2)
          }
        }
        return
      }
    }
    if (n.type === 'declaration' && scopes.length === 0) {
      // file scope: globals become externally visible (unique names now) and defined here
      const declaresRenamedVar = n.childrenForFieldName('declarator').some(d => {
        const id = declaratorIdentifier(d)
        return id && (unit.variables.has(id.text) || id.text === target)
      })
      for (const c of n.children) {
        if (c.type === 'storage_class_specifier' && declaresRenamedVar && (c.text === 'static' || c.text === 'extern' || (c.text === 'inline'))) {
          out.push({ start: c.startIndex, end: c.endIndex, text: '' })
          // goto-cc 6.6 refuses `unsigned long volatile __attribute__((aligned(64))) jiffies;` once it is
          // no longer extern; where a global is aligned does not change what the code computes
          if (c.text === 'extern') out.push(...alignedAttributes(unit.text, n.startIndex, n.endIndex), ...unsizedArrays(n))
        } else walk(c, scopes, fn, out, skip)
      }
      return
    }
    for (const c of n.namedChildren) walk(c, scopes, fn, out, skip)
  }

  // a function the proof cannot reach is dropped, with what precedes it since the last declaration
  // (attributes, which the parse blanks and would otherwise stick to the next declaration); a run
  // of dropped functions is one edit
  let prevEnd = 0
  let dropFrom: number | undefined
  for (const [i, c] of top.entries()) {
    if (i % 1000 === 999) await checkpoint(ropts.signal)
    const info = c.type === 'function_definition' ? fnAt.get(c.startIndex) : undefined
    if (kept && info && !kept.has(info.name)) {
      dropFrom ??= prevEnd
    } else {
      if (dropFrom !== undefined) edits.push(blankRange(unit.text, dropFrom, prevEnd, ''))
      dropFrom = undefined
      walk(c, [], null, edits, new Set())
    }
    prevEnd = c.endIndex
  }
  if (dropFrom !== undefined) edits.push(blankRange(unit.text, dropFrom, prevEnd, ''))
  if (ropts.zeroInitLocals) for (const e of zeroInitLocals(unit, kept ?? new Set(unit.functions.keys())).edits) edits.push(e)
  await checkpoint(ropts.signal)
  for (const [fnNode, decls] of hoistedBefore) {
    edits.push({ start: fnNode.startIndex, end: fnNode.startIndex, text: decls.join(' ') + ' ' })
  }
  const text = applyEdits(unit.text, edits)

  const functions = new Map<string, string>()
  for (const f of unit.functions.keys()) functions.set(f, prefix + f)

  const reach = reachable(unit, target)
  const globals: GlobalVar[] = []
  for (const v of unit.variables.values()) {
    if (!reach.vars.has(v.name) && !other?.vars.has(v.name)) continue
    globals.push(globalVar(unit, v, prefix, renameTarget(v.name), v.name, shared.has(v.name)))
  }
  const fns = new Set([...reach.fns, ...[...(other?.fns ?? [])].filter(f => unit.functions.has(f))])
  for (const fnName of fns) {
    for (const v of unit.staticLocals.get(fnName) ?? []) {
      globals.push(globalVar(unit, v, prefix, staticLocalName(prefix, fnName, v.localName!), `${fnName}::${v.localName!}`))
    }
  }
  return { text, entry: prefix + target, functions, globals }
}

function globalVar(unit: Unit, v: VarInfo, prefix: string, cName: string, name: string, isShared = false): GlobalVar {
  const decl = v.declaration
  const quals = decl.children.filter(c => c.type === 'type_qualifier').map(c => c.text)
  const ty = decl.childForFieldName('type')!
  const body = ty.childForFieldName('body')
  const tyText = sourceText(unit, ty)
  // `struct s { … } g;` → `extern struct s g;`, but an anonymous `struct { … } g;` keeps its body
  const typeText = body && (ty.childForFieldName('name') || ty.type === 'enum_specifier') ? tyText.slice(0, body.startIndex - ty.startIndex).trim() : tyText
  const core = v.declarator.type === 'init_declarator' ? v.declarator.childForFieldName('declarator')! : v.declarator
  const id = declaratorIdentifier(core)!
  const coreText = sourceText(unit, core)
  const declText = coreText.slice(0, id.startIndex - core.startIndex) + cName + coreText.slice(id.endIndex - core.startIndex)
  const loc = unit.location(v.row)
  return {
    name,
    cName,
    type: v.type,
    isConst: v.isConst,
    hasInit: v.init !== null,
    initText: (v.init?.text ?? '').replace(/\s+/g, ' '),
    externDecl: `extern ${[...quals, typeText].join(' ')} ${declText};`.replace(/\s+/g, ' '),
    origin: v.fn ? `static in ${v.fn}()` : `${loc.file}:${loc.line}`,
    staticLocalOf: v.fn,
    shared: isShared,
  }
}

/**
 * The functions a renamed unit keeps: what the target reaches, what the other version reaches (its
 * static locals are compared), and what file-scope declarations name (an ops table's initializer),
 * with everything those reach in turn.
 */
function keptFunctions(unit: Unit, target: string, other: { readonly fns: ReadonlySet<string> } | undefined, top: readonly Node[]): Set<string> {
  const roots = [target, ...[...(other?.fns ?? [])].filter(f => unit.functions.has(f))]
  const visit = (n: Node, own: ReadonlySet<number>) => {
    if (n.type === 'identifier') {
      if (unit.functions.has(n.text) && !own.has(n.startIndex)) roots.push(n.text)
      return
    }
    for (const c of n.namedChildren) visit(c, own)
  }
  for (const n of top) {
    if (n.type === 'function_definition') continue
    // `int helper(int);` names helper without needing its body
    const own = new Set(n.childrenForFieldName('declarator').map(d => declaratorIdentifier(d)?.startIndex ?? -1))
    visit(n, own)
  }
  return reachableFrom(unit, roots).fns
}
