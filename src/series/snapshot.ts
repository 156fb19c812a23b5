/**
 * Shared by the git-range and patch-directory sources: run git without a shell, and materialize
 * commits as snapshot directories made from git objects only (never a checkout, never the user's
 * index or work tree).
 *
 * A snapshot holds every `*.h` of the commit plus the `*.c` files the series changed, at their
 * repo-relative paths, so `#include "x.h"` beside a .c file and `-I dir` both resolve. Blobs are
 * written once into a content-addressed store (`git cat-file --batch`) and hard-linked into each
 * snapshot, so a series of N commits costs one copy of the headers, not N. Over a tree on disk
 * (patch mode), a snapshot is an overlay of that tree instead (overlay.ts): only the files the
 * series touched are written, and the rest is read from the tree in place.
 */
import { execa } from 'execa'
import { copyFile, link, mkdir, readFile, realpath, stat, symlink, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ConfigError, ToolFailureError, ToolNotFoundError } from '../errors.js'
import { isInside } from '../config/flags.js'
import { buildOverlay, forEachLimit, linkStaysInside } from './overlay.js'
import { readBatch } from './cat-file.js'

export interface GitResult {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
}

export interface GitOptions {
  readonly input?: string | Uint8Array
  readonly env?: Readonly<Record<string, string>>
}

/** Where and how git runs: `git <pre…> <args…>` in `cwd` with `env` (plain data; see runGit). */
export interface Git {
  readonly cwd: string
  readonly pre: readonly string[]
  readonly env: Readonly<Record<string, string>>
}

/** Variables that would point git at another repository, index or work tree than the one we name. */
const REPO_LOCAL_ENV = [
  'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_PREFIX', 'GIT_IMPLICIT_WORK_TREE', 'GIT_GRAFT_FILE', 'GIT_SHALLOW_FILE',
  'GIT_REPLACE_REF_BASE', 'GIT_NO_REPLACE_OBJECTS', 'GIT_CONFIG', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT',
  'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM', 'GIT_EXTERNAL_DIFF', 'GIT_PAGER', 'GIT_EDITOR',
]

/** A git context: no repository redirection from the environment, no optional locks, C locale. */
export function createGit(cwd: string, opts: { readonly pre?: readonly string[]; readonly env?: Readonly<Record<string, string>> } = {}): Git {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !REPO_LOCAL_ENV.includes(k)) env[k] = v
  return { cwd, pre: opts.pre ?? [], env: { ...env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...opts.env } }
}

/** Every git process has a time limit and (when buffered) an output cap. */
export const GIT_LIMITS = { timeoutMs: 600_000, maxBuffer: 256 * 1024 * 1024 } as const

function execaOptions(git: Git, env: Readonly<Record<string, string>> = {}) {
  return { cwd: git.cwd, reject: false, extendEnv: false, env: { ...git.env, ...env }, timeout: GIT_LIMITS.timeoutMs, forceKillAfterDelay: 1000 } as const
}

/** Run git; a non-zero exit is data. Throws only when git cannot be started. */
export async function runGit(git: Git, args: readonly string[], opts: GitOptions = {}): Promise<GitResult> {
  const r = await execa('git', [...git.pre, ...args], {
    ...execaOptions(git, opts.env),
    maxBuffer: GIT_LIMITS.maxBuffer,
    stripFinalNewline: false,
    ...(opts.input === undefined ? { stdin: 'ignore' as const } : { input: opts.input }),
  })
  if (r.timedOut) throw new ToolFailureError(`git ${args[0] ?? ''} did not finish within ${GIT_LIMITS.timeoutMs / 1000} s`, { hint: 'is the repository on a slow or hung file system? run the git command by hand to see', cause: r })
  if (r.isMaxBuffer) throw new ToolFailureError(`git ${args[0] ?? ''} wrote more than ${GIT_LIMITS.maxBuffer / (1024 * 1024)} MB`, { hint: 'a patch or file that big is not a live patch; check the range or patch folder', cause: r })
  if (r.exitCode === undefined) throw await spawnError(r.cause, git.cwd, args)
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) }
}

async function spawnError(cause: unknown, cwd: string, args: readonly string[]): Promise<Error> {
  // spawn says ENOENT both for a missing program and for a missing working directory
  const cwdOk = await stat(cwd).then(s => s.isDirectory(), () => false)
  if (cwdOk && (cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    return new ToolNotFoundError('git not found on PATH', { hint: 'install git (https://git-scm.com) or add it to PATH', cause })
  }
  return new ToolFailureError(`git ${args[0] ?? ''} could not run: ${cause instanceof Error ? cause.message : String(cause)}`, { hint: 'check that git runs from this shell', cause })
}

/** Run git and return stdout, or throw a ToolFailureError with git's first error line. */
export async function gitOk(git: Git, args: readonly string[], opts?: GitOptions): Promise<string> {
  const r = await runGit(git, args, opts)
  if (r.exitCode !== 0) {
    throw new ToolFailureError(`git ${args.slice(0, 2).join(' ')} failed: ${firstLine(r.stderr) || `exit ${r.exitCode}`}`, {
      hint: 'run again with --debug to see git\'s full output',
    })
  }
  return r.stdout
}

/** git's first error line (or else its first line), without its `error:`/`fatal:` tag. */
export function firstLine(text: string): string {
  const lines = text.split('\n').map(l => l.trim()).filter(l => l !== '')
  const line = lines.find(l => /^(error|fatal):/.test(l)) ?? lines[0] ?? ''
  return line.replace(/^(error|fatal):\s*/, '')
}

interface TreeEntry {
  readonly mode: string
  readonly oid: string
  readonly path: string
}

/** `git ls-tree -r` of a commit, blobs and symlinks only (gitlinks skipped). */
export async function listTree(git: Git, commit: string): Promise<TreeEntry[]> {
  const out = await gitOk(git, ['ls-tree', '-r', '-z', '--full-tree', commit])
  const entries: TreeEntry[] = []
  for (const rec of out.split('\0')) {
    const tab = rec.indexOf('\t')
    if (tab < 0) continue
    const [mode, type, oid] = rec.slice(0, tab).split(' ')
    const name = rec.slice(tab + 1)
    if (type !== 'blob' || !mode || !oid) continue
    // a crafted tree object may name `..` or `/`: its files would be written outside the snapshot
    if (!isTreePath(name)) {
      throw new ConfigError(`commit ${commit.slice(0, 12)} has a file named ${JSON.stringify(name)}, which is outside the tree`, {
        hint: 'the repository holds a crafted tree object (git fsck reports it); remove the commit from the range',
      })
    }
    entries.push({ mode, oid, path: name })
  }
  return entries
}

/** A path as git stores it in a well-formed tree: relative, with no empty, `.` or `..` part. */
export function isTreePath(p: string): boolean {
  return p !== '' && p.split('/').every(part => part !== '' && part !== '.' && part !== '..')
}

export { linkStaysInside }

/** Files C code includes besides headers: `#include "tbl.inc"`, x-macro `.def`/`.x`/`.tbl` lists. */
export const INCLUDABLE = /\.(h|hh|hpp|inc|def|x|tbl)$/

export interface Snapshot {
  readonly dir: string
  /** Which of the requested .c files exist in this commit. */
  readonly cFiles: ReadonlySet<string>
}

export interface SnapshotStore {
  /** Materialize a commit (once; later calls return the same directory). */
  snapshot(commit: string): Promise<Snapshot>
}

/**
 * How snapshots are layered. `tree` (patch mode): each is an overlay of a tree on disk (overlay.ts)
 * holding only the commit's own files; `hidden` are the paths the tree has but a commit may lack.
 * `commit` (git mode): the snapshot of `base` is whole, and every other one is an overlay of it
 * holding only the headers and asked-for .c files that differ from `base`.
 */
export type OverlayOf =
  | { readonly kind: 'tree'; readonly tree: string; readonly hidden: ReadonlySet<string> }
  | { readonly kind: 'commit'; readonly base: string }

/**
 * Snapshots under `root`, each holding every header plus the given .c files that exist in it
 * (hard links into one store of blobs), or an overlay as `overlay` says (nothing else copied).
 */
export function createSnapshotStore(git: Git, root: string, cFiles: ReadonlySet<string>, overlay?: OverlayOf): SnapshotStore {
  const stored = new Set<string>()
  const made = new Map<string, Promise<Snapshot>>()
  const objectPath = (oid: string) => path.join(root, 'objects', oid.slice(0, 2), oid.slice(2))
  const wanted = (p: string) => INCLUDABLE.test(p) || cFiles.has(p)

  /** What to write for a commit, and the view it is written over (null: a whole snapshot). */
  async function layerOf(commit: string): Promise<{ entries: TreeEntry[]; under: { tree: string; own: Set<string> } | null }> {
    const all = await listTree(git, commit)
    if (overlay?.kind === 'tree') return { entries: all, under: { tree: overlay.tree, own: new Set([...overlay.hidden, ...all.map(e => e.path)]) } }
    if (!overlay || commit === overlay.base) return { entries: all.filter(e => wanted(e.path)), under: null }
    const base = await store.snapshot(overlay.base)
    const out = await gitOk(git, ['diff-tree', '-r', '-z', '--no-renames', '--name-only', '--no-commit-id', overlay.base, commit])
    const changed = new Set(out.split('\0').filter(p => p !== '' && wanted(p)))
    return { entries: all.filter(e => changed.has(e.path)), under: { tree: base.dir, own: changed } }
  }

  async function make(commit: string): Promise<Snapshot> {
    const dir = path.join(root, 'snapshots', `${String(made.size).padStart(3, '0')}-${commit.slice(0, 12)}`)
    const { entries, under } = await layerOf(commit)
    if (under) await buildOverlay(under.tree, dir, under.own)
    await fetchBlobs(git, entries.map(e => e.oid).filter(oid => !stored.has(oid)), objectPath)
    for (const e of entries) stored.add(e.oid)
    const dirs = new Set(entries.map(e => path.dirname(path.join(dir, e.path))))
    dirs.add(dir)
    for (const d of [...dirs].sort()) await mkdir(d, { recursive: true })
    const links: string[] = []
    await forEachLimit(entries, 64, async e => {
      const dest = path.join(dir, e.path)
      if (e.mode === '120000') {
        const target = await readFile(objectPath(e.oid), 'utf8')
        // a link out of the snapshot (to /etc, to ../../..) is left out: an #include through it fails
        if (!linkStaysInside(e.path, target)) return
        links.push(dest)
        return symlink(target, dest)
      }
      try {
        await link(objectPath(e.oid), dest)
      } catch {
        /* c8 ignore next 2 -- only on filesystems without hard links or at the link limit */
        await copyFile(objectPath(e.oid), dest)
      }
    })
    // links through links (`a -> ../..`, `b -> a/..`) can leave the snapshot though each alone does not
    // (in an overlay, a link into the tree through a folder linked to it is inside too)
    const real = await realpath(dir)
    const realTree = under ? await realpath(under.tree) : null
    for (const l of links) {
      const to = await realpath(l).catch(() => null)
      if (to !== null && !isInside(real, to, path.sep) && !(realTree !== null && isInside(realTree, to, path.sep))) await unlink(l)
    }
    if (!under) return { dir, cFiles: new Set(entries.filter(e => cFiles.has(e.path)).map(e => e.path)) }
    const present = new Set<string>()
    for (const f of cFiles) if ((await stat(path.join(dir, f)).catch(() => null))?.isFile()) present.add(f)
    return { dir, cFiles: present }
  }

  const store: SnapshotStore = {
    snapshot(commit) {
      let p = made.get(commit)
      if (!p) made.set(commit, (p = make(commit)))
      return p
    },
  }
  return store
}

/** Write blobs into the store with one streaming `git cat-file --batch`. */
async function fetchBlobs(git: Git, oids: readonly string[], objectPath: (oid: string) => string): Promise<void> {
  const unique = [...new Set(oids)]
  if (unique.length === 0) return
  const sub = execa('git', [...git.pre, 'cat-file', '--batch'], {
    ...execaOptions(git),
    input: unique.join('\n') + '\n',
    buffer: { stdout: false },
    encoding: 'buffer',
  })
  // Writes overlap (up to 64 in flight): one at a time, a 20k-header tree took 16 s instead of 1.5 s.
  const inflight = new Set<Promise<void>>()
  const shards = new Map<string, Promise<unknown>>()
  const failed: unknown[] = []
  let done = 0
  const write = async (oid: string, data: Buffer) => {
    const file = objectPath(oid)
    const shard = path.dirname(file)
    let made = shards.get(shard)
    if (!made) shards.set(shard, (made = mkdir(shard, { recursive: true })))
    await made
    await writeFile(file, data, { mode: 0o444 })
    done++
  }
  try {
    for await (const obj of readBatch(sub.stdout as AsyncIterable<Uint8Array>)) {
      if (obj.type !== 'blob') {
        throw new ToolFailureError(`git cat-file: object ${obj.oid} is ${obj.type}`, { hint: 'is the repository complete (not a shallow or partial clone)? try git fsck' })
      }
      const p: Promise<void> = write(obj.oid, obj.data)
        .catch((error: unknown) => void failed.push(error))
        .finally(() => inflight.delete(p))
      inflight.add(p)
      if (inflight.size >= 64) await Promise.race(inflight)
      if (failed.length) throw failed[0]
    }
    await Promise.all(inflight)
    if (failed.length) throw failed[0]
  } finally {
    sub.kill()
    await Promise.all(inflight)
  }
  const r = await sub
  /* c8 ignore next 4 -- git died mid-stream (killed, out of memory) without reporting a missing object */
  if (done !== unique.length) {
    const err = Buffer.from(r.stderr ?? new Uint8Array()).toString()
    throw new ToolFailureError(`git cat-file --batch failed: ${firstLine(err) || `read ${done} of ${unique.length} objects`}`, { hint: 'run again with --debug to see git\'s full output' })
  }
}
