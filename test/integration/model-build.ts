/** The proof model of pairs extracted with gcc -E: what gcc expands (exprList order) is what buildProofModel reads back. */
import t from 'tap'
import path from 'node:path'
import { extractFunctionPair } from '../../src/extract/extract.js'
import type { ClaimSource, ModelSpec, ObservableKind } from '../../src/model/types.js'
import { ARG_EXPR_HINT } from '../../src/extract/validate-expr.js'
import { buildProofModel, emitterOptions, exprList } from '../../src/model/build.js'
import { worldRefs } from '../../src/model/claims.js'
import type { VerifyRequest } from '../../src/pipeline/types.js'

const ALL: ObservableKind[] = ['return', 'memory', 'globals', 'calls', 'safety']

const OLD = `
enum mode { MODE_A = 1, MODE_B };
#define LIMIT 8
#define IS_BIG(n) ((n) > LIMIT)
int counter;
int old_only;
static const int table_size = 4;
struct s { int a; };
int f(struct s *o, const unsigned char *buf, unsigned long len, int (*cb)(int), int flag)
{
	static int calls;
	calls++;
	counter += flag + old_only;
	if (len > LIMIT)
		return -22;
	return o->a + buf[0] + table_size;
}
void g(int *p, int n) { *p = n; counter++; }
int v(int n, ...) { return n; }
int none(void) { return counter; }
#define STMT_EXPR(x) ({ counter = 0; (x); })
`
// The new version uses another global (new_only instead of old_only) and has a macro the old one lacks.
const NEW = OLD.replace(/old_only/g, 'new_only').replace('int new_only;', 'int new_only;\n#define NEW_LIMIT 9')

const base: VerifyRequest = {
  oldPath: '', newPath: '', func: 'f', claims: [], assumes: [], nullable: [], buffers: {}, maxSize: 16, maxSizeIsDefault: false,
  unwind: 'auto', maxUnwind: 64, timeoutSec: 300, includes: [], defines: [], cflags: [], fwrapv: false, initGlobals: false,
  jobs: 1, extraCbmcArgs: [], solver: 'auto', externals: {}, held: [], replay: false,
}

const claim = (id: string, when: string, then?: string, differs: ObservableKind[] = ALL): ClaimSource => ({ id, when, then, differs })

t.test('harness options from a request', async t => {
  const dir = t.testdir({ 'old.c': OLD, 'new.c': NEW })
  /** Extract the pair the way verify() does (expressions macro-expanded), then build the options. */
  const build = async (over: Partial<VerifyRequest>) => {
    const req: VerifyRequest = { ...base, oldPath: path.join(dir, 'old.c'), newPath: path.join(dir, 'new.c'), ...over }
    const pair = await extractFunctionPair({
      oldPath: req.oldPath, newPath: req.newPath, func: req.func, includes: [], defines: [], cflags: [], exprs: exprList(req),
    })
    return emitterOptions(await buildProofModel(pair, req))
  }

  t.test('exprList: assumes, buffer lengths, WHENs, THENs (1 for a missing THEN)', async t => {
    t.same(exprList({
      ...base,
      assumes: ['a1', 'a2'],
      buffers: { buf: 'len', out: 'n' },
      claims: [claim('c1', 'w1', 't1'), claim('c2', 'w2'), claim('c3', 'w3', 't3')],
    }), ['a1', 'a2', 'len', 'n', 'w1', 'w2', 'w3', 't1', '1', 't3'])
  })

  t.test('no extras: plain options carried over', async t => {
    const { externals, ...rest } = await build({ maxSize: 7, initGlobals: true })
    t.same(rest, {
      buffers: {}, nullable: [], maxSize: 7, assumes: [], claims: [], initGlobals: true, pointerDepth: 1,
    })
    t.same(externals!.map(e => [e.fn.name, e.fn.callbackOf, e.model]), [['klp_cb_cb', 'cb', undefined]], 'the function-pointer parameter gets a callback stub')
  })

  t.test('claims, assumptions and buffer lengths are rewritten into harness C', async t => {
    const opts = await build({
      assumes: ['flag != MODE_B', 'counter < 100'],
      buffers: { buf: 'len' },
      nullable: ['o'],
      claims: [
        claim('big', 'IS_BIG(len)', 'ret == -22', ['return']),
        claim('flag', 'flag && table_size', 'counter == old_ret + flag && o != 0'),
        claim('no-then', 'len == 0'),
      ],
    })
    t.same(opts.assumes, ['(flag != MODE_B)', '(klp_old_counter < 100)'], 'globals at entry are the old version\'s, enumerators stay')
    t.same(opts.buffers, { buf: '(len)' })
    t.same(opts.nullable, ['o'])
    t.same(opts.claims, [
      { id: 'big', source: { when: 'IS_BIG(len)', then: 'ret == -22' }, when: '(((len) > 8))', then: '(klp_ret_new == -22)', differs: ['return'] },
      { id: 'flag', source: { when: 'flag && table_size', then: 'counter == old_ret + flag && o != 0' }, when: '(flag && klp_old_table_size)', then: '(klp_new_counter == klp_ret_old + flag && klp_new_o != 0)', differs: ALL },
      { id: 'no-then', source: { when: 'len == 0' }, when: '(len == 0)', then: undefined, differs: ALL },
    ], 'WHEN at entry (macros expanded); THEN after the new version: ret, old_ret, new globals, pointer params as klp_new_*')
  })

  t.test('held locks: each version\'s copy of the entry state', async t => {
    const opts = await build({ held: ['&o->a', '&counter'] })
    t.same(opts.held, [{ old: '(&o->a)', new: '(&klp_new_o->a)' }, { old: '(&klp_old_counter)', new: '(&klp_new_counter)' }])
  })

  t.test('each version expands its own macros and sees its own globals', async t => {
    const opts = await build({ claims: [claim('c', 'old_only == 1', 'new_only == NEW_LIMIT')] })
    t.same(opts.claims[0], { id: 'c', source: { when: 'old_only == 1', then: 'new_only == NEW_LIMIT' }, when: '(klp_old_old_only == 1)', then: '(klp_new_new_only == 9)', differs: ALL })
    // a global only the new version has starts, in the old version, as a stand-in with the same value
    const entry = await build({ claims: [claim('c', 'new_only > 0')] })
    t.equal(entry.claims[0]!.when, '(klp_old_new_only > 0)', 'a global only one version has can be named at entry')
  })

  t.test('a void function has no ret or old_ret', async t => {
    const opts = await build({ func: 'g', claims: [claim('c', 'n > 0', 'counter > 0 && *p == n')] })
    t.same(opts.claims[0]!.then, '(klp_new_counter > 0 && *klp_new_p == n)')
    for (const name of ['ret', 'old_ret']) {
      await t.rejects(build({ func: 'g', claims: [claim('v', 'n > 0', `${name} == 0`)] }), {
        name: 'UsageError',
        message: `THEN of claim v ('${name} == 0') uses '${name}', which is not a parameter, global or constant of the function`,
        hint: 'g() returns void, so there is no ret; THEN may use ret (new return value), old_ret, parameters and globals (after the new version returns)',
        exitCode: 3,
      }, name)
    }
  })

  // [what, request, message, hint]: every way a request is refused against the function.
  const HINT_ENTRY = "use the function parameters and globals (at entry); e.g. --intended 'len > 64 => ret == -EINVAL'"
  const HINT_EXIT = 'THEN may use ret (new return value), old_ret, parameters and globals (after the new version returns)'
  const HELD = 'write the lock the caller holds as a pointer expression, e.g. "&o->lock"'
  const invalid: [string, Partial<VerifyRequest>, string | RegExp, string][] = [
    ['--nullable of no parameter', { nullable: ['nope'] }, '--nullable nope: f() has no parameter nope', 'parameters: o, buf, len, cb, flag'],
    ['--nullable of a scalar', { nullable: ['len'] }, '--nullable len: parameter len is not a pointer', 'only pointer parameters can be NULL'],
    ['--nullable when there are no parameters', { func: 'none', nullable: ['p'] }, '--nullable p: none() has no parameter p', 'parameters: none'],
    ['--buffer of no parameter', { buffers: { data: 'len' } }, '--buffer data:…: f() has no parameter data', 'parameters: o, buf, len, cb, flag'],
    ['--buffer when there are no parameters', { func: 'none', buffers: { p: '1' } }, '--buffer p:…: none() has no parameter p', 'parameters: none'],
    ['--buffer of a scalar', { buffers: { flag: 'len' } }, '--buffer flag:…: parameter flag is not a data pointer', 'give --buffer PARAM:LEN for a pointer parameter'],
    ['--buffer of a function pointer', { buffers: { cb: '4' } }, '--buffer cb:…: parameter cb is not a data pointer', 'give --buffer PARAM:LEN for a pointer parameter'],
    ['--buffer length over a pointer', { buffers: { buf: 'o->a' } }, "--buffer buf:o->a uses 'o', which is not a parameter, global or constant of the function", 'the length is an expression over the scalar parameters, e.g. --buffer buf:len'],
    ['--buffer length over a global', { buffers: { buf: 'counter' } }, /^--buffer buf:counter uses 'counter'/, 'the length is an expression over the scalar parameters, e.g. --buffer buf:len'],
    ['variadic function', { func: 'v' }, 'v() is variadic, which klp-verify does not support', 'prove a non-variadic caller or wrapper instead'],
    ['bad assumption', { assumes: ['len >'] }, /^--assume 'len >' is not a C expression/, HINT_ENTRY],
    ['unknown name in WHEN', { claims: [claim('c', 'lenght > 8')] }, "WHEN of claim c ('lenght > 8') uses 'lenght', which is not a parameter, global or constant of the function", HINT_ENTRY],
    ['ret in WHEN', { claims: [claim('c', 'ret == 0')] }, /^WHEN of claim c \('ret == 0'\) uses 'ret'/, HINT_ENTRY],
    ['a function call in WHEN', { claims: [claim('c', 'none() > 0')] }, /^WHEN of claim c \('none\(\) > 0'\) calls a function \(none\)/, HINT_ENTRY],
    ['unknown name in THEN', { claims: [claim('c', 'len > 8', 'retval == -22')] }, /^THEN of claim c \('retval == -22'\) uses 'retval'/, HINT_EXIT],
    ['a static local is not a global for claims', { claims: [claim('c', 'calls > 0')] }, /^WHEN of claim c \('calls > 0'\) uses 'calls'/, HINT_ENTRY],
    // hostile expressions, as written (before macros are expanded) and as expanded: one validator
    ['a comment in WHEN', { claims: [claim('c', 'len > 1 // comment')] }, "WHEN of claim c ('len > 1 // comment') contains a comment ('//'); comments are not allowed in claims", HINT_ENTRY],
    ['// inside a longer claim', { claims: [claim('c', 'len > 1 // why => ret == 0')] }, "WHEN of claim c ('len > 1 // why => ret == 0') contains a comment ('//'); comments are not allowed in claims", HINT_ENTRY],
    ['a comment in THEN', { claims: [claim('c', 'len > 1', 'ret == 0 /* ) || (1 */')] }, "THEN of claim c ('ret == 0 /* ) || (1 */') contains a comment ('/*'); comments are not allowed in claims", HINT_EXIT],
    ['a comment in --assume', { assumes: ['len < 9 // small'] }, "--assume 'len < 9 // small' contains a comment ('//'); comments are not allowed in assumptions", HINT_ENTRY],
    ['a comment in a buffer length', { buffers: { buf: 'len /* bytes */' } }, "--buffer buf:len /* bytes */ contains a comment ('/*'); comments are not allowed in buffer lengths", 'the length is an expression over the scalar parameters, e.g. --buffer buf:len'],
    ['a statement smuggled into WHEN', { claims: [claim('c', 'len); __CPROVER_assume(0); (len')] }, "WHEN of claim c ('len); __CPROVER_assume(0); (len') is not a single C expression (';' in it)", HINT_ENTRY],
    ['a statement expression in --assume', { assumes: ['({ counter = 0; 1; })'] }, "--assume '({ counter = 0; 1; })' contains '{'; assumptions are single side-effect free C expressions, not statements", HINT_ENTRY],
    ['_Pragma in WHEN', { claims: [claim('c', '_Pragma(X) len')] }, "WHEN of claim c ('_Pragma(X) len') uses '_Pragma', which is reserved", HINT_ENTRY],
    ['a macro that expands to a statement expression', { claims: [claim('c', 'STMT_EXPR(len)')] }, "WHEN of claim c ('STMT_EXPR(len)') contains a statement expression ('({ … })'); claims are side-effect free C expressions", HINT_ENTRY],
    ['an assignment in THEN', { claims: [claim('c', 'len > 1', 'counter = 0')] }, "THEN of claim c ('counter = 0') assigns (counter = 0); claims are side-effect free C expressions (did you mean '=='?)", HINT_EXIT],
    ['the comma operator in WHEN', { claims: [claim('c', 'counter++, 1')] }, "WHEN of claim c ('counter++, 1') assigns (counter++); claims are side-effect free C expressions", HINT_ENTRY],
    ['an increment in a buffer length', { buffers: { buf: 'len++' } }, '--buffer buf:len++ assigns (len++); buffer lengths are side-effect free C expressions', 'the length is an expression over the scalar parameters, e.g. --buffer buf:len'],
    ['a call in --assume', { assumes: ['none() == 0'] }, "--assume 'none() == 0' calls a function (none); assumptions are side-effect free C expressions", HINT_ENTRY],
    ['a statement in held', { held: ['&o->a); __CPROVER_assume(0); (0'] }, "held: '&o->a); __CPROVER_assume(0); (0' is not a single C expression ('); __CPROVER_assume(0); (0' follows '&o->a')", HELD],
    ['an increment in held', { held: ['&o[counter++]'] }, "held: '&o[counter++]' assigns (counter++); held locks are side-effect free C expressions", HELD],
    ['a comment in held', { held: ['&o->a // )'] }, "held: '&o->a // )' contains a comment ('//'); comments are not allowed in held locks", HELD],
  ]
  t.test('invalid requests: UsageError with message and hint', async t => {
    for (const [what, over, message, hint] of invalid) {
      await t.rejects(build(over), { name: 'UsageError', message, hint, exitCode: 3 }, what)
    }
  })
})

// --- claims about the world: @f(k) ----------------------------------------------------------------

t.test('worldRefs: @f(k) becomes an identifier the preprocessor leaves alone', async t => {
  const rows: [string, string][] = [
    ['@blob_fill(1) != 0', '__klp_world_blob_fill__1 != 0'],
    ['@ f ( 12 ) + @g(3)', '__klp_world_f__12 + __klp_world_g__3'],
    ['@f__2x(1)', '__klp_world_f__2x__1'],
    ['@f(x) || @f() || a @ b || f(1)', '@f(x) || @f() || a @ b || f(1)'],
  ]
  for (const [expr, want] of rows) t.equal(worldRefs(expr), want, expr)
  t.same(exprList({ ...base, assumes: ['@f(1)'], claims: [claim('c', '@f(1) > 0', '@g(2) == 0')] }), ['@f(1)', '__klp_world_f__1 > 0', '__klp_world_g__2 == 0'],
    'in WHENs and THENs, not in assumptions')
})

t.test('claims about the world\'s answers to the old run', async t => {
  const SRC = `
struct blob { int len; };
int blob_fill(struct blob *b, int len);
int blob_fill__2x(int);
void blob_log(int);
int f(struct blob *b, int want)
{
	int r = blob_fill(b, want);
	blob_log(r);
	return r + blob_fill__2x(want);
}
int g(int x) { return x; }
`
  const dir = t.testdir({ 'old.c': SRC, 'new.c': SRC })
  const build = async (over: Partial<VerifyRequest>, models = new Map<string, ModelSpec>()) => {
    const req: VerifyRequest = { ...base, oldPath: path.join(dir, 'old.c'), newPath: path.join(dir, 'new.c'), ...over }
    const pair = await extractFunctionPair({
      oldPath: req.oldPath, newPath: req.newPath, func: req.func, includes: [], defines: [], cflags: [], exprs: exprList(req),
    })
    return emitterOptions(await buildProofModel(pair, req, models))
  }

  t.test('@f(k) is the k-th answer of the old run, 0 without one; the claim waits for the world', async t => {
    const opts = await build({
      claims: [
        claim('first', '@blob_fill(1) != 0', 'ret != 0', ['calls']),
        claim('third', '@ blob_fill ( 3 ) < 0 && want > 0'),
        claim('underscores', '@blob_fill__2x(1) == 1'),
        claim('plain', 'want > 0'),
      ],
    })
    t.same(opts.claims, [
      { id: 'first', source: { when: '@blob_fill(1) != 0', then: 'ret != 0' }, when: '((klp_blob_fill_n[0] >= 1 ? klp_blob_fill_ret[0][0] : 0) != 0)', then: '(klp_ret_new != 0)', differs: ['calls'], world: true },
      { id: 'third', source: { when: '@ blob_fill ( 3 ) < 0 && want > 0' }, when: '((klp_blob_fill_n[0] >= 3 ? klp_blob_fill_ret[0][2] : 0) < 0 && want > 0)', then: undefined, differs: ALL, world: true },
      { id: 'underscores', source: { when: '@blob_fill__2x(1) == 1' }, when: '((klp_blob_fill__2x_n[0] >= 1 ? klp_blob_fill__2x_ret[0][0] : 0) == 1)', then: undefined, differs: ALL, world: true },
      { id: 'plain', source: { when: 'want > 0' }, when: '(want > 0)', then: undefined, differs: ALL },
    ])
  })

  t.test('external stubs carry their models and spec out-parameters', async t => {
    const opts = await build({ externals: { blob_fill: [{ arg: 0, size: 'sizeof(struct blob)' }] } }, new Map([['blob_log', { kind: 'log' as const }]]))
    t.same(opts.externals!.map(e => [e.fn.name, e.model, e.writes]), [
      ['blob_fill', undefined, [{ arg: 0, size: 'sizeof(struct blob)' }]],
      ['blob_fill__2x', undefined, undefined],
      ['blob_log', { kind: 'log' }, undefined],
    ])
  })

  // [what, request, message, hint]
  const invalid: [string, Partial<VerifyRequest>, string | RegExp, string][] = [
    ['a function that returns nothing', { claims: [claim('c', '@blob_log(1) == 0')] },
      'WHEN of claim c asks about @blob_log(1), but blob_log() returns nothing', 'ask about a function that returns a value'],
    ['a function it does not call', { claims: [claim('c', '@kmalloc(1) == 0')] },
      'WHEN of claim c asks about @kmalloc(1), but kmalloc() is not an external function f() calls', 'external functions called: blob_fill, blob_fill__2x, blob_log'],
    ['a function without external calls', { func: 'g', claims: [claim('c', '@blob_fill(1) == 0')] },
      'WHEN of claim c asks about @blob_fill(1), but blob_fill() is not an external function g() calls', 'external functions called: none'],
    ['calls counted from 0', { claims: [claim('c', '@blob_fill(0) == 0')] },
      'WHEN of claim c: @blob_fill(0) counts calls from 1', 'write @blob_fill(1) for the first call'],
    ['@f(k) in THEN', { claims: [claim('c', 'want > 0', '@blob_fill(1) == ret')] },
      /^THEN of claim c \('@blob_fill\(1\) == ret'\) uses '__klp_world_blob_fill__1'/, 'THEN may use ret (new return value), old_ret, parameters and globals (after the new version returns)'],
    ['spec externals for a function it does not call', { externals: { kmalloc: [{ arg: 0, size: '4' }] } },
      'externals: kmalloc is not an external function f() calls', 'external functions called: blob_fill, blob_fill__2x, blob_log'],
    ['spec externals when there are none', { func: 'g', externals: { blob_fill: [{ arg: 0, size: '4' }] } },
      'externals: blob_fill is not an external function g() calls', 'external functions called: none'],
  ]
  t.test('spec out-parameters and models against each callee\'s arguments: ConfigError', async t => {
    // [what, externals, models, message, hint]
    const rows: [string, VerifyRequest['externals'], Record<string, ModelSpec>, string, string][] = [
      ['writes through an argument it does not have', { blob_fill: [{ arg: 2, size: '4' }] }, {},
        'externals: blob_fill: writes arg 2, but blob_fill() takes 2 arguments', 'writes.arg counts the arguments from 0 (arg: 0 is the first)'],
      ['writes through an argument a one-argument callee does not have', { blob_fill__2x: [{ arg: 1, size: '4' }] }, {},
        'externals: blob_fill__2x: writes arg 1, but blob_fill__2x() takes 1 argument', 'writes.arg counts the arguments from 0 (arg: 0 is the first)'],
      ['writes through a scalar', { blob_fill: [{ arg: 1, size: '4' }] }, {},
        "externals: blob_fill: writes arg 1, but that argument of blob_fill() is not a pointer", 'writes.arg names the out-parameter (a pointer) the function writes through'],
      ['a size over an argument it does not have', { blob_fill: [{ arg: 0, size: 'arg2' }] }, {},
        "externals: blob_fill: writes size 'arg2' uses 'arg2', which is not an argument of blob_fill() (it takes arg0..arg1)", ARG_EXPR_HINT],
      ['a size smuggling a statement (a request not from a spec file)', { blob_fill: [{ arg: 0, size: '4); __CPROVER_assume(0); (4' }] }, {},
        "externals: blob_fill: writes size '4); __CPROVER_assume(0); (4' is not a single C expression ('); __CPROVER_assume(0); (4' follows '4')", ARG_EXPR_HINT],
      ['a model over an argument the callee does not have', {}, { blob_log: { kind: 'warn', value: 'arg1' } },
        "model blob_log: value 'arg1' uses 'arg1', which is not an argument of blob_log() (it takes arg0)", ARG_EXPR_HINT],
      ['a model smuggling a call', {}, { blob_fill: { kind: 'alloc', size: 'system(0)' } },
        "model blob_fill: size 'system(0)' calls a function (system); model expressions are side-effect free C expressions", ARG_EXPR_HINT],
    ]
    for (const [what, externals, models, message, hint] of rows) {
      await t.rejects(build({ externals }, new Map(Object.entries(models))), { name: 'ConfigError', message, hint, exitCode: 3 }, what)
    }
    const ok = await build({ externals: { blob_fill: [{ arg: 0, size: 'arg1 * 2' }] } }, new Map([['blob_log', { kind: 'warn' as const, value: 'arg0 != 0' }]]))
    t.same(ok.externals!.map(e => [e.fn.name, e.model, e.writes]), [
      ['blob_fill', undefined, [{ arg: 0, size: 'arg1 * 2' }]],
      ['blob_fill__2x', undefined, undefined],
      ['blob_log', { kind: 'warn', value: 'arg0 != 0' }, undefined],
    ], 'within the arity: kept as written')
  })

  t.test('invalid claims about the world: UsageError with message and hint', async t => {
    for (const [what, over, message, hint] of invalid) {
      await t.rejects(build(over), { name: 'UsageError', message, hint, exitCode: 3 }, what)
    }
  })
})
