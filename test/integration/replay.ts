/**
 * Native replay with a real gcc: the replay header and assignments compiled and run, each finding's
 * native run judged, the budget, and bounds-check end to end through the real pipeline (cbmc).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import type { RawValue, TraceStep } from '../../src/cbmc/types.js'
import type { EqFailure, JobResult, SafetyViolation } from '../../src/classify/types.js'
import type { Harness } from '../../src/harness/types.js'
import type { HarnessMode } from '../../src/model/types.js'
import { findGcc, replayRun } from '../../src/pipeline/replay/native.js'
import { assignments, HARNESS_FILE, replayHeader } from '../../src/pipeline/replay/values.js'
import type { ProofReport } from '../../src/report/types.js'
import { HARNESSES, requireCbmc, runCli } from '../fixtures/integration.js'

const TRACE = (v: number): TraceStep[] => [{ stepType: 'assignment', hidden: false, lhs: 'v', value: { name: 'integer', data: String(v) }, location: { file: HARNESS_FILE, line: 2 } }]

const eq = (v: number, extra: Partial<EqFailure> = {}): EqFailure =>
  ({ observable: 0, label: 'return', kind: 'return', inputs: [], values: [], trace: TRACE(v), ...extra })
const safety = (v: number): SafetyViolation =>
  ({ key: 'k', kind: 'arithmetic overflow', version: 'old', function: 'f', description: 'd', inputs: [], trace: TRACE(v) })

function job(mode: HarnessMode, parts: Partial<JobResult>): JobResult {
  return {
    run: 'r', mode, unwind: 1, status: 'complete', openLoops: [], noBody: [], eqFailures: [], reachProven: false,
    safety: [], errors: [], findingIds: [], durationMs: 0, command: 'cbmc', ...parts,
  }
}

/** A native harness whose klp_harness takes one nondet int `v` (line 2) and then runs `body`. */
function native(body: string): Harness {
  return {
    mode: { kind: 'equiv' }, entry: 'klp_harness', unwindset: [], observables: [], inputs: [], checks: 'all', bounds: [],
    files: [
      { name: 'old.c', text: `# 1 "${HARNESS_FILE}"\nvoid klp_harness(void) {\n  int v; KLP_NONDET(v);\n${body}\n}\n` },
      { name: 'new.c', text: 'int klp_new_unused;\n' },
    ],
  }
}

const ctx = { gcc: 'gcc', fwrapv: false }
const EQ_IF_5 = '  if (v == 5) printf("KLP_FAILED KLP_EQ 0 return\\n");'
const OVERFLOW = '  volatile int big = 2147483647; big = big + v;'

t.test('findGcc: gcc is on PATH', async t => {
  t.equal(await findGcc(), 'gcc')
})


const int = (data: string): RawValue => ({ name: 'integer', data })
const S = (n: string, x: string, c: string): RawValue => ({
  name: 'struct',
  members: [{ name: 'n', value: int(n) }, { name: '$pad1', value: int('0') }, { name: 'x', value: int(x) }, { name: 'c', value: { name: 'integer', data: c } }],
})

t.test('replayHeader: compiled by gcc, struct members n and x do not clash with the macro parameters', async t => {
  const dir = t.testdir({})
  const values = new Map<string, RawValue[]>([
    ['s', [S('-2147483648', '-9223372036854775808', "'z'"), S('2147483647', '5', '255')]],
    ['x', [int('-1')]],
    ['n', [{ name: 'array', elements: [{ index: 0, value: { name: 'boolean', data: 'TRUE' } }, { index: 2, value: { name: 'float', data: '1.5' } }] }]],
  ])
  writeFileSync(path.join(dir, 'klp-replay.h'), replayHeader(values, new Set(['s', 'x', 'n', 'unused'])))
  writeFileSync(path.join(dir, 'main.c'), [
    '#include <stdio.h>',
    '#include <string.h>',
    '#define KLP_NONDET(x) do { KLP_REPLAY_##x((x), klp_nd_n_##x); klp_nd_n_##x++; } while (0)',
    '#include "klp-replay.h"',
    'struct st { int n; long long x; unsigned char c; };',
    'int main(void) {',
    '  for (int i = 0; i < 3; i++) { struct st s; memset(&s, 0x55, sizeof s); KLP_NONDET(s); printf("%d %lld %u\\n", s.n, s.x, s.c); }',
    '  int x = 7; KLP_NONDET(x); printf("%d\\n", x);',
    '  double n[3] = {9, 9, 9}; KLP_NONDET(n); printf("%g %g %g\\n", n[0], n[1], n[2]);',
    '  long unused = 3; KLP_NONDET(unused); printf("%ld\\n", unused);',
    '  return 0;',
    '}',
  ].join('\n'))
  execFileSync('gcc', ['-std=gnu11', '-w', '-I', '.', 'main.c', '-o', 'main'], { cwd: dir })
  const out = execFileSync(path.join(dir, 'main'), { cwd: dir, encoding: 'utf8' })
  t.equal(out, [
    `-2147483648 -9223372036854775808 ${'z'.charCodeAt(0)}`,
    '2147483647 5 255',
    '0 0 0',
    '-1',
    '1 0 1.5',
    '0',
    '',
  ].join('\n'), 'values per occurrence, in order; past the last occurrence and for names without values: zero')
})

t.test('assignments: a negative integral float (cbmc prints double -2.0 as data "-2", name "float")', async t => {
  const dir = t.testdir({})
  const stmts = assignments('d', { name: 'float', data: '-2' }).join(' ')
  writeFileSync(path.join(dir, 'main.c'), `#include <stdio.h>\nint main(void) { double d = 0; ${stmts} printf("%g\\n", d); return 0; }\n`)
  execFileSync('gcc', ['-w', 'main.c', '-o', 'main'], { cwd: dir })
  t.equal(execFileSync(path.join(dir, 'main'), { encoding: 'utf8' }), '-2\n')
  t.same(assignments('d', { name: 'float', data: '+INF' }), ['d = __builtin_inf();'])
  t.same(assignments('d', { name: 'float', data: '-inf' }), ['d = -__builtin_inf();'])
  t.same(assignments('d', { name: 'float', data: 'NaN' }), ['d = __builtin_nan("");'])
})

t.test('replayRun: each finding judged by its native run', async t => {
  const rows: { name: string; body: string; j: JobResult; fwrapv?: boolean; want: [boolean | 'n/a', RegExp][] }[] = [
    { name: 'same difference natively: confirmed', body: EQ_IF_5, j: job({ kind: 'equiv' }, { eqFailures: [eq(5)] }),
      want: [[true, /^the gcc-built harness shows the same return \(program: equiv\/replay-1\)$/]] },
    { name: 'the values do not lead to the difference natively', body: EQ_IF_5, j: job({ kind: 'equiv' }, { eqFailures: [eq(4)] }),
      want: [[false, /^natively old and new agree on return/]] },
    { name: 'bytes copied out of uninitialised memory: n/a', body: EQ_IF_5,
      j: job({ kind: 'equiv' }, { eqFailures: [eq(4, { values: [{ what: 'calls (bytes passed or copied out differ)', old: '1', new: '2' }] })] }),
      want: [[ 'n/a', /^the difference is in bytes passed or copied out that the function may never have initialised/]] },
    { name: 'undefined behavior on the path: n/a', body: OVERFLOW, j: job({ kind: 'equiv' }, { eqFailures: [eq(1)] }),
      want: [['n/a', /^the path has undefined behavior natively \(runtime error: signed integer overflow/]] },
    { name: 'with -fwrapv the overflow is defined: not confirmed', body: OVERFLOW, fwrapv: true, j: job({ kind: 'equiv' }, { eqFailures: [eq(1)] }),
      want: [[false, /^natively old and new agree/]] },
    { name: 'an assumption fails natively', body: '  __CPROVER_assume(v == 0);', j: job({ kind: 'equiv' }, { eqFailures: [eq(1)] }),
      want: [[false, /^the native run left the counterexample path/]] },
    { name: 'does not build', body: '  this is not C;', j: job({ kind: 'equiv' }, { eqFailures: [eq(1)] }),
      want: [['n/a', /^the replay program does not build with gcc \(.*error/]] },
    { name: 'crashes', body: '  int raise(int); raise(9);', j: job({ kind: 'equiv' }, { eqFailures: [eq(1)] }),
      want: [['n/a', /^the native run crashed \(SIGKILL\) \(program: equiv\/replay-1\)$/]] },
    { name: 'crashes after a sanitizer report', body: `${OVERFLOW}\n  int raise(int); raise(9);`, j: job({ kind: 'equiv' }, { eqFailures: [eq(1)] }),
      want: [['n/a', /^the native run crashed \(SIGKILL\): runtime error: signed integer overflow/]] },
    { name: 'claim run: reach and THEN failure by their tags',
      body: '  printf("KLP_FAILED KLP_REACH 3 x\\n"); if (v == 2) printf("KLP_FAILED KLP_THEN 3 y\\n");',
      j: job({ kind: 'claim', claim: 3 }, { reach: { inputs: [], values: [], observables: ['return'], trace: TRACE(1) }, thenFailure: { inputs: [], values: [], trace: TRACE(1) } }),
      want: [[true, /^the gcc-built harness shows the same difference \(program: claim-3\/replay-1\)$/], [false, /^natively old and new agree on THEN failure .*replay-2\)$/]] },
    { name: 'safety: a sanitizer report confirms', body: OVERFLOW, j: job({ kind: 'equiv' }, { safety: [safety(1)] }),
      want: [[true, /^native run: runtime error: signed integer overflow/]] },
    { name: 'safety: a lock model failure confirms', body: '  printf("KLP_FAILED lock: double unlock\\n");', j: job({ kind: 'equiv' }, { safety: [safety(1)] }),
      want: [[true, /^native run: lock: double unlock/]] },
    { name: 'safety: nothing reported natively', body: '', j: job({ kind: 'equiv' }, { safety: [safety(1)] }),
      want: [[false, /^the native run \(ASan\/UBSan\) reported nothing/]] },
    { name: 'no trace', body: '', j: job({ kind: 'equiv' }, { eqFailures: [eq(1, { trace: [] })], safety: [{ ...safety(1), trace: undefined }] }),
      want: [['n/a', /^no counterexample trace to replay$/], ['n/a', /^no counterexample trace to replay$/]] },
  ]
  for (const r of rows) {
    t.test(r.name, async t => {
      const dir = path.join(t.testdir({}), r.j.mode.kind === 'claim' ? 'claim-3' : 'equiv')
      const budget = { left: 8 }
      const out = await replayRun({ ...ctx, fwrapv: r.fwrapv ?? false }, r.j, native(r.body), dir, budget)
      const found = [...out.eqFailures, ...(out.reach ? [out.reach] : []), ...(out.thenFailure ? [out.thenFailure] : []), ...out.safety]
      t.equal(found.length, r.want.length)
      r.want.forEach(([confirmed, why], i) => {
        t.equal(found[i]!.confirmed, confirmed)
        t.match(found[i]!.confirmation, why)
      })
      t.equal(budget.left, 8 - found.filter(f => f.trace?.length).length, 'one budget unit per program run')
    })
  }
})

t.test('replayRun: the budget', async t => {
  const j = job({ kind: 'claim', claim: 0 }, {
    eqFailures: [eq(5), eq(5)], reach: { inputs: [], values: [], observables: [], trace: TRACE(1) },
    thenFailure: { inputs: [], values: [], trace: TRACE(1) }, safety: [safety(1)],
  })
  const zero = await replayRun(ctx, j, native(''), t.testdir({}), { left: 0 })
  for (const f of [...zero.eqFailures, zero.reach!, zero.thenFailure!, ...zero.safety]) {
    t.equal(f.confirmed, 'n/a')
    t.match(f.confirmation, /budget/)
  }
  const dir = t.testdir({})
  const budget = { left: 1 }
  const one = await replayRun(ctx, job({ kind: 'equiv' }, { eqFailures: [eq(5), eq(5)] }), native(EQ_IF_5), dir, budget)
  t.same(one.eqFailures.map(f => f.confirmed), [true, 'n/a'], 'the first runs, the second is over budget')
  t.equal(budget.left, 0)
  t.notOk(existsSync(path.join(dir, 'replay-2')), 'no program for a finding over budget')
})

t.test('end to end: bounds-check through the real pipeline', { timeout: 600_000 }, async t => {
  await requireCbmc()
  const dir = path.join(HARNESSES, 'bounds-check')
  const args = [path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--func', 'msg_fill', '--buffer', 'buf:len', '--max-size', '12', '--format', 'json']

  t.test('replayed: every difference confirmed, program kept', async t => {
    const keep = t.testdir({})
    const res = await runCli([...args, '--keep-harness', keep])
    const report = JSON.parse(res.stdout) as ProofReport
    t.ok(report.differences.length > 0, 'bounds-check has differences')
    for (const d of report.differences) {
      t.equal(d.confirmed, true, `${d.run}: ${d.observable}`)
      t.match(d.confirmation, /\(program: [\w-]+\/replay-\d+\)$/)
    }
    const prog = path.join(keep, 'equiv', 'replay-1')
    for (const f of ['replay-old.c', 'replay-new.c', 'replay-main.c', 'klp-replay.h', 'build.sh', 'replay']) t.ok(existsSync(path.join(prog, f)), f)
    const out = execFileSync('sh', [path.join(prog, 'build.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    t.match(out, /^KLP_FAILED KLP_EQ /m)
    t.match(out, /^KLP_DONE$/m)
  })

  t.test('--no-replay: confirmed absent', async t => {
    const res = await runCli([...args, '--no-replay'])
    const report = JSON.parse(res.stdout) as ProofReport
    t.ok(report.differences.length > 0)
    for (const d of report.differences) {
      t.equal(d.confirmed, undefined)
      t.equal(d.confirmation, undefined)
    }
  })
})
