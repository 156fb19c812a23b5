import t from 'tap'
import { mapFlags, renderFlagLine } from '../../src/kbuild/mapping.js'

// One row per semantics-bearing flag set → the report lines, cbmc options, fwrapv and zeroed locals.
const rows: [string, string, string[], string[], boolean?, boolean?][] = [
  ['no flags', '', [], []],
  ['-fno-strict-overflow', '-fno-strict-overflow', ['-fno-strict-overflow → signed overflow wraps (cbmc: no --signed-overflow-check)'], [], true],
  ['-fwrapv', '-fwrapv', ['-fwrapv → signed overflow wraps (cbmc: no --signed-overflow-check)'], [], true],
  ['the last of -fwrapv / -fno-wrapv wins', '-fwrapv -fno-wrapv', [], [], false],
  ['-fstrict-overflow after -fno-strict-overflow', '-fno-strict-overflow -fstrict-overflow', [], [], false],
  ['-ftrapv', '-ftrapv', ['-ftrapv → signed overflow traps (cbmc: signed overflow is a safety violation)'], []],
  ['zeroed locals', '-ftrivial-auto-var-init=zero', ['-ftrivial-auto-var-init=zero → locals without an initializer start zeroed (cbmc: modelled: locals of the proof declared without an initializer get a zero one; variable-length arrays stay nondeterministic)'], [], false, true],
  ['pattern-filled locals', '-ftrivial-auto-var-init=pattern', ['-ftrivial-auto-var-init=pattern → locals without an initializer start with a fill pattern (cbmc: not modelled: cbmc starts them nondeterministic, which includes the pattern: an equivalence holds, a difference read from such a local may not exist in this build)'], []],
  ['the last -ftrivial-auto-var-init wins', '-ftrivial-auto-var-init=zero -ftrivial-auto-var-init=uninitialized', [], [], false, false],
  ['null checks kept', '-fno-delete-null-pointer-checks', ['-fno-delete-null-pointer-checks → null checks after a dereference are kept (cbmc: as cbmc, which never optimizes on undefined behaviour; a NULL dereference is a pointer-check failure)'], []],
  ['null checks deleted again', '-fno-delete-null-pointer-checks -fdelete-null-pointer-checks', [], []],
  ['unsigned char', '-funsigned-char', ['-funsigned-char → plain char is unsigned (cbmc: --unsigned-char)'], ['--unsigned-char']],
  ['signed char after unsigned', '-funsigned-char -fsigned-char', [], []],
  ['no strict aliasing', '-fno-strict-aliasing', ['-fno-strict-aliasing → no type-based aliasing assumptions (cbmc: as cbmc, which models memory byte by byte)'], []],
  ['-std=gnu11', '-std=gnu11', ['-std=gnu11 → C standard gnu11 (cbmc: --c11)'], ['--c11']],
  ['-std=gnu89, c99, gnu17, c2x: the last wins', '-std=gnu89', ['-std=gnu89 → C standard gnu89 (cbmc: --c89)'], ['--c89']],
  ['-std=c99', '-std=c99', ['-std=c99 → C standard c99 (cbmc: --c99)'], ['--c99']],
  ['-std=gnu17 after -std=c89', '-std=c89 -std=gnu17', ['-std=gnu17 → C standard gnu17 (cbmc: --c17)'], ['--c17']],
  ['-std=c2x', '-std=c2x', ['-std=c2x → C standard c2x (cbmc: --c23)'], ['--c23']],
  ['an unknown -std', '-std=c++17', [], []],
  ['-m64', '-m64 -mno-sse -mcmodel=kernel', ['-m64 → 64-bit target (LP64) (cbmc: --64)'], ['--64']],
  ['-m32', '-m32', ['-m32 → 32-bit target (ILP32) (cbmc: --32)'], ['--32']],
  ['-mx32', '-mx32', ['-mx32 → x32 target (ILP32 on x86-64) (cbmc: --arch x32)'], ['--arch', 'x32']],
  ['-m16', '-m16', ['-m16 → 16-bit x86 code (ILP32 data) (cbmc: --32)'], ['--32']],
  ['a kernel x86-64 line', '-std=gnu11 -funsigned-char -fno-strict-aliasing -m64 -fno-delete-null-pointer-checks -ftrivial-auto-var-init=zero -fno-strict-overflow', [
    '-fno-strict-overflow → signed overflow wraps (cbmc: no --signed-overflow-check)',
    '-ftrivial-auto-var-init=zero → locals without an initializer start zeroed (cbmc: modelled: locals of the proof declared without an initializer get a zero one; variable-length arrays stay nondeterministic)',
    '-fno-delete-null-pointer-checks → null checks after a dereference are kept (cbmc: as cbmc, which never optimizes on undefined behaviour; a NULL dereference is a pointer-check failure)',
    '-funsigned-char → plain char is unsigned (cbmc: --unsigned-char)',
    '-fno-strict-aliasing → no type-based aliasing assumptions (cbmc: as cbmc, which models memory byte by byte)',
    '-std=gnu11 → C standard gnu11 (cbmc: --c11)',
    '-m64 → 64-bit target (LP64) (cbmc: --64)',
  ], ['--unsigned-char', '--c11', '--64'], true, true],
]

for (const [name, flags, lines, args, fwrapv = false, zero = false] of rows) {
  t.test(name, async t => {
    const m = mapFlags(flags.split(' ').filter(Boolean))
    t.same(m.lines.map(renderFlagLine), lines)
    t.same(m.cbmcArgs, args)
    t.equal(m.fwrapv, fwrapv, 'fwrapv')
    t.equal(m.zeroInitLocals, zero, 'zeroed locals')
  })
}
