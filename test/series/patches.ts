import t, { type Test } from 'tap'
import { execFileSync } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, UsageError } from '../../src/errors.js'
import { listPatches, openPatchDir, parseSeriesFile, quiltMessage } from '../../src/series/patches.js'
import type { SeriesSource } from '../../src/series/types.js'

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Ann Author',
  GIT_AUTHOR_EMAIL: 'ann@example.org',
  GIT_COMMITTER_NAME: 'T',
  GIT_COMMITTER_EMAIL: 't@example.org',
  GIT_AUTHOR_DATE: '2020-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2020-01-01T00:00:00Z',
}

/** A temporary directory under os.tmpdir() holding `files`, removed when the test ends. */
function tmpTree(t: Test, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'klp-patches-test-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  writeFiles(dir, files)
  return dir
}

function writeFiles(dir: string, files: Record<string, string>) {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true })
    writeFileSync(path.join(dir, p), text)
  }
}

/** Every file under dir (skipping .git) with its contents and mode: to prove a tree was not touched. */
function fingerprint(dir: string): string {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name)
      if (e.name === '.git') continue
      if (e.isDirectory()) walk(p)
      else out.push(`${path.relative(dir, p)} ${statSync(p).mode} ${statSync(p).mtimeMs} ${readFileSync(p, 'utf8')}`)
    }
  }
  walk(dir)
  return out.join('\n')
}

async function open(t: Test, opts: Parameters<typeof openPatchDir>[0]): Promise<SeriesSource> {
  const src = await openPatchDir(opts)
  t.teardown(() => src.cleanup())
  return src
}

const TREE = {
  'src/f.c': '#include "f.h"\n#include "api.h"\nint f(int x) { return x + 1; }\n',
  'src/f.h': '#define F 1\n',
  'include/api.h': '#define API 1\n',
  'src/old.c': 'int old(void) { return 0; }\n',
  'Makefile': 'all:\n',
}

/** A unified diff of one file, with `a/`/`b/` prefixes unless told otherwise. */
function diff(file: string, before: string | null, after: string | null, prefixes = ['a/', 'b/']): string {
  const lines = (s: string | null) => (s === null ? [] : s.replace(/\n$/, '').split('\n'))
  const [o, n] = [lines(before), lines(after)]
  return [
    `--- ${before === null ? '/dev/null' : prefixes[0] + file}`,
    `+++ ${after === null ? '/dev/null' : prefixes[1] + file}`,
    `@@ -${o.length ? 1 : 0},${o.length} +${n.length ? 1 : 0},${n.length} @@`,
    ...o.map(l => `-${l}`),
    ...n.map(l => `+${l}`),
    '',
  ].join('\n')
}

const F1 = TREE['src/f.c']
const F2 = F1.replace('x + 1', '1 + x')
const F3 = F2.replace('1 + x', 'x + 2')

t.test('quilt series: order, -pN, headers, labels, added and removed files', async t => {
  const tree = tmpTree(t, TREE)
  const patches = tmpTree(t, {
    series: '# the order\n02-swap.patch\n\n01-add.diff -p0   # a -p0 patch\n',
    '02-swap.patch': `Subject: [PATCH 1/2] f: swap the sum\n\nKlp-Intended: f: x == 0\n---\n${diff('src/f.c', F1, F2)}`,
    '02-swap.yaml': 'function: f\n',
    '02-swap.spec.yaml': 'function: f\n',
    '01-add.diff': `Add new.c and remove old.c.\n\nIndex: src/new.c\n${diff('src/new.c', null, 'int fresh(void) { return 1; }\n', ['', ''])}${diff('src/old.c', TREE['src/old.c'], null, ['', ''])}`,
    'zz-not-listed.patch': 'garbage\n',
  })
  const abs = path.join(os.tmpdir(), 'abs-include')
  const src = await open(t, { tree, patches, includes: ['include', abs] })
  t.equal(src.kind, 'patches')
  t.equal(src.description, `${tree} + ${patches}`)
  t.equal(src.root, tree, 'data files may point into the tree')
  t.same(src.patches.map(p => [p.id, p.index, p.title, p.error]), [
    ['02-swap.patch', 0, 'f: swap the sum', undefined],
    ['01-add.diff', 1, 'Add new.c and remove old.c.', undefined],
  ], 'series order; the Subject: line (without [PATCH]) or the first header line is the title')
  const [swap, add] = src.patches as [SeriesPatch, SeriesPatch]
  t.same(swap.trailerClaims, { f: ['x == 0'] })
  t.same(swap.specs, [path.join(patches, '02-swap.yaml'), path.join(patches, '02-swap.spec.yaml')], 'spec files beside the patch')
  t.same(add.specs, [])
  t.same(swap.functions, 'auto')

  const f = swap.files[0]!
  t.same([f.key, f.oldLabel, f.newLabel], ['src/f.c', 'base:src/f.c', '02-swap.patch:src/f.c'])
  t.equal(readFileSync(f.oldPath!, 'utf8'), F1)
  t.equal(readFileSync(f.newPath!, 'utf8'), F2)
  const snap = f.newPath!.slice(0, -'src/f.c'.length)
  t.same(f.newIncludes, [path.join(snap, 'include'), abs])
  t.equal(readFileSync(path.join(snap, 'src/f.h'), 'utf8'), '#define F 1\n', 'the header beside the .c file')
  t.equal(readFileSync(path.join(snap, 'include/api.h'), 'utf8'), '#define API 1\n', 'the header under the include dir')
  t.equal(readlinkSync(path.join(snap, 'Makefile')), path.join(tree, 'Makefile'), 'an untouched file is a link to the tree, not a copy')
  t.equal(readlinkSync(path.join(snap, 'src/f.h')), path.join(tree, 'src/f.h'))

  t.same(
    add.files.map(x => [x.key, x.oldLabel, x.newLabel, x.oldPath === null, x.newPath === null]),
    [
      ['src/new.c', '02-swap.patch:src/new.c', '01-add.diff:src/new.c', true, false],
      ['src/old.c', '02-swap.patch:src/old.c', '01-add.diff:src/old.c', false, true],
    ],
  )
  t.same(
    src.baseTip.map(x => [x.key, x.oldLabel, x.newLabel, x.oldPath === null, x.newPath === null]),
    [
      ['src/f.c', 'base:src/f.c', '01-add.diff:src/f.c', false, false],
      ['src/new.c', 'base:src/new.c', '01-add.diff:src/new.c', true, false],
      ['src/old.c', 'base:src/old.c', '01-add.diff:src/old.c', false, true],
    ],
  )
  t.equal(readFileSync(src.baseTip[0]!.newPath!, 'utf8'), F2)
  const tipSnap = src.baseTip[0]!.newPath!.slice(0, -'src/f.c'.length)
  t.notOk(existsSync(path.join(tipSnap, 'src/old.c')), 'a file the series removed is gone from the view, though the tree has it')
  t.ok(existsSync(path.join(tree, 'src/old.c')))
})

type SeriesPatch = SeriesSource['patches'][number]

t.test('a git format-patch mail keeps its subject, message and trailers', async t => {
  const repo = tmpTree(t, TREE)
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: GIT_ENV, encoding: 'utf8' })
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  writeFileSync(path.join(repo, 'src/f.c'), F2)
  git('commit', '-q', '-a', '-m', 'f: swap the sum\n\nLonger text.\n\nKlp-Intended: f: x > 3 => ret == 4\nKlp-Intended: f: x == 0\nSigned-off-by: Ann Author <ann@example.org>')
  writeFileSync(path.join(repo, 'src/f.c'), F3)
  git('commit', '-q', '-a', '-m', 'f: add two')
  const mails = tmpTree(t, {})
  git('format-patch', '-q', '-2', '-o', mails)
  const names = readdirSync(mails).sort()
  t.same(names, ['0001-f-swap-the-sum.patch', '0002-f-add-two.patch'])
  t.match(readFileSync(path.join(mails, names[0]!), 'utf8'), /^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001\n/)

  const tree = tmpTree(t, TREE)
  const src = await open(t, { tree, patches: mails, includes: [] })
  t.same(src.patches.map(p => [p.id, p.title, p.error]), [
    ['0001-f-swap-the-sum.patch', 'f: swap the sum', undefined],
    ['0002-f-add-two.patch', 'f: add two', undefined],
  ], 'no series file: *.patch by name; the subject without [PATCH n/m]')
  t.same(src.patches[0]!.trailerClaims, { f: ['x > 3 => ret == 4', 'x == 0'] })
  t.same(src.patches[1]!.trailerClaims, {})
  const [a, b] = [src.patches[0]!.files[0]!, src.patches[1]!.files[0]!]
  t.equal(readFileSync(a.newPath!, 'utf8'), F2)
  t.equal(readFileSync(b.oldPath!, 'utf8'), F2)
  t.equal(readFileSync(b.newPath!, 'utf8'), F3)
  t.equal(b.oldLabel, '0001-f-swap-the-sum.patch:src/f.c')
})

t.test('a patch that does not apply is reported; the later ones still apply', async t => {
  const tree = tmpTree(t, TREE)
  const patches = tmpTree(t, {
    '1.patch': `First.\n---\n${diff('src/f.c', F1, F2)}`,
    '2.patch': `Stale.\n---\n${diff('src/f.c', 'int nothing_like_this;\n', 'x\n')}`,
    '3.patch': `Third.\n---\n${diff('src/f.c', F2, F3)}`,
    '4.diff': '',
    'notes.txt': 'not a patch\n',
  })
  const src = await open(t, { tree, patches, includes: [] })
  t.same(src.patches.map(p => [p.id, p.title, p.error, p.files.length]), [
    ['1.patch', 'First.', undefined, 1],
    ['2.patch', 'Stale.', 'does not apply: patch failed: src/f.c:1', 0],
    ['3.patch', 'Third.', undefined, 1],
    ['4.diff', '4.diff', src.patches[3]!.error, 0],
  ])
  t.match(src.patches[3]!.error, /^does not apply: No valid patches in input/)
  const third = src.patches[2]!.files[0]!
  t.ok(src.scratch && third.newPath!.startsWith(src.scratch), 'snapshots live in the source\'s scratch folder')
  t.same([third.oldLabel, third.newLabel], ['1.patch:src/f.c', '3.patch:src/f.c'], 'the old side is the last patch that applied')
  t.equal(readFileSync(third.newPath!, 'utf8'), F3)
  t.same(src.baseTip.map(x => [x.oldLabel, x.newLabel]), [['base:src/f.c', '3.patch:src/f.c']])
})

t.test('nothing applies: base → tip is empty', async t => {
  const tree = tmpTree(t, TREE)
  const patches = tmpTree(t, { 'x.patch': diff('src/f.c', 'nope\n', 'x\n') })
  const src = await open(t, { tree, patches, includes: [] })
  t.match(src.patches[0]!.error, /^does not apply: /)
  t.same(src.baseTip, [])
})

t.test('the user\'s tree is only read: files, git status and HEAD unchanged', async t => {
  const tree = tmpTree(t, { ...TREE, '.gitignore': 'generated/\n*.o\n', 'generated/autoconf.h': '#define CONFIG_X 1\n', 'src/f.o': 'obj' })
  const git = (...args: string[]) => execFileSync('git', args, { cwd: tree, env: GIT_ENV, encoding: 'utf8' })
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  writeFileSync(path.join(tree, 'src/old.c'), 'dirty\n')
  const before = { files: fingerprint(tree), status: git('status', '--porcelain'), head: git('rev-parse', 'HEAD'), index: readFileSync(path.join(tree, '.git/index')) }
  const patches = tmpTree(t, { 'p.patch': diff('src/f.c', F1, F2) })
  const src = await open(t, { tree, patches, includes: ['generated'] })
  const snap = src.patches[0]!.files[0]!.newPath!.slice(0, -'src/f.c'.length)
  t.equal(readFileSync(path.join(snap, 'generated/autoconf.h'), 'utf8'), '#define CONFIG_X 1\n', 'headers the tree ignores are still in the snapshots')
  t.equal(fingerprint(tree), before.files, 'no file of the tree changed')
  t.same(readFileSync(path.join(tree, '.git/index')), before.index)
  t.equal(git('status', '--porcelain'), before.status)
  t.equal(git('rev-parse', 'HEAD'), before.head)
  t.same(src.baseTip.map(x => x.key), ['src/f.c'])
  t.equal(readFileSync(src.baseTip[0]!.oldPath!, 'utf8'), F1)
})

t.test('a file added and removed within the series is not in base → tip', async t => {
  const tree = tmpTree(t, TREE)
  const tmp = 'int tmp;\n'
  const patches = tmpTree(t, { '1.patch': diff('src/tmp.c', null, tmp), '2.patch': diff('src/tmp.c', tmp, null) })
  const src = await open(t, { tree, patches, includes: [] })
  t.same(src.patches.map(p => p.files.map(f => [f.key, f.oldPath === null, f.newPath === null])), [[['src/tmp.c', true, false]], [['src/tmp.c', false, true]]])
  t.same(src.baseTip, [])
  const path0 = path.dirname(path.dirname(src.patches[0]!.files[0]!.newPath!))
  await src.cleanup()
  t.notOk(existsSync(path0), 'cleanup removes the snapshots')
})

t.test('quilt patch headers', async t => {
  t.same(quiltMessage(diff('a.c', 'x\n', 'y\n'), 'p.patch'), { title: 'p.patch', message: 'p.patch\n' }, 'no header: the file name')
  t.same(quiltMessage('\n\nFix the thing\n\nKlp-Intended: f: a\ndiff --git a/a.c b/a.c\n', 'p'), { title: 'Fix the thing', message: 'Fix the thing\n\nKlp-Intended: f: a\n' })
  t.same(quiltMessage('From: A <a@b>\nSubject: [PATCH v2 3/7] [net] fix it\n\nBody\nIndex: a.c\n', 'p').title, 'fix it')
  t.same(quiltMessage('Just text, no diff at all', 'p').title, 'Just text, no diff at all')
})

t.test('series files', async t => {
  t.same(parseSeriesFile('a.patch\n# c\n\n  b.patch -p0 # note\r\nsub/c.diff -p2\n#d.patch\n', 's'), [
    { name: 'a.patch', strip: 1 },
    { name: 'b.patch', strip: 0 },
    { name: 'sub/c.diff', strip: 2 },
  ])
  t.throws(() => parseSeriesFile('a.patch\nb.patch -R\n', '/p/series'), { constructor: ConfigError, message: '/p/series:2: unsupported option -R for b.patch', hint: /PATCH \[-pN\]/ })
  const dir = tmpTree(t, { series: 'a.patch\nmissing.patch\n', 'a.patch': '' })
  await t.rejects(listPatches(dir), { constructor: ConfigError, message: `${path.join(dir, 'series')} names missing.patch, which is not in ${dir}` })
})

t.test('usage errors: one message and a hint', async t => {
  const tree = tmpTree(t, TREE)
  const empty = tmpTree(t, { 'README': 'no patches\n' })
  const onlyComments = tmpTree(t, { series: '# nothing yet\n' })
  const missing = path.join(empty, 'nope')
  const rows: Array<[string, string, string, string, RegExp]> = [
    ['tree missing', missing, empty, `source tree ${missing} not found`, /--tree/],
    ['tree is a file', path.join(empty, 'README'), empty, `source tree ${path.join(empty, 'README')} not found`, /--tree/],
    ['patches missing', tree, missing, `patch directory ${missing} not found`, /--patches/],
    ['no patches', tree, empty, `no patches found in ${empty}`, /\*\.patch/],
    ['empty series', tree, onlyComments, `no patches found in ${onlyComments}`, /series file/],
  ]
  for (const [name, tr, patches, message, hint] of rows) {
    await t.rejects(openPatchDir({ tree: tr, patches, includes: [] }), { constructor: UsageError, exitCode: 3, message, hint }, name)
  }
})

t.test('a nested repository in the tree is only read; an error on the way removes the private folder', async t => {
  const tree = tmpTree(t, TREE)
  execFileSync('git', ['init', '-q', path.join(tree, 'vendor')], { env: GIT_ENV }) // a nested repository without a commit
  const patches = tmpTree(t, { 'p.patch': diff('src/f.c', F1, F2) })
  const src = await open(t, { tree, patches, includes: [] })
  t.equal(readFileSync(src.patches[0]!.files[0]!.newPath!, 'utf8'), F2)
  const outside = tmpTree(t, { 'evil.yaml': 'function: f\n' })
  symlinkSync(path.join(outside, 'evil.yaml'), path.join(patches, 'p.yaml'))
  const tmp = tmpTree(t, {})
  const saved = process.env.TMPDIR
  process.env.TMPDIR = tmp
  t.teardown(() => (saved === undefined ? delete process.env.TMPDIR : (process.env.TMPDIR = saved)))
  await t.rejects(openPatchDir({ tree, patches, includes: [] }), { constructor: ConfigError, message: /^p\.yaml in .* leads outside the patch directory/ })
  t.same(readdirSync(tmp), [], 'nothing left in the temp dir')
})

t.test('a CRLF patch applies to an LF tree (as GNU patch does); a .c file the tree ignores can be patched', async t => {
  const tree = tmpTree(t, { ...TREE, '.gitignore': 'gen.c\n', 'gen.c': 'int gen(void) { return 1; }\n', 'tbl.inc': 'X(1)\n' })
  const patches = tmpTree(t, {
    '1.patch': `CRLF mail.\r\n---\r\n${diff('src/f.c', F1, F2).replace(/\n/g, '\r\n')}`,
    '2.patch': `Ignored file.\n---\n${diff('gen.c', 'int gen(void) { return 1; }\n', 'int gen(void) { return 2; }\n')}`,
  })
  const src = await open(t, { tree, patches, includes: [] })
  t.same(src.patches.map(p => [p.id, p.error, p.files.map(f => f.key)]), [['1.patch', undefined, ['src/f.c']], ['2.patch', undefined, ['gen.c']]])
  t.equal(readFileSync(src.patches[0]!.files[0]!.newPath!, 'utf8'), F2, 'the LF tree stays LF')
  t.ok(existsSync(path.join(path.dirname(src.patches[1]!.files[0]!.newPath!), 'tbl.inc')), 'included non-header files are in the snapshots')
})

t.test('series file names and patch links must stay inside --patches', async t => {
  const rows: Array<[string, string, RegExp]> = [
    ['a relative path out', 'ok.patch\n../../../../etc/passwd\n', /:2: \.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd is outside the patch directory$/],
    ['an absolute path', '/etc/passwd -p1\n', /:1: \/etc\/passwd is outside the patch directory$/],
    ['.. in the middle', 'sub/../../x.patch\n', /:1: sub\/\.\.\/\.\.\/x\.patch is outside/],
  ]
  for (const [name, text, message] of rows) {
    t.throws(() => parseSeriesFile(text, '/p/series'), { constructor: ConfigError, message, hint: /no absolute paths, no \.\./ }, name)
  }
  t.same(parseSeriesFile('sub/..x.patch\n', 's'), [{ name: 'sub/..x.patch', strip: 1 }], 'a name merely starting with .. is fine')

  const outside = tmpTree(t, { 'secret.patch': 'Secret title\n---\n', 'secret.yaml': 'cflags: -fplugin=x.so\n' })
  const { symlinkSync } = await import('node:fs')
  // a series file naming a link that leads out
  const viaSeries = tmpTree(t, { series: 'a.patch\n' })
  symlinkSync(path.join(outside, 'secret.patch'), path.join(viaSeries, 'a.patch'))
  await t.rejects(listPatches(viaSeries), { constructor: ConfigError, message: new RegExp(`^a\\.patch in ${viaSeries} leads outside the patch directory \\(to ${outside}/secret\\.patch\\)$`), hint: /inside --patches/ })
  // no series file: a linked *.patch is not skipped silently, it is refused
  const viaName = tmpTree(t, { 'b.patch': '' })
  symlinkSync(path.join(outside, 'secret.patch'), path.join(viaName, 'a.patch'))
  await t.rejects(listPatches(viaName), { constructor: ConfigError, message: /^a\.patch in .* leads outside the patch directory/ })
  // the series file itself linked out
  const viaSeriesFile = tmpTree(t, { 'a.patch': '' })
  symlinkSync(path.join(outside, 'secret.patch'), path.join(viaSeriesFile, 'series'))
  await t.rejects(listPatches(viaSeriesFile), { constructor: ConfigError, message: /^series in .* leads outside/ })
  // links inside the directory are fine, and a link to a directory is not a patch
  const inside = tmpTree(t, { 'real/x.patch': '', 'a.patch': '' })
  symlinkSync(path.join(inside, 'real', 'x.patch'), path.join(inside, 'b.patch'))
  symlinkSync(path.join(inside, 'real'), path.join(inside, 'c.patch'))
  t.same(await listPatches(inside), [{ name: 'a.patch', strip: 1 }, { name: 'b.patch', strip: 1 }])
})

t.test('a spec beside a patch that links out of --patches is refused (before anything is proved)', async t => {
  const { symlinkSync } = await import('node:fs')
  const tree = tmpTree(t, TREE)
  const outside = tmpTree(t, { 'evil.yaml': 'function: f\ncflags: -fplugin=x.so\n' })
  const patches = tmpTree(t, { '0001-a.patch': 'Title\n---\n' })
  symlinkSync(path.join(outside, 'evil.yaml'), path.join(patches, '0001-a.yaml'))
  await t.rejects(openPatchDir({ tree, patches, includes: [] }), { constructor: ConfigError, message: /^0001-a\.yaml in .* leads outside the patch directory/ })
})

t.test('-p tricks: a patch whose file names climb out of the tree is not applied, and writes nothing', async t => {
  const base = tmpTree(t, {})
  const tree = path.join(base, 'a', 'b', 'tree')
  writeFiles(tree, TREE)
  const patches = tmpTree(t, {
    series: '01-up.patch -p0\n02-deep.patch -p3\n',
    '01-up.patch': `Up\n---\n${diff('../../escape.c', null, 'int evil;\n', ['', ''])}`,
    '02-deep.patch': `Deep\n---\n${diff('x/../../../escape.h', null, '#define EVIL\n')}`,
  })
  const src = await open(t, { tree, patches, includes: [] })
  t.same(src.patches.map(p => [p.id, p.error?.replace(/:.*/, '')]), [['01-up.patch', 'does not apply'], ['02-deep.patch', 'does not apply']])
  t.notOk(existsSync(path.join(base, 'a', 'escape.c')) || existsSync(path.join(base, 'escape.h')), 'nothing written beside the tree')
})

/** Every regular file under dir (links not followed), relative, with its size. */
function regularFiles(dir: string): Map<string, number> {
  const out = new Map<string, number>()
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile()) out.set(path.relative(dir, p), statSync(p).size)
    }
  }
  walk(dir)
  return out
}

t.test('the tree is not copied: a version is an overlay, only touched files are written', async t => {
  const big = 'int big;\n' + '/* padding */\n'.repeat(200_000) // 2.8 MB the patches never touch
  const tree = tmpTree(t, { ...TREE, 'drivers/big.c': big, 'include/linux/api2.h': '#define API2 1\n', 'include/l.h': '' })
  rmSync(path.join(tree, 'include/l.h'))
  symlinkSync('api.h', path.join(tree, 'include/l.h')) // a relative link of the tree
  const H2 = '#define F 2\n'
  const patches = tmpTree(t, {
    '1.patch': `Header and code.\n---\n${diff('src/f.c', F1, F2)}${diff('src/f.h', TREE['src/f.h'], H2)}`,
    '2.patch': `API.\n---\n${diff('include/api.h', TREE['include/api.h'], '#define API 2\n')}`,
  })
  const before = fingerprint(tree)
  const src = await open(t, { tree, patches, includes: ['include'] })
  const scratch = src.scratch!
  const files = regularFiles(scratch)
  t.notOk([...files.keys()].some(f => f.endsWith('big.c')), 'the big untouched file is nowhere in the scratch folder')
  t.ok([...files.values()].reduce((a, b) => a + b, 0) < 200_000, 'the scratch folder holds a few small files, not a copy of the tree')
  const touched = new Set(['src/f.c', 'src/f.h', 'include/api.h'])
  const inSnapshots = [...files.keys()].filter(f => f.startsWith('snapshots/')).map(f => f.split('/').slice(2).join('/'))
  t.ok(inSnapshots.length > 0 && inSnapshots.every(f => touched.has(f)), 'snapshots hold only the touched files as files')

  const [p1, p2] = src.patches as [SeriesPatch, SeriesPatch]
  const oldSnap = p1.files[0]!.oldPath!.slice(0, -'src/f.c'.length)
  const newSnap = p1.files[0]!.newPath!.slice(0, -'src/f.c'.length)
  t.equal(readFileSync(path.join(newSnap, 'src/f.h'), 'utf8'), H2, 'the touched header beside the .c file is the patched one')
  t.equal(readFileSync(path.join(oldSnap, 'src/f.h'), 'utf8'), TREE['src/f.h'], 'and the tree\'s in the old version')
  t.ok(lstatSync(path.join(newSnap, 'include/linux')).isSymbolicLink(), 'an untouched folder is one link')
  t.equal(readFileSync(path.join(newSnap, 'include/linux/api2.h'), 'utf8'), '#define API2 1\n')
  t.equal(readFileSync(path.join(newSnap, 'drivers/big.c'), 'utf8').length, big.length, 'untouched files read through the view')
  t.same(p1.files[0]!.newIncludes, [path.join(newSnap, 'include')], '-I dirs map into the view')

  // patch 2 changes include/api.h only: f.c includes it, so f.c is compared (unchanged text, changed header)
  t.same(p2.files.map(f => f.key), ['src/f.c'])
  const snap2 = p2.files[0]!.newPath!.slice(0, -'src/f.c'.length)
  t.equal(readFileSync(path.join(snap2, 'include/api.h'), 'utf8'), '#define API 2\n')
  t.equal(readlinkSync(path.join(snap2, 'include/l.h')), 'api.h', 'a relative link of the tree is copied as a link')
  t.equal(readFileSync(path.join(snap2, 'include/l.h'), 'utf8'), '#define API 2\n', 'so it reads the patched file')
  t.equal(readFileSync(path.join(snap2, 'src/f.h'), 'utf8'), H2, 'an earlier patch\'s change stays')
  t.equal(fingerprint(tree), before, 'the tree is unchanged, mtimes included')
})

t.test('a path git needs that no patch line names is loaded, and the series applied again', async t => {
  const tree = tmpTree(t, TREE)
  // a traditional diff: a date after the name, separated by spaces (git reads past it)
  const stamp = (l: string) => l.replace(/^(--- |\+\+\+ )(\S+)$/, '$1$2  2020-01-01 00:00:00.000000000 +0000')
  const patches = tmpTree(t, { '1.patch': `Dated.\n---\n${diff('src/f.c', F1, F2).split('\n').map(stamp).join('\n')}` })
  const src = await open(t, { tree, patches, includes: [] })
  t.same(src.patches.map(p => [p.error, p.files.map(f => f.key)]), [[undefined, ['src/f.c']]])
  t.equal(readFileSync(src.patches[0]!.files[0]!.newPath!, 'utf8'), F2)
})

t.test('the tree\'s own .git is never looked at (a broken gitdir link in it is no obstacle)', async t => {
  const tree = tmpTree(t, { ...TREE, '.git': 'gitdir: /nonexistent/klp-test\n' })
  const patches = tmpTree(t, { '1.patch': `Header.\n---\n${diff('include/api.h', TREE['include/api.h'], '#define API 2\n')}` })
  const src = await open(t, { tree, patches, includes: ['include'] })
  t.same(src.patches.map(p => [p.error, p.files.map(f => f.key)]), [[undefined, ['src/f.c']]], 'the includers of the header were found in the tree')
})

t.test('an absolute -I folder inside the tree names the same folder of each version\'s view', async t => {
  const tree = tmpTree(t, TREE)
  const patches = tmpTree(t, { '1.patch': `API.\n---\n${diff('include/api.h', TREE['include/api.h'], '#define API 2\n')}` })
  const elsewhere = path.join(os.tmpdir(), 'klp-not-the-tree')
  const src = await open(t, { tree, patches, includes: [path.join(tree, 'include'), tree, elsewhere] })
  const f = src.patches[0]!.files[0]!
  const snap = f.newPath!.slice(0, -'/src/f.c'.length)
  t.same(f.newIncludes, [path.join(snap, 'include'), snap, elsewhere])
  t.equal(readFileSync(path.join(f.newIncludes[0]!, 'api.h'), 'utf8'), '#define API 2\n', 'so a touched header there is the patched one')
  t.equal(readFileSync(path.join(f.oldIncludes[0]!, 'api.h'), 'utf8'), TREE['include/api.h'])
})
