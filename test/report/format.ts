import t from 'tap'
import {
  alignColumns,
  formatDuration,
  formatInputs,
  formatRuns,
  formatSeconds,
  plural,
  sizesStopText,
  stopText,
  wrapItems,
  wrapText,
} from '../../src/report/format.js'
import type { InconclusiveReason } from '../../src/report/types.js'

t.test('formatDuration picks ms, s or min', async t => {
  const rows: [number, string][] = [
    [0, '0 ms'],
    [340.4, '340 ms'],
    [999, '999 ms'],
    [1000, '1.0 s'],
    [2449, '2.4 s'],
    [59_949, '59.9 s'],
    [60_000, '1 min 0 s'],
    [75_300, '1 min 15 s'],
    [3_725_000, '62 min 5 s'],
  ]
  for (const [ms, want] of rows) t.equal(formatDuration(ms), want, `${ms} ms`)
})

t.test('formatSeconds has millisecond precision', async t => {
  t.equal(formatSeconds(0), '0.000')
  t.equal(formatSeconds(3650), '3.650')
  t.equal(formatSeconds(75_300.4), '75.300')
})

t.test('plural', async t => {
  t.equal(plural(0, 'claim'), '0 claims')
  t.equal(plural(1, 'claim'), '1 claim')
  t.equal(plural(2, 'claim'), '2 claims')
  t.equal(plural(2, 'is', 'are'), '2 are')
})

t.test('formatInputs', async t => {
  t.same(formatInputs([]), [])
  t.same(
    formatInputs([
      { name: 'len', value: '12' },
      { name: 'm->type', value: '1' },
    ]),
    ['len = 12', 'm->type = 1'],
  )
})

t.test('formatRuns lists statuses in summary order', async t => {
  t.equal(formatRuns({ total: 0, byStatus: [] }), 'none')
  t.equal(
    formatRuns({
      total: 3,
      byStatus: [
        { status: 'complete', count: 2 },
        { status: 'found', count: 1 },
      ],
    }),
    '3 (2 complete, 1 found)',
  )
})

t.test('wrapItems', async t => {
  t.same(wrapItems([], 20), [])
  t.same(wrapItems(['a = 1'], 20), ['a = 1'])
  t.same(wrapItems(['a = 1', 'b = 2', 'c = 3'], 20), ['a = 1, b = 2, c = 3'], 'fits exactly in 20')
  t.same(wrapItems(['a = 1', 'b = 2', 'c = 3'], 19), ['a = 1, b = 2,', 'c = 3'], 'the trailing comma counts')
  t.same(wrapItems(['x'.repeat(30), 'y'], 10), ['x'.repeat(30) + ',', 'y'], 'an over-long item is never split')
  for (const line of wrapItems(Array.from({ length: 40 }, (_, i) => `v${i} = ${i * 7}`), 50)) {
    t.ok(line.length <= 50, line)
  }
})

t.test('alignColumns pads all but the last column', async t => {
  t.same(alignColumns([]), [])
  t.same(
    alignColumns([
      ['what', 'old', 'new'],
      ['m->payload[0]', '0', '17'],
      ['return', '-22 (-EINVAL)', '0'],
    ]),
    ['what          | old           | new', 'm->payload[0] | 0             | 17', 'return        | -22 (-EINVAL) | 0'],
  )
  t.same(alignColumns([['a', 'b'], ['ccc', 'd']], '  '), ['a    b', 'ccc  d'], 'custom separator')
})

t.test('wrapText', async t => {
  t.same(wrapText('', 20), [''])
  t.same(wrapText('', 20, 'hint: '), ['hint: '])
  t.same(wrapText('one two three', 20), ['one two three'])
  t.same(wrapText('  one   two\nthree ', 20), ['one two three'], 'whitespace collapses')
  t.same(wrapText('one two three four five', 13, '> ', '  '), ['> one two', '  three four', '  five'])
  t.same(wrapText('one two three', 11, '> '), ['> one two', '> three'], 'rest defaults to first')
  t.same(wrapText('tiny ' + 'x'.repeat(30) + ' end', 10), ['tiny', 'x'.repeat(30), 'end'], 'long words stay whole')
  t.same(wrapText('x'.repeat(30), 10, 'hint: '), ['hint: ' + 'x'.repeat(30)], 'even on the first line')
})

t.test('why stepping the buffer bound stopped below the requested one', async t => {
  const stop = (reason: InconclusiveReason, extra: object = {}) => ({ maxSize: 32, reason, afterMs: 93_000, ...extra })
  const rows: [ReturnType<typeof stop>, boolean, string][] = [
    [stop('timeout'), false, 'max-size 32 timed out after 1 min 33 s'],
    [stop('out-of-memory'), false, 'max-size 32 ran out of memory'],
    [stop('unwinding-bound'), false, 'max-size 32 needs a higher unwinding bound'],
    [stop('solver'), false, 'the solver gave no answer at max-size 32'],
    [stop('safety-incomplete'), false, 'max-size 32 did not finish (safety-incomplete)'],
    [stop('timeout', { afterMs: 0 }), true, 'no time was left for max-size 32'],
    [stop('timeout', { afterMs: 0, leftMs: 20_000, needMs: 49_000 }), true, 'max-size 32 would not finish in the 20.0 s left (a run at the bound below took 49.0 s)'],
  ]
  for (const [stopped, spent, want] of rows) t.equal(stopText(stopped, spent), want, want)
  const steps = [{ maxSize: 16, verdict: 'equivalent' as const, durationMs: 1 }]
  t.equal(sizesStopText({ requested: 32, reached: 16, reduced: true, stopped: stop('timeout', { afterMs: 0 }), steps }), 'no time was left for max-size 32', 'a bound never started')
  t.equal(sizesStopText({ requested: 32, reached: 32, reduced: false, steps }), undefined, 'not stopped')
})
