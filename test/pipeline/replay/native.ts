/**
 * Native replay, building and running (execa replaced: no gcc here; test/integration/replay.ts runs
 * the real one): the files a replay program is made of, and every way its build or run can end.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import t, { type Test } from 'tap'
import type { TraceStep } from '../../../src/cbmc/types.js'
import type { EqFailure, JobResult } from '../../../src/classify/types.js'
import type { Harness } from '../../../src/harness/types.js'
import { HARNESS_FILE } from '../../../src/pipeline/replay/values.js'

type Native = typeof import('../../../src/pipeline/replay/native.js')
interface Call { readonly file: string; readonly args: readonly string[]; readonly opts: Record<string, unknown> }
type Answer = Partial<{ exitCode: number; stdout: string; stderr: string; timedOut: boolean; isMaxBuffer: boolean; signal: string }>

/** native.ts with execa answering the gcc build and the program run from a script. */
async function withExeca(t: Test, build: Answer, run: Answer = {}): Promise<{ mod: Native; calls: Call[] }> {
  const calls: Call[] = []
  const mod = await t.mockImport<Native>('../../../src/pipeline/replay/native.js', {
    execa: {
      execa: async (file: string, args: readonly string[], opts: Record<string, unknown>) => {
        calls.push({ file, args, opts })
        const a = file === 'gcc' ? build : run
        return { exitCode: 0, stdout: '', stderr: '', timedOut: false, isMaxBuffer: false, signal: undefined, ...a }
      },
    },
  })
  return { mod, calls }
}

const TRACE: TraceStep[] = [{ stepType: 'assignment', hidden: false, lhs: 'v', value: { name: 'integer', data: '5' }, location: { file: HARNESS_FILE, line: 2 } }]
const eq: EqFailure = { observable: 0, label: 'return', kind: 'return', inputs: [], values: [], trace: TRACE }
const job: JobResult = {
  run: 'equiv', mode: { kind: 'equiv' }, unwind: 1, status: 'complete', openLoops: [], noBody: [], eqFailures: [eq], reachProven: false,
  safety: [], errors: [], findingIds: [], durationMs: 0, command: 'cbmc',
}
const native: Harness = {
  mode: { kind: 'equiv' }, entry: 'klp_harness', unwindset: [], observables: [], inputs: [], checks: 'all', bounds: [],
  files: [
    { name: 'old.c', text: `# 1 "${HARNESS_FILE}"\nvoid klp_harness(void) {\n  int v; KLP_NONDET(v);\n}\n` },
    { name: 'new.c', text: 'int klp_new_unused;\n' },
  ],
} as unknown as Harness

t.test('replayRun: the program on disk and the gcc command', async t => {
  const { mod, calls } = await withExeca(t, {}, { stdout: 'KLP_FAILED KLP_EQ 0 return\nKLP_DONE\n' })
  const dir = path.join(t.testdir({}), 'equiv')
  const out = await mod.replayRun({ gcc: '/usr/bin/gcc', fwrapv: true }, job, native, dir, { left: 8 })
  t.match(out.eqFailures[0], { confirmed: true, confirmation: 'the gcc-built harness shows the same return (program: equiv/replay-1)' })
  const prog = path.join(dir, 'replay-1')
  for (const f of ['klp-replay.h', 'replay-old.c', 'replay-new.c', 'replay-main.c', 'build.sh']) t.ok(existsSync(path.join(prog, f)), f)
  t.match(readFileSync(path.join(prog, 'klp-replay.h'), 'utf8'), /KLP_REPLAY_v\(.*= 5;/)
  t.match(readFileSync(path.join(prog, 'replay-old.c'), 'utf8'), /^\/\* klp-verify native replay runtime[^]*void klp_harness\(void\)/)
  t.equal(calls[0]!.file, '/usr/bin/gcc')
  // libm last: code calling sqrt() links (it was 'DSO missing from command line')
  t.same(calls[0]!.args, [...mod.GCC_FLAGS, '-fwrapv', '-I', '.', 'replay-old.c', 'replay-new.c', 'replay-main.c', '-o', 'replay', '-lm'])
  t.match(calls[0]!.opts, { cwd: prog, reject: false, timeout: mod.REPLAY_LIMITS.buildMs, env: { TMPDIR: prog }, maxBuffer: mod.REPLAY_LIMITS.maxBuffer })
  t.equal(calls[1]!.file, path.join(prog, 'replay'))
  t.match(calls[1]!.opts, { cwd: prog, timeout: mod.REPLAY_LIMITS.runMs, env: { ASAN_OPTIONS: /halt_on_error=0/ } })
  t.match(readFileSync(path.join(prog, 'build.sh'), 'utf8'), /^#!\/bin\/sh\n[^]*\n\/usr\/bin\/gcc -std=gnu11 .* -fwrapv -I \. replay-old\.c .* && ASAN_OPTIONS=\S+ UBSAN_OPTIONS=\S+ \.\/replay\n$/)
  t.ok(mod.GCC_FLAGS.includes('-fsanitize=address,undefined'))
  t.ok(mod.GCC_FLAGS.includes('-ftrivial-auto-var-init=pattern'))
})

t.test('replayRun: every way a build or run ends without evidence', async t => {
  const rows: { name: string; build: Answer; run?: Answer; want: [boolean | 'n/a', RegExp] }[] = [
    { name: 'the build times out', build: { timedOut: true, exitCode: undefined as never }, want: ['n/a', /^the replay program did not build within 120 s \(program: equiv\/replay-1\)$/] },
    { name: 'gcc floods its output', build: { isMaxBuffer: true }, want: ['n/a', /^gcc wrote more than 16 MB of messages building the replay program/] },
    { name: 'gcc rejects the program: its first error line', build: { exitCode: 1, stderr: 'In function f:\nold.c:3:1: error: expected ;\nmore' }, want: ['n/a', /^the replay program does not build with gcc \(old\.c:3:1: error: expected ;\)/] },
    { name: 'gcc fails without an error line: its first line', build: { exitCode: 1, stderr: 'ld: cannot find -lasan\n' }, want: ['n/a', /^the replay program does not build with gcc \(ld: cannot find -lasan\)/] },
    { name: 'gcc fails silently', build: { exitCode: 1 }, want: ['n/a', /^the replay program does not build with gcc \(\) /] },
    { name: 'the run times out', build: {}, run: { timedOut: true }, want: ['n/a', /^the native run did not finish within 60 s/] },
    { name: 'the run floods its output', build: {}, run: { isMaxBuffer: true }, want: ['n/a', /^the native run wrote more than 16 MB of output/] },
    { name: 'the run crashes', build: {}, run: { signal: 'SIGSEGV', stderr: 'old.c:2:3: runtime error: load of null pointer' }, want: ['n/a', /^the native run crashed \(SIGSEGV\): runtime error: load of null pointer \(program/] },
    { name: 'a signal after KLP_DONE is no crash', build: {}, run: { signal: 'SIGABRT', stdout: 'KLP_DONE\n' }, want: [false, /^natively old and new agree on return/] },
  ]
  for (const r of rows) {
    const { mod } = await withExeca(t, r.build, r.run)
    const out = await mod.replayRun({ gcc: 'gcc', fwrapv: false }, job, native, path.join(t.testdir({}), 'equiv'), { left: 8 })
    t.equal(out.eqFailures[0]!.confirmed, r.want[0], r.name)
    t.match(out.eqFailures[0]!.confirmation, r.want[1], r.name)
  }
})

t.test('replayRun: a claim run, its findings by their tags, within the budget', async t => {
  const { mod, calls } = await withExeca(t, {}, { stdout: 'KLP_FAILED KLP_REACH 3 x\nKLP_DONE\n' })
  const claimJob: JobResult = {
    ...job, run: 'claim-3', mode: { kind: 'claim', claim: 3 },
    eqFailures: [{ ...eq, trace: [] }],
    reach: { inputs: [], values: [], observables: ['return'], trace: TRACE },
    thenFailure: { inputs: [], values: [], trace: TRACE },
    safety: [{ key: 'k', kind: 'array bounds', version: 'old', function: 'f', description: 'd', inputs: [], trace: TRACE }],
  }
  const budget = { left: 2 }
  const out = await mod.replayRun({ gcc: 'gcc', fwrapv: false }, claimJob, native, path.join(t.testdir({}), 'claim-3'), budget)
  t.match(out.eqFailures[0], { confirmed: 'n/a', confirmation: 'no counterexample trace to replay' })
  t.match(out.reach, { confirmed: true, confirmation: 'the gcc-built harness shows the same difference (program: claim-3/replay-1)' })
  t.match(out.thenFailure, { confirmed: false, confirmation: /^natively old and new agree on THEN failure .*\(program: claim-3\/replay-2\)$/ })
  t.match(out.safety[0], { confirmed: 'n/a', confirmation: 'not replayed: replay budget of this proof used up' })
  t.equal(budget.left, 0)
  t.equal(calls.filter(c => c.file === 'gcc').length, 2, 'one program per replayed finding')
})

t.test('replayRun: an abort stops the replay', async t => {
  const { mod } = await withExeca(t, {})
  const ac = new AbortController()
  ac.abort(new Error('interrupted'))
  await t.rejects(mod.replayRun({ gcc: 'gcc', fwrapv: false, signal: ac.signal }, job, native, t.testdir({}), { left: 8 }), { message: 'interrupted' })
})

t.test('findGcc: gcc when it runs, undefined otherwise', async t => {
  const ok = await t.mockImport<Native>('../../../src/pipeline/replay/native.js', { execa: { execa: async () => ({ exitCode: 0 }) } })
  t.equal(await ok.findGcc(), 'gcc')
  const missing = await t.mockImport<Native>('../../../src/pipeline/replay/native.js', { execa: { execa: async () => ({ exitCode: 127 }) } })
  t.equal(await missing.findGcc(), undefined)
})
