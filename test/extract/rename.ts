import t from 'tap'
import { analyzeUnit } from '../../src/extract/unit.js'
import { renameUnit, SHARED_PREFIX, staticLocalName } from '../../src/extract/rename.js'

/** Renaming on its own: every definition kept (see 'only reached functions' for what a proof gets). */
const rename = async (src: string, target = 'f', prefix = 'klp_old_', shared?: ReadonlySet<string>) =>
  renameUnit(await analyzeUnit(src), prefix, target, shared, undefined, { keep: 'all' })

const lines = (s: string) => s.split('\n').length

/** The line of `text` containing `needle` (first match), trimmed. */
const lineWith = (text: string, needle: string) => text.split('\n').find(l => l.includes(needle))?.trim()

t.test('struct members named like a global are never renamed', async t => {
  const src = [
    'int count;',
    'struct s { int count; struct s *next; };',
    'int f(struct s *p, struct s v) {',
    '  struct s w = { .count = count };',
    '  p->count = v.count + w.count + p->next->count;',
    '  return (int)__builtin_offsetof(struct s, count) + count;',
    '}',
  ].join('\n')
  const r = await rename(src)
  const out = r.text.split('\n')
  t.equal(out[0], 'int klp_old_count;')
  t.equal(out[1], 'struct s { int count; struct s *next; };', 'member declaration untouched')
  t.equal(out[3], '  struct s w = { .count = klp_old_count };', 'designator untouched, value renamed')
  t.equal(out[4], '  p->count = v.count + w.count + p->next->count;', 'field accesses untouched')
  t.equal(out[5], '  return (int)__builtin_offsetof(struct s, count) + klp_old_count;', 'offsetof member untouched')
})

t.test('locals and parameters shadow globals', async t => {
  const src = [
    'int count, total;',
    'int f(int count) {',
    '  total += count;',
    '  {',
    '    int total = 1;',
    '    total++;',
    '  }',
    '  for (int total = 0; total < 3; total++) count++;',
    '  for (int i = 0; i < 2; i++) total += i;',
    '  return total;',
    '}',
  ].join('\n')
  const out = (await rename(src)).text.split('\n')
  t.equal(out[0], 'int klp_old_count, klp_old_total;')
  t.equal(out[1], 'int klp_old_f(int count) {', 'parameter keeps its name')
  t.equal(out[2], '  klp_old_total += count;', 'parameter use untouched, global renamed')
  t.equal(out[4], '    int total = 1;', 'block local declared')
  t.equal(out[5], '    total++;', 'block local used')
  t.equal(out[7], '  for (int total = 0; total < 3; total++) count++;', 'for-loop declaration scopes the loop')
  t.equal(out[8], '  for (int i = 0; i < 2; i++) klp_old_total += i;', 'outside that loop the global again')
  t.equal(out[9], '  return klp_old_total;', 'after the block the global again')
})

t.test('a use before a local declaration still means the global', async t => {
  const out = (await rename('int g;\nint f(void) { g = 1; int g = 2; return g; }\n')).text
  t.equal(lineWith(out, 'klp_old_f'), 'int klp_old_f(void) { klp_old_g = 1; int g = 2; return g; }')
})

t.test('block-scope extern and function declarations name the file-scope symbols', async t => {
  const src = [
    'int count;',
    'int helper(int);',
    'int f(int x) {',
    '  extern int count;',
    '  int helper(int);',
    '  int printf(const char *, ...);',
    '  return helper(x) + count;',
    '}',
    'int g(int count) { { extern int count; return count; } }',
    'int helper(int v) { return v; }',
  ].join('\n')
  const out = (await rename(src)).text.split('\n')
  t.equal(out[3], '  extern int klp_old_count;')
  t.equal(out[4], '  int klp_old_helper(int);')
  t.equal(out[5], '  int printf(const char *, ...);', 'functions defined elsewhere keep their names')
  t.equal(out[6], '  return klp_old_helper(x) + klp_old_count;')
  t.equal(out[8], 'int klp_old_g(int count) { { extern int klp_old_count; return klp_old_count; } }',
    'extern reaches past a shadowing parameter')
})

t.test('static locals are hoisted to file scope without moving lines', async t => {
  const src = [
    'int base = 3;',
    'int f(int x)',
    '{',
    '  static int calls;',
    '  static const int',
    '    step = 2, limit = 10;',
    '  calls++;',
    '  if (calls > limit) return base;',
    '  return x + step;',
    '}',
    'int g(void) { static int calls = 1; return calls; }',
  ].join('\n')
  const r = await rename(src)
  t.equal(lines(r.text), lines(src), 'no line added or removed')
  const out = r.text.split('\n')
  t.equal(out[1], 'int klp_old_f__calls; const int klp_old_f__step = 2, klp_old_f__limit = 10; int klp_old_f(int x)',
    'hoisted just before the function, on its first line, without static')
  t.match(out[3], /^\s*$/, 'the declaration is blanked in place')
  t.match(out[4], /^\s*$/)
  t.match(out[5], /^\s*$/, 'its continuation line too')
  t.equal(out[6], '  klp_old_f__calls++;')
  t.equal(out[7], '  if (klp_old_f__calls > klp_old_f__limit) return klp_old_base;')
  t.equal(out[8], '  return x + klp_old_f__step;')
  t.match(out[10], /^int klp_old_g__calls = 1; int klp_old_g\(void\) \{ +return klp_old_g__calls; \}$/,
    'each function has its own static of the same name')
})

t.test('a static local in a nested block and its initializer', async t => {
  const src = 'int seed = 7;\nint f(void) {\n  int seed = 1;\n  { static int n = sizeof(seed); return n + seed; }\n}\n'
  const r = await rename(src)
  t.equal(lines(r.text), lines(src))
  t.equal(lineWith(r.text, 'klp_old_f('), 'int klp_old_f__n = sizeof(seed); int klp_old_f(void) {',
    'the initializer was renamed in its block scope (the local seed)')
  t.match(lineWith(r.text, 'return'), /^\{ +return klp_old_f__n \+ seed; \}$/)
})

t.test('hoisting keeps line markers inside the static declaration', async t => {
  // gcc puts markers around a system-header macro (here `_Bool` from <stdbool.h>)
  const src = [
    '# 1 "s.c"',
    'int f(void) {',
    '  static ',
    '# 3 "s.c" 3 4',
    '  _Bool',
    '# 3 "s.c"',
    '  seen;',
    '  return seen;',
    '}',
  ].join('\n')
  const u = await analyzeUnit(src)
  const r = await renameUnit(u, 'klp_old_', 'f')
  t.equal(lines(r.text), lines(src))
  const out = r.text.split('\n')
  t.equal(out[1], '_Bool klp_old_f__seen; int klp_old_f(void) {', 'hoisted without the markers')
  t.equal(out[3], '# 3 "s.c" 3 4', 'marker kept in the blanked region')
  t.equal(out[5], '# 3 "s.c"')
  t.equal(out[7], '  return klp_old_f__seen;')
  const after = await analyzeUnit(r.text)
  t.same(after.location(7), { file: 's.c', line: 4 }, 'the return is still on line 4 of s.c')
})

t.test('prototypes are renamed consistently; their parameter names are not', async t => {
  const src = [
    'int count;',
    'static int helper(int count, int (*cb)(int count));',
    'int f(int x) { return helper(x, 0); }',
    'static int helper(int count, int (*cb)(int count)) { return count + (cb ? cb(count) : 0); }',
  ].join('\n')
  const out = (await rename(src)).text.split('\n')
  t.equal(out[1], 'static int klp_old_helper(int count, int (*cb)(int count));')
  t.equal(out[2], 'int klp_old_f(int x) { return klp_old_helper(x, 0); }')
  t.equal(out[3], 'static int klp_old_helper(int count, int (*cb)(int count)) { return count + (cb ? cb(count) : 0); }')
})

t.test('static, extern and inline are stripped where linkage must be external', async t => {
  const src = [
    'static int a = 1;',
    'extern int b;',
    'static inline int f(int);',
    'static int helper(void);',
    'static inline int f(int x) { return x + a + b + helper(); }',
    'static int helper(void) { return 0; }',
    'static int unused_fn(void) { return 1; }',
  ].join('\n')
  const out = (await rename(src)).text.split('\n')
  t.equal(out[0], ' int klp_old_a = 1;', 'static global: external, defined here')
  t.equal(out[1], ' int klp_old_b;', 'extern global: defined here')
  t.equal(out[2], '  int klp_old_f(int);', 'prototype of the target: external')
  t.equal(out[3], 'static int klp_old_helper(void);', 'other functions stay static')
  t.equal(out[4], '  int klp_old_f(int x) { return x + klp_old_a + klp_old_b + klp_old_helper(); }', 'the target: external')
  t.equal(out[5], 'static int klp_old_helper(void) { return 0; }')
  t.equal(out[6], 'static int klp_old_unused_fn(void) { return 1; }', 'every defined function is renamed')
})

t.test('strings, characters, labels, types and enumerators are untouched', async t => {
  const src = [
    'typedef int count_t;',
    'enum mode { out_mode, count_mode };',
    'int count, out;',
    'struct count { int out; };',
    'int f(void) {',
    '  const char *s = "count out";',
    '  char c = \'c\';',
    '  struct count k = { 0 };',
    '  count_t n = count_mode;',
    '  if (count) goto out;',
    '  return n + k.out + s[0] + c;',
    'out:',
    '  return out;',
    '}',
  ].join('\n')
  const out = (await rename(src)).text.split('\n')
  t.equal(out[0], 'typedef int count_t;')
  t.equal(out[1], 'enum mode { out_mode, count_mode };')
  t.equal(out[2], 'int klp_old_count, klp_old_out;')
  t.equal(out[3], 'struct count { int out; };', 'struct tag and member')
  t.equal(out[5], '  const char *s = "count out";')
  t.equal(out[7], '  struct count k = { 0 };')
  t.equal(out[8], '  count_t n = count_mode;')
  t.equal(out[9], '  if (klp_old_count) goto out;', 'goto label untouched')
  t.equal(out[11], 'out:', 'label untouched')
  t.equal(out[12], '  return klp_old_out;', 'the global of the same name renamed')
})

t.test('shared globals get the shared prefix in every use', async t => {
  const src = 'int scale = 3;\nint f(int v) { return v * scale; }\n'
  const r = await rename(src, 'f', 'klp_new_', new Set(['scale']))
  t.equal(SHARED_PREFIX, 'klp_shared_')
  t.equal(r.text, 'int klp_shared_scale = 3;\nint klp_new_f(int v) { return v * klp_shared_scale; }\n')
  t.match(r.globals, [{ name: 'scale', cName: 'klp_shared_scale', shared: true, externDecl: 'extern int klp_shared_scale;' }])
})

t.test('entry and function map', async t => {
  const r = await rename('static int a(void) { return 1; }\nint f(void) { return a(); }\n', 'f', 'klp_new_')
  t.equal(r.entry, 'klp_new_f')
  t.same([...r.functions], [['a', 'klp_new_a'], ['f', 'klp_new_f']])
})

t.test('globals: reachable variables and static locals, with their declarations', async t => {
  const src = [
    '# 1 "drv.c"',
    'struct st { int n; int *p; };',
    'static const int limits[2 * 4] = { 1, 2 };',
    'static struct st state;',
    'struct { int hits; } stats;',
    'enum { IDLE, BUSY } mode;',
    'int unused_global;',
    'const char *const name = "drv";',
    'static int bump(void) { static int seq; return ++seq; }',
    'static int lonely(void) { static int never; return never + unused_global; }',
    'int f(int i) { stats.hits++; mode = BUSY; return limits[i] + state.n + bump() + name[0]; }',
  ].join('\n')
  const r = await rename(src)
  t.same(r.globals.map(g => g.name), ['limits', 'state', 'stats', 'mode', 'name', 'bump::seq'],
    'reachable globals in declaration order, then static locals of reachable functions')
  const by = new Map(r.globals.map(g => [g.name, g]))
  t.match(by.get('limits'), {
    cName: 'klp_old_limits',
    isConst: true,
    hasInit: true,
    initText: '{ 1, 2 }',
    externDecl: 'extern const int klp_old_limits[2 * 4];',
    origin: 'drv.c:2',
    shared: false,
    type: { kind: 'array', length: 8 },
  })
  t.equal(by.get('limits')!.staticLocalOf, undefined)
  t.match(by.get('state'), { externDecl: 'extern struct st klp_old_state;', isConst: false, hasInit: false, initText: '', origin: 'drv.c:3' })
  t.equal(by.get('stats')!.externDecl, 'extern struct { int hits; } klp_old_stats;', 'an anonymous struct keeps its body')
  t.equal(by.get('name')!.externDecl, 'extern const char *const klp_old_name;')
  t.equal(by.get('name')!.isConst, true)
  t.match(by.get('bump::seq'), {
    cName: 'klp_old_bump__seq',
    externDecl: 'extern int klp_old_bump__seq;',
    origin: 'static in bump()',
    staticLocalOf: 'bump',
    shared: false,
  })
})

t.test('staticLocalName', async t => {
  t.equal(staticLocalName('klp_old_', 'f', 'n'), 'klp_old_f__n')
})

t.test('snapshot: renaming a small driver', async t => {
  const src = [
    '# 1 "drv.c"',
    'struct dev { int count; int flags; struct dev *next; };',
    'static int count;',
    'static const int max_count = 8;',
    'int debug;',
    'static int dev_check(struct dev *d);',
    '',
    'static int dev_check(struct dev *d)',
    '{',
    '  return d->count < max_count;',
    '}',
    '',
    'int dev_add(struct dev *d, int flags)',
    '{',
    '  static int calls;',
    '  int debug = flags & 1;',
    '',
    '  calls++;',
    '  if (!dev_check(d))',
    '    goto fail;',
    '  for (struct dev *it = d; it; it = it->next)',
    '    it->count++;',
    '  count++;',
    '  if (debug)',
    '    printf("count=%d calls=%d\\n", count, calls);',
    '  return 0;',
    'fail:',
    '  return -1;',
    '}',
  ].join('\n')
  const r = await rename(src, 'dev_add')
  t.equal(lines(r.text), lines(src))
  t.matchSnapshot(r.text, 'renamed text')
  t.matchSnapshot(r.globals.map(g => `${g.name} → ${g.externDecl} (${g.origin})`).join('\n'), 'globals')
})

t.test('a block that is no function (an unexpanded macro) only renames globals', async t => {
  // tree-sitter reads `DEFINE_THING(x) { … }` as a definition without a function declarator
  const src = 'int count;\nDEFINE_THING(x) { static int n; n++; count++; }\nint f(void) { return count; }\n'
  const r = await rename(src)
  t.equal(lineWith(r.text, 'DEFINE_THING'), 'DEFINE_THING(x) { static int n; n++; klp_old_count++; }')
  t.same([...r.functions.keys()], ['f'])
})

t.test('a register variable with an asm name is a local', async t => {
  const src = 'int count;\nint f(void) { register int count __asm__("eax"); return count; }\n'
  t.equal(lineWith((await rename(src)).text, 'klp_old_f'), 'int klp_old_f(void) { register int count __asm__("eax"); return count; }')
})

t.test('variadic definitions keep their named parameters local', async t => {
  const src = 'int n;\nint f(int n, ...) { return n; }\n'
  t.equal((await rename(src)).text, 'int klp_old_n;\nint klp_old_f(int n, ...) { return n; }\n')
})

t.test('static locals of the same name in one function stay distinct objects', async t => {
  // what two WARN_ON_ONCE()s expand to: each block has its own `static _Bool __warned`
  const src = [
    'int f(int a, int b) {',
    '  if (({ static _Bool __warned; int c = !!a; if (c && !__warned) __warned = 1; c; })) return 1;',
    '  if (({ static _Bool __warned = 0; int c = !!b; if (c && !__warned) __warned = 1; c; })) return 2;',
    '  return 0;',
    '}',
  ].join('\n')
  const r = await rename(src)
  t.equal(lines(r.text), lines(src))
  const out = r.text.split('\n')
  t.equal(out[0], '_Bool klp_old_f____warned; _Bool klp_old_f____warned__2 = 0; int klp_old_f(int a, int b) {')
  t.match(out[1], /if \(c && !klp_old_f____warned\) klp_old_f____warned = 1;/)
  t.match(out[2], /if \(c && !klp_old_f____warned__2\) klp_old_f____warned__2 = 1;/)
  t.same(r.globals.map(g => [g.name, g.cName]), [['f::__warned', 'klp_old_f____warned'], ['f::__warned__2', 'klp_old_f____warned__2']])
})

t.test('a global only the other version reaches is still one of this version\'s globals', async t => {
  const u = await analyzeUnit('int nr_err, other;\nint f(int x) { return x; }\n')
  const alone = await renameUnit(u, 'klp_old_', 'f')
  t.same(alone.globals.map(g => g.name), [])
  const r = await renameUnit(u, 'klp_old_', 'f', new Set(), { fns: new Set(['f']), vars: new Set(['nr_err']) })
  t.same(r.globals.map(g => g.name), ['nr_err'], 'the new version writes nr_err: old\'s copy is compared with it')
})

t.test('only reached functions: the others become blank lines (markers and line numbers stay)', async t => {
  const src = [
    '# 1 "drv.c"',
    'static int unused(int v) { return v * 2; }',
    'static int leaf(int v) { return v + 1; }',
    '__attribute__((noinline)) static int also_unused(void)',
    '{',
    '# 7 "drv.c"',
    '  return 3;',
    '}',
    'int f(int x) { return leaf(x); }',
    'static int tail_unused(void) { return 4; }',
  ].join('\n')
  const r = await renameUnit(await analyzeUnit(src), 'klp_old_', 'f')
  const out = r.text.split('\n')
  t.equal(out.length, src.split('\n').length, 'no line added or removed')
  t.equal(out[0], '# 1 "drv.c"', 'a marker before a dropped function stays')
  t.equal(out[1], '', 'an unreached function is dropped')
  t.equal(out[2], 'static int klp_old_leaf(int v) { return v + 1; }', 'a reached callee stays')
  t.same(out.slice(3, 8), ['', '', '# 7 "drv.c"', '', ''], 'with its attribute, keeping the marker inside it')
  t.equal(out[8], 'int klp_old_f(int x) { return klp_old_leaf(x); }')
  t.equal(out[9], '', 'a dropped function at the end')
  t.notMatch(r.text, /unused|noinline/, 'nothing of the dropped functions is left')
})

t.test('only reached functions: what file-scope declarations name and the other version reaches stays', async t => {
  const src = [
    'static int run_a(void) { return 1; }',
    'static int run_b(void) { return 2; }',
    'static int helper_of_b(void) { return 3; }',
    'static int only_other(void) { static int n; return n++ + helper_of_b(); }',
    'struct ops { int (*run)(void); } table = { .run = run_a };',
    'int run_b_proto(void);',
    'int f(void) { return 0; }',
  ].join('\n')
  const u = await analyzeUnit(src)
  const alone = (await renameUnit(u, 'klp_old_', 'f')).text
  t.match(alone, /klp_old_run_a\(void\) \{ return 1; \}/, 'named by an initializer: kept')
  t.notMatch(alone, /run_b\(void\) \{/, 'not named anywhere: dropped')
  t.notMatch(alone, /only_other/, 'reached by nothing: dropped')
  const withOther = await renameUnit(u, 'klp_old_', 'f', new Set(), { fns: new Set(['only_other', 'not_here']), vars: new Set() })
  t.match(withOther.text, /int klp_old_only_other__n; static int klp_old_only_other\(void\)/, 'what the other version reaches stays, static local and all')
  t.match(withOther.text, /klp_old_helper_of_b\(void\) \{ return 3; \}/, 'with what it calls')
  t.ok(withOther.globals.some(g => g.name === 'only_other::n'), 'its static local is one of the globals')
})

t.test('an extern global that becomes a definition loses its aligned attribute (goto-cc 6.6 refuses it there)', async t => {
  const src = [
    'extern unsigned long volatile __attribute__((__aligned__((1 << (6))))) jiffies;',
    'extern struct { int a __attribute__((aligned(8))); } __attribute__((aligned(16), unused)) s;',
    'int f(void) { return (int)jiffies + s.a; }',
  ].join('\n')
  const r = await rename(src)
  const out = r.text.split('\n')
  t.match(out[0], /^ unsigned long volatile\s+klp_old_jiffies;$/, 'extern and aligned gone, same line')
  t.match(out[1], /struct \{ int a __attribute__\(\(aligned\(8\)\)\); \} __attribute__\(\(aligned\(16\), unused\)\) klp_old_s;/, 'a member\'s alignment and a group with other attributes stay')
})

t.test('an extern array declared without a length is defined here with UNSIZED_ARRAY_LENGTH elements', async t => {
  const r = await rename('struct alg { int a; };\nextern struct alg algs[];\nextern int n[4];\nint f(int i) { return algs[i & 7].a + n[0]; }')
  const out = r.text.split('\n')
  t.match(out[1], /^ struct alg klp_old_algs\[8\];$/, 'a length, so the harness can give it a value and compare it')
  t.match(out[2], /^ int klp_old_n\[4\];$/, 'a declared length stays')
})

t.test('a call that parses like a cast is renamed like a call (EqBench elle: (SQR(s*ak))*rd(...))', async t => {
  const src = [
    'int ak;',
    'int SQR(int a) { return a * a; }',
    'int rd(int x) { return x; }',
    'int f(int s) { return (SQR(s*ak))*rd(s); }',
    'int g(int ak) { return (SQR(ak*ak))*rd(ak); }',
  ].join('\n')
  const r = await rename(src)
  t.equal(lineWith(r.text, 'int klp_old_f'), 'int klp_old_f(int s) { return (klp_old_SQR(s*klp_old_ak))*klp_old_rd(s); }', 'the function and a global among its arguments')
  t.equal(lineWith(r.text, 'int klp_old_g'), 'int klp_old_g(int ak) { return (klp_old_SQR(ak*ak))*klp_old_rd(ak); }', 'a parameter shadows the global')
  const kept = await renameUnit(await analyzeUnit(src), 'klp_old_', 'f')
  t.match(kept.text, /int klp_old_SQR\(int a\)/, 'the function it calls is reached, so its definition is kept')
})

t.test('names inside typeof(expr) are renamed by token', async t => {
  const r = await rename('int g;\nint f(int l) { __typeof__(g + l) x = g; return x; }\n')
  t.equal(lineWith(r.text, 'int klp_old_f'), 'int klp_old_f(int l) { __typeof__(klp_old_g + l) x = klp_old_g; return x; }')
})
