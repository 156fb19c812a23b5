/** Where a file's kernel tree is: the root (outermost folder with Makefile, Kbuild, Kconfig), build folder, object. */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { cmdFilePath, findKernelRoot, findKernelTree, isKernelRoot } from '../../src/kbuild/tree.js'

const tree = (t: { testdir: (f: object) => string }) => {
  const root = t.testdir({
    Makefile: '', Kbuild: '', Kconfig: 'mainmenu "Linux"\n', '.config': 'CONFIG_X=y\n',
    lib: { 'cmdline.c': '' },
    arch: { x86: { Makefile: '', Kbuild: '', Kconfig: 'config X86\n', kernel: { cpu: { 'amd.c': '' } } } },
  })
  return root
}

t.test('the outermost root wins: arch/x86 looks like one too', async t => {
  const root = tree(t)
  t.ok(isKernelRoot(path.join(root, 'arch/x86')), 'arch/x86 alone looks like a root')
  t.equal(findKernelRoot(path.join(root, 'arch/x86/kernel/cpu/amd.c')), root)
  t.same(findKernelTree(path.join(root, 'arch/x86/kernel/cpu/amd.c')), { root, buildDir: root, object: 'arch/x86/kernel/cpu/amd.o' })
  t.same(findKernelTree(path.join(root, 'lib/cmdline.c')), { root, buildDir: root, object: 'lib/cmdline.o' })
})

t.test('not configured, not a .c file, or no tree: no kernel tree', async t => {
  const root = tree(t)
  const build = path.join(root, 'build-unconfigured')
  mkdirSync(build, { recursive: true })
  t.equal(findKernelTree(path.join(root, 'lib/cmdline.c'), build), undefined, 'a build folder without .config')
  writeFileSync(path.join(build, '.config'), 'CONFIG_X=y\n')
  t.same(findKernelTree(path.join(root, 'lib/cmdline.c'), build)?.buildDir, build, 'an O= folder with .config')
  t.equal(findKernelTree(path.join(root, 'lib/cmdline.h')), undefined, 'a header')
  t.equal(findKernelRoot('/'), undefined, 'the filesystem root is no kernel tree')
  t.equal(cmdFilePath('/b', 'lib/cmdline.o'), path.join('/b', 'lib', '.cmdline.o.cmd'))
})
