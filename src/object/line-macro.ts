/**
 * kpatch's kpatch_line_macro_change_only: a function whose code differs only in immediates loaded for a
 * call that takes a line number (WARN*, might_sleep, printk, lockdep's RCU checks) changed because code
 * moved above it (__LINE__), not because it does anything else. kpatch leaves it out of the patch; so
 * do we. Same size, same relocations, same instructions but for `mov $imm, <dest>` immediates.
 */
import type { ObjectIndex, SymbolImage } from './image.js'
import type { AsmInsn, ElfSymbol } from './types.js'

/** Functions that take __LINE__ (kpatch's list for x86, plus the printk and might_resched spellings of newer kernels). */
const LINE_TAKERS = /^(__warn_printk|warn_slowpath_\w+|__might_sleep|___might_sleep|__might_resched|__might_fault|_?printk|lockdep_rcu_suspicious|__btrfs_abort_transaction|__btrfs_handle_fs_error|__btrfs_std_error)$/

function code(ix: ObjectIndex, sym: ElfSymbol): readonly AsmInsn[] {
  const sec = ix.sectionByIndex.get(sym.shndx!)!
  return (ix.facts.asm?.get(sec.name) ?? []).filter(i => i.offset >= sym.value && i.offset < sym.value + sym.size)
}

const loadsImmediate = (i: AsmInsn) => /^mov/.test(i.op) && i.args.length === 2 && i.args[0]!.startsWith('$')

/** Whether `a` (old) and `b` (new) differ only in line numbers passed to a line-taking call. */
export function lineMacroOnly(oldIx: ObjectIndex, o: ElfSymbol, a: SymbolImage, newIx: ObjectIndex, n: ElfSymbol, b: SymbolImage): boolean {
  if (a.size !== b.size || a.relocs.join('\n') !== b.relocs.join('\n')) return false
  if (!b.relocs.some(r => LINE_TAKERS.test(r.split(':').slice(2).join(':').replace(/[+-]-?\d+$/, '')))) return false
  const x = code(oldIx, o)
  const y = code(newIx, n)
  if (!x.length || x.length !== y.length) return false
  let differs = false
  for (let k = 0; k < x.length; k++) {
    const p = x[k]!
    const q = y[k]!
    if (p.offset - o.value !== q.offset - n.value || p.op !== q.op) return false
    if (p.args.join(',') === q.args.join(',')) continue
    if (!loadsImmediate(p) || !loadsImmediate(q) || p.args[1] !== q.args[1]) return false
    differs = true
  }
  return differs
}
