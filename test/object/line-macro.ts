/** kpatch's line-macro rule on hand-made objects: only `mov $imm` immediates differ, and a line-taking call is made. */
import t from 'tap'
import { indexObject, type SymbolImage } from '../../src/object/image.js'
import { lineMacroOnly } from '../../src/object/line-macro.js'
import type { AsmInsn, ElfSymbol, ObjectFacts } from '../../src/object/types.js'

const sym: ElfSymbol = { num: 1, name: 'f', value: 0, size: 16, type: 'FUNC', bind: 'GLOBAL', shndx: 1 }
const insn = (offset: number, op: string, ...args: string[]): AsmInsn => ({ offset, op, args })
const facts = (asm: AsmInsn[] | undefined): ObjectFacts => ({
  sections: [{ index: 1, name: '.text.f', type: 'PROGBITS', size: 16, entsize: 0, flags: 'AX' }],
  symbols: [sym], relocs: [], contents: new Map(), insns: new Map(),
  ...(asm ? { asm: new Map([['.text.f', asm]]) } : {}),
  dwarf: { inlined: new Map(), varTypes: new Map() },
})
const body = (line: string, op = 'mov', dest = '%edx') => [insn(0, op, line, dest), insn(5, 'mov', '$0x0', '%rdi'), insn(12, 'call', '11'), insn(15, 'ret')]
const image = (relocs = ['13:R_X86_64_PLT32:__warn_printk-4'], size = 16): SymbolImage => ({ name: 'f', section: '.text.f', size, bytes: '00', relocs })
const only = (a: AsmInsn[] | undefined, b: AsmInsn[] | undefined, ia = image(), ib = image()) =>
  lineMacroOnly(indexObject(facts(a)), sym, ia, indexObject(facts(b)), sym, ib)

t.test('a moved line number passed to __warn_printk: line-only', async t => {
  t.ok(only(body('$0x3dd'), body('$0x3e0')))
  t.ok(only(body('$0x3dd'), body('$0x3e0'), image(['13:R_X86_64_PLT32:__might_sleep+0']), image(['13:R_X86_64_PLT32:__might_sleep+0'])), 'might_sleep')
})

t.test('anything else is a change', async t => {
  const rows: [string, boolean][] = [
    ['identical code is no line-only change (the images differ elsewhere)', only(body('$0x3dd'), body('$0x3dd'))],
    ['no line-taking call', only(body('$0x3dd'), body('$0x3e0'), image(['13:R_X86_64_PLT32:kfree-4']), image(['13:R_X86_64_PLT32:kfree-4']))],
    ['other relocations', only(body('$0x3dd'), body('$0x3e0'), image(), image(['13:R_X86_64_PLT32:__warn_printk-4', '20:R_X86_64_PC32:x-4']))],
    ['other size', only(body('$0x3dd'), body('$0x3e0'), image(), image(undefined, 17))],
    ['another destination', only(body('$0x3dd'), body('$0x3e0', 'mov', '%esi'))],
    ['not a load of an immediate', only(body('$0x3dd', 'add'), body('$0x3e0', 'add'))],
    ['a register load', only(body('%eax'), body('%ecx'))],
    ['another instruction', only(body('$0x3dd'), [insn(0, 'mov', '$0x3e0', '%edx'), insn(5, 'mov', '$0x0', '%rsi'), insn(12, 'call', '11'), insn(15, 'ret')])],
    ['another opcode', only(body('$0x3dd'), [insn(0, 'mov', '$0x3e0', '%edx'), insn(5, 'lea', '$0x0', '%rdi'), insn(12, 'call', '11'), insn(15, 'ret')])],
    ['moved instructions', only(body('$0x3dd'), [insn(0, 'mov', '$0x3e0', '%edx'), insn(6, 'mov', '$0x0', '%rdi'), insn(12, 'call', '11'), insn(15, 'ret')])],
    ['more instructions', only(body('$0x3dd'), [...body('$0x3e0').slice(0, 3), insn(14, 'nop'), insn(15, 'ret')])],
    ['no disassembly', only(undefined, undefined)],
  ]
  for (const [what, got] of rows) t.notOk(got, what)
})
