/**
 * Find the CBMC to run, once per session. Order: `--cbmc`, `$KLP_CBMC`, the project-local install
 * (`.klp-tools/bin/cbmc`, made by `npm install`), `cbmc` on PATH. An explicitly named CBMC that is not a
 * CBMC >= 6 is an error, never a fall-through. See docs/install.md.
 */
import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import path from 'node:path'
import { execa } from 'execa'
import { ToolNotFoundError } from '../errors.js'
import type { CbmcTool } from './types.js'
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
