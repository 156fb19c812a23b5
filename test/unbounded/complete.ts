import t from 'tap'
import type { FunctionPair } from '../../src/extract/types.js'
import type { ProofReport } from '../../src/report/types.js'
import { completeUnwinding } from '../../src/unbounded/complete.js'
import { equivalent, inconclusiveUnwinding } from '../fixtures/reports.js'

const INT = { kind: 'scalar', text: 'unsigned long long' }
const pairOf = (over: Record<string, unknown> = {}) => ({
  func: 'popcount64', signature: { params: [{ name: 'w', type: INT }] }, old: { globals: [] }, new: { globals: [] }, externals: { externals: [] }, ...over,
} as unknown as FunctionPair)
const REQ = { buffers: {}, nullable: [], claims: [], fwrapv: false }
const done: ProofReport = {
  ...equivalent, function: 'popcount64', preExisting: [],
  unwinding: { mode: 'auto', bound: 65, complete: true, openLoops: [] },
  bounds: [{ what: 'unwinding bound', value: 'auto (reached 65, max 128)', isDefault: true }, { what: 'signed overflow', value: 'undefined', isDefault: true }],
}

t.test('every unwinding assertion held over scalar arguments: unbounded, technique complete-unwinding', async t => {
  const r = completeUnwinding(done, pairOf(), REQ)
  t.same(r.unwinding.techniques, [{ what: 'popcount64()', technique: 'complete-unwinding', assumes: 'scalar arguments only: every loop ran to its exit within bound 65 for every input' }])
  t.equal(r.unwinding.kind, 'unbounded')
  t.equal(r.bounds[0]?.value, 'auto (reached 65, max 128): every loop ended within it for every input (unwinding assertions held)')
  t.same(r.bounds[1], done.bounds[1])
})

t.test('anything that bounds the inputs or the verdict keeps the report as it is', async t => {
  const same: [string, ProofReport, FunctionPair, Record<string, unknown>][] = [
    ['--unbounded off', done, pairOf(), { unbounded: 'off' }],
    ['already said', { ...done, unwinding: { ...done.unwinding, kind: 'bounded' } }, pairOf(), {}],
    ['not equivalent', inconclusiveUnwinding, pairOf(), {}],
    ['incomplete', { ...done, unwinding: { ...done.unwinding, complete: false } }, pairOf(), {}],
    ['open loops', { ...done, unwinding: { ...done.unwinding, openLoops: ['x'] } }, pairOf(), {}],
    ['buffer sizes stepped', { ...done, sizes: { steps: [], reduced: false } } as unknown as ProofReport, pairOf(), {}],
    ['a buffer', done, pairOf(), { buffers: { p: 'n' } }],
    ['nullable', done, pairOf(), { nullable: ['p'] }],
    ['claims', done, pairOf(), { claims: [{ id: 'c' }] }],
    ['a pointer argument', done, pairOf({ signature: { params: [{ name: 'p', type: { kind: 'pointer', text: 'int *' } }] } }), {}],
    ['globals', done, pairOf({ new: { globals: [{ name: 'g' }] } }), {}],
    ['a float argument', done, pairOf({ signature: { params: [{ name: 'd', type: { kind: 'scalar', text: 'double', float: true } }] } }), {}],
    ['-fwrapv', done, pairOf(), { fwrapv: true }],
    ['external calls', done, pairOf({ externals: { externals: [{ name: 'kmalloc' }] } }), {}],
  ]
  for (const [why, r, pair, req] of same) t.equal(completeUnwinding(r, pair, { ...REQ, ...req } as never), r, why)
})
