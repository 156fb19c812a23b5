/** The one validator of C expressions from files and options: tables of what passes and what is refused, per context. */
import t from 'tap'
import { ARG_EXPR_HINT, argRules, checkRawExpr } from '../../src/extract/validate-expr.js'
import { CLAIMS, MODEL, WRITES, reason } from '../fixtures/expr-rules.js'

t.test('checkExpr: the parser\'s answer, over the names the context allows', async t => {
  t.equal(reason('arg0 * arg1', MODEL), 'ok', 'a model expression')
  t.equal(reason('arg7 + arg123', WRITES), 'ok', 'before the arity is known, any argN')
  t.equal(reason('len > 64', CLAIMS), 'ok', 'a claim')
  t.equal(reason('system(0)', CLAIMS), 'calls a function (system); claims are side-effect free C expressions', 'refused with the parser\'s reason')
})

t.test('names: only those the context allows', async t => {
  const rows: [string, ExprRules, string][] = [
    ['arg2', MODEL, "uses 'arg2', which is not an argument of fill() (it takes arg0..arg1)"],
    ['arg0 + arg1 * arg9', MODEL, "uses 'arg9', which is not an argument of fill() (it takes arg0..arg1)"],
    ['arg0', argRules('model expressions', { name: 'get', arity: 0 }), "uses 'arg0', which is not an argument of get() (it takes none)"],
    ['arg1', argRules('model expressions', { name: 'one', arity: 1 }), "uses 'arg1', which is not an argument of one() (it takes arg0)"],
    ['klp_cur', MODEL, "uses 'klp_cur', which is not an argument of fill() (it takes arg0..arg1)"],
    ['&klp_rcu_lock', MODEL, "uses 'klp_rcu_lock', which is not an argument of fill() (it takes arg0..arg1)"],
    ['arg01', WRITES, "uses 'arg01', which is not an argument (write arg0, arg1, … for the call's arguments)"],
    ['arg1000', WRITES, "uses 'arg1000', which is not an argument (write arg0, arg1, … for the call's arguments)"],
    ['n', WRITES, "uses 'n', which is not an argument (write arg0, arg1, … for the call's arguments)"],
    ['(T)-1', MODEL, "uses 'T', which is not an argument of fill() (it takes arg0..arg1)"],
    ['count > 0', CLAIMS, "uses 'count', which is not a parameter, global or constant of the function"],
    ['__builtin_expect_dummy + len', CLAIMS, "uses '__builtin_expect_dummy', which is not a parameter, global or constant of the function"],
    ['klp_ret_new == 0', CLAIMS, "uses 'klp_ret_new', which is not a parameter, global or constant of the function"],
    ['m->x + (m * y)', CLAIMS, "uses 'y', which is not a parameter, global or constant of the function"],
    ['true', CLAIMS, "is not a C expression (near 'true')"],
  ]
  for (const [text, rules, want] of rows) t.equal(reason(text, rules), want, text)
})

t.test('checkRawExpr: what the preprocessor would act on or hide, before macros are expanded', async t => {
  const ok = ['len > LIMIT', 'MIN(a, b) > 0', '@blob_fill(1) != 0', 'IS_BIG(len) => ret == -EINVAL', "c == 'x'", 'a = b']
  for (const text of ok) t.same(checkRawExpr(text, 'claims'), { ok: true, names: [] }, text)
  const rows: [string, string][] = [
    ['x > 1 // comment', "contains a comment ('//'); comments are not allowed in claims"],
    ['x > 1 /* ) || (1 */', "contains a comment ('/*'); comments are not allowed in claims"],
    ['x #y', "contains '#'; preprocessor directives and operators are not allowed in claims"],
    ['_Pragma(X) 1', "uses '_Pragma', which is reserved"],
    ['__has_include(</dev/zero>) || x > 5', "uses '__has_include', a preprocessor operator; claims are C expressions, not preprocessor conditions"],
    ['__has_include_next(<x.h>)', "uses '__has_include_next', a preprocessor operator; claims are C expressions, not preprocessor conditions"],
    ['defined(x) || x > 5', "uses 'defined', a preprocessor operator; claims are C expressions, not preprocessor conditions"],
    ['__KLP_EXPR_0_END__ 1', "uses '__KLP_EXPR_0_END__', which is reserved"],
    ['__klp_world_f__1', "uses '__klp_world_f__1', which is reserved"],
    ['1; 2', "is not a single C expression (';' in it)"],
    ['({ 1; })', "contains '{'; claims are single side-effect free C expressions, not statements"],
    ['1 }', "contains '}'; claims are single side-effect free C expressions, not statements"],
    ['s == "a"', 'contains a string literal; claims compare numbers and pointers, not strings'],
    ['', 'is empty'],
    ['x \\', 'contains a backslash outside a character constant'],
  ]
  for (const [text, want] of rows) t.same(checkRawExpr(text, 'claims'), { ok: false, reason: want }, JSON.stringify(text))
})

t.test('the hint', async t => {
  t.match(ARG_EXPR_HINT, /arg0, arg1/)
  t.match(ARG_EXPR_HINT, /no calls, assignments, comments or statements/)
})
