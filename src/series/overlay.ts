/**
 * A version of a source tree as an overlay: a scratch folder in which every path reads as the
 * tree's own, except the files a series touched, and nothing of the tree is copied or written.
 *
 * Only the folders on the way to a touched file are real folders in the overlay. Every other entry
 * of those folders is a symbolic link to the tree's entry (a relative link of the tree that stays
 * inside it is copied as the same link, so it resolves inside the overlay). The touched files are
 * then written (or left out, when the version deleted them) by the caller.
 *
 * Why a whole view and not `-I overlay -I tree`: gcc looks a quoted `#include "x.h"` up first in
 * the folder of the including file *as gcc named it*, not as links resolve. A patched `a.c` in
 * the overlay finds an untouched sibling `b.h` through its link, and an untouched `a.h` reached
 * as overlay/…/a.h finds a patched sibling `x.h` in the overlay, not the stale one beside the
 * original. One limit: a file reached through a linked (untouched) folder that includes a touched
 * file by `"../x.h"` gets the tree's version, since `..` is resolved on disk after the link.
 */
import { lstat, mkdir, readdir, readlink, symlink } from 'node:fs/promises'
import path from 'node:path'

/** Whether a symlink at `at` (a tree path) pointing to `target` stays inside the tree. */
export function linkStaysInside(at: string, target: string): boolean {
  if (target.startsWith('/')) return false
  const to = path.posix.normalize(path.posix.join(path.posix.dirname(at), target))
  return to !== '..' && !to.startsWith('../')
}

/** One entry of a tree folder, as the overlay needs to know it. */
export interface TreeDirEntry {
  readonly name: string
  /** The link's target, when the entry is a symbolic link. */
  readonly link?: string
}

/** A symbolic link to create in the overlay: at `at` (overlay-relative), pointing to `target`. */
export interface OverlayLink {
  readonly at: string
  readonly target: string
}

/** The folders on the way to each touched path (tree-relative): '' (the overlay) first, parents before children. */
export function overlayDirs(touched: Iterable<string>): string[] {
  const dirs = new Set([''])
  for (const p of touched) {
    const parts = p.split('/')
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'))
  }
  return [...dirs].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1)) // names are unique
}

const depth = (d: string) => (d === '' ? 0 : d.split('/').length)

/**
 * The links of one overlay folder `dir`: one per tree entry that is neither a touched path nor a
 * folder of the overlay. A link of the tree staying inside it is copied as is; anything else
 * points at the tree's entry by its absolute path.
 */
export function mirrorLinks(tree: string, dir: string, entries: readonly TreeDirEntry[], own: (p: string) => boolean): OverlayLink[] {
  const out: OverlayLink[] = []
  for (const e of entries) {
    const at = dir === '' ? e.name : `${dir}/${e.name}`
    if (own(at)) continue
    out.push({ at, target: e.link !== undefined && linkStaysInside(at, e.link) ? e.link : path.join(tree, at) })
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : 1)) // names in a folder are unique
}

/**
 * Build the overlay skeleton of `tree` in `dir` (which must not exist yet or be empty) for the
 * given touched paths: the folders on their way, and links to every other tree entry of those
 * folders. The tree is only read (readdir, readlink), never written.
 */
export async function buildOverlay(tree: string, dir: string, touched: ReadonlySet<string>): Promise<void> {
  const dirs = overlayDirs(touched)
  const own = new Set([...dirs, ...touched])
  const links: OverlayLink[] = []
  for (const d of dirs) {
    await mkdir(path.join(dir, d), { recursive: true })
    links.push(...mirrorLinks(tree, d, await listTreeDir(path.join(tree, d)), p => own.has(p)))
  }
  await forEachLimit(links, 64, l => symlink(l.target, path.join(dir, l.at)))
}

/** The entries of a tree folder; none when it is not a folder (a touched path may replace a file by a folder). */
async function listTreeDir(dir: string): Promise<TreeDirEntry[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const out: TreeDirEntry[] = []
  for (const e of entries) {
    out.push(e.isSymbolicLink() ? { name: e.name, link: await readlink(path.join(dir, e.name)) } : { name: e.name })
  }
  return out
}

/**
 * Whether a tree-relative path names a file of the tree that can be read as the tree's own: every
 * folder on its way is a real folder (git refuses a path "beyond a symbolic link"), and the path
 * itself is a regular file or a link. Returns its lstat, or null.
 */
export async function treeFile(tree: string, rel: string): Promise<{ readonly kind: 'file' | 'link'; readonly executable: boolean } | null> {
  const parts = rel.split('/')
  for (let i = 1; i < parts.length; i++) {
    const s = await lstat(path.join(tree, ...parts.slice(0, i))).catch(() => null)
    if (!s?.isDirectory()) return null
  }
  const s = await lstat(path.join(tree, rel)).catch(() => null)
  if (s?.isSymbolicLink()) return { kind: 'link', executable: false }
  if (s?.isFile()) return { kind: 'file', executable: (s.mode & 0o111) !== 0 }
  return null
}

export async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
