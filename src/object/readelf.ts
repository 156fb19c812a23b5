/**
 * Parse `readelf -SsrW <file.o>` (section headers, relocations, symbol table in one run).
 * Relocations name their symbol by index (the high half of the Info column), never by the printed
 * name, so a section symbol and a same-named label cannot be confused.
 */
import type { ElfReloc, ElfSection, ElfSymbol } from './types.js'

export interface ReadelfFacts {
  readonly sections: readonly ElfSection[]
  readonly symbols: readonly ElfSymbol[]
  readonly relocs: readonly ElfReloc[]
}

const SECTION = /^\s*\[\s*(\d+)\]\s+(\S+)\s+(\S+)\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([A-Za-z]*)\s+(\d+)\s+(\d+)\s+(\d+)\s*$/
const RELOC_HEAD = /^Relocation section '(.*)' at offset/
const RELOC = /^([0-9a-f]+)\s+([0-9a-f]+)\s+(\S+)(.*)$/
const SYMTAB_HEAD = /^Symbol table '\.symtab'/
const SYMBOL = /^\s*(\d+):\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?: (.*))?$/

/** The addend at the end of a relocation line: `name + 4`, `name - 4`, or a bare hex value when there is no symbol. */
function parseAddend(tail: string): number {
  const signed = /([+-]) ([0-9a-f]+)\s*$/.exec(tail)
  if (signed) return (signed[1] === '-' ? -1 : 1) * parseInt(signed[2]!, 16)
  const bare = /([0-9a-f]+)\s*$/.exec(tail)
  return bare ? parseInt(bare[1]!, 16) : 0
}

export function parseReadelf(text: string): ReadelfFacts {
  const sections: ElfSection[] = []
  const relaTarget = new Map<string, number>()
  const symbols: ElfSymbol[] = []
  const relocs: ElfReloc[] = []
  let mode: 'none' | 'sections' | 'relocs' | 'symbols' = 'none'
  let relaName = ''
  let skipRelocs = false
  const allocated = new Set<number>()
  for (const line of text.split('\n')) {
    if (line.startsWith('Section Headers:')) { mode = 'sections'; continue }
    if (line.startsWith('Key to Flags:')) { mode = 'none'; continue }
    const rh = RELOC_HEAD.exec(line)
    if (rh) {
      mode = 'relocs'
      relaName = rh[1]!
      // relocations of debug info are most of the output and none of the analysis
      skipRelocs = !allocated.has(relaTarget.get(relaName) ?? -1)
      continue
    }
    if (SYMTAB_HEAD.test(line)) { mode = 'symbols'; continue }
    if (/^Symbol table '/.test(line)) { mode = 'none'; continue }
    if (mode === 'sections') {
      const m = SECTION.exec(line)
      if (!m || m[1] === '0') continue
      sections.push({ index: Number(m[1]), name: m[2]!, type: m[3]!, size: parseInt(m[4]!, 16), entsize: parseInt(m[5]!, 16), flags: m[6]! })
      if (m[6]!.includes('A')) allocated.add(Number(m[1]))
      if (m[3] === 'RELA' || m[3] === 'REL') relaTarget.set(m[2]!, Number(m[8]))
    } else if (mode === 'relocs') {
      if (skipRelocs) continue
      const m = RELOC.exec(line)
      if (!m || m[2]!.length < 9) continue
      const info = m[2]!
      relocs.push({ section: relaName, offset: parseInt(m[1]!, 16), type: m[3]!, sym: parseInt(info.slice(0, info.length - 8), 16), addend: parseAddend(m[4]!) })
    } else if (mode === 'symbols') {
      const m = SYMBOL.exec(line)
      if (!m) continue
      const ndx = m[7]!
      symbols.push({
        num: Number(m[1]), name: m[8] ?? '', value: parseInt(m[2]!, 16), size: m[3]!.startsWith('0x') ? parseInt(m[3]!, 16) : Number(m[3]),
        type: m[4]!, bind: m[5]!, ...(/^\d+$/.test(ndx) ? { shndx: Number(ndx) } : {}),
      })
    }
  }
  const byIndex = new Map(sections.map(s => [s.index, s.name]))
  // a relocation belongs to the section its RELA section applies to (the Inf column; kept ones apply to a known allocated section)
  return { sections, symbols, relocs: relocs.map(r => ({ ...r, section: byIndex.get(relaTarget.get(r.section)!)! })) }
}
