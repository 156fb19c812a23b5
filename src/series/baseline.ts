/** What changed since the last night: compare a series report with a previous one (pure). */
import type { VerdictStatus } from '../model/outcomes.js'

export interface ProofKey {
  readonly function: string
  readonly old: string
  readonly new: string
  readonly verdict: VerdictStatus
  readonly patch?: number | string | null
}

export interface BaselineDiff {
  /** Proofs that are unintended now but were not (or did not exist) before. */
  readonly newUnintended: readonly string[]
  /** Proofs that were unintended before and are not now. */
  readonly fixed: readonly string[]
  /** Every verdict that moved, including the two lists above. */
  readonly moved: readonly { readonly proof: string; readonly from: VerdictStatus | 'absent'; readonly to: VerdictStatus | 'absent' }[]
}

/**
 * A proof is the same across nights when its function, file and place in the series are: commit ids
 * (`commit:path` labels) change when a series is rebased, so they are left out.
 */
export const keyOf = (p: Pick<ProofKey, 'function' | 'new' | 'patch'>): string => `${p.function}() in ${p.new.replace(/^[0-9a-f]{7,40}:/, '').replace(/^[^/:]+\.(?:patch|diff):/, '')}${p.patch === null ? ' (base → tip)' : ''}`

/**
 * Keys of a report's proofs in order: the same function of the same file in several patches is told
 * apart by its place among them (its 2nd patch, `#2`), which survives a rebase.
 */
function keysOf(proofs: readonly ProofKey[]): Map<string, VerdictStatus> {
  const seen = new Map<string, number>()
  const out = new Map<string, VerdictStatus>()
  for (const p of proofs) {
    const k = keyOf(p)
    const n = (seen.get(k) ?? 0) + 1
    seen.set(k, n)
    out.set(n === 1 ? k : `${k} #${n}`, p.verdict)
  }
  return out
}

export function compareWithBaseline(now: readonly ProofKey[], before: readonly ProofKey[]): BaselineDiff {
  const was = keysOf(before)
  const is = keysOf(now)
  const moved: { proof: string; from: VerdictStatus | 'absent'; to: VerdictStatus | 'absent' }[] = []
  for (const k of [...new Set([...was.keys(), ...is.keys()])].sort()) {
    const from = was.get(k) ?? 'absent'
    const to = is.get(k) ?? 'absent'
    if (from !== to) moved.push({ proof: k, from, to })
  }
  return {
    newUnintended: moved.filter(m => m.to === 'unintended').map(m => m.proof),
    fixed: moved.filter(m => m.from === 'unintended').map(m => m.proof),
    moved,
  }
}

export function renderBaselineText(d: BaselineDiff): string {
  if (!d.moved.length) return 'since the baseline: no verdict moved\n'
  const lines = ['since the baseline:']
  if (d.newUnintended.length) lines.push(`  NEW unintended: ${d.newUnintended.join(', ')}`)
  if (d.fixed.length) lines.push(`  no longer unintended: ${d.fixed.join(', ')}`)
  for (const m of d.moved) lines.push(`  ${m.proof}: ${m.from} → ${m.to}`)
  return lines.join('\n') + '\n'
}
