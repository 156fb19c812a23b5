/**
 * A series report as one self-contained static HTML page (inline CSS and script, no external
 * resources): header, "since the baseline", a filterable patch × function matrix and one detail
 * section per proof (`#proof-<n>`, n = index in `r.proofs`). Pure and deterministic.
 */
import { fnLabel } from './series.js'
import { formatDuration, plural } from './format.js'
import { FINDINGS_FIRST, exitWord } from '../model/outcomes.js'
import type { Difference, NamedValue, ProofReport, ValuePair } from './types.js'
import type { BaselineDiff } from '../series/baseline.js'
import type { SeriesPatchInfo, SeriesProof, SeriesReport } from '../series/types.js'

/** A series report, optionally compared with a previous one. */
export type SeriesHtmlInput = SeriesReport & { readonly baseline?: BaselineDiff }

const VERDICTS = FINDINGS_FIRST
/** The run's exit code in one word; 130: Ctrl-C stopped it. */
const overallWord = (exitCode: number): string | undefined => (exitCode === 130 ? 'INTERRUPTED' : exitWord(exitCode))

/** HTML-escape text and attribute values alike. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
const h = escapeHtml
/** A relative path as an href: each segment percent-encoded. */
const href = (...segments: string[]) => h(segments.join('/').split('/').map(encodeURIComponent).join('/'))
const badge = (v: string) => `<span class="badge v-${h(v)}">${h(v)}</span>`
const code = (s: string) => `<code>${h(s)}</code>`
const list = (items: readonly string[]) => `<ul>${items.map(i => `<li>${i}</li>`).join('')}</ul>`
const table = (head: readonly string[], rows: readonly (readonly string[])[], cls = '') =>
  `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map(c => `<th>${h(c)}</th>`).join('')}</tr></thead>` +
  `<tbody>${rows.map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`
const kv = (rows: readonly (readonly [string, string | undefined])[]) =>
  `<table class="kv"><tbody>${rows.filter(r => r[1] !== undefined).map(([k, v]) => `<tr><th>${h(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`
const section = (title: string, body: string) => (body ? `<h4>${h(title)}</h4>${body}` : '')

const inputsTable = (inputs: readonly NamedValue[]) =>
  inputs.length ? table(['input', 'value'], inputs.map(i => [code(i.name), code(i.value)]), 'inputs') : '<p class="muted">no inputs recorded</p>'
const valuesTable = (values: readonly ValuePair[]) =>
  values.length ? table(['what', 'old', 'new'], values.map(v => [code(v.what), code(v.old), code(v.new)]), 'values') : ''
const counterexample = (inputs: readonly NamedValue[], values: readonly ValuePair[]) =>
  `<div class="cex"><div><h5>counterexample inputs</h5>${inputsTable(inputs)}</div>` +
  (values.length ? `<div><h5>old vs new</h5>${valuesTable(values)}</div>` : '') + '</div>'

const patchKey = (id: number | string | null) => (id === null ? 'base-tip' : `p:${String(id)}`)
const patchLabel = (p: SeriesPatchInfo) => `patch ${p.index + 1}: ${p.title}`

function renderHeader(r: SeriesHtmlInput): string {
  const overall = overallWord(r.exitCode)!
  const cbmc = [...new Set(r.proofs.flatMap(p => (p.report ? [p.report.cbmc.version] : [])))]
  const counts = VERDICTS.map(v => `<li>${badge(v)} <span class="n">${r.counts[v] ?? 0}</span></li>`).join('')
  return `<header><h1>klp-verify series: <span id="overall" class="overall o-${overall.toLowerCase()}">${overall}</span> <small>(exit ${r.exitCode})</small></h1>
<ul class="counts">${counts}</ul>
${kv([
  ['source', `${h(r.source.kind)}: ${code(r.source.description)}`],
  ['tool', `${h(r.tool.name)} ${h(r.tool.version)}`],
  ['cbmc', cbmc.length ? cbmc.map(h).join(', ') : '<span class="muted">no proof ran cbmc</span>'],
  ['proofs', `${r.proofs.length} in ${plural(r.patches.length, 'patch', 'patches')}, ${r.timings.cached} from the cache`],
  ['total time', h(formatDuration(r.timings.totalMs))],
])}</header>`
}

/** A merged run whose shards did not all come: which, and the proofs that did not run. */
function renderMissing(r: SeriesHtmlInput): string {
  if (!r.missing) return ''
  const m = r.missing
  return `
<section id="missing" class="alert"><h2>Missing: ${m.shards.length ? `shard ${m.shards.join(', ')}` : 'part of a shard'} — ${plural(m.proofs.length, 'proof', 'proofs')} did not run</h2>
<p>The verdict is incomplete (exit 2 at best).</p>
${table(['function', 'patch', 'shard', 'old → new'], m.proofs.map(p => [code(fnLabel(p.function)) + (p.affected ? ' (affected)' : ''), h(p.patch === null ? 'base → tip' : String(p.patch)), h(String(p.shard ?? '')), `${code(p.old)} → ${code(p.new)}`]))}</section>`
}

function renderBaseline(d: BaselineDiff): string {
  if (!d.moved.length) return `<section id="baseline"><h2>Since the baseline</h2><p>no verdict moved</p></section>`
  const names = (xs: readonly string[]) => xs.map(code).join(', ')
  return `<section id="baseline"><h2>Since the baseline</h2>
${d.newUnintended.length ? `<p class="alert"><strong>NEW unintended:</strong> ${names(d.newUnintended)}</p>` : ''}
${d.fixed.length ? `<p class="fixed"><strong>no longer unintended:</strong> ${names(d.fixed)}</p>` : ''}
${table(['proof', 'was', 'is now'], d.moved.map(m => [code(m.proof), badge(m.from), badge(m.to)]), 'moved')}</section>`
}

function renderFilters(r: SeriesReport): string {
  const boxes = VERDICTS.map(v =>
    `<label><input type="checkbox" class="verdict-filter" value="${v}" checked> ${badge(v)} (${r.counts[v] ?? 0})</label>`).join(' ')
  return `<div id="filters"><div class="boxes">${boxes}</div>
<label>filter: <input type="search" id="filter-text" placeholder="function or patch"></label>
<span id="counter">showing ${r.proofs.length} of ${r.proofs.length}</span></div>`
}

function renderRow(p: SeriesProof, n: number, search: string): string {
  const flags = [p.affected ? '<span class="flag affected" title="not changed by the patch; calls a changed function">affected</span>' : '',
    p.cached ? '<span class="flag cached" title="result taken from the cache">cached</span>' : ''].join(' ')
  return `<tr class="proof" data-verdict="${p.verdict}" data-search="${h(search.toLowerCase())}">` +
    `<td><a href="#proof-${n}">${h(fnLabel(p.function))}</a></td><td>${badge(p.verdict)}</td><td>${flags}</td>` +
    `<td>${code(p.old)} → ${code(p.new)}</td><td>${h(p.error ?? p.report?.summary ?? '')}</td></tr>`
}

/** A patch's live patch: the functions to replace with their verdicts, the hazards (not accepted ones flagged), files not built. */
function livePatchHtml(pt: SeriesPatchInfo): string {
  const lp = pt.livepatch
  if (!lp) return ''
  const fns = lp.functions.map(f => `${code(f.symbol)} ${h(f.reason)}${f.via?.length ? ` (via ${f.via.map(code).join(', ')})` : ''} ${badge(f.verdict === 'not-proved' ? 'inconclusive' : f.verdict)}${f.verdict === 'not-proved' ? ' not proved' : ''}${f.benign ? ' benign' : ''}`)
  const hazards = lp.hazards.map(x => `<span class="badge ${x.accepted ? 'v-inconclusive' : 'v-unintended'}">${h(x.kind)}</span> ${code(x.symbol)}${x.accepted ? ' (accepted)' : ''}: ${h(x.detail)}`)
  const errors = (lp.errors ?? []).map(e => `${code(e.file)} not built: ${h(e.error)}`)
  return `<div class="files"><strong>live patch:</strong> ${lp.functions.length ? fns.join(' · ') : 'no function to replace'}</div>` +
    [...hazards, ...errors].map(x => `<div class="files">${x}</div>`).join('')
}

function renderMatrix(r: SeriesReport): string {
  const indexed = r.proofs.map((p, n) => ({ p, n }))
  const groups: { key: string; head: string; search: string; rows: typeof indexed }[] = []
  for (const pt of r.patches) {
    const failed = pt.status !== 'applied'
    const extra = [
      pt.files.length ? `files: ${pt.files.map(code).join(', ')}` : '',
      pt.added.length ? `added: ${pt.added.map(f => code(`${f}()`)).join(', ')}` : '',
      pt.removed.length ? `removed: ${pt.removed.map(f => code(`${f}()`)).join(', ')}` : '',
    ].filter(Boolean).join(' · ')
    const head = `<strong>${h(patchLabel(pt))}</strong> <span class="muted">${code(String(pt.id))}</span>` +
      (failed ? ` <span class="badge v-error">${h(pt.status)}</span>` : '') +
      (extra ? `<div class="files">${extra}</div>` : '') +
      (pt.notes ?? []).map(n => `<div class="files"><strong>note:</strong> ${h(n)}</div>`).join('') +
      livePatchHtml(pt) +
      (failed ? `<div class="patch-error" role="alert"><strong>${pt.status === 'not-applied' ? 'patch does not apply' : 'error'}:</strong> <pre>${h(pt.error ?? 'no reason given')}</pre></div>` : '')
    groups.push({ key: patchKey(pt.id), head, search: `${pt.id} ${pt.title}`, rows: [] })
  }
  for (const x of indexed) {
    const key = patchKey(x.p.patch)
    let g = groups.find(g => g.key === key)
    if (!g) {
      const head = x.p.patch === null ? '<strong>base → tip</strong> <span class="muted">every changed file, base vs tip</span>' : `<strong>patch ${h(String(x.p.patch))}</strong>`
      g = { key, head, search: x.p.patch === null ? 'base tip' : String(x.p.patch), rows: [] }
      groups.push(g)
    }
    g.rows.push(x)
  }
  const bodies = groups.map(g =>
    `<tbody class="group" data-search="${h(g.search.toLowerCase())}"><tr class="group-head"><th colspan="5">${g.head}</th></tr>` +
    g.rows.map(({ p, n }) => renderRow(p, n, `${p.function} ${g.search}`)).join('') + '</tbody>')
  return `<table id="matrix"><thead><tr><th>function</th><th>verdict</th><th></th><th>old → new</th><th>summary</th></tr></thead>${bodies.join('\n')}</table>`
}

function renderDifference(d: Difference, k: number): string {
  const confirmed = d.confirmed === undefined ? undefined : h(`${d.confirmed === true ? 'yes' : d.confirmed === false ? 'no' : 'n/a'}${d.confirmation ? ` (${d.confirmation})` : ''}`)
  return `<div class="diff c-${d.classification}"><h5>difference ${k + 1}: ${code(d.observable)} ${badge(d.classification)}</h5>${kv([
    ['classification', h(d.classification)],
    ['kind', h(d.kind)],
    ['claim', d.claim === undefined ? undefined : code(d.claim)],
    ['location', d.location === undefined ? undefined : code(d.location)],
    ['found by run', code(d.run)],
    ['confirmed natively', confirmed],
    ['detail', d.detail === undefined ? undefined : h(d.detail)],
  ])}${counterexample(d.inputs, d.values)}</div>`
}

/** The folder of a run's harness: a re-run for whole traces (`equiv (traces)`) uses its run's folder. */
const folderOf = (run: string) => run.replace(/ \(traces\)$/, '')

function renderReportBody(rep: ProofReport, harness: string | undefined): string {
  const claims = rep.claims.map(c => `<div class="claim"><p>${code(c.id)}: WHEN ${code(c.when)}${c.then ? ` THEN ${code(c.then)}` : ''} ` +
    `(differs: ${h(c.differs.join(', ') || 'nothing')}) — <strong>${c.observed === null ? 'not finished' : c.observed ? 'observed' : 'never observed'}</strong></p>` +
    (c.witness ? counterexample(c.witness.inputs, c.witness.values) : '') + '</div>').join('')
  const findings = rep.preExisting.map(f => `<div class="finding"><p>${badge(f.kind)} in ${code(`${f.function}()`)}${f.location ? ` at ${code(f.location)}` : ''}: ${h(f.description)}</p>${inputsTable(f.inputs)}</div>`).join('')
  const u = rep.unwinding
  const runs = rep.runs.map(x => [code(x.run), badge(x.status), String(x.unwind), h(formatDuration(x.durationMs)),
    `<pre>${h(x.command)}</pre>`, harness ? `<a href="${href(harness, folderOf(x.run))}/">${h(`${harness}/${folderOf(x.run)}/`)}</a>` : ''])
  return [
    section('differences', rep.differences.map(renderDifference).join('')),
    section('pre-existing safety findings (in both versions)', findings),
    section('claims checked', claims),
    section('type changes', rep.typeChanges.length ? list(rep.typeChanges.map(c => `${code(c.type)}: ${h(c.detail)}`)) : ''),
    section('constant changes', rep.constChanges.length ? list(rep.constChanges.map(code)) : ''),
    section('errors', rep.errors.length ? list(rep.errors.map(e => `<pre>${h(e)}</pre>`)) : ''),
    section('hints', rep.hints.length ? list(rep.hints.map(h)) : ''),
    section('bounds', table(['bound', 'value', ''], rep.bounds.map(b => [h(b.what), h(b.value), b.isDefault ? '<span class="muted">default</span>' : 'chosen']))),
    section('unwinding', `<p>${h(u.mode)}, bound ${u.bound}, ${u.complete ? 'complete' : 'incomplete'}${u.openLoops.length ? `; open loops: ${u.openLoops.map(code).join(', ')}` : ''}</p>`),
    section('cbmc runs', rep.runs.length ? table(['run', 'status', 'unwind', 'time', 'command', harness ? 'harness' : ''], runs, 'runs') : '<p class="muted">none</p>'),
    `<p class="muted">cbmc ${h(rep.cbmc.version)}, ${h(rep.cbmc.solver)} · ${h(formatDuration(rep.timings.totalMs))} (cbmc ${h(formatDuration(rep.timings.toolMs))})</p>`,
    `<details><summary>options</summary><pre>${h(JSON.stringify(rep.options, null, 2))}</pre></details>`,
  ].join('\n')
}

function renderDetail(p: SeriesProof, n: number, patches: readonly SeriesPatchInfo[]): string {
  const pt = p.patch === null ? undefined : patches.find(x => String(x.id) === String(p.patch))
  const where = p.patch === null ? 'base → tip' : pt ? patchLabel(pt) : `patch ${p.patch}`
  const flags = [p.affected ? 'affected caller' : '', p.cached ? 'from the cache' : ''].filter(Boolean).join(', ')
  return `<section class="proof-detail" id="proof-${n}"><h3>${badge(p.verdict)} ${code(fnLabel(p.function))} <small>${h(where)}</small></h3>
${kv([
  ['old → new', `${code(p.old)} → ${code(p.new)}`],
  ['summary', p.report ? h(p.report.summary) : undefined],
  ['error', p.error === undefined ? undefined : `<pre class="error">${h(p.error)}</pre>`],
  ['notes', flags ? h(flags) : undefined],
  ['harness', p.harness ? `<a href="${href(p.harness, 'run-cbmc.sh')}">${h(`${p.harness}/run-cbmc.sh`)}</a>` : undefined],
])}
${section('claims used', p.claims.length ? list(p.claims.map(code)) : '<p class="muted">none</p>')}
${p.report ? renderReportBody(p.report, p.harness) : ''}
<p><a href="#matrix">↑ back to the matrix</a></p></section>`
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1em;color:#222}
code,pre{font:12.5px ui-monospace,monospace}pre{white-space:pre-wrap;margin:0;background:#f4f4f4;padding:.3em}
table{border-collapse:collapse;margin:.3em 0}td,th{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
.kv th{background:#fafafa;font-weight:600}.muted{color:#777}[hidden]{display:none!important}
.badge{display:inline-block;padding:0 .45em;border-radius:.7em;font-size:12px;font-weight:600;background:#ddd;color:#222}
.v-equivalent,.v-complete{background:#2e7d32;color:#fff}.v-as-claimed,.v-intended{background:#00897b;color:#fff}
.v-unintended,.v-found{background:#c62828;color:#fff}.v-claim-unobserved{background:#ef6c00;color:#fff}
.v-inconclusive,.v-bound-too-small,.v-timeout{background:#f9a825}.v-error{background:#6a1b9a;color:#fff}
.overall{padding:0 .3em;border-radius:.2em;color:#fff}.o-pass{background:#2e7d32}.o-fail{background:#c62828}.o-inconclusive{background:#f9a825;color:#222}.o-error{background:#6a1b9a}.o-interrupted{background:#6a1b9a}
.counts{list-style:none;padding:0;display:flex;gap:1em}.flag{font-size:12px;border:1px solid #999;border-radius:.3em;padding:0 .3em}
#filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ccc;display:flex;flex-wrap:wrap;gap:1em;align-items:center}
.group-head th{background:#eef2f7}.files{font-weight:normal}.patch-error{background:#fde0e0;border:2px solid #c62828;padding:.4em;margin-top:.3em}
.alert{background:#fde0e0;padding:.4em}.fixed{background:#e3f4e4;padding:.4em}
.proof-detail{border-top:2px solid #ccc;margin-top:1.5em}.proof-detail:target{background:#fffbe6}
.cex{display:flex;gap:1.5em;flex-wrap:wrap}.diff{border-left:4px solid #00897b;padding-left:.6em;margin:.6em 0}.diff.c-unintended{border-color:#c62828}
.values td:nth-child(2){background:#fff0f0}.values td:nth-child(3){background:#f0fff0}`

const SCRIPT = `(function(){
var rows=[].slice.call(document.querySelectorAll('tr.proof')),groups=[].slice.call(document.querySelectorAll('tbody.group'));
var boxes=[].slice.call(document.querySelectorAll('input.verdict-filter')),text=document.getElementById('filter-text'),counter=document.getElementById('counter');
function apply(){var on={},q=text.value.trim().toLowerCase(),n=0;
boxes.forEach(function(b){if(b.checked)on[b.value]=true});
rows.forEach(function(r){var show=!!on[r.getAttribute('data-verdict')]&&r.getAttribute('data-search').indexOf(q)>=0;r.hidden=!show;if(show)n++});
groups.forEach(function(g){var all=g.querySelectorAll('tr.proof').length,vis=g.querySelectorAll('tr.proof:not([hidden])').length;
g.hidden=all?vis===0:g.getAttribute('data-search').indexOf(q)<0});
counter.textContent='showing '+n+' of '+rows.length}
boxes.forEach(function(b){b.addEventListener('change',apply)});text.addEventListener('input',apply);apply()})();`

/** Render a series report (with an optional baseline comparison) as one static HTML page. */
export function renderSeriesHtml(r: SeriesHtmlInput): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>klp-verify series: ${overallWord(r.exitCode)} · ${h(r.source.description)}</title>
<style>${STYLE}</style></head><body>
${renderHeader(r)}
${r.baseline ? renderBaseline(r.baseline) : ''}${renderMissing(r)}
<section id="proofs"><h2>Proofs</h2>
${renderFilters(r)}
${renderMatrix(r)}</section>
<section id="details"><h2>Details</h2>
${r.proofs.map((p, n) => renderDetail(p, n, r.patches)).join('\n')}</section>
<script>${SCRIPT}</script>
</body></html>
`
}
