import t from 'tap'
import { cutClosure, definedFunctions } from '../../src/extract/closure.js'

/** A fake `.i`: `# 1 "file"` then the snippet. */
const pp = (file: string, src: string): string => `# 1 "${file}"\n${src}`

/** Names defined by the kept items, flattened and sorted. */
const kept = (src: string, func: string): string[] => {
  const c = cutClosure(src, func)
  if (!c) throw new Error(`no ${func}`)
  return c.items.flatMap(i => i.defines).sort()
}

t.test('cutClosure keeps exactly what the function reaches', async t => {
  const rows: [string, string, string, string[]][] = [
    ['typedef chain', 'typedef int a_t;\ntypedef a_t b_t;\ntypedef b_t c_t;\ntypedef int z_t;\nc_t f(void) { return 0; }\n', 'f',
      ['a_t', 'b_t', 'c_t', 'f']],
    ['struct via pointer keeps forward decl and full definition', 'struct s;\nstruct s { int x; };\nstruct t { int y; };\nint f(struct s *p) { return 0; }\n', 'f',
      ['f', 'tag:s', 'tag:s']],
    ['struct member types follow', 'typedef long m_t;\nstruct s { m_t x; struct u *n; };\nstruct u { int y; };\nint f(struct s *p) { return p->x; }\n', 'f',
      ['f', 'm_t', 'tag:s', 'tag:u']],
    ['enum constants referenced', 'enum e { A, B = A + 2, C };\nenum o { D };\nint f(void) { return B; }\n', 'f',
      ['A', 'B', 'C', 'f', 'tag:e']],
    ['enum constant in another enum', 'enum { BASE = 4 };\nenum e2 { X = BASE + 1 };\nint f(void) { return X; }\n', 'f',
      ['BASE', 'X', 'f', 'tag:e2']],
    ['static inline helper with its own closure', 'typedef int h_t;\nint hg;\nint ng;\nstatic inline h_t helper(int v) { return v + hg; }\nint f(int x) { return helper(x); }\n', 'f',
      ['f', 'h_t', 'helper', 'hg']],
    ['extern function and non-static definition as prototypes', 'int big;\nextern int ext(int);\nint nf(int x) { return big + x; }\nint f(int x) { return ext(x) + nf(x); }\n', 'f',
      ['ext', 'f', 'nf']],
    ['globals: arrays sized by enums, one of several declarators', 'enum { N_ITEMS = 4 };\nstatic int arr[N_ITEMS];\nint g3, g4 = 1;\nint g5;\nint f(void) { return arr[0] + g4; }\n', 'f',
      ['N_ITEMS', 'arr', 'f', 'g3', 'g4']],
    ['initializer reaches functions and designated members are not names', 'int x;\nstatic int cb(int a) { return a; }\nstruct ops { int (*fn)(int); int x; };\nstatic struct ops o = { .fn = cb };\nint f(void) { return o.fn(1); }\n', 'f',
      ['cb', 'f', 'o', 'tag:ops']],
    ['attributes before declarators and functions', 'static __attribute__((unused)) int ag = 1;\n__attribute__((aligned(8))) struct al { int z; } alv;\nstatic inline __attribute__((always_inline)) int ai(void) { return ag; }\nint f(void) { return ai() + alv.z; }\n', 'f',
      ['ag', 'ai', 'alv', 'f', 'tag:al']],
    ['anonymous attributed struct is not a function', 'struct __attribute__((packed)) { int a; } pk;\nint f(void) { return pk.a; }\n', 'f',
      ['f', 'pk']],
    ['typeof in a declaration and in a body', 'extern int tv;\n__typeof__(tv) tv2;\ntypedef int ty;\nint f(void) { typeof(ty) l = tv2; return l; }\n', 'f',
      ['f', 'tv', 'tv2', 'ty']],
    ['_Generic associations', 'typedef unsigned char uc;\ntypedef long lo;\nint f(int x) { return _Generic(x, uc: 1, default: 0); }\n', 'f',
      ['f', 'uc']],
    ['statement expression', 'int gv;\nint f(void) { return ({ int __x = gv; __x + 1; }); }\n', 'f',
      ['f', 'gv']],
    ['case ranges', 'enum { LO = 1, HI = 9 };\nenum { OTHER };\nint f(int n) { switch (n) { case LO ... HI: return 1; } return 0; }\n', 'f',
      ['HI', 'LO', 'f']],
    ['function pointer typedef and parameter names', 'struct arg { int a; };\ntypedef int (*cb_t)(struct arg *p, const size_t);\ntypedef unsigned long size_t;\nint p;\nint f(cb_t c) { return 0; }\n', 'f',
      ['cb_t', 'f', 'size_t', 'tag:arg']],
    ['arrays of function pointers', 'static int h1(int a) { return a; }\nstatic int (*const handlers[])(int) = { h1 };\nint (*fp)(int), (*fps[2])(int);\nint f(int i) { return handlers[i](i) + fps[0](i); }\n', 'f',
      ['f', 'fp', 'fps', 'h1', 'handlers']],
    ['parameter names of prototypes define nothing', 'int argv;\nextern int run(char **argv, int (*cb)(const char *const *names));\nint f(void) { return run(0, 0); }\n', 'f',
      ['f', 'run']],
    ['asm labels and top-level asm are harmless', 'asm(".globl x");\nint aliased asm("real_name");\nint f(void) { return aliased; }\n', 'f',
      ['aliased', 'f']],
    ['string and char literals hide braces and semicolons', 'static const char msg[] = "};{";\nint f(void) { return msg[0] == \'}\'; }\n', 'f',
      ['f', 'msg']],
  ]
  for (const [name, src, func, want] of rows) t.same(kept(pp('t.c', src), func), want, name)
})

t.test('cutClosure facts: modes, reasons, positions, reached names', async t => {
  const c = cutClosure(pp('t.c', 'int g;\nint other(int x) { return x; }\nint f(void) { return other(g); }\n'), 'f')!
  t.same(
    c.items.map(i => [i.index, i.kind, i.mode, i.reason, i.file, i.line]),
    [
      [0, 'declaration', 'full', 'g', 't.c', 1],
      [1, 'function', 'prototype', 'other', 't.c', 2],
      [2, 'function', 'full', 'target', 't.c', 3],
    ],
  )
  t.same(c.reached, ['g', 'other'])
  t.equal(c.topLevel, 3)
  t.equal(c.text, '# 1 "t.c"\nint g;\n# 2 "t.c"\nint other(int x);\n# 3 "t.c"\nint f(void) { return other(g); }\n')
})

t.test('cutClosure: a function that is only declared, or absent, has no closure', async t => {
  t.equal(cutClosure(pp('t.c', 'int f(void);\nint g(void) { return f(); }\n'), 'f'), undefined)
  t.equal(cutClosure('', 'f'), undefined)
})

t.test('cutClosure bodies and roots: what a proof needs besides the function', async t => {
  const src = pp('t.c', [
    'int big;', 'enum mode { M_OFF, M_ON };', 'enum other { O_X };', 'int limit;', 'static int st(int x) { return x; }',
    'int nf(int x) { return big + x; }', 'int f(int x) { return nf(x) + st(x); }', '',
  ].join('\n'))
  const by = (c: ReturnType<typeof cutClosure>) => Object.fromEntries(c!.items.map(i => [i.defines.join(','), `${i.mode} (${i.reason})`]))
  t.same(by(cutClosure(src, 'f')), { st: 'full (st)', nf: 'prototype (nf)', f: 'full (target)' }, 'default: only local bodies')
  t.same(by(cutClosure(src, 'f', { bodies: 'all' })), { big: 'full (big)', st: 'full (st)', nf: 'full (nf)', f: 'full (target)' },
    'all: a callee defined in the file keeps its body and what it reaches')
  t.same(by(cutClosure(src, 'f', { roots: ['M_ON', 'limit', 'nowhere', 'x'] })), {
    'M_OFF,M_ON,tag:mode': 'full (M_ON (named by an expression))', limit: 'full (limit (named by an expression))',
    st: 'full (st)', nf: 'prototype (nf)', f: 'full (target)',
  }, 'roots: an enumerator and a global a claim names; unknown names and parameters add nothing')
})

t.test('definedFunctions: every definition once, in order; prototypes are not definitions', async t => {
  const src = 'int p(void);\nstatic int b(void) { return 0; }\nint a(void) { return b(); }\nstruct s { int x; } v;\nint b2(void) { return 1; }\n'
  t.same(definedFunctions(pp('t.c', src)), ['b', 'a', 'b2'])
  t.same(definedFunctions(pp('t.c', 'int x;\n')), [])
})

/** Each non-marker line of `.i` text with the file:line it maps to. */
function mapped(text: string): { where: string; line: string }[] {
  const out: { where: string; line: string }[] = []
  let file = '?'
  let n = 0
  for (const line of text.split('\n')) {
    const m = /^# (\d+) "([^"]*)"/.exec(line)
    if (m) {
      file = m[2]!
      n = Number(m[1])
      continue
    }
    out.push({ where: `${file}:${n}`, line })
    n++
  }
  return out
}

t.test('cutClosure keeps every line mapped to its real file:line', async t => {
  const src = [
    '# 1 "t.c"',
    '# 1 "inc/a.h" 1 3',
    'typedef int a_t;',
    'int unused_a;',
    '',
    'struct big {',
    '  a_t x;',
    '};',
    '# 2 "t.c" 2',
    'int g; int h;',
    'extern int ext(struct big *b)',
    '  __attribute__((nonnull));',
    'static int helper(struct big *b)',
    '{',
    '  return b->x;',
    '# 40 "t.c"',
    '}',
    'int f(struct big *b)',
    '{',
    '  return helper(b) + h + ext(b);',
    '}',
    '',
  ].join('\n')
  const c = cutClosure(src, 'f')!
  const orig = new Map(mapped(src).map(l => [l.where, l.line]))
  const out = mapped(c.text).filter(l => l.line !== '')
  t.ok(out.length >= 12, 'the closure has the lines')
  for (const l of out) t.ok(orig.get(l.where)?.includes(l.line.replace(/;$/, '')), `${l.where}: ${l.line}`)
  t.match(c.text, /^# 1 "inc\/a.h" 3\ntypedef int a_t;/, 'system-header flag kept, include flags dropped')
  t.match(c.text, /\n# 40 "t.c"\n\}/, 'markers inside an item are kept')
  t.notMatch(c.text, /unused_a|int g;/)
  t.same(c.items.find(i => i.defines.includes('h'))?.line, 2, 'a declaration that starts mid-line')
})

t.test('cutClosure: names in array sizes, attributes and typeof are uses, never declarators', async t => {
  const src = 'enum flags { F_A = 0,\n F_COUNT\n};\nenum { AL = 8 };\nstruct dev { unsigned long flags[(((F_COUNT) + 63) / 64)] __attribute__((aligned((AL)))); };\nint f(struct dev *d) { return 0; }\n'
  t.same(kept(pp('t.c', src), 'f'), ['AL', 'F_A', 'F_COUNT', 'f', 'tag:dev', 'tag:flags'])
})

t.test('cutClosure pointerOnlyTags: forward declarations for structs whose members nobody touches', async t => {
  const src = pp('t.c', [
    'struct opaque { int secret; struct more *m; };',
    'struct more { int z; };',
    'union un { int a; long b; };',
    'struct used { int field; };',
    'struct byval { int w; };',
    'struct viahelper { int hv; };',
    'static inline int get(struct viahelper *h) { return h->hv; }',
    'extern void take(struct opaque *o, union un *u);',
    'int f(struct opaque *o, union un *u, struct used *p, struct byval b, struct viahelper *h)',
    '{ take(o, u); return p->field + b.w + get(h); }',
    '',
  ].join('\n'))
  const full = cutClosure(src, 'f')!
  t.same(full.forwards, [])
  t.ok(full.items.some(i => i.defines.includes('tag:opaque')), 'default: full definitions')
  const c = cutClosure(src, 'f', { pointerOnlyTags: 'forward' })!
  t.same(c.forwards, [
    { tag: 'tag:opaque', keyword: 'struct', file: 't.c', line: 1 },
    { tag: 'tag:un', keyword: 'union', file: 't.c', line: 3 },
  ])
  t.same(c.items.flatMap(i => i.defines).sort(), ['f', 'get', 'tag:byval', 'tag:used', 'tag:viahelper', 'take'])
  t.equal(c.items.find(i => i.defines.includes('tag:used'))?.reason, 'tag:used (member accessed)')
  t.match(c.text, /^# 1 "t.c"\nstruct opaque;\n# 3 "t.c"\nunion un;\n/)
  t.notMatch(c.text, /secret|struct more/)
})
