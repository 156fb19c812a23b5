import t from 'tap'
import { renderSeriesJunit, renderSeriesMarkdown } from '../../src/report/series.js'
import type { SeriesProof, SeriesReport } from '../../src/pipeline/series.js'
import * as f from '../fixtures/reports.js'

const proof = (fn: string, verdict: SeriesProof['verdict'], report: SeriesProof['report'], extra: Partial<SeriesProof> = {}): SeriesProof =>
  ({ function: fn, old: 'a/old.c', new: 'a/new.c', patch: 0, affected: false, verdict, claims: [], cached: false, report, ...extra })

const report: SeriesReport = {
  schemaVersion: 1,
  kind: 'series',
  tool: { name: 'klp-verify', version: '0.1.0' },
  source: { kind: 'manifest', description: 'm.yaml' },
  patches: [
    { id: 0, index: 0, title: 'a/old.c → a/new.c', status: 'applied', files: ['a/new.c'], added: [], removed: [] },
    { id: 1, index: 1, title: 'b', status: 'applied', files: ['a/new.c'], added: [], removed: [] },
  ],
  proofs: [
    proof('eq', 'equivalent', f.equivalent),
    proof('bad', 'unintended', f.unintended, { patch: 1 }),
    proof('open', 'inconclusive', f.inconclusiveUnwinding, { affected: true }),
    proof('broken', 'error', null, { error: 'cannot preprocess x.c <& "quoted">' }),
  ],
  counts: { equivalent: 1, 'as-claimed': 0, unintended: 1, 'claim-unobserved': 0, inconclusive: 1, error: 1 },
  exitCode: 3,
  timings: { totalMs: 1234, cached: 0 },
}

t.test('series JUnit: one test case per proof, failures, errors and skips counted', async t => {
  const xml = renderSeriesJunit(report)
  t.match(xml, /<testsuite name="klp-verify series" tests="4" failures="1" errors="1" skipped="1" time="1.234">/)
  t.equal((xml.match(/<testcase /g) ?? []).length, 4)
  t.match(xml, /name="bad" time="[\d.]+">\n {4}<failure message="unintended: /)
  t.match(xml, /<error message="cannot preprocess x.c &lt;&amp; &quot;quoted&quot;&gt;">/, 'attributes escaped')
  t.match(xml, /name="open \(affected\)"[^>]*>\n {4}<skipped message="inconclusive: unwinding-bound"\/>/)
  t.matchSnapshot(xml)
})

t.test('series Markdown: worst first, with counts', async t => {
  const md = renderSeriesMarkdown(report)
  t.match(md, /^### klp-verify series: FAIL \(exit 3\)/)
  t.match(md, /1 error · 1 unintended · 1 inconclusive · 1 equivalent/)
  const rows = md.split('\n').filter(l => l.startsWith('| **'))
  t.same(rows.map(r => /`(\w+)\(\)`/.exec(r)![1]), ['broken', 'bad', 'open', 'eq'])
  t.matchSnapshot(md)
  const notApplied = { ...report, patches: [...report.patches, { id: '0003-x.patch', index: 2, title: 'x: fix', status: 'not-applied' as const, error: 'does not apply: patch failed: x.c:3', files: [], added: [], removed: [] }] }
  t.match(renderSeriesMarkdown(notApplied), /^- :x: patch `0003-x\.patch` \(x: fix\) \*\*not-applied\*\*: does not apply: patch failed: x\.c:3$/m, 'a patch that does not apply is listed first')
  const xml = renderSeriesJunit(notApplied)
  t.match(xml, /tests="5" failures="1" errors="2"/)
  t.match(xml, /<testcase classname="patch 0003-x\.patch" name="x: fix \(not-applied\)" time="0\.000">\n {4}<error message="not-applied: does not apply/)
  t.match(renderSeriesMarkdown({ ...report, proofs: [], counts: { ...report.counts, equivalent: 0, unintended: 0, inconclusive: 0, error: 0 }, exitCode: 0 }), /PASS \(exit 0\)\n\nnothing to prove/)
})
