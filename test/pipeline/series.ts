import t from 'tap'
import { cliDefaults, commonRoot, renderSeriesText, worstExit } from '../../src/pipeline/series.js'
import type { SeriesReport } from '../../src/series/types.js'
import * as f from '../fixtures/reports.js'

t.test('worst exit code: 3 > 1 > 2 > 0', async t => {
  t.equal(worstExit([0, 2, 1]), 1)
  t.equal(worstExit([2, 0]), 2)
  t.equal(worstExit([1, 3, 2]), 3)
  t.equal(worstExit([]), 0)
})

t.test('command-line options become spec defaults', async t => {
  t.same(cliDefaults({ unwind: '8', timeout: 30, memory: 2048, cflags: '-DX -fno-strict-overflow', include: ['inc'] }), {
    unwind: 8, timeout: 30, memory: 2048, cflags: ['-DX', '-fno-strict-overflow'], include: ['inc'],
  })
  t.same(cliDefaults({ unwind: 'auto' }), { unwind: 'auto' })
  t.same(cliDefaults({}), {}, 'nothing given: nothing overrides the manifest or the specs')
})

t.test('the scratch folder of a chain\'s snapshots', async t => {
  t.equal(commonRoot(['/tmp/klp-verify-git-x/snapshots/a-1/d/f.c', '/tmp/klp-verify-git-x/snapshots/b-2/f.c']), '/tmp/klp-verify-git-x/snapshots')
  t.equal(commonRoot(['/tmp/a.c', '/usr/b.c']), undefined, 'never a top-level folder')
  t.equal(commonRoot([]), undefined)
})

const report: SeriesReport = {
  schemaVersion: 1, kind: 'series', tool: { name: 'klp-verify', version: '0.1.0' }, source: { kind: 'patches', description: 't + p' },
  patches: [
    { id: '0001-a.patch', index: 0, title: 'a: fix', status: 'applied', files: ['a.c'], added: ['a_new'], removed: [] },
    { id: '0002-b.patch', index: 1, title: 'b: fix', status: 'not-applied', error: 'does not apply: patch failed: b.c:3', files: [], added: [], removed: [] },
  ],
  proofs: [
    { function: 'a', old: 'base:a.c', new: '0001-a.patch:a.c', patch: '0001-a.patch', affected: false, verdict: 'equivalent', claims: [], cached: true, report: f.equivalent },
    { function: 'h', old: 'base:a.c', new: '0001-a.patch:a.c', patch: null, affected: true, verdict: 'unintended', claims: [], cached: false, report: f.unintended },
  ],
  counts: { equivalent: 1, 'as-claimed': 0, unintended: 1, 'claim-unobserved': 0, inconclusive: 0, error: 0 },
  exitCode: 3, timings: { totalMs: 10, cached: 1 }, interrupted: true,
}

t.test('the text summary: patches that did not apply, then proofs worst first', async t => {
  const text = renderSeriesText(report)
  t.match(text, /^klp-verify series: 2 proofs · 1 unintended, 1 equivalent · 1 cached · exit 3\n/)
  t.match(text, /\n {2}INTERRUPTED: /)
  t.match(text, /\n {2}NOT APPLIED {7}patch 0002-b\.patch \(b: fix\): does not apply: patch failed: b\.c:3\n/)
  const rows = text.split('\n').filter(l => /^ {2}(UNINTENDED|EQUIVALENT)/.test(l))
  t.match(rows[0], /^ {2}UNINTENDED +h\(\) +base → tip \(affected\) /)
  t.match(rows[1], /^ {2}EQUIVALENT +a\(\) +patch 0001-a\.patch \(cached\) /)
  t.match(text, /patch 0001-a\.patch: added a_new; removed none \(listed, not compared\)/)
})

t.test('errors name files by their labels, not by temporary snapshot folders', async t => {
  const { messageOf } = await import('../../src/pipeline/series.js')
  const { ExtractError } = await import('../../src/errors.js')
  const file = { key: 'd/a.c', oldLabel: 'base:d/a.c', newLabel: '0001-x.patch:d/a.c', oldPath: '/tmp/s/1/d/a.c', newPath: '/tmp/s/2/d/a.c', oldIncludes: [], newIncludes: [] }
  t.equal(messageOf(new ExtractError('cannot preprocess /tmp/s/2/d/a.c: /tmp/s/2/d/a.c:1:10: fatal error', { hint: 'pass -I' }), [file]),
    'cannot preprocess 0001-x.patch:d/a.c: 0001-x.patch:d/a.c:1:10: fatal error (hint: pass -I)')
  t.equal(messageOf('plain'), 'plain')
})
