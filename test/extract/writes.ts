import t from 'tap'
import { analyzeUnit } from '../../src/extract/unit.js'
import { nonlinearOps, writtenGlobals } from '../../src/extract/writes.js'

/** Written names of `f`'s body over globals a..h, p, s, arr. */
const written = async (body: string, fns = ['f']) => {
  const src = `struct st { int x; int a[2]; struct st *next; };\nint a, b, c, d, e, g, h, *p, arr[4];\nstruct st s, *sp;\nint helper(int *q) { return *q; }\nvoid f(int i) { ${body} }\nvoid other(void) { h = 1; }\n`
  const u = await analyzeUnit(src)
  return [...writtenGlobals(u, new Set(fns))].sort()
}

t.test('writtenGlobals', async t => {
  const rows: [string, string, string[]][] = [
    ['plain assignment', 'a = 1;', ['a']],
    ['compound assignment', 'a += b;', ['a']],
    ['reads are not writes', 'i = a + b * c;', ['i']],
    ['member of a struct global', 's.x = 1;', ['s']],
    ['element of an array global', 'arr[i] = 1;', ['arr']],
    ['element of an array member', 's.a[1] = 2;', ['s']],
    ['parenthesised', '(a) = 1; ((s).x) = 2;', ['a', 's']],
    ['increment and decrement', 'a++; --b; s.x++;', ['a', 'b', 's']],
    ['taking the address', 'helper(&c); helper(&s.x); helper(&arr[1]);', ['arr', 'c', 's']],
    ['through a pointer global: the pointee, not the pointer', 'p[0] = 1; *p = 2; sp->x = 3; sp->next->x = 4; (*sp).x = 5; helper(&sp->x);', ['p']],
    ['dereference is not address-of', 'i = *p;', ['i']],
    ['the root of a call result is unknown', 'helper(&a)[0];', ['a']],
    ['nested in expressions and statements', 'if (a) { while (i--) d = e; } else g = (h, 1);', ['d', 'g', 'i']],
  ]
  for (const [name, body, want] of rows) t.same(await written(body), want, name)
})

t.test('writtenGlobals: an address taken in a global initializer', async t => {
  const u = await analyzeUnit('int c, d, e;\nint *pc = &c;\nstruct { int *p; } holder = { .p = &d };\nint copy = 3;\nint f(void) { *pc = 1; return c + d + e; }\n')
  t.same([...writtenGlobals(u, new Set(['f']))].sort(), ['c', 'd'], 'c and d may be written through pointers')
})

t.test('writtenGlobals looks only at the given functions that exist', async t => {
  t.same(await written('a = 1;', ['f', 'other', 'not_defined']), ['a', 'h'])
  t.same(await written('a = 1;', []), [])
})

/** nonlinearOps of `f` in a unit with enumerators. */
const nonlinear = async (body: string, fns = ['f']) => {
  const src = `enum { SCALE = 4, SHIFT = 2 };\nstruct st { int x; };\nint f(int x, int y, unsigned n, struct st *p) { ${body} }\nint g(int x, int y) { return x * y; }\n`
  return nonlinearOps(await analyzeUnit(src), new Set(fns))
}

t.test('nonlinearOps', async t => {
  const rows: [string, string, number][] = [
    ['a product of variables', 'return x * y;', 1],
    ['a division', 'return x / y;', 1],
    ['a remainder', 'return x % y;', 1],
    ['two products', 'return x * y * n;', 2],
    ['times a literal, or divided by a power of two', 'return 2 * x + x / 4 + x % 8u + x / (1 << 3) + x / (long)16;', 0],
    ['divided by a constant: a divider circuit for SAT (put_itimerval: ns / NSEC_PER_SEC)', 'return x / 3 + x % 1000000000L + x / (1000L * 1000);', 3],
    ['divided by zero or a negative constant', 'return x / 0 + x / -4;', 2],
    ['by a char literal', "return x * 'a';", 0],
    ['by sizeof', 'return sizeof(int) * n + n * sizeof p;', 0],
    ['by _Alignof', 'return _Alignof(int) * n;', 0],
    ['by offsetof', 'return __builtin_offsetof(struct st, x) * n;', 0],
    ['times an enumerator', 'return x * SCALE;', 0],
    ['divided by an enumerator (its value is not looked up)', 'return y / SHIFT;', 1],
    ['by constant arithmetic', 'return x * (SCALE + 1) * (2 << SHIFT) * -3 * (int)4;', 0],
    ['by a cast variable', 'return (long)x * y;', 1],
    ['by a negated variable', 'return -x * y;', 1],
    ['by a field', 'return p->x * x;', 1],
    ['by a call', 'return g(1, 2) * x;', 1],
    ['compound multiply', 'x *= y; x /= n; x %= y; return x;', 3],
    ['compound multiply by a constant', 'x *= 2; x *= SCALE; x /= 4; x %= 2; return x;', 0],
    ['compound divide by a constant', 'x /= 10; x %= sizeof(int); return x;', 2],
    ['other operators', 'x += y; x = x + y - (x << y); return x & y;', 0],
  ]
  for (const [name, body, want] of rows) t.equal(await nonlinear(body), want, name)
  t.equal(await nonlinear('return 0;', ['f', 'g', 'missing']), 1, 'only the given functions that exist')
})
