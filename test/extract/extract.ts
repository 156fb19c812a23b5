import t from 'tap'
import path from 'node:path'
import { diffTypes, extractFunctionPair, sharedGlobals, type ExtractOptions } from '../../src/extract/extract.js'
import { analyzeUnit } from '../../src/extract/unit.js'

const opts = (dir: string, o: Partial<ExtractOptions> = {}): ExtractOptions => ({
  oldPath: path.join(dir, 'old.c'),
  newPath: path.join(dir, 'new.c'),
  func: 'f',
  includes: [],
  defines: [],
  cflags: [],
  exprs: [],
  ...o,
})

const OLD = `#include <stddef.h>
#include "defs.h"
#define LIMIT 8
struct msg { int len; char buf[16]; };
enum state { IDLE, BUSY };
enum unreached { FAR_AWAY };
static int nr_errors;
static const int table[3] = { 1, 2, 3 };
int scale = 3;
int *cursor;
int counters[2];
int weights = 2;
static int check(const struct msg *m) { return m->len <= LIMIT; }
int f(struct msg *m, int x, int y)
{
  static int calls;
  calls++;
  if (!check(m)) { nr_errors++; return -1; }
  counters[0] += weights;
  return m->len * x + table[y & 1] + scale + (cursor != NULL);
}
`

const NEW = OLD
  .replace('#define LIMIT 8', '#define LIMIT (2 * BASE)')
  .replace('{ 1, 2, 3 }', '{ 1, 2, 4 }')
  .replace('m->len * x', 'm->len * x / y')
  .replace('counters[0] += weights;', 'counters[0] += weights; weights = 0;')

t.test('extractFunctionPair: a realistic pair', async t => {
  const dir = t.testdir({ 'old.c': OLD, 'new.c': NEW, 'defs.h': '#define BASE 4\n' })
  const pair = await extractFunctionPair(opts(dir, { exprs: ['x > LIMIT', 'm != NULL', 'x != BUSY'] }))
  t.equal(pair.func, 'f')
  t.match(pair.old, { version: 'old', path: path.join(dir, 'old.c'), prefix: 'klp_old_', entry: 'klp_old_f' })
  t.match(pair.new, { version: 'new', path: path.join(dir, 'new.c'), prefix: 'klp_new_', entry: 'klp_new_f' })
  t.same([...pair.old.functions], [['check', 'klp_old_check'], ['f', 'klp_old_f']])
  t.ok(pair.old.enumerators.has('IDLE') && pair.new.enumerators.has('BUSY'), 'an enum an expression names is in the closure')
  t.notOk(pair.old.enumerators.has('FAR_AWAY'), 'an enum nothing reaches is not')
  t.notMatch(pair.old.text, /unreached/, 'the text is the closure of f, not the file')
  t.same(pair.signature.params.map(p => p.name), ['m', 'x', 'y'])
  t.same(pair.typeChanges, [])
  t.same(pair.constChanges, ['table: { 1, 2, 3 } → { 1, 2, 4 }'])
  t.equal(pair.nonlinear, 3, 'm->len * x in old; m->len * x and … / y in new')
  t.same(pair.expanded, { oldExprs: ['x > 8', 'm != ((void *)0)', 'x != BUSY'], newExprs: ['x > (2 * 4)', 'm != ((void *)0)', 'x != BUSY'] }, 'macros expanded per version')

  const g = new Map(pair.old.globals.map(v => [v.name, v]))
  t.same([...g.keys()].sort(), ['counters', 'cursor', 'f::calls', 'nr_errors', 'scale', 'table', 'weights'])
  t.match(g.get('scale'), { shared: true, cName: 'klp_shared_scale' }, 'read-only scalar, same declaration: shared')
  t.match(g.get('weights'), { shared: false, cName: 'klp_old_weights' }, 'written by the new version')
  t.match(g.get('nr_errors'), { shared: false }, 'written')
  t.match(g.get('table'), { shared: false, isConst: true }, 'const')
  t.match(g.get('cursor'), { shared: false }, 'a pointer')
  t.match(g.get('counters'), { shared: false }, 'an array')
  t.match(pair.new.globals.find(v => v.name === 'scale'), { cName: 'klp_shared_scale' }, 'the same object in the new version')
  t.match(pair.old.text, /\bint klp_shared_scale = 3;/)
  t.match(pair.new.text, /\bint klp_shared_scale = 3;/)
  t.match(pair.old.text, /klp_old_f__calls\+\+;/)
  t.match(pair.new.text, /klp_new_weights = 0;/)
})

t.test('type and signature changes are reported with what changed', async t => {
  const base = 'struct kobj { int refs; char name[8]; };\nunion u { int i; float f; };\nenum e { A, B };\ntypedef int handle_t;\nstruct same { int a; };\n'
  const dir = t.testdir({
    'old.c': `${base}int f(struct kobj *k, handle_t h, union u *x, enum e y) { return k->refs + h + x->i + y; }\n`,
    'new.c': `${base
      .replace('int refs; char name[8];', 'long refs; char name[8]; int flags;')
      .replace('union u { int i; float f; }', 'union u { float f; int i; }')
      .replace('enum e { A, B }', 'enum e { A, B, C }')
      .replace('typedef int handle_t', 'typedef long handle_t')}int f(struct kobj *k, handle_t h, union u *x, enum e y, ...) { return k->refs + h + x->i + y; }\n`,
  })
  const pair = await extractFunctionPair(opts(dir))
  t.same(pair.typeChanges, [
    { type: 'struct kobj', detail: 'fields changed: - int refs; + long refs; + int flags' },
    { type: 'union u', detail: 'field order or layout changed' },
    { type: 'enum e', detail: 'definition changed' },
    { type: 'typedef handle_t', detail: 'definition changed' },
    { type: 'signature of f()', detail: 'int (struct kobj *, handle_t, union u *, enum e) → int (struct kobj *, handle_t, union u *, enum e, ...)' },
  ])
})

t.test('a renamed struct tag with the same layout is no type change; a changed layout still is', async t => {
  const dir = t.testdir({
    'old.c': 'struct oldV { int a; int b; };\ntypedef struct oldV v_t;\nint f(struct oldV *v, v_t *w) { return v->a + w->b; }\n',
    'new.c': 'struct newV { int a; int b; };\ntypedef struct newV v_t;\nint f(struct newV *v, v_t *w) { return v->b + w->a; }\n',
    'wider.c': 'struct newV { int a; long b; };\ntypedef struct newV v_t;\nint f(struct newV *v, v_t *w) { return v->b + w->a; }\n',
  })
  t.same((await extractFunctionPair(opts(dir))).typeChanges, [], 'signature and typedef differ only in the tag')
  const wider = await extractFunctionPair(opts(dir, { newPath: path.join(dir, 'wider.c') }))
  t.same(wider.typeChanges.map(c => c.type), ['typedef v_t', 'signature of f()'], 'a member retyped under a new tag is a layout change')
  const byValue = t.testdir({
    'old.c': 'struct oldV { int a; };\nstruct oldV f(struct oldV v) { return v; }\n',
    'new.c': 'struct newV { int a; };\nstruct newV f(struct newV v) { return v; }\n',
    'gold.c': 'struct oldV { int a; };\nstruct oldV g;\nint f(struct oldV *v) { return v->a + g.a; }\n',
    'gnew.c': 'struct newV { int a; };\nstruct newV g;\nint f(struct newV *v) { return v->a + g.a; }\n',
  })
  t.same((await extractFunctionPair(opts(byValue))).typeChanges.map(c => c.type), ['signature of f()'],
    'a renamed record by value stays a change: the harness could not pass the old type to the new function')
  const global = await extractFunctionPair(opts(byValue, { oldPath: path.join(byValue, 'gold.c'), newPath: path.join(byValue, 'gnew.c') }))
  t.same(global.typeChanges.map(c => c.type), ['signature of f()'], 'so is one whose global of such a record the function reaches')
})

t.test('const initializers: changed, added, removed', async t => {
  const dir = t.testdir({
    'old.c': 'const int a = 1;\nextern const int b;\nconst int c = 3;\nconst int d = 4;\nint f(void) { return a + b + c + d; }\n',
    'new.c': 'const int a = 2;\nconst int b = 5;\nextern const int c;\nconst int d = 4;\nint f(void) { return a + b + c + d; }\n',
  })
  const pair = await extractFunctionPair(opts(dir))
  t.same(pair.constChanges, ['a: 1 → 2', 'b: (none) → 5', 'c: 3 → (none)'])
})

t.test('extract errors', async t => {
  const many = Array.from({ length: 10 }, (_, i) => `int fn${i}(void) { return ${i}; }`).join('\n')
  const dir = t.testdir({
    'ok.c': 'static int __helper(void) { return 0; }\nint process_msg(void) { return __helper(); }\nint process_all(void) { return 1; }\nint other(void) { return 2; }\n',
    'many.c': `${many}\n`,
    'empty.c': 'int x;\n',
    'syntax.c': '#include <stddef.h>\nint f(void)\n{\n  return 1 +* ;\n}\n',
    'header-bad.h': 'int broken(void) { return @; }\n',
    'uses-bad-header.c': '#include "header-bad.h"\nint f(void) { return 0; }\n',
    'missing-include.c': '#include "nope.h"\nint f(void) { return 0; }\n',
    'reaches-bad-header.c': '#include "header-bad.h"\n\nint f(void) { return broken(); }\n',
    'bad-elsewhere.c': 'int g(void) { return @; }\nint f(void) { return 0; }\n',
  })
  const at = (f: string) => path.join(dir, f)
  const rows: [string, Partial<ExtractOptions>, { name: string; [k: string]: unknown }][] = [
    ['a missing file', { oldPath: at('none.c'), newPath: at('ok.c') },
      { name: 'ExtractError', message: `cannot read ${at('none.c')}: no such file`, hint: /check the path/, exitCode: 3 }],
    ['a missing include', { oldPath: at('ok.c'), newPath: at('missing-include.c') },
      { name: 'ExtractError', message: /^cannot preprocess .*missing-include\.c: .*fatal error: nope\.h: No such file or directory$/, hint: /-I/ }],
    ['a syntax error in the user file', { oldPath: at('syntax.c'), newPath: at('ok.c') },
      { name: 'ExtractError', message: new RegExp(`^${at('syntax.c').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: C that does not parse \\(near '.*'\\)$`), hint: /fix the syntax error/ }],
    ['an unknown function: close names', { oldPath: at('ok.c'), newPath: at('ok.c'), func: 'process' },
      { name: 'ExtractError', message: `function process() is not defined in ${at('ok.c')}`, hint: 'functions defined there: process_msg, process_all' }],
    ['an unknown function: some names', { oldPath: at('ok.c'), newPath: at('ok.c'), func: 'zzz' },
      { name: 'ExtractError', hint: 'functions defined there: process_msg, process_all, other' }],
    ['an unknown function: the first eight', { oldPath: at('many.c'), newPath: at('many.c'), func: 'zzz' },
      { name: 'ExtractError', hint: 'functions defined there: fn0, fn1, fn2, fn3, fn4, fn5, fn6, fn7' }],
    ['an unknown function in the new file', { oldPath: at('ok.c'), newPath: at('empty.c'), func: 'other' },
      { name: 'ExtractError', message: `function other() is not defined in ${at('empty.c')}`, hint: 'the file defines no functions' }],
    ['a syntax error in a header the function reaches', { oldPath: at('ok.c'), newPath: at('reaches-bad-header.c') },
      { name: 'ExtractError', message: `${at('header-bad.h')}:1: C that does not parse (near '@')`, hint: /^f\(\) reaches this header code .* cannot read it/ }],
  ]
  rows.splice(4, 0, ['an unknown function: a definition the file does not have stops nothing else', { oldPath: at('ok.c'), newPath: at('syntax.c'), func: 'process_msg' },
    { name: 'ExtractError', message: `function process_msg() is not defined in ${at('syntax.c')}`, hint: 'functions defined there: f' }])
  for (const [name, o, want] of rows) await t.rejects(extractFunctionPair(opts(dir, o)), want, name)

  // code the function does not reach is never parsed: not a header's, nor the file's own
  const elsewhere = await extractFunctionPair(opts(dir, { oldPath: at('bad-elsewhere.c'), newPath: at('bad-elsewhere.c') }))
  t.equal(elsewhere.old.entry, 'klp_old_f')

  // a header the parser does not understand is not the user's problem
  const pair = await extractFunctionPair(opts(dir, { oldPath: at('uses-bad-header.c'), newPath: at('uses-bad-header.c') }))
  t.equal(pair.old.entry, 'klp_old_f')
})

t.test('sharedGlobals', async t => {
  const rows: [string, string, string, string[]][] = [
    ['read-only in both', 'int k = 1;\nint f(void) { return k; }', 'int k = 1;\nint f(void) { return k + 1; }', ['k']],
    ['written in old', 'int k;\nint f(void) { return k++; }', 'int k;\nint f(void) { return k; }', []],
    ['address taken in new', 'int k;\nint g(int *p);\nint f(void) { return k; }', 'int k;\nint g(int *p);\nint f(void) { return g(&k); }', []],
    ['written by a callee', 'int k;\nstatic void set(void) { k = 1; }\nint f(void) { set(); return k; }', 'int k;\nint f(void) { return k; }', []],
    ['written through a function table', 'int k;\nstatic void set(void) { k = 1; }\nvoid (*hook)(void) = set;\nint f(void) { hook(); return k; }',
      'int k;\nstatic void set(void) { k = 1; }\nvoid (*hook)(void) = set;\nint f(void) { hook(); return k; }', []],
    ['aliased by a pointer global', 'int k;\nint *pk = &k;\nint f(void) { *pk = 1; return k; }', 'int k;\nint *pk = &k;\nint f(void) { return k; }', []],
    ['only in one version', 'int k;\nint f(void) { return k; }', 'int f(void) { return 0; }', []],
    ['different declarations', 'int k = 1;\nint f(void) { return k; }', 'int k = 2;\nint f(void) { return k; }', []],
    ['const', 'const int k = 1;\nint f(void) { return k; }', 'const int k = 1;\nint f(void) { return k; }', []],
    ['an array', 'int k[2];\nint f(void) { return k[0]; }', 'int k[2];\nint f(void) { return k[0]; }', []],
    ['a pointer', 'int *k;\nint f(void) { return *k; }', 'int *k;\nint f(void) { return *k; }', []],
    ['a struct with a pointer', 'struct s { int *p; } k;\nint f(void) { return *k.p; }', 'struct s { int *p; } k;\nint f(void) { return *k.p; }', []],
    ['a struct without pointers', 'struct s { int a; } k;\nint f(void) { return k.a; }', 'struct s { int a; } k;\nint f(void) { return k.a; }', ['k']],
  ]
  for (const [name, a, b, want] of rows) {
    t.same([...sharedGlobals(await analyzeUnit(a), await analyzeUnit(b), 'f')], want, name)
  }
})

t.test('diffTypes', async t => {
  const rows: [string, string, string, object[]][] = [
    ['unchanged', 'struct s { int a; };', 'struct s {  int a; };', []],
    ['aliased by a pointer global', 'int k;\nint *pk = &k;\nint f(void) { *pk = 1; return k; }', 'int k;\nint *pk = &k;\nint f(void) { return k; }', []],
    ['only in one version', 'struct s { int a; };', 'struct t { int a; };', []],
    ['a field added', 'struct s { int a; };', 'struct s { int a; int b; };', [{ type: 'struct s', detail: 'fields changed: + int b' }]],
    ['a field removed', 'struct s { int a; int b; };', 'struct s { int a; };', [{ type: 'struct s', detail: 'fields changed: - int b' }]],
    ['fields reordered', 'struct s { int a; int b; };', 'struct s { int b; int a; };', [{ type: 'struct s', detail: 'field order or layout changed' }]],
    ['packed', 'struct s { char c; int a; };', 'struct s { char c; int a; } __attribute__((packed));', [{ type: 'struct s', detail: 'field order or layout changed' }]],
    ['a union member retyped', 'union u { int a; };', 'union u { long a; };', [{ type: 'union u', detail: 'fields changed: - int a; + long a' }]],
    ['an enum', 'enum e { A };', 'enum e { A = 1 };', [{ type: 'enum e', detail: 'definition changed' }]],
    ['a typedef', 'typedef int t;', 'typedef unsigned t;', [{ type: 'typedef t', detail: 'definition changed' }]],
  ]
  for (const [name, a, b, want] of rows) t.same(diffTypes(await analyzeUnit(a), await analyzeUnit(b)), want, name)
})

t.test('only type changes the function can see count', async t => {
  const dir = t.testdir({
    'old.c': 'struct inner { int a; };\nstruct outer { struct inner *in; int b; };\nstruct unrelated { int z; };\ntypedef struct { int q; } td_t;\nint f(struct outer *o) { return o->b; }\nint g(td_t *t) { return t->q; }\n',
    'new.c': 'struct inner { int a; int added; };\nstruct outer { struct inner *in; int b; };\nstruct unrelated { int z; long w; };\ntypedef struct { int q; int r; } td_t;\nint f(struct outer *o) { return o->b; }\nint g(td_t *t) { return t->q; }\n',
  })
  const pair = await extractFunctionPair(opts(dir))
  t.same(pair.typeChanges.map(c => c.type), ['struct inner'], 'a struct reached through a pointer member counts; unrelated types and typedefs do not')
  const pg = await extractFunctionPair(opts(dir, { func: 'g' }))
  t.same(pg.typeChanges.map(c => c.type), ['typedef td_t'], 'a typedef used by the signature counts')
})

t.test('a global only one version has gets a stand-in in the other, so it is compared', async t => {
  const dir = t.testdir({
    'old.c': 'struct s { int a; };\nint f(int x) { return x; }\n',
    'new.c': 'struct s { int a; };\nint nr_err;\nlong hist[4];\nstruct s last;\nint f(int x) { if (x < 0) { nr_err++; hist[0]++; last.a = x; } return x; }\n',
  })
  const pair = await extractFunctionPair(opts(dir))
  t.same(pair.new.globals.map(g => g.name).sort(), ['hist', 'last', 'nr_err'])
  t.same(pair.old.globals.map(g => g.name).sort(), ['hist', 'nr_err'], 'numbers and arrays of numbers get stand-ins (a struct type may not exist in old)')
  t.match(pair.typeChanges, [{ type: 'global last', detail: /^only the new version has it \(struct s\); state only one version has cannot be compared$/ }], 'a struct only one version has makes the proof inconclusive, never silently equal')
  const nr = pair.old.globals.find(g => g.name === 'nr_err')!
  t.equal(nr.cName, 'klp_old_nr_err')
  t.match(nr.origin, /^not in this version/)
  t.match(pair.old.text, /\nint klp_old_nr_err; \/\* klp-verify: stand-in, nr_err is not in this version \*\/\n/)
  t.match(pair.old.text, /\nlong klp_old_hist\[4\];/)
  t.ok(pair.referenced.includes('nr_err') && !pair.referenced.includes('g'), 'names the proved code mentions')
})
