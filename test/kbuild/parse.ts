import t from 'tap'
import { compilesSource, findCompile, parseCmdFile, parseCompileCommands, parseMakeDryRun } from '../../src/kbuild/parse.js'

// Hand-written in the shape of Kbuild 6.12 output (`make O=/b V=1 -n lib/x.o`, lib/.x.o.cmd); no kernel code.
const SRC = '/src/linux'
const B = '/b'
const GCC = `gcc -Wp,-MMD,lib/.x.o.d -nostdinc -I${SRC}/include -I./include -include ${SRC}/include/linux/kconfig.h -D__KERNEL__ -std=gnu11 -funsigned-char -DKBUILD_MODNAME='"x"' -c -o lib/x.o ${SRC}/lib/x.c`

t.test('compilesSource: -c and the source as an operand (not the -o target), resolved against the folder', async t => {
  const rows: [string[], string, boolean][] = [
    [['gcc', '-c', '-o', 'x.o', 'x.c'], '/w/x.c', true],
    [['gcc', '-c', 'sub/../x.c'], '/w/x.c', true],
    [['gcc', '-E', 'x.c'], '/w/x.c', false],
    [['gcc', '-c', 'y.c'], '/w/x.c', false],
    [['gcc', '-c', '-o', 'x.c', 'y.c'], '/w/x.c', false],
    [['gcc'], '/w/x.c', false],
  ]
  for (const [words, src, want] of rows) t.equal(compilesSource(words, src, '/w'), want, words.join(' '))
  t.same(findCompile(`echo '  ${GCC}'; ${GCC} ; scripts/basic/fixdep lib/.x.o.d lib/x.o '${GCC}' > lib/.x.o.cmd`, `${SRC}/lib/x.c`, B)?.slice(-4), ['-c', '-o', 'lib/x.o', `${SRC}/lib/x.c`])
})

t.test('make V=1 -n: the compile command, in the folder make entered', async t => {
  const out = [
    `make -C ${B} -f ${SRC}/Makefile lib/x.o`,
    `make[1]: Entering directory '${B}'`,
    `set -e; echo '# HOSTCC  scripts/mod/modpost.o'; gcc -O2 -c -o scripts/mod/modpost.o ${SRC}/scripts/mod/modpost.c`,
    `set -e; echo '# CC      lib/x.o'; echo '  ${GCC.replace(/'/g, `'\\''`)}'; trap 'rm -f lib/x.o; trap - HUP; kill -s HUP $$' HUP; ${GCC} ; scripts/basic/fixdep lib/.x.o.d lib/x.o '${GCC.replace(/'/g, `'\\''`)}' > lib/.x.o.cmd; rm -f lib/.x.o.d`,
    `make[1]: Leaving directory '${B}'`,
  ].join('\n')
  const cmd = parseMakeDryRun(out, `${SRC}/lib/x.c`, SRC)
  t.equal(cmd?.directory, B)
  t.equal(cmd?.file, `${SRC}/lib/x.c`)
  t.same(cmd?.argv.slice(0, 3), ['gcc', '-Wp,-MMD,lib/.x.o.d', '-nostdinc'])
  t.ok(cmd?.argv.includes('-DKBUILD_MODNAME="x"'))
  t.equal(parseMakeDryRun(out, `${SRC}/lib/y.c`, SRC), undefined, 'another file: none')
  // in-tree (no O=): relative source, the folder make started in
  const inTree = parseMakeDryRun(`gcc -I./include -c -o lib/x.o lib/x.c\nmake[1]: Leaving directory '/elsewhere'`, `${SRC}/lib/x.c`, SRC)
  t.equal(inTree?.directory, SRC)
})

t.test('a .o.cmd file: savedcmd_ (6.3+) or cmd_ (older), make escapes undone', async t => {
  const text = [
    `savedcmd_lib/x.o := ${GCC.replace('-D__KERNEL__', '-DH=\\#x -DD=$$y')}`,
    '',
    `source_lib/x.o := ${SRC}/lib/x.c`,
    'deps_lib/x.o := \\',
    `  ${SRC}/include/linux/kconfig.h \\`,
  ].join('\n')
  const cmd = parseCmdFile(text, `${SRC}/lib/x.c`, B)
  t.equal(cmd?.directory, B)
  t.ok(cmd?.argv.includes('-DH=#x') && cmd.argv.includes('-DD=$y'))
  t.ok(parseCmdFile(`cmd_lib/x.o := ${GCC} ; ./tools/objtool/objtool --orc lib/x.o`, `${SRC}/lib/x.c`, B), 'old cmd_ form with objtool after it')
  t.equal(parseCmdFile('savedcmd_lib/x.o := ld -r -o lib/x.o lib/a.o', `${SRC}/lib/x.c`, B), undefined, 'a link command: none')
})

t.test('compile_commands.json: arguments or command, matched by absolute path', async t => {
  const db = JSON.stringify([
    { directory: '/p/build', file: '../src/a.c', arguments: ['cc', '-I', '../inc', '-c', '../src/a.c'] },
    { directory: '/p/build', file: '/p/src/b.c', command: `cc -DNAME='"b c"' -c /p/src/b.c -o b.o` },
    { directory: '/p/build', file: 'c.c', output: 'c.o' },
    { file: 'junk' },
    null,
  ])
  t.same(parseCompileCommands(db, ['/p/src/a.c'], 'db'), { directory: '/p/build', file: '/p/src/a.c', argv: ['cc', '-I', '../inc', '-c', '../src/a.c'] })
  t.same(parseCompileCommands(db, ['/x/link.c', '/p/src/b.c'], 'db')?.argv, ['cc', '-DNAME="b c"', '-c', '/p/src/b.c', '-o', 'b.o'], 'the real path matches')
  t.equal(parseCompileCommands(db, ['/p/src/z.c'], 'db'), undefined)
  t.throws(() => parseCompileCommands(db, ['/p/build/c.c'], 'db'), /neither "arguments" nor "command"/)
  t.throws(() => parseCompileCommands('{', ['/a.c'], 'db.json'), /db.json is not JSON/)
  t.throws(() => parseCompileCommands('{}', ['/a.c'], 'db.json'), /not a JSON array/)
})
