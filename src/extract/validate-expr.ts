/**
 * The one gate for C expressions that come from a file or an option — claims, assumptions, buffer
 * lengths, held locks, a spec's `externals.<fn>.writes.size`, every expression of a model file —
 * before they reach generated C (which cbmc checks and gcc runs natively). Each must be ONE
 * side-effect free C expression spanning the whole text, over the names its context allows:
 * no call, assignment, increment, comma operator, statement expression, compound literal, string,
 * comment, preprocessor token (`#`, `_Pragma`), backslash, trigraph or digraph, and nothing after it.
 * Pure and synchronous (a small recursive-descent parser over an allow-listed grammar), so a schema,
 * a loader and the harness emitter can all call it.
 */

export interface ExprRules {
  /** May this identifier be used as a value (a variable, a constant)? */
  readonly allows: (name: string) => boolean
  /** Ends "uses 'x', which …": what the allowed names are. */
  readonly unknown: string
  /** What these expressions are, plural, for messages: "claims", "model expressions". */
  readonly noun: string
}

/** A value name the expression uses, where it is (to rename it). */
export interface NameUse {
  readonly name: string
  readonly start: number
  readonly end: number
}

export type ExprCheck =
  | { readonly ok: true; readonly names: readonly NameUse[] }
  /** `reason` completes "<what> …", e.g. "calls a function (system); claims are side-effect free C expressions". */
  | { readonly ok: false; readonly reason: string }

/** Longest expression text (a macro-expanded claim included). */
export const MAX_EXPR_LENGTH = 16384
/** Deepest nesting of operators (a parenthesis counts two). */
export const MAX_EXPR_DEPTH = 400

type TokKind = 'id' | 'num' | 'char' | 'punct' | 'at' | 'end'
interface Tok {
  readonly kind: TokKind
  readonly text: string
  readonly start: number
  readonly end: number
}

class Reject extends Error {}

const PUNCT = [
  '<<=', '>>=', '...', '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||',
  '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=',
  '[', ']', '(', ')', '{', '}', '.', '&', '*', '+', '-', '~', '!', '/', '%', '<', '>', '^', '|', '?', ':', ';', '=', ',',
]
const ASSIGN = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|='])
const BINARY: readonly (readonly string[])[] = [
  ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
]
const QUALIFIERS = new Set(['const', 'volatile', 'restrict', '__restrict', '__restrict__', '__const', '__volatile__'])
const TYPE_WORDS = new Set([
  'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '_Bool', '__signed__', '__int128', ...QUALIFIERS,
])
const TAGS = new Set(['struct', 'union', 'enum'])
const SIZEOF = new Set(['sizeof', '_Alignof', '__alignof__', '__alignof'])
/** Words with a grammar role elsewhere in C (or GCC): never a name here. */
const RESERVED = new Set([
  ...TYPE_WORDS, ...TAGS, ...SIZEOF,
  'auto', 'break', 'case', 'continue', 'default', 'do', 'else', 'extern', 'for', 'goto', 'if', 'inline', 'register',
  'return', 'static', 'switch', 'typedef', 'while', '_Alignas', '_Atomic', '_Complex', '_Generic', '_Imaginary',
  '_Noreturn', '_Static_assert', '_Thread_local', '_Pragma', 'asm', '__asm', '__asm__', 'typeof', '__typeof',
  '__typeof__', '__attribute', '__attribute__', '__extension__', '__label__', '__auto_type', '__real__', '__imag__',
  '__inline', '__inline__', 'alignof', 'bool', 'true', 'false', 'nullptr', 'static_assert', 'thread_local', 'constexpr',
])
const NUMBER = /^(?:(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)(?:[uU](?:ll|LL|[lL])?|(?:ll|LL|[lL])[uU]?)?|(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFlL]?|[0-9]+[eE][+-]?[0-9]+[fFlL]?|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+[fFlL]?)$/
const ESCAPE = /^\\(?:[ntvbrfa\\'"?]|[0-7]{1,3}|x[0-9a-fA-F]{1,8})/

/** A text as it may be shown in a message (one line, not endless). */
export function shownExpr(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > max ? `${one.slice(0, max - 1)}…` : one
}

function tokenize(text: string, noun: string, raw: boolean): Tok[] {
  if (text.length > MAX_EXPR_LENGTH) throw new Reject(`is longer than ${MAX_EXPR_LENGTH} characters`)
  // only printable ASCII and line breaks: no control character, no look-alike letters
  const bad = /[^\x20-\x7e\t\n\r]/.exec(text)
  if (bad) {
    const c = bad[0].codePointAt(0)!
    throw new Reject(`contains a control or non-ASCII character (${c < 0x80 ? `\\x${c.toString(16).padStart(2, '0')}` : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`})`)
  }
  // GCC turns trigraphs into # \ [ ] { } | ~ under -std=c…; no expression needs two '?' in a row
  if (text.includes('??')) throw new Reject(`contains '??' (a trigraph); ${noun} may not use trigraphs`)
  const toks: Tok[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    const two = text.slice(i, i + 2)
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++
    } else if (two === '//' || two === '/*') {
      throw new Reject(`contains a comment ('${two}'); comments are not allowed in ${noun}`)
    } else if (c === '#' || two === '%:') {
      throw new Reject(`contains '${c === '#' ? '#' : '%:'}'; preprocessor directives and operators are not allowed in ${noun}`)
    } else if (two === '<%' || two === '%>' || two === '<:' || two === ':>') {
      throw new Reject(`contains the digraph '${two}'; ${noun} may not use digraphs`)
    } else if (c === '\\') {
      throw new Reject(`contains a backslash outside a character constant`)
    } else if (c === '"') {
      throw new Reject(`contains a string literal; ${noun} compare numbers and pointers, not strings`)
    } else if (c === "'") {
      let j = i + 1
      while (j < text.length && text[j] !== "'") {
        if (text[j] === '\n' || text[j] === '\r') break
        if (text[j] === '\\') {
          const m = ESCAPE.exec(text.slice(j))
          if (!m) throw new Reject(`has a bad escape in a character constant (near '${shownExpr(text.slice(j), 20)}')`)
          j += m[0].length
        } else j++
      }
      if (text[j] !== "'") throw new Reject(`has an unterminated character constant (near '${shownExpr(text.slice(i), 20)}')`)
      if (j === i + 1) throw new Reject(`has an empty character constant ('')`)
      toks.push({ kind: 'char', text: text.slice(i, j + 1), start: i, end: j + 1 })
      i = j + 1
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      // a preprocessing number: digits, letters, _, . and an exponent's sign
      const m = /^\.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.])*/.exec(text.slice(i))!
      if (!NUMBER.test(m[0])) throw new Reject(`has a malformed number ('${shownExpr(m[0], 30)}')`)
      toks.push({ kind: 'num', text: m[0], start: i, end: i + m[0].length })
      i += m[0].length
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!
      toks.push({ kind: 'id', text: m[0], start: i, end: i + m[0].length })
      i += m[0].length
    } else if (c === '@' && raw) {
      toks.push({ kind: 'at', text: c, start: i, end: i + 1 })
      i++
    } else {
      const p = PUNCT.find(q => text.startsWith(q, i))
      if (!p) throw new Reject(`contains an unexpected character '${c}'`)
      toks.push({ kind: 'punct', text: p, start: i, end: i + p.length })
      i += p.length
    }
  }
  if (toks.length === 0) throw new Reject('is empty')
  toks.push({ kind: 'end', text: '', start: text.length, end: text.length })
  return toks
}

function refused(e: unknown): ExprCheck {
  /* c8 ignore start -- only Reject is thrown by the checks: anything else is our bug, passed on */
  if (!(e instanceof Reject)) throw e
  /* c8 ignore stop */
  return { ok: false, reason: e.message }
}

/**
 * Check an expression as written by the user, before the preprocessor expands its macros (a claim,
 * an assumption, a buffer length: names and structure are checked on the expansion, by checkExpr).
 * Catches what the preprocessor would act on or hide: comments, `#`, `_Pragma`, backslashes,
 * strings, trigraphs, digraphs, `defined` and `__has_include`-like operators (gcc opens the
 * file named in `__has_include(<path>)` wherever it appears), and `;`, `{`, `}` which no expression holds. `@f(k)` (a claim
 * about the world) is allowed.
 */
export function checkRawExpr(text: string, noun: string): ExprCheck {
  try {
    const toks = tokenize(text, noun, true)
    for (const t of toks) {
      if (t.kind === 'punct' && (t.text === ';' || t.text === '{' || t.text === '}')) {
        throw new Reject(t.text === ';' ? `is not a single C expression ('${t.text}' in it)` : `contains '${t.text}'; ${noun} are single side-effect free C expressions, not statements`)
      }
      if (t.kind === 'id' && (t.text === '_Pragma' || /^__klp/i.test(t.text))) throw new Reject(`uses '${t.text}', which is reserved`)
      // the preprocessor acts on these even outside a directive: __has_include(<path>) opens the path
      if (t.kind === 'id' && (t.text === 'defined' || /^__has_/.test(t.text))) throw new Reject(`uses '${t.text}', a preprocessor operator; ${noun} are C expressions, not preprocessor conditions`)
    }
    return { ok: true, names: [] }
  } catch (e) {
    return refused(e)
  }
}

/** Check one expression against the rules; `names` are the value names it uses, to rename. */
export function checkExpr(text: string, rules: ExprRules): ExprCheck {
  try {
    return { ok: true, names: new ExprParser(text, tokenize(text, rules.noun, false), rules).parse() }
  } catch (e) {
    return refused(e)
  }
}

class ExprParser {
  private pos = 0
  private depth = 0
  private readonly names: NameUse[] = []
  constructor(private readonly text: string, private readonly toks: readonly Tok[], private readonly rules: ExprRules) {}

  parse(): NameUse[] {
    const first = this.peek()
    this.assignLevel()
    const t = this.peek()
    if (t.kind !== 'end') {
      if (t.text === ',') this.comma()
      throw new Reject(`is not a single C expression ('${shownExpr(this.text.slice(t.start), 30)}' follows '${shownExpr(this.text.slice(first.start, t.start), 30)}')`)
    }
    for (const n of this.names) {
      if (!this.rules.allows(n.name)) throw new Reject(`uses '${n.name}', which ${this.rules.unknown}`)
    }
    return this.names
  }

  private peek(k = 0): Tok {
    return this.toks[Math.min(this.pos + k, this.toks.length - 1)]!
  }

  private next(): Tok {
    return this.toks[this.pos++]!
  }

  private is(text: string, k = 0): boolean {
    const t = this.peek(k)
    return t.kind === 'punct' && t.text === text
  }

  private fail(): never {
    const t = this.peek()
    throw new Reject(`is not a C expression (near ${t.kind === 'end' ? 'the end' : `'${shownExpr(this.text.slice(t.start), 30)}'`})`)
  }

  private expect(text: string): void {
    if (this.is(',')) this.comma()
    if (!this.is(text)) this.fail()
    this.pos++
  }

  private comma(): never {
    throw new Reject(`uses the comma operator; ${this.rules.noun} are single C expressions`)
  }

  private enter(): void {
    if (++this.depth > MAX_EXPR_DEPTH) throw new Reject(`is nested too deeply (more than ${MAX_EXPR_DEPTH} levels)`)
  }

  private sideEffect(what: string, start: number, end: number, hint = ''): never {
    throw new Reject(`${what} (${shownExpr(this.text.slice(start, end), 40)}); ${this.rules.noun} are side-effect free C expressions${hint}`)
  }

  /** A conditional expression; an assignment after it is refused with its whole text. */
  private assignLevel(): void {
    const start = this.peek().start
    this.cond()
    const op = this.peek()
    if (op.kind === 'punct' && ASSIGN.has(op.text)) {
      this.pos++
      let end = op.end
      try {
        this.assignLevel()
        end = this.toks[this.pos - 1]!.end
      } catch {
        // the right side does not parse: name the assignment up to its operator
      }
      this.sideEffect('assigns', start, end, op.text === '=' ? " (did you mean '=='?)" : '')
    }
  }

  private cond(): void {
    this.enter()
    this.binary(0)
    if (this.is('?')) {
      this.pos++
      if (this.is(':')) this.fail() // GCC's `a ?: b` evaluates a twice in our eyes: not allowed
      this.assignLevel()
      this.expect(':')
      this.cond()
    }
    this.depth--
  }

  private binary(level: number): void {
    if (level === BINARY.length) return this.cast()
    this.binary(level + 1)
    while (this.peek().kind === 'punct' && BINARY[level]!.includes(this.peek().text)) {
      this.pos++
      this.binary(level + 1)
    }
  }

  private cast(): void {
    this.enter()
    if (this.is('(') && this.castType()) {
      if (this.is('{')) throw new Reject(`contains a compound literal; ${this.rules.noun} may not build objects`)
      this.cast()
    } else {
      this.unary()
    }
    this.depth--
  }

  /**
   * At `(`: a parenthesised type name (consumed with its `)`), or false (nothing consumed). A lone
   * unknown identifier `(T)` is a typedef name only where C could not read it as a value: before a
   * name, a number, a character, `~`, `!` or sizeof. `(T)(x)` stays a call (it is one if T is a function).
   */
  private castType(sizeofOperand = false): boolean {
    const save = this.pos
    const named = this.names.length
    this.pos++
    const kind = this.typeName(sizeofOperand)
    if (kind && this.is(')')) {
      this.pos++
      const after = this.peek()
      if (kind === 'type' || sizeofOperand || after.kind === 'num' || after.kind === 'char' ||
        (after.kind === 'id' && (!RESERVED.has(after.text) || SIZEOF.has(after.text))) || (after.kind === 'punct' && (after.text === '~' || after.text === '!'))) {
        return true
      }
    }
    this.pos = save
    this.names.length = named
    return false
  }

  /**
   * A type name: 'type', 'typedef' (a lone unknown identifier), or undefined (not a type; the
   * position is then undefined). Array types only as sizeof's operand (nothing casts to an array).
   */
  private typeName(arrays: boolean): 'type' | 'typedef' | undefined {
    let words = 0
    let typedef = false
    for (;;) {
      const t = this.peek()
      if (t.kind !== 'id') break
      if (TYPE_WORDS.has(t.text)) {
        this.pos++
        words++
      } else if (TAGS.has(t.text)) {
        this.pos++
        const tag = this.next()
        if (tag.kind !== 'id' || RESERVED.has(tag.text)) return undefined
        if (this.is('{')) throw new Reject(`defines a type; ${this.rules.noun} may only name types`)
        words++
      } else if (words === 0 && !typedef && !RESERVED.has(t.text) && !this.rules.allows(t.text)) {
        this.pos++
        typedef = true
      } else break
    }
    if (words === 0 && !typedef) return undefined
    let declarator = false
    while (this.is('*')) {
      this.pos++
      declarator = true
      while (this.peek().kind === 'id' && QUALIFIERS.has(this.peek().text)) this.pos++
    }
    while (arrays && this.is('[')) {
      this.pos++
      declarator = true
      if (!this.is(']')) this.cond()
      this.expect(']')
    }
    return words === 0 && !declarator ? 'typedef' : 'type'
  }

  private unary(): void {
    const t = this.peek()
    if (t.kind === 'punct' && (t.text === '++' || t.text === '--')) {
      this.pos++
      let end = t.end
      try {
        this.unary()
        end = this.toks[this.pos - 1]!.end
      } catch {
        // name the operator alone
      }
      this.sideEffect('assigns', t.start, end)
    }
    if (t.kind === 'punct' && ['+', '-', '!', '~', '*', '&'].includes(t.text)) {
      this.pos++
      return this.cast()
    }
    if (t.kind === 'id' && SIZEOF.has(t.text)) {
      this.pos++
      if (this.is('(') && this.castType(true)) {
        if (this.is('{')) throw new Reject(`contains a compound literal; ${this.rules.noun} may not build objects`)
        return
      }
      this.enter()
      this.unary()
      this.depth--
      return
    }
    this.postfix()
  }

  private postfix(): void {
    const start = this.peek().start
    this.primary()
    for (;;) {
      const t = this.peek()
      if (t.kind !== 'punct') return
      if (t.text === '[') {
        this.pos++
        this.enter()
        this.assignLevel()
        this.depth--
        this.expect(']')
      } else if (t.text === '.' || t.text === '->') {
        this.pos++
        const f = this.next()
        if (f.kind !== 'id' || RESERVED.has(f.text)) {
          this.pos--
          this.fail()
        }
      } else if (t.text === '(') {
        throw new Reject(`calls a function (${shownExpr(this.text.slice(start, t.start), 40)}); ${this.rules.noun} are side-effect free C expressions`)
      } else if (t.text === '++' || t.text === '--') {
        this.sideEffect('assigns', start, t.end)
      } else {
        return
      }
    }
  }

  private primary(): void {
    const t = this.peek()
    if (t.kind === 'num' || t.kind === 'char') {
      this.pos++
      return
    }
    if (t.kind === 'id' && !RESERVED.has(t.text)) {
      this.pos++
      this.names.push({ name: t.text, start: t.start, end: t.end })
      return
    }
    if (this.is('(')) {
      if (this.is('{', 1)) throw new Reject(`contains a statement expression ('({ … })'); ${this.rules.noun} are side-effect free C expressions`)
      this.pos++
      this.assignLevel()
      this.expect(')')
      return
    }
    this.fail()
  }
}

/**
 * The names of a model's expressions and of a spec's `externals.<fn>.writes.size`: the call's
 * arguments arg0, arg1, … — below the callee's arity once it is known (`callee`).
 */
export function argRules(noun: string, callee?: { readonly name: string; readonly arity: number }): ExprRules {
  return {
    allows: n => {
      const m = /^arg(0|[1-9][0-9]{0,2})$/.exec(n)
      return m !== null && (callee === undefined || Number(m[1]) < callee.arity)
    },
    unknown: callee === undefined
      ? "is not an argument (write arg0, arg1, … for the call's arguments)"
      : `is not an argument of ${callee.name}() (${callee.arity === 0 ? 'it takes none' : callee.arity === 1 ? 'it takes arg0' : `it takes arg0..arg${callee.arity - 1}`})`,
    noun,
  }
}

/** What a model or `writes.size` expression may be, for hints. */
export const ARG_EXPR_HINT = "write a C expression over the call's arguments arg0, arg1, …, numbers, sizeof and operators; no calls, assignments, comments or statements"
