import t from 'tap'
import { analyzeUnit } from '../../src/extract/unit.js'
import { applyEdits } from '../../src/extract/edits.js'
import { renameUnit } from '../../src/extract/rename.js'
import { zeroInitLocals } from '../../src/extract/zero-init.js'

/** The text with every local of `fns` (default: all functions) zero-initialized, and the VLAs left. */
async function zero(src: string, fns?: readonly string[]) {
  const unit = await analyzeUnit(src)
  try {
    const r = zeroInitLocals(unit, new Set(fns ?? unit.functions.keys()))
    return { text: applyEdits(unit.text, r.edits), vlas: r.vlas }
  } finally {
    unit.tree.delete()
  }
}

const body = (lines: readonly string[]) => ['struct s { char c; int i; };', 'union u { char c; long l; };', 'typedef struct s S;', 'int g(int *);', 'int f(int n) {', ...lines, '  return 0;', '}'].join('\n')
/** The body lines of f after zeroing (the lines between `{` and `return`). */
const lines = async (ls: readonly string[]) => (await zero(body(ls))).text.split('\n').slice(5, 5 + ls.length)

t.test('scalars and pointers get {0}, arrays, structs and unions get {} (cbmc zeroes every byte of those)', async t => {
  t.same(await lines([
    '  int a; long *p; double d; _Bool b; enum { A, B } e;',
    '  int (*fp)(int); int (*pa)[4]; int *ap[2];',
    '  struct s x; union u y; S ts; int m[2][3]; const struct s cs;',
    '  struct { int a; union { char c; long l; }; } anon;',
  ]), [
    '  int a = {0}; long *p = {0}; double d = {0}; _Bool b = {0}; enum { A, B } e = {0};',
    '  int (*fp)(int) = {0}; int (*pa)[4] = {0}; int *ap[2] = {};',
    '  struct s x = {}; union u y = {}; S ts = {}; int m[2][3] = {}; const struct s cs = {};',
    '  struct { int a; union { char c; long l; }; } anon = {};',
  ])
})

t.test('what gcc does not initialize stays as it is', async t => {
  const src = [
    '  int i = 1, j;',
    '  static int st; extern int ex; typedef int T; int proto(int);',
    '  register int r; register int hr asm("rbx");',
    '  int u1 __attribute__((__uninitialized__)), u2;',
    '  __attribute__((uninitialized)) int u3, u4;',
  ]
  t.same(await lines(src), [
    '  int i = 1, j = {0};',
    '  static int st; extern int ex; typedef int T; int proto(int);',
    '  register int r = {0}; register int hr asm("rbx");',
    '  int u1 __attribute__((__uninitialized__)), u2 = {0};',
    '  __attribute__((uninitialized)) int u3, u4;',
  ], 'static and extern are not automatic, a hard register and the uninitialized attribute opt out; plain register is zeroed')
})

t.test('the initializer goes after the declarator\'s attributes', async t => {
  t.same(await lines([
    '  int al __attribute__((aligned(8))), *q __attribute__((unused));',
    '  int *p __attribute__((cleanup(g)));',
  ]), [
    '  int al __attribute__((aligned(8))) = {0}, *q __attribute__((unused)) = {0};',
    '  int *p __attribute__((cleanup(g))) = {0};',
  ])
})

t.test('nested blocks, for-loop clauses, statement expressions and switch bodies count', async t => {
  t.same(await lines([
    '  for (int i; n; n--) { int k; g(&k); }',
    '  int q = ({ int t; g(&t); t; });',
    '  switch (n) { int sw; case 1: g(&sw); }',
  ]), [
    '  for (int i = {0}; n; n--) { int k = {0}; g(&k); }',
    '  int q = ({ int t = {0}; g(&t); t; });',
    '  switch (n) { int sw = {0}; case 1: g(&sw); }',
  ], 'an initializer control jumps over is skipped in C, as gcc skips its .DEFERRED_INIT there')
})

t.test('variable-length arrays are listed, not zeroed; constant sizes are not VLAs', async t => {
  const src = body([
    '  enum { N = 4 }; int e[N * 2]; char b[sizeof(struct s) + sizeof n];',
    '  int v[n]; struct s sv[n + 1]; int vm[2][n]; int *pv[n];',
    '  int (*ptv)[n]; char c[__builtin_constant_p(n) ? 1 : 2]; int (pa)[3]; int se[({ 3; })];',
    '  struct loc { int a; }; int inc[];',
  ])
  const r = await zero(src)
  t.same(r.text.split('\n').slice(5, 9), [
    '  enum { N = 4 }; int e[N * 2] = {}; char b[sizeof(struct s) + sizeof n] = {};',
    '  int v[n]; struct s sv[n + 1]; int vm[2][n]; int *pv[n];',
    '  int (*ptv)[n] = {0}; char c[__builtin_constant_p(n) ? 1 : 2] = {}; int (pa)[3] = {}; int se[({ 3; })];',
    '  struct loc { int a; }; int inc[];',
  ], 'a pointer to a VLA is a pointer; a statement expression is no constant; an array without a size is left alone')
  t.same(r.vlas, ['f: v', 'f: sv', 'f: vm', 'f: pv', 'f: se'])
})

t.test('only the functions named; the text keeps its lines', async t => {
  const src = ['int a(void) {', '  int x;', '  return x;', '}', 'int b(void) {', '  int y', '    __attribute__((aligned(4)));', '  return y;', '}'].join('\n')
  const r = await zero(src, ['b', 'missing'])
  t.same(r.text.split('\n'), ['int a(void) {', '  int x;', '  return x;', '}', 'int b(void) {', '  int y', '    __attribute__((aligned(4))) = {0};', '  return y;', '}'])
  t.same(r.vlas, [])
})

t.test('renameUnit applies it to the functions it keeps, with renaming and hoisted statics', async t => {
  const src = [
    'int cnt;',
    'static int unused(void) { int z; return z; }',
    'static int helper(int *p) { int w; *p = cnt; return w; }',
    'int f(void) {',
    '  static int calls; int v; struct { int a; } o;',
    '  calls++; o.a = helper(&v); return o.a + v;',
    '}',
  ].join('\n')
  const unit = await analyzeUnit(src)
  try {
    const off = await renameUnit(unit, 'klp_old_', 'f')
    const on = await renameUnit(unit, 'klp_old_', 'f', new Set(), undefined, { zeroInitLocals: true })
    t.notMatch(off.text, /= \{/, 'nothing without the option')
    t.same(on.text.split('\n'), [
      'int klp_old_cnt;',
      '',
      'static int klp_old_helper(int *p) { int w = {0}; *p = klp_old_cnt; return w; }',
      'int klp_old_f__calls; int klp_old_f(void) {',
      '                    int v = {0}; struct { int a; } o = {};',
      '  klp_old_f__calls++; o.a = klp_old_helper(&v); return o.a + v;',
      '}',
    ], 'the unreached function dropped, the static local hoisted and not zeroed (it is zero already)')
    t.equal(on.text.split('\n').length, src.split('\n').length, 'no line added')
  } finally {
    unit.tree.delete()
  }
})
