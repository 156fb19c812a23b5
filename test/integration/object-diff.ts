/**
 * Object-level analysis against the real gcc and binutils: each reason of the live-patch function
 * set and the data hazards, from small old/new pairs compiled for real (-O2, -ffunction-sections, -fdata-sections).
 */
import t from 'tap'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { findGcc } from '../../src/pipeline/replay/native.js'
import { diffSourceVersions, objectTools, type ObjectDiff } from '../../src/object/index.js'

let gcc = ''
t.before(async () => {
  const found = await findGcc()
  if (!found) throw new Error('gcc is not on PATH: install gcc and binutils (apt-get install gcc binutils) to run the object-level tests')
  gcc = found
})

async function diff(t: Tap.Test, oldC: string, newC: string, changed: string[], cflags?: string[]): Promise<ObjectDiff> {
  const dir = t.testdir({ 'old.c': oldC, 'new.c': newC })
  return diffSourceVersions(objectTools(gcc), {
    oldFile: path.join(dir, 'old.c'), newFile: path.join(dir, 'new.c'), changed: new Set(changed), dir, ...(cflags ? { cflags } : {}),
  })
}

const HELPER = (k: number) => `
static int helper(int x) { return x * ${k} + 1; }
int caller_a(int x) { return helper(x) + 2; }
int caller_b(int x) { return helper(x ^ 5) - 3; }
int untouched(int x) { return x - 9; }
`

t.test('a body change: the function is source-changed, nothing else is listed', async t => {
  const d = await diff(t, 'int f(int x) { return x + 1; }\nint g(int x) { return x * 2; }\n', 'int f(int x) { return x + 2; }\nint g(int x) { return x * 2; }\n', ['f'])
  t.same(d.functions, [{ symbol: 'f', function: 'f', reason: 'source-changed' }])
  t.same(d.hazards, [])
})

t.test('a static helper inlined into its callers: the callers are inlined-callee-changed via the helper, which has no symbol', async t => {
  const d = await diff(t, HELPER(3), HELPER(7), ['helper'])
  t.same(d.functions, [
    { symbol: 'caller_a', function: 'caller_a', reason: 'inlined-callee-changed', via: ['helper'] },
    { symbol: 'caller_b', function: 'caller_b', reason: 'inlined-callee-changed', via: ['helper'] },
  ])
})

t.test('a change that makes gcc clone a function: the clone is ipa-clone of its source function', async t => {
  const oldC = `
static __attribute__((noinline)) int scale(int x, int k) { return x * k + 7; }
int use(int x) { return scale(x, x & 3) + scale(x + 1, x & 1); }
`
  const newC = `
static __attribute__((noinline)) int scale(int x, int k) { return x * k + 7; }
int use(int x) { return scale(x, 3) + scale(x + 1, 3); }
`
  const d = await diff(t, oldC, newC, ['use'])
  const clone = d.functions.find(f => f.reason === 'ipa-clone')
  t.match(clone, { function: 'scale', symbol: /^scale\.(constprop|isra)\.\d+$/ }, `an ipa-clone of scale (functions: ${JSON.stringify(d.functions)})`)
  t.match(d.functions.find(f => f.symbol === 'use'), { reason: 'source-changed' })
})

t.test('a comment-only change: nothing is listed', async t => {
  const oldC = 'int counter = 1;\nint f(int x) { return x + counter; }\n'
  const newC = 'int counter = 1;\n/* explain f */\nint f(int x) {\n  /* add it */\n  return x + counter;\n}\n'
  const d = await diff(t, oldC, newC, ['f'])
  t.same(d, { functions: [], hazards: [] })
})

t.test('a changed initialiser of a writable global: a data-changed hazard', async t => {
  const d = await diff(t, 'int limit = 4;\nint f(int x) { return x < limit; }\n', 'int limit = 8;\nint f(int x) { return x < limit; }\n', [])
  t.same(d.functions, [])
  t.equal(d.hazards.length, 1)
  t.match(d.hazards[0], { kind: 'data-changed', symbol: 'limit', severity: 'error', detail: /initial value 4 → 8.*callback/ })
})

t.test('a new function is new; its caller is source-changed', async t => {
  const d = await diff(t, 'int f(int x) { return x + 1; }\n', '__attribute__((noinline)) int twice(int x) { return x * 2; }\nint f(int x) { return twice(x) + 1; }\n', ['f', 'twice'])
  t.same(d.functions, [
    { symbol: 'f', function: 'f', reason: 'source-changed' },
    { symbol: 'twice', function: 'twice', reason: 'new' },
  ])
})

t.test('a string literal that moves in the merged string section but keeps its text: its user is not listed', async t => {
  const oldC = 'extern int puts(const char *);\nvoid a(void) { puts("alpha"); }\nvoid b(void) { puts("beta"); }\n'
  const moved = 'extern int puts(const char *);\nvoid a(void) { puts("alpha!"); }\nvoid b(void) { puts("beta"); }\n'
  const d = await diff(t, oldC, moved, ['a'])
  t.same(d.functions, [{ symbol: 'a', function: 'a', reason: 'source-changed' }])
})

t.test('a static local whose type changes: a static-local hazard', async t => {
  const d = await diff(t, 'int tick(void) { static int n; return ++n; }\n', 'long tick(void) { static long n; return ++n; }\n', ['tick'])
  t.match(d.hazards, [{ kind: 'static-local', symbol: /^n\.\d+$/, severity: 'error', detail: /size 4 → 8/ }])
})

t.test('__LINE__ moves, the body does not: codegen-only', async t => {
  const oldC = 'int where(void) { return __LINE__; }\nint other(int x) { return x; }\n'
  const newC = '/* a new first line */\nint where(void) { return __LINE__; }\nint other(int x) { return x; }\n'
  const d = await diff(t, oldC, newC, [])
  t.same(d.functions, [{ symbol: 'where', function: 'where', reason: 'codegen-only' }])
})

t.test('with -pg -mfentry a changed notrace function has no patchable entry; with -O2 alone there is no such hazard', async t => {
  const src = (k: number) => `__attribute__((no_instrument_function)) int quiet(int x) { return x + ${k}; }\nint loud(int x) { return x * ${k}; }\n`
  const traced = await diff(t, src(1), src(2), ['quiet', 'loud'], ['-O2', '-pg', '-mfentry'])
  t.same(traced.hazards.map(h => [h.kind, h.symbol]), [['no-patchable-entry', 'quiet']])
  const plain = await diff(t, src(1), src(2), ['quiet', 'loud'])
  t.same(plain.hazards, [])
})

t.test('a change only in the unlikely path gcc splits off: f.cold and f are listed', async t => {
  const src = (k: number) => `extern void slow(int) __attribute__((cold));\nint f(int x) { if (__builtin_expect(x < 0, 0)) { slow(x); slow(x + ${k}); return -1; } return x * 2; }\n`
  const d = await diff(t, src(1), src(2), ['f'])
  t.same(d.functions, [{ symbol: 'f', function: 'f', reason: 'source-changed' }, { symbol: 'f.cold', function: 'f', reason: 'ipa-clone' }])
})

t.test('a compile error is a tool failure with the first error line and a hint', async t => {
  await t.rejects(diff(t, 'int f(void) { return 1; }\n', 'int f(void) { return 1 }\n', ['f']), { message: /^gcc failed: .*error: expected/, hint: /run it by hand/ })
})

t.test('IPA-RA: a callee that now writes registers its caller kept values in is a hazard at -O2, none with -pg -mfentry', async t => {
  const oldC = '__attribute__((noinline)) int callee(int x) { return x + 1; }\nint caller(int a, int b, int c) { return callee(a) * b + callee(c) * b + c; }\n'
  const newC = '__attribute__((noinline)) int callee(int x) { int s = 0; for (int i = 0; i < x; i++) s += i * x; return s + 1; }\nint caller(int a, int b, int c) { return callee(a) * b + callee(c) * b + c; }\n'
  const o2 = await diff(t, oldC, newC, ['callee'])
  t.match(o2.hazards, [{ kind: 'ipa-ra', symbol: 'callee', detail: /callers caller / }])
  t.match(o2.functions.find(f => f.symbol === 'caller'), { reason: 'codegen-only' })
  const traced = await diff(t, oldC, newC, ['callee'], ['-O2', '-pg', '-mfentry'])
  t.same(traced.hazards.filter(h => h.kind === 'ipa-ra'), [])
  t.notOk(traced.functions.some(f => f.symbol === 'caller'), 'without IPA-RA the caller does not change')
})

t.test('static locals renumbered by a new one before them keep their twins: no false data-changed', async t => {
  const tail = 'int f(void) { static int count = 1; return ++count; }\nint g(void) { static int count = 7; return count += 2; }\n'
  const d = await diff(t, tail, `int e(void) { static int count = 3; return count--; }\n${tail}`, ['e'])
  t.same(d.hazards, [], `hazards: ${JSON.stringify(d.hazards)}`)
  t.same(d.functions, [{ symbol: 'e', function: 'e', reason: 'new' }])
})

t.test('a WARN-style call whose line number moved: not listed (kpatch leaves line-number-only changes out)', async t => {
  const src = (k: number, above = '') => `extern void __warn_printk(const char *fmt, ...);\n${above}int f(int x) { if (x < 0) __warn_printk("bad %d at %d\\n", x, __LINE__); return x * 2; }\nint g(int x) { return x + ${k}; }\n`
  const d = await diff(t, src(1), src(2, '/* a new line above */\n'), ['g'])
  t.same(d.functions, [{ symbol: 'g', function: 'g', reason: 'source-changed' }])
})
