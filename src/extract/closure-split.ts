/**
 * Token-level top-level splitter for gcc's preprocessed output (`.i`), no C grammar: the text is cut into
 * tokens (line markers kept as their own kind), then into top-level chunks — a declaration ends at `;` at
 * depth 0, a function definition at the `}` that closes its body. Strings, char literals and every bracket
 * kind are balanced; comments are already gone after `gcc -E`. See docs/kernel-frontend.md.
 */

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

// `# 12 "file" 1 3` and `#pragma …` lines; whitespace; string/char literals; identifiers; pp-numbers; operators.
const TOKEN_RE =
  /(^#[^\n]*)|([ \t\r\n\f\v]+)|("(?:\\[\s\S]|[^"\\\n])*"|'(?:\\[\s\S]|[^'\\\n])*')|([A-Za-z_$][\w$]*)|(\.?\d(?:[eEpP][+-]|[\w.])*)|(->|\.\.\.|<<=|>>=|[-+*/%&|^<>=!]=|\+\+|--|<<|>>|&&|\|\||##|[^\sA-Za-z_0-9])/gmy

/** Every token of `text` except whitespace; line markers and pragmas are tokens of kind `marker`. */
export function tokenize(text: string): Tok[] {
  const out: Tok[] = []
  TOKEN_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while (TOKEN_RE.lastIndex < text.length && (m = TOKEN_RE.exec(text)) !== null) {
    const at = m.index
    if (m[1] !== undefined) out.push({ kind: 'marker', text: m[1], at })
    else if (m[2] !== undefined) continue
    else if (m[3] !== undefined) out.push({ kind: 'str', text: m[3], at })
    else if (m[4] !== undefined) out.push({ kind: 'id', text: m[4], at })
    else if (m[5] !== undefined) out.push({ kind: 'num', text: m[5], at })
    else out.push({ kind: 'op', text: m[6]!, at })
  }
  return out
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
