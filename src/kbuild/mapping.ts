/**
 * The meaning of the kept compile flags, mapped to cbmc (pure). Later flags win over earlier ones,
 * as in gcc (`-fwrapv -fno-wrapv` does not wrap). Each mapped flag gives one line for the report's
 * bounds section: `-fno-strict-overflow → signed overflow wraps (cbmc: no --signed-overflow-check)`.
 */
import type { FlagLine, FlagMapping } from './types.js'

/** The cbmc option for a -std= value (cbmc reads GNU C in every mode). */
function stdArg(std: string): string | undefined {
  const m = /^(?:c|gnu|iso9899:)(89|90|199409|1990|99|9x|1999|11|1x|2011|17|18|2017|2018|2x|23)$/.exec(std)
  if (!m) return undefined
  const v = m[1]!
  if (/^(89|90|1990|199409)$/.test(v)) return '--c89'
  if (/^(99|9x|1999)$/.test(v)) return '--c99'
  if (/^(11|1x|2011)$/.test(v)) return '--c11'
  if (/^(17|18|2017|2018)$/.test(v)) return '--c17'
  return '--c23'
}

/** The last flag of a family that `flags` set (gcc: the last one wins), or undefined. */
function lastOf(flags: readonly string[], family: readonly string[]): string | undefined {
  for (let i = flags.length - 1; i >= 0; i--) if (family.includes(flags[i]!)) return flags[i]
  return undefined
}

const WRAP = ['-fwrapv', '-fno-wrapv', '-fno-strict-overflow', '-fstrict-overflow', '-ftrapv']
const CHAR = ['-funsigned-char', '-fsigned-char', '-fno-signed-char', '-fno-unsigned-char']
const NULL_CHECKS = ['-fno-delete-null-pointer-checks', '-fdelete-null-pointer-checks']
const ALIASING = ['-fno-strict-aliasing', '-fstrict-aliasing']
const ARCH = ['-m64', '-m32', '-mx32', '-m16']

/** Map kept flags (filterFlags' `kept`) to cbmc options and report lines. */
export function mapFlags(flags: readonly string[]): FlagMapping {
  const lines: FlagLine[] = []
  const cbmcArgs: string[] = []
  const add = (flag: string, meaning: string, cbmc: string, args: readonly string[] = []) => {
    lines.push({ flag, meaning, cbmc, args })
    cbmcArgs.push(...args)
  }

  const wrap = lastOf(flags, WRAP)
  const fwrapv = wrap === '-fwrapv' || wrap === '-fno-strict-overflow'
  if (fwrapv) add(wrap!, 'signed overflow wraps', 'no --signed-overflow-check')
  else if (wrap === '-ftrapv') add(wrap, 'signed overflow traps', 'signed overflow is a safety violation')

  const init = [...flags].reverse().find(f => f.startsWith('-ftrivial-auto-var-init='))
  const initKind = init?.slice('-ftrivial-auto-var-init='.length)
  const zeroInitLocals = initKind === 'zero'
  // zero: src/extract/zero-init.ts gives such locals an initializer (gcc zeroes VLAs too; cbmc cannot)
  if (zeroInitLocals) add(init!, 'locals without an initializer start zeroed', 'modelled: locals of the proof declared without an initializer get a zero one; variable-length arrays stay nondeterministic')
  else if (initKind === 'pattern') add(init!, 'locals without an initializer start with a fill pattern', 'not modelled: cbmc starts them nondeterministic, which includes the pattern: an equivalence holds, a difference read from such a local may not exist in this build')

  if (lastOf(flags, NULL_CHECKS) === '-fno-delete-null-pointer-checks') {
    add('-fno-delete-null-pointer-checks', 'null checks after a dereference are kept', 'as cbmc, which never optimizes on undefined behaviour; a NULL dereference is a pointer-check failure')
  }

  const ch = lastOf(flags, CHAR)
  if (ch === '-funsigned-char' || ch === '-fno-signed-char') add(ch, 'plain char is unsigned', '--unsigned-char', ['--unsigned-char'])

  if (lastOf(flags, ALIASING) === '-fno-strict-aliasing') add('-fno-strict-aliasing', 'no type-based aliasing assumptions', 'as cbmc, which models memory byte by byte')

  const std = [...flags].reverse().find(f => f.startsWith('-std='))
  const sarg = std ? stdArg(std.slice(5)) : undefined
  if (std && sarg) add(std, `C standard ${std.slice(5)}`, sarg, [sarg])

  const arch = lastOf(flags, ARCH)
  if (arch === '-m64') add(arch, '64-bit target (LP64)', '--64', ['--64'])
  else if (arch === '-m32') add(arch, '32-bit target (ILP32)', '--32', ['--32'])
  else if (arch === '-mx32') add(arch, 'x32 target (ILP32 on x86-64)', '--arch x32', ['--arch', 'x32'])
  else if (arch === '-m16') add(arch, '16-bit x86 code (ILP32 data)', '--32', ['--32'])

  return { cbmcArgs, fwrapv, zeroInitLocals, lines }
}

/** A mapping line as the report's bounds section shows it. */
export function renderFlagLine(l: FlagLine): string {
  return `${l.flag} → ${l.meaning} (cbmc: ${l.cbmc})`
}
