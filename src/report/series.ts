/** Reports of a series: JUnit (one test case per function proof) and a Markdown summary. */
import { escapeAttr, escapeText } from './junit.js'
import { renderText } from './text.js'
import type { SeriesReport } from '../series/types.js'
import { VERDICT_OUTCOME, VERDICT_STATUSES, compareVerdicts, type Outcome } from '../model/outcomes.js'
import type { BaselineDiff } from '../series/baseline.js'

function baselineMarkdown(d: BaselineDiff, cell: (s: string) => string): string[] {
  if (!d.moved.length) return ['**Since the baseline:** no verdict moved.', '']
  return [
    '**Since the baseline:**',
    '',
    ...(d.newUnintended.length ? [`- :warning: **new unintended:** ${d.newUnintended.map(p => `\`${cell(p)}\``).join(', ')}`] : []),
    ...(d.fixed.length ? [`- no longer unintended: ${d.fixed.map(p => `\`${cell(p)}\``).join(', ')}`] : []),
    ...d.moved.map(m => `- \`${cell(m.proof)}\`: ${m.from} → ${m.to}`),
    '',
  ]
}


/** Why a planned proof of a merged run did not run: its shard's report was missing, or that shard stopped early. */
const missingWhy = (shard: number | undefined): string => (shard === undefined ? 'its shard did not finish' : `shard ${shard}'s report is missing or that shard stopped early`)

/** The missing part of a merged run, as text lines (`indent` before each). */
function missingLines(r: SeriesReport, indent: string): string[] {
  const m = r.missing
  if (!m) return []
  const total = m.proofs.length
  return [
    `${indent}MISSING: ${m.shards.length ? `shard${m.shards.length > 1 ? 's' : ''} ${m.shards.join(', ')}` : 'part of a shard'} — ${total} proof${total === 1 ? '' : 's'} did not run, the verdict is incomplete`,
    ...m.proofs.map(p => `${indent}  NOT RUN  ${fnLabel(p.function)} ${p.patch === null ? 'base → tip' : `patch ${p.patch}`}${p.affected ? ' (affected)' : ''}${p.shard ? ` (shard ${p.shard})` : ''}`),
  ]
}

function worstFirst(proofs: SeriesReport['proofs']): SeriesReport['proofs'][number][] {
  return [...proofs].sort((a, b) => compareVerdicts(a.verdict, b.verdict) || a.function.localeCompare(b.function))
}

/** `3 unintended, 2 equivalent`: the verdicts that occur, worst first. */
function countsText(r: SeriesReport, sep: string): string {
  return VERDICT_STATUSES.filter(v => r.counts[v]).map(v => `${r.counts[v]} ${v}`).join(sep) || 'nothing to prove'
}

/** `f()` for a function; an entry that stands for a whole file (`(base → tip: x.c)`) as it is. */
export const fnLabel = (fn: string): string => (fn.startsWith('(') ? fn : `${fn}()`)

/** JUnit: unintended/claim-unobserved fail, error errors, inconclusive is skipped with its reason. */
export function renderSeriesJunit(r: SeriesReport): string {
  const count = (o: Outcome) => r.proofs.filter(p => VERDICT_OUTCOME[p.verdict] === o).length
  const broken = [
    ...r.patches.filter(p => p.status !== 'applied'),
    // an interrupted run is no green build: the proofs it did not get to are an error of their own
    ...(r.interrupted ? [{ id: 'run', title: 'the series', status: 'interrupted', error: 'interrupted (Ctrl-C): the proofs not started are missing' }] : []),
  ]
  const notRun = r.missing?.proofs ?? []
  const hazardous = r.patches.filter(p => p.livepatch?.hazards.some(h => !h.accepted))
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="klp-verify series" tests="${r.proofs.length + broken.length + notRun.length + hazardous.length}" failures="${count('fail') + hazardous.length}" errors="${count('error') + broken.length}" skipped="${count('skip') + notRun.length}" time="${(r.timings.totalMs / 1000).toFixed(3)}">`,
  ]
  // a patch that does not apply proves nothing: it is an error of its own
  for (const p of broken) {
    out.push(`  <testcase classname="${escapeAttr(`patch ${p.id}`)}" name="${escapeAttr(`${p.title} (${p.status})`)}" time="0.000">`, `    <error message="${escapeAttr(`${p.status}: ${p.error ?? ''}`)}">${escapeText(p.error ?? '')}</error>`, '  </testcase>')
  }
  for (const p of r.proofs) {
    // the name stays the same from night to night (CI history): cached or not is not part of it
    const name = `${p.function}${p.affected ? ' (affected)' : ''}`
    const cls = `patch ${p.patch ?? 'base-tip'}: ${p.old} → ${p.new}`
    const time = ((p.report?.timings.totalMs ?? 0) / 1000).toFixed(3)
    const body = p.report ? renderText(p.report) : (p.error ?? '')
    const head = `  <testcase classname="${escapeAttr(cls)}" name="${escapeAttr(name)}" time="${time}">`
    const outcome = VERDICT_OUTCOME[p.verdict]
    if (outcome === 'fail') out.push(head, `    <failure message="${escapeAttr(`${p.verdict}: ${p.report?.summary ?? ''}`)}">${escapeText(body)}</failure>`, '  </testcase>')
    else if (outcome === 'error') out.push(head, `    <error message="${escapeAttr(p.error ?? p.report?.summary ?? 'error')}">${escapeText(body)}</error>`, '  </testcase>')
    else if (outcome === 'skip') out.push(head, `    <skipped message="${escapeAttr(`inconclusive: ${p.report?.reason ?? 'unknown'}`)}"/>`, '  </testcase>')
    else out.push(`${head}</testcase>`)
  }
  // a live patch hazard fails the patch, as it raises the exit code
  for (const p of hazardous) {
    const open = p.livepatch!.hazards.filter(h => !h.accepted)
    out.push(`  <testcase classname="${escapeAttr(`patch ${p.id}`)}" name="${escapeAttr(`${p.title} (live patch)`)}" time="${((p.livepatch!.durationMs) / 1000).toFixed(3)}">`,
      `    <failure message="${escapeAttr(`${open.length} live patch hazard${open.length === 1 ? '' : 's'}: ${open.map(h => `${h.kind} ${h.symbol}`).join(', ')}`)}">${escapeText(open.map(h => `${h.kind} ${h.symbol} (${h.severity}): ${h.detail}`).join('\n'))}</failure>`, '  </testcase>')
  }
  // a merged run whose shards did not all come: the proofs they owned did not run (inconclusive, exit 2)
  for (const p of notRun) {
    out.push(`  <testcase classname="${escapeAttr(`patch ${p.patch ?? 'base-tip'}: ${p.old} → ${p.new}`)}" name="${escapeAttr(`${p.function}${p.affected ? ' (affected)' : ''}`)}" time="0.000">`,
      `    <skipped message="${escapeAttr(`not run: ${missingWhy(p.shard)}`)}"/>`, '  </testcase>')
  }
  out.push('</testsuite>')
  return out.join('\n') + '\n'
}

/** A pull-request comment: what moved since the baseline (if given), counts, then one row per proof, worst first. */
export function renderSeriesMarkdown(r: SeriesReport & { readonly baseline?: BaselineDiff }): string {
  const rows = worstFirst(r.proofs)
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  const lines = [
    `### klp-verify series: ${r.exitCode === 0 ? 'PASS' : r.exitCode === 2 ? (r.missing ? 'INCOMPLETE' : 'INCONCLUSIVE') : r.exitCode === 130 ? 'INTERRUPTED' : 'FAIL'} (exit ${r.exitCode})`,
    '',
    countsText(r, ' · '),
    '',
    ...(r.baseline ? baselineMarkdown(r.baseline, cell) : []),
    ...r.patches.filter(p => p.status !== 'applied').map(p => `- :x: patch \`${p.id}\` (${cell(p.title)}) **${p.status}**: ${cell(p.error ?? '')}`),
    ...(r.missing ? [...missingLines(r, '').map((l, i) => (i === 0 ? `- :warning: **${cell(l)}**` : `  - ${cell(l.trim())}`)), ''] : []),
    ...(r.patches.some(p => p.status !== 'applied') ? [''] : []),
    '| verdict | function | patch | summary |',
    '| --- | --- | --- | --- |',
    ...rows.map(p => `| **${p.verdict}** | \`${fnLabel(p.function)}\`${p.affected ? ' (affected)' : ''}${p.cached ? ' (cached)' : ''} | ${p.patch ?? 'base→tip'} | ${cell(p.error ?? p.report?.summary ?? '')} |`),
    ...(r.patches.some(p => p.livepatch) ? ['', '```', ...livePatchLines(r, ''), '```'] : []),
  ]
  return lines.join('\n') + '\n'
}


/** Each patch's live patch as lines (functions to replace with their verdicts, hazards, files not built), `indent` before each. */
export function livePatchLines(r: SeriesReport, indent: string): string[] {
  const out: string[] = []
  for (const p of r.patches) {
    const lp = p.livepatch
    if (!lp) continue
    const open = lp.hazards.filter(h => !h.accepted).length
    out.push(`${indent}live patch of patch ${p.id}: ${lp.functions.length} function${lp.functions.length === 1 ? '' : 's'} to replace, ${lp.hazards.length ? `${lp.hazards.length} hazard${lp.hazards.length === 1 ? '' : 's'}${open < lp.hazards.length ? ` (${lp.hazards.length - open} accepted)` : ''}` : 'no hazards'}`)
    for (const f of lp.functions) {
      out.push(`${indent}  ${f.symbol.padEnd(28)} ${f.reason}${f.via?.length ? ` (via ${f.via.join(', ')})` : ''}  ${f.verdict}${f.benign ? ' (benign)' : ''}${f.note && !f.benign ? ` — ${f.note}` : ''}  ${f.file}`)
    }
    for (const h of lp.hazards) out.push(`${indent}  HAZARD ${h.kind} ${h.symbol} (${h.severity})${h.accepted ? ' accepted' : ''}: ${h.detail}  ${h.file}`)
    for (const e of lp.errors ?? []) out.push(`${indent}  NOT BUILT ${e.file}: ${e.error}`)
  }
  return out
}

/** A short text summary: patches that did not apply, then one line per proof, worst first. */
export function renderSeriesText(r: SeriesReport): string {
  const rows = worstFirst(r.proofs)
  const cached = r.timings.cached ? ` · ${r.timings.cached} cached` : ''
  const lines = [`klp-verify series: ${r.proofs.length} proofs · ${countsText(r, ', ')}${cached} · exit ${r.exitCode}`]
  if (r.interrupted) lines.push('  INTERRUPTED: proofs not started are missing; finished ones are cached, run again to resume')
  lines.push(...missingLines(r, '  '))
  for (const p of r.patches) if (p.status !== 'applied') lines.push(`  ${p.status === 'not-applied' ? 'NOT APPLIED' : 'ERROR'}       patch ${p.id} (${p.title}): ${p.error ?? ''}`)
  for (const p of r.patches) for (const n of p.notes ?? []) lines.push(`  NOTE              patch ${p.id}: ${n}`)
  for (const p of rows) {
    const why = p.error ?? p.report?.summary ?? ''
    lines.push(`  ${p.verdict.toUpperCase().padEnd(17)} ${fnLabel(p.function).padEnd(28)} ${p.patch === null ? 'base → tip' : `patch ${p.patch}`}${p.affected ? ' (affected)' : ''}${p.cached ? ' (cached)' : ''}  ${why}`)
  }
  for (const l of r.patches) {
    if (l.added.length || l.removed.length) lines.push(`  patch ${l.id}: added ${l.added.join(', ') || 'none'}; removed ${l.removed.join(', ') || 'none'} (listed, not compared)`)
  }
  lines.push(...livePatchLines(r, '  '))
  return lines.join('\n') + '\n'
}
