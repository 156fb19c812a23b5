/** A summary for a pull-request comment (GitHub-flavoured Markdown, no emoji). */
import { formatDuration, formatInputs, formatRuns, plural } from './format.js'
import { OUTCOME_WORD } from '../model/outcomes.js'
import { summarize } from './summary.js'
import type { ClaimReport, LivePatchReport, NamedValue, ProofReport, ValuePair } from './types.js'

/** Escape free text so Markdown shows it literally. */
export const escapeMarkdown = (s: string): string => s.replace(/[\\`*_[\]<|]|^[>#+-]/g, c => `\\${c}`)

/** A code span that survives backticks in `s`. */
export function code(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${s}${pad}${fence}`
}

/** Make Markdown safe inside a table cell: pipes escaped (also inside code spans), no line breaks. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')

const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)]
}

const inputsCell = (inputs: readonly NamedValue[]): string =>
  inputs.length > 0 ? formatInputs(inputs).map(code).join(', ') : '—'

const valueLines = (values: readonly ValuePair[]): string[] => values.map(v => code(`${v.what}: ${v.old} → ${v.new}`))

/** Table cell from several lines; `—` when there are none. */
const lines = (xs: readonly string[]): string => (xs.length > 0 ? xs.join('<br>') : '—')

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

const OBSERVED = (c: ClaimReport): string => (c.observed === true ? 'yes' : c.observed === false ? '**no**' : 'unknown')

/** What the live patch must replace and what makes it unsafe, right under the verdict. */
function livePatchSection(lp: LivePatchReport | undefined): string[] {
  if (!lp) return []
  if (lp.error) return ['', '#### Live patch', '', `Not analysed: ${escapeMarkdown(lp.error)}`]
  const out = ['', '#### Live patch', '']
  if (lp.functions.length === 0) out.push('No function changed in the object code.')
  else {
    out.push(
      ...table(
        ['symbol', 'function', 'reason', 'via', 'verdict'],
        lp.functions.map(f => [
          code(f.symbol),
          code(`${f.function}()`),
          f.reason,
          f.via?.length ? f.via.map(v => code(v)).join(', ') : '—',
          lines([f.verdict === 'not-proved' || f.verdict === 'equivalent' || f.verdict === 'as-claimed' ? f.verdict : `**${f.verdict}**`, ...(f.benign ? ['benign'] : []), ...(f.note ? [escapeMarkdown(f.note)] : [])]),
        ]),
      ),
    )
  }
  if (lp.hazards.length === 0) return [...out, '', 'No hazards.']
  out.push('', '**Hazards**', '')
  for (const h of lp.hazards) {
    out.push(`- ${h.accepted ? `${h.kind} (accepted)` : `**${h.kind}**`} ${code(h.symbol)} (${h.severity}): ${escapeMarkdown(h.detail)}`)
  }
  return out
}

export function renderMarkdown(r: ProofReport): string {
  const s = summarize(r)
  const out: string[] = [
    `### ${OUTCOME_WORD[s.outcome]} · ${r.verdict}${r.reason ? ` (${r.reason})` : ''} · ${code(`${r.function}()`)}`,
    '',
    `${escapeMarkdown(capitalise(s.sentence))}.`,
  ]
  if (s.detail) out.push('', escapeMarkdown(s.detail))
  const facts = [`${code(r.old)} → ${code(r.new)}`]
  if (s.differences.total > 0) facts.push(plural(s.differences.total, 'difference'))
  else if (s.boundsApply) facts.push('no differences')
  facts.push(`exit code ${r.exitCode}`)
  out.push('', facts.join(' · '))
  const bounds = s.bounds.map(b => `- ${escapeMarkdown(b.what)}: ${escapeMarkdown(b.value)}${b.isDefault ? ' *(default)*' : ''}`)
  out.push(...livePatchSection(r.livepatch))
  if (s.showBounds === 'verdict') out.push('', '**Within bounds** (*default*: not chosen by you):', '', ...bounds)

  if (r.differences.length > 0) {
    out.push('', '#### Differences', '')
    out.push(
      ...table(
        ['classification', 'observable', 'claim', 'inputs', 'old → new'],
        r.differences.map(d => [
          d.classification === 'unintended' ? '**unintended**' : 'intended',
          code(d.observable) + (d.location ? ` at ${code(d.location)}` : ''),
          d.claim ? code(d.claim) : '—',
          inputsCell(d.inputs),
          lines([...valueLines(d.values), ...(d.detail ? [escapeMarkdown(d.detail)] : [])]),
        ]),
      ),
    )
  }

  if (r.claims.length > 0) {
    out.push('', `#### Claims (${s.claims.observed} of ${s.claims.total} observed)`, '')
    out.push(
      ...table(
        ['claim', 'observed', 'when', 'then', 'witness'],
        r.claims.map(c => [
          code(c.id),
          OBSERVED(c),
          code(c.when),
          c.then ? code(c.then) : '—',
          c.witness ? lines([...formatInputs(c.witness.inputs).map(code), ...valueLines(c.witness.values)]) : '—',
        ]),
      ),
    )
  }

  if (r.preExisting.length > 0) {
    out.push('', '#### Pre-existing safety findings', '', 'Already in the old code; they do not change the verdict.', '')
    for (const f of r.preExisting) {
      const at = f.location ? ` at ${code(f.location)}` : ''
      out.push(`- ${escapeMarkdown(f.kind)} in ${code(`${f.function}()`)}${at}: ${escapeMarkdown(f.description)}`)
    }
  }

  if (r.typeChanges.length > 0 || r.constChanges.length > 0) {
    out.push('', '#### Type and const changes', '')
    out.push(...r.typeChanges.map(c => `- ${code(c.type)}: ${escapeMarkdown(c.detail)}`))
    out.push(...r.constChanges.map(c => `- ${code(c)}`))
  }

  if (r.errors.length > 0) out.push('', '#### Errors', '', ...r.errors.map(e => `- ${escapeMarkdown(e)}`))
  if (s.showBounds === 'end') out.push('', '**Bounds** (*default*: not chosen by you):', '', ...bounds)
  if (r.hints.length > 0) out.push('', '**Hints**', '', ...r.hints.map(h => `- ${escapeMarkdown(h)}`))

  const footer = [
    `cbmc ${r.cbmc.version}, solver ${r.cbmc.solver}`,
    `${r.tool.name} ${r.tool.version}`,
    `runs: ${formatRuns(s.runs)}`,
    formatDuration(r.timings.totalMs),
  ]
  out.push('', `<sub>${escapeMarkdown(footer.join(' · '))}</sub>`)
  return `${out.join('\n')}\n`
}
