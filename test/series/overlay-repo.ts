import t, { type Test } from 'tap'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ToolFailureError } from '../../src/errors.js'
import { includePattern } from '../../src/series/git.js'
import { loadTreeFiles, missingPaths, patchPaths, treeIncluders, unquotePath } from '../../src/series/overlay-repo.js'
import { createGit, gitOk } from '../../src/series/snapshot.js'

function tmp(t: Test): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'klp-overlay-repo-test-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

function treeWith(t: Test, files: Record<string, string>): string {
  const dir = tmp(t)
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true })
    if (text.startsWith('->')) symlinkSync(text.slice(2), path.join(dir, p))
    else writeFileSync(path.join(dir, p), text)
  }
  return dir
}

t.test('unquotePath: git\'s C-style quoted names', async t => {
  const rows: Array<[string, string]> = [
    ['plain/a.c', 'plain/a.c'],
    ['"a/sp ace.c"', 'a/sp ace.c'],
    ['"a/\\303\\251.c"', 'a/é.c'],
    ['"a/q\\"t\\\\b\\tc\\n.c"', 'a/q"t\\b\tc\n.c'],
    ['"a/\\x.c"', 'a/x.c'],
    ['"', '"'],
    ['"a/half', '"a/half'],
    ['"a/trailing\\"', 'a/trailing\\'],
  ]
  for (const [raw, want] of rows) t.equal(unquotePath(raw), want, raw)
})

t.test('patchPaths: every name a patch may touch, stripped as git strips it', async t => {
  const gitPatch = [
    'Subject: x', '---', ' a.c | 2 +-', '',
    'diff --git a/src/a.c b/src/a.c', 'index 1..2 100644', '--- a/src/a.c', '+++ b/src/a.c', '@@ -1 +1 @@', '-x', '+y',
    'diff --git a/old.c b/new.c', 'similarity index 90%', 'rename from old.c', 'rename to new.c',
    'diff --git a/bin/run b/bin/run', 'old mode 100644', 'new mode 100755',
    'diff --git a/gone.h b/gone.h', 'deleted file mode 100644', '--- a/gone.h', '+++ /dev/null',
    'diff --git "a/sp ace.c" "b/sp ace.c"', '--- "a/sp ace.c"', '+++ "b/sp ace.c"',
    'copy from lib/x.c', 'copy to lib/y.c',
    'diff --git odd', '--- a/../../escape.c', '+++ b/dated.c\t2020-01-01 00:00:00',
  ].join('\n')
  t.same(patchPaths(gitPatch, 1), ['bin/run', 'dated.c', 'gone.h', 'lib/x.c', 'lib/y.c', 'new.c', 'old.c', 'sp ace.c', 'src/a.c', 'x.c', 'y.c'], 'rename/copy lines are read at -p0 (as git does) and -p1 (a superset); .. never')
  t.same(patchPaths('rename from a/x.c\nrename to a/y.c\n', 0), ['a/x.c', 'a/y.c'], '-p0: rename lines as they are')
  t.same(patchPaths('Index: drv/a.c\n--- drv/a.c\n+++ drv/a.c\r\n', 0), ['drv/a.c'], 'quilt -p0, CRLF')
  t.same(patchPaths('Index: linux/drv/a.c\n--- linux.orig/drv/a.c\n+++ linux/drv/a.c\n', 1), ['drv/a.c', 'linux/drv/a.c'], 'an Index: line as is and stripped')
  t.same(patchPaths('--- a/x.c\n+++ b/x.c\n', 2), [], 'stripping every part leaves nothing')
  t.same(patchPaths('no diff here\n', 1), [])
})

t.test('missingPaths: what git apply needed from the index', async t => {
  t.same(missingPaths('error: src/a.c: does not exist in index\nerror: b c.h: does not exist in index\nerror: patch failed: x.c:1\n'), ['src/a.c', 'b c.h'])
  t.same(missingPaths('error: patch failed: x.c:1\n'), [])
})

async function emptyRepo(t: Test) {
  const dir = tmp(t)
  const git = createGit(dir, { env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } })
  await gitOk(git, ['init', '-q'])
  return git
}

t.test('loadTreeFiles: files with their modes, links as links, nothing beyond a link, no filters', async t => {
  const tree = treeWith(t, {
    'src/a.c': 'int a;\r\n', // CRLF kept: the contents gcc reads
    'bin/run': '#!/bin/sh\n',
    'inc/l.h': '->../src/a.c',
    'real/x.c': 'int x;\n',
    'via': '->real',
    '.gitattributes': '*.c text eol=lf\n',
  })
  chmodSync(path.join(tree, 'bin/run'), 0o755)
  const git = await emptyRepo(t)
  await gitOk(git, ['update-index', '--add', '--cacheinfo', `100644,${(await gitOk(git, ['hash-object', '-w', '--stdin'], { input: 'stale\n' })).trim()},stale.c`])
  const loaded = await loadTreeFiles(git, tree, ['src/a.c', 'bin/run', 'inc/l.h', 'via/x.c', 'nope.c', 'src'])
  t.same(loaded, ['bin/run', 'inc/l.h', 'src/a.c'])
  const ls = (await gitOk(git, ['ls-files', '-s'])).trim().split('\n').map(l => l.replace(/ [0-9a-f]{40} /, ' '))
  t.same(ls, ['100755 0\tbin/run', '120000 0\tinc/l.h', '100644 0\tsrc/a.c'], 'the index holds exactly these (what was there before is dropped)')
  t.equal(await gitOk(git, ['cat-file', 'blob', ':src/a.c']), 'int a;\r\n', 'no eol conversion')
  t.equal(await gitOk(git, ['cat-file', 'blob', ':inc/l.h']), '../src/a.c')
  t.same(await loadTreeFiles(git, tree, []), [])
  t.equal(await gitOk(git, ['ls-files']), '', 'nothing to load: an empty index')
})

t.test('treeIncluders: the tree\'s files including a name, searched in place and remembered', async t => {
  const tree = treeWith(t, {
    'drv/a.c': '#include <lim.h>\n',
    'drv/b.c': '  #  include "sub/lim.h"\n',
    'drv/c.c': '/* lim.h */\n',
    'inc/wrap.h': '#include "lim.h"\n',
    'inc/other.h': '#include "limits.h"\n',
    'notes.txt': '#include <lim.h>\n',
  })
  const search = treeIncluders(createGit(tree), includePattern)
  t.same((await search(['lim.h'])).slice().sort(), ['drv/a.c', 'drv/b.c', 'inc/wrap.h'])
  rmSync(path.join(tree, 'drv/a.c'))
  t.same((await search(['lim.h'])).slice().sort(), ['drv/a.c', 'drv/b.c', 'inc/wrap.h'], 'asked again: the remembered answer')
  t.same(await search(['none.h']), [], 'no match')
  t.same((await search(['limits.h', 'wrap.h'])).slice().sort(), ['inc/other.h'])
  const gone = treeIncluders(createGit(path.join(tree, 'no-such-dir')), includePattern)
  await t.rejects(gone(['lim.h']), { constructor: ToolFailureError })
  const broken = treeIncluders(createGit(tree), () => '(')
  await t.rejects(broken(['x']), { constructor: ToolFailureError, message: /^git grep in .* failed \(exit \d+\): /, hint: /readable/ })
})
