/** Native replay, pure part: nondet sites, their values in a trace, the C that replays them, and what a native run printed. */
import t from 'tap'
import type { RawValue, TraceStep } from '../../../src/cbmc/types.js'
import { assignments, HARNESS_FILE, NATIVE_MAIN, NATIVE_PRELUDE, nondetSites, nondetValues, parseNative, replayHeader } from '../../../src/pipeline/replay/values.js'

const int = (data: string): RawValue => ({ name: 'integer', data })
const step = (lhs: string, value: RawValue, line: number, extra: Partial<TraceStep> = {}): TraceStep =>
  ({ stepType: 'assignment', hidden: false, lhs, value, location: { file: HARNESS_FILE, line }, ...extra })

const HARNESS = [
  '# 1 "old.c"',
  'void f(void) { KLP_NONDET(before); }',
  `# 1 "${HARNESS_FILE}"`,
  'void klp_harness(void) {', // 1
  '  int a; KLP_NONDET(a);', // 2
  '  struct s m; KLP_NONDET(m); int b; KLP_NONDET(b);', // 3
  '  for (int i = 0; i < 2; i++) { int a; KLP_NONDET(a); }', // 4
  '}',
].join('\n')

t.test('nondetSites: KLP_NONDET sites by 1-based line after the harness marker', async t => {
  const s = nondetSites(HARNESS)
  t.same([...s.lines].map(([l, n]) => [l, [...n]]), [[2, ['a']], [3, ['m', 'b']], [4, ['a']]])
  t.same([...s.names], ['a', 'm', 'b'], 'sites before the marker are not the harness')
  const none = nondetSites('int x; KLP_NONDET(x);\n')
  t.same([...none.lines].map(([l, n]) => [l, [...n]]), [[1, ['x']]], 'without a marker every line counts, from 1')
  t.same(nondetSites(`# 1 "${HARNESS_FILE}"\nint y;\n`).names, new Set(), 'no sites')
})

t.test('nondetValues: per-name occurrences in execution order', async t => {
  const sites = nondetSites(HARNESS)
  const rows: { name: string; trace: TraceStep[]; want: Record<string, RawValue[]> }[] = [
    { name: 'one scalar', trace: [step('a', int('7'), 2)], want: { a: [int('7')] } },
    {
      name: 'member-by-member steps of one declaration are merged',
      trace: [step('m.x', int('1'), 3), step('m.n', int('2'), 3), step('b', int('3'), 3)],
      want: {
        m: [{ name: 'struct', members: [{ name: 'x', value: int('1') }, { name: 'n', value: int('2') }] }],
        b: [int('3')],
      },
    },
    {
      name: 'array elements merged, sorted by index',
      trace: [step('m[1]', int('5'), 3), step('m[0]', int('4'), 3)],
      want: { m: [{ name: 'array', elements: [{ index: 0, value: int('4') }, { index: 1, value: int('5') }] }] },
    },
    {
      name: 'a whole-value step starts a new occurrence, even on the same line',
      trace: [step('a', int('1'), 4), step('a', int('2'), 4), step('a', int('9'), 2)],
      want: { a: [int('1'), int('2'), int('9')] },
    },
    {
      name: 'a step elsewhere ends the occurrence: loop iterations of member steps stay apart',
      trace: [step('m.x', int('1'), 3), step('i', int('1'), 4), step('m.x', int('2'), 3)],
      want: {
        m: [{ name: 'struct', members: [{ name: 'x', value: int('1') }] }, { name: 'struct', members: [{ name: 'x', value: int('2') }] }],
      },
    },
    {
      name: 'hidden steps, other step types, other files, other lines, names not sited there, unparsable lhs: ignored',
      trace: [
        step('a', int('100'), 2, { hidden: true }),
        step('a', int('101'), 2, { stepType: 'function-call' }),
        step('a', int('102'), 2, { location: { file: 'old.c', line: 2 } }),
        step('a', int('103'), 3),
        step('b', int('104'), 2),
        step('a', int('105'), 2, { location: undefined }),
        step('*p', int('106'), 2),
        { stepType: 'assignment', hidden: false, lhs: 'a', location: { file: HARNESS_FILE, line: 2 } },
        { stepType: 'assignment', hidden: false, value: int('1'), location: { file: HARNESS_FILE, line: 2 } },
        step('a', int('8'), 2),
      ],
      want: { a: [int('8')] },
    },
    { name: 'no trace: nothing', trace: [], want: {} },
  ]
  for (const r of rows) t.same(Object.fromEntries(nondetValues(r.trace, sites)), r.want, r.name)
})

t.test('assignments: C statements from trace values', async t => {
  const rows: [string, RawValue, string[]][] = [
    ['integer', int('42'), ['x = 42;']],
    ['integer with suffix', int('10ul'), ['x = 10ul;']],
    ['negative', int('-5'), ['x = -(5ULL);']],
    ['int minimum', int('-2147483648'), ['x = -(2147483648ULL);']],
    ['long long minimum, suffix dropped', int('-9223372036854775808ll'), ['x = -(9223372036854775808ULL);']],
    ['TRUE', { name: 'boolean', data: 'TRUE' }, ['x = 1;']],
    ['true', { name: 'boolean', data: 'true' }, ['x = 1;']],
    ['FALSE', { name: 'boolean', data: 'FALSE' }, ['x = 0;']],
    ['false', { name: 'boolean', data: 'false' }, ['x = 0;']],
    ['char', { name: 'integer', data: "'a'" }, ["x = 'a';"]],
    ['float', { name: 'float', data: '1.5' }, ['x = 1.5;']],
    ['float with exponent', { name: 'float', data: '-2.5e+10' }, ['x = -2.5e+10;']],
    ['float suffix', { name: 'float', data: '0.25f' }, ['x = 0.25f;']],
    ['decimal data of another type', { name: 'fixedbv', data: '1.5' }, ['x = 1.5;']],
    ['pointer: left alone', { name: 'pointer', data: '&obj' }, []],
    ['unknown', { name: 'unknown', data: '?' }, []],
    ['no data', { name: 'integer' }, []],
    ['unrecognised data', { name: 'integer', data: 'INVALID-0' }, []],
    ['struct, $pad skipped', {
      name: 'struct',
      members: [{ name: 'n', value: int('1') }, { name: '$pad0', value: int('0') }, { name: 'p', value: { name: 'pointer', data: 'NULL' } }, {
        name: 'a', value: { name: 'array', elements: [{ index: 0, value: int('2') }, { index: 3, value: int('-1') }] },
      }],
    }, ['x.n = 1;', 'x.a[0] = 2;', 'x.a[3] = -(1ULL);']],
    ['union', { name: 'union', members: [{ name: 'u', value: int('3') }] }, ['x.u = 3;']],
    ['array of structs', { name: 'array', elements: [{ index: 1, value: { name: 'struct', members: [{ name: 'k', value: int('4') }] } }] }, ['x[1].k = 4;']],
  ]
  for (const [name, v, want] of rows) t.same(assignments('x', v), want, name)
})

const S = (n: string, x: string, c: string): RawValue => ({
  name: 'struct',
  members: [{ name: 'n', value: int(n) }, { name: '$pad1', value: int('0') }, { name: 'x', value: int(x) }, { name: 'c', value: { name: 'integer', data: c } }],
})

t.test('replayHeader: one macro per name, sorted, zero-fill by default', async t => {
  const values = new Map<string, RawValue[]>([['s', [S('1', '2', "'a'")]], ['k', [int('3'), int('-4')]]])
  const h = replayHeader(values, new Set(['s', 'k', 'zero']))
  t.matchSnapshot(h, 'header')
  t.match(h, /#define KLP_REPLAY_k\(/)
  t.match(h, /#define KLP_REPLAY_zero\(klp_x__, klp_i__\) do \{ memset\(&\(klp_x__\), 0, sizeof\(klp_x__\)\);  \} while \(0\)/, 'a name without values: zero-filled')
  t.same(h.match(/^#define/gm)?.length, 3)
  t.equal(replayHeader(new Map(), new Set()), '/* klp-verify: values of the counterexample, in the order cbmc chose them */\n')
})

t.test('parseNative: what a native run printed', async t => {
  const rows: [string, string, string, ReturnType<typeof parseNative>][] = [
    ['nothing', '', '', { failed: [], sanitizer: [], assumeFailed: false, done: false }],
    ['done', 'hello\nKLP_DONE\n', '', { failed: [], sanitizer: [], assumeFailed: false, done: true }],
    ['failed lines, in order',
      'KLP_FAILED KLP_EQ 1 return\nnoise KLP_FAILED x\nKLP_FAILED lock: held\nKLP_DONE\n', '',
      { failed: ['KLP_EQ 1 return', 'lock: held'], sanitizer: [], assumeFailed: false, done: true }],
    ['assume failed', 'KLP_ASSUME_FAILED 12\n', '', { failed: [], sanitizer: [], assumeFailed: true, done: false }],
    ['sanitizers: UBSan, ASan, LSan; other stderr ignored', 'KLP_DONE\n', [
      'old.c:3:5: runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type \'int\'',
      '==123==ERROR: AddressSanitizer: stack-buffer-overflow on address 0x7ffd',
      '==124==ERROR: LeakSanitizer: detected memory leaks',
      '    #0 0x4011 in main',
      'SUMMARY: AddressSanitizer: stack-buffer-overflow',
    ].join('\n'), {
      failed: [], assumeFailed: false, done: true,
      sanitizer: [
        'runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type \'int\'',
        'ERROR: AddressSanitizer: stack-buffer-overflow on address 0x7ffd',
        'ERROR: LeakSanitizer: detected memory leaks',
      ],
    }],
  ]
  for (const [name, stdout, stderr, want] of rows) t.same(parseNative(stdout, stderr), want, name)
})

t.test('the native runtime: prelude and main', async t => {
  t.match(NATIVE_PRELUDE, /#define KLP_NONDET\(x\)/)
  t.match(NATIVE_PRELUDE, /#include "klp-replay.h"/)
  // never through printf: the code under proof may call it, and the harness then defines it as a logging stub
  t.match(NATIVE_MAIN, /klp_harness\(\);\n  __write\(1, "KLP_DONE\\n", 9\);/)
  t.notMatch(NATIVE_PRELUDE, /printf\("/, "the runtime prints nothing through printf")
  t.match(NATIVE_PRELUDE, /#define __CPROVER_assert\(c, m\) do \{ if \(!\(c\)\) klp_say\("KLP_FAILED ", -1, \(m\)\);/)
})

t.test('assignments: floats cbmc prints without a point or as words', async t => {
  // cbmc prints double -2.0 as data "-2", name "float" (gcc compiles and runs it: test/integration/replay.ts)
  t.same(assignments('d', { name: 'float', data: '-2' }), ['d = -2.0;'])
  t.same(assignments('d', { name: 'float', data: '+INF' }), ['d = __builtin_inf();'])
  t.same(assignments('d', { name: 'float', data: '-inf' }), ['d = -__builtin_inf();'])
  t.same(assignments('d', { name: 'float', data: 'NaN' }), ['d = __builtin_nan("");'])
})
