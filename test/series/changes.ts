import t from 'tap'
import { definedFunctions, functionChanges, indexUnit, indexUnitAsync } from '../../src/series/changes.js'

// the text as gcc -E writes it: comments are gone
const analyzeUnit = async (text: string) => indexUnit(text.replace(/\/\*.*?\*\//g, ' '))
const unit = (body: string) => analyzeUnit(`# 1 "f.c"\n${body}`)

t.test('changed, added, removed and affected functions', async t => {
  const old = await unit(`
static int helper(int x) { return x + 1; }
int uses_helper(int x) { return helper(x) * 2; }
int unchanged(int x) { /* a comment */ return x; }
int reformatted(int x)
{
  return x - 1;
}
int edited(int x) { return x + 2; }
int gone(void) { return 0; }
`)
  const nw = await unit(`
static int helper(int x) { return x + 2; }
int uses_helper(int x) { return helper(x) * 2; }
int unchanged(int x) { /* another comment */ return x; }
int reformatted(int x) { return x - 1; }
int edited(int x) { return x + 3; }
int fresh(void) { return 1; }
`)
  const ch = functionChanges(old, 'f.c', nw, 'f.c')
  t.same(ch.changed, ['edited', 'helper'], 'bodies that differ; comments and whitespace do not count')
  t.same(ch.affected, ['uses_helper'], 'callers of a changed static helper are affected')
  t.same(ch.added, ['fresh'])
  t.same(ch.removed, ['gone'])
})

t.test('functions from headers are not the patch', async t => {
  const text = (ret: number) => `# 1 "hdr.h"\nstatic inline int from_header(void) { return ${ret}; }\n# 1 "f.c"\nint f(void) { return 0; }\n`
  const ch = functionChanges(await analyzeUnit(text(1)), 'f.c', await analyzeUnit(text(2)), 'f.c')
  t.same(ch, { changed: [], affected: [], added: [], removed: [], fromHeaders: ['from_header'], common: ['f'] }, 'a header function is named, not proved on its own')
  const calls = (ret: number) => `# 1 "hdr.h"\nstatic inline int from_header(void) { return ${ret}; }\n# 1 "f.c"\nint f(void) { return from_header(); }\nint g(void) { return 0; }\n`
  const ch2 = functionChanges(await analyzeUnit(calls(1)), 'f.c', await analyzeUnit(calls(2)), 'f.c')
  t.same(ch2.affected, ['f'], 'a caller of a changed static inline from a header is affected')
  t.same(ch2.changed, [])
})

t.test('affected follows chains of static callers (each may be inlined into the next)', async t => {
  const src = (k: number) => `
static int leaf(int x) { return x + ${k}; }
static int mid(int x) { return leaf(x) * 2; }
int top(int x) { return mid(x) - 1; }
int direct(int x) { return leaf(x); }
int other(int x) { return x; }
int calls_top(int x) { return top(x); }
`
  const ch = functionChanges(await unit(src(1)), 'f.c', await unit(src(2)), 'f.c')
  t.same(ch.changed, ['leaf'])
  t.same(ch.affected, ['direct', 'mid', 'top'], 'a non-static caller (top) stops the chain: calls_top is not affected')
})

t.test('a change outside any function (constant, table, enumerator, type) makes the functions that use it affected', async t => {
  const src = (limit: number, second: number, red: number, width: string) => `
static const int limit = ${limit};
static const int tbl[] = { 1, ${second}, 3 };
enum color { RED = ${red}, BLUE };
typedef ${width} word_t;
struct pair { int a; int b; };
int uses_limit(int x) { return x > limit; }
int uses_tbl(int i) { return tbl[i & 1]; }
int uses_enum(void) { return RED; }
word_t uses_type(word_t w) { return w; }
static int helper(void) { return limit; }
int calls_helper(void) { return helper(); }
int untouched(struct pair *p) { return p->a; }
`
  const base = await unit(src(10, 2, 0, 'int'))
  t.same(functionChanges(base, 'f.c', await unit(src(10, 2, 0, 'int')), 'f.c').affected, [], 'nothing changed: nothing affected')
  const ch = functionChanges(base, 'f.c', await unit(src(11, 5, 7, 'long')), 'f.c')
  t.same(ch.changed, [], 'no function body changed')
  t.same(ch.declarations, ['BLUE', 'RED', 'color', 'limit', 'tbl', 'word_t'], 'everything a changed declaration declares (BLUE shares RED\'s enum)')
  t.same(ch.affected, ['calls_helper', 'helper', 'uses_enum', 'uses_limit', 'uses_tbl', 'uses_type'], 'their users, and callers of an affected static helper')
  t.same(ch.common?.length, 7)
})

// Fail closed (issue 10): the compiler sees a change, but nothing to prove, add or remove was found.
// [what, old, new, unplanned (a pattern) or undefined when nothing is wrong]
const unplannedRows: [string, string, string, RegExp | undefined][] = [
  ['a comment and whitespace: the compiler sees the same file', 'int f(int x) { return x; }\n', '\nint f(int x) { /* c */ return x; }\n', undefined],
  ['a changed declaration no function uses', 'int f(int x) { return x; }\nstatic int t = 1;\n', 'int f(int x) { return x; }\nstatic int t = 2;\n', undefined],
  ['a change in no function and no declaration', '_Static_assert(1, "a");\nint f(int x) { return x; }\n', '_Static_assert(2, "a");\nint f(int x) { return x; }\n', /^it changed, but no function whose body changed was found in it$/],
  ['a function changed: planned', 'int f(int x) { return x; }\n', 'int f(int x) { return x + 1; }\n', undefined],
]

t.test('a file that changed with nothing planned says why, unless nothing the compiler sees changed', async t => {
  for (const [what, a, b, want] of unplannedRows) {
    const ch = functionChanges(await unit(a), 'f.c', await unit(b), 'f.c')
    if (want) t.match(ch.unplanned, want, what)
    else t.equal(ch.unplanned, undefined, what)
  }
})

t.test('a file that does not parse hides its functions: named with the first error, even if a changed declaration would explain it', async t => {
  const text = (ret: string) => `# 1 "h.h"\nstruct s {\n# 1 "f.c"\nint f(int x) { return ${ret}; }\n`
  const ch = functionChanges(await analyzeUnit(text('x')), 'f.c', await analyzeUnit(text('x + 1')), 'f.c')
  t.same(ch.changed, [], 'the function was swallowed by the error')
  t.match(ch.unplanned, /^the old version does not parse \(an unbalanced '\{' at h\.h:1\), so no function of it could be planned$/)
  const hdr = (ret: string) => `# 1 "h.h"\nint g = (\n# 1 "f.c"\nint f(int x) { return ${ret}; }\n`
  const h = functionChanges(await analyzeUnit(hdr('x')), 'f.c', await analyzeUnit(hdr('x + 1')), 'f.c')
  t.match(h.unplanned, /does not parse \(an unbalanced '\(' at h\.h:1\)/)
})

t.test('what the compiler sees as the same code is no change', async t => {
  // a pr_debug or BUILD_BUG_ON added above renumbers every later __COUNTER__ name
  const counted = (n: number) => `static int f(void) { static int __UNIQUE_ID_ddebug${n} = 1; int __compiletime_assert_${n + 7}; return __UNIQUE_ID_ddebug${n}; }\nint g(void) { return f(); }\n`
  t.same((await functionChanges(await unit(counted(3)), 'f.c', await unit(counted(9)), 'f.c')).changed, [], '__UNIQUE_ID_ and __compiletime_assert_ numbers')
  const moved = functionChanges(await unit('static const int a = 1;\nstatic const int b = 2;\nint f(void) { return a + b; }\n'), 'f.c', await unit('static const int b = 2;\nstatic const int a = 1;\nint f(void) { return a + b; }\n'), 'f.c')
  t.same([moved.declarations, moved.affected], [undefined, []], 'declarations in another order')
  const added = functionChanges(await unit('int f(void) { return 0; }\n'), 'f.c', await unit('extern int x;\nint f(void) { return x; }\n'), 'f.c')
  t.same([added.changed, added.declarations], [['f'], ['x']], 'a declaration only one version has is a changed name')
})

t.test('static: the storage class before the body, not a word inside an attribute or parameter list', async t => {
  const src = (k: number) => `__attribute__((section("static"))) int plain(int x) { return x + ${k}; }\nint caller(void) { return plain(1); }\nstatic __attribute__((unused)) int helper(void) { return ${k}; }\nint user(void) { return helper(); }\n`
  const ch = functionChanges(await unit(src(1)), 'f.c', await unit(src(2)), 'f.c')
  t.same([ch.changed, ch.affected], [['helper', 'plain'], ['user']], 'only a static helper makes its callers affected')
  t.same(definedFunctions(await unit(src(1)), 'f.c'), ['caller', 'helper', 'plain', 'user'])
  const hdr = `# 1 "h.h"\nstatic inline int h(void) { return 0; }\n# 3 "f.c"\nint f(void) { return h(); }\n`
  t.same(definedFunctions(await analyzeUnit(hdr), 'f.c'), ['f'], 'header functions are not the file\'s')
})

t.test('a closing bracket with nothing open is where the text cannot be cut', async t => {
  const text = (ret: string) => `# 1 "f.c"\nint f(int x) { return ${ret}; }\n}\n`
  const ch = functionChanges(await analyzeUnit(text('x')), 'f.c', await analyzeUnit(text('x + 1')), 'f.c')
  t.same(ch.changed, ['f'], 'what was cut is still compared')
  const same = (k: string) => `int f(int x) { return x; }\n) ${k}\n`
  t.match(functionChanges(await unit(same('1')), 'f.c', await unit(same('2')), 'f.c').unplanned, /^the old version does not parse \(an unbalanced '\)' at f\.c:2\)/)
  t.match(functionChanges(await analyzeUnit('int f(void) { return 0; }\n'), 'f.c', await analyzeUnit('int f(void) { return 0; }\nint y;\n'), 'f.c').unplanned, undefined, 'no line markers: a change in no function of f.c')
})

t.test('__LINE__ after __FILE__ (WARN\'s bug table, might_sleep) moves with the code: no change', async t => {
  // the function at line `at` of f.c, its WARN on the next line (or `d` lines below a multi-line call)
  const warn = (at: number, d = 1, line = at + d) => `# 1 "f.c"\n${'\n'.repeat(at - 1)}int f(int x) {\n${'\n'.repeat(d - 1)}asm("" : : "i" ("lib/f.c"), "i" (${line})); __might_sleep("lib/f.c", ${line}, 0); return x; }\n`
  t.same(functionChanges(indexUnit(warn(10)), 'f.c', indexUnit(warn(14)), 'f.c'), { changed: [], affected: [], added: [], removed: [], common: ['f'] }, 'moved 4 lines down: nothing changed, nothing unplanned')
  t.same(functionChanges(indexUnit(warn(10, 2, 13)), 'f.c', indexUnit(warn(30, 2, 50)), 'f.c').changed, [], 'a call spanning lines: up to 20 lines below its first')
  t.same(functionChanges(indexUnit(warn(10, 1, 11)), 'f.c', indexUnit(warn(10, 1, 12)), 'f.c').changed, [], 'both near their line')
  t.same(functionChanges(indexUnit(warn(10, 1, 11)), 'f.c', indexUnit(warn(10, 1, 9)), 'f.c').changed, ['f'], 'a number above its own line is a constant')
  t.same(functionChanges(indexUnit(warn(10, 1, 11)), 'f.c', indexUnit(warn(10, 1, 40)), 'f.c').changed, ['f'], 'and one far below')
  const plain = (k: number) => `# 1 "f.c"\nint f(int x) { return g("name", x, ${k}); }\n`
  t.same(functionChanges(indexUnit(plain(2)), 'f.c', indexUnit(plain(3)), 'f.c').changed, ['f'], 'a number after a string that names no .c/.h file is a constant')
  const dyndbg = (at: number, line = at) => `# 1 "f.c"\n${'\n'.repeat(at - 1)}int f(int x) { static struct _ddebug d = { .format = ("x %d\\n"), .lineno = ${line}, .flags = 0 }; return x; }\n`
  t.same(functionChanges(indexUnit(dyndbg(10)), 'f.c', indexUnit(dyndbg(13)), 'f.c').changed, [], 'a pr_debug descriptor\'s .lineno')
  t.same(functionChanges(indexUnit(dyndbg(10)), 'f.c', indexUnit(dyndbg(10, 9)), 'f.c').changed, ['f'], '.lineno above its own line is a constant')
  const mlog = (at: number) => `# 1 "f.c"\n${'\n'.repeat(at - 1)}int f(int x) { __mlog_printk(&m, __func__, ${at}, "x"); return x; }\n`
  t.same(functionChanges(indexUnit(mlog(10)), 'f.c', indexUnit(mlog(12)), 'f.c').changed, [], '__func__, __LINE__')
  const far = (k: number) => `# 1 "f.c"\nint f(int x) { return g("f.c", x, x, x, x, ${k}); }\n`
  t.same(functionChanges(indexUnit(far(2)), 'f.c', indexUnit(far(3)), 'f.c').changed, ['f'], 'and one more than six tokens after it')
})

t.test('indexUnitAsync: the same index, with turns of the event loop on a large file, and it stops when aborted', async t => {
  const parts = ['# 1 "big.c"\nstatic int counter;\n']
  for (let i = 0; i < 8000; i++) parts.push(`static int helper${i}(int x)\n{\n\treturn x + ${i % 7} + counter;\n}\n`)
  const text = parts.join('')
  let turns = 0
  const ticker = setInterval(() => turns++, 0)
  const fast = await indexUnitAsync(text)
  clearInterval(ticker)
  const sync = indexUnit(text)
  t.same([...fast.functions.keys()], [...sync.functions.keys()])
  t.same(fast.functions.get('helper7999'), sync.functions.get('helper7999'))
  t.same(fast.declarations, sync.declarations)
  t.equal(fast.chunks.length, 8001)
  t.ok(turns > 0, `timers ran while it worked (${turns})`)
  const ac = new AbortController()
  ac.abort(new Error('stop'))
  await t.rejects(indexUnitAsync(text, ac.signal), { message: 'stop' })
})
