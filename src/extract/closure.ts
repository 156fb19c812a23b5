/**
 * Cut a function's closure out of gcc's preprocessed text (`.i`): the function's definition plus every
 * top-level item it reaches, to a fixpoint, in original order. Types, typedefs, enums, struct/union
 * definitions and globals are kept whole; `static`/`inline` function bodies are kept whole (with their own
 * closure); other functions are kept as prototypes. Pure: text in, text and facts out.
 *
 * Decision (struct via pointer): by default a reached tag keeps its full definition, never only a forward
 * declaration: whether a member is accessed is not decidable without types (`p->x` names no type), and the
 * harness must allocate the objects pointers point to, which needs complete types. Option
 * `pointerOnlyTags: 'forward'` approximates "no member accessed" by names: a struct/union named only as
 * `struct X *` becomes `struct X;` unless a kept item accesses (`.m`, `->m`) a name its definition
 * contains; pointer arithmetic on such a pointer then fails to compile (loudly), never silently.
 *
 * Line mapping: every kept item is preceded by a `# LINE "file"` marker giving its first line's real
 * position; markers inside an item are kept (their include flags 1/2 dropped, the system-header flag 3
 * kept), so every line of the output still maps to its real file:line.
 */
import { scanChunk, scanTags, KEYWORDS, type ChunkFacts, type TagFacts } from './closure-scan.js'
import { splitTopLevel, tokenize, type Chunk, type ChunkKind, type Tok } from './closure-split.js'

export type KeepMode = 'full' | 'prototype'

export interface ClosureItem {
  /** Position of the item among the TU's top-level items. */
  readonly index: number
  readonly kind: ChunkKind
  readonly mode: KeepMode
  /** Names it defines (`tag:NAME` for struct/union/enum tags), sorted. */
  readonly defines: readonly string[]
  /** Why it is kept: `target`, or the name through which it was first reached. */
  readonly reason: string
  readonly file?: string
  readonly line?: number
}

/** A struct/union reached only through pointers, declared `struct X;` (option `pointerOnlyTags: 'forward'`). */
export interface ForwardDeclaration {
  readonly tag: string
  readonly keyword: string
  /** Where its (left out) definition starts. */
  readonly file?: string
  readonly line?: number
}

export interface Closure {
  readonly text: string
  readonly items: readonly ClosureItem[]
  /** Forward declarations at the top of `text`, in the order of their definitions in the TU. */
  readonly forwards: readonly ForwardDeclaration[]
  /** Every name the closure uses that a kept item defines, sorted. */
  readonly reached: readonly string[]
  /** Number of top-level items in the whole TU. */
  readonly topLevel: number
}

interface Keep {
  mode: KeepMode
  readonly reason: string
}

/** Identifiers and tags a function's declaration (everything before its body) uses. */
function prototypeUses(toks: readonly Tok[], c: Chunk, facts: ChunkFacts): Set<string> {
  const out = new Set<string>()
  for (let j = c.start; j < (c.body ?? c.end); j++) {
    const t = toks[j]!
    if (t.kind !== 'id') continue
    if (t.text === 'struct' || t.text === 'union' || t.text === 'enum') {
      if (toks[j + 1]?.kind === 'id') out.add(`tag:${toks[++j]!.text}`)
    } else if (!KEYWORDS.has(t.text) && !facts.defs.has(t.text)) out.add(t.text)
  }
  return out
}

/** How a struct/union reached only through pointers is kept (see the module comment). */
export interface ClosureOptions {
  /**
   * `full` (default): its whole definition. `forward`: a `struct X;` forward declaration at the top of
   * the closure when no kept item accesses a member name of its definition (`.m`, `->m`, designators).
   */
  readonly pointerOnlyTags?: 'full' | 'forward'
  /**
   * `local` (default): only `static`/`inline` definitions keep their bodies, the rest become prototypes
   * (what a live patch's source needs). `all`: every reached definition keeps its body (what a proof
   * compares: a callee defined in the file is proved with its code, not as an external call).
   */
  readonly bodies?: 'local' | 'all'
  /** More names to reach, as if the function used them (identifiers of claims and assumptions). */
  readonly roots?: readonly string[]
}

interface Scanned {
  readonly toks: readonly Tok[]
  readonly chunks: readonly Chunk[]
  readonly facts: readonly ChunkFacts[]
  readonly tags?: readonly TagFacts[]
  readonly allBodies: boolean
}

function indexByName(facts: readonly ChunkFacts[]): Map<string, number[]> {
  const byName = new Map<string, number[]>()
  facts.forEach((f, i) =>
    f.defs.forEach(d => {
      const xs = byName.get(d)
      if (xs) xs.push(i)
      else byName.set(d, [i])
    }),
  )
  return byName
}

/** Grow the set of kept chunks from the targets to a fixpoint. */
function reach(sc: Scanned, targets: number[], roots: readonly string[] = []) {
  const { toks, chunks, facts, tags, allBodies } = sc
  const byName = indexByName(facts)
  const keep = new Map<number, Keep>()
  const reached = new Set<string>()
  const weak = new Map<string, string>() // pointer-only tags not (yet) kept: tag → struct/union
  const accessed = new Set<string>()
  const work: number[] = []
  const add = (j: number, mode: KeepMode, reason: string): void => {
    const had = keep.get(j)
    if (had && (had.mode === 'full' || had.mode === mode)) return
    if (had) had.mode = 'full'
    else keep.set(j, { mode, reason })
    work.push(j)
  }
  for (const i of targets) add(i, 'full', 'target')
  const mode = (j: number): KeepMode => (chunks[j]!.kind === 'function' && !allBodies && !facts[j]!.local ? 'prototype' : 'full')
  for (const u of roots) {
    for (const j of byName.get(u) ?? []) {
      reached.add(u)
      add(j, mode(j), `${u} (named by an expression)`)
    }
  }
  for (;;) {
    while (work.length > 0) {
      const i = work.pop()!
      const full = keep.get(i)!.mode === 'full'
      const uses = full ? facts[i]!.uses : prototypeUses(toks, chunks[i]!, facts[i]!)
      if (full) tags?.[i]!.accessed.forEach(a => accessed.add(a))
      for (const u of uses) {
        const kw = tags?.[i]!.pointerOnly.get(u)
        if (kw !== undefined && !reached.has(u)) {
          weak.set(u, kw)
          continue
        }
        for (const j of byName.get(u) ?? []) {
          reached.add(u)
          weak.delete(u)
          add(j, mode(j), u)
        }
      }
    }
    // a pointer-only tag whose member names are accessed somewhere is needed whole after all
    const needed = [...weak.keys()].filter(u => (byName.get(u) ?? []).some(j => [...tags![j]!.names].some(n => accessed.has(n))))
    if (needed.length === 0) break
    for (const u of needed) {
      weak.delete(u)
      reached.add(u)
      for (const j of byName.get(u) ?? []) add(j, 'full', `${u} (member accessed)`)
    }
  }
  for (const u of weak.keys()) if (!byName.has(u)) weak.delete(u)
  return { keep, reached, weak }
}

/** Real positions: the marker that applies at an offset, and the line it names there. */
function positioner(text: string, all: readonly Tok[]) {
  const markers: { at: number; line: number; file: string; sys: boolean }[] = []
  for (const t of all) {
    const m = t.kind === 'marker' ? /^#\s*(?:line\s+)?(\d+)\s+("(?:\\.|[^"\\])*")(.*)$/.exec(t.text) : null
    if (m) markers.push({ at: t.at, line: Number(m[1]), file: m[2]!, sys: /\b3\b/.test(m[3]!) })
  }
  const nl: number[] = []
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) nl.push(p)
  const before = (xs: readonly number[], at: number): number => {
    let lo = 0
    let hi = xs.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (xs[mid]! < at) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const starts = markers.map(m => m.at)
  return (at: number) => {
    const mi = before(starts, at + 1) - 1
    if (mi < 0) return undefined
    const m = markers[mi]!
    return { file: m.file, line: m.line + before(nl, at) - before(nl, m.at) - 1, sys: m.sys }
  }
}

/** A marker inside kept text, without the include flags (1, 2) that describe a nesting we no longer have. */
const normalizeMarkers = (s: string): string =>
  s.replace(/^#\s*(\d+)\s+("(?:\\.|[^"\\])*")([ \d]*)$/gm, (_all, n: string, f: string, flags: string) =>
    `# ${n} ${f}${/\b3\b/.test(flags) ? ' 3' : ''}`)

/** `# LINE "file"` for an offset, and the item position it gives. */
function markerAt(pos: ReturnType<typeof positioner>, at: number) {
  const p = pos(at)
  if (!p) return { line: undefined, where: {} }
  const file = p.file.slice(1, -1).replace(/\\(.)/g, '$1')
  return { line: `# ${p.line} ${p.file}${p.sys ? ' 3' : ''}`, where: { file, line: p.line } }
}

/** The closure of `func` in preprocessed `text`, or undefined if no definition of `func` is in it. */
export function cutClosure(text: string, func: string, opts: ClosureOptions = {}): Closure | undefined {
  const all = tokenize(text)
  const toks = all.filter(t => t.kind !== 'marker')
  const chunks = splitTopLevel(toks)
  const facts = chunks.map(c => scanChunk(toks, c))
  const targets = facts.flatMap((f, i) => (chunks[i]!.kind === 'function' && f.name === func ? [i] : []))
  if (targets.length === 0) return undefined
  const tags = opts.pointerOnlyTags === 'forward' ? chunks.map(c => scanTags(toks, c)) : undefined
  const { keep, reached, weak } = reach({ toks, chunks, facts, allBodies: opts.bodies === 'all', ...(tags ? { tags } : {}) }, targets, opts.roots)
  const pos = positioner(text, all)
  const items: ClosureItem[] = []
  const forwards: ForwardDeclaration[] = []
  const parts: string[] = []
  const byName = indexByName(facts)
  for (const [tag, kw] of [...weak].sort((x, y) => byName.get(x[0])![0]! - byName.get(y[0])![0]!)) {
    const m = markerAt(pos, toks[chunks[byName.get(tag)![0]!]!.start]!.at)
    if (m.line) parts.push(m.line)
    parts.push(`${kw} ${tag.slice(4)};`)
    forwards.push({ tag, keyword: kw, ...m.where })
  }
  for (const i of [...keep.keys()].sort((a, b) => a - b)) {
    const c = chunks[i]!
    const k = keep.get(i)!
    const a = toks[c.start]!.at
    const last = toks[c.end - 1]!
    const body =
      k.mode === 'full' ? text.slice(a, last.at + last.text.length) : `${text.slice(a, toks[c.body!]!.at).trimEnd()};`
    const m = markerAt(pos, a)
    if (m.line) parts.push(m.line)
    parts.push(normalizeMarkers(body))
    items.push({ index: i, kind: c.kind, mode: k.mode, defines: [...facts[i]!.defs].sort(), reason: k.reason, ...m.where })
  }
  return { text: `${parts.join('\n')}\n`, items, forwards, reached: [...reached].sort(), topLevel: chunks.length }
}

/** Names of the functions `text` defines, in order (each once): what to suggest when the asked one is missing. */
export function definedFunctions(text: string): string[] {
  const toks = tokenize(text).filter(t => t.kind !== 'marker')
  const names = splitTopLevel(toks).flatMap(c => (c.kind === 'function' ? [scanChunk(toks, c).name] : []))
  return [...new Set(names.filter((n): n is string => n !== undefined))]
}
