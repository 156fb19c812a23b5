/** The expression tokenizer: what is refused before any parsing, the same in every context (through the gate). */
import t from 'tap'
import { MAX_EXPR_LENGTH, checkRawExpr, shownExpr } from '../../src/extract/validate-expr.js'
import { CONTEXTS, MODEL, reason } from '../fixtures/expr-rules.js'

/** What a hostile expression is refused as by the tokenizer, whatever its context (the noun differs). */
const LEXICAL: [string, string][] = [
  // comments, the preprocessor, lexical tricks
  ['arg0 // 1', "contains a comment ('//'); comments are not allowed in NOUN"],
  ['arg0 /* ); system(0); ( */', "contains a comment ('/*'); comments are not allowed in NOUN"],
  ['arg0\n#include "/etc/passwd"\n', "contains '#'; preprocessor directives and operators are not allowed in NOUN"],
  ['%:define x', "contains '%:'; preprocessor directives and operators are not allowed in NOUN"],
  ['_Pragma("GCC poison x") 1', 'contains a string literal; NOUN compare numbers and pointers, not strings'],
  ['"abc"[0]', 'contains a string literal; NOUN compare numbers and pointers, not strings'],
  ['arg0 \\\n+ 1', 'contains a backslash outside a character constant'],
  ["'??/'", "contains '??' (a trigraph); NOUN may not use trigraphs"],
  ['arg0 ??) 1', "contains '??' (a trigraph); NOUN may not use trigraphs"],
  ['<% 1 %>', "contains the digraph '<%'; NOUN may not use digraphs"],
  ['arg0 %> 1', "contains the digraph '%>'; NOUN may not use digraphs"],
  ['arg0 <: 1 :>', "contains the digraph '<:'; NOUN may not use digraphs"],
  ['(arg0 ? 1 :> 2)', "contains the digraph ':>'; NOUN may not use digraphs"],
  ['arg0 ＋ 1', 'contains a control or non-ASCII character (U+FF0B)'],
  ['arg0\u0000', 'contains a control or non-ASCII character (\\x00)'],
  ['arg0\u000b', 'contains a control or non-ASCII character (\\x0b)'],
  ['arg0 @ 1', "contains an unexpected character '@'"],
  ['$x', "contains an unexpected character '$'"],
  ['`x`', "contains an unexpected character '`'"],
  ["'\\q'", "has a bad escape in a character constant (near '\\q'')"],
  ["'abc", "has an unterminated character constant (near ''abc')"],
  ["'a\n'", "has an unterminated character constant (near ''a '')"],
  ["'a\r'", "has an unterminated character constant (near ''a '')"],
  ["''", "has an empty character constant ('')"],
  ['0x', "has a malformed number ('0x')"],
  ['1.2.3', "has a malformed number ('1.2.3')"],
  ['08', "has a malformed number ('08')"],
  ['1ulu', "has a malformed number ('1ulu')"],
  // nothing at all
  ['', 'is empty'],
  ['  \n ', 'is empty'],
]

t.test('refused in every context: the same reason, the context\'s noun', async t => {
  for (const [ctx, rules, noun] of CONTEXTS) {
    for (const [text, want] of LEXICAL) t.equal(reason(text, rules), want.replaceAll('NOUN', noun), `${ctx}: ${JSON.stringify(text)}`)
  }
})

t.test('tokens: numbers, characters, white space; @ only before macros are expanded', async t => {
  t.equal(reason('0x1fUL + 10ull + 0b101 + 1.5e-3f + .5 + 1e+9 + 0x1p-3 + 017', MODEL), 'ok')
  t.equal(reason("arg0 != '\\0' && arg0 != '\\x41' && arg1 == 'a'", MODEL), 'ok')
  t.equal(reason('arg0\n  > 64\r\n\t&& arg1 < 99', MODEL), 'ok')
  t.same(checkRawExpr('@blob_fill(1) != 0', 'claims'), { ok: true, names: [] })
  t.equal(reason('arg0 + .', MODEL), "is not a C expression (near '.')", 'a dot at the end is punctuation, not a number')
})

t.test('limits: length', async t => {
  t.equal(reason(`1${' + 1'.repeat(MAX_EXPR_LENGTH)}`, MODEL), `is longer than ${MAX_EXPR_LENGTH} characters`)
})

t.test('shownExpr', async t => {
  t.equal(shownExpr('a\n  b\tc'), 'a b c', 'one line')
  t.equal(shownExpr('x'.repeat(100)), `${'x'.repeat(79)}…`, 'cut at 80')
  t.equal(shownExpr('abcdef', 4), 'abc…')
})
