/** objdump -s and objdump -d -z -w --insn-width=16, parsed: captured from test/object/captures/pair. */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { parseObjdumpAsm, parseObjdumpContents, parseObjdumpInsns } from '../../src/object/objdump.js'

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

t.test('instructions as text: mnemonic without prefixes, operands split outside parentheses, comments dropped', async t => {
  const a = parseObjdumpAsm(read('new.insns.txt'))
  t.same(a.get('.text.a'), [
    { offset: 0, op: 'lea', args: ['0x0(%rip)', '%rdi'] },
    { offset: 7, op: 'jmp', args: ['c'] },
  ])
  const text = [
    'Disassembly of section .text.s:',
    '',
    '0000000000000000 <s>:',
    '   0:\tf3 48 ab                                        \trep stos %rax,%es:(%rdi)',
    '   3:\t2e 66 0f 1f 84 00 00 00 00 00                   \tcs nopw 0x0(%rax,%rax,1)',
    '   d:\tc3                                              \tret',
    '   e:\tf0 0f c1 07                                     \tlock xadd %eax,(%rdi)',
  ].join('\n')
  t.same(parseObjdumpAsm(text).get('.text.s'), [
    { offset: 0, op: 'stos', args: ['%rax', '%es:(%rdi)'] },
    { offset: 3, op: 'nopw', args: ['0x0(%rax,%rax,1)'] },
    { offset: 13, op: 'ret', args: [] },
    { offset: 14, op: 'xadd', args: ['%eax', '(%rdi)'] },
  ])
})
