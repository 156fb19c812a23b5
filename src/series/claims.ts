/**
 * Which spec and claims a series proof uses (pure). Precedence for options: the command line sets
 * the defaults, a manifest's `defaults:` refine them, a function's spec wins. Claims add up: the
 * spec's `intended:` plus the commit's `Klp-Intended:` trailers; base → tip uses the union of a
 * function's claims across the whole series.
 */
import type { ClaimSpec, Spec } from '../config/schema.js'

/** Options every proof starts from (CLI, then manifest defaults); no claims. */
export type SpecDefaults = Partial<Omit<Spec, 'intended' | 'function' | 'expect'>>

/** What one function's proof in one patch brings: its spec (if any) and its trailer claims. */
export interface FunctionClaims {
  readonly spec?: Spec
  /** `WHEN => THEN` texts from commit-message trailers. */
  readonly trailers: readonly string[]
  /** Preconditions from `Klp-Assume:` trailers. */
  readonly assumes?: readonly string[]
}

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>

/** The spec that applies to `fn` among a patch's spec files: one naming it, else one naming no function. */
export function specFor(specs: readonly Spec[], fn: string): Spec | undefined {
  return specs.find(s => s.function === fn) ?? specs.find(s => s.function === undefined)
}

export function claimText(c: Pick<ClaimSpec, 'when' | 'then'>): string {
  return c.then ? `${c.when} => ${c.then}` : c.when
}

/** The spec a proof runs with: defaults refined by the function's spec (its function name dropped). */
export function mergeSpec(base: Spec, defaults: SpecDefaults, spec: Spec | undefined): Spec {
  const { function: _f, expect: _e, ...own } = spec ?? ({} as Partial<Spec>)
  void _f, _e
  return { ...base, ...defined(defaults), ...defined(own) } as Spec
}

/**
 * Base → tip: one spec for the whole series. Options come from the latest spec that names the
 * function; claims are the union (same WHEN/THEN once), ids kept unique.
 */
export function unionClaims(base: Spec, defaults: SpecDefaults, perPatch: readonly FunctionClaims[]): { spec: Spec; trailers: string[]; assumes: string[] } {
  const latest = [...perPatch].reverse().find(p => p.spec)?.spec
  const spec = mergeSpec(base, defaults, latest)
  const seen = new Set<string>()
  const ids = new Set<string>()
  const intended: ClaimSpec[] = []
  perPatch.forEach((p, k) => {
    ;(p.spec?.intended ?? []).forEach((c, i) => {
      const text = claimText(c)
      if (seen.has(text)) return
      seen.add(text)
      let id = c.id ?? `claim-${i + 1}`
      if (ids.has(id)) id = `${id}-p${k}`
      ids.add(id)
      intended.push({ ...c, id })
    })
  })
  const trailers: string[] = []
  for (const p of perPatch) {
    for (const t of p.trailers) {
      if (seen.has(t)) continue
      seen.add(t)
      trailers.push(t)
    }
  }
  // a precondition some patch needed holds for the whole series (the latest spec's are in spec.assume)
  const assumes = [...new Set(perPatch.flatMap(p => p.assumes ?? []))]
  return { spec: { ...spec, intended }, trailers, assumes }
}
