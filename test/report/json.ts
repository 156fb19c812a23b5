import t from 'tap'
import { renderJson } from '../../src/report/json.js'
import { SCHEMA_VERSION, type ProofReport } from '../../src/report/types.js'
import * as f from '../fixtures/reports.js'
import * as sz from '../fixtures/sizes-reports.js'
import * as lp from '../fixtures/livepatch-reports.js'

/** The same report with every object's keys reversed. */
const reversed = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(reversed)
    : typeof v === 'object' && v !== null
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reversed(x)]),
        )
      : v

t.test('snapshot per fixture', async t => {
  for (const [name, r] of Object.entries(f.reports)) t.matchSnapshot(renderJson(r), name)
})

t.test('round-trips', async t => {
  for (const r of Object.values(f.reports)) t.same(JSON.parse(renderJson(r)), r, r.verdict)
})

t.test('schemaVersion first, 2-space indent, one trailing newline', async t => {
  for (const r of Object.values(f.reports)) {
    const json = renderJson(r)
    t.match(json, /^\{\n {2}"schemaVersion": 1,\n {2}"tool": \{\n {4}"name": "klp-verify",/)
    t.equal(JSON.parse(json).schemaVersion, SCHEMA_VERSION)
    t.match(json, /\n\}\n$/)
  }
})

t.test('key order does not depend on how the report was built', async t => {
  for (const r of Object.values(f.reports)) {
    t.equal(renderJson(reversed(r) as ProofReport), renderJson(r), r.verdict)
  }
})

t.test('keys follow types.ts, options sorted', async t => {
  const parsed = JSON.parse(renderJson(reversed(f.unintended) as ProofReport))
  t.same(Object.keys(parsed), [
    'schemaVersion',
    'tool',
    'cbmc',
    'function',
    'old',
    'new',
    'options',
    'verdict',
    'exitCode',
    'summary',
    'differences',
    'claims',
    'preExisting',
    'unwinding',
    'bounds',
    'typeChanges',
    'constChanges',
    'hints',
    'errors',
    'runs',
    'timings',
  ])
  t.same(Object.keys(parsed.options), ['buffers', 'jobs', 'maxSize', 'maxUnwind', 'nullable', 'unwind'])
  t.same(Object.keys(parsed.differences[2]), [
    'classification',
    'observable',
    'kind',
    'inputs',
    'values',
    'location',
    'detail',
    'run',
  ])
  t.same(Object.keys(parsed.claims[0]), ['id', 'when', 'then', 'differs', 'observed', 'witness'])
  t.same(Object.keys(parsed.claims[0].witness), ['inputs', 'values'])
  t.same(Object.keys(parsed.claims[0].witness.values[0]), ['what', 'old', 'new'])
  t.same(Object.keys(parsed.runs[0]), ['run', 'unwind', 'status', 'durationMs', 'command'])
  t.same(Object.keys(parsed.timings), ['totalMs', 'toolMs', 'ownMs'])
  const eq = JSON.parse(renderJson(reversed(f.equivalent) as ProofReport))
  t.same(Object.keys(eq.preExisting[0]), ['kind', 'function', 'description', 'location', 'inputs'])
  t.same(Object.keys(eq.preExisting[0].inputs[0]), ['name', 'value'])
  t.same(Object.keys(eq.unwinding), ['mode', 'bound', 'complete', 'openLoops'])
  t.same(Object.keys(eq.bounds[0]), ['what', 'value', 'isDefault'])
  const tc = JSON.parse(renderJson(reversed(f.inconclusiveTypeChanged) as ProofReport))
  t.same(Object.keys(tc).slice(7, 10), ['verdict', 'reason', 'exitCode'])
  t.same(Object.keys(tc.typeChanges[0]), ['type', 'detail'])
})

t.test('unknown keys are kept, sorted after the known ones; undefined is dropped', async t => {
  const r = { ...f.error, zeta: 1, alpha: { b: 2, a: 1 }, reason: undefined } as unknown as ProofReport
  const parsed = JSON.parse(renderJson(r))
  t.same(Object.keys(parsed).slice(-3), ['timings', 'alpha', 'zeta'])
  t.same(Object.keys(parsed.alpha), ['a', 'b'])
  t.notOk('reason' in parsed)
})

t.test('a proof that stepped its buffer bound: the requested and the reached bound, the steps, each run\'s bound', async t => {
  const out = JSON.parse(renderJson(sz.reducedBound)) as Record<string, unknown>
  t.same(Object.keys(out).slice(Object.keys(out).indexOf('unwinding'), Object.keys(out).indexOf('unwinding') + 3), ['unwinding', 'sizes', 'bounds'])
  t.same(Object.keys(out.sizes as object), ['requested', 'reached', 'reduced', 'stopped', 'steps'])
  t.match(out, { verdict: 'inconclusive', reason: 'reduced-bound', exitCode: 2, sizes: { requested: 32, reached: 16, reduced: true, stopped: { maxSize: 32, reason: 'timeout', afterMs: 92557 } } })
  t.same(Object.keys((out.runs as object[])[0]!), ['run', 'unwind', 'maxSize', 'status', 'durationMs', 'command'])
  t.same(Object.keys((out.sizes as { steps: object[] }).steps[3]!), ['maxSize', 'verdict', 'reason', 'durationMs'])
  t.match(JSON.parse(renderJson(sz.reducedAccepted)), { verdict: 'equivalent', exitCode: 0, sizes: { minimum: 16, reached: 16, requested: 32 } })
})

t.test('live patch: last, keys in the order of types.ts whatever order they were built in', async t => {
  const parsed = JSON.parse(renderJson(reversed(lp.asClaimedWithLivePatch) as ProofReport))
  t.equal(Object.keys(parsed).at(-1), 'livepatch')
  t.same(Object.keys(parsed.livepatch), ['cflags', 'functions', 'hazards', 'durationMs'])
  t.same(Object.keys(parsed.livepatch.functions[2]), ['symbol', 'function', 'reason', 'via', 'verdict', 'note'])
  t.same(Object.keys(parsed.livepatch.functions[4]), ['symbol', 'function', 'reason', 'verdict', 'benign', 'note'])
  t.same(Object.keys(parsed.livepatch.hazards[1]), ['kind', 'symbol', 'severity', 'detail', 'accepted'])
  t.same(Object.keys(JSON.parse(renderJson(lp.equivalentObjectError)).livepatch), ['cflags', 'functions', 'hazards', 'error', 'durationMs'])
  t.same(parsed.livepatch, lp.livePatch, 'round-trips')
})
