import t from 'tap'
import { renderSeriesJunit, renderSeriesMarkdown, renderSeriesText } from '../../src/report/series.js'
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

const textReport: SeriesReport = {
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
  const text = renderSeriesText(textReport)
  t.match(text, /^klp-verify series: 2 proofs · 1 unintended, 1 equivalent · 1 cached · exit 3\n/)
  t.match(text, /\n {2}INTERRUPTED: /)
  t.match(text, /\n {2}NOT APPLIED {7}patch 0002-b\.patch \(b: fix\): does not apply: patch failed: b\.c:3\n/)
  const rows = text.split('\n').filter(l => /^ {2}(UNINTENDED|EQUIVALENT)/.test(l))
  t.match(rows[0], /^ {2}UNINTENDED +h\(\) +base → tip \(affected\) /)
  t.match(rows[1], /^ {2}EQUIVALENT +a\(\) +patch 0001-a\.patch \(cached\) /)
  t.match(text, /patch 0001-a\.patch: added a_new; removed none \(listed, not compared\)/)
})


t.test('an interrupted run never reads as a pass', async t => {
  const cut = { ...report, proofs: [], counts: { ...report.counts, equivalent: 0, unintended: 0, inconclusive: 0, error: 0 }, exitCode: 130 as const, interrupted: true }
  t.match(renderSeriesMarkdown(cut), /^### klp-verify series: INTERRUPTED \(exit 130\)/)
  t.match(renderSeriesJunit(cut), /<testcase classname="patch run" name="the series \(interrupted\)" time="0\.000">\n {4}<error message="interrupted: interrupted \(Ctrl-C\)/)
  t.match(renderSeriesJunit(cut), /errors="1"/)
})

t.test('the Markdown comment shows what moved since the baseline first', async t => {
  const md = renderSeriesMarkdown({ ...report, baseline: { newUnintended: ['bad() in a/new.c'], fixed: [], moved: [{ proof: 'bad() in a/new.c', from: 'equivalent', to: 'unintended' }] } })
  t.match(md, /\*\*Since the baseline:\*\*\n\n- :warning: \*\*new unintended:\*\* `bad\(\) in a\/new\.c`\n- `bad\(\) in a\/new\.c`: equivalent → unintended\n\n\| verdict/)
  t.match(renderSeriesMarkdown({ ...report, baseline: { newUnintended: [], fixed: [], moved: [] } }), /\*\*Since the baseline:\*\* no verdict moved\./)
})

t.test('a function reads f(); an entry for a whole file as it is', async t => {
  const { fnLabel } = await import('../../src/report/series.js')
  t.equal(fnLabel('msg_fill'), 'msg_fill()')
  t.equal(fnLabel('(base → tip: drv/a.c)'), '(base → tip: drv/a.c)')
})

t.test('a merged run with a missing shard names it and its proofs in every format', async t => {
  const missing: SeriesReport = {
    ...report, proofs: report.proofs.slice(0, 1), exitCode: 2,
    counts: { equivalent: 1, 'as-claimed': 0, unintended: 0, 'claim-unobserved': 0, inconclusive: 0, error: 0 },
    missing: { shards: [2], proofs: [{ id: 'x1', function: 'gone', old: 'a/old.c', new: 'a/new.c', patch: 1, affected: true, shard: 2 }, { id: 'x2', function: 'lost', old: 'a/old.c', new: 'a/new.c', patch: null, affected: false, shard: 2 }] },
  }
  const text = renderSeriesText(missing)
  t.match(text, /MISSING: shard 2 — 2 proofs did not run, the verdict is incomplete/)
  t.match(text, /NOT RUN  gone\(\) patch 1 \(affected\) \(shard 2\)/)
  t.match(text, /NOT RUN  lost\(\) base → tip \(shard 2\)/)
  const md = renderSeriesMarkdown(missing)
  t.match(md, /^### klp-verify series: INCOMPLETE \(exit 2\)/)
  t.match(md, /- :warning: \*\*MISSING: shard 2 — 2 proofs did not run/)
  t.match(md, /  - NOT RUN  gone\(\) patch 1/)
  const xml = renderSeriesJunit(missing)
  t.match(xml, /tests="3" failures="0" errors="0" skipped="2"/)
  t.match(xml, /<testcase classname="patch 1: a\/old\.c → a\/new\.c" name="gone \(affected\)" time="0\.000">\n    <skipped message="not run: shard 2&apos;s report is missing or that shard stopped early"\/>/)
  t.match(xml, /classname="patch base-tip: a\/old\.c → a\/new\.c" name="lost"/)
  const partial = renderSeriesText({ ...missing, missing: { shards: [], proofs: [{ ...missing.missing!.proofs[0]!, shard: undefined }] } })
  t.match(partial, /MISSING: part of a shard — 1 proof did not run/)
  t.match(renderSeriesJunit({ ...missing, missing: { shards: [], proofs: [{ ...missing.missing!.proofs[0]!, shard: undefined }] } }), /not run: its shard did not finish/)
  t.notMatch(renderSeriesText(report), /MISSING/, 'a whole run has nothing missing')
})
