import t from 'tap'
import {
  alignColumns,
  formatDuration,
  formatInputs,
  formatRuns,
  formatSeconds,
  plural,
  wrapItems,
  wrapText,
} from '../../src/report/format.js'

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
