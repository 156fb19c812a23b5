/**
 * Pure text rewrites that make gcc's preprocessed kernel text acceptable to CBMC 6.6's goto-cc without
 * changing its meaning (docs/kernel-frontend.md, compatibility items 2, 6 and 9). Each returns the new text
 * and how many places it rewrote.
 */

export interface Rewrite {
  readonly text: string
  readonly count: number
}

/** Index just past the string or char literal that starts at s[p]. */
function skipLiteral(s: string, p: number): number {
  const q = s[p]
  p++
  while (p < s.length && s[p] !== q) p += s[p] === '\\' ? 2 : 1
  return p + 1
}

/** Index of the `,` `;` or unmatched closing bracket that ends the expression starting at `start`. */
function endOfInit(s: string, start: number): number {
  let d = 0
  for (let p = start; p < s.length; p++) {
    const c = s[p]!
    if (c === '"' || c === "'") p = skipLiteral(s, p) - 1
    else if (c === '(' || c === '[' || c === '{') d++
    else if (c === ')' || c === ']' || c === '}') {
      if (d === 0) return p
      d--
    } else if ((c === ',' || c === ';') && d === 0) return p
  }
  return s.length
}

/**
 * `__auto_type x = e` → `__typeof__(((void)0, e)) x = e` (CBMC 6.6 has no `__auto_type`). The comma
 * operator performs the lvalue conversion `__auto_type` does; `typeof` does not evaluate `e`.
 */
export function rewriteAutoType(s: string): Rewrite {
  const out: string[] = []
  let i = 0
  let count = 0
  for (const m of s.matchAll(/\b__auto_type\b/g)) {
    const after = m.index + m[0].length
    if (m.index < i) continue
    const k = /^\s*([A-Za-z_]\w*)\s*=(?!=)/.exec(s.slice(after, after + 200))
    if (!k) continue
    const start = after + k[0].length
    const init = s.slice(start, endOfInit(s, start)).replace(/\n#[^\n]*/g, '').replace(/\s+/g, ' ').trim()
    out.push(s.slice(i, m.index), `__typeof__(((void)0, ${init}))`)
    i = after
    count++
  }
  out.push(s.slice(i))
  return { text: out.join(''), count }
}

/**
 * `__mode__(byte)` → `__mode__(__byte__)` (and word, pointer, QI … TI; `mode` likewise): goto-cc 6.6
 * segfaults on `enum … __attribute__((__mode__(byte)))`; the `__X__` spelling means the same to gcc.
 */
export function rewriteModeAttributes(s: string): Rewrite {
  let count = 0
  const text = s.replace(/\b(__mode__|mode)(\s*\(\s*)(byte|word|pointer|QI|HI|SI|DI|TI)(\s*\))/g, (_a, kw, open, m, close) => {
    count++
    return `${kw}${open}__${m}__${close}`
  })
  return { text, count }
}

/** Index of the bracket that closes the one at s[p] (`(` or `{`), or -1. */
export function matchBracket(s: string, p: number): number {
  const open = s[p]
  const close = open === '(' ? ')' : '}'
  let d = 0
  for (let q = p; q < s.length; q++) {
    const c = s[q]!
    if (c === '"' || c === "'") q = skipLiteral(s, q) - 1
    else if (c === open) d++
    else if (c === close && --d === 0) return q
  }
  return -1
}

const skipWs = (s: string, p: number, end = s.length): number => {
  while (p < end && /\s/.test(s[p]!)) p++
  return p
}

function prevSignificant(s: string, p: number): string {
  p--
  while (p >= 0 && /\s/.test(s[p]!)) p--
  return p >= 0 ? s[p]! : ''
}

/** Where a compound literal's cast is dropped: the cast's `(` index → the index its replacement resumes at. */
interface Drop {
  readonly from: number
  readonly to: number
  readonly replace?: string
  readonly count: number
}

/** At a `(` in initializer position: `(T){…}` drops `(T)`; `((T){…})` drops the cast and the wrapper. */
function dropCast(s: string, a: number): Drop | undefined {
  const e = matchBracket(s, a)
  if (e < 0) return undefined
  const j = skipWs(s, e + 1)
  if (s[j] === '{') return { from: a, to: j, count: 1 }
  const b = skipWs(s, a + 1, e)
  if (s[b] !== '(') return undefined
  const e2 = matchBracket(s, b)
  const j2 = skipWs(s, e2 + 1, e)
  if (e2 < 0 || s[j2] !== '{') return undefined
  const close = matchBracket(s, j2)
  if (close < 0 || skipWs(s, close + 1, e) !== e) return undefined
  const inner = rewriteCompoundLiterals(`=${s.slice(j2, close + 1)}`)
  return { from: a, to: e + 1, replace: inner.text.slice(1), count: 1 + inner.count }
}

const SCAN_RE = /\n#[^\n]*|"|'|[(){}[\];]|(?<![=<>!+\-*/%&|^])=(?!=)|\bstatic\b/g

/**
 * Drop the `(T)` cast of a compound literal that is an element of a brace initializer or the whole
 * initializer of a file-scope or `static` object: `static T x = (T){…}` → `static T x = {…}` (CBMC:
 * "expected constant expression"; gcc accepts both as a GNU extension with the same meaning).
 */
export function rewriteCompoundLiterals(s: string): Rewrite {
  const out: string[] = []
  const stack: ('p' | 'init' | 'blk')[] = []
  const staticStmt: boolean[] = [false]
  let count = 0
  let i = 0
  let forceInit = false
  const re = new RegExp(SCAN_RE.source, 'g')
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const t = m[0]
    const a = m.index
    if (t.startsWith('\n#')) continue
    if (t === '"' || t === "'") {
      re.lastIndex = skipLiteral(s, a)
      continue
    }
    if (t === 'static') {
      staticStmt[staticStmt.length - 1] = true
      continue
    }
    const top = stack[stack.length - 1]
    const pv = prevSignificant(s, a)
    if (t === '(') {
      const atInit =
        (top === 'init' && '=,{'.includes(pv) && pv !== '') ||
        (pv === '=' && top !== 'p' && (stack.every(k => k === 'p') || staticStmt[staticStmt.length - 1]!))
      const d = atInit ? dropCast(s, a) : undefined
      if (d) {
        out.push(s.slice(i, d.from))
        if (d.replace !== undefined) out.push(d.replace)
        i = d.to
        re.lastIndex = d.to
        count += d.count
        forceInit = d.replace === undefined
        continue
      }
      stack.push('p')
    } else if (t === '[') stack.push('p')
    else if (t === ')' || t === ']') {
      if (stack[stack.length - 1] === 'p') stack.pop()
    } else if (t === '{') {
      stack.push(forceInit || pv === '=' || (',{'.includes(pv) && pv !== '' && top === 'init') ? 'init' : 'blk')
      forceInit = false
      staticStmt.push(false)
    } else if (t === '}') {
      if (stack.length > 0 && stack[stack.length - 1] !== 'p') {
        stack.pop()
        staticStmt.pop()
      }
      if (stack.length === 0 || stack[stack.length - 1] === 'blk') staticStmt[staticStmt.length - 1] = false
    } else if (t === ';') staticStmt[staticStmt.length - 1] = false
  }
  out.push(s.slice(i))
  return { text: out.join(''), count }
}

export interface CompatResult {
  readonly text: string
  readonly autoType: number
  readonly compoundLiterals: number
  readonly modes: number
}

/** All three rewrites, in the order the measurements used. */
export function applyCompat(s: string): CompatResult {
  const a = rewriteAutoType(s)
  const c = rewriteCompoundLiterals(a.text)
  const m = rewriteModeAttributes(c.text)
  return { text: m.text, autoType: a.count, compoundLiterals: c.count, modes: m.count }
}
