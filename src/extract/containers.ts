/**
 * container_of in the code a proof reaches (pure, over one analysed unit). After gcc -E the kernel's
 * container_of(ptr, type, member) is
 *   ({ void *__mptr = (void *)(ptr); _Static_assert(…); ((type *)(__mptr - __builtin_offsetof(type, member))); })
 * often inside a static inline helper (INOTIFY_E, MSDOS_I). A pointer to the member's type may then
 * point into a bigger object: an input of that type must be allocated as the container, or every read
 * of the container's other fields is out of bounds. Reported per embedded type (the type of
 * type.member), with every container the code uses for it: two containers for one type is ambiguous,
 * and nobody guesses which one an input is.
 */
import { ConfigError } from '../errors.js'
import type { CType, ContainerContract, ContainerUse, EmbeddedContainers, FunctionSignature } from './types.js'
import { sourceText, type Unit } from './unit.js'

const TYPE = String.raw`(?:struct|union)\s+\w+|\w+`
const CONTAINER_OF = new RegExp(
  String.raw`\(\s*\(\s*(${TYPE})\s*\*\s*\)\s*\(\s*__mptr\s*-\s*(?:__builtin_)?offsetof\s*\(\s*(${TYPE})\s*,\s*([\w.\s]+?)\s*\)\s*\)\s*\)`,
  'g',
)

/** The record a type name (as written in the code) names in the unit, or undefined. */
function recordOf(unit: Unit, name: string): Extract<CType, { kind: 'record' }> | undefined {
  const rec = unit.scope.records.get(name)
  const td = rec ? undefined : unit.scope.typedefs.get(name)
  const t = rec ? unit.resolver.specifier(rec) : td ? unit.resolver.resolve(td.type, td.declarator) : undefined
  return t?.kind === 'record' ? t : undefined
}

/** The type of `member` (`a` or `a.b`) inside a record, or undefined. */
export function memberType(rec: CType, member: string): CType | undefined {
  let at: CType | undefined = rec
  for (const name of member.split('.')) {
    if (at?.kind !== 'record') return undefined
    at = at.fields.find(f => f.name === name)?.type
  }
  return at
}

/** The name an embedded type is keyed by: `struct tag` / `union tag`, or a scalar's text (none for an anonymous record, a pointer, …). */
export function embeddedName(t: CType): string | undefined {
  if (t.kind === 'record') return t.text.includes('<anonymous>') ? undefined : `${t.union ? 'union' : 'struct'} ${t.tag}`
  return t.kind === 'scalar' ? t.text : undefined
}

/**
 * Every container_of in the given functions' bodies, per embedded type; `via` names the function it is
 * written in (`INOTIFY_E()`). Uses whose type is not a record this unit defines (`typeof(*pos)` in
 * list_for_each_entry) or whose member is not found are left out: nothing is known about them.
 */
export function findContainers(unit: Unit, fns: Iterable<string>): EmbeddedContainers[] {
  const uses: (ContainerUse & { embedded: string })[] = []
  for (const fn of [...fns].sort()) {
    const info = unit.functions.get(fn)
    if (!info) continue
    for (const m of sourceText(unit, info.body).matchAll(CONTAINER_OF)) {
      const [, cast, type, member] = m as unknown as [string, string, string, string]
      const container = type.replace(/\s+/g, ' ')
      if (cast.replace(/\s+/g, ' ') !== container) continue
      const rec = recordOf(unit, container)
      const at = rec && memberType(rec, member.replace(/\s+/g, ''))
      const embedded = at && embeddedName(at)
      if (embedded) uses.push({ embedded, container, member: member.replace(/\s+/g, ''), via: [`${fn}()`] })
    }
  }
  return groupContainers(uses)
}

/** Group uses by embedded type and by container.member (their `via`s merged), sorted (keys are unique). */
export function groupContainers(uses: readonly (ContainerUse & { readonly embedded: string })[]): EmbeddedContainers[] {
  const by = new Map<string, Map<string, ContainerUse>>()
  for (const u of uses) {
    const inner = by.get(u.embedded) ?? new Map<string, ContainerUse>()
    by.set(u.embedded, inner)
    const key = `${u.container}.${u.member}`
    const had = inner.get(key)
    inner.set(key, { container: u.container, member: u.member, via: [...new Set([...(had?.via ?? []), ...u.via])].sort() })
  }
  return [...by.keys()].sort().map(embedded => ({
    embedded,
    containers: [...by.get(embedded)!.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c),
  }))
}

/** Both versions' findings as one list (a container either version uses counts). */
export function mergeContainers(a: readonly EmbeddedContainers[], b: readonly EmbeddedContainers[]): EmbeddedContainers[] {
  return groupContainers([...a, ...b].flatMap(e => e.containers.map(c => ({ ...c, embedded: e.embedded }))))
}

/** `struct inotify_event_info.fse` → container and member (the spec schema checks the form). */
export function splitContainerRef(ref: string): { container: string; member: string } {
  const m = /^\s*((?:(?:struct|union)\s+)?[A-Za-z_]\w*)\s*\.\s*(.+?)\s*$/.exec(ref)
  return m ? { container: m[1]!.replace(/\s+/g, ' '), member: m[2]!.replace(/\s+/g, '') } : { container: ref, member: '' }
}

/**
 * The spec's `containers:` (parameter → `type.member`) checked against the code (the old version's
 * types: the live patch runs in them): the parameter is a pointer, the type is a struct or union the
 * code defines, the member exists and has the parameter's pointee type. Anything else is a ConfigError.
 */
export function resolveContracts(unit: Unit, sig: FunctionSignature, contracts: Readonly<Record<string, string>>): ContainerContract[] {
  const out: ContainerContract[] = []
  for (const [param, ref] of Object.entries(contracts)) {
    const what = `containers: ${param}: ${ref}`
    const p = sig.params.find(x => x.name === param)
    if (!p) throw new ConfigError(`${what}: ${sig.name}() has no parameter ${param}`, { hint: `parameters: ${sig.params.map(x => x.name).join(', ') || 'none'}` })
    if (p.type.kind !== 'pointer' || (p.type.to.kind !== 'record' && p.type.to.kind !== 'scalar' && !isVoid(p.type.to))) {
      throw new ConfigError(`${what}: parameter ${param} is not a pointer to a struct, union or number (${p.type.text})`, { hint: 'a container contract says where a pointer parameter points into' })
    }
    const { container, member } = splitContainerRef(ref)
    const rec = recordOf(unit, container)
    if (!rec) throw new ConfigError(`${what}: the code of ${sig.name}() defines no struct or union ${container}`, { hint: "write the container's type as the code names it: 'struct name.member' or 'typedef_name.member'" })
    const at = memberType(rec, member)
    if (!at) {
      throw new ConfigError(`${what}: ${container} has no member ${member}`, { hint: `members of ${container}: ${rec.fields.map(f => f.name).join(', ')}` })
    }
    const want = isVoid(p.type.to) ? undefined : embeddedName(p.type.to)
    const got = embeddedName(at)
    if (want !== undefined && got !== want) {
      throw new ConfigError(`${what}: ${container}.${member} is ${got ?? at.text}, but ${param} points to ${want}`, { hint: `name a member of type ${want}` })
    }
    out.push({ param, container, member })
  }
  return out
}

function isVoid(t: CType): boolean {
  return t.kind === 'opaque' && t.text === 'void'
}

/** The types of the named containers in the unit (those it defines), by name. */
export function containerTypes(unit: Unit, names: Iterable<string>): Record<string, CType> {
  const out: Record<string, CType> = {}
  for (const n of [...new Set(names)].sort()) {
    const rec = recordOf(unit, n)
    if (rec) out[n] = rec
  }
  return out
}
