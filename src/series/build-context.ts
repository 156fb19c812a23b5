/**
 * The build context of a series (reads files, runs make): for every changed .c file, the compile
 * command of its OLD version, from the tree's build context — the kernel build folder
 * (`--kconfig`'s scratch folder, else $KBUILD_OUTPUT, else the tree itself when configured in
 * place) or `--compile-commands FILE` — with one `make -n` for the whole series. The tree is
 * `--tree` (patch mode), the `--git` repository's work tree (git mode), or, for a manifest, each
 * entry's old file where it lies (as verify looks it up).
 *
 * The old version's flags are used for both versions (the new function is read with the running
 * kernel's configuration and flags). Include folders inside the tree name each version's own view
 * of it (its snapshot): where the series changed no header that is the old type context itself;
 * where it did, the new version reads its own header, so a changed type is the type-changed hazard
 * and a changed static inline a difference, never silently the old code compared with itself.
 */
import path from 'node:path'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { ConfigError, UsageError } from '../errors.js'
import { isInside } from '../config/flags.js'
import { contextPlatform, contextSummary, findBuildContexts, findKernelRoot, findKernelTree, prepareKconfig, type BuildContext } from '../kbuild/index.js'
import type { PatchFile, SeriesSource } from './types.js'

export interface SeriesBuildArgs {
  readonly compileCommands?: string
  readonly kconfig?: string
}

/** What one file's proofs and change detection take from the build context. */
export interface FileBuild {
  /** The command's flags other than -I folders, in its order (paths into the tree: the old version's view). */
  readonly cflags: readonly string[]
  /** The command's -I folders as each version sees them. */
  readonly includes: { readonly old: readonly string[]; readonly new: readonly string[] }
  /** For the report's bounds section: where the command came from, one line per semantics-bearing flag. */
  readonly summary: { readonly from: string; readonly lines: readonly string[] }
  /** cbmc front-end options the flags call for (`--unsigned-char`, …). */
  readonly platform: readonly string[]
  /**
   * What in the context decides what is proved, hashed the same on every machine: the flags without
   * absolute paths, and the build folder's kernel `.config` (two configs may give the same flags but
   * other generated headers). A sharded run's plan digest includes it.
   */
  readonly digest: string
}

/** A word that names an absolute path (`/x`, `-I/x`, `-fmacro-prefix-map=/x/=`): it differs between machines. */
const ABSOLUTE = /^\/|^-[A-Za-z]+\/|=\//

/** The digest of a context (FileBuild.digest); `config`: the build folder's .config, when it has one. */
export function contextDigest(kept: readonly string[], platform: readonly string[], config: string | undefined): string {
  const flags = kept.filter(w => !ABSOLUTE.test(w))
  return createHash('sha256').update(JSON.stringify({ flags, platform, config: config === undefined ? null : createHash('sha256').update(config).digest('hex') })).digest('hex').slice(0, 16)
}

/** A build folder's kernel .config (none for a compile_commands.json project). */
function readConfig(dir: string): string | undefined {
  try {
    return readFileSync(path.join(dir, '.config'), 'utf8')
  } catch {
    return undefined
  }
}

/** A file's build context: its flags, the error finding them raised (its patch's error), or undefined (none applies). */
export type FileBuildOf = (f: PatchFile) => FileBuild | Error | undefined

/** Options that take a path as the next word (kept flags write -I attached). */
const PATH_NEXT = new Set(['-isystem', '-iquote', '-idirafter', '-include', '-imacros'])

/**
 * The kept flags of a command with paths inside `trees` (the tree as named and as resolved) moved
 * into each version's view (pure). With `fallback`, each moved -I folder is followed by the
 * original: a build folder inside the tree keeps generated headers there, which a snapshot made
 * from git objects does not have.
 */
export function viewFlags(kept: readonly string[], trees: readonly string[], views: { readonly old: string | null; readonly new: string | null }, fallback: boolean): Pick<FileBuild, 'cflags' | 'includes'> {
  const move = (p: string, view: string | null): string => {
    if (view === null) return p
    const tree = trees.find(t => isInside(t, p, path.sep))
    return tree === undefined ? p : path.join(view, path.relative(tree, p))
  }
  const cflags: string[] = []
  const old: string[] = []
  const neu: string[] = []
  for (let i = 0; i < kept.length; i++) {
    const f = kept[i]!
    if (f.startsWith('-I') && f.length > 2) {
      const dir = f.slice(2)
      const inTree = trees.some(t => isInside(t, dir, path.sep))
      old.push(move(dir, views.old), ...(inTree && fallback ? [dir] : []))
      neu.push(move(dir, views.new), ...(inTree && fallback ? [dir] : []))
    } else if (PATH_NEXT.has(f) && i + 1 < kept.length) {
      cflags.push(f, move(kept[++i]!, views.old))
    } else if (/^-f(macro|file)-prefix-map=/.test(f) && f.includes('=', f.indexOf('=') + 1)) {
      // __FILE__ as the build names it (`lib/x.c`), the same in both versions' views
      const at = f.indexOf('=') + 1
      const [from, to] = [f.slice(at, f.indexOf('=', at)), f.slice(f.indexOf('=', at) + 1)]
      const opt = f.slice(0, at)
      const slash = (x: string) => (from.endsWith(path.sep) && !x.endsWith(path.sep) ? `${x}${path.sep}` : x)
      const froms = [...new Set([move(from, views.old), move(from, views.new)].map(slash))].filter(x => x !== from)
      cflags.push(f, ...froms.map(x => `${opt}${x}=${to}`))
    } else {
      cflags.push(f)
    }
  }
  return { cflags, includes: { old, new: neu } }
}

/** The folder a version's snapshot is: its path without the file's tree-relative name. */
function viewOf(file: string | null, rel: string): string | null {
  if (file === null || !file.endsWith(`${path.sep}${rel}`)) return null
  return file.slice(0, -rel.length - 1)
}

/** Where a version of a file lies in the tree the build context belongs to (null: no such version). */
function treeFileOf(f: PatchFile, source: SeriesSource, side: 'old' | 'new'): string | null {
  const p = side === 'old' ? f.oldPath : f.newPath
  if (p === null) return null
  if (source.kind === 'manifest' || source.root === undefined) return p
  const rel = side === 'old' && f.oldKey !== undefined ? f.oldKey : f.key
  return path.join(source.root, rel)
}

const realOr = (p: string) => {
  try { return realpathSync(p) } catch { return p }
}

/**
 * Every changed file's build context, looked up once (one make run for all of them). Found
 * automatically (no option given) while the user passed --cflags, a file without a context is
 * logged and proved with the user's flags alone, as verify does; otherwise it is its patch's error.
 */
export async function resolveSeriesBuild(source: SeriesSource, args: SeriesBuildArgs, env: Readonly<Record<string, string | undefined>>, log: (msg: string) => void, userFlags: boolean): Promise<FileBuildOf> {
  const files = [...source.patches.flatMap(p => p.files), ...source.baseTip]
  // an added file has no old version: its new one is looked up (in git mode the work tree may have it)
  const lookup = (f: PatchFile) => treeFileOf(f, source, f.oldPath === null ? 'new' : 'old')
  const paths = [...new Set(files.map(lookup).filter((p): p is string => p !== null))].sort()
  if (!paths.length) return () => undefined
  let buildDir = env.KBUILD_OUTPUT || undefined
  if (args.kconfig && !args.compileCommands) {
    const tree = findKernelRoot(paths[0]!)
    if (!tree) throw new UsageError(`--kconfig needs a kernel tree, and ${source.root ?? paths[0]} is not one`, { hint: 'a kernel tree has Makefile, Kbuild and Kconfig at its root; for other projects use --compile-commands FILE' })
    buildDir = await prepareKconfig({ tree, config: args.kconfig, log })
  }
  const t0 = Date.now()
  // git mode: make reads the work tree's rules, which may be at another commit than a file's
  const absent = source.kind === 'git' && !args.compileCommands ? paths.filter(p => !existsSync(p) && findKernelTree(p, buildDir) !== undefined) : []
  const found: Map<string, BuildContext | undefined | Error> = await findBuildContexts(paths.filter(p => !absent.includes(p)), { compileCommands: args.compileCommands, buildDir })
  for (const p of absent) {
    found.set(p, new ConfigError(`${path.relative(source.root!, p)} is not in the work tree of ${source.root}, so its compile command cannot be found`, {
      hint: `check out a commit of the range in ${source.root} (its tip), or give the commands with --compile-commands FILE`,
    }))
  }
  const got = [...found.values()].filter(c => c !== undefined && !(c instanceof Error)) as BuildContext[]
  if (got.length) log(`build context: ${got.length} of ${paths.length} files (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  const automatic = !args.kconfig && !args.compileCommands
  const trees = source.kind === 'manifest' || source.root === undefined ? [] : [...new Set([source.root, realOr(source.root)])]
  const configs = new Map<string, string | undefined>()
  const configOf = (dir: string) => (configs.has(dir) ? configs.get(dir) : configs.set(dir, readConfig(dir)).get(dir))
  return f => {
    const at = lookup(f)
    const c = at === null ? undefined : found.get(at)
    if (c instanceof Error) {
      if (f.oldPath !== null && !(automatic && userFlags)) return c
      log(`no build context for ${f.key} (${c.message}); using --cflags alone`)
      return undefined
    }
    if (!c) return undefined
    const rel = (side: 'old' | 'new') => (side === 'old' && f.oldKey !== undefined ? f.oldKey : f.key)
    const views = { old: viewOf(f.oldPath, rel('old')), new: viewOf(f.newPath, rel('new')) }
    const fallback = trees.some(t => isInside(t, realOr(c.command.directory), path.sep) || isInside(t, c.command.directory, path.sep))
    // an added or removed file: its one version's view for both
    const moved = viewFlags(c.flags.kept, trees, { old: views.old ?? views.new, new: views.new ?? views.old }, fallback)
    const platform = contextPlatform(c)
    return { ...moved, summary: contextSummary(c), platform, digest: contextDigest(c.flags.kept, platform, configOf(c.command.directory)) }
  }
}
