/**
 * Running one harness: the modes and bounds of a proof, the solver each run gets, the time spent in
 * tools, and runMode against a shell stand-in for cbmc (bound deepening, whole traces).
 */
import { chmodSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t, { type Test } from 'tap'
import type { Harness } from '../../src/harness/types.js'
import type { HarnessMode } from '../../src/model/types.js'
import { argsFor, commandLine, doublingSchedule, invocation, runMode, timed, unwindSchedule, wholeTraces, type Session } from '../../src/pipeline/runs.js'
import type { VerifyRequest } from '../../src/pipeline/types.js'

const REQ = { unwind: 2, maxUnwind: 64, timeoutSec: 60, fwrapv: false, extraCbmcArgs: [], solver: 'auto', buffers: {}, maxSize: 8 } as unknown as VerifyRequest

function harness(mode: HarnessMode = { kind: 'equiv' }): Harness {
  return {
    mode, entry: 'klp_harness', files: [{ name: 'h.c', text: '' }], unwindset: [], observables: [], inputs: [],
    checks: mode.kind === 'safety' ? 'all' : 'none', bounds: [], planted: [], entryAssumptions: [],
  } as unknown as Harness
}

function session(over: Partial<Session> = {}): Session {
  return { tool: { cbmc: '/opt/cbmc/cbmc', version: '6.6.0', source: 'flag' }, dir: '/tmp/x', log: { info: () => {}, debug: () => {} }, toolMs: 0, running: 0, busySince: 0, nonlinear: 0, ...over }
}

t.test('bounds tried in auto mode: 2^k + 1 values up to --max-unwind + 1', async t => {
  t.same(unwindSchedule('auto', 10), [1, 2, 3, 5, 9, 11])
  t.same(unwindSchedule('auto', 64), [1, 2, 3, 5, 9, 17, 33, 65], 'a 64-iteration loop closes at the default --max-unwind')
  t.same(unwindSchedule('auto', 1), [1, 2])
  t.same(unwindSchedule(5, 64), [5])
  // a larger buffer bound starts where the smaller one stopped
  t.same(unwindSchedule('auto', 64, 16), [16, 17, 33, 65])
  t.same(unwindSchedule('auto', 10, 16), [11], 'never past the largest bound')
  t.same(unwindSchedule(5, 64, 16), [5], 'a fixed bound stays fixed')
})

t.test('the doubling schedule', async t => {
  const rows: [number, number, number[]][] = [
    [4, 32, [4, 8, 16, 32]],
    [4, 12, [4, 8, 12]],
    [4, 5, [4, 5]],
    [4, 4, [4]],
    [8, 4, [4]],
    [0, 3, [1, 2, 3]],
  ]
  for (const [from, max, want] of rows) t.same(doublingSchedule(from, max), want, `from ${from} to ${max}`)
})

t.test('the solver of each run: z3 for comparisons of nonlinear code, SAT for safety and traces', async t => {
  const z3 = { cbmc: '/opt/cbmc/cbmc', version: '6.6.0', source: 'flag' as const, z3: '/opt/z 3/z3', cadical: '/opt/cadical' }
  const rows: [string, Partial<Session>, VerifyRequest['solver'], HarnessMode, readonly string[] | undefined, boolean][] = [
    ['auto, nonlinear comparison', { tool: z3, nonlinear: 1 }, 'auto', { kind: 'equiv' }, undefined, true],
    ['auto, linear', { tool: z3 }, 'auto', { kind: 'equiv' }, undefined, false],
    ['z3 asked for', { tool: z3 }, 'z3', { kind: 'claim', claim: 0 }, undefined, true],
    ['sat asked for', { tool: z3, nonlinear: 1 }, 'sat', { kind: 'equiv' }, undefined, false],
    ['safety runs use SAT', { tool: z3, nonlinear: 1 }, 'z3', { kind: 'safety', version: 'old', restrict: 'all' }, undefined, false],
    ['traces use SAT', { tool: z3, nonlinear: 1 }, 'z3', { kind: 'equiv' }, ['p.1'], false],
    ['no z3 found', { nonlinear: 1 }, 'z3', { kind: 'equiv' }, undefined, false],
  ]
  for (const [name, over, solver, mode, traceOf, want] of rows) {
    const s = session(over)
    const argv = argsFor(s, { ...REQ, solver }, harness(mode), 3, traceOf)
    t.equal(argv.includes('--z3'), want, name)
    t.equal(invocation(s, REQ, '/w', argv).pathPrepend, want ? '/opt/z 3' : undefined, `${name}: PATH`)
    t.equal(commandLine(s, argv).startsWith(`PATH='/opt/z 3':"$PATH" /opt/cbmc/cbmc `), want, `${name}: command`)
  }
  const traces = argsFor(session(), REQ, harness(), 3, ['p.1', 'p.2'])
  t.ok(!traces.includes('--slice-formula') && argsFor(session(), REQ, harness(), 3).includes('--slice-formula'), 'traces unsliced')
})

t.test('a run\'s time limit: --timeout, or what is left of the proof\'s budget', async t => {
  t.equal(invocation(session(), REQ, '/w', []).timeoutMs, 60_000)
  const left = invocation(session({ deadline: performance.now() + 5000 }), REQ, '/w', []).timeoutMs
  t.ok(left > 4000 && left <= 5000, `${left}`)
  t.equal(invocation(session({ deadline: performance.now() + 600_000 }), REQ, '/w', []).timeoutMs, 60_000)
  t.equal(invocation(session({ deadline: performance.now() - 10 }), REQ, '/w', []).timeoutMs, 1, 'spent: 1 ms, never 0 (no limit)')
})

t.test('timed: tool time is wall time with any tool running (overlaps counted once)', async t => {
  const s = session()
  const t0 = performance.now()
  await Promise.all([timed(s, () => sleep(80)), timed(s, () => sleep(80))])
  const wall = performance.now() - t0
  t.equal(s.running, 0)
  t.ok(s.toolMs >= 75 && s.toolMs <= wall + 1, `tool ${s.toolMs} ms within wall ${wall} ms (two runs of 80 ms at once)`)
  await t.rejects(timed(s, async () => { throw new Error('boom') }), /boom/)
  t.equal(s.running, 0, 'a failed run is counted out too')
})

const program = { program: 'CBMC 6.6.0' }
const unwindFail = { property: 'klp_old_f.unwind.0', description: 'unwinding assertion loop 0', status: 'FAILURE', sourceLocation: { file: 'old.c', function: 'klp_old_f', line: '4' } }
const noBody = { property: 'klp_old_f.no-body.g', description: 'no body for callee g', status: 'FAILURE', sourceLocation: { file: 'old.c', function: 'klp_old_f', line: '5' } }
const overflow = (trace: unknown[]) => ({ property: 'klp_new_f.overflow.1', description: 'arithmetic overflow on signed +', status: 'FAILURE', sourceLocation: { file: 'new.c', function: 'klp_new_f', line: '3' }, trace })
const result = (...ps: unknown[]) => JSON.stringify([program, { result: ps }, { cProverStatus: ps.length ? 'failure' : 'success' }])
const STEP = { stepType: 'assignment', hidden: false, lhs: 'x', value: { name: 'integer', data: '7' }, sourceLocation: { file: 'h.c', line: '2' } }

/** A stand-in answering `--unwind N` runs from run-N.json (else run.json) and `--property` re-runs from traces.json. */
function standIn(t: Test, files: Record<string, string>): { s: Session; calls: () => string[] } {
  const dir = t.testdir({
    'props.json': JSON.stringify([program, { properties: [] }]),
    'loops.json': JSON.stringify([program, { loops: [] }]),
    ...files,
    cbmc: `#!/bin/sh
d=$(dirname "$0"); echo "$*" >> "$d/calls"
unwind=; prop=
while [ $# -gt 0 ]; do
  case "$1" in --unwind) unwind=$2; shift ;; --property) prop=1 ;; --show-properties) exec cat "$d/props.json" ;; --show-loops) exec cat "$d/loops.json" ;; esac
  shift
done
f="$d/run-$unwind.json"; [ -n "$prop" ] && f="$d/traces.json"; [ -f "$f" ] || f="$d/run.json"
exec cat "$f"
`,
    work: {},
  })
  chmodSync(path.join(dir, 'cbmc'), 0o755)
  return {
    s: session({ tool: { cbmc: path.join(dir, 'cbmc'), version: '6.6.0', source: 'flag' }, dir: path.join(dir, 'work') }),
    calls: () => readFileSync(path.join(dir, 'calls'), 'utf8').trim().split('\n'),
  }
}

t.test('runMode: auto mode deepens the bound until the loops are unwound', async t => {
  const { s, calls } = standIn(t, { 'run-1.json': result(unwindFail), 'run.json': result() })
  const { result: r, runs } = await runMode(s, { ...REQ, unwind: 'auto', maxUnwind: 8 }, harness(), s.dir)
  t.same(runs.map(x => [x.run, x.unwind, x.status]), [['equiv', 1, 'bound-too-small'], ['equiv', 2, 'complete']])
  t.match(runs[1]!.command, new RegExp(`^cd equiv && ${s.tool.cbmc} .*--unwind 2 `))
  t.match(r, { status: 'complete', unwind: 2 })
  t.equal(calls().filter(c => c.includes('--show-properties')).length, 1, 'properties listed once per mode')
})

t.test('runMode at a buffer bound: starts at the bound given, records the size and the run\'s folder', async t => {
  const { s, calls } = standIn(t, { 'run-4.json': result(unwindFail), 'run.json': result(overflow([])), 'traces.json': result(overflow([STEP])) })
  const step = { from: 4, maxSize: 8, where: 'size-8/safety-new' }
  const { result: r, runs } = await runMode(s, { ...REQ, unwind: 'auto', maxUnwind: 16 }, harness({ kind: 'safety', version: 'new', restrict: 'all' }), s.dir, step)
  t.same(runs.map(x => [x.run, x.unwind, x.maxSize, x.status]), [['safety-new', 4, 8, 'bound-too-small'], ['safety-new', 5, 8, 'found']])
  t.ok(runs.every(x => x.command.startsWith('cd size-8/safety-new && ')), 'commands name the size folder')
  t.notOk(calls().some(c => !c.includes('--show-') && / --unwind [123] /.test(c)), 'bounds below `from` are not run')
  t.match(r, { unwind: 5 })
})

const SAFETY_NEW: HarnessMode = { kind: 'safety', version: 'new', restrict: 'all' }
const SRC = 'int f(const u8 *buf, size_t len, u64 x)\n{\n\tfor (i = 0; i < len; i++)\n\t\ts += buf[i];\n\twhile (x) {\n\t\tx >>= 1;\n\t}\n\twhile (p)\n\t\tp = p->next;\n}\n'
const LOOPS = (dir: string) => JSON.stringify([program, { loops: [
  { name: 'klp_old_f.0', sourceLocation: { file: path.join(dir, 'f.c'), function: 'klp_old_f', line: '3' } },
  { name: 'klp_old_f.1', sourceLocation: { file: 'f.c', function: 'klp_old_f', line: '5' } },
  { name: 'klp_old_f.2', sourceLocation: { file: 'f.c', function: 'klp_old_f', line: '8' } },
  { name: 'klp_harness.0', sourceLocation: { file: '<klp-harness>', function: 'klp_harness', line: '9' } },
  { name: 'memcpy.0' },
] }])
const unwindOf = (loop: number) => ({ ...unwindFail, property: `klp_old_f.unwind.${loop}` })

t.test('runMode: each loop starts at the bound its header says; only the open loops deepen', async t => {
  const { s, calls } = standIn(t, { 'run-1.json': result(unwindOf(2)), 'run.json': result(), 'f.c': SRC, 'typedefs.h': '' })
  await import('node:fs').then(fs => fs.writeFileSync(path.join(path.dirname(s.tool.cbmc), 'loops.json'), LOOPS(path.dirname(s.tool.cbmc))))
  const h = { ...harness(), unwindset: [{ loop: 'klp_harness.0', bound: 3 }], files: [{ name: 'h.c', text: 'typedef unsigned long long u64;' }] } as Harness
  const req = { ...REQ, unwind: 'auto', maxUnwind: 64, buffers: { buf: 'len' }, maxSize: 4 } as VerifyRequest
  const { result: r, runs } = await runMode(s, req, h, path.dirname(s.tool.cbmc))
  const runArgs = calls().filter(c => !c.includes('--show-'))
  t.match(runArgs[0], / --unwind 1 --unwindset klp_harness\.0:3,klp_old_f\.0:5,klp_old_f\.1:65 /, 'a buffer loop at max-size + 1, a 64-bit word\'s bits at 65')
  t.match(runArgs[1], / --unwind 2 --unwindset klp_harness\.0:3,klp_old_f\.0:5,klp_old_f\.1:65 /, 'the open loop without a known bound deepens the global bound; the others stay')
  t.same(runs.map(x => [x.unwind, x.status]), [[65, 'bound-too-small'], [65, 'complete']], 'the bound reached is the largest one')
  t.match(r, { status: 'complete' })
  await runMode(s, req, { ...h, mode: SAFETY_NEW } as Harness, path.dirname(s.tool.cbmc))
  t.equal(calls().filter(c => c.includes('--show-loops')).length, 1, 'the loops are listed once per proof, whatever the mode')
})

t.test('runMode: a loop whose known bound is too small goes on by 2^k + 1 up to the ceiling, and says what would close it', async t => {
  const { s, calls } = standIn(t, { 'run.json': result(unwindOf(0)), 'f.c': SRC })
  await import('node:fs').then(fs => fs.writeFileSync(path.join(path.dirname(s.tool.cbmc), 'loops.json'), LOOPS(path.dirname(s.tool.cbmc))))
  const req = { ...REQ, unwind: 'auto', maxUnwind: 8, buffers: { buf: 'len' }, maxSize: 4 } as VerifyRequest
  const { result: r, runs } = await runMode(s, req, harness(), path.dirname(s.tool.cbmc))
  t.same(runs.map(x => x.unwind), [9, 9], 'the bits loop is held at the ceiling 9')
  t.match(calls().filter(c => !c.includes('--show-')).map(c => /--unwindset (\S+)/.exec(c)?.[1]), ['klp_old_f.0:5,klp_old_f.1:9', 'klp_old_f.0:9,klp_old_f.1:9'])
  t.match(r.openLoops, [{ loop: 'klp_old_f.0', bound: 9, need: 17 }])
})

t.test('runMode: a fixed bound runs once; an open loop is read for the bound that would close it', async t => {
  const { s, calls } = standIn(t, { 'run.json': result(unwindOf(1), { ...unwindFail, property: 'klp_harness.unwind.0' }), 'f.c': SRC })
  await import('node:fs').then(fs => fs.writeFileSync(path.join(path.dirname(s.tool.cbmc), 'loops.json'), LOOPS(path.dirname(s.tool.cbmc))))
  const h = { ...harness(), unwindset: [{ loop: 'klp_harness.0', bound: 3 }], files: [{ name: 'h.c', text: 'typedef unsigned long long u64;' }] } as Harness
  const { result: r, runs } = await runMode(s, { ...REQ, unwind: 4 }, h, path.dirname(s.tool.cbmc))
  t.same(runs.map(x => x.unwind), [4])
  t.notOk(calls().some(c => c.includes('klp_old_f.')), 'a fixed bound sets no per-loop bounds')
  t.match(r.openLoops, [{ loop: 'klp_old_f.1', bound: 4, need: 65 }, { loop: 'klp_harness.0', need: undefined }])
})

t.test('runMode: lists cbmc cannot give; an open recursion deepens the global bound; unreadable output is an error', async t => {
  const recursion = { ...unwindFail, property: 'klp_old_f.recursion', description: 'recursion unwinding assertion' }
  const { s } = standIn(t, { 'props.json': 'not json', 'loops.json': 'not json', 'run-1.json': result(recursion), 'run-2.json': 'not json' })
  const { result: r, runs } = await runMode(s, { ...REQ, unwind: 'auto', maxUnwind: 8 }, harness(), s.dir)
  t.same(runs.map(x => [x.unwind, x.status]), [[1, 'bound-too-small'], [2, 'error']])
  t.match(r, { status: 'error', findingIds: [] })
})

t.test('runMode: a function without a body stops the deepening', async t => {
  const { s } = standIn(t, { 'run.json': result(unwindFail, noBody) })
  const { result: r, runs } = await runMode(s, { ...REQ, unwind: 'auto', maxUnwind: 8 }, harness(), s.dir)
  t.same(runs.map(x => x.unwind), [1])
  t.match(r, { status: 'bound-too-small', noBody: ['g'] })
})

const WITH_X = (mode: HarnessMode, over: Partial<Harness> = {}) => ({ ...harness(mode), inputs: [{ label: 'x', variable: 'x' }], ...over }) as Harness
const overflowOld = (trace: unknown[]) => ({ ...overflow(trace), property: 'klp_old_f.overflow.1', sourceLocation: { file: 'old.c', function: 'klp_old_f', line: '3' } })
const eqFail = (trace: unknown[]) => ({ property: 'klp_harness.assertion.2', description: 'KLP_EQ 0 return', status: 'FAILURE', sourceLocation: { file: '<klp-harness>', function: 'klp_harness', line: '9' }, trace })

t.test('wholeTraces: a finding whose sliced trace lacks an input is re-checked unsliced, just that property', async t => {
  const { s, calls } = standIn(t, { 'run.json': result(overflow([])), 'traces.json': result(overflow([STEP])) })
  const done = await runMode(s, REQ, WITH_X(SAFETY_NEW), s.dir)
  t.same(done.runs.map(x => x.status), ['found'], 'runMode itself solves once')
  await wholeTraces(s, REQ, [done])
  t.same(done.runs.map(x => [x.run, x.unwind, x.status]), [['safety-new', 2, 'found'], ['safety-new (traces)', 2, 'found']])
  t.same(done.result.safety[0]!.trace?.map(x => x.lhs), ['x'], 'the trace of the re-run')
  t.match(calls().at(-1), /--property klp_new_f\.overflow\.1 /)
  t.notMatch(calls().at(-1), /--slice-formula/)
})

t.test('wholeTraces: a sliced trace with every input is whole already: no second solve', async t => {
  const { s, calls } = standIn(t, { 'run.json': result(overflow([STEP]), eqFail([STEP])) })
  const done = await runMode(s, REQ, WITH_X(SAFETY_NEW, { observables: [{ index: 0, kind: 'return', label: 'return', leaves: [] }] } as Partial<Harness>), s.dir)
  await wholeTraces(s, REQ, [done])
  t.same(done.runs.map(x => x.status), ['found'])
  t.notOk(calls().some(c => c.includes('--property')))
  t.same(done.result.safety[0]!.inputs, [{ name: 'x', value: '7' }])
})

t.test('wholeTraces: with the world\'s stubs every finding that counts is re-checked; a comparison by its marker', async t => {
  const { s, calls } = standIn(t, { 'run.json': result(eqFail([STEP])), 'traces.json': result(eqFail([STEP, { ...STEP, lhs: 'y' }])) })
  const h = WITH_X({ kind: 'equiv' }, { observables: [{ index: 0, kind: 'return', label: 'return', leaves: [] }], files: [{ name: 'h.c', text: '__CPROVER_assert(0, "KLP_LIMIT external calls");' }] } as Partial<Harness>)
  const done = await runMode(s, REQ, h, s.dir)
  t.equal(done.result.eqFailures.length, 1)
  await wholeTraces(s, REQ, [done])
  t.match(calls().at(-1), /--property klp_harness\.assertion\.2 /)
  t.same(done.result.eqFailures[0]!.trace?.map(x => x.lhs), ['x', 'y'])
})

t.test('wholeTraces: a finding both versions have (pre-existing) gets no extra solver work', async t => {
  const { s, calls } = standIn(t, { 'run.json': result(overflow([]), overflowOld([])) })
  const old = await runMode(s, REQ, WITH_X({ kind: 'safety', version: 'old', restrict: 'all' }), s.dir)
  const nu = await runMode(s, REQ, WITH_X(SAFETY_NEW), s.dir)
  await wholeTraces(s, REQ, [old, nu])
  t.notOk(calls().some(c => c.includes('--property')))
  t.same([...old.runs, ...nu.runs].map(x => x.status), ['found', 'found'])
})

t.test('wholeTraces: a re-run that fails keeps the first run\'s findings', async t => {
  const { s } = standIn(t, { 'run.json': result(overflow([])), 'traces.json': 'not json' })
  const done = await runMode(s, REQ, WITH_X(SAFETY_NEW), s.dir)
  await wholeTraces(s, REQ, [done, { result: { ...done.result, findingIds: [] }, runs: [] }])
  t.same(done.runs.map(x => x.status), ['found', 'error'])
  t.same(done.result.safety[0]!.trace, [])
})
