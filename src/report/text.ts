/** The terminal report: a reviewer's summary, verdict first. */
import { alignColumns, formatDuration, formatInputs, formatRuns, plural, wrapItems, wrapText } from './format.js'
import { VERDICT_OUTCOME } from '../model/outcomes.js'
import { summarize, type Outcome, type ReportSummary } from './summary.js'
import type { ClaimReport, Difference, LivePatchReport, NamedValue, ProofReport, SafetyFinding, ValuePair } from './types.js'

export interface TextOptions {
  /** ANSI colours (default false; the caller decides from the terminal and `--color`). */
  readonly color?: boolean
}

/** Target line width; only very long values go past it. */
const WIDTH = 100
/** Width of the field labels inside a block (`inputs`, `values`, `witness`, …). */
const LABEL = 9
/** A bound's value longer than this is wrapped on its own lines (a kernel command's flags are ~1,500 characters). */
const LONG_BOUND = 80

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow'
const ANSI: Readonly<Record<Style, readonly [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
}
const OUTCOME_STYLE: Readonly<Record<Outcome, Style>> = { pass: 'green', fail: 'red', skip: 'yellow', error: 'red' }

type Paint = (style: Style, text: string) => string

export function renderText(r: ProofReport, opts: TextOptions = {}): string {
  const s = summarize(r)
  const paint: Paint = opts.color ? (style, text) => `\x1b[${ANSI[style][0]}m${text}\x1b[${ANSI[style][1]}m` : (_, t) => t
  const sections: string[][] = [
    verdictLines(r, s, paint),
    livePatchLines(r.livepatch, paint),
    s.showBounds === 'verdict' ? boundLines(s, paint) : [],
    ...r.differences.map(d => differenceLines(d, paint)),
    claimLines(r.claims, s, paint),
    preExistingLines(r.preExisting, paint),
    changeLines(r),
    [
      ...r.errors.flatMap(e => wrapText(e, WIDTH, 'error: ', '       ').map(l => l.replace(/^error:/, paint('red', 'error:')))),
      ...r.hints.flatMap(h => wrapText(h, WIDTH, 'hint: ', '      ').map(l => l.replace(/^hint:/, paint('bold', 'hint:')))),
    ],
    s.showBounds === 'end' ? boundLines(s, paint) : [],
    footerLines(r, s).map(l => paint('dim', l)),
  ]
  return `${sections
    .filter(lines => lines.length > 0)
    .map(lines => lines.join('\n'))
    .join('\n\n')}\n`
}

function verdictLines(r: ProofReport, s: ReportSummary, paint: Paint): string[] {
  const indent = ' '.repeat(s.label.length + 2)
  let first = `${paint('bold', paint(OUTCOME_STYLE[s.outcome], s.label))}  ${s.headline}`
  const suffix = ' (within the bounds below)'
  if (s.boundsApply && indent.length + s.headline.length + suffix.length <= WIDTH) first += suffix
  const lines = [first]
  if (s.detail) lines.push(...wrapText(s.detail, WIDTH, indent))
  const counts = [`${r.old} → ${r.new}`]
  const d = s.differences
  if (d.intended > 0 && d.unintended > 0) counts.push(`${d.total} differences (${d.unintended} unintended, ${d.intended} intended)`)
  else if (d.total > 0) counts.push(plural(d.total, d.intended > 0 ? 'intended difference' : 'unintended difference'))
  else if (s.boundsApply) counts.push('no differences')
  if (s.claims.total > 0) counts.push(`claims observed: ${s.claims.observed} of ${s.claims.total}`)
  if (s.preExisting > 0) counts.push(plural(s.preExisting, 'pre-existing finding'))
  lines.push(indent + counts.join(' · '))
  return lines
}

/**
 * What the live patch must replace (each function: why, and its proof's verdict) and what makes it unsafe;
 * right under the verdict, before the proof's own details.
 */
function livePatchLines(lp: LivePatchReport | undefined, paint: Paint): string[] {
  if (!lp) return []
  const title = paint('bold', 'live patch')
  if (lp.error) return [`${title}: not analysed`, ...wrapText(lp.error, WIDTH, '  ')]
  const accepted = lp.hazards.filter(h => h.accepted).length
  const hazards = lp.hazards.length ? plural(lp.hazards.length, 'hazard') + (accepted ? ` (${accepted} accepted)` : '') : 'no hazards'
  const fns = lp.functions.length ? `${plural(lp.functions.length, 'function')} to replace` : 'no function changed in the object code'
  const lines = [`${title}: ${fns}, ${hazards}`]
  const why = (f: LivePatchReport['functions'][number]) =>
    `${f.reason}${f.symbol !== f.function ? ` of ${f.function}` : ''}${f.via?.length ? ` via ${f.via.join(', ')}` : ''}`
  const rows = alignColumns(lp.functions.map(f => [f.symbol, why(f), f.verdict + (f.benign ? ' (benign)' : '')]), '  ')
  lp.functions.forEach((f, i) => {
    const style: Style = f.verdict === 'not-proved' ? 'dim' : OUTCOME_STYLE[VERDICT_OUTCOME[f.verdict]]
    const row = rows[i]!
    const cut = row.length - (f.verdict + (f.benign ? ' (benign)' : '')).length
    lines.push(`  ${row.slice(0, cut)}${paint(style, row.slice(cut))}`)
    if (f.note) lines.push(...wrapText(f.note, WIDTH, '      '))
  })
  for (const h of lp.hazards) {
    const tag = h.accepted ? `${h.severity}, accepted` : h.severity
    lines.push(`  ${paint(h.accepted ? 'dim' : 'red', 'hazard')}  ${h.kind}  ${h.symbol}  (${tag})`, ...wrapText(h.detail, WIDTH, '      '))
  }
  return lines
}

/** The bounds as an aligned table; a complete verdict holds only within them. */
function boundLines(s: ReportSummary, paint: Paint): string[] {
  // a long value (a kernel command's flags) sets no column width: it is wrapped under its own column
  const long = (v: string) => v.length > LONG_BOUND
  const aligned = alignColumns(s.bounds.map(b => [b.what, long(b.value) ? '' : b.value, b.isDefault ? 'default' : '']), '  ')
  const whatWidth = Math.max(0, ...s.bounds.map(b => b.what.length))
  const table = s.bounds.flatMap((b, i) => (long(b.value)
    ? wrapText(b.value, WIDTH, `  ${b.what.padEnd(whatWidth)}  `, ' '.repeat(whatWidth + 4))
    : [`  ${aligned[i]}`.trimEnd()]))
  return [`${paint('bold', s.boundsApply ? 'within bounds' : 'bounds')} ("default": not chosen by you):`, ...table]
}

/** `label` in a fixed-width column on the first line, blank on the others. */
function labelled(pad: string, label: string, lines: readonly string[]): string[] {
  return lines.map((l, i) => `${pad}${(i === 0 ? label : '').padEnd(LABEL)}${l}`)
}

function inputsAndValues(
  pad: string,
  inputs: readonly NamedValue[],
  values: readonly ValuePair[],
  inputsLabel = 'inputs',
): string[] {
  const lines: string[] = []
  if (inputs.length > 0) lines.push(...labelled(pad, inputsLabel, wrapItems(formatInputs(inputs), WIDTH - pad.length - LABEL)))
  if (values.length > 0) {
    const table = alignColumns([['what', 'old', 'new'], ...values.map(v => [v.what, v.old, v.new])])
    lines.push(...labelled(pad, 'values', table))
  }
  return lines
}

function claimPhrase(d: Difference): string {
  if (d.classification === 'intended') return d.claim ? `allowed by claim ${d.claim}` : ''
  return d.claim ? `breaks claim ${d.claim}` : 'not allowed by any claim'
}

function differenceLines(d: Difference, paint: Paint): string[] {
  const head = [paint('bold', paint(d.classification === 'intended' ? 'green' : 'red', d.classification)), d.observable]
  const phrase = claimPhrase(d)
  if (phrase) head.push(`(${phrase})`)
  const lines = [head.join('  '), ...inputsAndValues('  ', d.inputs, d.values)]
  if (d.location) lines.push(...labelled('  ', 'at', [d.location]))
  if (d.detail) lines.push(...labelled('  ', 'detail', wrapText(d.detail, WIDTH - 2 - LABEL)))
  if (d.confirmed !== undefined) {
    const word = d.confirmed === true ? 'yes' : d.confirmed === false ? 'NO' : 'n/a'
    lines.push(...labelled('  ', 'native', wrapText(`${word}${d.confirmation ? ` — ${d.confirmation}` : ''}`, WIDTH - 2 - LABEL)))
  }
  lines.push(paint('dim', `  ${'run'.padEnd(LABEL)}${d.run}`))
  return lines
}

const CLAIM_STATUS = (c: ClaimReport): string =>
  c.observed === true ? 'observed' : c.observed === false ? 'NOT observed' : 'unknown'

function claimLines(claims: readonly ClaimReport[], s: ReportSummary, paint: Paint): string[] {
  if (claims.length === 0) return []
  let heading = `claims: ${s.claims.observed} of ${s.claims.total} observed`
  if (s.claims.unknown > 0) heading += `, ${s.claims.unknown} unknown`
  const lines = [paint('bold', heading)]
  for (const c of claims) {
    const status = CLAIM_STATUS(c)
    const style = c.observed === true ? 'green' : c.observed === false ? 'red' : 'yellow'
    const text = `${c.id}: when ${c.when}${c.then ? `, then ${c.then}` : ''}`
    const [first, ...rest] = wrapText(text, WIDTH - 16, '', '  ')
    lines.push(`  ${paint(style, status.padEnd(12))}  ${first}`, ...rest.map(l => ' '.repeat(16) + l))
    if (c.differs.length > 0) lines.push(...labelled('    ', 'differs', [c.differs.join(', ')]))
    if (c.witness) lines.push(...inputsAndValues('    ', c.witness.inputs, c.witness.values, 'witness'))
  }
  return lines
}

function preExistingLines(findings: readonly SafetyFinding[], paint: Paint): string[] {
  if (findings.length === 0) return []
  const lines = [
    paint('bold', `pre-existing safety findings: ${findings.length}`) + ' (already in old; they do not change the verdict)',
  ]
  for (const f of findings) {
    lines.push(`  ${f.kind} in ${f.function}()${f.location ? ` at ${f.location}` : ''}`)
    lines.push(...wrapText(f.description, WIDTH, '    '))
    lines.push(...inputsAndValues('    ', f.inputs, []))
  }
  return lines
}

function changeLines(r: ProofReport): string[] {
  const lines: string[] = []
  if (r.typeChanges.length > 0) {
    lines.push('type changes:', ...r.typeChanges.flatMap(c => wrapText(`${c.type}: ${c.detail}`, WIDTH, '  ', '    ')))
  }
  if (r.constChanges.length > 0) lines.push('const changes:', ...r.constChanges.map(c => `  ${c}`))
  return lines
}

function footerLines(r: ProofReport, s: ReportSummary): string[] {
  const u = r.unwinding
  // a proof for every iteration count unwound nothing it depends on
  const techniques = [...new Set((u.techniques ?? []).map(x => x.technique))].join(', ')
  const how = u.kind === 'unbounded' && u.bound === 0 ? `none (unbounded${techniques ? `: ${techniques}` : ''})` : `${u.mode} bound ${u.bound}, ${u.complete ? 'complete' : 'incomplete'}`
  let unwinding = `unwinding: ${how}`
  if (u.openLoops.length > 0) unwinding += ` (open loops: ${u.openLoops.join(', ')})`
  const lines = [
    `cbmc ${r.cbmc.version} · solver ${r.cbmc.solver}`,
    `${r.tool.name} ${r.tool.version} · exit ${r.exitCode} · runs: ${formatRuns(s.runs)}`,
  ]
  if (r.runs.length > 0) lines.push(unwinding)
  const t = r.timings
  lines.push(`time: ${formatDuration(t.totalMs)} total (cbmc ${formatDuration(t.toolMs)}, own ${formatDuration(t.ownMs)})`)
  if (t.toolCpuMs !== undefined) lines.push(`cpu: ${formatDuration(t.toolCpuMs)} in cbmc, solvers and gcc${t.ownCpuMs !== undefined ? `, ${formatDuration(t.ownCpuMs)} in klp-verify` : ''}`)
  return lines
}
