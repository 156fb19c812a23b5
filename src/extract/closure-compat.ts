/**
 * Pure text rewrites that make gcc's preprocessed kernel text acceptable to CBMC 6.6's goto-cc without
 * changing its meaning (docs/kernel-frontend.md, compatibility items 2, 6 and 9, and section attributes). Each returns the new text
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

/** The top-level comma-separated items of an attribute list's inside (`a, b(1, 2)` → `a`, ` b(1, 2)`). */
function attributeItems(s: string): string[] {
  const items: string[] = []
  let d = 0
  let from = 0
  for (let p = 0; p < s.length; p++) {
    const c = s[p]!
    if (c === '"' || c === "'") p = skipLiteral(s, p) - 1
    else if (c === '(') d++
    else if (c === ')') d--
    else if (c === ',' && d === 0) {
      items.push(s.slice(from, p))
      from = p + 1
    }
  }
  items.push(s.slice(from))
  return items
}

/**
 * Drop `section("…")` attributes (the kernel's __read_mostly, __ro_after_init, __initdata, WARN_ONCE's
 * `.data..once` flag): CBMC renames a symbol with a section (`_data$$name`), so the harness's `extern`
 * declaration of that global in another file silently names a different object. Where the variable lives
 * in the binary does not change what the code computes.
 */
export function rewriteSectionAttributes(s: string): Rewrite {
  const out: string[] = []
  let i = 0
  let count = 0
  for (const m of s.matchAll(/"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\b__attribute(?:__)?\s*\(/g)) {
    if (m.index < i || m[0][0] === '"' || m[0][0] === "'") continue
    const outer = m.index + m[0].length - 1
    const end = matchBracket(s, outer)
    const inner = skipWs(s, outer + 1, end)
    if (end < 0 || s[inner] !== '(') continue
    const innerEnd = matchBracket(s, inner)
    if (innerEnd < 0 || skipWs(s, innerEnd + 1, end) !== end) continue
    const items = attributeItems(s.slice(inner + 1, innerEnd))
    const kept = items.filter(x => !/^\s*(?:__section__|section)\s*\(/.test(x))
    if (kept.length === items.length) continue
    count += items.length - kept.length
    // the same number of lines, so every later line keeps its place
    const lines = '\n'.repeat(s.slice(m.index, end + 1).split('\n').length - 1)
    out.push(s.slice(i, m.index), kept.length ? `__attribute__((${kept.join(',')}))${lines}` : ` ${lines}`)
    i = end + 1
  }
  out.push(s.slice(i))
  return { text: out.join(''), count }
}

export interface CompatResult {
  readonly text: string
  readonly autoType: number
  readonly compoundLiterals: number
  readonly modes: number
  readonly sections: number
}

/** All the rewrites, in the order the measurements used (section attributes last). */
export function applyCompat(s: string): CompatResult {
  const a = rewriteAutoType(s)
  const c = rewriteCompoundLiterals(a.text)
  const m = rewriteModeAttributes(c.text)
  const x = rewriteSectionAttributes(m.text)
  return { text: x.text, autoType: a.count, compoundLiterals: c.count, modes: m.count, sections: x.count }
}
