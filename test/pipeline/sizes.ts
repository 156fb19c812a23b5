/**
 * Stepping the buffer bound: the bounds a proof runs at, and the bounds section of a report that
 * stepped (proveAtSizes itself runs cbmc: test/integration/sizes.ts).
 */
import t from 'tap'
import { FIRST_SIZE, sizeSchedule, withSizes } from '../../src/pipeline/sizes.js'
import type { ProofReport, SizeSteps } from '../../src/report/types.js'
import * as f from '../fixtures/reports.js'

t.test('the buffer bounds of a proof: doubling from 4 to the requested one, with buffers only', async t => {
  t.equal(FIRST_SIZE, 4)
  const rows: [number, boolean, number[]][] = [
    [32, true, [4, 8, 16, 32]],
    [12, true, [4, 8, 12]],
    [6, true, [4, 6]],
    [5, true, [4, 5]],
    [4, true, [4]],
    [2, true, [2]],
    [0, true, [0]],
    [32, false, [32]],
  ]
  for (const [requested, buffers, want] of rows) t.same(sizeSchedule(requested, buffers), want, `--max-size ${requested}${buffers ? '' : ', no buffers'}`)
})

const sizes = (over: Partial<SizeSteps>): SizeSteps => ({
  requested: 12, reached: 12, reduced: false,
  steps: [{ maxSize: 4, verdict: 'equivalent', durationMs: 10 }, { maxSize: 8, verdict: 'equivalent', durationMs: 20 }, { maxSize: 12, verdict: 'equivalent', durationMs: 40 }],
  ...over,
})
const bound = (r: ProofReport, what: string) => r.bounds.find(b => b.what === what)?.value

t.test('the bounds section of a proof that stepped', async t => {
  t.equal(withSizes(f.equivalent, undefined), f.equivalent, 'no steps: the report as it is')
  const done = withSizes(f.equivalent, sizes({}))
  t.equal(bound(done, 'max buffer size (--max-size)'), '12 elements (stepped up 4, 8, 12)')
  t.equal(bound(done, 'buffer buf'), 'len elements, 0 <= len <= 12')
  t.same(done.sizes, sizes({}))

  const open = sizes({
    reached: 8, reduced: true, stopped: { maxSize: 12, reason: 'timeout', afterMs: 300_000 },
    steps: [{ maxSize: 4, verdict: 'equivalent', durationMs: 10 }, { maxSize: 8, verdict: 'equivalent', durationMs: 20 }, { maxSize: 12, verdict: 'inconclusive', reason: 'timeout', durationMs: 300_000 }],
  })
  const reduced = withSizes(f.equivalent, open)
  t.equal(bound(reduced, 'max buffer size (--max-size)'), '8 elements (asked 12; max-size 12 timed out after 5 min 0 s)')
  t.equal(bound(reduced, 'buffer buf'), 'len elements, 0 <= len <= 8', 'the buffer bound reached')
  t.equal(bound(withSizes(f.equivalent, { ...open, minimum: 8 }), 'max buffer size (--max-size)'), '8 elements (asked 12; max-size 12 timed out after 5 min 0 s; --min-size 8)')
  const spent = { ...open, stopped: { maxSize: 12, reason: 'timeout' as const, afterMs: 0 }, steps: open.steps.slice(0, 2) }
  t.equal(bound(withSizes(f.equivalent, spent), 'max buffer size (--max-size)'), '8 elements (asked 12; no time was left for max-size 12)')

  const found = withSizes(f.unintended, sizes({ reached: undefined, steps: [{ maxSize: 4, verdict: 'unintended', durationMs: 10 }] }))
  t.equal(bound(found, 'max buffer size (--max-size)'), '4 elements (asked 12; stopped at 4: unintended)', 'where a counterexample stopped the steps')
})
