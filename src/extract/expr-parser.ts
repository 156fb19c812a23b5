/**
 * The grammatical half of the expression gate (validate-expr.ts): a small recursive-descent parser
 * over an allow-listed C expression grammar. It refuses calls, assignments, increments, the comma
 * operator, statement expressions, compound literals and type definitions, and collects the value
 * names an expression uses.
 */
import { Reject, shownExpr, type Tok } from './expr-tokens.js'

export interface ExprRules {
  /** May this identifier be used as a value (a variable, a constant)? */
  readonly allows: (name: string) => boolean
  /** Ends "uses 'x', which …": what the allowed names are. */
  readonly unknown: string
  /** What these expressions are, plural, for messages: "claims", "model expressions". */
  readonly noun: string
  /** Is this identifier a typedef name of the code (`(T)(x)` is then a cast)? */
  readonly isTypedef?: (name: string) => boolean
}

/** A value name the expression uses, where it is (to rename it). */
export interface NameUse {
  readonly name: string
  readonly start: number
  readonly end: number
}

/** Deepest nesting of operators (a parenthesis counts two). */
export const MAX_EXPR_DEPTH = 400

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
/** Parse one whole expression (`parse()` throws `Reject`, or returns the names it uses). */
export class ExprParser {
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
   * name, a number, a character, `~`, `!` or sizeof. `(T)(x)` stays a call (it is one if T is a function),
   * unless the rules know T is a typedef name of the code (the kernel's `((__force fmode_t)(1 << 0))`).
   */
  private castType(sizeofOperand = false): boolean {
    const save = this.pos
    const named = this.names.length
    this.pos++
    const kind = this.typeName(sizeofOperand)
    if (kind && this.is(')')) {
      this.pos++
      const after = this.peek()
      const known = kind === 'typedef' && this.rules.isTypedef?.(this.toks[save + 1]!.text) === true
      if (kind === 'type' || known || sizeofOperand || after.kind === 'num' || after.kind === 'char' ||
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
