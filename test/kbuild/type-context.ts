/** The new file's flags in its own tree: source paths move to the new tree, generated headers and config stay. */
import path from 'node:path'
import t from 'tap'
import { newTreeFlags } from '../../src/kbuild/type-context.js'
import type { BuildContext } from '../../src/kbuild/types.js'

const kernel = () => ({ Makefile: '', Kbuild: '', Kconfig: '', lib: { 'x.c': '' } })

const context = (file: string, directory: string, kept: string[]): BuildContext => ({
  origin: 'make-dry-run', from: 'make -n', command: { directory, file, argv: [] }, flags: { kept, dropped: [] },
  mapping: { cbmcArgs: [], fwrapv: false, zeroInitLocals: false, lines: [] },
})

t.test('an O= build: every source path of the old tree moves, the build folder stays', async t => {
  const dir = t.testdir({ old: kernel(), new: kernel(), build: {} })
  const [o, n, b] = ['old', 'new', 'build'].map(d => path.join(dir, d))
  const c = context(path.join(o!, 'lib/x.c'), b!, [
    '-nostdinc', `-I${o}/include`, `-I${b}/include/generated`, '-include', `${o}/include/linux/kconfig.h`, '-isystem', `${o}/arch/x86/include`,
    `-fmacro-prefix-map=${o}/=`, '-DX=1', `-I${dir}/elsewhere`, `-I${o}`,
  ])
  t.same(newTreeFlags(c, path.join(n!, 'lib/x.c')), [
    '-nostdinc', `-I${n}/include`, `-I${b}/include/generated`, '-include', `${n}/include/linux/kconfig.h`, '-isystem', `${n}/arch/x86/include`,
    `-fmacro-prefix-map=${n}/=`, '-DX=1', `-I${dir}/elsewhere`, `-I${n}`,
  ])
  t.equal(newTreeFlags(c, path.join(o!, 'lib/x.c')), undefined, 'the same tree: nothing to compare')
  t.equal(newTreeFlags(c, path.join(dir, 'x.c')), undefined, 'a new file outside any kernel tree')
})

t.test('a tree configured in place: its generated headers and config stay in the old tree', async t => {
  const dir = t.testdir({ old: kernel(), new: kernel() })
  const [o, n] = ['old', 'new'].map(d => path.join(dir, d))
  const c = context(path.join(o!, 'lib/x.c'), o!, [`-I${o}/include`, `-I${o}/include/generated/uapi`, `-I${o}/arch/x86/include/generated`, '-include', `${o}/include/config/auto.conf`])
  t.same(newTreeFlags(c, path.join(n!, 'lib/x.c')), [`-I${n}/include`, `-I${o}/include/generated/uapi`, `-I${o}/arch/x86/include/generated`, '-include', `${o}/include/config/auto.conf`])
})
