import t from 'tap'
import { checkDataFlags, defineProblem, isInside, shownFlag, splitFlags, undefProblem } from '../../src/config/flags.js'

// One row per flag (or flag list): what a data file writes → the refused flags (as shown) and the -I dirs.
const rows: [string, string, string[], string[]?][] = [
  // allowed: macros, include dirs, language, optimisation, debug, warnings, known -f, target -m
  ['-D / -U attached and separate', '-DX -DY=1 -D Z=2 -UW -U V', []],
  ['-D with a quoted value', '-DKBUILD_MODNAME=\'"foo"\' -D__KERNEL__', []],
  ['-I attached and separate', '-Iinclude -I arch/x86/include', [], ['include', 'arch/x86/include']],
  ['-std', '-std=gnu11 -std=c99 -std=iso9899:1999 -std=gnu2x', []],
  ['-O and -g', '-O -O0 -O2 -Os -Ofast -g -g0 -ggdb -gdwarf-4', []],
  ['warnings', '-Wall -Wno-unused -Werror=implicit-function-declaration -w -Wframe-larger-than=2048', []],
  ['known -f flags', '-fwrapv -fno-strict-overflow -fno-strict-aliasing -fno-common -fshort-wchar -fsigned-char -funsigned-char -fno-builtin -fno-builtin-memcpy -fno-PIE -fno-stack-protector -fms-extensions', []],
  ['target flags', '-m64 -m32 -mno-sse -mno-red-zone -mcmodel=kernel -march=x86-64 -mregparm=3 -mindirect-branch=thunk-extern -march=armv8.2-a+crypto', []],
  ['language flags', '-nostdinc -undef -ansi -pedantic -pipe', []],
  // refused: anything that runs code, reads a file, or passes options on
  ['a gcc plugin', '-fplugin=evil.so', ['-fplugin=evil.so']],
  ['plugin arguments', '-fplugin-arg-evil-x=1', ['-fplugin-arg-evil-x=1']],
  ['dumps and profiles (write or read files)', '-fdump-tree-all -fprofile-use=/x -fprofile-generate -fmacro-prefix-map=/a=/b', ['-fdump-tree-all', '-fprofile-use=/x', '-fprofile-generate', '-fmacro-prefix-map=/a=/b']],
  ['-include a file', '-include /etc/passwd -DX', ['-include /etc/passwd']],
  ['-include attached, -imacros, -iquote, -isystem, -idirafter', '-include/etc/passwd -imacros /etc/passwd -iquote / -isystem /usr -idirafter /', ['-include/etc/passwd', '-imacros /etc/passwd', '-iquote /', '-isystem /usr', '-idirafter /']],
  ['options for the preprocessor, assembler, linker', '-Wp,-include,/etc/passwd -Wa,-x -Wl,-T,x -Wp -Xpreprocessor -imacros', ['-Wp,-include,/etc/passwd', '-Wa,-x', '-Wl,-T,x', '-Wp', '-Xpreprocessor -imacros']],
  ['a malformed warning', '-W/etc', ['-W/etc']],
  ['programs and sysroots', '-B/tmp/evil -wrapper gdb --sysroot=/ -specs=x.specs', ['-B/tmp/evil', '-wrapper gdb', '--sysroot=/', '-specs=x.specs']],
  ['a response file', '@/etc/flags', ['@/etc/flags']],
  ['outputs and languages', '-o /tmp/x -x c++ -MF deps -E -c', ['-o /tmp/x', '-x c++', '-MF deps', '-E', '-c']],
  ['target flags with a path or odd characters', '-mfoo=/etc/passwd -m', ['-mfoo=/etc/passwd', '-m']],
  ['an unknown -f flag', '-fsanitize=address -fopenmp', ['-fsanitize=address', '-fopenmp']],
  ['a flag with no argument at the end', '-D -I', ['-D -I']],
  ['-I, -D, -U without an argument', '-I', ['-I']],
  ['-I- and an empty -I', '-I- -I ""', ['-I-', '-I ']],
  ['-I relative to the sysroot', '-I=/etc -I $SYSROOT/etc', ['-I=/etc', '-I $SYSROOT/etc']],
  ['a keyword macro and a function-like macro', '-Dreturn= -Dif(x)=if(0) -D__CPROVER_assert=(void) -Dklp_ret_old=0', ['-Dreturn=', '-Dif(x)=if(0)', '-D__CPROVER_assert=(void)', '-Dklp_ret_old=0']],
  ['-U of something that is not a name', '-U1x', ['-U1x']],
  ['a refused two-word flag at the very end', '-include', ['-include']],
]

t.test('the allow-list, one row per case', async t => {
  for (const [name, text, refused, dirs = []] of rows) {
    const r = checkDataFlags(splitFlags(text))
    t.same(r.refused.map(x => x.flag), refused, `${name}: refused`)
    t.same(r.includeDirs, dirs, `${name}: -I dirs`)
    t.ok(r.refused.every(x => x.why.length > 0), `${name}: each refusal says why`)
  }
})

t.test('the reasons name the rule', async t => {
  const why = (f: string) => checkDataFlags(splitFlags(f)).refused[0]?.why
  t.equal(why('-fplugin=x.so'), 'not a -f flag known to be safe')
  t.equal(why('-Wp,-x'), 'passes options to another program')
  t.equal(why('-W/x'), 'not a plain warning flag')
  t.equal(why('-m/x'), 'not a plain target flag')
  t.equal(why('-include x'), 'not allowed in a data file')
  t.equal(why('-I-'), 'changes the include search order')
  t.equal(why('-I=/x'), 'relative to the sysroot')
  t.equal(why('-D'), 'has no argument')
})

const defines: [string, string | null][] = [
  ['X', null],
  ['CONFIG_X=1', null],
  ['KBUILD_MODNAME="foo"', null],
  ['__KERNEL__', null],
  ['X=a b c', null],
  ['X=1\n#include "/etc/passwd"', 'the value spans lines'],
  ['X=1\r', 'the value spans lines'],
  ['X=\0', 'the value spans lines'],
  ['f(x)=0', 'a function-like macro'],
  ['1X', 'not NAME or NAME=VALUE'],
  ['', 'not NAME or NAME=VALUE'],
  ['X Y', 'not NAME or NAME=VALUE'],
  ['while=', 'while is a C keyword'],
  ['_Bool=int', '_Bool is a C keyword'],
  ['__CPROVER_assume=(void)', '__CPROVER_assume is a name the proof harness uses'],
  ['__KLP_EXPR_0_BEGIN__', '__KLP_EXPR_0_BEGIN__ is a name the proof harness uses'],
]

t.test('defines (define: entries and -D values)', async t => {
  for (const [d, why] of defines) t.equal(defineProblem(d), why, JSON.stringify(d))
  t.equal(undefProblem('X'), null)
  t.equal(undefProblem('X=1'), 'not a macro name')
})

t.test('isInside compares whole path parts', async t => {
  t.ok(isInside('/a/b', '/a/b'))
  t.ok(isInside('/a/b', '/a/b/c'))
  t.ok(isInside('/a/b/', '/a/b/c'), 'a root with a trailing separator')
  t.notOk(isInside('/a/b', '/a/bc'), 'a sibling with the same prefix is outside')
  t.notOk(isInside('/a/b', '/a'))
  t.ok(isInside('C:\\a', 'C:\\a\\b', '\\'), 'another separator')
})

t.test('shownFlag keeps a flag on one line', async t => {
  t.equal(shownFlag('-DX'), '-DX')
  t.equal(shownFlag('-DX=1\n#x'), '"-DX=1\\n#x"')
})

t.test('splitFlags splits like a shell', async t => {
  t.same(splitFlags(undefined), [])
  t.same(splitFlags('  -DA   -DB '), ['-DA', '-DB'])
  t.same(splitFlags(['-DA -DB', '-DC']), ['-DA', '-DB', '-DC'])
  t.same(splitFlags('-DX="a b" \'-DY=c d\' -DZ=e\\ f'), ['-DX=a b', '-DY=c d', '-DZ=e f'])
  t.same(splitFlags('-DX="a \\"q\\""'), ['-DX=a "q"'])
  t.same(splitFlags('a"b'), ['a"b'], 'an unbalanced quote is kept')
})
