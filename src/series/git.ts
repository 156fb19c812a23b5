/**
 * `klp-verify series --git REPO --range BASE..TIP`: every commit of the range is one patch.
 * Read from git objects only (rev-parse, rev-list, log, diff-tree, ls-tree, cat-file): the user's
 * work tree and index are never touched.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, KlpError, UsageError } from '../errors.js'
import { isInside } from '../config/flags.js'
import { createGit, createSnapshotStore, gitOk, INCLUDABLE, runGit, type Git, type OverlayOf, type Snapshot } from './snapshot.js'
import { parseTrailerAssumes, parseTrailerClaims } from './trailers.js'
import type { PatchFile, SeriesPatch, SeriesSource } from './types.js'

export interface GitRangeOptions {
  readonly repo: string
  readonly range: string
  readonly includes: readonly string[]
}

export async function openGitRange(opts: GitRangeOptions): Promise<SeriesSource> {
  const repoHint = 'pass the directory of a git clone to --git'
  const isDir = await stat(opts.repo).then(s => s.isDirectory(), () => false)
  if (!isDir) throw new UsageError(`${opts.repo} is not a git repository (no such directory)`, { hint: repoHint })
  const git = createGit(opts.repo)
  if ((await runGit(git, ['rev-parse', '--git-dir'])).exitCode !== 0) throw new UsageError(`${opts.repo} is not a git repository`, { hint: repoHint })

  const [baseRev, tipRev] = splitRange(opts.range)
  const base = await resolveCommit(git, baseRev, opts)
  const tip = await resolveCommit(git, tipRev, opts)
  // base → tip would count changes of another branch as the series' own
  if ((await runGit(git, ['merge-base', '--is-ancestor', base, tip])).exitCode === 1) {
    throw new UsageError(`${baseRev} is not an ancestor of ${tipRev}: ${opts.range} is not a series of patches on ${baseRev}`, {
      hint: `start from where the series branched off: --range $(git -C ${opts.repo} merge-base ${baseRev} ${tipRev})..${tipRev}`,
    })
  }
  const lines = (await gitOk(git, ['rev-list', '--reverse', '--topo-order', '--parents', `${base}..${tip}`])).split('\n').filter(Boolean)
  if (lines.length === 0) {
    throw new UsageError(`no commits in ${opts.range}`, { hint: `${tipRev} must have commits that ${baseRev} has not; check with git -C ${opts.repo} log --oneline ${opts.range}` })
  }

  const root = await mkdtemp(path.join(os.tmpdir(), 'klp-verify-git-'))
  try {
    const steps: SeriesStep[] = []
    for (const line of lines) {
      const [commit = '', parent = null] = line.split(' ')
      const out = await gitOk(git, ['log', '-1', '--no-show-signature', '--format=%s%x00%B', commit])
      const [title = '', message = ''] = out.split('\0')
      const id = short(commit)
      steps.push({ id, title, commit, parent, oldName: parent ? short(parent) : 'root', newName: id, specs: [], message })
    }
    const { patches, baseTip } = await materializeSeries(git, root, steps, { base, baseName: short(base), tip, tipName: short(tip) }, opts.includes)
    return { kind: 'git', description: `${opts.repo} ${opts.range}`, patches, baseTip, scratch: root, root: path.resolve(opts.repo), cleanup: () => rm(root, { recursive: true, force: true }) }
  } catch (err) {
    await rm(root, { recursive: true, force: true })
    throw err
  }
}

const short = (commit: string) => commit.slice(0, 12)

function splitRange(range: string): [string, string] {
  const hint = 'give the range as BASE..TIP, e.g. --range v6.6..HEAD'
  if (range.includes('...')) throw new UsageError(`--range ${range}: a symmetric range (...) is not a series`, { hint })
  const at = range.indexOf('..')
  if (at < 0) throw new UsageError(`--range ${range} has no "..": it must be BASE..TIP`, { hint })
  const parts: [string, string] = [range.slice(0, at) || 'HEAD', range.slice(at + 2) || 'HEAD']
  for (const p of parts) if (p.startsWith('-')) throw new UsageError(`--range ${range}: ${p} is not a revision`, { hint })
  return parts
}

async function resolveCommit(git: Git, rev: string, opts: GitRangeOptions): Promise<string> {
  const r = await runGit(git, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])
  const sha = r.stdout.trim()
  if (r.exitCode !== 0 || !sha) {
    throw new UsageError(`unknown revision ${rev} in ${opts.repo}`, { hint: `check the range with git -C ${opts.repo} log --oneline ${opts.range}` })
  }
  return sha
}

/** One patch of a series as a commit in a repository (or a patch that did not apply: commit null). */
export interface SeriesStep {
  readonly id: string
  readonly title: string
  /** The full commit message: its trailers become the patch's claims. */
  readonly message: string
  readonly commit: string | null
  /** The commit's first parent; null for a root commit. */
  readonly parent: string | null
  /** Label prefixes of the old and new versions (`<name>:<path>`). */
  readonly oldName: string
  readonly newName: string
  readonly specs: readonly string[]
  readonly error?: string
}

export interface SeriesEnds {
  readonly base: string
  readonly baseName: string
  readonly tip: string
  readonly tipName: string
}

/** How a series over a tree on disk (patch mode) differs from one read from git objects only. */
export interface SeriesOverTree {
  /** Each snapshot is an overlay of this tree (see OverlayOf). */
  readonly overlay: OverlayOf
  /** The tree's own files with an #include line naming one of these file names (the repository holds only touched files). */
  readonly includers: (names: readonly string[]) => Promise<readonly string[]>
}

/** Snapshot every commit of the steps (and base, tip) under `root` and describe each patch's .c files. */
export async function materializeSeries(
  git: Git,
  root: string,
  steps: readonly SeriesStep[],
  ends: SeriesEnds,
  includes: readonly string[],
  over?: SeriesOverTree,
): Promise<{ patches: SeriesPatch[]; baseTip: PatchFile[] }> {
  const changed: string[][] = []
  const notes: string[][] = []
  const renames: Map<string, string>[] = []
  /** A file's name in BASE, for files a patch renamed (new name → base name). */
  const originOf = new Map<string, string>()
  for (const s of steps) {
    if (!s.commit) {
      changed.push([])
      notes.push([])
      renames.push(new Map())
      continue
    }
    const c = await changedCFiles(git, s.parent, s.commit, over?.includers)
    changed.push(c.files)
    notes.push(c.notes)
    renames.push(c.renames)
    for (const [to, from] of c.renames) {
      originOf.set(to, originOf.get(from) ?? from)
      originOf.delete(from)
    }
  }
  const all = new Set([...changed.flat(), ...renames.flatMap(r => [...r.values()]), ...originOf.values()])
  // git mode: base whole, every other commit an overlay of it with what differs (not every header again)
  const store = createSnapshotStore(git, root, all, over?.overlay ?? { kind: 'commit', base: ends.base })

  // over a tree, an absolute -I into the tree means the same folder of each version's view
  const tree = over?.overlay.kind === 'tree' ? over.overlay.tree : null
  const inView = (dir: string, d: string) => {
    if (!path.isAbsolute(d)) return path.join(dir, d)
    return tree !== null && isInside(tree, path.resolve(d), path.sep) ? path.join(dir, path.relative(tree, path.resolve(d))) : d
  }
  const side = (snap: Snapshot | null, name: string, key: string) => ({
    label: `${name}:${key}`,
    path: snap && snap.cFiles.has(key) ? path.join(snap.dir, key) : null,
    includes: snap ? includes.map(d => inView(snap.dir, d)) : [],
  })
  const fileOf = (key: string, oldSnap: Snapshot | null, oldName: string, newSnap: Snapshot, newName: string, oldKey = key): PatchFile | null => {
    const o = side(oldSnap, oldName, oldKey)
    const n = side(newSnap, newName, key)
    if (o.path === null && n.path === null) return null
    return { key, ...(oldKey !== key ? { oldKey } : {}), oldLabel: o.label, newLabel: n.label, oldPath: o.path, newPath: n.path, oldIncludes: o.includes, newIncludes: n.includes }
  }

  const patches: SeriesPatch[] = []
  for (const [index, s] of steps.entries()) {
    const files: PatchFile[] = []
    if (s.commit && changed[index]?.length) {
      const oldSnap = s.parent ? await store.snapshot(s.parent) : null
      const newSnap = await store.snapshot(s.commit)
      for (const key of changed[index] ?? []) {
        const f = fileOf(key, oldSnap, s.oldName, newSnap, s.newName, renames[index]?.get(key))
        if (f) files.push(f)
      }
    }
    patches.push({
      ...(notes[index]?.length ? { incomplete: true } : {}),
      id: s.id,
      index,
      title: s.title,
      ...(s.error === undefined ? {} : { error: s.error }),
      files,
      functions: 'auto',
      specs: s.specs,
      ...trailersOf(s),
      ...(notes[index]?.length ? { notes: notes[index] } : {}),
    })
  }

  const baseTip: PatchFile[] = []
  if (all.size === 0) return { patches, baseTip }
  const [baseSnap, tipSnap] = [await store.snapshot(ends.base), await store.snapshot(ends.tip)]
  const renamedAway = new Set(originOf.values())
  for (const key of [...all].sort()) {
    // a renamed file is compared under its new name with its base name's contents
    if (renamedAway.has(key) && !tipSnap.cFiles.has(key)) continue
    const f = fileOf(key, baseSnap, ends.baseName, tipSnap, ends.tipName, originOf.get(key))
    if (f) baseTip.push(f)
  }
  return { patches, baseTip }
}

/** Past this many including files a changed header is reported, not followed (a kernel-wide header). */
export const MAX_INCLUDERS = 32

/**
 * The `*.c` files a commit changed against its first parent (or against nothing, for a root commit),
 * plus the `*.c` files that directly include a header it changed: a changed macro or static inline
 * function changes them too, though their text did not change.
 */
async function changedCFiles(git: Git, parent: string | null, commit: string, more?: SeriesOverTree['includers']): Promise<{ files: string[]; notes: string[]; renames: Map<string, string> }> {
  const args = ['diff-tree', '-r', '-z', '-M', '--no-commit-id', '--name-status']
  const out = await gitOk(git, parent ? [...args, parent, commit] : [...args, '--root', commit])
  // -z --name-status: STATUS NUL PATH NUL, or for a rename/copy: R<score> NUL OLD NUL NEW NUL
  const fields = out.split('\0')
  const paths: string[] = []
  const renames = new Map<string, string>()
  for (let i = 0; i < fields.length; i++) {
    const status = fields[i]!
    if (!status) continue
    if (/^[RC]/.test(status)) {
      const [from, to] = [fields[++i]!, fields[++i]!]
      paths.push(to)
      if (status.startsWith('R') && to.endsWith('.c') && from.endsWith('.c')) renames.set(to, from)
      else if (status.startsWith('R')) paths.push(from)
    } else {
      paths.push(fields[++i]!)
    }
  }
  const files = new Set(paths.filter(p => p.endsWith('.c')))
  const notes: string[] = []
  for (const h of paths.filter(p => INCLUDABLE.test(p))) {
    const users = await cFilesIncluding(git, [parent, commit].filter((r): r is string => r !== null), h, more)
    if (users.size > MAX_INCLUDERS) {
      notes.push(`${h} changed and more than ${MAX_INCLUDERS} .c files include it: only the .c files the patch itself changed were analysed, so the patch is not fully proved`)
      continue
    }
    for (const f of users) files.add(f)
  }
  return { files: [...files].sort(), notes, renames }
}

/**
 * The .c files of any of the revisions (and of the tree, over a tree) that include `header`,
 * directly or through other headers (breadth first, one search per level; stops early once there
 * are more than MAX_INCLUDERS).
 */
async function cFilesIncluding(git: Git, revs: readonly string[], header: string, more?: SeriesOverTree['includers']): Promise<Set<string>> {
  const users = new Set<string>()
  const seen = new Set([header])
  let frontier = [header]
  for (let depth = 0; frontier.length && depth < 8 && users.size <= MAX_INCLUDERS; depth++) {
    const names = [...new Set(frontier.map(f => path.posix.basename(f)))].sort()
    const found = new Set(more ? await more(names) : [])
    for (const rev of revs) for (const f of await includers(git, rev, names)) found.add(f)
    const next: string[] = []
    for (const f of [...found].sort()) {
      if (f.endsWith('.c')) users.add(f)
      else if (!seen.has(f)) {
        seen.add(f)
        next.push(f)
      }
    }
    frontier = next
  }
  return users
}

/** The pattern of an `#include` line naming one of these file names (for grep -E). */
export function includePattern(names: readonly string[]): string {
  const alt = names.map(n => n.replace(/[.[\]\\^$*+?(){}|]/g, '\\$&')).join('|')
  return `^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^">]*/)?(${alt})[">]`
}

/** The `*.c` and header files of a commit with an `#include` line naming one of the file names. */
async function includers(git: Git, rev: string, names: readonly string[]): Promise<string[]> {
  const r = await runGit(git, ['grep', '-l', '-z', '-E', includePattern(names), rev, '--', '*.c', '*.h'])
  // exit 1: no match; the output names `rev:path`
  return r.exitCode === 0 ? r.stdout.split('\0').filter(Boolean).map(p => p.slice(rev.length + 1)) : []
}

/** The claims and preconditions of a commit's trailers; a malformed one makes the patch an error, not the run. */
function trailersOf(s: SeriesStep): Pick<SeriesPatch, 'trailerClaims' | 'trailerAssumes' | 'problem'> {
  try {
    return { trailerClaims: claimsOf(s, parseTrailerClaims), trailerAssumes: claimsOf(s, parseTrailerAssumes) }
  } catch (err) {
    return { trailerClaims: {}, problem: err instanceof KlpError && err.hint ? `${err.message} (hint: ${err.hint})` : (err as Error).message }
  }
}

function claimsOf(s: SeriesStep, parse: (message: string) => Record<string, string[]>): Record<string, string[]> {
  try {
    return parse(s.message)
  } catch (err) {
    /* c8 ignore next -- parseTrailerClaims only throws ConfigError */
    if (!(err instanceof KlpError)) throw err
    throw new ConfigError(`${s.id} (${s.title}): ${err.message}`, { ...(err.hint ? { hint: err.hint } : {}), cause: err })
  }
}
