/**
 * Token-level top-level splitter for gcc's preprocessed output (`.i`), no C grammar: the text is cut into
 * tokens (line markers kept as their own kind), then into top-level chunks — a declaration ends at `;` at
 * depth 0, a function definition at the `}` that closes its body. Strings, char literals and every bracket
 * kind are balanced; comments are already gone after `gcc -E`. See docs/kernel-frontend.md.
 */
import { finishSync } from './checkpoint.js'

export type TokKind = 'marker' | 'str' | 'id' | 'num' | 'op'

export interface Tok {
  readonly kind: TokKind
  readonly text: string
  /** Offset of the token's first character in the input text. */
  readonly at: number
}

export type ChunkKind = 'function' | 'declaration'

/** A top-level item: tokens [start, end) of the marker-free token list. */
export interface Chunk {
  readonly start: number
  readonly end: number
  readonly kind: ChunkKind
  /** For a function: index of the `{` that opens its body. */
  readonly body?: number
}

const ID_RE = /[A-Za-z_$][\w$]*/y
const NUM_RE = /\.?\d(?:[eEpP][+-]|[\w.])*/y
const OP_RE = /->|\.\.\.|<<=|>>=|[-+*/%&|^<>=!]=|\+\+|--|<<|>>|&&|\|\||##|[^\sA-Za-z_0-9]/y

const sticky = (re: RegExp, text: string, p: number): string => {
  re.lastIndex = p
  return re.exec(text)![0]
}

/** Index just past the string or char literal that starts at text[p] (an unclosed one ends at the line's end). */
function literalEnd(text: string, p: number): number {
  const q = text.charCodeAt(p)
  for (let i = p + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 92) i++ // backslash
    else if (c === q) return i + 1
    else if (c === 10) return i
  }
  return text.length
}

/**
 * Every token of `text` except whitespace; line markers (`# 12 "file" 1 3`) and pragmas — lines starting
 * with `#` — are tokens of kind `marker`.
 */
export function tokenize(text: string): Tok[] {
  return finishSync(tokenSteps(text))
}

/** Characters read between two yields of tokenSteps (~30 ms). */
const TOKENIZE_SLICE = 256 * 1024

/** tokenize, yielding every TOKENIZE_SLICE characters (checkpoint.ts finishAsync). */
export function* tokenSteps(text: string): Generator<void, Tok[]> {
  const out: Tok[] = []
  let p = 0
  let next = TOKENIZE_SLICE
  while (p < text.length) {
    if (p >= next) {
      yield
      next = p + TOKENIZE_SLICE
    }
    const c = text.charCodeAt(p)
    if (c === 32 || (c >= 9 && c <= 13)) {
      p++
      continue
    }
    let kind: TokKind
    let end: number
    if (c === 35 && (p === 0 || text.charCodeAt(p - 1) === 10)) {
      kind = 'marker'
      end = text.indexOf('\n', p)
      if (end < 0) end = text.length
    } else if (c === 34 || c === 39) {
      kind = 'str'
      end = literalEnd(text, p)
    } else if (c === 95 || c === 36 || ((c | 32) >= 97 && (c | 32) <= 122)) {
      kind = 'id'
      end = p + sticky(ID_RE, text, p).length
    } else if ((c >= 48 && c <= 57) || (c === 46 && text.charCodeAt(p + 1) >= 48 && text.charCodeAt(p + 1) <= 57)) {
      kind = 'num'
      end = p + sticky(NUM_RE, text, p).length
    } else {
      kind = 'op'
      end = p + sticky(OP_RE, text, p).length
    }
    out.push({ kind, text: text.slice(p, end), at: p })
    p = end
  }
  return out
}

/** Index of the token that closes the bracket opened at toks[i], or toks.length when it is never closed. */
export function closingToken(toks: readonly Tok[], i: number): number {
  let depth = 0
  for (let j = i; j < toks.length; j++) {
    const t = toks[j]!.text
    if (t === '(' || t === '[' || t === '{') depth++
    else if ((t === ')' || t === ']' || t === '}') && --depth === 0) return j
  }
  return toks.length
}

/** Keywords that introduce a parenthesised group which is not a declarator or a parameter list. */
export const GROUP_KEYWORDS: ReadonlySet<string> = new Set([
  '__attribute__', '__attribute', '__typeof__', '__typeof', 'typeof', '__asm__', '__asm', 'asm', '_Alignas',
  '__alignof__', '_Alignof', 'alignof', 'sizeof', '_Static_assert', '__volatile__', 'volatile', '__declspec',
])

const OPEN = new Set(['(', '[', '{'])
const CLOSE = new Set([')', ']', '}'])

/**
 * Split marker-free tokens into top-level chunks. A `{` at depth 0 opens a function body when the token
 * before it closes a parameter list (a `)` whose group is not `__attribute__((…))`/`asm(…)`) and the chunk
 * has no `=` at depth 0 (an initializer). Trailing tokens without a `;` form a last declaration chunk.
 */
export function splitTopLevel(toks: readonly Tok[]): Chunk[] {
  const chunks: Chunk[] = []
  const parens: number[] = []
  let start = 0
  let depth = 0
  let body = -1
  let hasInit = false
  let lastGroupOpen = -1
  for (let i = 0; i < toks.length; i++) {
    const v = toks[i]!.text
    if (toks[i]!.kind !== 'op') continue
    if (OPEN.has(v)) {
      if (v === '{' && depth === 0 && body < 0 && !hasInit && i > start && toks[i - 1]!.text === ')') {
        const before = lastGroupOpen > start ? toks[lastGroupOpen - 1] : undefined
        if (before === undefined || !GROUP_KEYWORDS.has(before.text)) body = i
      }
      if (v === '(') parens.push(i)
      depth++
    } else if (CLOSE.has(v)) {
      if (v === ')') {
        const open = parens.pop()
        if (depth === 1 && open !== undefined) lastGroupOpen = open
      }
      depth = Math.max(0, depth - 1)
      if (v === '}' && depth === 0 && body >= 0) {
        chunks.push({ start, end: i + 1, kind: 'function', body })
        start = i + 1
        body = -1
        hasInit = false
      }
    } else if (depth === 0 && v === '=') {
      hasInit = true
    } else if (depth === 0 && v === ';') {
      if (i > start) chunks.push({ start, end: i + 1, kind: 'declaration' })
      start = i + 1
      hasInit = false
      body = -1
    }
  }
  if (start < toks.length) chunks.push({ start, end: toks.length, kind: 'declaration' })
  return chunks
}
