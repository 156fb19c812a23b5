/**
 * Pair the symbols of the old object with those of the new one, as kpatch does: same name first,
 * then the same name with gcc's numbers ignored (`calls.0` ↔ `calls.1`, `f.constprop.0` ↔ `f.constprop.1`).
 * kpatch never pairs its "special" statics (WARN_ONCE state, __func__, switch tables): they belong to their
 * function and are taken afresh, so they are left out here too.
 */
import { isStaticLocal, unmangle } from './names.js'
import type { ElfSymbol, ObjectFacts } from './types.js'

/** Compiler-made objects that belong to one function and are never correlated (kpatch's is_special_static). */
const SPECIAL_STATIC = /^(__key|__warned|__already_done|__func__|__FUNCTION__|__PRETTY_FUNCTION__|_rs|CSWTCH|_entry|__print_once)(\.|$)/

export function isSpecialStatic(sym: ElfSymbol): boolean {
  return sym.bind === 'LOCAL' && SPECIAL_STATIC.test(sym.name)
}

/** The defined symbols of a type (FUNC or OBJECT) in allocated sections, special statics left out. */
export function definedSymbols(facts: ObjectFacts, type: 'FUNC' | 'OBJECT'): ElfSymbol[] {
  const alloc = new Set(facts.sections.filter(s => s.flags.includes('A')).map(s => s.index))
  return facts.symbols.filter(s => s.type === type && s.shndx !== undefined && alloc.has(s.shndx) && !isSpecialStatic(s))
}

export interface Pairing {
  /** new symbol name → its old twin */
  readonly twins: ReadonlyMap<string, ElfSymbol>
  /** new symbols without a twin */
  readonly added: readonly ElfSymbol[]
}

/**
 * Pair old and new symbols. `scope` (the functions that use a symbol, in its own object) pairs static
 * locals first, as kpatch does by the function that references them: `count.0` of f is never taken for
 * `count.1` of g because the numbers moved.
 */
export function correlate(oldSyms: readonly ElfSymbol[], newSyms: readonly ElfSymbol[], scope?: { old: (s: ElfSymbol) => string; new: (s: ElfSymbol) => string }): Pairing {
  const twins = new Map<string, ElfSymbol>()
  const taken = new Set<ElfSymbol>()
  const pair = (s: ElfSymbol, match: (o: ElfSymbol) => boolean): boolean => {
    const o = oldSyms.find(x => !taken.has(x) && match(x))
    if (!o) return false
    twins.set(s.name, o)
    taken.add(o)
    return true
  }
  let pending = [...newSyms]
  if (scope) {
    pending = pending.filter(s => !(isStaticLocal(s.name) &&
      pair(s, o => isStaticLocal(o.name) && unmangle(o.name) === unmangle(s.name) && scope.old(o) === scope.new(s))))
  }
  const byName = new Map(oldSyms.map(o => [o.name, o]))
  pending = pending.filter(s => {
    const o = byName.get(s.name)
    return !(o && !taken.has(o) && pair(s, x => x === o))
  })
  const added = pending.filter(s => !pair(s, o => unmangle(o.name) === unmangle(s.name)))
  return { twins, added }
}
