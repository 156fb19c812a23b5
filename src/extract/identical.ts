/**
 * Identical code: two preprocessed texts are the same program text when their tokens are the same
 * (whitespace, comments and line markers do not count; pragmas do). A function is identical in both
 * versions when the closure the extractor cuts for it (its body, every type, global, enumerator,
 * prototype and helper it reaches, macros expanded) is token-identical. Pure.
 */
import { tokenize } from './closure-split.js'
import { cutClosure } from './closure.js'

/** `# 12 "file.c" 1` and `#line 12`: where a line came from, not what it says. */
const LINE_MARKER = /^#\s*(?:line\s+)?\d/

/** The tokens of a preprocessed text that carry meaning. */
export function codeTokens(text: string): string[] {
  return tokenize(text).filter(t => t.kind !== 'marker' || !LINE_MARKER.test(t.text)).map(t => (t.kind === 'marker' ? t.text.replace(/\s+/g, ' ') : t.text))
}

/** Same tokens in the same order. */
export function sameCode(a: string, b: string): boolean {
  const x = codeTokens(a)
  const y = codeTokens(b)
  return x.length === y.length && x.every((t, i) => t === y[i])
}

/**
 * Is `func`'s closure (cut from each version's preprocessed text) token-identical? False when either
 * version does not define it.
 */
export function identicalClosure(oldText: string, newText: string, func: string): boolean {
  const a = cutClosure(oldText, func, { bodies: 'all' })
  const b = cutClosure(newText, func, { bodies: 'all' })
  return a !== undefined && b !== undefined && sameCode(a.text, b.text)
}
