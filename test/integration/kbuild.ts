/**
 * The build context of a file, found automatically, on a tiny Kbuild-shaped tree made here (a
 * Makefile whose `make V=1 -n lib/x.o` prints the gcc line, a Kbuild and a Kconfig file, a
 * .config): `make -n` when nothing is built, the `.x.o.cmd` file or `compile_commands.json` when
 * they exist, `--compile-commands` for any project, and `--kconfig` preparing a scratch build folder
 * (make O=…) without touching the tree. The flags kept must preprocess the file from any folder.
 */
import t, { type Test } from 'tap'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { findBuildContext, prepareKconfig, resolveBuildContext } from '../../src/kbuild/index.js'
import { requireCbmc, runCli } from '../fixtures/integration.js'

const FLAGS = `-Wp,-MMD,$(dir $@).$(notdir $@).d -nostdinc -I./include -include ./include/cfg.h -D__KERNEL__ -DKBUILD_MODNAME='"x"' -std=gnu11 -fno-strict-overflow -funsigned-char -ftrivial-auto-var-init=zero -m64 -Wall -g`
const MAKEFILE = [
  'lib/%.o: lib/%.c',
  `\tgcc ${FLAGS} -c -o $@ $<`,
  'skip/%.o: skip/%.c',
  '\t@echo nothing to do for $@',
  'olddefconfig:',
  '\techo run >> $(O)/olddefconfig.log; echo CONFIG_X=y >> $(O)/.config',
  'prepare:',
  '\tmkdir -p $(O)/include/generated && echo "#define AUTOCONF 1" > $(O)/include/generated/autoconf.h && echo run >> $(O)/prepare.log',
  '',
].join('\n')

function tree(t: Test): string {
  return t.testdir({
    linux: {
      Makefile: MAKEFILE, Kbuild: 'obj-y += lib/\n', Kconfig: 'config X\n\tbool "x"\n', '.config': 'CONFIG_X=y\n',
      include: { 'cfg.h': '#define CFG_WIDTH 12\n' },
      lib: { 'x.c': 'int width(void) { return CFG_WIDTH + KBUILD_MODNAME[0]; }\n' },
      skip: { 'y.c': 'int y;\n' },
    },
    'kernel.config': 'CONFIG_X=y\n',
    elsewhere: {},
  }) + '/linux'
}

/** gcc -E of `file` with the kept flags, run from another folder: the relative paths had to be made absolute. */
const preprocess = (kept: readonly string[], file: string, cwd: string) =>
  execFileSync('gcc', ['-E', '-P', ...kept, file], { cwd, encoding: 'utf8' })

t.test('nothing built: the command make V=1 -n prints, its flags kept (paths absolute) and mapped', async t => {
  const root = tree(t)
  const file = path.join(root, 'lib/x.c')
  const c = await findBuildContext(file)
  t.equal(c?.origin, 'make-dry-run')
  t.equal(c?.from, 'make V=1 -n lib/x.o')
  t.equal(c?.command.directory, root)
  t.same(c?.flags.kept, ['-nostdinc', `-I${root}/include`, '-include', `${root}/include/cfg.h`, '-D__KERNEL__', '-DKBUILD_MODNAME="x"', '-std=gnu11', '-fno-strict-overflow', '-funsigned-char', '-ftrivial-auto-var-init=zero', '-m64'])
  t.same(c?.flags.dropped.map(d => d.flag), ['-Wp,-MMD,lib/.x.o.d', '-Wall', '-g', '-c', '-o lib/x.o', 'lib/x.c'])
  t.same(c?.mapping.cbmcArgs, ['--unsigned-char', '--c11', '--64'])
  t.equal(c?.mapping.fwrapv, true)
  t.equal(c?.mapping.zeroInitLocals, true)
  t.match(preprocess(c!.flags.kept, file, path.join(root, '../elsewhere')), /return 12 \+ "x"\[0\];/)
  t.notOk(existsSync(path.join(root, 'lib/x.o')), 'nothing was built')
})

t.test('a .o.cmd file wins over compile_commands.json, which wins over make -n', async t => {
  const root = tree(t)
  const file = path.join(root, 'lib/x.c')
  writeFileSync(path.join(root, 'compile_commands.json'), JSON.stringify([{ directory: root, file: 'lib/x.c', arguments: ['gcc', '-I./include', '-DFROM_DB', '-c', '-o', 'lib/x.o', 'lib/x.c'] }]))
  writeFileSync(path.join(root, 'lib/.x.o.cmd'), `savedcmd_lib/x.o := gcc -I./include -DFROM_CMD='$$x' -c -o lib/x.o lib/x.c\n\nsource_lib/x.o := lib/x.c\n`)
  const a = await findBuildContext(file)
  t.equal(a?.origin, 'cmd-file')
  t.equal(a?.from, path.join(root, 'lib/.x.o.cmd'))
  t.same(a?.flags.kept, [`-I${root}/include`, '-DFROM_CMD=$x'])
  rmSync(path.join(root, 'lib/.x.o.cmd'))
  const b = await findBuildContext(file)
  t.equal(b?.origin, 'compile-commands')
  t.same(b?.flags.kept, [`-I${root}/include`, '-DFROM_DB'])
})

t.test('--compile-commands: any C project, matched by absolute path; a file it lacks is an error', async t => {
  const dir = t.testdir({
    src: { 'a.c': 'int a = N;\n' }, inc: {},
    build: { 'compile_commands.json': JSON.stringify([{ directory: '', file: '../src/a.c', command: 'cc -I ../inc "-DN=(1 + 2)" -c ../src/a.c -o a.o' }]) },
  })
  const db = path.join(dir, 'build/compile_commands.json')
  writeFileSync(db, readFileSync(db, 'utf8').replace('"directory":""', `"directory":${JSON.stringify(path.join(dir, 'build'))}`))
  const c = await findBuildContext(path.join(dir, 'src/a.c'), { compileCommands: db })
  t.equal(c?.origin, 'compile-commands')
  t.same(c?.flags.kept, [`-I${dir}/inc`, '-DN=(1 + 2)'])
  t.match(preprocess(c!.flags.kept, path.join(dir, 'src/a.c'), dir), /int a = \(1 \+ 2\);/)
  await t.rejects(findBuildContext(path.join(dir, 'src/b.c'), { compileCommands: db }), { name: 'ConfigError', message: /has no entry for .*src\/b\.c/ })
  await t.rejects(findBuildContext(path.join(dir, 'src/a.c'), { compileCommands: path.join(dir, 'nope.json') }), { name: 'ConfigError', message: /cannot read the compile commands/ })
})

t.test('outside a configured kernel tree there is no context; an object make does not compile is an error', async t => {
  const root = tree(t)
  t.equal(await findBuildContext(path.join(root, '../elsewhere/z.c')), undefined, 'not in a kernel tree')
  await t.rejects(findBuildContext(path.join(root, 'skip/y.c')), { name: 'ConfigError', message: /printed no command that compiles/ })
  await t.rejects(findBuildContext(path.join(root, 'lib/none.c')), { name: 'ToolFailureError', message: /make V=1 -n lib\/none\.o failed/ })
  rmSync(path.join(root, '.config'))
  t.equal(await findBuildContext(path.join(root, 'lib/x.c')), undefined, 'not configured')
})

t.test('--kconfig: a scratch build folder (make O=… olddefconfig prepare), cached, the tree untouched', async t => {
  const root = tree(t)
  rmSync(path.join(root, '.config'))
  const before = readdirSync(root, { recursive: true }).sort()
  const cacheRoot = path.join(root, '../cache')
  const opts = { tree: root, config: path.join(root, '../kernel.config'), cacheRoot }
  const dir = await prepareKconfig(opts)
  t.ok(dir.startsWith(cacheRoot), dir)
  t.equal(readFileSync(path.join(dir, '.config'), 'utf8'), 'CONFIG_X=y\nCONFIG_X=y\n', 'the config copied, then olddefconfig ran on it')
  t.ok(existsSync(path.join(dir, 'include/generated/autoconf.h')), 'prepare ran in the build folder')
  t.equal(await prepareKconfig(opts), dir, 'the same folder again')
  t.equal(readFileSync(path.join(dir, 'prepare.log'), 'utf8'), 'run\n', 'prepared once: the second call reused it')
  writeFileSync(path.join(root, '../other.config'), 'CONFIG_X=n\n')
  t.not(await prepareKconfig({ ...opts, config: path.join(root, '../other.config') }), dir, 'another config: another folder')
  t.same(readdirSync(root, { recursive: true }).sort(), before, 'the tree is untouched')
  const c = await findBuildContext(path.join(root, 'lib/x.c'), { buildDir: dir })
  t.equal(c?.from, `make O=${dir} V=1 -n lib/x.o`)
  await t.rejects(prepareKconfig({ ...opts, config: path.join(root, '../missing.config') }), { name: 'ConfigError', message: /cannot read the kernel config/ })
  await t.rejects(prepareKconfig({ ...opts, target: 'modules_prepare' }), { name: 'ToolFailureError', message: /make O=.* -j2 modules_prepare failed/ }, 'a make that fails: its command and output')
})

t.test('verify inside configured kernel trees: the old file\'s Kbuild flags reach the proof without a flag written', async t => {
  await requireCbmc()
  const kernel = (body: string) => ({
    Makefile: MAKEFILE, Kbuild: 'obj-y += lib/\n', Kconfig: 'config X\n\tbool "x"\n', '.config': 'CONFIG_X=y\n',
    include: { 'cfg.h': '#define CFG_STEP 1\n' },
    lib: { 'x.c': `int next(int a)\n{\n\tif (${body})\n\t\treturn -1;\n\treturn a + CFG_STEP;\n}\n` },
  })
  // equal only if signed overflow wraps (-fno-strict-overflow in the Makefile); CFG_STEP comes from the forced -include
  const dir = t.testdir({ old: kernel('a + CFG_STEP < a'), new: kernel('a > 2147483647 - CFG_STEP') })
  const args = [path.join(dir, 'old/lib/x.c'), path.join(dir, 'new/lib/x.c'), '--func', 'next', '--format', 'json', '--unwind', '1', '--no-replay', '-v']
  const r = await runCli(args)
  t.equal(r.code, 0, r.stderr)
  const report = JSON.parse(r.stdout) as { verdict: string; options: { cflags: string[]; fwrapv: boolean }; bounds: { what: string; value: string }[] }
  t.equal(report.verdict, 'equivalent')
  t.equal(report.options.fwrapv, true, 'signed overflow wraps, from the Makefile')
  t.ok(report.options.cflags.includes(`-I${dir}/old/include`), 'the old tree\'s headers, for both versions')
  t.match(r.stderr, /build context of .*old\/lib\/x\.c: make V=1 -n lib\/x\.o/)
  t.same(report.bounds.filter(b => b.what === 'build context' || b.what === 'compile flag').map(b => b.value), [
    'make V=1 -n lib/x.o',
    '-fno-strict-overflow → signed overflow wraps (cbmc: no --signed-overflow-check)',
    '-ftrivial-auto-var-init=zero → locals without an initializer start zeroed (cbmc: modelled: locals of the proof declared without an initializer get a zero one; variable-length arrays stay nondeterministic)',
    '-funsigned-char → plain char is unsigned (cbmc: --unsigned-char)',
    '-std=gnu11 → C standard gnu11 (cbmc: --c11)',
    '-m64 → 64-bit target (LP64) (cbmc: --64)',
  ], "the report's bounds section says where the flags came from and what they mean")
  t.match(r.stderr, /-fno-strict-overflow → signed overflow wraps \(cbmc: no --signed-overflow-check\)/)
  // the same files with the tree unconfigured: no context, CFG_STEP is unknown
  rmSync(path.join(dir, 'old/.config'))
  const bare = await runCli(args)
  t.equal(bare.code, 3, 'no build context: the macro the build defines is missing')
  t.match(bare.stderr, /CFG_STEP/)
  // --compile-commands gives the context for any project
  writeFileSync(path.join(dir, 'cc.json'), JSON.stringify([{ directory: path.join(dir, 'old'), file: 'lib/x.c', arguments: ['gcc', '-include', 'include/cfg.h', '-fwrapv', '-c', 'lib/x.c'] }]))
  const viaDb = await runCli([...args, '--compile-commands', path.join(dir, 'cc.json')])
  t.equal(viaDb.code, 0, viaDb.stderr)
  t.equal((JSON.parse(viaDb.stdout) as { verdict: string }).verdict, 'equivalent')
})

t.test('-funsigned-char from the build reaches cbmc: `c < 0` is never true for a plain char', async t => {
  await requireCbmc()
  const kernel = (body: string) => ({
    Makefile: MAKEFILE, Kbuild: 'obj-y += lib/\n', Kconfig: 'config X\n\tbool "x"\n', '.config': 'CONFIG_X=y\n',
    include: { 'cfg.h': '\n' },
    lib: { 'x.c': `int neg(char c)\n{\n\treturn ${body};\n}\n` },
  })
  const dir = t.testdir({ old: kernel('c < 0'), new: kernel('0') })
  const args = [path.join(dir, 'old/lib/x.c'), path.join(dir, 'new/lib/x.c'), '--func', 'neg', '--format', 'json', '--unwind', '1', '--no-replay']
  const r = await runCli(args)
  t.equal(r.code, 0, r.stderr)
  t.equal((JSON.parse(r.stdout) as { verdict: string }).verdict, 'equivalent', 'unsigned char: old never returns 1')
  // the same pair built without -funsigned-char (a compile_commands.json that lacks it): char is signed, the versions differ
  writeFileSync(path.join(dir, 'cc.json'), JSON.stringify([{ directory: path.join(dir, 'old'), file: 'lib/x.c', arguments: ['gcc', '-c', 'lib/x.c'] }]))
  const signed = await runCli([...args, '--compile-commands', path.join(dir, 'cc.json')])
  t.equal(signed.code, 1, signed.stderr)
  t.equal((JSON.parse(signed.stdout) as { verdict: string }).verdict, 'unintended', 'signed char: old returns 1 for negative c')
})

t.test('the native replay of a counterexample is built with the same char signedness as the proof', async t => {
  await requireCbmc()
  const kernel = (body: string) => ({
    Makefile: MAKEFILE, Kbuild: 'obj-y += lib/\n', Kconfig: 'config X\n\tbool "x"\n', '.config': 'CONFIG_X=y\n',
    include: { 'cfg.h': '\n' },
    lib: { 'x.c': `int big(char c)\n{\n\treturn ${body};\n}\n` },
  })
  // differs only where a plain char can exceed 127: unsigned char
  const dir = t.testdir({ old: kernel('c > 127'), new: kernel('0') })
  const r = await runCli([path.join(dir, 'old/lib/x.c'), path.join(dir, 'new/lib/x.c'), '--func', 'big', '--format', 'json', '--unwind', '1'])
  t.equal(r.code, 1, r.stderr)
  const report = JSON.parse(r.stdout) as { verdict: string; differences: { confirmed?: boolean | 'n/a'; confirmation?: string }[] }
  t.equal(report.verdict, 'unintended')
  t.equal(report.differences[0]?.confirmed, true, `confirmed natively (${report.differences[0]?.confirmation})`)
})

t.test('found automatically while the user gave --cflags, a failure is logged and the run goes on; asked for, it is the error', async t => {
  const root = tree(t)
  const logged: string[] = []
  const file = path.join(root, 'skip/y.c')
  t.equal(await resolveBuildContext({ old: file }, {}, m => logged.push(m), true), undefined)
  t.match(logged.join('\n'), /no build context for .*skip\/y\.c \(make V=1 -n skip\/y\.o printed no command.*\); using --cflags alone/)
  await t.rejects(resolveBuildContext({ old: file }, {}, () => {}), { name: 'ConfigError' })
  await t.rejects(resolveBuildContext({ old: path.join(root, '../elsewhere/z.c'), kconfig: path.join(root, '../kernel.config') }, {}, () => {}), { name: 'UsageError', message: /--kconfig needs a file inside a kernel tree/ })
  const viaEnv = await resolveBuildContext({ old: path.join(root, 'lib/x.c') }, { KBUILD_OUTPUT: root }, () => {})
  t.equal(viaEnv?.origin, 'make-dry-run', '$KBUILD_OUTPUT names the build folder')
})
