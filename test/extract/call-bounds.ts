/**
 * How often one run can call each external function, read from small C texts: a table of bodies and
 * the bound for each of the externals a, b, c (undefined: the code does not bound it).
 */
import t from 'tap'
import { callBounds, pairCallBounds } from '../../src/extract/call-bounds.js'
import { analyzeUnit } from '../../src/extract/unit.js'

const DECLS = `
int a(void); int b(int); int c(void); void reg(void (*)(void));
struct ops { void (*run)(void); };
int g; int x;
`
const EXT = new Set(['a', 'b', 'c'])

async function bounds(src: string, func = 'f'): Promise<Record<string, number | undefined>> {
  const u = await analyzeUnit(`${DECLS}\n${src}`)
  try {
    return Object.fromEntries(callBounds(u, func, EXT))
  } finally {
    u.tree.delete()
  }
}

const ROWS: readonly [string, string, Record<string, number | undefined>][] = [
  ['each call site counts once', 'void f(void) { a(); a(); b(a()); }', { a: 3, b: 1, c: 0 }],
  ['a helper counts once per call of it', 'static void h(void) { a(); } void f(void) { h(); h(); if (x) h(); }', { a: 3, b: 0, c: 0 }],
  ['if/else: the larger arm', 'void f(void) { if (a()) { b(1); b(2); } else b(3); }', { a: 1, b: 2, c: 0 }],
  ['if without else', 'void f(void) { if (x) c(); }', { a: 0, b: 0, c: 1 }],
  ['?: the larger arm, GNU ?: without a middle', 'void f(void) { g = x ? a() : b(a()); g = a() ?: c(); }', { a: 2, b: 1, c: 1 }],
  ['calls in the arguments of a call the world does not see', 'void f(void) { __builtin_expect(a(), 0); }', { a: 1, b: 0, c: 0 }],
  ['a for loop: no bound', 'void f(void) { for (int i = 0; i < 4; i++) a(); b(0); }', { a: undefined, b: 1, c: 0 }],
  ['a while loop: no bound', 'void f(void) { while (x) b(0); }', { a: 0, b: undefined, c: 0 }],
  ['do … while (x): no bound', 'void f(void) { do c(); while (x); }', { a: 0, b: 0, c: undefined }],
  ['do … while (0) runs once', 'void f(void) { do { c(); } while (0); do c(); while ( 0 ); }', { a: 0, b: 0, c: 2 }],
  ['a loop in a helper', 'static void h(void) { while (x) a(); } void f(void) { h(); b(0); }', { a: undefined, b: 1, c: 0 }],
  ['a goto back up is a loop', 'void f(void) { again: a(); if (x) goto again; }', { a: undefined, b: 0, c: 0 }],
  ['forward gotos: each call site once', 'void f(void) { if (x) goto out; a(); if (g) goto out; b(0); out: b(1); }', { a: 1, b: 2, c: 0 }],
  ['a forward goto into the other arm: every arm counts', 'void f(void) { if (x) { a(); goto L; } else { L: a(); } g = x ? c() : c(); }', { a: 2, b: 0, c: 2 }],
  ['a forward goto in a helper does not flatten its caller', 'static void h(void) { if (x) goto o; a(); o: ; } void f(void) { if (x) h(); else b(0); }', { a: 1, b: 1, c: 0 }],
  ['a computed goto', 'void f(void) { void *p = &&L; a(); goto *p; L: ; }', { a: undefined, b: 0, c: 0 }],
  ['a goto to a label the function lacks', 'void f(void) { a(); goto nowhere; }', { a: undefined, b: 0, c: 0 }],
  ['asm goto', 'void f(void) { a(); asm goto("" :::: out); out: ; }', { a: undefined, b: 0, c: 0 }],
  ['recursion: no bound at all', 'void f(void) { a(); if (x) f(); }', { a: undefined, b: undefined, c: undefined }],
  ['mutual recursion', 'void f(void); static void h(void) { b(0); f(); } void f(void) { h(); }', { a: undefined, b: undefined, c: undefined }],
  ['a function whose address is taken', 'static void h(void) { a(); } void f(void) { reg(h); b(0); }', { a: undefined, b: 1, c: 0 }],
  ['a function an initializer names (called through the table)', 'static void h(void) { a(); } static struct ops o = { .run = h }; void f(void) { o.run(); o.run(); b(0); }', { a: undefined, b: 1, c: 0 }],
  ['an external named, not called', 'void f(void) { int (*p)(void) = c; p(); }', { a: 0, b: 0, c: undefined }],
  ['globals without an initializer', 'void f(void) { g = a(); x = g; }', { a: 1, b: 0, c: 0 }],
]

t.test('callBounds: calls one run can make, per external', async t => {
  for (const [what, src, want] of ROWS) t.same(await bounds(src), want, what)
})

t.test('pairCallBounds: the larger of the two versions, none when either has none', async t => {
  const old = await analyzeUnit(`${DECLS}\nvoid f(void) { a(); b(0); c(); }`)
  const nw = await analyzeUnit(`${DECLS}\nvoid f(void) { a(); a(); while (x) b(0); }`)
  t.same(Object.fromEntries(pairCallBounds(old, nw, 'f', EXT)), { a: 2, b: undefined, c: 1 })
  t.same(Object.fromEntries(pairCallBounds(nw, old, 'f', EXT)), { a: 2, b: undefined, c: 1 })
  old.tree.delete()
  nw.tree.delete()
})
