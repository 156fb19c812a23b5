/**
 * The ipa-ra hazard. Under IPA register allocation gcc lets a caller keep values in call-clobbered
 * registers across a call to a function of the same file that does not write them. A live patch
 * replaces the callee but leaves unpatched callers running: if the new callee writes a call-clobbered
 * register the old one did not, those callers lose what they kept there. We compare the registers each
 * version writes (x86-64, from the disassembly; a call to anything outside the file writes them all).
 * IPA-RA is on at -O2/-O3/-Os, and off with -pg (x86 kernels with ftrace), -fno-ipa-ra or
 * -flive-patching=inline-clone/inline-only-static.
 */
import { relocHolder, type ObjectIndex } from './image.js'
import { unmangle } from './names.js'
import type { AsmInsn, ElfSymbol, Hazard, LivePatchFunction } from './types.js'

export const DEFAULT_CFLAGS = ['-O2'] as const

const GPR = ['rax', 'rcx', 'rdx', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11']
/** The registers a call may clobber under the x86-64 SysV ABI (the vector registers as xmm0–15). */
export const CALL_CLOBBERED: readonly string[] = [...GPR, ...Array.from({ length: 16 }, (_, i) => `xmm${i}`)]
const ALL = new Set(CALL_CLOBBERED)

/** Whether gcc uses IPA-RA with these flags (the last -O and the last -f[no-]ipa-ra win). */
export function ipaRaInEffect(cflags: readonly string[]): boolean {
  if (cflags.includes('-pg') || cflags.some(f => /^-flive-patching=inline-(clone|only-static)$/.test(f))) return false
  const ra = cflags.filter(f => f === '-fipa-ra' || f === '-fno-ipa-ra').at(-1)
  if (ra) return ra === '-fipa-ra'
  const o = cflags.filter(f => /^-O/.test(f)).at(-1) ?? '-O0'
  return !/^-O(0|1|g)?$/.test(o)
}

const LEGACY: Record<string, string> = { a: 'rax', b: 'rbx', c: 'rcx', d: 'rdx', si: 'rsi', di: 'rdi', bp: 'rbp', sp: 'rsp' }

/** `%eax`, `%al`, `%r8d`, `%ymm3` → the register they are part of (`rax`, `r8`, `xmm3`). */
export function registerOf(operand: string): string | undefined {
  const m = /^%([a-z0-9]+)$/.exec(operand)
  if (!m) return undefined
  const r = m[1]!
  const vec = /^[xyz]mm(\d+)$/.exec(r)
  if (vec) return `xmm${vec[1]}`
  const ext = /^r(\d+)[dwb]?$/.exec(r)
  if (ext) return `r${ext[1]}`
  const legacy = /^[re]?([abcd])[xlh]$|^[re]?(si|di|bp|sp)l?$/.exec(r)
  return legacy ? LEGACY[legacy[1] ?? legacy[2]!] : undefined
}

const READ_ONLY = /^(cmp(?!xchg)[a-z]*|test[bwlq]?|bt[bwlq]?|u?comis[sd]|v?ptest|push[a-z]*|j[a-z]*|ret[a-z]*|nop[a-z]*|prefetch[a-z0-9]*|[lms]fence|endbr(32|64)|ud2|int3|hlt|pause)$/

/** The registers an instruction writes, calls and jumps left out. */
function written(i: AsmInsn): string[] {
  const regs = (xs: readonly string[]) => xs.map(registerOf).filter((r): r is string => r !== undefined)
  if (/^(i?div|i?mul)[bwlq]?$/.test(i.op) && i.args.length <= 1) return ['rax', 'rdx']
  if (/^(cltq|cwtl|cbtw)$/.test(i.op)) return ['rax']
  if (/^(cltd|cqto|cwtd)$/.test(i.op)) return ['rdx']
  if (/^(movs|stos|lods|scas|cmps|ins|outs)[bwlq]?$/.test(i.op)) return ['rax', 'rcx', 'rsi', 'rdi']
  if (/^(cpuid|rdtscp?|rdmsr|syscall|xgetbv)$/.test(i.op)) return ['rax', 'rcx', 'rdx', 'r11']
  if (/^(xchg|xadd)[bwlq]?$/.test(i.op)) return regs(i.args)
  if (/^cmpxchg/.test(i.op)) return ['rax', ...regs(i.args.slice(-1))]
  if (READ_ONLY.test(i.op)) return []
  return regs(i.args.slice(-1))
}

/** The call-clobbered registers a function writes, itself or through what it calls (memoised per object). */
export function clobbers(ix: ObjectIndex, sym: ElfSymbol, memo = new Map<string, ReadonlySet<string>>()): ReadonlySet<string> {
  const known = memo.get(sym.name)
  if (known) return known
  memo.set(sym.name, ALL) // recursion: assume the worst
  const sec = ix.sectionByIndex.get(sym.shndx!)!
  const code = (ix.facts.asm?.get(sec.name) ?? []).filter(i => i.offset >= sym.value && i.offset < sym.value + sym.size)
  const relocs = ix.relocsBySection.get(sec.name) ?? []
  const out = new Set<string>()
  code.forEach((insn, k) => {
    if (/^(call|j)/.test(insn.op)) { // a jump may leave for a .cold part or tail-call
      const end = code[k + 1]?.offset ?? sym.value + sym.size
      const r = relocs.find(x => x.offset > insn.offset && x.offset < end)
      const target = r && relocHolder(ix, r)
      if (target?.type === 'FUNC' && target.shndx !== undefined) {
        // a local callee adds what it writes (a recursive call adds nothing new)
        if (target !== sym) for (const x of clobbers(ix, target, memo)) out.add(x)
        return
      }
      // a call outside the file or through a pointer may clobber everything; a jump inside the function nothing
      if (insn.op.startsWith('call') || r || insn.args[0]?.startsWith('*')) for (const x of ALL) out.add(x)
      return
    }
    for (const reg of written(insn)) if (ALL.has(reg)) out.add(reg)
  })
  memo.set(sym.name, out)
  return out
}

/** The functions of an object that call (or tail-call) a function named like `callee` (numbers ignored). */
function callersOf(ix: ObjectIndex, callee: string): string[] {
  const key = unmangle(callee)
  const out = new Set<string>()
  for (const f of ix.facts.symbols.filter(s => s.type === 'FUNC' && s.shndx !== undefined)) {
    const sec = ix.sectionByIndex.get(f.shndx!)
    for (const r of (sec && ix.relocsBySection.get(sec.name)) ?? []) {
      if (r.offset < f.value || r.offset >= f.value + f.size) continue
      const t = relocHolder(ix, r)
      if (t?.type === 'FUNC' && t !== f && unmangle(t.name) === key) out.add(f.name)
    }
  }
  return [...out].sort()
}

export function ipaRaHazards(oldIx: ObjectIndex, newIx: ObjectIndex, functions: readonly LivePatchFunction[], cflags: readonly string[]): Hazard[] {
  if (!ipaRaInEffect(cflags)) return []
  const listed = new Set(functions.map(f => f.symbol))
  const defined = (ix: ObjectIndex) => new Map(ix.facts.symbols.filter(s => s.type === 'FUNC' && s.shndx !== undefined).map(s => [unmangle(s.name), s]))
  const oldFns = defined(oldIx)
  const newFns = defined(newIx)
  const oldMemo = new Map<string, ReadonlySet<string>>()
  const newMemo = new Map<string, ReadonlySet<string>>()
  const out: Hazard[] = []
  for (const fn of functions) {
    const o = oldFns.get(unmangle(fn.symbol))
    const n = newFns.get(unmangle(fn.symbol))
    if (!o || !n || fn.reason === 'new') continue
    const before = clobbers(oldIx, o, oldMemo)
    const extra = [...clobbers(newIx, n, newMemo)].filter(r => !before.has(r))
    const callers = callersOf(oldIx, o.name)
    if (!extra.length || !callers.length) continue
    const unlisted = callers.filter(c => !listed.has(c))
    out.push({
      kind: 'ipa-ra', symbol: fn.symbol, severity: unlisted.length ? 'error' : 'warning',
      detail: `${fn.symbol} now writes ${extra.map(r => `%${r}`).join(', ')}, which its callers ${callers.join(', ')} may keep values in across the call (IPA-RA): patch those callers together with it, even when they prove equivalent, or build with -fno-ipa-ra`,
    })
  }
  return out
}
