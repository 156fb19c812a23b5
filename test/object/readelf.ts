/**
 * readelf -SsrW, parsed: captured from test/object/captures/pair (gcc -O2 -g -ffunction-sections -fdata-sections),
 * and the line shapes the capture has none of.
 */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { parseReadelf } from '../../src/object/readelf.js'

const text = readFileSync(new URL('./captures/pair/new.readelf.txt', import.meta.url), 'utf8')
const elf = parseReadelf(text)

t.test('sections: name, type, size, flags; the null section is left out', async t => {
  t.notOk(elf.sections.some(s => s.index === 0))
  t.match(elf.sections.find(s => s.name === '.text.caller_a'), { type: 'PROGBITS', flags: 'AX' })
  t.match(elf.sections.find(s => s.name === '.data.limit'), { type: 'PROGBITS', flags: 'WA', size: 4 })
  t.match(elf.sections.find(s => s.name === '.bss.n.0'), { type: 'NOBITS', size: 8 })
  t.match(elf.sections.find(s => s.name === '.rodata.a.str1.1'), { flags: 'AMS', entsize: 1 })
})

t.test('symbols: value, size, type, bind, section index; undefined symbols have none', async t => {
  const limit = elf.symbols.find(s => s.name === 'limit')!
  t.match(limit, { type: 'OBJECT', bind: 'GLOBAL', size: 4 })
  t.equal(elf.sections.find(s => s.index === limit.shndx)?.name, '.data.limit')
  t.match(elf.symbols.find(s => s.name === 'scale.constprop.0'), { type: 'FUNC', bind: 'LOCAL' })
  const puts = elf.symbols.find(s => s.name === 'puts')!
  t.equal(puts.shndx, undefined, 'puts is UND')
  t.equal(elf.symbols[0]!.name, '', 'the null symbol has no name')
})

t.test('relocations: against the section they patch, symbol by index, signed addend', async t => {
  const inA = elf.relocs.filter(r => r.section === '.text.a')
  t.equal(inA.length, 2)
  t.same(inA.map(r => [r.offset, r.type, elf.symbols.find(s => s.num === r.sym)?.name, r.addend]), [
    [3, 'R_X86_64_PC32', '.LC0', -4],
    [8, 'R_X86_64_PLT32', 'puts', -4],
  ])
})

t.test('line shapes: positive and bare addends, hex sizes, a relocation section whose target is unknown', async t => {
  const synthetic = [
    'Section Headers:',
    '  [Nr] Name              Type            Address          Off    Size   ES Flg Lk Inf Al',
    '  [ 0]                   NULL            0000000000000000 000000 000000 00      0   0  0',
    '  [ 1] .data.t           PROGBITS        0000000000000000 000040 000010 00  WA  0   0  8',
    '  [ 2] .rela.data.t      RELA            0000000000000000 000100 000030 18   I  5   1  8',
    '  [ 3] .rela.gone        RELA            0000000000000000 000130 000018 18   I  5   9  8',
    'Key to Flags:',
    "Relocation section '.rela.data.t' at offset 0x100 contains 2 entries:",
    "    Offset             Info             Type               Symbol's Value  Symbol's Name + Addend",
    '0000000000000000  0000000300000001 R_X86_64_64            0000000000000000 f + 10',
    '0000000000000008  0000000000000008 R_X86_64_RELATIVE                         2a',
    '0000000000000008  00000008 R_X86_64_BROKEN',
    '0000000000000008  0000000000000008 R_X86_64_NONE',
    "Relocation section '.rela.gone' at offset 0x130 contains 1 entry:",
    '0000000000000000  0000000300000001 R_X86_64_64            0000000000000000 f + 0',
    "Symbol table '.symtab' contains 4 entries:",
    '     3: 0000000000000000 0x186a0 OBJECT  GLOBAL DEFAULT    1 t',
    '     4: 0000000000000000     0 NOTYPE  LOCAL  DEFAULT  UND',
    "Symbol table '.dynsym' contains 1 entry:",
    '     1: 0000000000000000     4 OBJECT  GLOBAL DEFAULT    1 ignored',
  ].join('\n')
  const p = parseReadelf(synthetic)
  t.same(p.sections.map(s => s.name), ['.data.t', '.rela.data.t', '.rela.gone'])
  t.same(p.relocs.map(r => [r.section, r.sym, r.addend]), [['.data.t', 3, 16], ['.data.t', 0, 42], ['.data.t', 0, 0]], 'a line without a full Info column is not a relocation')
  t.same(p.symbols.map(s => [s.name, s.size]), [['t', 100000], ['', 0]])
})
