import t, { type Test } from 'tap'
import { execFileSync } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ToolFailureError } from '../../src/errors.js'
import { createGit, createSnapshotStore, firstLine, gitOk, runGit } from '../../src/series/snapshot.js'

const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@x' }

function tmp(t: Test): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'klp-snapshot-test-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A repository with one commit holding `files` (a value starting with -> is a symlink). */
function repoWith(t: Test, files: Record<string, string>) {
  const dir = tmp(t)
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' }).trim()
  git('init', '-q')
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true })
    if (text.startsWith('->')) symlinkSync(text.slice(2), path.join(dir, p))
    else writeFileSync(path.join(dir, p), text)
  }
  git('add', '-A')
  git('commit', '-q', '-m', 'c')
  return { dir, git, head: git('rev-parse', 'HEAD') }
}

t.test('firstLine picks git\'s error line without its tag', async t => {
  t.equal(firstLine('\n<stdin>:3: trailing whitespace.\nerror: patch failed: a.c:1\nerror: a.c: patch does not apply\n'), 'patch failed: a.c:1')
  t.equal(firstLine('fatal: not a git repository\n'), 'not a git repository')
  t.equal(firstLine('  something else\n'), 'something else')
  t.equal(firstLine(''), '')
})

t.test('git runs without repository redirection from the environment', async t => {
  const saved = process.env.GIT_INDEX_FILE
  process.env.GIT_INDEX_FILE = '/nonexistent/index'
  t.teardown(() => (saved === undefined ? delete process.env.GIT_INDEX_FILE : (process.env.GIT_INDEX_FILE = saved)))
  const git = createGit(process.cwd(), { env: { KLP_TEST: '1' } })
  t.equal(git.env.GIT_INDEX_FILE, undefined)
  t.equal(git.env.GIT_OPTIONAL_LOCKS, '0')
  t.equal(git.env.KLP_TEST, '1')
  const r = await runGit(git, ['var', 'GIT_EDITOR'], { env: { GIT_EDITOR: 'ed-for-test' } })
  t.same([r.exitCode, r.stdout], [0, 'ed-for-test\n'], 'per-call env on top; stdout kept verbatim')
  const bad = await runGit(git, ['no-such-subcommand'])
  t.not(bad.exitCode, 0, 'a failing git is data, not an exception')
})

t.test('a snapshot: every header, the asked-for .c files, symlinks; made once, blobs shared', async t => {
  const r = repoWith(t, { 'a.c': 'int a;\n', 'b.c': 'int b;\n', 'inc/x.h': '#define X\n', 'inc/y.h': '#define X\n', 'l.h': '->inc/x.h', 'doc.txt': 'd\n' })
  const root = tmp(t)
  const store = createSnapshotStore(createGit(r.dir), root, new Set(['a.c', 'gone.c']))
  const s = await store.snapshot(r.head)
  t.equal(await store.snapshot(r.head), s, 'the same commit is materialized once')
  t.same([...s.cFiles], ['a.c'], 'only the asked-for .c files that exist')
  t.equal(readFileSync(path.join(s.dir, 'a.c'), 'utf8'), 'int a;\n')
  t.equal(readFileSync(path.join(s.dir, 'inc/y.h'), 'utf8'), '#define X\n')
  t.equal(readlinkSync(path.join(s.dir, 'l.h')), 'inc/x.h')
  t.ok(lstatSync(path.join(s.dir, 'l.h')).isSymbolicLink())
  for (const f of ['b.c', 'doc.txt']) t.throws(() => statSync(path.join(s.dir, f)), { code: 'ENOENT' }, `${f} is not in the snapshot`)
  t.equal(statSync(path.join(s.dir, 'inc/x.h')).ino, statSync(path.join(s.dir, 'inc/y.h')).ino, 'equal blobs are one file in the store')
  t.equal(statSync(path.join(s.dir, 'inc/x.h')).mode & 0o777, 0o444, 'read-only: a snapshot cannot change the store')
})

t.test('a missing object or a bad revision is a tool failure', async t => {
  const r = repoWith(t, { 'a.h': 'unique content 1234\n' })
  const oid = r.git('rev-parse', 'HEAD:a.h')
  rmSync(path.join(r.dir, '.git/objects', oid.slice(0, 2), oid.slice(2)), { force: true })
  const store = createSnapshotStore(createGit(r.dir), tmp(t), new Set())
  await t.rejects(store.snapshot(r.head), { constructor: ToolFailureError, message: `git cat-file: object ${oid} is missing`, hint: /fsck/ })
  await t.rejects(gitOk(createGit(r.dir), ['ls-tree', 'no-such-rev']), { constructor: ToolFailureError, message: /^git ls-tree no-such-rev failed: Not a valid object name/ })
})

t.test('git that cannot start: not found on PATH, or a bad directory', async t => {
  await t.rejects(runGit(createGit(process.cwd(), { env: { PATH: '' } }), ['--version']), { name: 'ToolNotFoundError', message: 'git not found on PATH', hint: /install git/ })
  const file = path.join(tmp(t), 'a-file')
  writeFileSync(file, '')
  await t.rejects(runGit(createGit(file), ['--version']), { constructor: ToolFailureError, message: /^git --version could not run: / })
  await t.rejects(runGit(createGit(path.join(file, 'nope')), ['--version']), { constructor: ToolFailureError, message: /^git --version could not run: / }, 'a missing directory is not a missing git')
})

t.test('tree paths and link targets that would leave the snapshot', async t => {
  const { isTreePath, linkStaysInside } = await import('../../src/series/snapshot.js')
  for (const p of ['a.c', 'inc/x.h', '..x/y.h', 'a/.h']) t.ok(isTreePath(p), p)
  for (const p of ['', '../x.h', 'sub/../../x.c', '/etc/x.h', 'a//b.h', './a.h', 'a/.']) t.notOk(isTreePath(p), JSON.stringify(p))
  const links: Array<[string, string, boolean]> = [
    ['inc/l.h', 'x.h', true],
    ['inc/l.h', '../top.h', true],
    ['a/b/l.h', '../../c.h', true],
    ['l.h', '../x.h', false],
    ['inc/l.h', '../../x.h', false],
    ['inc/l.h', '/etc/passwd', false],
    ['l.h', 'a/../..', false],
  ]
  for (const [at, to, ok] of links) t.equal(linkStaysInside(at, to), ok, `${at} -> ${to}`)
})

t.test('a crafted tree naming `..` is refused, and nothing is written outside the snapshots', async t => {
  const r = repoWith(t, { 'a.c': 'int a;\n' })
  const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: r.dir, env: GIT_ENV, input: '#define EVIL\n', encoding: 'utf8' }).trim()
  const mktree = (text: string) => execFileSync('git', ['mktree'], { cwd: r.dir, env: GIT_ENV, input: text, encoding: 'utf8' }).trim()
  // sub/../../../escape.h: three levels up from the snapshot folder
  let tree = mktree(`100644 blob ${blob}\tescape.h\n`)
  for (let i = 0; i < 3; i++) tree = mktree(`040000 tree ${tree}\t..\n`)
  const top = mktree(`040000 tree ${tree}\tsub\n100644 blob ${r.git('rev-parse', 'HEAD:a.c')}\ta.c\n`)
  const commit = r.git('commit-tree', top, '-p', 'HEAD', '-m', 'evil')
  const root = tmp(t)
  const store = createSnapshotStore(createGit(r.dir), path.join(root, 'scratch'), new Set(['a.c']))
  await t.rejects(store.snapshot(commit), { name: 'ConfigError', message: /^commit [0-9a-f]{12} has a file named "sub\/\.\.\/\.\.\/\.\.\/escape\.h", which is outside the tree$/, hint: /crafted tree object/ })
  t.notOk(existsSync(path.join(root, 'escape.h')), 'no file written above the snapshot folder')
})

t.test('links that leave the snapshot, alone or through other links, are left out', async t => {
  const r = repoWith(t, {
    'inc/ok.h': '#define OK\n', 'inc/in.h': '->ok.h', 'inc/abs.h': '->/etc/hostname', 'inc/up.h': '->../../x.h',
    // each stays inside on its own; b.h through a.h does not
    // (the snapshot is scratch/snapshots/000-…: three levels below base, where secret.h is)
    'd1/d2/a.h': '->../..', 'd1/d2/b.h': '->a.h/../../../secret.h',
  })
  const base = tmp(t)
  writeFileSync(path.join(base, 'secret.h'), '#define SECRET\n')
  const s = await createSnapshotStore(createGit(r.dir), path.join(base, 'scratch'), new Set()).snapshot(r.head)
  t.equal(path.resolve(s.dir, '../../..'), base)
  const exists = (p: string) => { try { lstatSync(path.join(s.dir, p)); return true } catch { return false } }
  t.equal(readlinkSync(path.join(s.dir, 'inc/in.h')), 'ok.h', 'a link inside is kept')
  t.notOk(exists('inc/abs.h'), 'an absolute link is left out')
  t.notOk(exists('inc/up.h'), 'a link above the snapshot is left out')
  t.notOk(exists('d1/d2/b.h'), 'a link leaving through another link is left out')
})

t.test('an overlay snapshot: the commit\'s files over a view of the tree, nothing else copied', async t => {
  const tree = tmp(t)
  const files: Record<string, string> = { 'src/f.c': 'old\n', 'src/g.c': 'int g;\n', 'src/gone.c': 'int gone;\n', 'inc/x.h': '#define X\n', 'Makefile': 'all:\n' }
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(tree, p)), { recursive: true })
    writeFileSync(path.join(tree, p), text)
  }
  symlinkSync('/etc', path.join(tree, 'inc/out'))
  // the commit holds the touched files only: a changed f.c, a new folder with links through the tree's folders
  const r = repoWith(t, { 'src/f.c': 'new\n', 'inc2/l.h': '->../inc/x.h', 'inc2/esc.h': '->../inc/out/hostname' })
  const store = createSnapshotStore(createGit(r.dir), tmp(t), new Set(['src/f.c', 'src/g.c', 'src/gone.c', 'src/none.c']), { kind: 'tree', tree, hidden: new Set(['src/f.c', 'src/gone.c']) })
  const s = await store.snapshot(r.head)
  t.same([...s.cFiles].sort(), ['src/f.c', 'src/g.c'], 'the .c files the view has: the commit\'s and the tree\'s untouched ones')
  t.equal(readFileSync(path.join(s.dir, 'src/f.c'), 'utf8'), 'new\n')
  t.ok(statSync(path.join(s.dir, 'src/f.c')).isFile() && !lstatSync(path.join(s.dir, 'src/f.c')).isSymbolicLink())
  t.equal(readlinkSync(path.join(s.dir, 'src/g.c')), path.join(tree, 'src/g.c'), 'untouched: a link to the tree')
  t.notOk(existsSync(path.join(s.dir, 'src/gone.c')), 'hidden and not in the commit: deleted')
  t.equal(readFileSync(path.join(s.dir, 'inc2/l.h'), 'utf8'), '#define X\n', 'a link into the tree through a linked folder is kept')
  t.throws(() => lstatSync(path.join(s.dir, 'inc2/esc.h')), { code: 'ENOENT' }, 'a link leaving both the snapshot and the tree is left out')
})

t.test('layered on a base commit: the base whole, a later commit only what differs from it', async t => {
  const r = repoWith(t, { 'inc/a.h': '#define A 1\n', 'inc/b.h': '#define B 1\n', 'inc/same.h': '#define S 1\n', 'src/c.c': 'int c;\n', 'README': 'r\n' })
  const base = r.head
  writeFileSync(path.join(r.dir, 'inc/a.h'), '#define A 2\n')
  rmSync(path.join(r.dir, 'inc/b.h'))
  writeFileSync(path.join(r.dir, 'inc/d.h'), '#define D 1\n')
  writeFileSync(path.join(r.dir, 'README'), 'changed\n')
  r.git('add', '-A')
  r.git('commit', '-q', '-m', 'c2')
  const c2 = r.git('rev-parse', 'HEAD')
  const store = createSnapshotStore(createGit(r.dir), tmp(t), new Set(['src/c.c']), { kind: 'commit', base })
  const s2 = await store.snapshot(c2)
  const s1 = await store.snapshot(base)
  t.ok(lstatSync(path.join(s1.dir, 'inc/same.h')).isFile(), 'the base snapshot is whole')
  const kind = (p: string) => { try { return lstatSync(path.join(s2.dir, p)).isSymbolicLink() ? 'link' : 'file' } catch { return 'none' } }
  t.same(Object.fromEntries(['inc/a.h', 'inc/b.h', 'inc/d.h', 'inc/same.h', 'src', 'README'].map(p => [p, kind(p)])), {
    'inc/a.h': 'file', 'inc/b.h': 'none', 'inc/d.h': 'file', 'inc/same.h': 'link', 'src': 'link', 'README': 'none',
  }, 'changed headers written, a deleted one gone, the rest read through the base snapshot')
  t.equal(readFileSync(path.join(s2.dir, 'inc/a.h'), 'utf8'), '#define A 2\n')
  t.equal(readFileSync(path.join(s2.dir, 'inc/same.h'), 'utf8'), '#define S 1\n')
  t.same([...s2.cFiles], ['src/c.c'], 'an unchanged .c file is in the view')
})
