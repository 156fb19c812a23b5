/**
 * `klp-verify series --tree DIR --patches DIR`: a quilt-style patch directory applied to a source
 * tree. The tree is only read, and never copied whole: a private repository holds just the files
 * the patches touch (overlay-repo.ts), each patch is applied to its index and committed, and the
 * commits become the series as in git mode, each version an overlay of the tree (overlay.ts).
 * A patch that does not apply is reported and skipped; the later ones go on.
 */
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, UsageError } from '../errors.js'
import { isInside, shownFlag } from '../config/flags.js'
import { includePattern, materializeSeries, type SeriesStep } from './git.js'
import { loadTreeFiles, missingPaths, patchPaths, treeIncluders } from './overlay-repo.js'
import { treeFile } from './overlay.js'
import { createGit, firstLine, gitOk, isTreePath, runGit, type Git } from './snapshot.js'

import type { SeriesSource } from './types.js'

export interface PatchDirOptions {
  readonly tree: string
  readonly patches: string
  readonly includes: readonly string[]
}

/** One entry of the series: a patch file name (relative to the patches dir) and its -p level. */
export interface PatchEntry {
  readonly name: string
  readonly strip: number
}

const IDENTITY = { name: 'klp-verify', email: 'klp-verify@localhost', date: '2000-01-01T00:00:00Z' }

export async function openPatchDir(opts: PatchDirOptions): Promise<SeriesSource> {
  const tree = path.resolve(opts.tree)
  const dir = path.resolve(opts.patches)
  if (!(await isDir(tree))) throw new UsageError(`source tree ${opts.tree} not found`, { hint: 'pass the directory the patches apply to with --tree' })
  if (!(await isDir(dir))) throw new UsageError(`patch directory ${opts.patches} not found`, { hint: 'pass the directory holding the patches (and its quilt series file) with --patches' })
  const entries = await listPatches(dir)

  const root = await mkdtemp(path.join(os.tmpdir(), 'klp-verify-patches-'))
  try {
    const git = await initRepo(root)
    const prepared: PreparedPatch[] = []
    for (const [i, e] of entries.entries()) prepared.push(await preparePatch(git, root, dir, e, i))
    let paths = new Set(prepared.flatMap(p => patchPaths(p.text, p.entry.strip)))
    let run = await applySeries(git, tree, opts.tree, paths, prepared)
    // a path git needed that no patch line named (a rename's source under -p0, say): load it too and start again
    while (run.missing.length) {
      paths = new Set([...paths, ...run.missing])
      run = await applySeries(git, tree, opts.tree, paths, prepared)
    }
    const over = { overlay: { kind: 'tree' as const, tree, hidden: new Set(run.loaded) }, includers: treeIncluders(treeGit(git, tree), includePattern) }
    const { patches, baseTip } = await materializeSeries(git, root, run.steps, { base: run.base, baseName: 'base', tip: run.tip.commit, tipName: run.tip.name }, opts.includes, over)
    return { kind: 'patches', description: `${opts.tree} + ${opts.patches}`, patches, baseTip, scratch: root, root: tree, cleanup: () => rm(root, { recursive: true, force: true }) }
  } catch (err) {
    await rm(root, { recursive: true, force: true })
    throw err
  }
}

/**
 * git for reading the tree in place (grep --no-index): named to our own repository, so that the
 * tree's own .git (its config, hooks, a foreign owner's safe.directory refusal, a broken gitdir
 * link) is never looked at.
 */
function treeGit(git: Git, tree: string): Git {
  return createGit(tree, { pre: [`--git-dir=${path.join(git.cwd, '.git')}`], env: git.env })
}

interface SeriesRun {
  readonly base: string
  readonly tip: { readonly commit: string; readonly name: string }
  readonly steps: SeriesStep[]
  /** The tree paths in the base commit. */
  readonly loaded: readonly string[]
  /** Tree files a patch needed that were not loaded. */
  readonly missing: readonly string[]
}

/** Load `paths` from the tree as the base commit, then apply every patch in turn. */
async function applySeries(git: Git, tree: string, treeName: string, paths: ReadonlySet<string>, prepared: readonly PreparedPatch[]): Promise<SeriesRun> {
  const loaded = await loadTreeFiles(git, tree, paths)
  const base = await commitIndex(git, null, `base: ${treeName}\n`, {})
  const steps: SeriesStep[] = []
  const missing = new Set<string>()
  let prev = { commit: base, name: 'base' }
  for (const p of prepared) {
    const step = await applyPatch(git, p, prev)
    steps.push(step.step)
    for (const m of step.missing) if (!paths.has(m) && isTreePath(m) && (await treeFile(tree, m)) !== null) missing.add(m)
    if (step.step.commit) prev = { commit: step.step.commit, name: p.entry.name }
  }
  return { base, tip: prev, steps, loaded, missing: [...missing].sort() }
}

const isDir = (p: string) => stat(p).then(s => s.isDirectory(), () => false)

/**
 * The patches in order: the quilt `series` file if there is one, else every *.patch / *.diff by name.
 * Every patch (and the series file) must be a file inside the directory, symlinks resolved: a series
 * file arrives with the patches, so it may not name /etc/passwd or ../../secret.
 */
export async function listPatches(dir: string): Promise<PatchEntry[]> {
  const seriesFile = path.join(dir, 'series')
  const real = await realpath(dir)
  let entries: PatchEntry[]
  if ((await stat(seriesFile).catch(() => null))?.isFile()) {
    await mustBeInside(real, seriesFile, 'series')
    entries = parseSeriesFile(await readFile(seriesFile, 'utf8'), seriesFile)
    for (const e of entries) {
      await mustBeInside(real, path.join(dir, e.name), e.name)
      if (!(await stat(path.join(dir, e.name)).catch(() => null))?.isFile()) {
        throw new ConfigError(`${seriesFile} names ${e.name}, which is not in ${dir}`, { hint: 'fix the series file or add the patch' })
      }
    }
  } else {
    const names: string[] = []
    for (const d of await readdir(dir, { withFileTypes: true })) {
      if (!/\.(patch|diff)$/.test(d.name) || !(d.isFile() || d.isSymbolicLink())) continue
      await mustBeInside(real, path.join(dir, d.name), d.name)
      if ((await stat(path.join(dir, d.name)).catch(() => null))?.isFile()) names.push(d.name)
    }
    entries = names.sort().map(name => ({ name, strip: 1 }))
  }
  if (entries.length === 0) throw new UsageError(`no patches found in ${dir}`, { hint: 'put *.patch or *.diff files there, or list them in a quilt series file' })
  return entries
}

/** Refuse a file of the patch directory that is, or links to, something outside it. */
async function mustBeInside(realDir: string, file: string, name: string): Promise<void> {
  const to = await realpath(file).catch(() => null)
  if (to !== null && !isInside(realDir, to, path.sep)) {
    throw new ConfigError(`${shownFlag(name)} in ${path.dirname(file)} leads outside the patch directory (to ${shownFlag(to)})`, {
      hint: 'patches, the series file and specs beside patches must be files inside --patches; copy the file in instead of linking to it',
    })
  }
}

/**
 * A quilt series file: one patch per line, an optional -pN after it; `#` comments and blank lines
 * ignored. A name must be a relative path inside the patch directory (no `..` part, not absolute).
 */
export function parseSeriesFile(text: string, file: string): PatchEntry[] {
  const out: PatchEntry[] = []
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const [name, ...opts] = raw.replace(/(^|\s)#.*$/, '').trim().split(/\s+/).filter(Boolean)
    if (!name) continue
    if (path.isAbsolute(name) || name.split(/[\\/]/).includes('..')) {
      throw new ConfigError(`${file}:${i + 1}: ${shownFlag(name)} is outside the patch directory`, {
        hint: 'a series file names patches by their paths inside --patches (no absolute paths, no ..)',
      })
    }
    let strip = 1
    for (const o of opts) {
      const m = /^-p(\d+)$/.exec(o)
      if (!m) throw new ConfigError(`${file}:${i + 1}: unsupported option ${o} for ${name}`, { hint: 'a series line is PATCH [-pN]; only -pN is understood' })
      strip = Number(m[1])
    }
    out.push({ name, strip })
  }
  return out
}

/** An empty private repository (its index is filled by loadTreeFiles). */
async function initRepo(root: string): Promise<Git> {
  const env = {
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: IDENTITY.name,
    GIT_AUTHOR_EMAIL: IDENTITY.email,
    GIT_AUTHOR_DATE: IDENTITY.date,
    GIT_COMMITTER_NAME: IDENTITY.name,
    GIT_COMMITTER_EMAIL: IDENTITY.email,
    GIT_COMMITTER_DATE: IDENTITY.date,
  }
  const pre = ['-c', `user.name=${IDENTITY.name}`, '-c', `user.email=${IDENTITY.email}`, '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.autocrlf=false']
  const repo = path.join(root, 'repo')
  await gitOk(createGit(root, { pre, env }), ['init', '-q', repo])
  return createGit(repo, { pre, env })
}

async function commitIndex(git: Git, parent: string | null, message: string, author: Readonly<Record<string, string>>): Promise<string> {
  const tree = (await gitOk(git, ['write-tree'])).trim()
  const args = ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-F', '-']
  return (await gitOk(git, args, { input: message.endsWith('\n') ? message : `${message}\n`, env: author })).trim()
}

/** The first line of an mbox mail (`git format-patch` writes `From <sha> Mon Sep 17 00:00:00 2001`). */
const MBOX_FROM = /^From \S+ +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /

/** A patch read once: the file git applies (a mail's diff part), its text, message and author. */
interface PreparedPatch {
  readonly entry: PatchEntry
  readonly file: string
  readonly text: string
  readonly msg: PatchMessage
  readonly author: Readonly<Record<string, string>>
  readonly specs: readonly string[]
}

async function preparePatch(git: Git, root: string, dir: string, e: PatchEntry, index: number): Promise<PreparedPatch> {
  const file = path.join(dir, e.name)
  const bytes = await readFile(file)
  const specs = await specsBeside(file, dir)
  if (!MBOX_FROM.test(bytes.subarray(0, 200).toString('latin1'))) {
    return { entry: e, file, text: bytes.toString('utf8'), msg: quiltMessage(bytes.toString('utf8'), e.name), author: {}, specs }
  }
  const mail = await splitMail(git, path.join(root, 'mail', String(index)), bytes, e.name)
  return { entry: e, file: mail.patchFile, text: await readFile(mail.patchFile, 'utf8'), msg: mail, author: mail.author, specs }
}

/** Apply one patch to the index and commit it; a patch that does not apply gives a step with an error. */
async function applyPatch(git: Git, p: PreparedPatch, prev: { commit: string; name: string }): Promise<{ step: SeriesStep; missing: string[] }> {
  const e = p.entry
  const step = { id: e.name, title: p.msg.title, message: p.msg.message, parent: prev.commit, oldName: prev.name, newName: e.name, specs: p.specs }
  let applied = await runGit(git, ['apply', '--cached', `-p${e.strip}`, p.file])
  if (applied.exitCode !== 0 && p.text.includes('\r\n')) {
    // a patch saved with CRLF line ends (a mail client) on an LF tree: GNU patch strips the CRs, so do we
    applied = await runGit(git, ['apply', '--cached', `-p${e.strip}`, '-'], { input: Buffer.from((await readFile(p.file, 'latin1')).replace(/\r\n/g, '\n'), 'latin1') })
  }
  if (applied.exitCode !== 0) {
    return { step: { ...step, commit: null, error: `does not apply: ${firstLine(applied.stderr) || `git apply exit ${applied.exitCode}`}` }, missing: missingPaths(applied.stderr) }
  }
  return { step: { ...step, commit: await commitIndex(git, prev.commit, p.msg.message, p.author) }, missing: [] }
}

interface PatchMessage {
  readonly title: string
  readonly message: string
}

/** A `git format-patch` mail, split as `git am` does: subject (without [PATCH…]), body with trailers, author, patch. */
async function splitMail(git: Git, dir: string, text: Uint8Array, name: string): Promise<PatchMessage & { patchFile: string; author: Record<string, string> }> {
  await mkdir(dir, { recursive: true })
  const [msgFile, patchFile] = [path.join(dir, 'msg'), path.join(dir, 'patch')]
  const info = await gitOk(git, ['mailinfo', '-u', msgFile, patchFile], { input: text })
  const field = (k: string) => new RegExp(`^${k}: (.*)$`, 'm').exec(info)?.[1]?.trim() ?? ''
  const subject = field('Subject')
  const body = (await readFile(msgFile, 'utf8')).trim()
  const author: Record<string, string> = {}
  if (field('Author')) author.GIT_AUTHOR_NAME = field('Author')
  if (field('Email')) author.GIT_AUTHOR_EMAIL = field('Email')
  if (field('Date')) author.GIT_AUTHOR_DATE = field('Date')
  const title = subject || name
  return { title, message: body ? `${title}\n\n${body}\n` : `${title}\n`, patchFile, author }
}

/** A quilt patch's header (before the first ---, diff or Index: line) is its commit message. */
export function quiltMessage(text: string, name: string): PatchMessage {
  const lines = text.split(/\r?\n/)
  const end = lines.findIndex(l => /^(---|diff |Index:)/.test(l))
  const header = lines.slice(0, end < 0 ? lines.length : end).join('\n').trim()
  if (!header) return { title: name, message: `${name}\n` }
  const subject = /^Subject:\s*(.*)$/m.exec(header)?.[1]?.replace(/^(\[[^\]]*\]\s*)+/, '').trim()
  const title = subject || header.split('\n').find(l => l.trim() !== '')!.trim()
  return { title, message: `${header}\n` }
}

/** `<name>.yaml` and `<name>.spec.yaml` beside the patch (name without .patch/.diff), absolute; never a link out of the directory. */
async function specsBeside(file: string, dir: string): Promise<string[]> {
  const stem = file.replace(/\.(patch|diff)$/, '')
  const real = await realpath(dir)
  const found: string[] = []
  for (const f of [`${stem}.yaml`, `${stem}.spec.yaml`]) {
    if (!(await stat(f).catch(() => null))?.isFile()) continue
    await mustBeInside(real, f, path.basename(f))
    found.push(f)
  }
  return found
}
