/**
 * The ipa-ra hazard: when IPA-RA is on, which registers a function writes, and which changed callees
 * write registers their callers kept values in (capture test/object/captures/ra, -O2; pair for calls to the outside).
 */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { parseDwarfInfo } from '../../src/object/dwarf.js'
import { indexObject } from '../../src/object/image.js'
import { CALL_CLOBBERED, clobbers, ipaRaHazards, ipaRaInEffect, registerOf } from '../../src/object/ipa-ra.js'
import { diffObjects } from '../../src/object/livepatch.js'
import { parseObjdumpAsm, parseObjdumpContents, parseObjdumpInsns } from '../../src/object/objdump.js'
import { parseReadelf } from '../../src/object/readelf.js'
import type { AsmInsn, ObjectFacts } from '../../src/object/types.js'

function load(c: string, v: string): ObjectFacts {
  const r = (k: string) => readFileSync(new URL(`./captures/${c}/${v}.${k}.txt`, import.meta.url), 'utf8')
  return { ...parseReadelf(r('readelf')), contents: parseObjdumpContents(r('contents')), insns: parseObjdumpInsns(r('insns')), asm: parseObjdumpAsm(r('insns')), dwarf: parseDwarfInfo(r('dwarf')) }
}

t.test('ipaRaInEffect: one row per flag set', async t => {
  const rows: [string[], boolean][] = [
    [['-O2'], true], [['-O3'], true], [['-Os'], true], [['-O1'], false], [['-O0'], false], [[], false], [['-Og'], false], [['-O'], false],
    [['-O2', '-pg', '-mfentry'], false], [['-O2', '-fno-ipa-ra'], false], [['-O2', '-fno-ipa-ra', '-fipa-ra'], true], [['-O1', '-fipa-ra'], true],
    [['-O2', '-flive-patching=inline-clone'], false], [['-O2', '-flive-patching=inline-only-static'], false], [['-O2', '-O0'], false],
  ]
  for (const [flags, want] of rows) t.equal(ipaRaInEffect(flags), want, flags.join(' ') || '(none)')
})

t.test('registerOf: every width of a register is that register', async t => {
  const rows: [string, string | undefined][] = [
    ['%eax', 'rax'], ['%al', 'rax'], ['%ah', 'rax'], ['%ax', 'rax'], ['%rax', 'rax'], ['%esi', 'rsi'], ['%sil', 'rsi'], ['%di', 'rdi'],
    ['%r8d', 'r8'], ['%r11b', 'r11'], ['%r10w', 'r10'], ['%xmm3', 'xmm3'], ['%ymm15', 'xmm15'], ['%rsp', 'rsp'], ['%ebp', 'rbp'],
    ['$0x1', undefined], ['0x8(%rsp)', undefined], ['%cs', undefined],
  ]
  for (const [op, want] of rows) t.equal(registerOf(op), want, op)
})

t.test('ra: the old callee writes %rax only; the new one %rcx and %rdx too; the caller kept values there', async t => {
  const oldIx = indexObject(load('ra', 'old'))
  const newIx = indexObject(load('ra', 'new'))
  const callee = (ix: typeof oldIx) => ix.facts.symbols.find(s => s.name === 'callee')!
  t.same([...clobbers(oldIx, callee(oldIx))].sort(), ['rax'])
  t.same([...clobbers(newIx, callee(newIx))].sort(), ['rax', 'rcx', 'rdx'])
  const d = diffObjects({ old: load('ra', 'old'), new: load('ra', 'new'), changed: new Set(['callee']) })
  t.same(d.functions.map(f => [f.symbol, f.reason]), [['callee', 'source-changed'], ['caller', 'codegen-only']])
  t.same(d.hazards.map(h => [h.kind, h.symbol, h.severity]), [['ipa-ra', 'callee', 'warning']], 'the caller is in the patch already')
  t.match(d.hazards[0]!.detail, /^callee now writes %rcx, %rdx, which its callers caller may keep values in across the call \(IPA-RA\): patch those callers together with it/)
  const dropped = ipaRaHazards(oldIx, newIx, [{ symbol: 'callee', function: 'callee', reason: 'source-changed' }], ['-O2'])
  t.match(dropped, [{ kind: 'ipa-ra', severity: 'error' }], 'a caller left out of the patch makes it an error')
  t.same(ipaRaHazards(oldIx, newIx, d.functions, ['-O2', '-pg']), [], 'no IPA-RA with -pg')
  t.same(ipaRaHazards(oldIx, newIx, [{ symbol: 'callee', function: 'callee', reason: 'new' }], ['-O2']), [], 'a new function has no old callers')
})

t.test('calls outside the file write every call-clobbered register; a call to a local function what it writes', async t => {
  const ix = indexObject(load('pair', 'new'))
  const fn = (n: string) => ix.facts.symbols.find(s => s.name === n)!
  t.same([...clobbers(ix, fn('a'))].sort(), [...CALL_CLOBBERED].sort(), 'a tail-calls puts')
  t.same([...clobbers(ix, fn('use_twice'))].sort(), [...clobbers(ix, fn('twice'))].sort(), 'use_twice calls twice and adds in %eax')
  t.same([...clobbers(ix, fn('sw'))].sort(), [...CALL_CLOBBERED].sort(), 'sw tail-calls a1…a6')
})

t.test('implicit writes, read-only instructions, indirect calls and recursion', async t => {
  const sec = { index: 1, name: '.text.f', type: 'PROGBITS', size: 64, entsize: 0, flags: 'AX' }
  const insn = (offset: number, op: string, ...args: string[]): AsmInsn => ({ offset, op, args })
  const facts = (code: AsmInsn[], relocs: ObjectFacts['relocs'] = []): ObjectFacts => ({
    sections: [sec], symbols: [{ num: 1, name: 'f', value: 0, size: 64, type: 'FUNC', bind: 'GLOBAL', shndx: 1 }], relocs,
    contents: new Map(), insns: new Map([['.text.f', code.map(i => i.offset)]]), asm: new Map([['.text.f', code]]), dwarf: { inlined: new Map(), varTypes: new Map() },
  })
  const of = (code: AsmInsn[], relocs?: ObjectFacts['relocs']) => {
    const ix = indexObject(facts(code, relocs))
    return [...clobbers(ix, ix.facts.symbols[0]!)].sort()
  }
  t.same(of([insn(0, 'cmp', '%esi', '%edi'), insn(2, 'test', '%ecx', '%ecx'), insn(4, 'push', '%rbx'), insn(5, 'jne', '10'), insn(7, 'nopw', '0x0(%rax,%rax,1)')]), [])
  t.same(of([insn(0, 'div', '%ecx')]), ['rax', 'rdx'])
  t.same(of([insn(0, 'imul', '%esi', '%edi')]), ['rdi'])
  t.same(of([insn(0, 'cltq')]), ['rax'])
  t.same(of([insn(0, 'cqto')]), ['rdx'])
  t.same(of([insn(0, 'stos', '%al', '%es:(%rdi)')]), ['rax', 'rcx', 'rdi', 'rsi'])
  t.same(of([insn(0, 'rdtsc')]), ['r11', 'rax', 'rcx', 'rdx'])
  t.same(of([insn(0, 'xchg', '%esi', '%r9d')]), ['r9', 'rsi'])
  t.same(of([insn(0, 'cmpxchg', '%esi', '%r10d')]), ['r10', 'rax'])
  t.same(of([insn(0, 'mov', '%esi', '%ebx')]), [], 'rbx is callee-saved')
  t.same(of([insn(0, 'call', '*%rax')]), [...CALL_CLOBBERED].sort(), 'an indirect call')
  t.same(of([insn(0, 'jmp', '*%rax')]), [...CALL_CLOBBERED].sort(), 'an indirect jump: a tail call through a pointer')
  t.same(of([insn(0, 'jmp', '10 <f+0x10>')]), [], 'a jump inside the function')
  t.same(of([insn(0, 'call', '5 <f+0x5>'), insn(5, 'ret')], [{ section: '.text.f', offset: 1, type: 'R_X86_64_PLT32', sym: 1, addend: -4 }]), [], 'recursion adds nothing new')
})
