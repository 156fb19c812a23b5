/**
 * What each top-level chunk of a preprocessed TU defines and uses, by identifier (no C grammar). Struct,
 * union and enum tags live in their own namespace as `tag:NAME`. Over-approximates uses (a local that
 * shadows a global makes the global reached): a closure may be larger than needed, never smaller.
 */
import { GROUP_KEYWORDS, type Chunk, type Tok } from './closure-split.js'

export const KEYWORDS: ReadonlySet<string> = new Set(
  `auto break case char const continue default do double else enum extern float for goto if inline int long register
  restrict return short signed sizeof static struct switch typedef union unsigned void volatile while _Bool _Complex
  _Static_assert _Alignas _Alignof _Atomic _Generic _Noreturn _Thread_local __attribute__ __attribute __typeof__
  __typeof typeof __asm__ __asm asm __inline__ __inline __volatile__ __volatile __restrict__ __restrict __const__
  __const __signed__ __signed __extension__ __label__ __builtin_va_list __int128 __auto_type __alignof__ alignof
  __real__ __imag__ __builtin_offsetof __builtin_types_compatible_p __builtin_choose_expr __builtin_va_arg
  __seg_gs __seg_fs __thread _Float128 __float128`
    .split(/\s+/)
    .filter(Boolean),
)

const TAG_WORDS = new Set(['struct', 'union', 'enum'])
/** Tokens that may follow a declarator's name at depth 0. */
const AFTER_DECLARATOR = new Set([';', ',', '=', '[', ':', '(', '__attribute__', '__attribute', '__asm__', 'asm', '__asm'])
/** Tokens that may follow a member's name inside a struct/union body. */
const AFTER_MEMBER = new Set([';', ',', '[', ':', '__attribute__', '__attribute'])

export interface ChunkFacts {
  readonly defs: ReadonlySet<string>
  readonly uses: ReadonlySet<string>
  /** Name of the function a function chunk defines. */
  readonly name?: string
  /** `static` or `inline` at depth 0 (a reached definition is then kept whole, not as a prototype). */
  readonly local: boolean
}

const isWord = (t: Tok | undefined): boolean => t !== undefined && (t.kind === 'id' || t.kind === 'num')

/** Enumerators declared by `enum … { A, B = 2, … }` bodies inside tokens [s, e). */
function enumerators(toks: readonly Tok[], s: number, e: number, defs: Set<string>): void {
  for (let j = s; j < e; j++) {
    if (toks[j]!.text !== 'enum') continue
    let q = j + 1
    while (q < e && toks[q]!.text !== '{' && toks[q]!.text !== ';' && toks[q]!.text !== ',') q++
    if (q >= e || toks[q]!.text !== '{') continue
    let d = 0
    for (let r = q; r < e; r++) {
      const v = toks[r]!.text
      if (v === '{' || v === '(' || v === '[') d++
      else if (v === '}' || v === ')' || v === ']') {
        if (--d === 0) break
      } else if (d === 1 && toks[r]!.kind === 'id' && (toks[r - 1]!.text === '{' || toks[r - 1]!.text === ',')) {
        const n = toks[r + 1]?.text
        if (n === '=' || n === ',' || n === '}' || n === '__attribute__') defs.add(v)
      }
    }
  }
}

/** Is toks[j] (an identifier inside parentheses) the name of a `(*NAME)`, `(*const NAME[])` or `(NAME)` declarator? */
function parenDeclarator(toks: readonly Tok[], s: number, j: number): boolean {
  const n = toks[j + 1]?.text
  let k = j - 1
  while (k > s && (QUALIFIERS.has(toks[k]!.text) || toks[k]!.text === '*')) k--
  if (k < j - 1 && toks[j - 1]!.text !== '(') return (n === ')' || n === '[') && toks[k]?.text === '(' // `(*const name[])`
  if (n !== ')') return false
  const p = toks[j - 1]?.text
  if (p !== '(') return false
  const before = j - 2 >= s ? toks[j - 2] : undefined
  return before === undefined || (before.kind !== 'id' && before.text !== ')' && before.text !== ']') ||
    (KEYWORDS.has(before.text) && !GROUP_KEYWORDS.has(before.text))
}

/** Facts of one chunk. */
export function scanChunk(toks: readonly Tok[], c: Chunk): ChunkFacts {
  const defs = new Set<string>()
  const uses = new Set<string>()
  const bodyDepth: boolean[] = [] // per open brace: is it a struct/union member list?
  const exprs: boolean[] = [] // per open bracket: is its content an expression (array size, attribute, typeof)?
  let depth = 0
  let inInit = false
  let local = false
  let name: string | undefined
  const isFn = c.kind === 'function'
  for (let j = c.start; j < c.end; j++) {
    const t = toks[j]!
    const v = t.text
    const prev = j > c.start ? toks[j - 1] : undefined
    const next = j + 1 < c.end ? toks[j + 1] : undefined
    if (t.kind === 'op') {
      if (v === '(' || v === '[' || v === '{') {
        if (v === '{') bodyDepth.push(isMemberList(toks, c.start, j))
        const outer = exprs.length > 0 && exprs[exprs.length - 1]!
        exprs.push(v === '{' ? false : outer || v === '[' || GROUP_KEYWORDS.has(prev?.text ?? ''))
        depth++
      } else if (v === ')' || v === ']' || v === '}') {
        if (v === '}') bodyDepth.pop()
        exprs.pop()
        depth--
      } else if (depth === 0 && v === '=') inInit = true
      else if (depth === 0 && (v === ',' || v === ';')) inInit = false
      continue
    }
    if (t.kind !== 'id') continue
    if (prev?.text === '.' || prev?.text === '->') continue
    if (TAG_WORDS.has(v)) {
      if (next?.kind === 'id' && !KEYWORDS.has(next.text)) {
        const afterTag = toks[j + 2]?.text
        const forward = afterTag === ';' && j === c.start // `struct s;` declares the tag at file scope
        ;((afterTag === '{' && !inInit && !(isFn && j >= c.body!)) || forward ? defs : uses).add(`tag:${next.text}`)
        j++
      }
      continue
    }
    if (depth === 0 && (v === 'static' || v === 'inline' || v === '__inline__' || v === '__inline')) local = true
    if (KEYWORDS.has(v)) continue
    if (inInit || (isFn && j > c.body!) || (exprs.length > 0 && exprs[exprs.length - 1])) {
      uses.add(v)
      continue
    }
    if (isFn) {
      if (name === undefined && depth === 0 && next?.text === '(') {
        name = v
        defs.add(v)
        continue
      }
      if (depth >= 1 && isParamName(prev, next)) continue
      uses.add(v)
      continue
    }
    const inMembers = bodyDepth.length > 0 && bodyDepth[bodyDepth.length - 1]
    if (inMembers && isWordOrStar(prev) && AFTER_MEMBER.has(next?.text ?? '')) continue // a member's name
    if (parenDeclarator(toks, c.start, j)) {
      if (depth === 1 && bodyDepth.length === 0) defs.add(v)
      continue
    }
    if (depth === 0 && next?.text === '(' && (toks[j + 2]?.text === '*' || toks[j + 2]?.text === '(')) {
      uses.add(v) // `T (*name)(…)`: T is a type
      continue
    }
    if (depth >= 1 && isParamName(prev, next)) continue
    if (depth === 0 && AFTER_DECLARATOR.has(next?.text ?? ';') && !(next?.text === '(' && defs.size > 0)) {
      defs.add(v)
      continue
    }
    uses.add(v)
  }
  enumerators(toks, c.start, c.end, defs)
  for (const d of defs) uses.delete(d)
  return { defs, uses, local, ...(name !== undefined ? { name } : {}) }
}

const isWordOrStar = (t: Tok | undefined): boolean => isWord(t) || t?.text === '*' || t?.text === ')'

/** A parameter's (or member's) own name: `T name`, `T *name`, followed by `,` `)` `[`. */
function isParamName(prev: Tok | undefined, next: Tok | undefined): boolean {
  const n = next?.text
  if (n !== ',' && n !== ')' && n !== '[') return false
  return prev?.text === '*' || (prev?.kind === 'id' && !QUALIFIERS.has(prev.text))
}

const QUALIFIERS = new Set(['const', '__const', '__const__', 'volatile', '__volatile', '__volatile__', 'restrict', '__restrict',
  '__restrict__', '_Atomic'])

/** Does the `{` at toks[j] open a struct/union member list (`struct [tag] [attrs] {`)? */
function isMemberList(toks: readonly Tok[], s: number, j: number): boolean {
  let k = j - 1
  if (k >= s && toks[k]!.kind === 'id' && !KEYWORDS.has(toks[k]!.text)) k--
  while (k >= s && toks[k]!.text === ')') {
    let d = 0 // skip `__attribute__((…))`
    for (; k >= s; k--) {
      if (toks[k]!.text === ')') d++
      else if (toks[k]!.text === '(' && --d === 0) break
    }
    k -= 2
    if (k >= s && toks[k]!.kind === 'id' && !KEYWORDS.has(toks[k]!.text)) k--
  }
  return k >= s && (toks[k]!.text === 'struct' || toks[k]!.text === 'union')
}

/** What the forward-declaration choice needs to know about a chunk. */
export interface TagFacts {
  /** Struct/union tags this chunk names only as `struct X *` (tag → `struct` or `union`). */
  readonly pointerOnly: ReadonlyMap<string, string>
  /** Names after `.` or `->` (member accesses and designators). */
  readonly accessed: ReadonlySet<string>
  /** Every non-keyword identifier (for a struct definition: its member names, among others). */
  readonly names: ReadonlySet<string>
}

/** Second pass over a chunk: pointer-only tag uses, member accesses, names. */
export function scanTags(toks: readonly Tok[], c: Chunk): TagFacts {
  const ptr = new Map<string, string>()
  const strong = new Set<string>()
  const accessed = new Set<string>()
  const names = new Set<string>()
  for (let j = c.start; j < c.end; j++) {
    const t = toks[j]!
    if (t.kind !== 'id') continue
    const prev = toks[j - 1]?.text
    if (j > c.start && (prev === '.' || prev === '->')) accessed.add(t.text)
    else if (!KEYWORDS.has(t.text)) names.add(t.text)
    if (TAG_WORDS.has(t.text) && toks[j + 1]?.kind === 'id') {
      const tag = `tag:${toks[j + 1]!.text}`
      const after = toks[j + 2]?.text
      if (after === '*' && t.text !== 'enum') ptr.set(tag, t.text)
      else if (after !== '{' && !(after === ';' && j === c.start)) strong.add(tag)
      j++
    }
  }
  for (const s of strong) ptr.delete(s)
  return { pointerOnly: ptr, accessed, names }
}
