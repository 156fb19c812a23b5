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

import { ExprParser, type ExprRules, type NameUse } from './expr-parser.js'
import { Reject, tokenize } from './expr-tokens.js'

export { MAX_EXPR_DEPTH, type ExprRules, type NameUse } from './expr-parser.js'
export { MAX_EXPR_LENGTH, shownExpr } from './expr-tokens.js'

export type ExprCheck =
  | { readonly ok: true; readonly names: readonly NameUse[] }
  /** `reason` completes "<what> …", e.g. "calls a function (system); claims are side-effect free C expressions". */
  | { readonly ok: false; readonly reason: string }

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
