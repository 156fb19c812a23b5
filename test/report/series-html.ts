import t from 'tap'
import { escapeHtml, renderSeriesHtml } from '../../src/report/series-html.js'
import { baseline, seriesReport, seriesWithBaseline } from '../fixtures/series-report.js'

const html = renderSeriesHtml(seriesWithBaseline)
const between = (s: string, from: string, to: string) => s.slice(s.indexOf(from), s.indexOf(to, s.indexOf(from)))

t.test('snapshot of the fixture', async t => {
  t.matchSnapshot(html)
})

t.test('self-contained and deterministic', async t => {
  t.ok(html.startsWith('<!DOCTYPE html>'))
  t.notMatch(html, /\b(src|href)="(https?:)?\/\//, 'no external resources')
  t.notMatch(html, /<link rel="stylesheet"|<script src=/)
  t.equal(renderSeriesHtml(seriesWithBaseline), html, 'same input, same bytes')
})

t.test('escapes every text: C operators never reach the markup raw', async t => {
  t.equal(escapeHtml(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;')
  t.match(html, '<code>m-&gt;len &lt; MSG_PAYLOAD</code>', 'a value pair with < and ->')
  t.notMatch(html, 'm->len < MSG_PAYLOAD')
  t.match(html, 'net/msg: add a &lt;crc32&gt; checksum &amp; count errors', 'patch title')
  t.match(html, 'cannot preprocess net/msg.c: &lt;linux/skbuff.h&gt; not found &amp; no -I given', 'proof error')
  t.notMatch(html, '<crc32>')
  t.notMatch(html, '<linux/skbuff.h>')
})

t.test('header: overall result, counts, source, versions, time and cache', async t => {
  const header = between(html, '<header>', '</header>')
  t.match(header, '<span id="overall" class="overall o-error">ERROR</span> <small>(exit 3)</small>')
  t.match(header, /v-unintended">unintended<\/span> <span class="n">2<\/span>/)
  t.match(header, /v-equivalent">equivalent<\/span> <span class="n">2<\/span>/)
  t.match(header, 'git: <code>linux base..c0ffee123456</code>')
  t.match(header, 'klp-verify 0.1.0')
  t.match(header, '6.6.0 (cbmc-6.6.0)')
  t.match(header, '8 in 4 patches, 3 from the cache')
  t.match(header, '6 min 52 s')
  for (const [code, word] of [[0, 'PASS'], [1, 'FAIL'], [2, 'INCONCLUSIVE']] as const)
    t.match(renderSeriesHtml({ ...seriesReport, exitCode: code }), `class="overall o-${word.toLowerCase()}">${word}</span>`)
})

t.test('baseline: shown first when present, absent otherwise', async t => {
  const section = between(html, '<section id="baseline">', '</section>')
  t.match(section, 'NEW unintended:</strong> <code>msg_fill() in c0ffee123456:net/msg.c</code>')
  t.match(section, 'no longer unintended:</strong> <code>msg_send() in a1b2c3d4e5f6:net/msg.c</code>')
  t.equal((section.match(/<tr>/g) ?? []).length, baseline.moved.length + 1, 'one row per moved verdict + header')
  t.ok(html.indexOf('id="baseline"') < html.indexOf('id="matrix"'), 'before the matrix')
  t.notMatch(renderSeriesHtml(seriesReport), 'id="baseline"')
  t.match(renderSeriesHtml({ ...seriesReport, baseline: { newUnintended: [], fixed: [], moved: [] } }), 'no verdict moved')
})

t.test('matrix: one row and one detail anchor per proof, grouped by patch in order', async t => {
  const n = seriesReport.proofs.length
  t.equal((html.match(/<tr class="proof" /g) ?? []).length, n)
  t.match(html, `<span id="counter">showing ${n} of ${n}</span>`)
  seriesReport.proofs.forEach((p, i) => {
    t.match(html, `<a href="#proof-${i}">${p.function}()</a>`, `row ${i} links its detail`)
    t.match(html, `<section class="proof-detail" id="proof-${i}">`, `detail ${i}`)
  })
  const heads = [...html.matchAll(/<tr class="group-head"><th colspan="5"><strong>([^<]+)<\/strong>/g)].map(m => m[1])
  t.same(heads, [
    'patch 1: net/msg: reject payloads longer than MSG_PAYLOAD',
    'patch 2: net/msg: add a &lt;crc32&gt; checksum &amp; count errors',
    'patch 3: 0003-msg-fix-off-by-one.patch',
    'patch 4: net/msg: tighten the bounds check',
    'base → tip',
  ])
  const p2 = between(html, 'patch 2: net/msg', '</tbody>')
  t.match(p2, 'added: <code>msg_crc()</code>')
  t.match(p2, 'removed: <code>msg_legacy_sum()</code>')
  t.match(p2, 'data-verdict="claim-unobserved"')
  t.match(between(html, 'patch 1: net/msg', '</tbody>'), /msg_send\(\)<\/a><\/td><td>[^]*?class="flag affected"[^]*?class="flag cached"/)
})

t.test('a patch that does not apply shows its error prominently', async t => {
  const group = between(html, 'patch 3: 0003-msg-fix-off-by-one.patch', '</tbody>')
  t.match(group, '<span class="badge v-error">not-applied</span>')
  t.match(group, '<div class="patch-error" role="alert"><strong>patch does not apply:</strong>')
  t.match(group, 'hunk #1 FAILED at 19 (expected `if (len &gt; MSG_PAYLOAD &amp;&amp; m-&gt;type &lt; 3)`)')
  t.notMatch(group, 'class="proof"', 'no proofs for it')
})

t.test('detail: differences with inputs and old/new, findings, runs and harness links', async t => {
  const d = between(html, 'id="proof-4"', '</section>')
  t.match(d, 'claims used</h4><ul><li><code>len &gt; MSG_PAYLOAD =&gt; ret == -EINVAL</code></li></ul>')
  t.match(d, /difference 1: <code>return<\/code> <span class="badge v-unintended">/)
  t.match(d, '<tr><th>confirmed natively</th><td>yes (gcc-built replay returned 0 (old) and -22 (new))</td></tr>')
  t.match(d, '<tr><td><code>len</code></td><td><code>8</code></td></tr>', 'counterexample input')
  t.match(d, '<tr><td><code>return</code></td><td><code>0</code></td><td><code>-22 (-EINVAL)</code></td></tr>', 'old vs new')
  t.match(d, '<tr><th>location</th><td><code>new.c:19</code></td></tr>')
  t.match(d, 'pre-existing safety findings')
  t.match(d, 'arithmetic overflow on signed + in len + hdr-&gt;off &lt; MSG_PAYLOAD &amp;&amp; m-&gt;type != 0')
  t.match(d, '<a href="harnesses/5-msg_fill/run-cbmc.sh">')
  t.match(d, '<a href="harnesses/5-msg_fill/equiv/">harnesses/5-msg_fill/equiv/</a>', 'a re-run for traces links its run\'s folder')
  t.match(d, '<pre>cd equiv &amp;&amp; cbmc --unwinding-assertions --function klp_harness --unwind 16 --json-ui harness.c</pre>')
  t.match(d, '<span class="badge v-found">found</span>')
  const inc = between(html, 'id="proof-2"', '</section>')
  t.match(inc, 'bound 8 was too small for the loop at new.c:12; try --unwind 16')
  t.match(inc, 'fixed, bound 8, incomplete; open loops: <code>klp_new_msg_fill.0 (new.c:12)</code>')
  t.notMatch(inc, 'run-cbmc.sh', 'no harness kept, no link')
  const err = between(html, 'id="proof-5"', '</section>')
  t.match(err, '<pre class="error">cannot preprocess')
  t.notMatch(err, 'cbmc runs')
})

t.test('notes on what a patch\'s analysis left out are shown with the patch', async t => {
  const withNote = { ...seriesReport, patches: seriesReport.patches.map((p, i) => (i === 0 ? { ...p, notes: ['common.h changed and 40 .c files include it: <only> these'] } : p)) }
  const html = renderSeriesHtml(withNote)
  t.match(html, /<strong>note:<\/strong> common\.h changed and 40 \.c files include it: &lt;only&gt; these/)
  t.notMatch(renderSeriesHtml(seriesReport), /<strong>note:<\/strong>/)
})

t.test('a merged run with a missing shard: a section naming the shard and every proof that did not run', async t => {
  t.notMatch(html, /id="missing"/, 'absent when nothing is missing')
  const page = renderSeriesHtml({ ...seriesReport, exitCode: 2, missing: { shards: [3], proofs: [{ id: 'x', function: 'gone<1>', old: 'a.c', new: 'b.c', patch: null, affected: true, shard: 3 }] } })
  const sec = between(page, '<section id="missing"', '</section>')
  t.match(sec, /Missing: shard 3 — 1 proof did not run/)
  t.match(sec, /<code>gone&lt;1&gt;\(\)<\/code> \(affected\)/)
  t.match(sec, /base → tip/)
  t.ok(page.indexOf('id="missing"') < page.indexOf('id="proofs"'), 'before the proofs')
})
