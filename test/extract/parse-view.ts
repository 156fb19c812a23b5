/** The parser's view of GNU C (same offsets), and renaming inside what it hides. */
import t from 'tap'
import { gnuParseView, opaqueIdentifiers } from '../../src/extract/parse-view.js'
import { parseableText } from '../../src/extract/pp-text.js'
import { analyzeUnit } from '../../src/extract/unit.js'
import { renameUnit } from '../../src/extract/rename.js'

/** The kernel constructs tree-sitter-c 0.24 cannot parse as written (measured on real closures). */
const CONSTRUCTS: [string, string][] = [
  ['typeof(expr) in a declaration', 'void f(int *y) { __typeof__(*y) x = *y; (void)x; }'],
  ['typeof of a comma expression (__auto_type rewrite)', 'void f(void) { __typeof__(((void)0, 1)) x = 1; (void)x; }'],
  ['typeof in a cast', 'int f(int *p) { return *(typeof(*p + 0) *)p; }'],
  ['typeof inside asm operands', 'int f(void) { _Bool c; asm volatile ("decl %0" : "+m" ((*(typeof(*(&(g.c))) *)(&(g.c)))), "=@cc" "e" (c) : : "memory"); return c; }'],
  ['member designator of offsetof', 'int f(void) { return __builtin_offsetof(struct s, a.b[2]); }'],
  ['typeof as offsetof\'s type (container_of in list_for_each_entry)', 'int f(struct s *p) { return __builtin_offsetof(typeof(*p), a.b) + __builtin_offsetof(typeof(*p), c); }'],
  ['case ranges', 'int f(int x) { switch (x) { case 1 ... 3: return 1; } return 0; }'],
  ['__signed__', 'typedef __signed__ char s8;'],
  ['__alignof__ of an expression', 'unsigned long f(int **p) { return __alignof__(*p) + _Alignof(**p) + __alignof__(int); }'],
  ['asm __inline', 'void f(void) { asm __inline volatile("nop" : : "i" (1)); }'],
  ['types_compatible_p with tagged types', 'int f(void) { return __builtin_types_compatible_p(typeof(*&a.b), struct k); }'],
  ['unnamed bit-fields', 'struct s { unsigned :0; unsigned long long a : 16, b : 2, : 46; int c; };'],
  ['an empty member declaration', 'struct s { int a; ; int b; };'],
]

t.test('each construct parses in the view, with the real text\'s offsets and lines', async t => {
  for (const [name, src] of CONSTRUCTS) {
    const view = gnuParseView(parseableText(src))
    t.equal(view.text.length, src.length, `${name}: same length`)
    t.equal(view.text.split('\n').length, src.split('\n').length, `${name}: same lines`)
    const unit = await analyzeUnit(src)
    t.notOk(unit.tree.rootNode.hasError, `${name}: parses`)
    unit.tree.delete()
  }
})

t.test('what the view leaves alone', async t => {
  const rows = [
    'int f(int x, ...);',
    'void f(void) { for (;;) { } }',
    'int a[4] = { [0 ... 3] = 1 };',
    'void f(int y) { typeof(int) a; typeof(struct s *) b; }',
    'int f(void) { return __builtin_offsetof(struct s, a); }',
    'struct s { int a : 3; unsigned b : 1, c : 2; };',
    'void f(void) { asm volatile("" : "=r"(x) : "r"(y) : "memory"); }',
  ]
  for (const src of rows) t.equal(gnuParseView(src).text, src, src)
})

t.test('opaque ranges record what the placeholder stands for', async t => {
  const src = 'void f(int *y) { __typeof__(*y + g) x = 0; }'
  const view = gnuParseView(src)
  t.equal(view.opaque.size, 1)
  const [r] = [...view.opaque.values()]
  t.equal(src.slice(r!.start, r!.end), '*y + g')
  t.equal(view.text.slice(r!.start, r!.end), '_     ')
  t.same(opaqueIdentifiers('p->g + s.g + g + sizeof(struct g)', { start: 0, end: 33 }).map(i => i.name), ['p', 's', 'g'], 'members, tags and keywords are not names')
})

t.test('names inside typeof and types_compatible_p are renamed, locals and members are not', async t => {
  const src = [
    'struct k { int v; };',
    'int g;',
    'struct k pcpu;',
    'int f(int g2) {',
    '  int x = 1;',
    '  __typeof__(g + x + g2) a = 0;',
    '  static int hidden;',
    '  int b = __builtin_types_compatible_p(typeof(hidden), typeof(pcpu.v));',
    '  { int g = 2; __typeof__(g) c = g; a += c; }',
    '  return a + b;',
    '}',
  ].join('\n')
  const unit = await analyzeUnit(src)
  t.notOk(unit.tree.rootNode.hasError, 'parses')
  const r = await renameUnit(unit, 'klp_old_', 'f', new Set(), undefined, { keep: 'all' })
  unit.tree.delete()
  const lines = r.text.split('\n')
  t.equal(lines[5], '  __typeof__(klp_old_g + x + g2) a = 0;', 'global renamed, local and parameter kept')
  t.match(lines[7], /__builtin_types_compatible_p\(typeof\(klp_old_f__hidden\), typeof\(klp_old_pcpu\.v\)\)/, 'static local by its hoisted name, member kept')
  t.equal(lines[8], '  { int g = 2; __typeof__(g) c = g; a += c; }', 'a block-local shadowing the global stays')
})

t.test('EXPORT_SYMBOL\'s `extern typeof(f) f;` declares the function again, not a global', async t => {
  const unit = await analyzeUnit('int get_option(int x) { return x; }\nextern typeof(get_option) get_option;\nint g;\nint f(int x) { return get_option(x) + g; }\n')
  t.notOk(unit.variables.has('get_option'), 'not a variable')
  t.ok(unit.variables.has('g'))
  const r = await renameUnit(unit, 'klp_old_', 'f', new Set(['g']), undefined, { keep: 'all' })
  unit.tree.delete()
  t.match(r.text, /return klp_old_get_option\(x\) \+ klp_shared_g;/, 'calls the renamed function; only the real global is shared')
})
