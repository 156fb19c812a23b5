/**
 * The lexical half of the expression gate (validate-expr.ts): C tokens of an expression from a file
 * or an option, refusing on the way what no expression needs and the preprocessor would act on or
 * hide (comments, `#`, backslashes, strings, trigraphs, digraphs, control and non-ASCII characters).
 */

/** Longest expression text (a macro-expanded claim included). */
export const MAX_EXPR_LENGTH = 16384

type TokKind = 'id' | 'num' | 'char' | 'punct' | 'at' | 'end'
export interface Tok {
  readonly kind: TokKind
  readonly text: string
  readonly start: number
  readonly end: number
}

/** Why an expression is refused: completes "<what> …". */
export class Reject extends Error {}

const PUNCT = [
  '<<=', '>>=', '...', '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||',
  '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=',
  '[', ']', '(', ')', '{', '}', '.', '&', '*', '+', '-', '~', '!', '/', '%', '<', '>', '^', '|', '?', ':', ';', '=', ',',
]
const NUMBER = /^(?:(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)(?:[uU](?:ll|LL|[lL])?|(?:ll|LL|[lL])[uU]?)?|(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFlL]?|[0-9]+[eE][+-]?[0-9]+[fFlL]?|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+[fFlL]?)$/
const ESCAPE = /^\\(?:[ntvbrfa\\'"?]|[0-7]{1,3}|x[0-9a-fA-F]{1,8})/

/** A text as it may be shown in a message (one line, not endless). */
export function shownExpr(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > max ? `${one.slice(0, max - 1)}…` : one
}

/** The tokens of `text`, ending in an `end` token; `raw`: `@` (a claim about the world) is a token. */
export function tokenize(text: string, noun: string, raw: boolean): Tok[] {
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
