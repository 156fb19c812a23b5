/**
 * The type-changed hazard: a struct or union whose layout differs between the versions (from DWARF).
 * Objects of the type already live in the running kernel with the old layout, and unpatched code keeps
 * using it: the patched code must not read or write them with the new one.
 */
import type { DwarfFacts, Hazard } from './types.js'

function member(entry: string): { name: string; rest: string } {
  const at = entry.indexOf('@')
  return { name: entry.slice(0, at), rest: entry.slice(at + 1) }
}

/** `field x added, field y moved or retyped (…), size 8 → 16` for two layouts. */
export function describeLayoutChange(before: readonly string[], after: readonly string[]): string {
  const parts: string[] = []
  if (before[0] !== after[0]) parts.push(`${before[0]} → ${after[0]!.replace(/^size /, '')}`)
  const old = new Map(before.slice(1).map(e => [member(e).name, member(e).rest]))
  const now = new Map(after.slice(1).map(e => [member(e).name, member(e).rest]))
  for (const [name, rest] of now) {
    if (!old.has(name)) parts.push(`field ${name} added`)
    else if (old.get(name) !== rest) parts.push(`field ${name} ${old.get(name)} → ${rest}`)
  }
  for (const name of old.keys()) if (!now.has(name)) parts.push(`field ${name} removed`)
  // the same members in another order
  if (!parts.length) parts.push('fields reordered')
  return parts.join(', ')
}

export function typeHazards(before: DwarfFacts, after: DwarfFacts): Hazard[] {
  const out: Hazard[] = []
  for (const [key, now] of after.layouts ?? []) {
    const old = before.layouts?.get(key)
    if (!old || !now || old.join('\n') === now.join('\n')) continue
    out.push({
      kind: 'type-changed', symbol: key, severity: 'error',
      detail: `${key} changed layout (${describeLayoutChange(old, now)}): objects of it already in memory keep the old layout and unpatched code keeps using it; keep the layout and put new fields in a shadow variable`,
    })
  }
  return out
}
