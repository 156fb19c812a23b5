/**
 * Container input shapes (pure): a pointer parameter whose pointee type the code reaches through
 * container_of (extract/containers.ts), or that the spec's `containers:` names, points at a member of
 * a bigger object. The harness allocates that object (one nondeterministic value shared by both
 * versions, like every input object), points the parameter at the member and compares the whole
 * object. It is an assumption about the input: the report says so, and says when the code reaches
 * one type through two containers (then the parameter stays an object of its own type).
 */
import type { CType, FunctionPair } from '../extract/types.js'
import { skbBounds } from './skb.js'

export interface ContainerShape {
  readonly param: string
  /** The container's type as the code names it (`struct inotify_event_info`) and its CType. */
  readonly container: string
  readonly type: CType
  readonly member: string
  /** `container_of in INOTIFY_E()`, or `the spec's containers:`. */
  readonly why: string
  /** Bytes allocated beyond the container for its flexible array member (`char name[]`), and its name; 0: none. */
  readonly tail: number
  readonly flexible?: string
  /** A char array tail ends in a 0 byte (a name, NUL-terminated as the kernel's are), so string functions stay within it. */
  readonly nul?: boolean
}

/** Bytes of a container's flexible array member (inotify's `char name[]`): the same nondeterministic bytes in both versions. */
export const FLEX_BYTES = 32

/** The tail of a container whose last member is a flexible array. */
function tailOf(type: CType): { tail: number; flexible?: string } {
  const last = type.kind === 'record' && !type.union ? type.fields[type.fields.length - 1] : undefined
  if (last?.type.kind !== 'array' || last.type.length !== null) return { tail: 0 }
  const chars = last.type.of.kind === 'scalar' && /^(?:(?:un)?signed )?char$/.test(last.type.of.text)
  return { tail: FLEX_BYTES, flexible: last.name, ...(chars ? { nul: true } : {}) }
}

/** The embedded type's key, as extract/containers.ts writes it (`struct tag`). */
function keyOf(t: CType): string | undefined {
  return t.kind === 'record' && !t.text.includes('<anonymous>') ? `${t.union ? 'union' : 'struct'} ${t.tag}` : t.kind === 'scalar' ? t.text : undefined
}

type Decision = { readonly shape: ContainerShape } | { readonly ambiguous: string } | null

function decide(pair: FunctionPair, name: string, t: CType): Decision {
  if (t.kind !== 'pointer') return null
  const types = pair.containerTypes ?? {}
  const contract = pair.containerContracts?.find(c => c.param === name)
  if (contract) {
    const type = types[contract.container]
    return type ? { shape: { param: name, container: contract.container, type, member: contract.member, why: "the spec's containers:", ...tailOf(type) } } : null
  }
  const key = keyOf(t.to)
  const entry = key === undefined ? undefined : pair.containers?.find(e => e.embedded === key)
  if (!entry) return null
  if (entry.containers.length > 1) {
    const names = entry.containers.map(c => `${c.container}.${c.member} in ${c.via.join(', ')}`).join('; ')
    return { ambiguous: `${name} is a ${key} of its own: the code reaches ${key} through ${entry.containers.length} containers (${names}); state which with the spec's containers: ${name}: <type.member>` }
  }
  const c = entry.containers[0]!
  const type = types[c.container]
  return type ? { shape: { param: name, container: c.container, type, member: c.member, why: `container_of in ${c.via.join(', ')}`, ...tailOf(type) } } : null
}

/** The container shape of each pointer parameter that has one, by parameter name. */
export function containerShapes(pair: FunctionPair): Map<string, ContainerShape> {
  const out = new Map<string, ContainerShape>()
  for (const p of pair.signature.params) {
    const d = decide(pair, p.name, p.type)
    if (d && 'shape' in d) out.set(p.name, d.shape)
  }
  return out
}

/** The report's lines about container shapes: each shape as an assumption, each ambiguity. */
export function containerNotes(pair: FunctionPair): string[] {
  return containerBounds(pair).map(b => b.value)
}

/** The same as the report's bounds rows; a shape the spec states is chosen, one found in the code is a default. */
export function containerBounds(pair: FunctionPair): { what: string; value: string; isDefault: boolean }[] {
  return [...ofContainers(pair), ...skbBounds(pair)]
}

function ofContainers(pair: FunctionPair): { what: string; value: string; isDefault: boolean }[] {
  if (!pair.containers?.length && !pair.containerContracts?.length) return []
  return pair.signature.params.flatMap(p => {
    const d = decide(pair, p.name, p.type)
    if (!d) return []
    if ('ambiguous' in d) return [{ what: 'input shape', value: d.ambiguous, isDefault: true }]
    const flex = d.shape.flexible ? `; its ${d.shape.flexible}[] has ${d.shape.tail} bytes${d.shape.nul ? ', the last one 0' : ''}` : ''
    const value = `${p.name} points into a ${d.shape.container} (member ${d.shape.member}): ${d.shape.why}${flex}`
    return [{ what: 'input shape', value, isDefault: d.shape.why.startsWith('container_of') }]
  })
}
