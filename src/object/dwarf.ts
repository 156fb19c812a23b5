/**
 * Parse `readelf --debug-dump=info` into what the live-patch analysis needs: which functions were
 * inlined into each out-of-line function (DW_TAG_inlined_subroutine → DW_AT_abstract_origin), and the
 * type of each variable, spelled out so that two versions can be compared.
 */
import type { DwarfFacts } from './types.js'

interface Die {
  readonly offset: number
  readonly depth: number
  readonly tag: string
  readonly attrs: Map<string, string>
  readonly children: Die[]
}

const DIE_HEAD = /^ <(\d+)><([0-9a-f]+)>: Abbrev Number: (\d+)(?: \((DW_TAG_\w+)\))?/
const ATTR = /^\s+<[0-9a-f]+>\s+(DW_AT_\w+)\s*: ?(.*)$/

const USED = new Set(['DW_AT_name', 'DW_AT_abstract_origin', 'DW_AT_specification', 'DW_AT_low_pc', 'DW_AT_ranges', 'DW_AT_type',
  'DW_AT_byte_size', 'DW_AT_upper_bound', 'DW_AT_count', 'DW_AT_location', 'DW_AT_data_member_location', 'DW_AT_data_bit_offset',
  'DW_AT_bit_size', 'DW_AT_declaration'])

/** The DIE tree of every unit, roots first. */
function parseDies(text: string): { roots: Die[]; byOffset: Map<number, Die> } {
  const roots: Die[] = []
  const byOffset = new Map<number, Die>()
  const stack: Die[] = []
  let cur: Die | undefined
  for (const line of text.split('\n')) {
    const h = DIE_HEAD.exec(line)
    if (h) {
      cur = undefined
      if (!h[4]) continue // abbrev 0: end of a sibling list
      const die: Die = { offset: parseInt(h[2]!, 16), depth: Number(h[1]), tag: h[4], attrs: new Map(), children: [] }
      stack.length = die.depth
      if (die.depth === 0) roots.push(die)
      else stack[die.depth - 1]?.children.push(die)
      stack[die.depth] = die
      byOffset.set(die.offset, die)
      cur = die
      continue
    }
    if (!cur) continue
    // most attributes (file, line, column, frame base, …) are not read: skip them before any regex
    const at = line.indexOf('DW_AT_')
    if (at < 0 || !USED.has(line.slice(at, line.indexOf(' ', at) >>> 0).replace(/:$/, ''))) continue
    const a = ATTR.exec(line)
    if (a && !cur.attrs.has(a[1]!)) cur.attrs.set(a[1]!, a[2]!.trim())
  }
  return { roots, byOffset }
}

/** `(indirect string, offset: 0x1b): scale` → `scale`; a plain value stays as it is. */
function attrText(v: string | undefined): string | undefined {
  if (v === undefined) return undefined
  const ind = /^\(indirect[^)]*\): (.*)$/.exec(v)
  return ind ? ind[1] : v
}

function ref(v: string | undefined): number | undefined {
  const m = v && /<0x([0-9a-f]+)>/.exec(v)
  return m ? parseInt(m[1]!, 16) : undefined
}

/** A DIE's name, following DW_AT_abstract_origin / DW_AT_specification as gcc links concrete to abstract. */
function nameOf(die: Die | undefined, byOffset: Map<number, Die>, seen = 0): string | undefined {
  if (!die || seen > 8) return undefined
  const own = attrText(die.attrs.get('DW_AT_name'))
  if (own !== undefined) return own
  const next = ref(die.attrs.get('DW_AT_abstract_origin')) ?? ref(die.attrs.get('DW_AT_specification'))
  return next === undefined ? undefined : nameOf(byOffset.get(next), byOffset, seen + 1)
}

const TYPE_WORD: Record<string, string> = {
  DW_TAG_pointer_type: '*', DW_TAG_const_type: 'const', DW_TAG_volatile_type: 'volatile',
  DW_TAG_structure_type: 'struct', DW_TAG_union_type: 'union', DW_TAG_enumeration_type: 'enum',
  DW_TAG_typedef: 'typedef', DW_TAG_array_type: 'array', DW_TAG_subroutine_type: 'fn',
}

/** A type spelled out to a small depth: name, size and, for arrays, the bounds. */
function typeOf(off: number | undefined, byOffset: Map<number, Die>, depth = 0): string {
  const die = off === undefined ? undefined : byOffset.get(off)
  if (!die) return 'void'
  if (depth > 6) return '…'
  const word = TYPE_WORD[die.tag] ?? die.tag.replace(/^DW_TAG_/, '')
  const name = attrText(die.attrs.get('DW_AT_name'))
  const size = die.attrs.get('DW_AT_byte_size')
  const bounds = die.children.filter(c => c.tag === 'DW_TAG_subrange_type')
    .map(c => `[${c.attrs.get('DW_AT_upper_bound') ?? c.attrs.get('DW_AT_count') ?? ''}]`).join('')
  const head = [word, name, size !== undefined ? `(${size})` : undefined, bounds || undefined].filter(Boolean).join(' ')
  // a named struct/union/enum is identified by its name and size; its fields are the type-changed hazard's business
  if (/^(struct|union|enum)$/.test(word) && name !== undefined) return head
  const inner = die.attrs.get('DW_AT_type')
  return inner === undefined ? head : `${head} ${typeOf(ref(inner), byOffset, depth + 1)}`
}

function collectInlined(die: Die, byOffset: Map<number, Die>, into: Set<string>): void {
  for (const c of die.children) {
    if (c.tag === 'DW_TAG_inlined_subroutine') {
      const n = nameOf(c, byOffset)
      if (n !== undefined) into.add(n)
    }
    // a nested out-of-line subprogram is a function of its own
    if (c.tag !== 'DW_TAG_subprogram') collectInlined(c, byOffset, into)
  }
}

function walk(die: Die, visit: (d: Die) => void): void {
  visit(die)
  for (const c of die.children) walk(c, visit)
}

/** A struct's or union's members as `name@offset:type` (bit-fields with their bit offset and width). */
function layoutOf(die: Die, byOffset: Map<number, Die>): string[] {
  return die.children.filter(c => c.tag === 'DW_TAG_member').map(m => {
    const name = attrText(m.attrs.get('DW_AT_name')) ?? '(anonymous)'
    const at = m.attrs.get('DW_AT_data_member_location') ?? m.attrs.get('DW_AT_data_bit_offset') ?? '0'
    const bits = m.attrs.get('DW_AT_bit_size')
    return `${name}@${at}${bits ? `:${bits}b` : ''}:${typeOf(ref(m.attrs.get('DW_AT_type')), byOffset)}`
  })
}

export function parseDwarfInfo(text: string): DwarfFacts {
  const { roots, byOffset } = parseDies(text)
  const inlined = new Map<string, Set<string>>()
  const varTypes = new Map<string, string | undefined>()
  const layouts = new Map<string, string[] | undefined>()
  for (const root of roots) {
    walk(root, d => {
      if ((d.tag === 'DW_TAG_structure_type' || d.tag === 'DW_TAG_union_type') && d.attrs.has('DW_AT_name') && !d.attrs.has('DW_AT_declaration')) {
        const key = `${d.tag === 'DW_TAG_union_type' ? 'union' : 'struct'} ${attrText(d.attrs.get('DW_AT_name'))}`
        const l = [`size ${d.attrs.get('DW_AT_byte_size') ?? '?'}`, ...layoutOf(d, byOffset)]
        const had = layouts.get(key)
        layouts.set(key, layouts.has(key) && (had === undefined || had.join() !== l.join()) ? undefined : l)
        return
      }
      if (d.tag === 'DW_TAG_subprogram' && (d.attrs.has('DW_AT_low_pc') || d.attrs.has('DW_AT_ranges'))) {
        const n = nameOf(d, byOffset)
        if (n === undefined) return
        const set = inlined.get(n) ?? new Set<string>()
        collectInlined(d, byOffset, set)
        inlined.set(n, set)
      } else if (d.tag === 'DW_TAG_variable' && d.attrs.has('DW_AT_name') && d.attrs.has('DW_AT_type')) {
        const n = attrText(d.attrs.get('DW_AT_name'))!
        const t = typeOf(ref(d.attrs.get('DW_AT_type')), byOffset)
        // keep only variables with static storage: at file scope, or with a fixed address
        if (d.depth > 1 && !/DW_OP_addr\b/.test(d.attrs.get('DW_AT_location') ?? '')) return
        varTypes.set(n, varTypes.has(n) && varTypes.get(n) !== t ? undefined : t)
      }
    })
  }
  return { inlined, varTypes, layouts }
}
