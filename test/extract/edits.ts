/** Edits by offset: applied in one pass; blanking keeps newlines and line markers. */
import t from 'tap'
import { performance } from 'node:perf_hooks'
import { applyEdits, blankRange } from '../../src/extract/edits.js'

t.test('applyEdits', async t => {
  t.equal(applyEdits('abcdef', [{ start: 1, end: 2, text: 'X' }, { start: 4, end: 4, text: '+' }]), 'aXcd+ef', 'applied back to front')
  t.equal(applyEdits('cdef', [{ start: 12, end: 13, text: 'Y' }], 10), 'cdYf', 'offsets relative to base')
})

t.test('applyEdits: two edits at one offset, the later listed first; linear in many edits', async t => {
  t.equal(applyEdits('abc', [{ start: 1, end: 2, text: 'X' }, { start: 1, end: 1, text: '<' }]), 'a<Xc', 'an insertion listed later goes before')
  const text = 'x;'.repeat(50_000)
  const edits = Array.from({ length: 50_000 }, (_, i) => ({ start: 2 * i, end: 2 * i + 1, text: 'yy' }))
  const t0 = performance.now()
  t.equal(applyEdits(text, edits), 'yy;'.repeat(50_000))
  t.ok(performance.now() - t0 < 2000, `50k edits in ${Math.round(performance.now() - t0)} ms`)
})

t.test('blankRange: newlines and line markers stay, the rest is blanked or dropped', async t => {
  const text = 'int a;\n# 3 "x.c"\nint f(void) { return 0; }\nint b;'
  const start = text.indexOf('int a')
  const end = text.indexOf('\nint b')
  const rows: [string, number, string, string][] = [
    ['blanked: columns kept', start, ' ', '      \n# 3 "x.c"\n                         '],
    ['dropped: only newlines and markers left', start, '', '\n# 3 "x.c"\n'],
    ['a range starting mid-line: a # there is no marker', text.indexOf('# 3') + 1, ' ', '        \n                         '],
  ]
  for (const [name, from, fill, want] of rows) {
    const e = blankRange(text, from, end, fill)
    t.same(e, { start: from, end, text: want }, name)
    t.equal(applyEdits(text, [e]).split('\n').length, text.split('\n').length, `${name}: same lines`)
  }
})
