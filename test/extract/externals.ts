/**
 * External functions (declared, called from the code under proof, defined nowhere in it) and
 * callback stubs for function-pointer parameters, on Units built from small C texts (no gcc).
 */
import t from 'tap'
import { CBMC_LIBRARY, callbackStubs, findExternals, type ExternalFn } from '../../src/extract/externals.js'
import { functionSignature } from '../../src/extract/signature.js'
import { analyzeUnit } from '../../src/extract/unit.js'

/** [name, calledBy, params as `name: typedefText`, return typedef, variadic] of each external. */
const summary = (fns: readonly ExternalFn[]) =>
  fns.map(e => [e.name, e.calledBy.join('+'), e.signature.params.map(p => `${p.name}: ${p.typedefText}`), e.signature.returnTypedef, e.signature.variadic])

const TYPES = `
struct req { int id; unsigned char *buf; };
struct ops { void (*put)(struct req *); };
typedef unsigned long size_t;
typedef int (*fn_t)(int);
`

t.test('findExternals: what counts as an external call', async t => {
  const OLD = TYPES + `
int ext_named(struct req *r, int n);
int ext_unnamed(struct req *, int, const char *const);
void *kmalloc(size_t, unsigned int);
int printk(const char *fmt, ...);
int never_called(int);
int old_only(void);
int new_only(void);
int later(int);
int later(int x);
int two_a(int), two_b(void), not_a_function;
fn_t hook;
int (*gp)(int);
int memset_count;
static int helper(int x)
{
	return ext_named(0, x) + undeclared_fn(x) + two_a(1) + two_b();
}
static int unused_helper(void) { return never_called(1); }
int f(struct req *r, int (*cb)(int, void *), fn_t cb2, struct ops *o)
{
	unsigned char buf[4];
	int (*local)(int) = gp;
	extern int block_scope(int);
	memset(buf, 0, sizeof buf);
	void *p = kmalloc(4, 0);
	printk("x %d", 1);
	if (__builtin_expect(r->id, 0)) __CPROVER_assume(0);
	gp(1);
	hook(2);
	cb(1, p);
	(*cb)(2, p);
	cb2(3);
	local(4);
	o->ops->put(r);
	old_only();
	later(block_scope(0));
	return helper(r->id) + ext_unnamed(r, 1, "a");
}
`
  const NEW = OLD.replace('old_only();', 'new_only();')
  const r = findExternals(await analyzeUnit(OLD), await analyzeUnit(NEW), 'f')
  t.same(summary(r.externals), [
    ['ext_named', 'old+new', ['r: struct req *KLP_TYPE_NAME', 'n: int KLP_TYPE_NAME'], 'int KLP_TYPE_NAME', false],
    ['ext_unnamed', 'old+new', ['klp_a0: struct req * KLP_TYPE_NAME', 'klp_a1: int KLP_TYPE_NAME', 'klp_a2: const char *const KLP_TYPE_NAME'], 'int KLP_TYPE_NAME', false],
    ['kmalloc', 'old+new', ['klp_a0: size_t KLP_TYPE_NAME', 'klp_a1: unsigned int KLP_TYPE_NAME'], 'void *KLP_TYPE_NAME', false],
    ['later', 'old+new', ['klp_a0: int KLP_TYPE_NAME'], 'int KLP_TYPE_NAME', false],
    ['new_only', 'new', [], 'int KLP_TYPE_NAME', false],
    ['old_only', 'old', [], 'int KLP_TYPE_NAME', false],
    ['printk', 'old+new', ['fmt: const char *KLP_TYPE_NAME'], 'int KLP_TYPE_NAME', true],
    ['two_a', 'old+new', ['klp_a0: int KLP_TYPE_NAME'], 'int KLP_TYPE_NAME', false],
    ['two_b', 'old+new', [], 'int KLP_TYPE_NAME', false],
  ], 'sorted by name; unnamed parameters named klp_a<i>; the first prototype wins; variadic ones are kept')
  t.same(r.unsupported, ['block_scope', 'undeclared_fn'], 'no top-level prototype: unsupported')
  t.equal(r.indirect, 2 * 7, 'per version: gp, hook, cb, (*cb), cb2, local, o->ops->put are calls through pointers')
  t.notOk(r.externals.some(e => e.name === 'never_called'), 'only code reachable from f counts')
  t.ok(CBMC_LIBRARY.has('memset') && !r.unsupported.includes('memset'), 'C library functions cbmc models are not external')
})

t.test('exact libm functions run as cbmc models them; output functions are external calls the world logs', async t => {
  for (const f of ['sqrt', 'fabsf', 'floorl', 'copysign']) t.ok(CBMC_LIBRARY.has(f), `${f}: cbmc's model`)
  for (const f of ['sin', 'pow', 'fmod']) t.notOk(CBMC_LIBRARY.has(f), `${f}: uninterpreted (cbmc's model is not exact)`)
  for (const f of ['printf', 'fprintf', 'puts', 'putchar']) t.notOk(CBMC_LIBRARY.has(f), `${f}: observable output, not cbmc's body that does nothing`)
})

t.test('findExternals: prototypes it cannot use are unsupported', async t => {
  // [what, declarations, call]
  const rows: [string, string, string][] = [
    ['no prototype', 'int knr();', 'knr(1, 2)'],
    ['a multi-dimensional array parameter', 'int grid(int a[3][4]);', 'grid(0)'],
    ['only a typedef of the name', 'typedef int tdf(int);', 'tdf(1)'],
    ['not declared at all', '', 'nowhere(1)'],
  ]
  for (const [what, decls, call] of rows) {
    const u = await analyzeUnit(`${decls}\nint f(void) { return ${call}; }`)
    const r = findExternals(u, u, 'f')
    t.same([r.externals.map(e => e.name), r.unsupported, r.indirect], [[], [call.replace(/\(.*/, '')], 0], what)
  }
  const u = await analyzeUnit('int later();\nint later(int x, long y);\nint f(void) { return later(1, 2); }')
  t.same(summary(findExternals(u, u, 'f').externals), [['later', 'old+new', ['x: int KLP_TYPE_NAME', 'y: long KLP_TYPE_NAME'], 'int KLP_TYPE_NAME', false]],
    'a prototype after a declaration without one is used')
})

t.test('findExternals: each function of a declaration with several declarators gets its own signature', async t => {
  const u = await analyzeUnit('int a(int), *b(void), not_fn;\nvoid *p1(long), *p2(char *s), (*p3(void))(int);\nint f(void) { return a(1) + !!b() + !!p1(1) + !!p2(0) + !!p3() + not_fn; }')
  t.same(summary(findExternals(u, u, 'f').externals).map(([name, , params, ret]) => [name, params, ret]), [
    ['a', ['klp_a0: int KLP_TYPE_NAME'], 'int KLP_TYPE_NAME'],
    ['b', [], 'int *KLP_TYPE_NAME'],
    ['p1', ['klp_a0: long KLP_TYPE_NAME'], 'void *KLP_TYPE_NAME'],
    ['p2', ['s: char *KLP_TYPE_NAME'], 'void *KLP_TYPE_NAME'],
    ['p3', [], 'void (*KLP_TYPE_NAME)(int)'],
  ])
  t.same(findExternals(u, u, 'f').externals.map(e => e.signature.returnType.kind), ['scalar', 'pointer', 'pointer', 'pointer', 'pointer'])
})

t.test('findExternals: the signature comes from whichever version declares it usably', async t => {
  const old = await analyzeUnit('int get();\nint f(void) { return get(); }')
  const nw = await analyzeUnit('int get(void);\nint f(void) { return get(); }')
  t.same(summary(findExternals(old, nw, 'f').externals), [['get', 'old+new', [], 'int KLP_TYPE_NAME', false]])
  t.same(findExternals(old, old, 'f').unsupported, ['get'])
})

t.test('findExternals: a function one version defines is not external there', async t => {
  const old = await analyzeUnit('int h(int);\nint f(int x) { return h(x); }')
  const nw = await analyzeUnit('static int h(int x) { return x; }\nint f(int x) { return h(x); }')
  t.same(summary(findExternals(old, nw, 'f').externals), [['h', 'old', ['klp_a0: int KLP_TYPE_NAME'], 'int KLP_TYPE_NAME', false]])
  t.same(findExternals(nw, nw, 'f'), { externals: [], unsupported: [], indirect: 0 })
})

t.test('callbackStubs: function-pointer parameters become klp_cb_<param>', async t => {
  const src = TYPES + `
int f(int x, int (*cb)(int, void *), char *(*get)(int n, const char *s), int (*noargs)(void), int (* const ccb)(long),
      fn_t typedefd, void (*reg)(void (*)(int)), int **pp, int (**ppf)(int), struct req *r)
{
	return 0;
}
`
  const u = await analyzeUnit(src)
  const stubs = await callbackStubs(u, functionSignature(u, u.functions.get('f')!).params)
  t.same(stubs.map(s => [s.callbackOf, ...summary([s])[0]!]), [
    ['cb', 'klp_cb_cb', 'old+new', ['klp_a0: int KLP_TYPE_NAME', 'klp_a1: void * KLP_TYPE_NAME'], 'int KLP_TYPE_NAME', false],
    ['get', 'klp_cb_get', 'old+new', ['n: int KLP_TYPE_NAME', 's: const char *KLP_TYPE_NAME'], 'char *KLP_TYPE_NAME', false],
    ['noargs', 'klp_cb_noargs', 'old+new', [], 'int KLP_TYPE_NAME', false],
    ['ccb', 'klp_cb_ccb', 'old+new', ['klp_a0: long KLP_TYPE_NAME'], 'int KLP_TYPE_NAME', false],
  ], 'a typedef\'d pointer, a callback taking an unnamed function pointer, pointers to pointers and data pointers get none')
  t.equal(stubs[0]!.signature.name, 'klp_cb_cb')
  t.same(await callbackStubs(u, []), [])
})
