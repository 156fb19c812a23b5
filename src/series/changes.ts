/**
 * Which functions a patch changed: for each function defined in the user's file (statics too),
 * compare the token streams of gcc's preprocessed text (comments are gone; whitespace is ignored).
 * Callers in the same file of a changed static helper are "affected": a live patch replaces them too
 * when the helper was inlined.
 *
 * No C grammar: the text is cut with the closure's token-level splitter (extract/closure-split.ts,
 * closure-scan.ts), which reads any TU gcc accepts in a fraction of a second (a whole-TU parse took
 * 2.5–10 s per kernel file version). Code added above a function renumbers what it expands without
 * changing it, so two things are compared without their number: names made from __COUNTER__
 * (`__UNIQUE_ID_x123`, `__compiletime_assert_45`), and __LINE__ where it follows __FILE__ (WARN's and
 * BUG's bug-table entry `"i" ("lib/x.c"), "i" (123)`, might_sleep's `("lib/x.c", 123, …)`) or is
 * a dynamic-debug descriptor's `.lineno = 123` (every pr_debug) or follows `__func__,` (ocfs2's mlog):
 * a decimal literal within a few tokens after a string naming a .c/.h file, or right after `.lineno =`
 * or `__func__ ,`, equal to its own line or up to LINE_SPAN
 * lines below (a macro call spanning lines), is read as `@LINE`. kpatch-build ignores
 * such line-only changes for the same reason.
 */
import { finishAsync, finishSync } from '../extract/checkpoint.js'
import { splitTopLevel, tokenSteps, type Chunk, type Tok } from '../extract/closure-split.js'
import { KEYWORDS, scanChunk } from '../extract/closure-scan.js'
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

interface FnEntry {
  readonly text: string
  readonly chunk: number
  readonly isStatic: boolean
  readonly inFile: string
}

/** One preprocessed TU, cut into top-level items (pure; build it once per version). */
export interface TuIndex {
  readonly toks: readonly Tok[]
  /** File and line at an offset of the text. */
  readonly pos: Pos
  readonly chunks: readonly Chunk[]
  /** Function name → its definition (the last one when defined twice). */
  readonly functions: ReadonlyMap<string, FnEntry>
  /** Each top-level declaration (not a function definition): its tokens and the names it declares. */
  readonly declarations: readonly { readonly text: string; readonly names: readonly string[] }[]
  /** The first bracket that does not balance: where the TU cannot be cut (its functions may be hidden). */
  readonly unbalanced?: { readonly text: string; readonly file: string; readonly line: number }
}

/** A __COUNTER__-made name without its number. */
const COUNTED = /^(__UNIQUE_ID_[A-Za-z_]*?|__compiletime_assert_)\d+$/
const word = (t: Tok) => (t.kind === 'id' && COUNTED.test(t.text) ? t.text.replace(/\d+$/, '#') : t.text)
/** How far below a macro call's first line its __LINE__ may be, and how many tokens after __FILE__. */
const LINE_SPAN = 20
const FILE_REACH = 6
const FILE_STRING = /^"[^"]*\.[ch]"$/

export type Pos = (at: number) => { file: string; line: number }

/** toks[j] is a __LINE__ expansion: a decimal literal shortly after a file name, `.lineno =` or `__func__,`, near its own line. */
function isLineLiteral(toks: readonly Tok[], j: number, pos: Pos): boolean {
  const t = toks[j]!
  if (t.kind !== 'num' || !/^[1-9]\d*$/.test(t.text)) return false
  const designator = (j >= 3 && toks[j - 1]!.text === '=' && toks[j - 2]!.text === 'lineno' && toks[j - 3]!.text === '.') ||
    (j >= 2 && toks[j - 1]!.text === ',' && toks[j - 2]!.text === '__func__')
  let k = j - 1
  while (!designator && k >= 0 && k >= j - FILE_REACH && !(toks[k]!.kind === 'str' && FILE_STRING.test(toks[k]!.text))) k--
  if (!designator && (k < 0 || k < j - FILE_REACH)) return false
  const d = Number(t.text) - pos(t.at).line
  return d >= 0 && d <= LINE_SPAN
}

function textOf(toks: readonly Tok[], s: number, e: number, pos: Pos): string {
  const out: string[] = []
  for (let j = s; j < e; j++) out.push(isLineLiteral(toks, j, pos) ? '@LINE' : word(toks[j]!))
  return out.join(' ')
}

/** File and line at an offset of `text`, from its line markers. */
function positioner(text: string, all: readonly Tok[]): Pos {
  const marks: { at: number; line: number; file: string }[] = []
  for (const t of all) {
    const m = t.kind === 'marker' ? /^#\s*(?:line\s+)?(\d+)\s+"((?:\\.|[^"\\])*)"/.exec(t.text) : null
    if (m) marks.push({ at: t.at, line: Number(m[1]), file: m[2]!.replace(/\\(.)/g, '$1') })
  }
  const nl: number[] = []
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) nl.push(p)
  const below = (xs: readonly number[], at: number): number => {
    let lo = 0
    let hi = xs.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (xs[mid]! < at) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const starts = marks.map(m => m.at)
  return at => {
    const m = marks[below(starts, at + 1) - 1]
    return m ? { file: m.file, line: m.line + below(nl, at) - below(nl, m.at) - 1 } : { file: '<unknown>', line: below(nl, at) + 1 }
  }
}

/** The first bracket that is never closed, or a closing one with nothing open. */
function firstUnbalanced(toks: readonly Tok[]): Tok | undefined {
  const open: Tok[] = []
  for (const t of toks) {
    if (t.kind !== 'op') continue
    if (t.text === '(' || t.text === '[' || t.text === '{') open.push(t)
    else if (t.text === ')' || t.text === ']' || t.text === '}') {
      if (!open.pop()) return t
    }
  }
  return open[0]
}

/** `static` among a definition's tokens before its body, outside parentheses. */
function declaredStatic(toks: readonly Tok[], c: Chunk): boolean {
  let depth = 0
  for (let j = c.start; j < c.body!; j++) {
    const v = toks[j]!.text
    if (v === '(' || v === '[') depth++
    else if (v === ')' || v === ']') depth--
    else if (depth === 0 && v === 'static') return true
  }
  return false
}

export function indexUnit(text: string): TuIndex {
  return finishSync(indexSteps(text))
}

/** indexUnit giving the event loop a turn every few tens of milliseconds (a file of 80,000 functions takes a second). */
export function indexUnitAsync(text: string, signal?: AbortSignal): Promise<TuIndex> {
  return finishAsync(indexSteps(text), signal)
}

function* indexSteps(text: string): Generator<void, TuIndex> {
  const all = yield* tokenSteps(text)
  const toks = all.filter(t => t.kind !== 'marker')
  yield
  const chunks = splitTopLevel(toks)
  yield
  const pos = positioner(text, all)
  yield
  const functions = new Map<string, FnEntry>()
  const declarations: { text: string; names: string[] }[] = []
  for (const [i, c] of chunks.entries()) {
    if (i % 5000 === 4999) yield
    const facts = scanChunk(toks, c)
    if (c.kind === 'function' && facts.name !== undefined) {
      functions.set(facts.name, { text: textOf(toks, c.start, c.end, pos), chunk: i, isStatic: declaredStatic(toks, c), inFile: pos(toks[c.start]!.at).file })
    } else if (c.kind === 'declaration') {
      declarations.push({ text: textOf(toks, c.start, c.end, pos), names: [...facts.defs].map(n => n.replace(/^tag:/, '')) })
    }
  }
  const bad = firstUnbalanced(toks)
  return { toks, pos, chunks, functions, declarations, ...(bad ? { unbalanced: { text: bad.text, ...pos(bad.at) } } : {}) }
}

/** Function name → tokens, of the user's file itself or (inHeaders) of the headers it includes. */
function userFunctions(u: TuIndex, file: string, inHeaders = false): Map<string, string> {
  const out = new Map<string, string>()
  for (const [name, f] of u.functions) if (sameFile(f.inFile, file) !== inHeaders) out.set(name, f.text)
  return out
}

/** Functions defined in the user's file itself (not in headers), sorted. */
export function definedFunctions(u: TuIndex, file: string): string[] {
  return [...userFunctions(u, file).keys()].sort()
}

/** Identifiers of a function (its signature too), not member names after `.`/`->`; `calls`: only those called. */
function namesIn(u: TuIndex, fn: string, calls: boolean): Set<string> {
  const out = new Set<string>()
  // asked only for functions of this version
  const c = u.chunks[u.functions.get(fn)!.chunk]!
  for (let j = calls ? c.body! : c.start; j < c.end; j++) {
    const t = u.toks[j]!
    if (t.kind !== 'id' || KEYWORDS.has(t.text)) continue
    const prev = u.toks[j - 1]?.text
    if (prev === '.' || prev === '->') continue
    if (!calls || u.toks[j + 1]?.text === '(') out.add(t.text)
  }
  return out
}

/**
 * Names whose declarations differ: declarations are matched by their tokens (a multiset, so moving
 * one is no change); every name an unmatched one declares, on either side.
 */
function changedDeclarations(a: TuIndex, b: TuIndex): Set<string> {
  const left = new Map<string, number>()
  for (const d of b.declarations) left.set(d.text, (left.get(d.text) ?? 0) + 1)
  const out = new Set<string>()
  for (const d of a.declarations) {
    const n = left.get(d.text) ?? 0
    if (n > 0) left.set(d.text, n - 1)
    else for (const x of d.names) out.add(x)
  }
  for (const d of b.declarations) {
    const n = left.get(d.text)!
    if (n > 0) {
      left.set(d.text, n - 1)
      for (const x of d.names) out.add(x)
    }
  }
  return out
}

export function functionChanges(oldUnit: TuIndex, oldFile: string, newUnit: TuIndex, newFile: string): FunctionChanges {
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
  const isStatic = (n: string) => newUnit.functions.get(n)?.isStatic === true
  const fromHeaders = [...hb.keys()].filter(n => ha.has(n) && ha.get(n) !== hb.get(n) && isStatic(n)).sort()
  const inlinable = new Set([...changed.filter(isStatic), ...fromHeaders])
  const calls = new Map([...b.keys()].map(n => [n, namesIn(newUnit, n, true)]))
  const affected = new Set<string>()
  // a changed constant, table, enumerator or type changes every function that uses it
  const decls = [...changedDeclarations(oldUnit, newUnit)].filter(n => !a.has(n) && !b.has(n)).sort()
  if (decls.length) {
    const changedDecls = new Set(decls)
    for (const n of b.keys()) {
      if (!a.has(n) || changed.includes(n)) continue
      const uses = new Set([...namesIn(oldUnit, n, false), ...namesIn(newUnit, n, false)])
      if ([...uses].some(x => changedDecls.has(x))) {
        affected.add(n)
        if (isStatic(n)) inlinable.add(n)
      }
    }
  }
  for (let grew = true; grew; ) {
    grew = false
    for (const n of b.keys()) {
      if (!a.has(n) || changed.includes(n) || affected.has(n)) continue
      if ([...calls.get(n)!].some(c => inlinable.has(c))) {
        affected.add(n)
        if (isStatic(n)) inlinable.add(n)
        grew = true
      }
    }
  }
  const nothing = !changed.length && !affected.size && !added.length && !removed.length
  const unplanned = nothing ? unplannedWhy(oldUnit, newUnit, decls.length > 0 || fromHeaders.length > 0) : undefined
  return {
    changed, affected: [...affected].sort(), added, removed,
    ...(fromHeaders.length ? { fromHeaders } : {}),
    ...(decls.length ? { declarations: decls } : {}),
    common: [...b.keys()].filter(n => a.has(n)).sort(),
    ...(unplanned ? { unplanned } : {}),
  }
}

const sameTokens = (x: TuIndex, y: TuIndex) => x.toks.length === y.toks.length && x.toks.every((t, i) => (isLineLiteral(x.toks, i, x.pos) ? '@LINE' : word(t)) === (isLineLiteral(y.toks, i, y.pos) ? '@LINE' : word(y.toks[i]!)))

/**
 * Nothing to prove was found: fine when the compiler sees the same file (a comment, whitespace),
 * or when the change is a declaration or header function that no function here uses (`explained`)
 * in a file whose brackets balance. Otherwise why not: a file that cannot be cut hides its functions.
 */
function unplannedWhy(oldUnit: TuIndex, newUnit: TuIndex, explained: boolean): string | undefined {
  if (!oldUnit.unbalanced && !newUnit.unbalanced && (explained || sameTokens(oldUnit, newUnit))) return undefined
  for (const [u, which] of [[oldUnit, 'old'], [newUnit, 'new']] as const) {
    const at = u.unbalanced
    if (at) return `the ${which} version does not parse (an unbalanced '${at.text}' at ${at.file}:${at.line}), so no function of it could be planned`
  }
  return 'it changed, but no function whose body changed was found in it'
}
