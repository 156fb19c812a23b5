/** Native replay, judging: what a native run printed against what cbmc found, one row per case. */
import t from 'tap'
import type { EqFailure, JobResult, SafetyViolation } from '../../../src/classify/types.js'
import type { HarnessMode } from '../../../src/model/types.js'
import { bytesOnly, judgeNative, notReplayed } from '../../../src/pipeline/replay/judge.js'
import type { NativeOutcome } from '../../../src/pipeline/replay/values.js'

const ran = (over: Partial<NativeOutcome>): NativeOutcome => ({ failed: [], sanitizer: [], assumeFailed: false, done: true, ...over })
const UB = 'runtime error: signed integer overflow: 2147483647 + 1 cannot be represented in type \'int\''

t.test('judgeNative: one row per outcome', async t => {
  const rows: { name: string; out: NativeOutcome | string; tag?: string; safety?: boolean; want: [boolean | 'n/a', string | RegExp] }[] = [
    { name: 'no native run: the reason', out: 'gcc failed', tag: 'KLP_EQ 0 ', want: ['n/a', 'gcc failed'] },
    { name: 'an assumption failed natively', out: ran({ assumeFailed: true, failed: ['KLP_EQ 0 return'] }), tag: 'KLP_EQ 0 ', want: [false, 'the native run left the counterexample path (an assumption failed natively)'] },
    { name: 'the same marker failed', out: ran({ failed: ['KLP_EQ 1 x', 'KLP_EQ 0 return'] }), tag: 'KLP_EQ 0 ', want: [true, 'the gcc-built harness shows the same return'] },
    { name: 'another marker failed, no sanitizer', out: ran({ failed: ['KLP_EQ 1 x'] }), tag: 'KLP_EQ 0 ', want: [false, /^natively old and new agree on return for these inputs/] },
    { name: 'undefined behavior on the path', out: ran({ sanitizer: [UB] }), tag: 'KLP_EQ 0 ', want: ['n/a', `the path has undefined behavior natively (${UB.slice(0, 80)}), so what the versions do after it cannot be compared natively`] },
    { name: 'safety: a sanitizer report confirms', out: ran({ sanitizer: [UB] }), safety: true, want: [true, `native run: ${UB}`] },
    { name: 'safety: a lock model confirms', out: ran({ failed: ['KLP_EQ 0 r', 'lock: double unlock'] }), safety: true, want: [true, 'native run: lock: double unlock'] },
    { name: 'safety: BUG() confirms', out: ran({ failed: ['BUG() reached'] }), safety: true, want: [true, 'native run: BUG() reached'] },
    { name: 'safety: nothing reported', out: ran({ failed: ['KLP_EQ 0 r'] }), safety: true, want: [false, /^the native run \(ASan\/UBSan\) reported nothing/] },
  ]
  for (const r of rows) {
    const v = judgeNative(r.out, r.tag, 'return', r.safety ?? false)
    t.equal(v.confirmed, r.want[0], r.name)
    if (typeof r.want[1] === 'string') t.equal(v.confirmation, r.want[1], r.name)
    else t.match(v.confirmation, r.want[1], r.name)
  }
})

t.test('bytesOnly: bytes copied out of uninitialised memory are not refuted natively', async t => {
  const f = (confirmed: boolean | 'n/a' | undefined, what: string): EqFailure =>
    ({ observable: 0, label: 'calls', kind: 'calls', inputs: [], values: [{ what, old: '1', new: '2' }], confirmed, confirmation: 'natively agree' })
  t.match(bytesOnly(f(false, 'calls (bytes passed or copied out differ)')), { confirmed: 'n/a', confirmation: /^the difference is in bytes passed or copied out that the function may never have initialised/ })
  for (const kept of [f(true, 'calls (bytes passed or copied out differ)'), f(false, 'return'), f(undefined, 'calls (bytes passed or copied out differ)')]) t.equal(bytesOnly(kept), kept, 'anything else unchanged')
})

function job(mode: HarnessMode, parts: Partial<JobResult>): JobResult {
  return {
    run: 'r', mode, unwind: 1, status: 'complete', openLoops: [], noBody: [], eqFailures: [], reachProven: false,
    safety: [], errors: [], findingIds: [], durationMs: 0, command: 'cbmc', ...parts,
  }
}

t.test('notReplayed: every finding n/a with the reason', async t => {
  const eq = (v: number): EqFailure => ({ observable: v, label: 'return', kind: 'return', inputs: [], values: [] })
  const safety: SafetyViolation = { key: 'k', kind: 'arithmetic overflow', version: 'old', function: 'f', description: 'd', inputs: [] }
  const j = job({ kind: 'claim', claim: 1 }, {
    eqFailures: [eq(1), eq(2)], reach: { inputs: [], values: [], observables: ['return'] }, thenFailure: { inputs: [], values: [] }, safety: [safety],
  })
  const out = notReplayed(j, 'gcc not found')
  for (const f of [...out.eqFailures, out.reach!, out.thenFailure!, ...out.safety]) t.same([f.confirmed, f.confirmation], ['n/a', 'gcc not found'])
  t.same(out.eqFailures.map(f => f.observable), [1, 2], 'the findings are otherwise unchanged')
  const none = notReplayed(job({ kind: 'equiv' }, {}), 'why')
  t.equal(none.reach, undefined)
  t.equal(none.thenFailure, undefined)
  t.same(none.eqFailures, [])
})
