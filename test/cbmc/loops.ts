/** Bounds that hit: the 2^k + 1 schedule, and the bound a loop header says it needs. */
import t from 'tap'
import { boundSchedule, deriveLoopBound, loopCondition, nextBound, type LoopContext } from '../../src/cbmc/loops.js'

t.test('the next 2^k + 1 above a bound', async t => {
  const rows: [number, number][] = [[0, 2], [1, 2], [2, 3], [3, 5], [4, 5], [5, 9], [8, 9], [9, 17], [33, 65], [64, 65], [65, 129]]
  for (const [b, want] of rows) t.equal(nextBound(b), want, `after ${b}`)
})

t.test('the global schedule: 2^k + 1 values, the ceiling last', async t => {
  t.same(boundSchedule(1, 65), [1, 2, 3, 5, 9, 17, 33, 65])
  t.same(boundSchedule(1, 11), [1, 2, 3, 5, 9, 11])
  t.same(boundSchedule(5, 65), [5, 9, 17, 33, 65], 'from a bound a smaller buffer reached')
  t.same(boundSchedule(6, 65), [6, 9, 17, 33, 65])
  t.same(boundSchedule(100, 65), [65], 'never past the ceiling')
  t.same(boundSchedule(0, 1), [1])
})

t.test('loop headers', async t => {
  t.same(loopCondition('\tfor (i = 0; i < len; i++)'), { init: 'i = 0', cond: ' i < len' })
  t.same(loopCondition('\twhile (w) {'), { init: '', cond: 'w' })
  t.equal(loopCondition('\tdo {'), undefined)
})

const KERN = 'typedef unsigned long long u64;\ntypedef u64 my64;\ntypedef struct s *sp;\n'
const ctx = (over: Partial<LoopContext> = {}): LoopContext => ({ buffers: { buf: 'len' }, maxSize: 32, before: '', typedefs: KERN, ...over })

t.test('the bound a loop header says it needs', async t => {
  const rows: [string, string, LoopContext, number | undefined][] = [
    ['a loop over a buffer length', '\tfor (i = 0; i < len; i++)', ctx(), 33],
    ['a loop up to and including the length', '\tfor (i = 0; i <= len; i++)', ctx(), 34],
    ['a count-down over the length', '\twhile (len--)', ctx(), 33],
    ['a loop reading the buffer', '\twhile (buf[i])', ctx(), 33],
    ['a length expression names the variable', '\tfor (i = 0; i < n; i++)', ctx({ buffers: { map: 'n * 2' }, maxSize: 4 }), 5],
    ['a constant count', '\tfor (b = 0; b < 32; b++)', ctx(), 33],
    ['a hex count, inclusive', '\tfor (b = 0; b <= 0x10; b++)', ctx(), 18],
    ['a count-down from a constant', '\tfor (i = 63; i >= 0; i--)', ctx(), 65],
    ['a macro count', '\tfor (i = 0; i < MSG_PAYLOAD; i++)', ctx({ before: '#define MSG_PAYLOAD 8\nint f(void) {' }), 9],
    ['an unknown macro', '\tfor (i = 0; i < NOWHERE; i++)', ctx(), undefined],
    ['the bits of a 64-bit parameter', '\twhile (w) {', ctx({ before: 'int popcount64(u64 w)\n{\n\tint c = 0;\n' }), 65],
    ['the bits, compared with 0', '\twhile (w != 0) {', ctx({ before: 'int f(unsigned int w) {' }), 33],
    ['the bits of a typedef of a typedef', '\twhile (x)', ctx({ before: 'void f(my64 x) {' }), 65],
    ['a byte', '\twhile (c)', ctx({ before: 'void f(void) { u8 c = 3;' }), 9],
    ['a short local', '\twhile ((v))', ctx({ before: 'short v;' }), 17],
    ['a pointer walk is not a bit loop', '\twhile (p)', ctx({ before: 'void f(struct node *p) {' }), undefined],
    ['an unknown type', '\twhile (x)', ctx({ before: 'void f(struct s x) {' }), undefined],
    ['a typedef of a pointer', '\twhile (x)', ctx({ before: 'void f(sp x) {' }), undefined],
    ['no typedefs to look in', '\twhile (x)', ctx({ before: 'void f(my64 x) {', typedefs: undefined }), undefined],
    ['a variable never declared', '\twhile (x)', ctx(), undefined],
    ['two variables', '\tfor (i = 0; i < n; i++)', ctx(), undefined],
    ['not a loop header', '\treturn 0;', ctx(), undefined],
    ['a loop without variables', '\twhile (1)', ctx({ buffers: { buf: '16' } }), undefined],
    ['a suffix that is no number', '\tfor (i = 0; i < 9abc; i++)', ctx(), undefined],
    ['typedefs too deep to follow', '\twhile (x)', ctx({ before: 'void f(t4 x) {', typedefs: 'typedef t0 t1;\ntypedef t1 t2;\ntypedef t2 t3;\ntypedef t3 t4;\n' }), undefined],
  ]
  for (const [name, line, c, want] of rows) t.equal(deriveLoopBound(line, c), want, name)
})
