/** objdump -s and objdump -d -z -w --insn-width=16, parsed: captured from test/object/captures/pair. */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { parseObjdumpContents, parseObjdumpInsns } from '../../src/object/objdump.js'

const read = (f: string) => readFileSync(new URL(`./captures/pair/${f}`, import.meta.url), 'utf8')

t.test('contents: every dumped section, bytes at their offsets, the short last line too', async t => {
  const c = parseObjdumpContents(read('new.contents.txt'))
  t.equal(Buffer.from(c.get('.rodata.a.str1.1')!).toString('latin1'), 'alpha!\0')
  t.same([...c.get('.data.limit')!], [8, 0, 0, 0])
  t.equal(c.get('.text.where')!.length, 6)
  t.notOk(c.has('.bss.n.0'), 'NOBITS has no contents')
})

t.test('contents: ASCII that looks like hex is not read as bytes', async t => {
  const c = parseObjdumpContents('Contents of section .rodata.x:\n 0000 61626364                             abcd            \n')
  t.same([...c.get('.rodata.x')!], [0x61, 0x62, 0x63, 0x64])
})

t.test('contents: a line objdump left out reads as zeros', async t => {
  const c = parseObjdumpContents('Contents of section .data.y:\n 0004 0102                                 ..              \n')
  t.same([...c.get('.data.y')!], [0, 0, 0, 0, 1, 2])
})

t.test('instructions: the offset of each instruction of each code section', async t => {
  const i = parseObjdumpInsns(read('new.insns.txt'))
  t.same(i.get('.text.a'), [0, 7])
  t.ok(i.get('.text.sw')!.length > 10)
  t.notOk(i.has('.rodata.sw'))
})
