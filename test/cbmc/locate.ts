import { chmodSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import t, { type Test } from 'tap'
import { ToolNotFoundError } from '../../src/errors.js'
import { locateCbmc, type LocateOptions } from '../../src/cbmc/locate.js'

const NEW = '6.6.0 (cbmc-6.6.0)'
const OLD = '5.95.1 (cbmc-5.95.1)'
const fake = (version: string): string => `#!/bin/sh\necho '${version}'\n`
const SOLVER = '#!/bin/sh\necho 1.7.3\n'

/**
 * One tree for every case. Scripts are made executable, except under `noexec/`.
 *   proj/.klp-tools/bin  local install (cbmc 6 + cadical)     noloc/       a project without one
 *   flag/ env/ p6/       cbmc 6 (flag/ also has cadical)      old/ p5/     cbmc 5.95
 *   noexec/cbmc          not executable                       dir/cbmc/    a directory
 *   fails/cbmc           exits 2                              garbage/cbmc prints no version
 *   psolver/cadical      a cadical on PATH                    empty/       nothing
 */
function makeTree(t: Test): string {
  const root = t.testdir({
    proj: { '.klp-tools': { bin: { cbmc: fake(NEW), cadical: SOLVER } } },
    noloc: {},
    flag: { cbmc: fake(NEW), cadical: SOLVER },
    env: { cbmc: fake(NEW) },
    p6: { cbmc: fake(NEW) },
    old: { cbmc: fake(OLD) },
    p5: { cbmc: fake(OLD) },
    noexec: { cbmc: fake(NEW) },
    dir: { cbmc: {} },
    fails: { cbmc: "#!/bin/sh\necho 'cbmc: crashed' >&2\nexit 2\n" },
    garbage: { cbmc: '#!/bin/sh\necho hello\n' },
    psolver: { cadical: SOLVER },
    empty: {},
  })
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name)
      if (statSync(file).isDirectory()) walk(file)
      else chmodSync(file, dir.endsWith(`${path.sep}noexec`) ? 0o644 : 0o755)
    }
  }
  walk(root)
  return root
}

/** Options with every directory name resolved inside the test tree. */
function options(root: string, o: { flag?: string; klpCbmc?: string; path?: string[]; project?: string }): LocateOptions {
  const abs = (p: string): string => (p.includes('/') ? path.join(root, p) : p)
  return {
    ...(o.flag === undefined ? {} : { flag: o.flag === '' ? '' : abs(o.flag) }),
    env: {
      ...(o.klpCbmc === undefined ? {} : { KLP_CBMC: o.klpCbmc === '' ? '' : abs(o.klpCbmc) }),
      PATH: (o.path ?? []).map((d) => path.join(root, d)).join(path.delimiter),
    },
    projectRoot: path.join(root, o.project ?? 'proj'),
  }
}

t.test('resolution order: --cbmc, KLP_CBMC, project-local, PATH', async (t) => {
  const root = makeTree(t)
  const cases: [string, Parameters<typeof options>[1], { source: string; cbmc: string; cadical?: string }][] = [
    ['flag beats everything', { flag: 'flag/cbmc', klpCbmc: 'env/cbmc', path: ['p6'] }, { source: 'flag', cbmc: 'flag/cbmc', cadical: 'flag/cadical' }],
    ['env beats local and PATH', { klpCbmc: 'env/cbmc', path: ['p6'] }, { source: 'env', cbmc: 'env/cbmc', cadical: 'proj/.klp-tools/bin/cadical' }],
    ['local beats PATH', { path: ['p6'] }, { source: 'local', cbmc: 'proj/.klp-tools/bin/cbmc', cadical: 'proj/.klp-tools/bin/cadical' }],
    ['PATH when there is no local install', { path: ['p6'], project: 'noloc' }, { source: 'path', cbmc: 'p6/cbmc' }],
    ['empty flag and KLP_CBMC count as unset', { flag: '', klpCbmc: '', path: ['p6'], project: 'noloc' }, { source: 'path', cbmc: 'p6/cbmc' }],
    [
      'PATH skips missing, old, broken and non-executable cbmc',
      { path: ['empty', 'p5', 'fails', 'garbage', 'noexec', 'dir', 'p6', 'flag'], project: 'noloc' },
      { source: 'path', cbmc: 'p6/cbmc', cadical: 'flag/cadical' },
    ],
    ['bare --cbmc name is looked up on PATH', { flag: 'cbmc', path: ['empty', 'p6'], project: 'noloc' }, { source: 'flag', cbmc: 'p6/cbmc' }],
    ['bare KLP_CBMC name is looked up on PATH', { klpCbmc: 'cbmc', path: ['noexec', 'flag'] }, { source: 'env', cbmc: 'flag/cbmc', cadical: 'flag/cadical' }],
  ]
  for (const [name, o, want] of cases) {
    const tool = await locateCbmc(options(root, o))
    t.same(
      tool,
      {
        cbmc: path.join(root, want.cbmc),
        ...(want.cadical === undefined ? {} : { cadical: path.join(root, want.cadical) }),
        version: NEW,
        source: want.source,
      },
      name,
    )
  }
})

t.test('cadical: next to cbmc, then project-local, then PATH, else none', async (t) => {
  const root = makeTree(t)
  const cases: [string, Parameters<typeof options>[1], string | undefined][] = [
    ['next to cbmc beats local', { flag: 'flag/cbmc', path: ['psolver'] }, 'flag/cadical'],
    ['project-local beats PATH', { flag: 'env/cbmc', path: ['psolver'] }, 'proj/.klp-tools/bin/cadical'],
    ['PATH', { flag: 'env/cbmc', path: ['empty', 'psolver'], project: 'noloc' }, 'psolver/cadical'],
    ['none', { flag: 'env/cbmc', path: ['empty'], project: 'noloc' }, undefined],
  ]
  for (const [name, o, want] of cases) {
    const tool = await locateCbmc(options(root, o))
    t.equal(tool.cadical, want === undefined ? undefined : path.join(root, want), name)
    t.equal('cadical' in tool, want !== undefined, `${name}: key present only when found`)
  }
})

t.test('an explicitly named cbmc that is not usable is an error, never a fall-through', async (t) => {
  const root = makeTree(t)
  const cases: [string, Parameters<typeof options>[1], RegExp, RegExp][] = [
    ['missing --cbmc', { flag: 'nosuch/cbmc' }, /^--cbmc \/.*\/nosuch\/cbmc does not exist$/, /point --cbmc at .* leave it out/],
    ['--cbmc is a directory', { flag: 'dir/cbmc' }, /dir\/cbmc is not a file$/, /--cbmc/],
    ['--cbmc not executable', { flag: 'noexec/cbmc' }, /noexec\/cbmc is not executable$/, /--cbmc/],
    ['--cbmc too old', { flag: 'old/cbmc' }, /old\/cbmc is CBMC 5\.95\.1 \(cbmc-5\.95\.1\), but klp-verify needs CBMC >= 6\.0$/, /--cbmc/],
    ['--cbmc crashes', { flag: 'fails/cbmc' }, /fails\/cbmc failed to run `--version`: Command failed with exit code 2/, /--cbmc/],
    ['--cbmc prints no version', { flag: 'garbage/cbmc' }, /garbage\/cbmc printed no version number for `--version` \(got "hello"\)$/, /--cbmc/],
    ['KLP_CBMC too old', { klpCbmc: 'old/cbmc', path: ['p6'] }, /^KLP_CBMC=\/.*\/old\/cbmc is CBMC 5\.95\.1/, /point KLP_CBMC at .* unset it/],
    ['KLP_CBMC missing', { klpCbmc: 'nosuch/cbmc', path: ['p6'] }, /^KLP_CBMC=.*nosuch\/cbmc does not exist$/, /KLP_CBMC/],
    ['bad --cbmc even with good KLP_CBMC', { flag: 'old/cbmc', klpCbmc: 'env/cbmc' }, /^--cbmc .*old\/cbmc/, /--cbmc/],
    ['bare name not on PATH', { flag: 'cbmc-7', path: ['empty', 'p6'] }, /^--cbmc cbmc-7: no executable 'cbmc-7' on PATH \(searched .*empty, .*p6\)$/, /--cbmc/],
    ['bare name, empty PATH', { klpCbmc: 'cbmc' }, /^KLP_CBMC=cbmc: no executable 'cbmc' on PATH \(searched nothing: PATH is empty\)$/, /KLP_CBMC/],
    ['bare name found but too old', { flag: 'cbmc', path: ['p5', 'p6'] }, /^--cbmc cbmc \(\/.*\/p5\/cbmc\) is CBMC 5\.95\.1/, /--cbmc/],
  ]
  for (const [name, o, message, hint] of cases) {
    await t.rejects(locateCbmc(options(root, o)), { constructor: ToolNotFoundError, exitCode: 3, message, hint }, name)
  }
})

t.test('no usable implicit cbmc: the error lists every place searched', async (t) => {
  const root = makeTree(t)
  await t.rejects(
    locateCbmc(options(root, { path: ['empty', 'p5', 'noexec', 'p5', 'old'], project: 'noloc' })),
    {
      constructor: ToolNotFoundError,
      exitCode: 3,
      message: new RegExp(
        [
          '^no CBMC >= 6 found; searched: ',
          `${root}/noloc/\\.klp-tools/bin/cbmc \\(does not exist\\); `,
          `${root}/p5/cbmc \\(is CBMC 5\\.95\\.1 \\(cbmc-5\\.95\\.1\\), but klp-verify needs CBMC >= 6\\.0\\); `,
          `${root}/noexec/cbmc \\(is not executable\\); `,
          `${root}/old/cbmc \\(is CBMC 5\\.95\\.1 .*\\); `,
          `no cbmc in PATH directories ${root}/empty$`,
        ].join(''),
      ),
      hint: /npm install.*--cbmc <path> or KLP_CBMC=<path>/,
    },
    'PATH duplicates are searched once',
  )
  await t.rejects(
    locateCbmc(options(root, { project: 'noloc' })),
    { message: /does not exist\); PATH \(empty\)$/ },
    'empty PATH is named',
  )
  await t.rejects(
    locateCbmc({ env: {}, projectRoot: path.join(root, 'noloc') }),
    { message: /PATH \(empty\)$/ },
    'unset PATH is named',
  )
  await t.rejects(
    locateCbmc(options(root, { path: ['p5'], project: 'noloc' })),
    { message: /p5\/cbmc \(is CBMC 5\.95\.1.*\)$/ },
    'no "directories without cbmc" entry when every directory had one',
  )
})

t.test('relative paths resolve against the working directory', async (t) => {
  const root = makeTree(t)
  t.chdir(root)
  const tool = await locateCbmc({ flag: 'flag/cbmc', env: { PATH: `empty${path.delimiter}${path.delimiter}p6` }, projectRoot: 'noloc' })
  t.equal(tool.cbmc, path.join(root, 'flag/cbmc'))
  await t.rejects(
    locateCbmc({ flag: 'old/cbmc', env: {}, projectRoot: 'noloc' }),
    { message: `--cbmc old/cbmc (${path.join(root, 'old/cbmc')}) is CBMC 5.95.1 (cbmc-5.95.1), but klp-verify needs CBMC >= 6.0` },
    'the error names both the given and the resolved path',
  )
  const onPath = await locateCbmc({ env: { PATH: `empty${path.delimiter}${path.delimiter}p6` }, projectRoot: 'noloc' })
  t.equal(onPath.cbmc, path.join(root, 'p6/cbmc'), 'relative PATH entries resolve; empty ones are skipped')
})

t.test('an executable is its bytes and, for a wrapper, the bytes of what it runs', async (t) => {
  const { executableDigest } = await import('../../src/cbmc/locate.js')
  const root = t.testdir({
    a: { cbmc: fake(NEW) },
    b: { cbmc: fake(NEW) },
    c: { cbmc: `${fake(NEW)}# another build\n` },
    real: { cbmc: 'ELF v1' },
    wrap: { cbmc: '' },
    loop: { cbmc: '' },
  })
  const at = (p: string): string => path.join(root, p)
  writeFileSync(at('wrap/cbmc'), `#!/bin/sh\nexec ${at('real/cbmc')} "$@"\n`)
  writeFileSync(at('loop/cbmc'), `#!/bin/sh\nexec ${at('loop/cbmc')} "$@"\n`)
  t.equal(await executableDigest(at('a/cbmc')), await executableDigest(at('b/cbmc')), 'the same bytes elsewhere: the same identity')
  t.not(await executableDigest(at('a/cbmc')), await executableDigest(at('c/cbmc')), 'another build printing the same version: another identity')
  t.match(await executableDigest(at('a/cbmc')), /^[0-9a-f]{64}$/)
  const wrapped = await executableDigest(at('wrap/cbmc'))
  writeFileSync(at('real/cbmc'), 'ELF v2')
  t.not(await executableDigest(at('wrap/cbmc')), wrapped, 'a wrapper around another binary is another identity')
  writeFileSync(at('real/cbmc'), 'ELF v1')
  t.equal(await executableDigest(at('wrap/cbmc')), wrapped, 'and the same binary again is the same identity')
  t.match(await executableDigest(at('loop/cbmc')), /^[0-9a-f]{64}$/, 'a script naming itself ends')
  await t.rejects(executableDigest(at('nosuch/cbmc')), { code: 'ENOENT' })
})

t.test('the wrappers npm install writes: the Debian binary and its libraries count', async (t) => {
  const { executableDigest } = await import('../../src/cbmc/locate.js')
  const wrapper = readFileSync(path.join(import.meta.dirname, '..', '..', '.klp-tools', 'bin', 'cbmc'), 'utf8')
  const root = t.testdir({
    '.klp-tools': {
      bin: { cbmc: wrapper },
      root: { usr: { bin: { cbmc: 'ELF cbmc' }, lib: { 'libminisat.so.2': 'm', 'libminisat.a': 'static', 'x86_64-linux-gnu': { 'libc.so.6': 'c1', 'ld-linux-x86-64.so.2': 'ld', gconv: { 'x.so': 'g' }, 'notes.txt': 'n' } } } },
    },
  })
  const at = (p: string): string => path.join(root, '.klp-tools', p)
  const before = await executableDigest(at('bin/cbmc'))
  const changed = async (file: string, text: string): Promise<boolean> => {
    const old = readFileSync(at(file), 'utf8')
    writeFileSync(at(file), text)
    const d = await executableDigest(at('bin/cbmc'))
    writeFileSync(at(file), old)
    t.equal(await executableDigest(at('bin/cbmc')), before, `${file} restored: the identity is back`)
    return d !== before
  }
  t.ok(await changed('root/usr/bin/cbmc', 'ELF other cbmc'), 'another cbmc binary behind the same wrapper')
  t.ok(await changed('root/usr/lib/x86_64-linux-gnu/libc.so.6', 'c2'), 'another C library')
  t.ok(await changed('root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', 'ld2'), 'another loader')
  t.ok(await changed('root/usr/lib/libminisat.so.2', 'm2'), 'another library in usr/lib')
  t.notOk(await changed('root/usr/lib/libminisat.a', 'static2'), 'a static archive is never loaded')
  t.notOk(await changed('root/usr/lib/x86_64-linux-gnu/notes.txt', 'n2'), 'nor is a text file')
  writeFileSync(at('root/usr/lib/x86_64-linux-gnu/libnew.so.1'), 'new')
  t.not(await executableDigest(at('bin/cbmc')), before, 'a library added to the folder counts')
})

t.test('each binary is hashed once per process; a rewrite is noticed', async (t) => {
  const fs = await import('node:fs')
  const reads: string[] = []
  const { executableDigest } = await t.mockImport<typeof import('../../src/cbmc/locate.js')>('../../src/cbmc/locate.js', {
    'node:fs': { ...fs, createReadStream: (file: string) => (reads.push(file), fs.createReadStream(file)) },
  })
  const root = t.testdir({ big: { cbmc: 'x'.repeat(1 << 20) } })
  const file = path.join(root, 'big', 'cbmc')
  const first = await executableDigest(file)
  t.same(reads, [file])
  for (let i = 0; i < 200; i++) t.equal(await executableDigest(file), first)
  t.same(reads, [file], '200 more proofs: nothing rehashed')
  writeFileSync(file, 'y'.repeat(1 << 20)) // same size
  utimesSync(file, new Date(2001, 1, 1), new Date(2001, 1, 1))
  t.not(await executableDigest(file), first, 'the same size, rewritten: a new identity')
  t.same(reads, [file, file], 'one file rehashed')
})

t.test('a tool\'s identity: cbmc and every solver a run may start', async (t) => {
  const { toolIdentity } = await import('../../src/cbmc/locate.js')
  const root = t.testdir({
    bin: { cbmc: fake(NEW), cadical: SOLVER, z3: '#!/bin/sh\necho z3\n' },
    other: { z3: '#!/bin/sh\necho other z3\n', cvc5: '#!/bin/sh\necho cvc5\n', kissat: '#!/bin/sh\necho kissat\n' },
  })
  for (const d of ['bin', 'other']) for (const f of readdirSync(path.join(root, d))) chmodSync(path.join(root, d, f), 0o755)
  const at = (p: string): string => path.join(root, p)
  const tool = { cbmc: at('bin/cbmc'), cadical: at('bin/cadical'), z3: at('bin/z3'), version: NEW, source: 'flag' } as const
  const env = { PATH: at('other') }
  const plain = await toolIdentity(tool, [], env)
  t.same(Object.keys(plain.solvers), ['cadical', 'z3'], 'the located solvers always count')
  t.not(plain.solvers.cadical, plain.solvers.z3)
  const { cadical: _c, z3: _z, ...bare } = tool
  t.same((await toolIdentity(bare, [], env)).solvers, {}, 'none located: none')
  t.equal((await toolIdentity(bare, [], env)).cbmc, plain.cbmc)
  const extra = await toolIdentity(tool, ['--z3', '--cvc5', '--boolector', '--external-sat-solver', 'kissat', '--external-sat-solver', at('other/kissat')], env)
  t.equal(extra.solvers['--z3'], plain.solvers.z3, '--z3 runs the z3 next to cbmc (its folder is first on PATH)')
  t.match(extra.solvers['--cvc5'], /^[0-9a-f]{64}$/, '--cvc5: the one on PATH')
  t.equal(extra.solvers['--boolector'], null, 'a solver that cannot be found is named as missing')
  t.equal(extra.solvers['--external-sat-solver kissat'], extra.solvers[`--external-sat-solver ${at('other/kissat')}`], 'by name on PATH or by path: the same file')
  const { executableDigest } = await import('../../src/cbmc/locate.js')
  t.equal((await toolIdentity(bare, ['--z3'], env)).solvers['--z3'], await executableDigest(at('other/z3')), 'without a located z3, --z3 is the z3 on PATH')
  t.not(await executableDigest(at('other/z3')), plain.solvers.z3)
  t.equal((await toolIdentity(tool, ['--external-sat-solver', at('nosuch')], env)).solvers[`--external-sat-solver ${at('nosuch')}`], null)
  // the loop proof's goto-cc and goto-instrument, next to cbmc, count when they are there
  writeFileSync(at('bin/goto-cc'), '#!/bin/sh\necho goto-cc\n')
  writeFileSync(at('bin/goto-instrument'), '#!/bin/sh\necho goto-instrument\n')
  for (const f of ['goto-cc', 'goto-instrument']) chmodSync(at(`bin/${f}`), 0o755)
  const loop = await toolIdentity(tool, [], env)
  t.same(Object.keys(loop.solvers), ['cadical', 'z3', 'goto-cc', 'goto-instrument'])
  t.not(loop.solvers['goto-cc'], loop.solvers['goto-instrument'])
})
