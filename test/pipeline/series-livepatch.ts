import t from 'tap'
import { joinSeriesLivePatch, type FileObjects } from '../../src/pipeline/series-livepatch.js'
import type { ObjectOutcome } from '../../src/pipeline/livepatch-join.js'
import type { LivePatchFunction } from '../../src/object/index.js'
import type { SeriesProof } from '../../src/series/types.js'
import { renderSeriesJunit, renderSeriesMarkdown, renderSeriesText } from '../../src/report/series.js'
import { renderSeriesHtml } from '../../src/report/series-html.js'
import type { SeriesLivePatch, SeriesReport } from '../../src/series/types.js'

const fn = (symbol: string, reason: LivePatchFunction['reason'], via?: string[]): LivePatchFunction =>
  ({ symbol, function: symbol.split('.')[0]!, reason, ...(via ? { via } : {}) })
const proof = (fnName: string, file: string, verdict: SeriesProof['verdict'], extra: Partial<SeriesProof> = {}): SeriesProof =>
  ({ function: fnName, old: file.replace('new', 'old'), new: file, patch: 0, affected: false, verdict, claims: [], cached: false, report: null, ...extra })
const outcome = (functions: LivePatchFunction[], hazards: NonNullable<ObjectOutcome['diff']>['hazards'] = []): ObjectOutcome =>
  ({ cflags: ['-O2'], diff: { functions, hazards } as unknown as NonNullable<ObjectOutcome['diff']>, durationMs: 40 })
/** A hazard not accepted: what fails the patch (series.ts) */
const open = (lp: SeriesLivePatch) => lp.hazards.some(h => !h.accepted)
const dataHazard = { kind: 'data-changed' as const, symbol: 'max_retries', severity: 'error' as const, detail: 'initial value 3 → 5' }

t.test('each function whose object changed gets the proof of it in that file, or why there is none', async t => {
  const files: FileObjects[] = [
    { file: 'a/new.c', outcome: outcome([fn('rx', 'inlined-callee-changed', ['scale']), fn('scale.constprop.0', 'ipa-clone'), fn('fresh', 'new'), fn('quiet', 'codegen-only'), fn('lost', 'source-changed')]), accept: [] },
    { file: 'b/new.c', outcome: outcome([fn('rx', 'source-changed')]), accept: [] },
  ]
  const proofs = [
    proof('rx', 'a/new.c', 'equivalent'), proof('scale', 'a/new.c', 'unintended'), proof('quiet', 'a/new.c', 'equivalent'),
    proof('rx', 'b/new.c', 'error', { error: 'cannot preprocess' }),
  ]
  const livepatch = joinSeriesLivePatch(files, proofs)
  t.same(livepatch.functions.map(f => [f.file, f.symbol, f.verdict]), [
    ['a/new.c', 'rx', 'equivalent'], ['a/new.c', 'scale.constprop.0', 'unintended'], ['a/new.c', 'fresh', 'not-proved'],
    ['a/new.c', 'quiet', 'equivalent'], ['a/new.c', 'lost', 'not-proved'], ['b/new.c', 'rx', 'error'],
  ], 'a proof of the same name in another file is not this one\'s')
  t.same(livepatch.functions[0]!.via, ['scale'])
  t.match(livepatch.functions[2]!.note, /^a new function/)
  t.equal(livepatch.functions[3]!.benign, true, 'codegen-only and equivalent: benign')
  t.match(livepatch.functions[4]!.note, /planned no proof of lost\(\)/)
  t.match(livepatch.functions[5]!.note, /its proof failed: cannot preprocess/)
  t.equal(open(livepatch), false)
  t.equal(livepatch.durationMs, 80)
  t.notOk('errors' in livepatch)
})

t.test('a proof that ran and failed: the note is its first error, not "see the proof"', async t => {
  const files: FileObjects[] = [{ file: 'a/new.c', outcome: outcome([fn('rx', 'source-changed'), fn('tx', 'source-changed')]), accept: [] }]
  const report = (errors: string[]) => ({ summary: 'cbmc could not check this proof', errors }) as unknown as SeriesProof['report']
  const lp = joinSeriesLivePatch(files, [
    proof('rx', 'a/new.c', 'error', { report: report(['equiv: cbmc reported no results (exit 6): too many addressed objects']) }),
    proof('tx', 'a/new.c', 'error', { report: report([]) }),
  ])
  t.same(lp.functions.map(f => f.note), [
    'its proof failed: equiv: cbmc reported no results (exit 6): too many addressed objects',
    'its proof failed: cbmc could not check this proof',
  ])
})

t.test('hazards: listed per file, accepted ones marked; one not accepted fails the patch; a file not built is listed', async t => {
  const built = { file: 'a/new.c', outcome: outcome([], [dataHazard]), accept: [] as string[] }
  t.equal(open(joinSeriesLivePatch([built], [])), true)
  const accepted = joinSeriesLivePatch([{ ...built, accept: ['data-changed:max_retries'] }], [])
  t.equal(open(accepted), false)
  t.same(accepted.hazards, [{ file: 'a/new.c', ...dataHazard, accepted: true }])
  const failed = joinSeriesLivePatch([{ file: 'c/new.c', outcome: { cflags: [], error: 'gcc failed: x.c:1: error', durationMs: 5 }, accept: [] }], [])
  t.same(failed.errors, [{ file: 'c/new.c', error: 'gcc failed: x.c:1: error' }])
  t.same(failed.functions, [])
})

t.test('reports: the live patch of each patch in text and Markdown; a hazard is a failing JUnit case', async t => {
  const livepatch = joinSeriesLivePatch([
    { file: 'a/new.c', outcome: outcome([fn('rx', 'inlined-callee-changed', ['scale'])], [dataHazard]), accept: [] },
    { file: 'c/new.c', outcome: { cflags: [], error: 'gcc failed', durationMs: 5 }, accept: [] },
  ], [proof('rx', 'a/new.c', 'equivalent')])
  const r: SeriesReport = {
    schemaVersion: 1, kind: 'series', tool: { name: 'klp-verify', version: '0.1.0' }, source: { kind: 'manifest', description: 'm.yaml' },
    patches: [{ id: 0, index: 0, title: 'a', status: 'applied', files: ['a/new.c'], added: [], removed: [], livepatch }],
    proofs: [proof('rx', 'a/new.c', 'equivalent')],
    counts: { equivalent: 1, 'as-claimed': 0, unintended: 0, 'claim-unobserved': 0, inconclusive: 0, error: 0 },
    exitCode: 1, timings: { totalMs: 10, cached: 0 },
  }
  const text = renderSeriesText(r)
  t.match(text, /^ {2}live patch of patch 0: 1 function to replace, 1 hazard$/m)
  t.match(text, /^ {4}rx +inlined-callee-changed \(via scale\) {2}equivalent {2}a\/new\.c$/m)
  t.match(text, /^ {4}HAZARD data-changed max_retries \(error\): initial value 3 → 5 {2}a\/new\.c$/m)
  t.match(text, /^ {4}NOT BUILT c\/new\.c: gcc failed$/m)
  t.match(renderSeriesMarkdown(r), /```\nlive patch of patch 0: 1 function to replace, 1 hazard\n/)
  const xml = renderSeriesJunit(r)
  t.match(xml, /tests="2" failures="1"/)
  t.match(xml, /<testcase classname="patch 0" name="a \(live patch\)" time="0\.045">\n {4}<failure message="1 live patch hazard: data-changed max_retries">/)
  const html = renderSeriesHtml(r)
  t.match(html, /<strong>live patch:<\/strong> <code>rx<\/code> inlined-callee-changed \(via <code>scale<\/code>\) <span class="badge v-equivalent">equivalent<\/span>/)
  t.match(html, /<span class="badge v-unintended">data-changed<\/span> <code>max_retries<\/code>: initial value 3 → 5/)
  t.match(html, /<code>c\/new\.c<\/code> not built: gcc failed/)
  const ok = { ...r, patches: [{ ...r.patches[0]!, livepatch: { ...livepatch, hazards: [{ ...livepatch.hazards[0]!, accepted: true }] } }] }
  t.match(renderSeriesText(ok), /1 hazard \(1 accepted\)/)
  t.match(renderSeriesJunit(ok), /tests="1" failures="0"/, 'an accepted hazard fails nothing')
})
