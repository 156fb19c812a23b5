import t from 'tap'
import { contextPlatform, contextSummary, prefixMapsFor, withContextFlags } from '../../src/kbuild/wire.js'
import { mapFlags } from '../../src/kbuild/mapping.js'
import type { BuildContext } from '../../src/kbuild/types.js'

const ctx = (kept: string[]): BuildContext => ({
  origin: 'make-dry-run', from: 'make V=1 -n lib/x.o',
  command: { directory: '/k', file: '/k/lib/x.c', argv: ['gcc', ...kept, '-c', 'lib/x.c'] },
  flags: { kept, dropped: [] }, mapping: mapFlags(kept),
})

t.test('the context\'s flags go in front of --cflags (the user\'s later flags win in gcc); none: unchanged', async t => {
  const cli = { cflags: ['-DUSER'], other: 1 }
  t.same(withContextFlags(cli, ctx(['-I/k/include', '-DK'])), { cflags: ['-I/k/include', '-DK', '-DUSER'], other: 1 })
  t.equal(withContextFlags(cli, undefined), cli)
})

t.test('cbmc gets only the options that change its defaults (x86_64, LP64, C11)', async t => {
  t.same(contextPlatform(ctx(['-std=gnu11', '-m64', '-funsigned-char'])), ['--unsigned-char'])
  t.same(contextPlatform(ctx(['-std=gnu89', '-m32'])), ['--c89', '--32'])
  t.same(contextPlatform(ctx([])), [])
})

t.test('the bounds section: where the flags came from, one line per mapped flag', async t => {
  t.same(contextSummary(ctx(['-fwrapv', '-funsigned-char'])), {
    from: 'make V=1 -n lib/x.o',
    lines: ['-fwrapv → signed overflow wraps (cbmc: no --signed-overflow-check)', '-funsigned-char → plain char is unsigned (cbmc: --unsigned-char)'],
  })
})

t.test('prefixMapsFor: the new tree gets the prefix map the old tree has, so __FILE__ is the same in both', async t => {
  const kept = ['-I/o/include', '-fmacro-prefix-map=/o/=', '-ffile-prefix-map=/o/lib/=L/', '-fmacro-prefix-map=/elsewhere/=x/']
  t.same(prefixMapsFor(kept, '/o/lib/x.c', '/n/lib/x.c'), ['-fmacro-prefix-map=/n/=', '-ffile-prefix-map=/n/lib/=L/'])
  t.same(prefixMapsFor(kept, '/o/lib/x.c', '/o/lib/x.c'), [], 'one file: nothing to add')
  t.same(prefixMapsFor(kept, '/o/lib/x.c', '/n/other/y.c'), [], 'a different relative path: no prefix can be derived')
  t.same(prefixMapsFor(['-fmacro-prefix-map==x', '-fmacro-prefix-map=/o/lib/x.c='], '/o/lib/x.c', '/n/lib/x.c'), [], 'an empty prefix or the whole path: nothing')
})
