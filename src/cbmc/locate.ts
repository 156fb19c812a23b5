/**
 * Find the CBMC to run, once per session. Order: `--cbmc`, `$KLP_CBMC`, the project-local install
 * (`.klp-tools/bin/cbmc`, made by `npm install`), `cbmc` on PATH. An explicitly named CBMC that is not a
 * CBMC >= 6 is an error, never a fall-through. See docs/install.md.
 */
import { createHash } from 'node:crypto'
import { closeSync, constants, createReadStream, existsSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import path from 'node:path'
import { execa } from 'execa'
import { ToolNotFoundError } from '../errors.js'
import { isSharedObject, scriptTargets, solverCommands } from './identity.js'
import type { CbmcTool, ToolIdentity } from './types.js'
import { MIN_CBMC_MAJOR, meetsMinimum, parseCbmcVersion } from './version.js'

export interface LocateOptions {
  /** Value of `--cbmc`, if given: a path, or a bare name looked up on PATH. */
  readonly flag?: string
  readonly env: Readonly<Record<string, string | undefined>>
  /** The klp-verify package root: where `npm install` puts `.klp-tools/`. */
  readonly projectRoot: string
}

const PROBE_TIMEOUT_MS = 20_000
const NO_SUCH_FILE = 'does not exist'

type Probe = { readonly ok: true; readonly version: string } | { readonly ok: false; readonly problem: string }

/** Why `file` cannot be run, or null if it is an executable file. */
async function fileProblem(file: string): Promise<string | null> {
  try {
    if (!(await stat(file)).isFile()) return 'is not a file'
  } catch {
    return NO_SUCH_FILE
  }
  try {
    await access(file, constants.X_OK)
  } catch {
    return 'is not executable'
  }
  return null
}

/** Probes already made by this process: a series locates cbmc once per proof. */
const probed = new Map<string, Promise<Probe>>()

/** Run `<file> --version` and check that it is a CBMC >= 6 (once per file and version of the file). */
async function probeCbmc(file: string): Promise<Probe> {
  const bad = await fileProblem(file)
  if (bad !== null) return { ok: false, problem: bad }
  const st = await stat(file)
  const key = `${file}\0${st.mtimeMs}\0${st.size}`
  let p = probed.get(key)
  if (!p) probed.set(key, (p = runProbe(file)))
  return p
}

async function runProbe(file: string): Promise<Probe> {
  const r = await execa(file, ['--version'], { reject: false, timeout: PROBE_TIMEOUT_MS })
  if (r.failed) return { ok: false, problem: `failed to run \`--version\`: ${r.shortMessage}` }
  const v = parseCbmcVersion(r.stdout)
  if (v === null) {
    return { ok: false, problem: `printed no version number for \`--version\` (got ${JSON.stringify(r.stdout.slice(0, 60))})` }
  }
  if (!meetsMinimum(v, MIN_CBMC_MAJOR)) {
    return { ok: false, problem: `is CBMC ${v.text}, but klp-verify needs CBMC >= ${MIN_CBMC_MAJOR}.0` }
  }
  return { ok: true, version: v.text }
}

/** PATH as absolute directories, in order, without empty entries or duplicates. */
function pathDirs(env: LocateOptions['env']): string[] {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((d) => d !== '')
  return [...new Set(dirs.map((d) => path.resolve(d)))]
}

async function firstExecutable(candidates: readonly string[]): Promise<string | undefined> {
  for (const c of candidates) if ((await fileProblem(c)) === null) return c
  return undefined
}

/** `--cbmc` or `$KLP_CBMC`: use it or fail, naming the path and the problem. */
async function locateExplicit(value: string, label: string, opts: LocateOptions): Promise<{ file: string; version: string }> {
  const what = label.startsWith('-') ? `${label} ${value}` : `${label}=${value}`
  const hint =
    `point ${label} at a CBMC >= ${MIN_CBMC_MAJOR} executable (check with \`<path> --version\`), or ` +
    `${label.startsWith('-') ? 'leave it out' : 'unset it'} to use the CBMC that \`npm install\` provisions or the one on PATH`
  let file = path.resolve(value)
  if (!value.includes('/')) {
    // A bare name is looked up on PATH, as a shell would.
    const dirs = pathDirs(opts.env)
    const found = await firstExecutable(dirs.map((d) => path.join(d, value)))
    if (found === undefined) {
      throw new ToolNotFoundError(`${what}: no executable '${value}' on PATH (searched ${dirs.join(', ') || 'nothing: PATH is empty'})`, { hint })
    }
    file = found
  }
  const probe = await probeCbmc(file)
  if (!probe.ok) throw new ToolNotFoundError(`${what}${file === value ? '' : ` (${file})`} ${probe.problem}`, { hint })
  return { file, version: probe.version }
}

/** Optional solver (cadical, z3): next to cbmc, else project-local, else on PATH. */
async function locateSolver(name: string, cbmc: string, localBin: string, dirs: readonly string[]): Promise<string | undefined> {
  return firstExecutable([path.join(path.dirname(cbmc), name), path.join(localBin, name), ...dirs.map((d) => path.join(d, name))])
}

async function tool(cbmc: string, version: string, source: CbmcTool['source'], localBin: string, opts: LocateOptions): Promise<CbmcTool> {
  const dirs = pathDirs(opts.env)
  const cadical = await locateSolver('cadical', cbmc, localBin, dirs)
  const z3 = await locateSolver('z3', cbmc, localBin, dirs)
  return { cbmc, ...(cadical === undefined ? {} : { cadical }), ...(z3 === undefined ? {} : { z3 }), version, source }
}

/** Locate and version-probe CBMC (>= 6) and, optionally, CaDiCaL. Throws ToolNotFoundError (exit 3). */
export async function locateCbmc(opts: LocateOptions): Promise<CbmcTool> {
  const localBin = path.join(opts.projectRoot, '.klp-tools', 'bin')
  const explicit: [string | undefined, string, CbmcTool['source']][] = [
    [opts.flag, '--cbmc', 'flag'],
    [opts.env.KLP_CBMC, 'KLP_CBMC', 'env'],
  ]
  for (const [value, label, source] of explicit) {
    if (value === undefined || value === '') continue
    const { file, version } = await locateExplicit(value, label, opts)
    return tool(file, version, source, localBin, opts)
  }

  const searched: string[] = []
  const local = path.join(localBin, 'cbmc')
  const localProbe = await probeCbmc(local)
  if (localProbe.ok) return tool(local, localProbe.version, 'local', localBin, opts)
  searched.push(`${local} (${localProbe.problem})`)

  const dirs = pathDirs(opts.env)
  const withoutCbmc: string[] = []
  for (const dir of dirs) {
    const file = path.join(dir, 'cbmc')
    const probe = await probeCbmc(file)
    if (probe.ok) return tool(file, probe.version, 'path', localBin, opts)
    if (probe.problem === NO_SUCH_FILE) withoutCbmc.push(dir)
    else searched.push(`${file} (${probe.problem})`)
  }
  if (dirs.length === 0) searched.push('PATH (empty)')
  if (withoutCbmc.length > 0) searched.push(`no cbmc in PATH directories ${withoutCbmc.join(', ')}`)
  throw new ToolNotFoundError(`no CBMC >= ${MIN_CBMC_MAJOR} found; searched: ${searched.join('; ')}`, {
    hint:
      'run `npm install` in the klp-verify folder (it provisions CBMC into .klp-tools/), install CBMC >= 6 on PATH, ' +
      'or name one with --cbmc <path> or KLP_CBMC=<path>',
  })
}

// ---- identity: what a cached verdict must know about the binaries (see ToolIdentity) ----

/** Content digests made by this process, by file identity: a series of thousands of proofs hashes each binary once. */
const digests = new Map<string, Promise<string>>()
/** Executable digests, with the identities of every file and folder they were made from (checked on each use). */
const executables = new Map<string, { readonly deps: readonly (readonly [string, string])[]; readonly digest: string }>()

/** Device, inode, size, mtime and ctime: any rewrite, replacement or chmod changes one. */
function identityOf(file: string): string {
  const st = statSync(file, { throwIfNoEntry: false })
  return st ? `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}` : 'missing'
}

/** sha256 of a file's bytes, remembered by its identity. */
async function fileDigest(file: string, deps: [string, string][]): Promise<string> {
  const id = identityOf(file)
  deps.push([file, id])
  let d = digests.get(id)
  if (!d) {
    d = (async () => {
      const h = createHash('sha256')
      for await (const chunk of createReadStream(file)) h.update(chunk as Buffer)
      return h.digest('hex')
    })()
    digests.set(id, d)
    d.catch(() => digests.delete(id))
  }
  return d
}

function head(file: string, bytes: number): string {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0)).toString('latin1')
  } finally {
    closeSync(fd)
  }
}

const isRegularFile = (file: string): boolean => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false

/**
 * The identity of an executable: its bytes and, for a wrapper script, the bytes of what it runs
 * (scripts it names in turn, to a depth of 3; the Debian binary, loader and libraries of the
 * wrappers `npm install` writes). A file named some other way (PATH, variables) is not followed.
 * Remembered with the identities of the files and folders it was made from: a later call only
 * re-checks those (a few stat calls), and rehashes what changed.
 */
export async function executableDigest(file: string): Promise<string> {
  const real = realpathSync(file)
  const known = executables.get(real)
  if (known && known.deps.every(([f, id]) => identityOf(f) === id)) return known.digest
  const deps: [string, string][] = []
  const digest = await digestOf(real, 0, deps)
  executables.set(real, { deps, digest })
  return digest
}

async function digestOf(real: string, depth: number, deps: [string, string][]): Promise<string> {
  const lines = [`self ${await fileDigest(real, deps)}`]
  const targets = scriptTargets(real, head(real, 64 * 1024))
  for (const t of targets.files) {
    if (!isRegularFile(t)) {
      deps.push([t, identityOf(t)])
      continue
    }
    const target = realpathSync(t)
    lines.push(`runs ${path.basename(t)} ${depth < 3 ? await digestOf(target, depth + 1, deps) : await fileDigest(target, deps)}`)
  }
  for (const dir of targets.libDirs) {
    deps.push([dir, identityOf(dir)])
    const names = (existsSync(dir) ? readdirSync(dir) : []).filter(isSharedObject).sort()
    for (const n of names) if (isRegularFile(path.join(dir, n))) lines.push(`lib ${n} ${await fileDigest(path.join(dir, n), deps)}`)
  }
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}
/**
 * Digests of cbmc and of every solver a run with these extra arguments may start: the located
 * cadical and z3 (cbmc finds z3 in z3's folder, put first on PATH), and what `--cbmc-arg` names
 * (`--external-sat-solver CMD`, `--cvc5`, …), looked up as cbmc would (a path, else PATH).
 */
export async function toolIdentity(tool: CbmcTool, extra: readonly string[], env: LocateOptions['env']): Promise<ToolIdentity> {
  const solvers: Record<string, string | null> = {}
  if (tool.cadical !== undefined) solvers.cadical = await executableDigest(tool.cadical)
  if (tool.z3 !== undefined) solvers.z3 = await executableDigest(tool.z3)
  const dirs = [...(tool.z3 !== undefined && extra.includes('--z3') ? [path.dirname(tool.z3)] : []), ...pathDirs(env)]
  for (const [label, cmd] of Object.entries(solverCommands(extra))) {
    const found = cmd.includes('/') ? ((await fileProblem(cmd)) === null ? cmd : undefined) : await firstExecutable(dirs.map(d => path.join(d, cmd)))
    solvers[label] = found === undefined ? null : await executableDigest(found)
  }
  // the loop proof (unbounded/) builds and instruments with the CBMC tools next to cbmc
  for (const name of ['goto-cc', 'goto-instrument']) {
    const file = path.join(path.dirname(tool.cbmc), name)
    if ((await fileProblem(file)) === null) solvers[name] = await executableDigest(file)
  }
  return { cbmc: await executableDigest(tool.cbmc), solvers }
}
