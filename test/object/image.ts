/**
 * Symbol images: bytes plus relocations resolved to what they name (captures from test/object/captures/pair,
 * and hand-made facts for the shapes gcc did not produce there).
 */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { parseDwarfInfo } from '../../src/object/dwarf.js'
import { imageOf, indexObject, relocHolder, relocTarget, sameImage } from '../../src/object/image.js'
import { parseObjdumpAsm, parseObjdumpContents, parseObjdumpInsns } from '../../src/object/objdump.js'
import { parseReadelf } from '../../src/object/readelf.js'
import type { ElfReloc, ElfSection, ElfSymbol, ObjectFacts } from '../../src/object/types.js'

function load(v: string): ObjectFacts {
  const r = (k: string) => readFileSync(new URL(`./captures/pair/${v}.${k}.txt`, import.meta.url), 'utf8')
  return { ...parseReadelf(r('readelf')), contents: parseObjdumpContents(r('contents')), insns: parseObjdumpInsns(r('insns')), asm: parseObjdumpAsm(r('insns')), dwarf: parseDwarfInfo(r('dwarf')) }
}
const oldIx = indexObject(load('old'))
const newIx = indexObject(load('new'))
const named = (ix: ReturnType<typeof indexObject>, n: string) => ix.facts.symbols.find(s => s.name === n)!

t.test('a string literal reference reads as the string; a call as the callee, from the end of the instruction', async t => {
  t.same(imageOf(newIx, named(newIx, 'a'))!.relocs, ['3:R_X86_64_PC32:str:"alpha!"', '8:R_X86_64_PLT32:puts+0'])
  t.same(imageOf(oldIx, named(oldIx, 'a'))!.relocs, ['3:R_X86_64_PC32:str:"alpha"', '8:R_X86_64_PLT32:puts+0'])
})

t.test('a section symbol reads as the object it holds; a jump table as its content', async t => {
  const lookup = imageOf(newIx, named(newIx, 'lookup'))!
  t.same(lookup.relocs, ['6:R_X86_64_PC32:table+0', '12:R_X86_64_PC32:limit+0'])
  const sw = imageOf(newIx, named(newIx, 'sw'))!
  t.match(sw.relocs[0], /^10:R_X86_64_PC32:\.rodata\.sw\+0#[0-9a-f]{16}$/)
  t.ok(sameImage(sw, imageOf(oldIx, named(oldIx, 'sw'))!), 'sw and its table are the same in both versions')
})

t.test('images: bss is zeros of its size; a changed constant differs; sameImage checks size, bytes and relocations', async t => {
  const n = imageOf(newIx, named(newIx, 'n.0'))!
  t.equal(n.bytes, '0000000000000000')
  t.notOk(sameImage(imageOf(oldIx, named(oldIx, 'table'))!, imageOf(newIx, named(newIx, 'table'))!))
  const base = { name: 'x', section: '.text.x', size: 2, bytes: 'c3c3', relocs: ['0:R:y+0'] }
  t.ok(sameImage(base, { ...base }))
  t.notOk(sameImage(base, { ...base, relocs: ['0:R:z+0'] }))
  t.notOk(sameImage(base, { ...base, relocs: [] }))
  t.equal(imageOf(newIx, named(newIx, 'puts')), undefined, 'an undefined symbol has no image')
})

t.test('relocHolder: the object behind a section symbol, the symbol itself, or nothing', async t => {
  const lookupRelocs = newIx.relocsBySection.get('.text.lookup')!
  t.equal(relocHolder(newIx, lookupRelocs[0]!)?.name, 'table')
  t.equal(relocHolder(newIx, lookupRelocs[1]!)?.name, 'limit')
  t.equal(relocHolder(newIx, newIx.relocsBySection.get('.text.a')![1]!), undefined, 'puts is not defined here')
  t.equal(relocHolder(newIx, { ...lookupRelocs[0]!, sym: 0 }), undefined)
})

const sec = (index: number, name: string, flags: string, entsize = 0, type = 'PROGBITS', size = 16): ElfSection => ({ index, name, type, size, entsize, flags })
const sym = (num: number, name: string, type: string, shndx?: number, value = 0, size = 0, bind = 'LOCAL'): ElfSymbol =>
  ({ num, name, value, size, type, bind, ...(shndx === undefined ? {} : { shndx }) })

t.test('relocTarget: merged constants, anonymous sections, absolute and unknown symbols, self-referencing tables', async t => {
  const relocs: ElfReloc[] = [
    { section: '.text.k', offset: 4, type: 'R_X86_64_PC32', sym: 1, addend: 4 },
    { section: '.text.k', offset: 8, type: 'R_X86_64_32S', sym: 2, addend: 3 },
    { section: '.text.k', offset: 12, type: 'R_X86_64_64', sym: 0, addend: 7 },
    { section: '.rodata.loop', offset: 0, type: 'R_X86_64_64', sym: 3, addend: 0 },
    { section: '.text.k', offset: 14, type: 'R_X86_64_PC32', sym: 5, addend: -4 },
  ]
  const ix = indexObject({
    sections: [sec(1, '.rodata.cst8', 'AM', 8), sec(2, '.rodata.k', 'A'), sec(3, '.rodata.loop', 'A', 0, 'PROGBITS', 8), sec(4, '.text.k', 'AX', 0, 'PROGBITS', 18)],
    symbols: [sym(1, '.rodata.cst8', 'SECTION', 1), sym(2, '.rodata.k', 'SECTION', 2), sym(3, '.rodata.loop', 'SECTION', 3), sym(5, 'ext', 'NOTYPE', undefined, 0, 0, 'GLOBAL')],
    relocs,
    contents: new Map([['.rodata.cst8', Uint8Array.from({ length: 16 }, (_, i) => i)], ['.rodata.loop', new Uint8Array(8)]]),
    insns: new Map(), // no instruction starts known: the field is taken to end the instruction
    dwarf: { inlined: new Map(), varTypes: new Map() },
  })
  t.equal(relocTarget(ix, relocs[0]!), 'const:08090a0b0c0d0e0f+0', 'addend 4 + the 4-byte field reaches the second constant')
  t.match(relocTarget(ix, relocs[1]!), /^\.rodata\.k\+3#[0-9a-f]{16}$/)
  t.equal(relocTarget(ix, relocs[2]!), 'abs7')
  t.match(relocTarget(ix, relocs[3]!), /^\.rodata\.loop\+0#[0-9a-f]{16}$/, 'a table that refers to itself still gets a digest')
  t.equal(relocTarget(ix, relocs[4]!), 'ext+0')
  t.equal(relocTarget(ix, { ...relocs[0]!, sym: 99 }), 'abs4')
})
