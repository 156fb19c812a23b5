import t from 'tap'
import { analyzeUnit } from '../../src/extract/unit.js'
import { findSharedCallees } from '../../src/extract/shared-callees.js'
import { sharedGlobals } from '../../src/extract/extract.js'

const PRELUDE = `struct st { int x; };\nstatic const int tbl[4] = { 1, 2, 3, 4 };\nstatic const char *const names[2] = { "a", "b" };\nstatic int ro;\nstatic int rw;\nstatic int *gp;\nint ext(int);\n`

/** Shared callees of f() when `helper` (and g) are the same in both versions and f's body differs. */
async function shared(helper: string, call = 'h(a)', newHelper = helper) {
  const src = (h: string, body: string) => `${PRELUDE}${h}\nint f(int a) { rw++; ${body} }\n`
  const o = await analyzeUnit(src(helper, `return ${call};`))
  const n = await analyzeUnit(src(newHelper, `int r = ${call}; return r;`))
  try {
    return findSharedCallees(o, n, 'f', sharedGlobals(o, n, 'f'))
  } finally {
    o.tree.delete()
    n.tree.delete()
  }
}

const LOOP = 'while (x) { n++; x >>= 1; }'

t.test('which callees become shared functions', async t => {
  const rows: [string, string, string, string[]][] = [
    ['a loop over scalar arguments', `static int h(int x) { int n = 0; ${LOOP} return n; }`, 'h(a)', ['h']],
    ['unsigned long argument, void result', `static void h(unsigned long x) { int n = 0; ${LOOP} }`, '(h(a), 0)', ['h']],
    ['recursion', 'static int h(int x) { return x <= 0 ? 0 : 1 + h(x - 1); }', 'h(a)', ['h']],
    ['recursion through another helper', 'static int k(int x);\nstatic int h(int x) { return x <= 0 ? 0 : k(x - 1); }\nstatic int k(int x) { return h(x); }', 'h(a)', ['h']],
    ['no loop: inlining costs little', 'static int h(int x) { return x + 1; }', 'h(a)', []],
    ['reads a const table and a read-only global', `static int h(int x) { int n = tbl[x & 3] + ro; ${LOOP} return n; }`, 'h(a)', ['h']],
    ['reads a global the caller writes', `static int h(int x) { int n = rw; ${LOOP} return n; }`, 'h(a)', []],
    ['writes a global', `static int h(int x) { int n = 0; ${LOOP} ro = n; return n; }`, 'h(a)', []],
    ['a static local', `static int h(int x) { static int n; ${LOOP} return n; }`, 'h(a)', []],
    ['a pointer argument', `static int h(int *p) { int n = 0, x = *p; ${LOOP} return n; }`, 'h(&a)', []],
    ['a double argument (passed as its bits)', `static int h(double d) { int n = 0, x = (int)d; ${LOOP} return n; }`, 'h(a)', ['h']],
    ['a float argument and result', `static float h(const float d) { int n = 0, x = (int)d; ${LOOP} return n; }`, 'h(a)', ['h']],
    ['a long double argument', `static int h(long double d) { int n = 0, x = (int)d; ${LOOP} return n; }`, 'h(a)', []],
    ['a pointer result', `static int *h(int x) { int n = 0; ${LOOP} return 0; }`, '*h(a)', []],
    ['a struct argument', `static int h(struct st s) { int n = 0, x = s.x; ${LOOP} return n; }`, 'h((struct st){ a })', []],
    ['an enum type defined in the signature', `static int h(enum { LO, HI } x) { int n = 0; ${LOOP} return n; }`, 'h(a)', []],
    ['a tagged enum argument', `enum lvl { LO2, HI2 };\nstatic int h(enum lvl x) { int n = 0; ${LOOP} return n; }`, 'h(a)', ['h']],
    ['variadic', `static int h(int x, ...) { int n = 0; ${LOOP} return n; }`, 'h(a)', []],
    ['calls an external', `static int h(int x) { int n = 0; ${LOOP} return ext(n); }`, 'h(a)', []],
    ['calls through a pointer', `static int h(int x) { int (*fp)(int) = ext; int n = 0; ${LOOP} return fp(n); }`, 'h(a)', []],
    ['calls a pure builtin', `static int h(int x) { int n = 0; ${LOOP} return __builtin_expect(n, 0); }`, 'h(a)', ['h']],
    ['casts to a pointer', `static int h(int x) { int n = 0; ${LOOP} return *(int *)(long)n; }`, 'h(a)', []],
    ['inline asm', `static int h(int x) { int n = 0; ${LOOP} __asm__ volatile("" : "+r"(n)); return n; }`, 'h(a)', []],
    ['reads a pointer from a const table', `static int h(int x) { int n = (int)(long)names[x & 1]; ${LOOP} return n; }`, 'h(a)', []],
    ['reads a pointer global', `static int h(int x) { int n = *gp; ${LOOP} return n; }`, 'h(a)', []],
    ['calls back into the target', `int f(int a);\nstatic int h(int x) { int n = 0; ${LOOP} return n ? f(n) : 0; }`, 'h(a)', []],
    ['an old-style definition', `static int h(x) int x; { int n = 0; ${LOOP} return n; }`, 'h(a)', []],
  ]
  for (const [name, helper, call, want] of rows) {
    const r = await shared(helper, call)
    t.same(r.callees.map(c => c.name), want, name)
  }
})

t.test('the callee must be the same in both versions, closure included', async t => {
  const h = (k: string) => `static int k(int x) { return x + ${k}; }\nstatic int h(int x) { int n = 0; ${LOOP} return k(n); }`
  t.same((await shared(h('1'), 'h(a)', h('1'))).callees.map(c => c.name), ['h'])
  t.same((await shared(h('1'), 'h(a)', h('2'))).callees.map(c => c.name), [], 'a callee of it changed')
  t.same((await shared(h('1'), 'h(a)', 'static int h(int x) { return x; }')).callees.map(c => c.name), [], 'it changed')
  t.same((await shared(h('1'), 'h(a)', '')).callees.map(c => c.name), [], 'only the old version has it')
})

t.test('outermost only; its stub, signature and the loops left in the caller', async t => {
  const helpers = `static int inner(int x) { int n = 0; ${LOOP} return n; }\nstatic int outer(int x) { int n = 0; ${LOOP} return inner(n); }`
  const r = await shared(helpers, 'outer(a)')
  t.same(r.callees.map(c => [c.name, c.stub, c.signature.name, c.signature.params.map(p => p.name), c.params]), [['outer', 'klp_sh_outer', 'klp_sh_outer', ['x'], [{ name: 'x' }]]])
  t.equal(r.callerLoops, false, 'the only loops are inside the shared callee')
  t.equal(r.identical, false)
  const both = await shared(helpers, 'outer(a) + inner(a)')
  t.same(both.callees.map(c => c.name), ['inner', 'outer'], 'called directly too: shared as well')
  const looping = await shared(`static int h(int x) { int n = 0; ${LOOP} return n; }\nstatic int walk(int x) { int s = 0; for (int i = 0; i < x; i++) s += h(i); return s; }`, 'walk(a)')
  t.same(looping.callees.map(c => c.name), ['walk'], 'a looping helper that calls a shared one is shared itself')
  const writer = await shared(`static int h(int x) { int n = 0; ${LOOP} return n; }\nstatic int w(int x) { for (int i = 0; i < x; i++) rw++; return h(x); }`, 'w(a)')
  t.same(writer.callees.map(c => c.name), ['h'], 'a helper that writes a global is inlined, its shared callee is not')
  t.equal(writer.callerLoops, true, 'the inlined helper loops')
})

t.test('direct recursion of the target: the induction hypothesis, not a bound', async t => {
  const src = (body: string) => `int f(int a) { ${body} return a > 0 ? f(a - 1) : 0; }\n`
  const o = await analyzeUnit(src(''))
  const n = await analyzeUnit(src('a = a;'))
  const r = findSharedCallees(o, n, 'f', new Set())
  t.same([r.identical, r.callees, r.callerLoops, r.recursion?.name], [false, [], false, 'f'])
  o.tree.delete()
  n.tree.delete()
})

t.test('an identical target', async t => {
  const text = `static int h(int x) { int n = 0; ${LOOP} return n; }\nint f(int a) { return h(a); }\n`
  const o = await analyzeUnit(`# 1 "old.c"\n${text}`)
  const n = await analyzeUnit(`# 1 "new.c"\n\n${text.replace(/ /g, '  ')}`)
  const r = findSharedCallees(o, n, 'f', new Set())
  t.equal(r.identical, true)
  t.same(r.callees.map(c => c.name), ['h'])
  o.tree.delete()
  n.tree.delete()
})

t.test('float and double parameters: the world function takes their bits', async t => {
  const r = await shared(`static int h(double d, float e, int i) { int n = 0, x = (int)(d + e) + i; ${LOOP} return n; }`, 'h(a, a, a)')
  const c = r.callees[0]!
  t.same(c.params, [{ name: 'd', bits: 'unsigned long long' }, { name: 'e', bits: 'unsigned int' }, { name: 'i' }])
  t.same(c.signature.params.map(p => [p.name, p.type, p.typedefText]), [
    ['d', { kind: 'scalar', text: 'unsigned long long', float: false }, 'unsigned long long KLP_TYPE_NAME'],
    ['e', { kind: 'scalar', text: 'unsigned int', float: false }, 'unsigned int KLP_TYPE_NAME'],
    ['i', { kind: 'scalar', text: 'int', float: false }, 'int KLP_TYPE_NAME'],
  ])
})

t.test('the target\'s own recursion: its recursive calls are shared when its effects are its answer', async t => {
  const rec = async (oldBody: string, newBody: string, sig = 'unsigned int f(unsigned int a)', pre = PRELUDE) => {
    const o = await analyzeUnit(`${pre}${sig} { ${oldBody} }\n`)
    const n = await analyzeUnit(`${pre}${sig} { ${newBody} }\n`)
    try {
      return findSharedCallees(o, n, 'f', sharedGlobals(o, n, 'f'))
    } finally {
      o.tree.delete()
      n.tree.delete()
    }
  }
  const r = await rec('return a < 10 ? a : a % 10 + f(a / 10);', 'if (a <= 9) return a; return f(a / 10) + a % 10;')
  t.same([r.recursion?.name, r.recursion?.stub, r.recursion?.recursive], ['f', 'klp_sh_f', true])
  t.equal(r.callerLoops, false, 'no loop left: unbounded')
  const rows: [string, string, string, string?, string?][] = [
    ['only one version recurses', 'return a < 10 ? a : a % 10 + f(a / 10);', 'unsigned int s = 0; for (; a; a /= 10) s += a % 10; return s;'],
    ['writes a global', 'rw++; return a ? f(a - 1) : 0;', 'return a ? f(a - 1) : 0;'],
    ['the new version writes a global', 'return a ? f(a - 1) : 0;', 'rw++; return a ? f(a - 1) : 0;'],
    ['a pointer argument', 'return *p ? f(p + 1) : 0;', 'return *p ? f(p + 1) : 0;', 'int f(const char *p)'],
    ['a double argument', 'return a > 1 ? f(a / 2) : a;', 'return a > 1 ? f(a / 2) : a;', 'double f(double a)'],
    ['the signatures differ', 'return a ? f(a - 1) : 0;', 'return a ? f(a - 1) : 0;', 'int f(int a)', 'long f(int a)'],
    ['an old-style definition', 'return a ? f(a - 1) : 0;', 'return a ? f(a - 1) : 0;', 'int f(a) int a;'],
  ]
  for (const [name, ob, nb, sig, newSig] of rows) {
    if (newSig) {
      const o = await analyzeUnit(`${sig} { ${ob} }\n`)
      const n = await analyzeUnit(`${newSig} { ${nb} }\n`)
      t.equal(findSharedCallees(o, n, 'f', new Set()).recursion, undefined, name)
      o.tree.delete()
      n.tree.delete()
      continue
    }
    const x = await rec(ob, nb, sig)
    t.equal(x.recursion, undefined, name)
    t.equal(x.callerLoops, true, `${name}: bounded`)
  }
  const viaHelper = await rec('return g(a);', 'return g(a) + 0;', 'unsigned int f(unsigned int a)', `${PRELUDE}unsigned int f(unsigned int a);\nstatic unsigned int g(unsigned int a) { return a ? f(a - 1) : 0; }\n`)
  t.equal(viaHelper.recursion, undefined, 'recursion through a helper stays bounded')
  t.equal(viaHelper.callerLoops, true)
})
