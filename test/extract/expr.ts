import t from 'tap'
import { UsageError } from '../../src/errors.js'
import { rewriteExpr, splitClaim, type ExprEnv } from '../../src/extract/expr.js'

const env: ExprEnv = {
  names: new Map([
    ['len', 'len'],
    ['m', 'klp_in_m'],
    ['nr_errors', 'klp_old_nr_errors'],
    ['ret', 'klp_ret_new'],
    ['old_ret', 'klp_ret_old'],
    ['limit', 'klp_shared_limit'],
  ]),
  keep: new Set(['MSG_DATA', 'MSG_CTRL']),
}
const ctx = { what: "--intended 'X'", hint: 'claims may use parameters, globals and ret' }

t.test('rewriteExpr maps names and keeps the rest', async t => {
  const rows: [string, string][] = [
    ['len > 64', '(len > 64)'],
    ['m->len == len && nr_errors == 0', '(klp_in_m->len == len && klp_old_nr_errors == 0)'],
    ['ret == -22 || ret == old_ret', '(klp_ret_new == -22 || klp_ret_new == klp_ret_old)'],
    ['m->type == MSG_DATA', '(klp_in_m->type == MSG_DATA)'],
    ['len <= limit', '(len <= klp_shared_limit)'],
    ['sizeof(struct msg) > (unsigned)len', '(sizeof(struct msg) > (unsigned)len)'],
    ['m->buf[len - 1] != \'\\0\'', '(klp_in_m->buf[len - 1] != \'\\0\')'],
    ['  len  ', '(len)'],
    ['m->len.len', '(klp_in_m->len.len)'],
    ['!m', '(!klp_in_m)'],
    ['len ? 1 : 0', '(len ? 1 : 0)'],
    ['len\n  >\t64', '(len > 64)'],
    ['(u32)m + m', '((u32)klp_in_m + klp_in_m)'],
  ]
  for (const [src, want] of rows) t.equal(await rewriteExpr(src, env, ctx), want, src)
})

t.test('rewriteExpr rejects what is not a side-effect free expression over known names', async t => {
  const rows: [string, RegExp][] = [
    ['', /^--intended 'X' is empty$/],
    ['   ', /^--intended 'X' is empty$/],
    ['len >', /^--intended 'X' is not a C expression \(near the end\)$/],
    ['len len', /^--intended 'X' is not a single C expression \('len' follows 'len'\)$/],
    ['1); int x = (2', /^--intended 'X' is not a single C expression \('\); int x = \(2' follows '1'\)$/],
    ['1; }', /^--intended 'X' is not a single C expression/],
    ['}', /^--intended 'X' is not a C expression \(near '}'\)$/],
    ['{', /^--intended 'X' is not a C expression/],
    [')', /^--intended 'X' is not a C expression/],
    ['len > 1 // comment', /^--intended 'X' contains a comment \('\/\/'\); comments are not allowed in claims$/],
    ['len ? 1 : 0, len', /^--intended 'X' uses the comma operator; claims are single C expressions$/],
    ['({ len; })', /^--intended 'X' contains a statement expression/],
    ['__builtin_expect_dummy + len', /uses '__builtin_expect_dummy', which is not a parameter/],
    ['klp_ret_new', /uses 'klp_ret_new', which is not a parameter/],
    ['count > 0', /^--intended 'X' uses 'count', which is not a parameter, global or constant of the function$/],
    ['len > MSG_NEW', /uses 'MSG_NEW'/],
    ['strlen(m->buf) > 3', /^--intended 'X' calls a function \(strlen\); claims are side-effect free C expressions$/],
    ['(*m->cb)(1)', /calls a function \(\(\*klp_in_m->cb\)|calls a function \(\(\*m->cb\)\)/],
    ['len = 64', /^--intended 'X' assigns \(len = 64\); claims are side-effect free C expressions \(did you mean '=='\?\)$/],
    ['len += 1', /assigns \(len \+= 1\)/],
    ['len++ > 3', /assigns \(len\+\+\)/],
    ['--len', /assigns \(--len\)/],
  ]
  for (const [src, message] of rows) {
    await t.rejects(rewriteExpr(src, env, ctx), { name: 'UsageError', message, hint: ctx.hint, exitCode: 3 }, JSON.stringify(src))
  }
  t.ok(new UsageError('x') instanceof Error)
  await t.rejects(rewriteExpr('len++', env, { ...ctx, noun: 'held locks' }), { message: "--intended 'X' assigns (len++); held locks are side-effect free C expressions" }, 'the noun of the context')
})

t.test('splitClaim', async t => {
  const rows: [string, { when: string; then?: string }][] = [
    ['len > 64', { when: 'len > 64' }],
    ['  len > 64  ', { when: 'len > 64' }],
    ['len > 64 => ret == -22', { when: 'len > 64', then: 'ret == -22' }],
    ['len>64=>ret==-22', { when: 'len>64', then: 'ret==-22' }],
    ['len >= 64 => ret <= 0', { when: 'len >= 64', then: 'ret <= 0' }],
    ['a == b => c != d', { when: 'a == b', then: 'c != d' }],
    ['a ==> b', { when: 'a ==> b' }],
    ['a <=> b', { when: 'a <=> b' }],
    ['a !=> b', { when: 'a !=> b' }],
    ['a >=> b', { when: 'a >=> b' }],
    ['m->name[0] == \'=\' => ret', { when: 'm->name[0] == \'=\'', then: 'ret' }],
    ['s == "a => b" => ret == 1', { when: 's == "a => b"', then: 'ret == 1' }],
    ['c == \'"\' => ret', { when: 'c == \'"\'', then: 'ret' }],
    ['s == "\\" => " => ret', { when: 's == "\\" => "', then: 'ret' }],
    ['(a => b) => c', { when: '(a => b)', then: 'c' }],
    ['x[a => b] => c', { when: 'x[a => b]', then: 'c' }],
    ['a => (b => c)', { when: 'a', then: '(b => c)' }],
    ['a => "=>"', { when: 'a', then: '"=>"' }],
    ['(a)) => b', { when: '(a)) => b' }],
  ]
  for (const [src, want] of rows) t.same(splitClaim(src), want, src)
})

t.test('splitClaim: malformed claims', async t => {
  const rows: [string, RegExp, RegExp][] = [
    ['=> ret == 0', /^claim '=> ret == 0' has no WHEN before '=>'$/, /WHEN => THEN/],
    ['  => ret', /has no WHEN/, /WHEN => THEN/],
    ['len > 3 =>', /^claim 'len > 3 =>' has no THEN after '=>'$/, /or just 'WHEN'/],
    ['a => b => c', /^claim 'a => b => c' has more than one '=>'$/, /WHEN => THEN/],
    ['a => b => ', /has more than one '=>'/, /WHEN => THEN/],
  ]
  for (const [src, message, hint] of rows) {
    t.throws(() => splitClaim(src), { name: 'UsageError', message, hint, exitCode: 3 }, src)
  }
})
