/**
 * A series' build context: the old version's compile command of every changed file, one make run
 * for the series, its tree paths moved into each version's view. The tree here is a tiny
 * Kbuild-shaped one (its Makefile prints a gcc line for `make V=1 -n lib/x.o` and counts its runs).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { contextDigest, resolveSeriesBuild, viewFlags } from '../../src/series/build-context.js'
import type { PatchFile, SeriesPatch, SeriesSource } from '../../src/series/types.js'

t.test('viewFlags: tree paths move into each version\'s view, other paths and flags stay', async t => {
  const T = '/src/linux'
  const views = { old: '/tmp/s/000-a', new: '/tmp/s/001-b' }
  const kept = ['-nostdinc', `-I${T}/include`, '-I/build/include', '-include', `${T}/include/linux/kconfig.h`, '-isystem', '/usr/lib/gcc/include', `-fmacro-prefix-map=${T}/=`, '-DX=1', '-O2']
  const rows: [string, ReturnType<typeof viewFlags>, ReturnType<typeof viewFlags>][] = [
    ['two views', viewFlags(kept, [T], views, false), {
      cflags: ['-nostdinc', '-include', '/tmp/s/000-a/include/linux/kconfig.h', '-isystem', '/usr/lib/gcc/include', `-fmacro-prefix-map=${T}/=`, '-fmacro-prefix-map=/tmp/s/000-a/=', '-fmacro-prefix-map=/tmp/s/001-b/=', '-DX=1', '-O2'],
      includes: { old: ['/tmp/s/000-a/include', '/build/include'], new: ['/tmp/s/001-b/include', '/build/include'] },
    }],
    ['a build folder inside the tree: each moved -I is followed by the original (generated headers)', viewFlags([`-I${T}/include`, '-I/elsewhere'], [T], views, true), {
      cflags: [], includes: { old: ['/tmp/s/000-a/include', `${T}/include`, '/elsewhere'], new: ['/tmp/s/001-b/include', `${T}/include`, '/elsewhere'] },
    }],
    ['no tree (a manifest): as the command has them', viewFlags(kept, [], { old: null, new: null }, false), {
      cflags: ['-nostdinc', '-include', `${T}/include/linux/kconfig.h`, '-isystem', '/usr/lib/gcc/include', `-fmacro-prefix-map=${T}/=`, '-DX=1', '-O2'],
      includes: { old: [`${T}/include`, '/build/include'], new: [`${T}/include`, '/build/include'] },
    }],
    ['a lone -include (no argument) and -I with nothing after it stay flags', viewFlags(['-I', '-include'], [T], views, false), { cflags: ['-I', '-include'], includes: { old: [], new: [] } }],
  ]
  for (const [what, got, want] of rows) t.same(got, want, what)
})

const MAKEFILE = [
  '$(shell echo run >> $(CURDIR)/runs.log)',
  'lib/%.o: lib/%.c',
  '\tgcc -Wp,-MMD,x.d -nostdinc -I./include -include ./include/cfg.h -fmacro-prefix-map=$(CURDIR)/= -funsigned-char -fno-strict-overflow -Wall -c -o $@ $<',
  'skip/%.o: skip/%.c',
  '\t@echo nothing for $@',
  'olddefconfig:',
  '\techo run >> $(O)/olddefconfig.log',
  'prepare:',
  '\techo run >> $(O)/prepare.log',
  '',
].join('\n')

function kernelTree(t: Parameters<Parameters<typeof t.test>[1]>[0]) {
  const dir = t.testdir({
    linux: {
      Makefile: MAKEFILE, Kbuild: '', Kconfig: '', '.config': 'CONFIG_X=y\n',
      include: { 'cfg.h': '#define W 1\n' }, lib: { 'x.c': 'int x;\n', 'y.c': 'int y;\n' }, skip: { 'z.c': 'int z;\n' },
    },
    snap: { a: { lib: { 'x.c': '', 'y.c': '' }, skip: { 'z.c': '' } }, b: { lib: { 'x.c': '', 'y.c': '', 'w.c': '' }, skip: { 'z.c': '' } } },
    'cc.json': '',
  })
  return { dir, tree: path.join(dir, 'linux') }
}

const fileOf = (dir: string, key: string, over: Partial<PatchFile> = {}): PatchFile => ({
  key, oldLabel: `a:${key}`, newLabel: `b:${key}`, oldPath: path.join(dir, 'snap/a', key), newPath: path.join(dir, 'snap/b', key), oldIncludes: [], newIncludes: [], ...over,
})

const sourceOf = (tree: string, files: PatchFile[], kind: SeriesSource['kind'] = 'patches'): SeriesSource => ({
  kind, description: 'test', root: tree, baseTip: [], cleanup: async () => {},
  patches: [{ id: 'p', index: 0, title: 'p', files, functions: 'auto', specs: [], trailerClaims: {} } satisfies SeriesPatch],
})

t.test('a configured kernel tree: one make run for every file, flags in each version\'s view, a file make has no command for is an error', async t => {
  const { dir, tree } = kernelTree(t)
  const logs: string[] = []
  const files = [fileOf(dir, 'lib/x.c'), fileOf(dir, 'lib/y.c'), fileOf(dir, 'skip/z.c'), fileOf(dir, 'lib/w.c', { oldPath: null })]
  const buildOf = await resolveSeriesBuild(sourceOf(tree, files), {}, {}, m => logs.push(m), false)
  t.equal(readFileSync(path.join(tree, 'runs.log'), 'utf8').trim().split('\n').length, 1, 'one make run for all the files')
  const x = buildOf(files[0]!)
  if (!x || x instanceof Error) throw new Error(`no context: ${String(x)}`)
  t.same(x.includes, { old: [`${dir}/snap/a/include`, `${tree}/include`], new: [`${dir}/snap/b/include`, `${tree}/include`] }, 'the tree is its own build folder: the original -I follows each view\'s')
  t.same(x.cflags, ['-nostdinc', '-include', `${dir}/snap/a/include/cfg.h`, `-fmacro-prefix-map=${tree}/=`, `-fmacro-prefix-map=${dir}/snap/a/=`, `-fmacro-prefix-map=${dir}/snap/b/=`, '-funsigned-char', '-fno-strict-overflow'])
  t.equal(x.summary.from, 'make V=1 -n lib/x.o')
  t.same(x.platform, ['--unsigned-char'])
  t.match(x.digest, /^[0-9a-f]{16}$/)
  t.equal((buildOf(files[1]!) as { digest: string }).digest, x.digest, 'the same flags and .config: the same digest')
  t.match(buildOf(files[1]!), { summary: { from: 'make V=1 -n lib/y.o' } })
  t.match(buildOf(files[2]!), { name: 'ConfigError', message: /make V=1 -n skip\/z\.o printed no command that compiles .*skip\/z\.c/ })
  t.equal(buildOf(files[3]!), undefined, 'an added file with no command: none (its functions are only listed)')
  t.match(logs, [/build context: 2 of 4 files/])
  const renamed = fileOf(dir, 'lib/v.c', { oldKey: 'lib/x.c', oldPath: path.join(dir, 'snap/a/lib/x.c') })
  const removed = fileOf(dir, 'lib/y.c', { newPath: null })
  const more = await resolveSeriesBuild(sourceOf(tree, [renamed, removed]), {}, {}, () => {}, false)
  t.match(more(renamed), { summary: { from: 'make V=1 -n lib/x.o' }, includes: { old: [`${dir}/snap/a/include`], new: [`${dir}/snap/b/include`] } }, 'a renamed file: its old name\'s command')
  t.match(more(removed), { includes: { old: [`${dir}/snap/a/include`], new: [`${dir}/snap/a/include`] } }, 'a removed file: its old view for both')

  writeFileSync(path.join(tree, '.config'), 'CONFIG_X=n\n')
  const other = await resolveSeriesBuild(sourceOf(tree, files), {}, {}, () => {}, false)
  t.not((other(files[0]!) as { digest: string }).digest, x.digest, 'another .config: another digest')
  const fallback = await resolveSeriesBuild(sourceOf(tree, files), {}, {}, m => logs.push(m), true)
  t.equal(fallback(files[2]!), undefined, 'found automatically while --cflags was given: the user\'s flags alone, as verify does')
  t.match(logs.at(-1), /no build context for skip\/z\.c .*using --cflags alone/)
})

t.test('--compile-commands: entries of the tree\'s files; a manifest looks its old files up where they are', async t => {
  const { dir, tree } = kernelTree(t)
  const db = path.join(dir, 'cc.json')
  writeFileSync(db, JSON.stringify([{ directory: tree, file: 'lib/x.c', command: 'cc -I include -DFROM_DB -c lib/x.c' }]))
  const files = [fileOf(dir, 'lib/x.c'), fileOf(dir, 'lib/y.c')]
  const buildOf = await resolveSeriesBuild(sourceOf(tree, files), { compileCommands: db }, {}, () => {}, true)
  t.match(buildOf(files[0]!), { cflags: ['-DFROM_DB'], includes: { old: [`${dir}/snap/a/include`], new: [`${dir}/snap/b/include`] }, summary: { from: db } })
  t.match(buildOf(files[1]!), { name: 'ConfigError', message: /has no entry for/ }, 'given --compile-commands, a file it lacks is an error even with --cflags')
  // a project's build folder without a kernel .config: the digest is of the flags alone
  const elsewhere = path.join(dir, 'cc2.json')
  writeFileSync(elsewhere, JSON.stringify([{ directory: path.join(dir, 'snap'), file: path.join(tree, 'lib/x.c'), command: 'cc -DFROM_DB -c x.c' }]))
  const noConfig = (await resolveSeriesBuild(sourceOf(tree, [files[0]!]), { compileCommands: elsewhere }, {}, () => {}, true))(files[0]!) as { digest: string }
  t.equal(noConfig.digest, contextDigest(['-DFROM_DB'], [], undefined))

  const own = fileOf(dir, 'x.c', { oldPath: path.join(tree, 'lib/x.c'), newPath: path.join(dir, 'snap/b/lib/x.c') })
  const manifest = await resolveSeriesBuild(sourceOf(dir, [own], 'manifest'), {}, {}, () => {}, false)
  t.match(manifest(own), { cflags: ['-nostdinc', '-include', `${tree}/include/cfg.h`], includes: { old: [`${tree}/include`], new: [`${tree}/include`] } }, 'the old file\'s own tree, paths as they are')
})

t.test('no files, no tree, and --kconfig outside a kernel tree', async t => {
  const dir = t.testdir({ plain: { 'a.c': '' }, 'k.config': '' })
  t.equal((await resolveSeriesBuild({ ...sourceOf(dir, []), baseTip: [] }, {}, {}, () => {}, false))(fileOf(dir, 'a.c')), undefined)
  const f = fileOf(dir, 'a.c', { oldPath: path.join(dir, 'plain/a.c') })
  t.equal((await resolveSeriesBuild(sourceOf(path.join(dir, 'plain'), [f]), {}, {}, () => {}, false))(f), undefined, 'not a kernel tree: no context, as before')
  await t.rejects(resolveSeriesBuild(sourceOf(path.join(dir, 'plain'), [f]), { kconfig: path.join(dir, 'k.config') }, {}, () => {}, false), { name: 'UsageError', message: /--kconfig needs a kernel tree/ })
})

t.test('git mode: a file the work tree lacks (it holds another commit) is an error saying so; --kconfig prepares a scratch folder once', async t => {
  const { dir, tree } = kernelTree(t)
  const gone = fileOf(dir, 'lib/gone.c')
  const git = await resolveSeriesBuild(sourceOf(tree, [fileOf(dir, 'lib/x.c'), gone], 'git'), {}, {}, () => {}, false)
  t.match(git(gone), { name: 'ConfigError', message: `lib/gone.c is not in the work tree of ${tree}, so its compile command cannot be found`, hint: /check out a commit of the range/ })
  t.match(git(fileOf(dir, 'lib/x.c')), { summary: { from: 'make V=1 -n lib/x.o' } })

  const cache = path.join(dir, 'xdg')
  const saved = process.env.XDG_CACHE_HOME
  process.env.XDG_CACHE_HOME = cache
  t.teardown(() => { if (saved === undefined) delete process.env.XDG_CACHE_HOME; else process.env.XDG_CACHE_HOME = saved })
  writeFileSync(path.join(dir, 'k.config'), 'CONFIG_X=y\n')
  const logs: string[] = []
  const files = [fileOf(dir, 'lib/x.c')]
  const k = await resolveSeriesBuild(sourceOf(tree, files), { kconfig: path.join(dir, 'k.config') }, { KBUILD_OUTPUT: '/nonexistent' }, m => logs.push(m), false)
  t.match(logs[0], /^preparing a build folder for .*k\.config in .*xdg\/klp-verify\/kbuild\//)
  const scratch = logs[0]!.replace(/^.* in (\S+) .*$/, '$1')
  t.equal(readFileSync(path.join(scratch, 'prepare.log'), 'utf8'), 'run\n', 'make O=… prepare ran once')
  t.match(k(files[0]!), { summary: { from: `make O=${scratch} V=1 -n lib/x.o` } }, 'the command from the scratch folder, not $KBUILD_OUTPUT')
})

t.test('contextDigest: the same on every machine, another for another config or other flags', async t => {
  const flags = (root: string) => [`-I${root}/include`, '-isystem', `${root}/gcc`, `-fmacro-prefix-map=${root}/=`, '-DKBUILD_MODNAME="x"', '-fno-strict-overflow']
  const here = contextDigest(flags('/home/a/linux'), [], 'CONFIG_X=y\n')
  t.equal(contextDigest(flags('/srv/b/linux-6.12'), [], 'CONFIG_X=y\n'), here, 'absolute paths are left out')
  t.match(here, /^[0-9a-f]{16}$/)
  t.not(contextDigest(flags('/home/a/linux'), [], 'CONFIG_X=n\n'), here, 'another .config')
  t.not(contextDigest(flags('/home/a/linux'), [], undefined), here, 'no .config (a compile_commands.json project)')
  t.not(contextDigest([...flags('/home/a/linux'), '-ftrivial-auto-var-init=zero'], [], 'CONFIG_X=y\n'), here, 'another flag')
  t.not(contextDigest(flags('/home/a/linux'), ['--unsigned-char'], 'CONFIG_X=y\n'), here, 'another cbmc platform')
})
