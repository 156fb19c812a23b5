/**
 * Patch mode's private repository holds only the files the patches touch, read from the user's
 * tree (which is never written, and never copied whole): the paths each patch names are loaded
 * into the index before the base commit, the patches are applied to that index, and each version
 * is then an overlay of the tree (overlay.ts). What a patch does not touch is read in place.
 */
import { readlink } from 'node:fs/promises'
import path from 'node:path'
import { ToolFailureError } from '../errors.js'
import { treeFile } from './overlay.js'
import { firstLine, gitOk, isTreePath, runGit, type Git } from './snapshot.js'

const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 }

/** git's C-style quoting of a path (`"a/\\303\\251 b.c"`), undone; a plain name is returned as is. */
export function unquotePath(s: string): string {
  if (s.length < 2 || !s.startsWith('"') || !s.endsWith('"')) return s
  // byte by byte: an octal escape is one byte of the UTF-8 name
  const bytes = Buffer.from(s.slice(1, -1), 'utf8').toString('latin1')
  const raw = bytes.replace(/\\([0-7]{3}|[\s\S])/g, (_, e: string) => String.fromCharCode(/^[0-7]{3}$/.test(e) ? Number.parseInt(e, 8) : (ESCAPES[e] ?? e.charCodeAt(0))))
  return Buffer.from(raw, 'latin1').toString('utf8')
}

/** `name` without its first `n` path parts (null when it has no more than n parts). */
function stripParts(name: string, n: number): string | null {
  const parts = name.split('/').filter(p => p !== '')
  return parts.length > n ? parts.slice(n).join('/') : null
}

/**
 * The tree paths a patch may touch: every name on its `---`/`+++`, `rename`/`copy from`/`to`,
 * `Index:` and `diff --git` lines, with -pN (and -p(N-1), as git reads rename lines) stripped. A
 * superset on purpose: a path loaded for nothing only costs its copy; a missing one makes git
 * report it (see missingPaths), and the repository is rebuilt with it.
 */
export function patchPaths(text: string, strip: number): string[] {
  const out = new Set<string>()
  const add = (raw: string, levels: readonly number[]) => {
    const name = unquotePath(raw.trim())
    if (name === '/dev/null') return
    for (const n of levels) {
      const p = n >= 0 ? stripParts(name, n) : null
      if (p !== null && isTreePath(p)) out.add(p)
    }
  }
  for (const line of text.split(/\r?\n/)) {
    let m: RegExpExecArray | null
    if ((m = /^(?:---|\+\+\+) (.+?)(?:\t.*)?$/.exec(line))) add(m[1]!, [strip])
    else if ((m = /^(?:rename|copy) (?:from|to) (.+)$/.exec(line))) add(m[1]!, [strip - 1, strip])
    else if ((m = /^Index: (.+)$/.exec(line))) add(m[1]!, [0, strip])
    else if ((m = /^diff --git (.+)$/.exec(line))) {
      // `a/X b/X`: two halves of equal length (a rename's names come on their own lines)
      const s = m[1]!
      if (s.length % 2 === 1) {
        const half = (s.length - 1) / 2
        add(s.slice(0, half), [strip])
        add(s.slice(half + 1), [strip])
      }
    }
  }
  return [...out].sort()
}

/** The paths git apply needed that were not in the index (`error: X: does not exist in index`). */
export function missingPaths(stderr: string): string[] {
  return [...stderr.matchAll(/^error: (.+): does not exist in index$/gm)].map(m => m[1]!)
}

/**
 * Put the tree's files at these paths into the (empty) index of `git`: each as a blob with its
 * mode, read from the tree without filters. Paths the tree has no file at (or only beyond a
 * symbolic link) are skipped: a patch creating them will create them. Returns the paths loaded.
 */
export async function loadTreeFiles(git: Git, tree: string, paths: Iterable<string>): Promise<string[]> {
  const files: Array<{ path: string; mode: string }> = []
  const linkTexts: Array<{ path: string; text: string }> = []
  for (const p of [...new Set(paths)].sort()) {
    const f = await treeFile(tree, p)
    if (f?.kind === 'link') linkTexts.push({ path: p, text: await readlink(path.join(tree, p)) })
    else if (f) files.push({ path: p, mode: f.executable ? '100755' : '100644' })
  }
  const records: string[] = []
  for (const f of files) {
    // one hash-object per file: a path may hold any character (even a newline) and there are few
    const oid = (await gitOk(git, ['hash-object', '-w', '--no-filters', '--', path.join(tree, f.path)])).trim()
    records.push(`${f.mode} ${oid}\t${f.path}`)
  }
  for (const l of linkTexts) {
    const oid = (await gitOk(git, ['hash-object', '-w', '--stdin'], { input: l.text })).trim()
    records.push(`120000 ${oid}\t${l.path}`)
  }
  await gitOk(git, ['read-tree', '--empty'])
  if (records.length) await gitOk(git, ['update-index', '--add', '-z', '--index-info'], { input: records.map(r => `${r}\0`).join('') })
  return [...files.map(f => f.path), ...linkTexts.map(l => l.path)].sort()
}

/**
 * The tree's `*.c` and `*.h` files with an #include line naming one of the file names, by
 * `git grep --no-index` over the tree in place (remembered per name list: the tree does not change).
 */
export function treeIncluders(git: Git, pattern: (names: readonly string[]) => string): (names: readonly string[]) => Promise<string[]> {
  const memo = new Map<string, Promise<string[]>>()
  return names => {
    const key = JSON.stringify(names)
    let p = memo.get(key)
    if (!p) {
      p = grepTree(git, pattern(names))
      memo.set(key, p)
    }
    return p
  }
}

async function grepTree(git: Git, pattern: string): Promise<string[]> {
  const r = await runGit(git, ['grep', '--no-index', '-l', '-z', '-E', pattern, '--', '*.c', '*.h'])
  // exit 1: no match
  if (r.exitCode === 1) return []
  if (r.exitCode !== 0) {
    throw new ToolFailureError(`git grep in ${git.cwd} failed (exit ${r.exitCode}): ${firstLine(r.stderr)}`, { hint: 'check that the tree is readable' })
  }
  return r.stdout.split('\0').filter(p => p !== '' && isTreePath(p))
}
