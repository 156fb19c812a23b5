/**
 * A symbol's image: its bytes and its relocations with every target resolved to what it names —
 * a symbol (numbers of mangled names ignored), the string a string-literal reference points at, the
 * bytes of a merged constant — never a raw offset. Two versions of a symbol are the same code or data
 * exactly when their images are equal (kpatch's section + rela comparison, rela_equal).
 */
import { createHash } from 'node:crypto'
import { unmangle } from './names.js'
import type { ElfReloc, ElfSection, ElfSymbol, ObjectFacts } from './types.js'

export interface SymbolImage {
  readonly name: string
  readonly section: string
  readonly size: number
  /** hex of the bytes (zeros for .bss) */
  readonly bytes: string
  /** `<offset>:<type>:<target>` per relocation inside the symbol, offsets from its start */
  readonly relocs: readonly string[]
}

/** Indexes built once per object. */
export interface ObjectIndex {
  readonly facts: ObjectFacts
  readonly sectionByIndex: ReadonlyMap<number, ElfSection>
  readonly symbolByNum: ReadonlyMap<number, ElfSymbol>
  readonly relocsBySection: ReadonlyMap<string, readonly ElfReloc[]>
}

export function indexObject(facts: ObjectFacts): ObjectIndex {
  const relocsBySection = new Map<string, ElfReloc[]>()
  for (const r of facts.relocs) {
    const list = relocsBySection.get(r.section) ?? []
    list.push(r)
    relocsBySection.set(r.section, list)
  }
  return {
    facts,
    sectionByIndex: new Map(facts.sections.map(s => [s.index, s])),
    symbolByNum: new Map(facts.symbols.map(s => [s.num, s])),
    relocsBySection,
  }
}

/** Relocations whose place is computed from the end of the instruction (x86-64 and its GOT/PLT forms). */
const PC_RELATIVE = /^R_X86_64_(PC32|PLT32|GOTPCREL|GOTPCRELX|REX_GOTPCRELX|GOTPC32|PC64)$/

/** How far the relocated field is from the end of its instruction: what the CPU adds to the addend. */
function targetBias(ix: ObjectIndex, r: ElfReloc): number {
  // in data (a jump table, .eh_frame) the place is the field itself (kpatch: not a text section → 0)
  const sec = ix.facts.sections.find(s => s.name === r.section)
  if (!PC_RELATIVE.test(r.type) || !sec?.flags.includes('X')) return 0
  const next = ix.facts.insns.get(r.section)?.find(s => s > r.offset)
  // the last instruction ends with its section; with no instruction starts known, the 4-byte field ends it
  return (next ?? (ix.facts.insns.has(r.section) ? sec.size : r.offset + 4)) - r.offset
}

function cString(bytes: Uint8Array | undefined, at: number): string | undefined {
  if (!bytes || at < 0 || at >= bytes.length) return undefined
  let end = at
  while (end < bytes.length && bytes[end] !== 0) end++
  return Buffer.from(bytes.subarray(at, end)).toString('latin1')
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}

/** The function or object that holds `offset` inside section `sec`. */
function holderAt(ix: ObjectIndex, sec: ElfSection, offset: number): ElfSymbol | undefined {
  return ix.facts.symbols.find(s => s.shndx === sec.index && (s.type === 'FUNC' || s.type === 'OBJECT') &&
    offset >= s.value && (offset < s.value + s.size || offset === s.value))
}

/** The function or object a relocation reaches (through a section symbol or label too), if it names one. */
export function relocHolder(ix: ObjectIndex, r: ElfReloc): ElfSymbol | undefined {
  const sym = ix.symbolByNum.get(r.sym)
  if (!sym || r.sym === 0) return undefined
  if (sym.type === 'FUNC' || sym.type === 'OBJECT') return sym
  const sec = sym.shndx === undefined ? undefined : ix.sectionByIndex.get(sym.shndx)
  return sec && holderAt(ix, sec, sym.value + r.addend + targetBias(ix, r))
}

/** What `offset` inside section `sec` refers to: a string, a named symbol + delta, a merged constant, or the section + offset. */
function resolveInSection(ix: ObjectIndex, sec: ElfSection, offset: number): string {
  const bytes = ix.facts.contents.get(sec.name)
  if (sec.flags.includes('M') && sec.flags.includes('S')) {
    const s = cString(bytes, offset)
    if (s !== undefined) return `str:${JSON.stringify(s)}`
  }
  const holder = holderAt(ix, sec, offset)
  if (holder) return `${unmangle(holder.name)}+${offset - holder.value}`
  if (sec.flags.includes('M') && sec.entsize > 0 && bytes) {
    const start = offset - (offset % sec.entsize)
    return `const:${hex(bytes.subarray(start, start + sec.entsize))}+${offset - start}`
  }
  return `${unmangle(sec.name)}+${offset}#${sectionDigest(ix, sec)}`
}

const digests = new WeakMap<ObjectIndex, Map<string, string>>()

/**
 * The content of a section no symbol names (a switch's jump table in `.rodata.<fn>`): its bytes and its
 * relocations' targets, so that a reference to it compares what it holds, not where it is.
 */
function sectionDigest(ix: ObjectIndex, sec: ElfSection): string {
  const memo = digests.get(ix) ?? new Map<string, string>()
  digests.set(ix, memo)
  const known = memo.get(sec.name)
  if (known !== undefined) return known
  memo.set(sec.name, 'cycle') // a table that refers back to itself reads as the same in both versions
  const bytes = ix.facts.contents.get(sec.name)
  const relocs = (ix.relocsBySection.get(sec.name) ?? []).map(r => `${r.offset}:${r.type}:${relocTarget(ix, r)}`)
  const digest = createHash('sha256').update(bytes ? hex(bytes) : `nobits:${sec.size}`).update(relocs.join('\n')).digest('hex').slice(0, 16)
  memo.set(sec.name, digest)
  return digest
}

/** A relocation's target, resolved to what it names. */
export function relocTarget(ix: ObjectIndex, r: ElfReloc): string {
  const sym = ix.symbolByNum.get(r.sym)
  if (!sym || r.sym === 0) return `abs${r.addend}`
  const sec = sym.shndx === undefined ? undefined : ix.sectionByIndex.get(sym.shndx)
  // a section symbol or a local label (.LC0): the target is a place inside that section
  if (sec && (sym.type === 'SECTION' || (sym.type === 'NOTYPE' && sym.bind === 'LOCAL'))) {
    return resolveInSection(ix, sec, sym.value + r.addend + targetBias(ix, r))
  }
  // the place the instruction reaches, so `call helper` (helper - 4) and `.text.helper - 4` both read helper+0
  const at = r.addend + targetBias(ix, r)
  return `${unmangle(sym.name)}${at < 0 ? '' : '+'}${at}`
}

/** The image of a defined symbol. */
export function imageOf(ix: ObjectIndex, sym: ElfSymbol): SymbolImage | undefined {
  const sec = sym.shndx === undefined ? undefined : ix.sectionByIndex.get(sym.shndx)
  if (!sec) return undefined
  const all = ix.facts.contents.get(sec.name)
  const bytes = sec.type === 'NOBITS' || !all ? new Uint8Array(sym.size) : all.subarray(sym.value, sym.value + sym.size)
  const relocs = (ix.relocsBySection.get(sec.name) ?? [])
    .filter(r => r.offset >= sym.value && r.offset < sym.value + sym.size)
    .map(r => `${r.offset - sym.value}:${r.type}:${relocTarget(ix, r)}`)
  return { name: sym.name, section: sec.name, size: sym.size, bytes: hex(bytes), relocs }
}

export function sameImage(a: SymbolImage, b: SymbolImage): boolean {
  return a.size === b.size && a.bytes === b.bytes && a.relocs.length === b.relocs.length && a.relocs.every((r, i) => r === b.relocs[i])
}
