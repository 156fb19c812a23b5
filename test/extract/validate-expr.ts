/** The one validator of C expressions from files and options: tables of what passes and what is refused, per context. */
import t from 'tap'
import {
  ARG_EXPR_HINT, MAX_EXPR_DEPTH, MAX_EXPR_LENGTH, argRules, checkExpr, checkRawExpr, shownExpr, type ExprRules,
} from '../../src/extract/validate-expr.js'

/** Claims (WHEN at entry, THEN at exit): parameters, globals, enumerators, ret/old_ret. */
const CLAIMS: ExprRules = {
  allows: n => ['len', 'm', 'p', 'ret', 'old_ret', 'nr_errors', 'MSG_DATA'].includes(n),
  unknown: 'is not a parameter, global or constant of the function',
  noun: 'claims',
}
/** A model expression for a callee of two arguments. */
const MODEL = argRules('model expressions', { name: 'fill', arity: 2 })
/** A spec's writes.size as loaded (the callee's arity not known yet). */
const WRITES = argRules('sizes')

const reason = (text: string, rules: ExprRules) => {
  const r = checkExpr(text, rules)
  return r.ok ? 'ok' : r.reason
}

t.test('accepted: single side-effect free expressions over the allowed names', async t => {
  const claims: [string, string[]][] = [
    ['len > 64', ['len']],
    ['m->len == len && nr_errors == 0', ['m', 'len', 'nr_errors']],
    ['ret == -22 || ret == old_ret', ['ret', 'ret', 'old_ret']],
    ['m->type == MSG_DATA', ['m', 'MSG_DATA']],
    ['sizeof(struct msg) > (unsigned)len', ['len']],
    ["m->buf[len - 1] != '\\0' && m->c == '\\x41' && m->d != '\\n' && m->e == 'a'", ['m', 'len', 'm', 'm', 'm']],
    ['  len  ', ['len']],
    ['!m', ['m']],
    ['p != ((void *)0)', ['p']],
    ['len ? 1 : 2', ['len']],
    ['0x1fUL + 10ull + 0b101 + 1.5e-3f + .5 + 1e+9 + 0x1p-3 + 017', []],
    ['((((len))))', ['len']],
    ['(len) - 1', ['len']],
    ['(u32)len + (unsigned long long)len + (const struct msg *)p != 0', ['len', 'len', 'p']],
    ['(u32)~len + (u32)!len + (u32)1 + (u32)\'a\' + (u32)sizeof len', ['len', 'len', 'len']],
    ['sizeof(u32) + sizeof(int[4]) + sizeof(struct msg *const *) + sizeof *p + sizeof(len) + _Alignof(long)', ['p', 'len']],
    ['sizeof(char[len])', ['len']],
    ['*p + &m->buf[0] - m->buf', ['p', 'm', 'm']],
    ['(long)len << 2 >> 1 | 3 & 4 ^ 5 % 6 / 7 * 8 <= 9 >= 1 < 2 > 3 != 4', ['len']],
    ['len\n  > 64\r\n\t&& len < 99', ['len', 'len']],
  ]
  for (const [text, names] of claims) {
    const r = checkExpr(text, CLAIMS)
    t.ok(r.ok, `${JSON.stringify(text)}: ${r.ok ? '' : r.reason}`)
    if (r.ok) {
      t.same(r.names.map(n => n.name), names, `${text}: names`)
      for (const n of r.names) t.equal(text.slice(n.start, n.end), n.name, `${text}: where ${n.name} is`)
    }
  }
  for (const text of ['arg0', 'arg0 * arg1', '&arg0->lock', 'arg1 * 2 + sizeof(struct blob)', '(unsigned long)arg1 < 64 ? arg1 : 64', '4']) {
    t.equal(reason(text, MODEL), 'ok', `model: ${text}`)
  }
  t.equal(reason('arg7 + arg123', WRITES), 'ok', 'before the arity is known, any argN')
})

/** What a hostile expression is refused as, the same whatever its context (the noun differs). */
const HOSTILE: [string, string][] = [
  // the example and its family: a statement smuggled after the expression
  ['4); __CPROVER_assume(0); (4', "is not a single C expression ('); __CPROVER_assume(0); (4' follows '4')"],
  ['arg0); system(0); (arg0', "is not a single C expression ('); system(0); (arg0' follows 'arg0')"],
  ['1 ; 2', "is not a single C expression ('; 2' follows '1')"],
  ['arg0)', "is not a single C expression (')' follows 'arg0')"],
  ['1 1', "is not a single C expression ('1' follows '1')"],
  ['4 } void klp_harness(void) { __CPROVER_assume(0);', "is not a single C expression ('} void klp_harness(void) { __…' follows '4')"],
  // GNU statement expressions, compound literals, calls
  ['({ system(0); 4; })', "contains a statement expression ('({ … })'); NOUN are side-effect free C expressions"],
  ['(int)({ 4; })', "contains a statement expression ('({ … })'); NOUN are side-effect free C expressions"],
  ['sizeof(({ 4; }))', "contains a statement expression ('({ … })'); NOUN are side-effect free C expressions"],
  ['(int){ 4 }', 'contains a compound literal; NOUN may not build objects'],
  ['sizeof(int){ 4 }', 'contains a compound literal; NOUN may not build objects'],
  ['sizeof(struct s { int x; })', 'defines a type; NOUN may only name types'],
  ['system(0)', 'calls a function (system); NOUN are side-effect free C expressions'],
  ['__CPROVER_assume(0)', 'calls a function (__CPROVER_assume); NOUN are side-effect free C expressions'],
  ['1 + (system)(0)', 'calls a function ((system)); NOUN are side-effect free C expressions'],
  ['(*(void (**)(void))0)()', "is not a C expression (near 'void (**)(void))0)()')"],
  ['__builtin_trap()', 'calls a function (__builtin_trap); NOUN are side-effect free C expressions'],
  // assignments, increments, the comma operator
  ['arg0 = 0', "assigns (arg0 = 0); NOUN are side-effect free C expressions (did you mean '=='?)"],
  ['arg0 += 1', 'assigns (arg0 += 1); NOUN are side-effect free C expressions'],
  ['1 + (arg0 <<= 1)', 'assigns (arg0 <<= 1); NOUN are side-effect free C expressions'],
  ['arg0 = )', "assigns (arg0 =); NOUN are side-effect free C expressions (did you mean '=='?)"],
  ['arg0++', 'assigns (arg0++); NOUN are side-effect free C expressions'],
  ['--arg0', 'assigns (--arg0); NOUN are side-effect free C expressions'],
  ['++)', 'assigns (++); NOUN are side-effect free C expressions'],
  ['arg0, 1', 'uses the comma operator; NOUN are single C expressions'],
  ['(arg0, 1)', 'uses the comma operator; NOUN are single C expressions'],
  ['arg0[1, 2]', 'uses the comma operator; NOUN are single C expressions'],
  // comments, the preprocessor, lexical tricks
  ['arg0 // 1', "contains a comment ('//'); comments are not allowed in NOUN"],
  ['arg0 /* ); system(0); ( */', "contains a comment ('/*'); comments are not allowed in NOUN"],
  ['arg0\n#include "/etc/passwd"\n', "contains '#'; preprocessor directives and operators are not allowed in NOUN"],
  ['%:define x', "contains '%:'; preprocessor directives and operators are not allowed in NOUN"],
  ['_Pragma("GCC poison x") 1', 'contains a string literal; NOUN compare numbers and pointers, not strings'],
  ['arg0 + _Pragma', "is not a C expression (near '_Pragma')"],
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
  // not an expression at all
  ['', 'is empty'],
  ['  \n ', 'is empty'],
  ['arg0 >', 'is not a C expression (near the end)'],
  ['(arg0', 'is not a C expression (near the end)'],
  ['arg0 ?: 1', "is not a C expression (near ': 1')"],
  ['arg0 ? 1 2', "is not a C expression (near '2')"],
  ['arg0->', 'is not a C expression (near the end)'],
  ['arg0.', 'is not a C expression (near the end)'],
  ['arg0.int', "is not a C expression (near 'int')"],
  ['int', "is not a C expression (near 'int')"],
  ['return 1', "is not a C expression (near 'return 1')"],
  ['{', "is not a C expression (near '{')"],
  ['(struct {int x;} *)0', "is not a C expression (near 'struct {int x;} *)0')"],
  ['(int)', 'is not a C expression (near the end)'],
  ['(int', "is not a C expression (near 'int')"],
  ['sizeof(int', "is not a C expression (near 'int')"],
  ['sizeof(int[1)', "is not a C expression (near ')')"],
]

t.test('refused in every context: the same reason, the context\'s noun', async t => {
  const contexts: [string, ExprRules, string][] = [
    ['a model expression', MODEL, 'model expressions'],
    ['a spec writes.size', WRITES, 'sizes'],
    ['a claim', { ...CLAIMS, allows: n => CLAIMS.allows(n) || n === 'arg0' }, 'claims'],
  ]
  for (const [ctx, rules, noun] of contexts) {
    for (const [text, want] of HOSTILE) t.equal(reason(text, rules), want.replaceAll('NOUN', noun), `${ctx}: ${JSON.stringify(text)}`)
  }
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
  t.equal(reason('(len)(1)', CLAIMS), 'calls a function ((len)); claims are side-effect free C expressions', 'a call through an allowed name is a call')
  t.equal(reason('(len)x', CLAIMS), "is not a single C expression ('x' follows '(len)')", 'an allowed name in parentheses is a value, not a type')
  t.equal(reason('sizeof(x[len])', CLAIMS), 'ok', 'a type named by an unknown name in sizeof')
  t.same((checkExpr('sizeof(x[len]) + len', CLAIMS) as { names: { name: string }[] }).names.map(n => n.name), ['len', 'len'],
    'names seen while trying a type are counted once')
  t.equal(reason('(x[len]) + 1', CLAIMS), "uses 'x', which is not a parameter, global or constant of the function", 'no cast to an array type')
  t.equal(reason('(u32 *)(p)', CLAIMS), 'ok', 'a pointer type is a type, whatever follows')
  t.equal(reason('(u32 const)len', CLAIMS), 'ok', 'a typedef name and a qualifier')
  t.equal(reason('(u32 * x)', CLAIMS), "uses 'u32', which is not a parameter, global or constant of the function", 'no type: a product')
})

t.test('limits: length and nesting', async t => {
  t.equal(reason('('.repeat(MAX_EXPR_DEPTH + 5) + '1' + ')'.repeat(MAX_EXPR_DEPTH + 5), MODEL), `is nested too deeply (more than ${MAX_EXPR_DEPTH} levels)`)
  t.equal(reason('-'.repeat(2 * MAX_EXPR_DEPTH + 2).split('').join(' ') + ' 1', MODEL), `is nested too deeply (more than ${MAX_EXPR_DEPTH} levels)`)
  t.equal(reason('sizeof '.repeat(MAX_EXPR_DEPTH + 2) + '1', MODEL), `is nested too deeply (more than ${MAX_EXPR_DEPTH} levels)`)
  t.equal(reason('arg0[' .repeat(MAX_EXPR_DEPTH + 2) + '1' + ']'.repeat(MAX_EXPR_DEPTH + 2), MODEL), `is nested too deeply (more than ${MAX_EXPR_DEPTH} levels)`)
  t.equal(reason('('.repeat(MAX_EXPR_DEPTH / 2 - 10) + '1' + ')'.repeat(MAX_EXPR_DEPTH / 2 - 10), MODEL), 'ok', 'deep but within the limit')
  t.equal(reason(`1${' + 1'.repeat(MAX_EXPR_LENGTH)}`, MODEL), `is longer than ${MAX_EXPR_LENGTH} characters`)
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

t.test('shownExpr and the hint', async t => {
  t.equal(shownExpr('a\n  b\tc'), 'a b c', 'one line')
  t.equal(shownExpr('x'.repeat(100)), `${'x'.repeat(79)}…`, 'cut at 80')
  t.equal(shownExpr('abcdef', 4), 'abc…')
  t.match(ARG_EXPR_HINT, /arg0, arg1/)
  t.match(ARG_EXPR_HINT, /no calls, assignments, comments or statements/)
})
