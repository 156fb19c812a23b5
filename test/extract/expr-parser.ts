/** The expression parser: what the grammar accepts, what it refuses, the names it collects (through the gate, checkExpr). */
import t from 'tap'
import { MAX_EXPR_DEPTH, checkExpr } from '../../src/extract/validate-expr.js'
import { CLAIMS, CONTEXTS, MODEL, WRITES, reason } from '../fixtures/expr-rules.js'

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

/** What a hostile expression is refused as by the grammar, the same whatever its context (the noun differs). */
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
  // not an expression at all
  ['arg0 + _Pragma', "is not a C expression (near '_Pragma')"],
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
  for (const [ctx, rules, noun] of CONTEXTS) {
    for (const [text, want] of HOSTILE) t.equal(reason(text, rules), want.replaceAll('NOUN', noun), `${ctx}: ${JSON.stringify(text)}`)
  }
})

t.test('names and types: a cast, sizeof and an unknown name', async t => {
  t.equal(reason('(len)(1)', CLAIMS), 'calls a function ((len)); claims are side-effect free C expressions', 'a call through an allowed name is a call')
  t.equal(reason('(len)x', CLAIMS), "is not a single C expression ('x' follows '(len)')", 'an allowed name in parentheses is a value, not a type')
  t.equal(reason('sizeof(x[len])', CLAIMS), 'ok', 'a type named by an unknown name in sizeof')
  t.same((checkExpr('sizeof(x[len]) + len', CLAIMS) as { names: { name: string }[] }).names.map(n => n.name), ['len', 'len'],
    'names seen while trying a type are counted once')
  t.equal(reason('(x[len]) + 1', CLAIMS), "uses 'x', which is not a parameter, global or constant of the function", 'no cast to an array type')
  t.equal(reason('(u32 *)(p)', CLAIMS), 'ok', 'a pointer type is a type, whatever follows')
  t.equal(reason('(u32 const)len', CLAIMS), 'ok', 'a typedef name and a qualifier')
  t.equal(reason('(u32 * x)', CLAIMS), "uses 'u32', which is not a parameter, global or constant of the function", 'no type: a product')
  const withTypes = { ...CLAIMS, isTypedef: (n: string) => n === 'fmode_t' }
  t.equal(reason('len & ((fmode_t)(1 << 0))', withTypes), 'ok', 'a known typedef name: (T)(x) is a cast (the kernel\'s FMODE_READ)')
  t.equal(reason('(fmode_t)(1)', CLAIMS), 'calls a function ((fmode_t)); claims are side-effect free C expressions', 'an unknown one stays a call')
  t.equal(reason('(len)(1)', withTypes), 'calls a function ((len)); claims are side-effect free C expressions', 'a value name is never a type')
})

t.test('limits: nesting', async t => {
  t.equal(reason('('.repeat(MAX_EXPR_DEPTH + 5) + '1' + ')'.repeat(MAX_EXPR_DEPTH + 5), MODEL), `is nested too deeply (more than ${MAX_EXPR_DEPTH} levels)`)
  t.equal(reason('-'.repeat(2 * MAX_EXPR_DEPTH + 2).split('').join(' ') + ' 1', MODEL), `is nested too deeply (more than ${MAX_EXPR_DEPTH} levels)`)
  t.equal(reason('sizeof '.repeat(MAX_EXPR_DEPTH + 2) + '1', MODEL), `is nested too deeply (more than ${MAX_EXPR_DEPTH} levels)`)
  t.equal(reason('arg0[' .repeat(MAX_EXPR_DEPTH + 2) + '1' + ']'.repeat(MAX_EXPR_DEPTH + 2), MODEL), `is nested too deeply (more than ${MAX_EXPR_DEPTH} levels)`)
  t.equal(reason('('.repeat(MAX_EXPR_DEPTH / 2 - 10) + '1' + ')'.repeat(MAX_EXPR_DEPTH / 2 - 10), MODEL), 'ok', 'deep but within the limit')
})

