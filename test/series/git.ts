import t, { type Test } from 'tap'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, UsageError } from '../../src/errors.js'
import { materializeSeries, openGitRange } from '../../src/series/git.js'
import { createGit } from '../../src/series/snapshot.js'
import type { SeriesSource } from '../../src/series/types.js'

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'T',
  GIT_AUTHOR_EMAIL: 't@example.org',
  GIT_COMMITTER_NAME: 'T',
  GIT_COMMITTER_EMAIL: 't@example.org',
  GIT_AUTHOR_DATE: '2020-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2020-01-01T00:00:00Z',
}

/** A throw-away repository under os.tmpdir(), removed when the test ends. */
function makeRepo(t: Test) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'klp-git-test-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' }).trim()
  const write = (files: Record<string, string | null>) => {
    for (const [p, text] of Object.entries(files)) {
      const f = path.join(dir, p)
      if (text === null) rmSync(f)
      else {
        mkdirSync(path.dirname(f), { recursive: true })
        writeFileSync(f, text)
      }
    }
  }
  const commit = (message: string, files: Record<string, string | null>) => {
    write(files)
    git('add', '-A')
    git('commit', '-q', '-m', message)
    return git('rev-parse', 'HEAD')
  }
  git('init', '-q', '-b', 'main')
  return { dir, git, write, commit }
}

const F_V1 = '#include "f.h"\n#include "api.h"\nint f(int x) { return x + F_STEP + API; }\n'
const F_V2 = '#include "f.h"\n#include "api.h"\nint f(int x) { return F_STEP + x + API; }\n'

function seriesRepo(t: Test) {
  const r = makeRepo(t)
  const base = r.commit('base', {
    'src/f.c': F_V1,
    'src/f.h': '#define F_STEP 1\n',
    'include/api.h': '#define API 2\n',
    'include/sub/deep.h': '#define DEEP 3\n',
    'src/old.c': 'int old(void) { return 0; }\n',
    'src/g.c': 'int g(void) { return 0; }\n',
    'README': 'hello\n',
  })
  const c1 = r.commit('f: reorder the sum\n\nKlp-Intended: f: x > 3 => ret == 0\nKlp-Intended: f: x == 0\nKlp-Assume: f: x < 100\n', { 'src/f.c': F_V2 })
  const c2 = r.commit('add new.c, drop old.c', { 'src/new.c': 'int fresh(void) { return 1; }\n', 'src/old.c': null, 'include/api.h': '#define API 4\n' })
  r.git('checkout', '-q', '-b', 'side', c1)
  const side = r.commit('g: side change', { 'src/g.c': 'int g(void) { return 1; }\n' })
  r.git('checkout', '-q', 'main')
  r.git('merge', '-q', '--no-ff', '-m', 'merge side', 'side')
  const merge = r.git('rev-parse', 'HEAD')
  const c3 = r.commit('docs only', { README: 'bye\n' })
  return { ...r, base, c1, c2, side, merge, c3 }
}

async function open(t: Test, opts: Parameters<typeof openGitRange>[0]): Promise<SeriesSource> {
  const src = await openGitRange(opts)
  t.teardown(() => src.cleanup())
  return src
}

const s12 = (c: string) => c.slice(0, 12)

t.test('each commit of BASE..TIP is one patch, oldest first, from git objects', async t => {
  const r = seriesRepo(t)
  const abs = path.join(os.tmpdir(), 'some-absolute-include')
  const src = await open(t, { repo: r.dir, range: `${s12(r.base)}..main`, includes: ['include', abs] })
  t.equal(src.kind, 'git')
  t.equal(src.description, `${r.dir} ${s12(r.base)}..main`)
  t.equal(src.root, path.resolve(r.dir), 'data files may point into the repository')
  const topo = r.git('rev-list', '--reverse', '--topo-order', `${r.base}..main`).split('\n')
  t.same(src.patches.map(p => p.id), topo.map(s12), 'ids are 12-char commit ids in rev-list --reverse --topo-order order')
  t.same(src.patches.map(p => p.index), [0, 1, 2, 3, 4])
  const byId = (c: string) => src.patches.find(p => p.id === s12(c))!
  t.equal(byId(r.c1).title, 'f: reorder the sum')
  t.equal(byId(r.c3).title, 'docs only')
  t.same(byId(r.c3).files, [], 'a commit without .c changes has no files')

  const p1 = byId(r.c1)
  t.same(p1.functions, 'auto')
  t.same(p1.specs, [])
  t.same(p1.trailerClaims, { f: ['x > 3 => ret == 0', 'x == 0'] }, 'trailers of the full message; Klp-Assume is not a claim')
  t.same(p1.trailerAssumes, { f: ['x < 100'] }, 'Klp-Assume trailers are preconditions')
  t.equal(p1.files.length, 1)
  const f = p1.files[0]!
  t.equal(f.key, 'src/f.c')
  t.equal(f.oldLabel, `${s12(r.base)}:src/f.c`)
  t.equal(f.newLabel, `${s12(r.c1)}:src/f.c`)
  t.equal(readFileSync(f.oldPath!, 'utf8'), F_V1)
  t.equal(readFileSync(f.newPath!, 'utf8'), F_V2)
  t.ok(src.scratch && f.oldPath!.startsWith(src.scratch) && f.newPath!.startsWith(src.scratch), 'snapshots live in the source\'s scratch folder')
  const oldSnap = f.oldPath!.slice(0, -'src/f.c'.length)
  const newSnap = f.newPath!.slice(0, -'src/f.c'.length)
  t.not(oldSnap, newSnap)
  for (const snap of [oldSnap, newSnap]) {
    t.ok(existsSync(path.join(snap, 'src/f.h')), 'the header beside the .c file is in the snapshot')
    t.ok(existsSync(path.join(snap, 'include/sub/deep.h')), 'every header of the commit is in the snapshot')
    t.notOk(existsSync(path.join(snap, 'README')), 'other files are not')
  }
  t.ok(existsSync(path.join(oldSnap, 'src/g.c')), 'the .c files the series changed are in every snapshot')
  t.same(f.oldIncludes, [path.join(oldSnap, 'include'), abs], 'relative -I dirs map into the snapshot; absolute ones stay')
  t.same(f.newIncludes, [path.join(newSnap, 'include'), abs])

  const p2 = byId(r.c2)
  t.same(
    p2.files.map(x => [x.key, x.oldPath && path.basename(x.oldPath), x.newPath && path.basename(x.newPath)]),
    [['src/f.c', 'f.c', 'f.c'], ['src/new.c', null, 'new.c'], ['src/old.c', 'old.c', null]],
    'added and removed files have null for the missing side; f.c includes the changed api.h',
  )
  t.equal(readFileSync(path.join(p2.files[1]!.newPath!, '../../include/api.h'), 'utf8'), '#define API 4\n', 'headers are the commit\'s own version')
  t.equal(readFileSync(path.join(p2.files[2]!.oldPath!, '../../include/api.h'), 'utf8'), '#define API 2\n')

  const pm = byId(r.merge)
  t.same(pm.files.map(x => [x.key, x.oldLabel, x.newLabel]), [['src/g.c', `${s12(r.c2)}:src/g.c`, `${s12(r.merge)}:src/g.c`]], 'a merge is diffed against its first parent')
  t.equal(readFileSync(pm.files[0]!.newPath!, 'utf8'), 'int g(void) { return 1; }\n')
  t.equal(byId(r.side).files[0]!.oldLabel, `${s12(r.c1)}:src/g.c`)

  t.same(
    src.baseTip.map(x => [x.key, x.oldLabel, x.newLabel, x.oldPath !== null, x.newPath !== null]),
    [
      ['src/f.c', `${s12(r.base)}:src/f.c`, `${s12(r.c3)}:src/f.c`, true, true],
      ['src/g.c', `${s12(r.base)}:src/g.c`, `${s12(r.c3)}:src/g.c`, true, true],
      ['src/new.c', `${s12(r.base)}:src/new.c`, `${s12(r.c3)}:src/new.c`, false, true],
      ['src/old.c', `${s12(r.base)}:src/old.c`, `${s12(r.c3)}:src/old.c`, true, false],
    ],
    'base → tip: every .c changed in the range, sorted',
  )
  t.equal(readFileSync(src.baseTip[0]!.newPath!, 'utf8'), F_V2)

  const tmp = path.dirname(path.dirname(path.dirname(f.oldPath!)))
  await src.cleanup()
  t.notOk(existsSync(tmp), 'cleanup removes the snapshots')
})

t.test('the user\'s work tree, index and HEAD are untouched', async t => {
  const r = seriesRepo(t)
  r.write({ 'src/f.c': 'dirty\n', 'untracked.c': 'x\n', 'src/staged.h': 'y\n' })
  r.git('add', 'src/staged.h')
  const before = { status: r.git('status', '--porcelain'), head: r.git('rev-parse', 'HEAD'), index: readFileSync(path.join(r.dir, '.git/index')), mtime: statSync(path.join(r.dir, '.git/index')).mtimeMs }
  const src = await open(t, { repo: r.dir, range: `${r.base}..HEAD`, includes: [] })
  t.equal(src.patches.length, 5)
  t.equal(readFileSync(src.patches[0]!.files[0]!.newPath!, 'utf8'), F_V2, 'contents come from the commit, not the dirty work tree')
  t.same(readFileSync(path.join(r.dir, '.git/index')), before.index, 'index bytes unchanged')
  t.equal(statSync(path.join(r.dir, '.git/index')).mtimeMs, before.mtime, 'index not rewritten')
  t.equal(r.git('status', '--porcelain'), before.status)
  t.equal(r.git('rev-parse', 'HEAD'), before.head)
  t.equal(readFileSync(path.join(r.dir, 'src/f.c'), 'utf8'), 'dirty\n')
})

t.test('a range with an empty side means HEAD; symlinked headers are kept as links', async t => {
  const r = makeRepo(t)
  const base = r.commit('base', { 'a.c': '#include "link.h"\nint a;\n', 'real/x.h': '#define X 1\n' })
  execFileSync('ln', ['-s', 'real/x.h', path.join(r.dir, 'link.h')])
  r.commit('a: more', { 'a.c': '#include "link.h"\nint a = X;\n' })
  const src = await open(t, { repo: r.dir, range: `${base}..`, includes: [] })
  t.equal(src.patches.length, 1)
  const snap = path.dirname(src.patches[0]!.files[0]!.newPath!)
  t.equal(readFileSync(path.join(snap, 'link.h'), 'utf8'), '#define X 1\n', 'the symlink resolves inside the snapshot')
})

t.test('a root commit in the range has no old side', async t => {
  const r = makeRepo(t)
  const base = r.commit('base', { 'a.c': 'int a;\n' })
  r.git('checkout', '-q', '--orphan', 'other')
  r.git('rm', '-q', '-rf', '.')
  r.commit('unrelated root', { 'b.c': 'int b;\n' })
  // an unrelated history merged in (a subtree merge): its root commit is inside base..main
  r.git('checkout', '-q', 'main')
  r.git('merge', '-q', '--allow-unrelated-histories', '-m', 'merge other', 'other')
  const src = await open(t, { repo: r.dir, range: `${base}..main`, includes: ['inc'] })
  t.equal(src.patches[0]!.title, 'unrelated root')
  const f = src.patches[0]!.files[0]!
  t.same([f.key, f.oldPath, f.oldLabel, f.oldIncludes], ['b.c', null, 'root:b.c', []])
  t.same(src.baseTip.map(x => [x.key, x.oldPath === null, x.newPath === null]), [['b.c', true, false]])
})

t.test('a malformed trailer makes its patch an error, naming the commit; the other patches go on', async t => {
  const r = makeRepo(t)
  const base = r.commit('base', { 'a.c': 'int a;\n' })
  const c = r.commit('a: change\n\nKlp-Intended: no function here\n', { 'a.c': 'int a = 1;\n' })
  r.commit('a: again', { 'a.c': 'int a = 2;\n' })
  const src = await open(t, { repo: r.dir, range: `${base}..HEAD`, includes: [] })
  t.match(src.patches[0]!.problem, `${s12(c)} (a: change): malformed Klp-Intended trailer: "Klp-Intended: no function here"`)
  t.match(src.patches[0]!.problem, /hint: .*FUNCTION: WHEN => THEN/)
  t.equal(src.patches[1]!.problem, undefined)
  t.equal(src.patches[1]!.files.length, 1)
})

t.test('usage errors: one message and a hint', async t => {
  const r = makeRepo(t)
  const base = r.commit('base', { 'a.c': 'int a;\n' })
  const notRepo = mkdtempSync(path.join(os.tmpdir(), 'klp-git-test-norepo-'))
  t.teardown(() => rmSync(notRepo, { recursive: true, force: true }))
  const rows: Array<[string, string, string, RegExp, RegExp]> = [
    ['missing directory', path.join(notRepo, 'nope'), 'a..b', /is not a git repository \(no such directory\)/, /--git/],
    ['not a repository', notRepo, 'a..b', /^.* is not a git repository$/, /--git/],
    ['no ..', r.dir, 'main', /has no "\.\."/, /BASE\.\.TIP/],
    ['symmetric', r.dir, 'main...main', /symmetric/, /BASE\.\.TIP/],
    ['option-like', r.dir, '--all..main', /is not a revision/, /BASE\.\.TIP/],
    ['unknown base', r.dir, 'nope..main', /^unknown revision nope in /, /log --oneline nope\.\.main/],
    ['unknown tip', r.dir, `${base}..nope`, /^unknown revision nope in /, /log --oneline/],
    ['empty range', r.dir, 'main..main', /^no commits in main\.\.main$/, /log --oneline main\.\.main/],
  ]
  for (const [name, repo, range, message, hint] of rows) {
    await t.rejects(openGitRange({ repo, range, includes: [] }), { constructor: UsageError, exitCode: 3, message, hint }, name)
  }
})

t.test('GIT_DIR and friends in the environment do not redirect git', async t => {
  const r = seriesRepo(t)
  const saved = { dir: process.env.GIT_DIR, tree: process.env.GIT_WORK_TREE }
  process.env.GIT_DIR = path.join(os.tmpdir(), 'no-such-git-dir')
  process.env.GIT_WORK_TREE = os.tmpdir()
  t.teardown(() => {
    for (const [k, v] of [['GIT_DIR', saved.dir], ['GIT_WORK_TREE', saved.tree]] as const) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  })
  const src = await open(t, { repo: r.dir, range: `${r.base}..${r.c1}`, includes: [] })
  t.same(src.patches.map(p => p.title), ['f: reorder the sum'])
})

t.test('a changed header brings in the .c files that include it (a macro or static inline changes them)', async t => {
  const r = makeRepo(t)
  const base = r.commit('base', {
    'include/lim.h': '#define LIM 4\nstatic inline int clampi(int v) { return v > LIM ? LIM : v; }\n',
    'drv/a.c': '#include <lim.h>\nint a(int v) { return clampi(v); }\n',
    'drv/b.c': '#include "other.h"\nint b(void) { return 1; }\n',
    'drv/other.h': '#define O 1\n',
    'drv/c.c': '/* mentions lim.h in a comment only */\nint c(void) { return 2; }\n',
  })
  r.commit('lim: raise the limit', { 'include/lim.h': '#define LIM 8\nstatic inline int clampi(int v) { return v > LIM ? LIM : v; }\n' })
  const s = await openGitRange({ repo: r.dir, range: `${base}..HEAD`, includes: ['include'] })
  t.teardown(() => s.cleanup())
  t.same(s.patches[0]!.files.map(f => f.key), ['drv/a.c'], 'only the file that includes the header')
  t.same(s.baseTip.map(f => f.key), ['drv/a.c'])
  t.equal(s.patches[0]!.notes, undefined)

  const many = makeRepo(t)
  const files: Record<string, string> = { 'common.h': '#define K 1\n' }
  for (let i = 0; i <= 32; i++) files[`f${i}.c`] = '#include "common.h"\nint f(void) { return K; }\n'
  const b2 = many.commit('base', files)
  many.commit('common: K = 2', { 'common.h': '#define K 2\n' })
  const s2 = await openGitRange({ repo: many.dir, range: `${b2}..HEAD`, includes: [] })
  t.teardown(() => s2.cleanup())
  t.same(s2.patches[0]!.files, [], 'a header included everywhere is not followed')
  t.match(s2.patches[0]!.notes, [/^common\.h changed and more than 32 \.c files include it: only the \.c files the patch itself changed were analysed, so the patch is not fully proved$/])
  t.equal(s2.patches[0]!.incomplete, true, 'which makes the run inconclusive at best')
})

t.test('a BASE that is not an ancestor of TIP is refused', async t => {
  const r = makeRepo(t)
  const base = r.commit('base', { 'a.c': 'int a;\n' })
  r.git('checkout', '-q', '-b', 'side')
  r.commit('side', { 'a.c': 'int a = 3;\n' })
  r.git('checkout', '-q', 'main')
  r.commit('main', { 'a.c': 'int a = 1;\n' })
  await t.rejects(openGitRange({ repo: r.dir, range: 'side..main', includes: [] }), {
    constructor: UsageError,
    message: 'side is not an ancestor of main: side..main is not a series of patches on side',
    hint: /merge-base side main\)\.\.main/,
  })
  t.ok(base)
})

t.test('a renamed (and edited) file is compared under its new name with its old contents', async t => {
  const r = makeRepo(t)
  const body = (k: number) => `int f(int x)\n{\n\tint y = x * 2;\n\tint z = y + 1;\n\tif (z > 10)\n\t\treturn z - ${k};\n\treturn z;\n}\n`
  const base = r.commit('base', { 'drv/a.c': body(1) })
  r.git('mv', 'drv/a.c', 'drv/b.c')
  r.write({ 'drv/b.c': body(2) })
  const c1 = r.commit('move a.c to b.c', {})
  r.git('mv', 'drv/b.c', 'drv/c.c')
  const c2 = r.commit('move again', {})
  const src = await open(t, { repo: r.dir, range: `${base}..HEAD`, includes: [] })
  const f = src.patches[0]!.files
  t.same(f.map(x => [x.key, x.oldLabel, x.newLabel]), [['drv/b.c', `${s12(base)}:drv/a.c`, `${s12(c1)}:drv/b.c`]])
  t.equal(readFileSync(f[0]!.oldPath!, 'utf8'), body(1))
  t.equal(readFileSync(f[0]!.newPath!, 'utf8'), body(2))
  t.same(src.patches[1]!.files.map(x => [x.oldLabel, x.newLabel]), [[`${s12(c1)}:drv/b.c`, `${s12(c2)}:drv/c.c`]], 'a pure rename too')
  t.same(src.baseTip.map(x => [x.key, x.oldLabel, x.newLabel]), [['drv/c.c', `${s12(base)}:drv/a.c`, `${s12(c2)}:drv/c.c`]], 'base → tip follows the renames')
})

t.test('a header included through another header still brings in the .c files', async t => {
  const r = makeRepo(t)
  const base = r.commit('base', {
    'include/regs.h': '#define LIMIT 4\n',
    'include/foo.h': '#include "regs.h"\nstatic inline int lim(void) { return LIMIT; }\n',
    'drv/g.c': '#include <foo.h>\nint g(void) { return lim(); }\n',
    'drv/h.c': 'int h(void) { return 0; }\n',
  })
  r.commit('regs: LIMIT 8', { 'include/regs.h': '#define LIMIT 8\n' })
  const src = await open(t, { repo: r.dir, range: `${base}..HEAD`, includes: ['include'] })
  t.same(src.patches[0]!.files.map(f => f.key), ['drv/g.c'])
  t.equal(src.patches[0]!.incomplete, undefined)
})

t.test('over a tree (patch mode): snapshots are views of the tree, includers come from it too, a step without a commit has no files', async t => {
  // the repository holds only the touched file; the tree on disk holds everything
  const r = makeRepo(t)
  const base = r.commit('base', { 'include/lim.h': '#define LIM 4\n' })
  const c1 = r.commit('lim: 8', { 'include/lim.h': '#define LIM 8\n' })
  const tree = mkdtempSync(path.join(os.tmpdir(), 'klp-git-test-tree-'))
  t.teardown(() => rmSync(tree, { recursive: true, force: true }))
  mkdirSync(path.join(tree, 'include'))
  mkdirSync(path.join(tree, 'drv'))
  writeFileSync(path.join(tree, 'include/lim.h'), '#define LIM 4\n')
  writeFileSync(path.join(tree, 'drv/a.c'), '#include <lim.h>\nint a(void) { return LIM; }\n')
  const root = mkdtempSync(path.join(os.tmpdir(), 'klp-git-test-root-'))
  t.teardown(() => rmSync(root, { recursive: true, force: true }))
  const asked: string[][] = []
  const step = { title: 't', message: 't\n', specs: [], oldName: 'base' }
  const { patches, baseTip } = await materializeSeries(createGit(r.dir), root, [
    { ...step, id: 'p1', commit: c1, parent: base, newName: 'p1' },
    { ...step, id: 'p2', commit: null, parent: c1, newName: 'p2', error: 'does not apply: x' },
  ], { base, baseName: 'base', tip: c1, tipName: 'p1' }, ['include', path.join(tree, 'include'), '/elsewhere'], {
    overlay: { kind: 'tree', tree, hidden: new Set(['include/lim.h']) },
    includers: async names => (asked.push([...names]), names.includes('lim.h') ? ['drv/a.c'] : []),
  })
  t.same(asked[0], ['lim.h'], 'the tree is asked for the includers of the changed header')
  t.same(patches.map(p => [p.id, p.error, p.files.map(f => f.key)]), [['p1', undefined, ['drv/a.c']], ['p2', 'does not apply: x', []]])
  const f = patches[0]!.files[0]!
  const snap = f.newPath!.slice(0, -'/drv/a.c'.length)
  t.same(f.newIncludes, [path.join(snap, 'include'), path.join(snap, 'include'), '/elsewhere'], 'relative and in-tree absolute -I folders map into the view')
  t.equal(readFileSync(path.join(snap, 'include/lim.h'), 'utf8'), '#define LIM 8\n')
  t.equal(readFileSync(f.newPath!, 'utf8'), '#include <lim.h>\nint a(void) { return LIM; }\n', 'the .c file is read through the view')
  t.same(baseTip.map(x => x.key), ['drv/a.c'])
})
