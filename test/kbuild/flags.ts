import t from 'tap'
import { filterFlags } from '../../src/kbuild/flags.js'

const cmd = (words: string) => ({ directory: '/b', file: '/s/lib/x.c', argv: ['gcc', ...words.split(' ').filter(Boolean), '/s/lib/x.c'] })

// One row per kind of flag: the words after `gcc` → what is kept (paths absolute against /b) and what is dropped (why).
const rows: [string, string, string[], [string, string][]][] = [
  ['include paths, attached and separate, made absolute', '-I./include -I /s/include -isystem inc -iquote q -idirafter /d', ['-I/b/include', '-I/s/include', '-isystem', '/b/inc', '-iquote', '/b/q', '-idirafter', '/d'], []],
  ['forced includes, separate and attached', '-include ./x.h -imacros m.h -includey.h', ['-include', '/b/x.h', '-imacros', '/b/m.h', '-include', '/b/y.h'], []],
  ['macros, attached and separate', '-D__KERNEL__ -D X=1 -UY -U Z', ['-D__KERNEL__', '-DX=1', '-UY', '-UZ'], []],
  ['language, optimisation, target', '-std=gnu11 -nostdinc -O2 -m64 -mno-sse -mcmodel=kernel', ['-std=gnu11', '-nostdinc', '-O2', '-m64', '-mno-sse', '-mcmodel=kernel'], []],
  ['-f flags with meaning', '-fno-strict-overflow -fwrapv -funsigned-char -fno-delete-null-pointer-checks -ftrivial-auto-var-init=zero -fno-common -fshort-wchar -fno-strict-aliasing -fno-builtin-wcslen -fstrict-flex-arrays=3 -fno-PIE -fcf-protection=branch -fstack-protector-strong -fmacro-prefix-map=/s/=', ['-fno-strict-overflow', '-fwrapv', '-funsigned-char', '-fno-delete-null-pointer-checks', '-ftrivial-auto-var-init=zero', '-fno-common', '-fshort-wchar', '-fno-strict-aliasing', '-fno-builtin-wcslen', '-fstrict-flex-arrays=3', '-fno-PIE', '-fcf-protection=branch', '-fstack-protector-strong', '-fmacro-prefix-map=/s/='], []],
  ['operation and output', '-c -o lib/x.o', [], [['-c', 'the operation'], ['-o lib/x.o', 'the output file']]],
  ['dependency files', '-Wp,-MMD,lib/.x.o.d -MD -MF x.d -MT x.o', [], [['-Wp,-MMD,lib/.x.o.d', 'a dependency file'], ['-MD', 'a dependency file'], ['-MF x.d', 'a dependency file'], ['-MT x.o', 'a dependency file']]],
  ['warnings and debug info', '-Wall -Werror=implicit-int -Wno-sign-compare -w -g -gdwarf-5', [], [['-Wall', 'a warning'], ['-Werror=implicit-int', 'a warning'], ['-Wno-sign-compare', 'a warning'], ['-w', 'a warning'], ['-g', 'debug info'], ['-gdwarf-5', 'debug info']]],
  ['plugins and sanitizers', '-fplugin=./scripts/gcc-plugins/x.so -fplugin-arg-x-y -fsanitize=kernel-address -fno-sanitize=all', [], [['-fplugin=./scripts/gcc-plugins/x.so', 'a gcc plugin'], ['-fplugin-arg-x-y', 'a gcc plugin'], ['-fsanitize=kernel-address', 'instrumentation (cbmc checks memory safety itself)'], ['-fno-sanitize=all', 'instrumentation (cbmc checks memory safety itself)']]],
  ['code generation only', '-pg -fdebug-prefix-map=/s/= -falign-jumps=1 -fpatchable-function-entry=16,16 -fno-asynchronous-unwind-tables --param=allow-store-data-races=0 -fverbose-asm', [],
    [['-pg', 'code generation (mcount)'], ['-fdebug-prefix-map=/s/=', 'code generation'], ['-falign-jumps=1', 'code generation'], ['-fpatchable-function-entry=16,16', 'code generation'], ['-fno-asynchronous-unwind-tables', 'code generation'], ['--param=allow-store-data-races=0', 'code generation'], ['-fverbose-asm', 'code generation']]],
  ['options passed on to other programs', '-Wa,-gdwarf -Wl,-z', [], [['-Wa,-gdwarf', 'passes options to another program'], ['-Wl,-z', 'passes options to another program']]],
]

for (const [name, words, kept, dropped] of rows) {
  t.test(name, async t => {
    const r = filterFlags(cmd(words))
    t.same(r.kept, kept)
    t.same(r.dropped.map(d => [d.flag, d.why]), [...dropped, ['/s/lib/x.c', 'the source file']])
  })
}

t.test('-D/-U at the very end, another input file', async t => {
  const r = filterFlags({ directory: '/b', file: '/s/x.c', argv: ['gcc', 'y.o', '-D'] })
  t.same(r.dropped.map(d => [d.flag, d.why]), [['y.o', 'an input file'], ['-D', 'has no argument']])
  t.same(filterFlags({ directory: '/b', file: '/s/x.c', argv: ['gcc', '-include'] }).dropped, [{ flag: '-include', why: 'has no argument' }])
  t.same(filterFlags({ directory: '/b', file: '/s/x.c', argv: ['gcc', '-o'] }).dropped, [{ flag: '-o', why: 'the output file' }])
})
