/**
 * GNU C that tree-sitter-c cannot parse, rewritten for the parser's eyes only. Every rewrite keeps
 * offsets and newlines (the tree's positions are positions in the real text, which is what cbmc gets):
 * - `typeof(expr)` / `__typeof__(expr)` (READ_ONCE, per-cpu accessors, min/max): tree-sitter reads
 *   only `typeof(type)`. The operand becomes the placeholder type name `_`; its range is *opaque*: the
 *   renamer renames file-scope names in it by token (see OpaqueRange), nothing else looks inside.
 * - `offsetof(T, a.b[i])` (container_of): a member designator beyond one name becomes `_`.
 * - `case 1 ... 3:` (case ranges): the `...` reads as `+`.
 * - `__builtin_types_compatible_p(T1, T2)` (type arguments, e.g. `struct s`): its arguments are an
 *   opaque range read as the placeholder expression `_`.
 * - asm operands with a constraint spelled as adjacent strings (`"=@cc" "c" (x)`): the later strings blank.
 * - `__alignof__(expr)` (alloc_percpu) reads as `sizeof(expr)`: nothing downstream evaluates it.
 * - `__signed__` reads as `signed`; `asm __inline volatile (…)` loses the `__inline`.
 * - In a struct/union body: unnamed bit-fields (`unsigned :0;`, `u64 a : 2, : 45;`) and empty member
 *   declarations (`seqcount_t s; ;` from a macro that expands to nothing) are blanked; they declare no member.
 * Measured on real kernel closures (docs/kernel-frontend.md): these were the constructs left inside
 * function bodies once line markers and attributes are blanked (pp-text.ts parseableText).
 */
import { closingToken as closing, tokenize, type Tok } from './closure-split.js'
import { KEYWORDS } from './closure-scan.js'

/** A range of the real text the parser saw as the placeholder `_`: an expression inside `typeof(…)`. */
export interface OpaqueRange {
  readonly start: number
  readonly end: number
}

export interface ParseView {
  /** What tree-sitter parses (same length and newlines as the input). */
  readonly text: string
  /** Opaque ranges by start offset (where the placeholder type name `_` stands). */
  readonly opaque: ReadonlyMap<number, OpaqueRange>
}

/** Words that start a type name: `typeof(struct s *)` and `typeof(int)` parse as they are. */
const TYPE_START: ReadonlySet<string> = new Set([
  'struct', 'union', 'enum', 'const', 'volatile', 'void', 'char', 'short', 'int', 'long', 'signed', 'unsigned',
  'float', 'double', '_Bool', '__int128', '_Complex', 'typeof', '__typeof__', '__typeof', '__signed__', '__restrict',
  'restrict', '__volatile__', '__const', '_Atomic', '__auto_type',
])
const TYPEOF: ReadonlySet<string> = new Set(['typeof', '__typeof__', '__typeof'])
const ALIGNOF: ReadonlySet<string> = new Set(['__alignof__', '__alignof', '_Alignof'])
const ASM: ReadonlySet<string> = new Set(['asm', '__asm__', '__asm'])
const ASM_QUALIFIER: ReadonlySet<string> = new Set(['volatile', '__volatile__', '__volatile', 'goto'])
const INLINE: ReadonlySet<string> = new Set(['inline', '__inline', '__inline__'])
/** Type words of an unnamed bit-field (`unsigned int :3`); a lone typedef name (`__u32 :32`) also is one. */
const BITFIELD_TYPE: ReadonlySet<string> = new Set(['unsigned', 'signed', 'int', 'char', 'short', 'long', '_Bool', 'const', 'volatile', '__signed__'])

/** End (index of the `;` or `,` at depth 0, or toks.length) of a member declarator starting at toks[i]. */
function memberEnd(toks: readonly Tok[], i: number, stopAtComma: boolean): number {
  let depth = 0
  for (let j = i; j < toks.length; j++) {
    const t = toks[j]!.text
    if (t === '(' || t === '[' || t === '{') depth++
    else if (t === ')' || t === ']' || t === '}') { if (--depth < 0) return j }
    else if (depth === 0 && (t === ';' || (stopAtComma && t === ','))) return j
  }
  return toks.length
}

/** Rewrites inside a struct/union body at toks[i]; returns the last token index it consumed. */
function recordMember(toks: readonly Tok[], i: number, chars: string[]): number {
  const t = toks[i]!
  const prev = toks[i - 1]?.text
  const atStart = prev === ';' || prev === '{'
  if (t.text === ';' && atStart) {
    fill(chars, t.at, t.at + 1, '')
    return i
  }
  if (t.text === ',' && toks[i + 1]?.text === ':') {
    const end = memberEnd(toks, i + 1, true)
    fill(chars, t.at, toks[end]?.at ?? chars.length, '')
    return end - 1
  }
  if (atStart && t.kind === 'id') {
    let j = i
    while (toks[j]?.kind === 'id' && BITFIELD_TYPE.has(toks[j]!.text)) j++
    if (j === i && toks[j]?.kind === 'id') j++ // a typedef name
    if (j > i && toks[j]?.text === ':') {
      const end = memberEnd(toks, j, false)
      fill(chars, t.at, end < toks.length ? toks[end]!.at + 1 : chars.length, '')
      return end
    }
  }
  return i - 1
}

/** Replace text[start, end) by `head` followed by blanks, keeping newlines. */
function fill(chars: string[], start: number, end: number, head: string): void {
  for (let k = start; k < end; k++) if (chars[k] !== '\n') chars[k] = ' '
  for (let k = 0; k < head.length; k++) chars[start + k] = head[k]!
}

/** In `asm(template : operands…)` opening at toks[open]: a constraint's second and later strings blank. */
function asmOperands(toks: readonly Tok[], open: number, chars: string[]): void {
  const close = closing(toks, open)
  let operands = false
  for (let j = open + 1, depth = 0; j < close; j++) {
    const x = toks[j]!
    if (x.text === '(' || x.text === '[') depth++
    else if (x.text === ')' || x.text === ']') depth--
    else if (x.text === ':' && depth === 0) operands = true
    else if (operands && depth === 0 && x.kind === 'str' && toks[j - 1]!.kind === 'str') fill(chars, x.at, x.at + x.text.length, '')
  }
}

/** `text` already has line markers and attributes blanked (parseableText). */
export function gnuParseView(text: string): ParseView {
  const toks = tokenize(text)
  const chars = text.split('')
  const opaque = new Map<number, OpaqueRange>()
  let inCase = false
  // one entry per open `{`: whether it opens a struct/union body
  const braces: boolean[] = []
  // tokens are visited left to right; a rewritten range's inner tokens are skipped
  for (let i = 0; i < toks.length; i++) {
    if (braces[braces.length - 1]) {
      const done = recordMember(toks, i, chars)
      if (done >= i) {
        i = done
        continue
      }
    }
    const t = toks[i]!
    if (t.text === '{') {
      const p1 = toks[i - 1]?.text, p2 = toks[i - 2]?.text
      braces.push(p1 === 'struct' || p1 === 'union' || ((p2 === 'struct' || p2 === 'union') && toks[i - 1]!.kind === 'id'))
    } else if (t.text === '}') braces.pop()
    if (t.kind === 'id') {
      if (t.text === 'case') inCase = true
      else if (t.text === '__signed__') fill(chars, t.at, t.at + t.text.length, 'signed')
      else if (ALIGNOF.has(t.text) && toks[i + 1]?.text === '(' && toks[i + 2] && !TYPE_START.has(toks[i + 2]!.text) && toks[i + 3]?.text !== ')') {
        // `__alignof__(*p)` (alloc_percpu): tree-sitter reads alignof of a type only; sizeof takes both
        fill(chars, t.at, t.at + t.text.length, 'sizeof')
      } else if (TYPEOF.has(t.text) && toks[i + 1]?.text === '(') {
        const close = closing(toks, i + 1)
        const first = toks[i + 2]
        if (close < toks.length && first && close > i + 2 && !TYPE_START.has(first.text)) {
          const start = first.at
          const end = toks[close]!.at
          fill(chars, start, end, '_')
          opaque.set(start, { start, end })
          i = close
        }
      } else if (t.text === 'offsetof' && toks[i + 1]?.text === '(') {
        const close = closing(toks, i + 1)
        let comma = -1
        for (let j = i + 2, depth = 0; j < close; j++) {
          const x = toks[j]!.text
          if (x === '(' || x === '[' || x === '{') depth++
          else if (x === ')' || x === ']' || x === '}') depth--
          else if (x === ',' && depth === 0) { comma = j; break }
        }
        if (comma > 0 && close < toks.length && close - comma !== 2) fill(chars, toks[comma + 1]!.at, toks[close]!.at, '_')
        // the tokens after `offsetof` are read on: its type may be `typeof(*pos)` (container_of); the
        // designator has no construct to rewrite
      } else if (t.text === '__builtin_types_compatible_p' && toks[i + 1]?.text === '(') {
        const close = closing(toks, i + 1)
        if (close < toks.length && close > i + 2) {
          const start = toks[i + 2]!.at
          const end = toks[close]!.at
          fill(chars, start, end, '_')
          opaque.set(start, { start, end })
          i = close
        }
      } else if (ASM.has(t.text)) {
        let j = i + 1
        for (; j < toks.length && (ASM_QUALIFIER.has(toks[j]!.text) || INLINE.has(toks[j]!.text)); j++) {
          const q = toks[j]!
          if (INLINE.has(q.text)) fill(chars, q.at, q.at + q.text.length, '')
        }
        if (toks[j]?.text === '(') asmOperands(toks, j, chars)
      }
    } else if (t.kind === 'op') {
      if (t.text === '...' && inCase) fill(chars, t.at, t.at + 3, '+')
      else if (t.text === ':' || t.text === ';' || t.text === '{' || t.text === '}') inCase = false
    }
  }
  return { text: chars.join(''), opaque }
}

/**
 * Identifiers of an opaque range that may name file-scope symbols: not a member (after `.`/`->`),
 * not a tag (after struct/union/enum). Offsets are into the real text.
 */
export function opaqueIdentifiers(text: string, r: OpaqueRange): { start: number; end: number; name: string }[] {
  const toks = tokenize(text.slice(r.start, r.end))
  const out: { start: number; end: number; name: string }[] = []
  for (const [i, t] of toks.entries()) {
    if (t.kind !== 'id' || KEYWORDS.has(t.text)) continue
    const prev = toks[i - 1]?.text
    if (prev === '.' || prev === '->' || prev === 'struct' || prev === 'union' || prev === 'enum') continue
    out.push({ start: r.start + t.at, end: r.start + t.at + t.text.length, name: t.text })
  }
  return out
}
