import t from 'tap'
import { chmodSync } from 'node:fs'
import path from 'node:path'
import { KERNEL_SHIM_DIR, isKernelCode, kernelPreprocessorFlags, markerName, preprocess, preprocessorFlags, safeMarkers, splitExprs, type PreprocessOptions } from '../../src/extract/read.js'

const none: PreprocessOptions = { includes: [], defines: [], cflags: [], exprs: [] }

t.test('preprocessorFlags keeps what matters to the preprocessor', async t => {
  const rows: [string, string[], string[]][] = [
    ['nothing', [], []],
    ['separate values', ['-I', 'inc', '-D', 'X=1', '-U', 'Y', '-include', 'k.h', '-isystem', 'sys'],
      ['-I', 'inc', '-D', 'X=1', '-U', 'Y', '-include', 'k.h', '-isystem', 'sys']],
    ['joined values', ['-Iinc', '-DX', '-UY', '-std=gnu11', '-isystemsys', '-includek.h'], ['-Iinc', '-DX', '-UY', '-std=gnu11', '-isystemsys', '-includek.h']],
    ['-f and -m flags, -nostdinc, -undef', ['-fno-strict-aliasing', '-m64', '-mno-red-zone', '-nostdinc', '-undef'],
      ['-fno-strict-aliasing', '-m64', '-mno-red-zone', '-nostdinc', '-undef']],
    ['compiler-only flags are dropped', ['-O2', '-Wall', '-g', '-c', '-o', 'out.o', 'x.c'], []],
    ['a flag missing its value at the end', ['-O2', '-D'], ['-D', '']],
  ]
  for (const [name, cflags, want] of rows) t.same(preprocessorFlags(cflags), want, name)
})

const KERNEL_H = {
  'compiler.h': [
    '#define __is_constexpr(x) (sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))',
    '#define __annotated(var, attr) __builtin_has_attribute(var, attr)', '',
  ].join('\n'),
  'container_of.h': [
    '#define container_of(ptr, type, member) ((type *)((char *)(ptr) - __builtin_offsetof(type, member)))',
    '#define container_of_const(ptr, type, member) _Generic(ptr, const typeof(*(ptr)) *: ((const type *)container_of(ptr, type, member)), default: ((type *)container_of(ptr, type, member)))', '',
  ].join('\n'),
  'cache.h': [
    '#define SMP_CACHE_BYTES 64', '#define __aligned(x) __attribute__((__aligned__(x)))',
    '#define __cacheline_group_begin(GROUP) __u8 __cacheline_group_begin__##GROUP[0]',
    '#define __cacheline_group_begin_aligned(GROUP, ...) __cacheline_group_begin(GROUP) __aligned(__VA_ARGS__ ?: SMP_CACHE_BYTES)', '',
  ].join('\n'),
}
const KERNEL_C = `#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/cache.h>
struct s { int a; int m; };
int f(int n, int *p) { return __is_constexpr(n) + __annotated(n, nonstring) + container_of_const(p, struct s, m)->a; }
struct t { __cacheline_group_begin_aligned(hot); int x; };
int __seg_gs *percpu;
`

t.test('kernel code: the shim headers come first, the named address spaces are spelled as nothing', async t => {
  const rows: [string, string[], string[], boolean][] = [
    ['-D__KERNEL__', ['-O2', '-D__KERNEL__'], [], true],
    ['-D __KERNEL__', ['-D', '__KERNEL__'], [], true],
    ['-D__KERNEL__=1', ['-D__KERNEL__=1'], [], true],
    ['a -D of the command line', [], ['__KERNEL__'], true],
    ['other names', ['-DKERNEL', '-D__KERNEL__X', '-U__KERNEL__', '__KERNEL__'], ['MY__KERNEL__'], false],
    ['-D at the end', ['-D'], [], false],
  ]
  for (const [name, cflags, defines, want] of rows) t.equal(isKernelCode(cflags, defines), want, name)
  t.same(kernelPreprocessorFlags(['-D__KERNEL__']), ['-I', KERNEL_SHIM_DIR.replace(/\/$/, ''), '-D__seg_gs=', '-D__seg_fs='])
  t.same(kernelPreprocessorFlags(['-O2']), [], 'a standalone file: nothing')

  const dir = t.testdir({ include: { linux: KERNEL_H }, 'k.c': KERNEL_C })
  const file = path.join(dir, 'k.c')
  const cflags = ['-nostdinc', `-I${path.join(dir, 'include')}`]
  const kernel = await preprocess(file, { ...none, cflags: [...cflags, '-D__KERNEL__'] })
  t.match(kernel.text, /# 1 "[^"]*templates\/kernel-shim\/linux\/compiler\.h"/, 'the shim is found before the kernel\'s header')
  t.match(kernel.text, /# 1 "[^"]*\/include\/linux\/compiler\.h"/, '… and includes it')
  t.match(kernel.text, /return __builtin_constant_p\(n\) \+ \(0\) \+ /, '__is_constexpr is exact, __annotated is 0')
  t.match(kernel.text, /__builtin_choose_expr\( __builtin_types_compatible_p/, 'container_of_const picks its type without _Generic')
  t.match(kernel.text, /__aligned__\(\( \+ 0\) \? \( \+ 0\) : 64\)/, 'the cacheline alignment has no `?:`')
  t.match(kernel.text, /^int \*percpu;$/m, '__seg_gs is gone')
  const plain = await preprocess(file, { ...none, cflags })
  t.notMatch(plain.text, /kernel-shim|__builtin_constant_p|__builtin_choose_expr/, 'no __KERNEL__: the headers as they are')
  t.match(plain.text, /int __seg_gs \*percpu;/)
})

t.test('splitExprs', async t => {
  const text = '# 1 "u.c"\nint x;\n# 2 "/tmp/w/wrapper.c" 2\n'
  const tail = [
    '# 1 "<klp-expressions>"',
    '__KLP_EXPR_0_BEGIN__ len > 8 __KLP_EXPR_0_END__',
    '__KLP_EXPR_1_BEGIN__ p != ',
    '# 2 "<klp-expressions>" 3 4',
    '  ((void *)0)',
    '# 2 "<klp-expressions>"',
    '  __KLP_EXPR_1_END__',
    '',
  ].join('\n')
  t.same(splitExprs(text + tail, 2), { text, exprs: ['len > 8', 'p != ((void *)0)'] })
  t.same(splitExprs(text + tail, 3), { text, exprs: ['len > 8', 'p != ((void *)0)', ''] }, 'a missing expression is empty')
  t.same(splitExprs(text, 0), { text, exprs: [] }, 'no expressions: the whole text')
  t.same(splitExprs(text, 1), { text, exprs: [''] }, 'no marker at all')
})

t.test('preprocess runs gcc -E and expands expressions in the file’s context', async t => {
  const dir = t.testdir({
    'old.c': '#include "defs.h"\n#include <stddef.h>\n#define LIMIT 8\nint f(int *p, int len) { return p != NULL && len < LIMIT; }\n',
    'new.c': '#include "defs.h"\n#define LIMIT (2 * BASE)\nint f(int *p, int len) { return len < LIMIT; }\n',
    'defs.h': '#define BASE 16\n',
    inc: { 'extra.h': '#define EXTRA 3\n' },
  })
  const exprs = ['len < LIMIT', 'p != NULL', 'EXTRA + FROM_D + FROM_CFLAGS', 'a\n&& b']
  const opts: PreprocessOptions = { includes: [path.join(dir, 'inc')], defines: ['FROM_D=5'], cflags: ['-DFROM_CFLAGS=7', '-include', 'extra.h', '-O2'], exprs }
  const old = await preprocess(path.join(dir, 'old.c'), opts)
  t.equal(old.path, path.join(dir, 'old.c'))
  t.same(old.exprs, ['len < 8', 'p != ((void *)0)', '3 + 5 + 7', 'a && b'])
  t.match(old.text, /int f\(int \*p, int len\) \{ return p != \n# 4 ".*old\.c" 3 4\n +\(\(void \*\)0\)/, 'NULL expanded with its line markers')
  t.notMatch(old.text, /__KLP_EXPR_|klp-expressions/, 'no expression in the unit text')
  t.match(old.text, new RegExp(`# 1 "${path.join(dir, 'old.c').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`), 'line markers name the user file')

  const nw = await preprocess(path.join(dir, 'new.c'), opts)
  t.same(nw.exprs.slice(0, 2), ['len < (2 * 16)', 'p != NULL'], 'each version expands its own macros')
})

t.test('preprocess: relative paths and file names with quotes or backslashes', async t => {
  const dir = t.testdir({ 'we"ird': { 'x.c': 'int x;\n' }, 'back\\slash': { 'y.c': 'int y;\n' } })
  const rows: [string, RegExp, RegExp][] = [
    [path.join(dir, 'we"ird', 'x.c'), /int x;/, /# 1 "[^"\n]*we%22ird\/x\.c"/],
    [path.join(dir, 'back\\slash', 'y.c'), /int y;/, /# 1 "[^"\n]*back%5Cslash\/y\.c"/],
  ]
  for (const [file, code, marker] of rows) {
    const r = await preprocess(path.relative(process.cwd(), file), none)
    t.match(r.text, code, file)
    // cbmc's C front end fails on an escaped quote or backslash in a line marker (an invariant
    // violation, then no JSON): the markers name such a file with those characters as %XX
    t.match(r.text, marker, 'the line marker names the file by a name cbmc takes')
    t.equal(r.text.split('\n').find(l => l.includes('ird/x.c') || l.includes('slash/y.c'))?.includes('\\'), false, 'no escape in the marker')
    t.same(r.exprs, [])
  }
})

t.test('preprocess errors', async t => {
  const dir = t.testdir({
    'missing-include.c': '#include "nope.h"\nint x;\n',
    'error-directive.c': '#error need CONFIG_FOO\n',
    'ok.c': 'int x;\n',
    'a-dir': {},
    'fake-gcc-quiet': '#!/bin/sh\necho "something went wrong" >&2\nexit 1\n',
    'fake-gcc-wrapper': '#!/bin/sh\nfor a; do case $a in *.c) src=$a;; esac; done\necho "$src:2:1: error: bad expression" >&2\nexit 1\n',
  })
  chmodSync(path.join(dir, 'fake-gcc-quiet'), 0o755)
  chmodSync(path.join(dir, 'fake-gcc-wrapper'), 0o755)
  const hintPaths = /check the path of the old and new C files/
  const hintFlags = /pass include directories with -I, macros with -D, or kernel flags with --cflags/
  const rows: [string, string, Partial<PreprocessOptions>, { name: string; [k: string]: unknown }][] = [
    ['a missing file', 'nope.c', {}, { name: 'ExtractError', message: 'cannot read nope.c: no such file', hint: hintPaths, exitCode: 3 }],
    ['a directory', 'a-dir', {}, { name: 'ExtractError', message: 'cannot read a-dir: it is a directory', hint: hintPaths }],
    ['a path through a file', 'ok.c/x.c', {}, { name: 'ExtractError', message: /^cannot read ok\.c\/x\.c: ENOTDIR/, hint: hintPaths }],
    ['a missing include', 'missing-include.c', {},
      { name: 'ExtractError', message: /^cannot preprocess missing-include\.c: .*missing-include\.c:1:10: fatal error: nope\.h: No such file or directory$/, hint: hintFlags }],
    ['#error', 'error-directive.c', {}, { name: 'ExtractError', message: /^cannot preprocess error-directive\.c: .*error: #error need CONFIG_FOO$/, hint: hintFlags }],
    ['no gcc', 'ok.c', { gcc: path.join(dir, 'no-such-gcc') },
      { name: 'ToolNotFoundError', message: /^cannot run .*no-such-gcc to preprocess ok\.c$/, hint: /install gcc/, exitCode: 3 }],
    ['stderr without the word error', 'ok.c', { gcc: path.join(dir, 'fake-gcc-quiet') },
      { name: 'ExtractError', message: 'cannot preprocess ok.c: something went wrong', hint: hintFlags }],
    ['an error in the wrapper', 'ok.c', { gcc: path.join(dir, 'fake-gcc-wrapper') },
      { name: 'ExtractError', message: 'cannot preprocess ok.c: <wrapper>:2:1: error: bad expression' }],
  ]
  const cwd = process.cwd()
  process.chdir(dir)
  t.teardown(() => process.chdir(cwd))
  for (const [name, file, opts, want] of rows) {
    await t.rejects(preprocess(file, { ...none, ...opts }), want, name)
  }
})

t.test('markerName and safeMarkers: names cbmc cannot take become %XX in line markers', async t => {
  t.equal(markerName('/a/b.c'), '/a/b.c', 'a plain name is itself')
  t.equal(markerName('/a/100%.c'), '/a/100%.c', 'a % alone needs nothing')
  t.equal(markerName('/a/o"l\\d\n%.c'), '/a/o%22l%5Cd%0A%25.c', 'quote, backslash, newline and then % too')
  const text = '# 1 "/x/we\\"ird.c"\nint a;\n# 1 "/y/plain.h" 1\n# 3 "/z/tab\\011.h" 2\n'
  t.equal(safeMarkers(text), '# 1 "/x/we%22ird.c"\nint a;\n# 1 "/y/plain.h" 1\n# 3 "/z/tab%09.h" 2\n')
  t.equal(safeMarkers('# 1 "/tmp/link.c"\n', new Map([['/tmp/link.c', '/u/o%0Ald.c']])), '# 1 "/u/o%0Ald.c"\n', 'a renamed file')
})

t.test('preprocess refuses an input or #include that is not a regular file, before gcc runs', async t => {
  const dir = t.testdir({ 'zero.c': '#include "/dev/zero"\nint x;\n', 'ok.c': 'int x;\n', sub: {} })
  await t.rejects(preprocess(path.join(dir, 'zero.c'), none), { message: /zero\.c:1: #include "\/dev\/zero" names a character device, not a file$/ })
  await t.rejects(preprocess('/dev/null', none), { message: /cannot read \/dev\/null: it is a character device/ })
  await t.rejects(preprocess(path.join(dir, 'sub'), none), { message: /it is a directory/ })
  t.match((await preprocess(path.join(dir, 'ok.c'), none)).text, /int x;/)
})

t.test('preprocess: a file name with a newline is included through a link and named by markerName', async t => {
  const dir = t.testdir({ 'ol\nd.c': 'int x;\n' })
  const r = await preprocess(path.join(dir, 'ol\nd.c'), none)
  t.match(r.text, /# 1 "[^"\n]*ol%0Ad\.c" 1\nint x;/)
  t.notMatch(r.text, /input\.c|klp-pp-/, 'no temporary name left')
})

t.test('gcc -E limits: time and memory caps name the cause; an abort stops gcc', async t => {
  const dir = t.testdir({ 'dz.h': '#include "/dev/zero"\n', 'dev.c': '#include "dz.h"\n' })
  await t.rejects(preprocess(path.join(dir, 'dev.c'), { ...none, memoryMb: 256 }), { message: /^gcc -E ran out of memory \(cap 256 MiB\) preprocessing .*dev\.c$/ })
  await t.rejects(preprocess(path.join(dir, 'dev.c'), { ...none, memoryMb: 100_000, timeoutMs: 300 }), { message: /^gcc -E did not finish within 0\.3 s preprocessing/ })
  const ac = new AbortController()
  const p = preprocess(path.join(dir, 'dev.c'), { ...none, memoryMb: 100_000, signal: ac.signal })
  setTimeout(() => ac.abort(new Error('stop')), 200)
  await t.rejects(p, { message: 'stop' }, 'an abort stops gcc and throws its reason')
})
