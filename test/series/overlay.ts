import t, { type Test } from 'tap'
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildOverlay, forEachLimit, linkStaysInside, mirrorLinks, overlayDirs, treeFile } from '../../src/series/overlay.js'

function tmp(t: Test): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'klp-overlay-test-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A tree holding `files` (a value starting with -> is a symlink). */
function treeWith(t: Test, files: Record<string, string>): string {
  const dir = tmp(t)
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true })
    if (text.startsWith('->')) symlinkSync(text.slice(2), path.join(dir, p))
    else writeFileSync(path.join(dir, p), text)
  }
  return dir
}

t.test('overlayDirs: the overlay, then every folder on the way to a touched path, parents first', async t => {
  const rows: Array<[string[], string[]]> = [
    [[], ['']],
    [['a.c'], ['']],
    [['src/f.c', 'src/f.h'], ['', 'src']],
    [['z/a.c', 'a/b.c'], ['', 'a', 'z']],
    [['a/b.c', 'z/a.c'], ['', 'a', 'z']],
    [['include/linux/x.h', 'drivers/net/foo/a.c', 'b/c.h'], ['', 'b', 'drivers', 'include', 'drivers/net', 'include/linux', 'drivers/net/foo']],
  ]
  for (const [touched, dirs] of rows) t.same(overlayDirs(touched), dirs, JSON.stringify(touched))
})

t.test('mirrorLinks: a link per entry the overlay does not own; relative links inside the tree copied', async t => {
  const own = new Set(['src', 'src/f.c', 'gone.c'])
  const links = mirrorLinks('/tree', '', [{ name: 'src' }, { name: 'gone.c' }, { name: 'Makefile' }, { name: 'inc', link: 'include' }, { name: 'out', link: '../elsewhere' }, { name: 'abs', link: '/etc' }], p => own.has(p))
  t.same(links, [
    { at: 'Makefile', target: '/tree/Makefile' },
    { at: 'abs', target: '/tree/abs' },
    { at: 'inc', target: 'include' },
    { at: 'out', target: '/tree/out' },
  ], 'sorted; owned folders and touched files left to the caller; a link out of the tree points at the tree\'s link')
  t.same(mirrorLinks('/tree', 'src', [{ name: 'f.c' }, { name: 'f.h' }, { name: 'up.h', link: '../inc/x.h' }], p => own.has(p)), [
    { at: 'src/f.h', target: '/tree/src/f.h' },
    { at: 'src/up.h', target: '../inc/x.h' },
  ])
})

t.test('linkStaysInside: relative targets that stay inside the tree', async t => {
  const rows: Array<[string, string, boolean]> = [
    ['inc/l.h', 'x.h', true],
    ['inc/l.h', '../top.h', true],
    ['l.h', '../x.h', false],
    ['inc/l.h', '/etc/passwd', false],
    ['l.h', 'a/../..', false],
  ]
  for (const [at, to, ok] of rows) t.equal(linkStaysInside(at, to), ok, `${at} -> ${to}`)
})

t.test('buildOverlay: a complete view of the tree, the touched paths left free, the tree not written', async t => {
  const tree = treeWith(t, {
    'src/f.c': 'int f;\n',
    'src/f.h': '#define F 1\n',
    'src/sub/deep.h': '#define DEEP 1\n',
    'include/linux/a.h': '#include "b.h"\n',
    'include/linux/b.h': '#define B 1\n',
    'include/l.h': '->linux/b.h',
    'Makefile': 'all:\n',
    'gone.c': 'int gone;\n',
    'file-then-dir': 'a file\n',
  })
  const snap = () => (readdirSync(tree, { recursive: true }) as string[]).sort().map(p => `${p} ${lstatSync(path.join(tree, p)).mtimeMs}`)
  const before = snap()
  const dir = path.join(tmp(t), 'ov')
  await buildOverlay(tree, dir, new Set(['src/f.c', 'include/linux/b.h', 'gone.c', 'file-then-dir/new.c', 'added/new.c']))
  const kind = (p: string) => { try { const s = lstatSync(path.join(dir, p)); return s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'dir' : 'file' } catch { return 'none' } }
  t.same(Object.fromEntries(['src', 'src/f.c', 'src/f.h', 'src/sub', 'include', 'include/linux', 'include/linux/a.h', 'include/linux/b.h', 'include/l.h', 'Makefile', 'gone.c', 'file-then-dir', 'added'].map(p => [p, kind(p)])), {
    'src': 'dir',
    'src/f.c': 'none',
    'src/f.h': 'link',
    'src/sub': 'link',
    'include': 'dir',
    'include/linux': 'dir',
    'include/linux/a.h': 'link',
    'include/linux/b.h': 'none',
    'include/l.h': 'link',
    'Makefile': 'link',
    'gone.c': 'none',
    'file-then-dir': 'dir',
    'added': 'dir',
  })
  t.equal(readlinkSync(path.join(dir, 'src/f.h')), path.join(tree, 'src/f.h'))
  t.equal(readlinkSync(path.join(dir, 'include/l.h')), 'linux/b.h', 'the tree\'s relative link, copied: it resolves in the overlay')
  t.equal(readFileSync(path.join(dir, 'src/sub/deep.h'), 'utf8'), '#define DEEP 1\n', 'through a linked folder')
  t.same(snap(), before, 'the tree is unchanged, mtimes included')
})

t.test('treeFile: a regular file or a link, never beyond a link', async t => {
  const tree = treeWith(t, { 'a.c': 'x\n', 'bin/run': '#!/bin/sh\n', 'l.h': '->a.c', 'real/x.c': 'y\n', 'via': '->real', 'd/e.h': '' })
  chmodSync(path.join(tree, 'bin/run'), 0o755)
  t.same(await treeFile(tree, 'a.c'), { kind: 'file', executable: false })
  t.same(await treeFile(tree, 'bin/run'), { kind: 'file', executable: true })
  t.same(await treeFile(tree, 'l.h'), { kind: 'link', executable: false })
  t.same(await treeFile(tree, 'real/x.c'), { kind: 'file', executable: false })
  t.equal(await treeFile(tree, 'via/x.c'), null, 'beyond a link')
  t.equal(await treeFile(tree, 'd'), null, 'a folder')
  t.equal(await treeFile(tree, 'nope.c'), null, 'missing')
  t.equal(await treeFile(tree, 'a.c/x.c'), null, 'below a file')
})

t.test('forEachLimit runs every item, at most `limit` at once', async t => {
  let running = 0
  let peak = 0
  const seen: number[] = []
  await forEachLimit([1, 2, 3, 4, 5], 2, async n => {
    running++
    peak = Math.max(peak, running)
    await new Promise(r => setTimeout(r, 5))
    seen.push(n)
    running--
  })
  t.same(seen.sort(), [1, 2, 3, 4, 5])
  t.equal(peak, 2)
  await forEachLimit([], 4, async () => t.fail('no items'))
})
