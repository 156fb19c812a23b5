/**
 * A content-addressed cache of proof reports. The key is a hash of everything that decides a
 * proof's outcome: the generated harnesses (every run's C and what the classifier reads), the
 * identity (content digests) of cbmc and every solver it may start, the user's models, and the
 * options that reach cbmc or the verdict. An unchanged proof is never re-run; entries are written
 * as each proof finishes (atomically), so an interrupted run resumes from them.
 *
 * A cached `equivalent` is as strong as the folder it sits in: a folder other users can write to is
 * not used at all (checkCacheDir), an entry or sub-folder another user owns or can write to is
 * ignored, and every entry carries a sha256 of its key and report that is checked before use (so a
 * torn, corrupted or edited entry, or one copied under another key, is re-proved, never served).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Stats } from 'node:fs'
import { lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'
import { EXIT_OF } from '../../model/outcomes.js'
import type { ProofReport } from '../../report/types.js'

export interface ResultCache {
  readonly dir: string
  get(key: string): Promise<ProofReport | undefined>
  put(key: string, report: ProofReport): Promise<void>
}

/** The cache format; bump it when what a cached report means, or how an entry is laid out, changes. */
const FORMAT = 2

export interface CacheKeyParts {
  readonly tool: string
  /** cbmc's version and the content digests of cbmc and the solvers (ToolIdentity). */
  readonly cbmc: unknown
  /** Every harness of every run (files and what the classifier reads from it), in run order. */
  readonly harnesses: readonly unknown[]
  /** Digests of the user's model files (--models), if any. */
  readonly models?: unknown
  readonly options: Readonly<Record<string, unknown>>
}

/** A stable JSON text: object keys sorted, so the key does not depend on insertion order. */
export function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object).sort().filter(k => (v as Record<string, unknown>)[k] !== undefined).map(k => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}

export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256').update(stable({ format: FORMAT, ...parts })).digest('hex')
}

/**
 * What klp-verify itself is: a hash of its built code and templates, so a cached verdict never
 * outlives the code that reached it (a development build changes without a version bump).
 */
export async function toolFingerprint(root: string): Promise<string> {
  const h = createHash('sha256')
  for (const dir of ['dist', 'templates']) {
    let names: string[]
    try {
      names = (await readdir(path.join(root, dir), { recursive: true })).map(String).sort()
    } catch {
      continue // running from sources (tests): the sources are hashed by whoever runs them
    }
    for (const n of names) {
      if (n.endsWith('.map')) continue
      const text = await readFile(path.join(root, dir, n)).catch(() => null)
      if (text) h.update(`${dir}/${n}\0`).update(text)
    }
  }
  return h.digest('hex').slice(0, 16)
}

/** $KLP_CACHE_DIR, else $XDG_CACHE_HOME/klp-verify, else ~/.cache/klp-verify. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.KLP_CACHE_DIR) return path.resolve(env.KLP_CACHE_DIR)
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(homedir(), '.cache')
  return path.join(base, 'klp-verify')
}

/** The user klp-verify runs as (undefined where there are no uids: no ownership rules there). */
const me = (): number | undefined => process.getuid?.()

/**
 * Why users other than `uid` (and root) could change what is in a folder or file with this owner
 * and mode, or undefined if they cannot. `sticky`: a sticky folder is fine (others cannot rename or
 * remove what is ours, and what they add is ignored because every entry's owner is checked).
 */
export function othersCanWrite(st: Pick<Stats, 'uid' | 'mode'>, uid: number | undefined, sticky: boolean): string | undefined {
  if (uid === undefined) return undefined
  if (st.uid !== uid && st.uid !== 0) return `it belongs to another user (uid ${st.uid})`
  if ((st.mode & 0o022) !== 0 && !(sticky && (st.mode & 0o1000) !== 0)) {
    return `other users can write to it (mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')})`
  }
  return undefined
}

/** Every folder above `dir` (closest first), up to the root. */
function ancestors(dir: string): string[] {
  const out: string[] = []
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    out.push(d)
    if (path.dirname(d) === d) return out
  }
}

/**
 * Can results be stored in `dir`, and trusted when read back? The reason when not: an errno code
 * (`ENOTDIR`), or who else could plant a verdict there (the folder, or a folder above it that is
 * not sticky, belongs to another user or others can write to it). A missing folder is created
 * private (0700).
 */
export async function checkCacheDir(dir: string): Promise<string | undefined> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const real = await realpath(dir)
    const own = othersCanWrite(await stat(real), me(), true)
    if (own) return `${own}: another user could plant a verdict there; make it yours alone, e.g. chmod go-w ${real}`
    for (const up of [...new Set([...ancestors(path.resolve(dir)), ...ancestors(real)])]) {
      const why = othersCanWrite(await stat(up), me(), true)
      if (why) return `the folder above it, ${up}: ${why}, so another user could replace the cache`
    }
    const probe = path.join(dir, `.probe-${process.pid}-${randomBytes(4).toString('hex')}`)
    await writeFile(probe, '')
    await rm(probe, { force: true })
    return undefined
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? (err as Error).message
  }
}

/** The integrity digest an entry carries: its key and its report text, together. */
const seal = (key: string, payload: string): string => createHash('sha256').update(`klp-verify cache ${FORMAT}\n${key}\n${payload}`).digest('hex')

/** An entry file: one header line (format, key, digest), then the report's JSON text. */
export function renderEntry(key: string, report: ProofReport): string {
  const payload = JSON.stringify(report)
  return `${JSON.stringify({ format: FORMAT, key, sha256: seal(key, payload) })}\n${payload}`
}

/** The report an entry text holds for `key`, or why it must not be served. */
export function readEntry(text: string, key: string): { readonly report: ProofReport } | { readonly problem: string } {
  const nl = text.indexOf('\n')
  let header: { format?: unknown; key?: unknown; sha256?: unknown }
  try {
    header = JSON.parse(nl < 0 ? text : text.slice(0, nl)) as typeof header
  } catch {
    return { problem: 'its header is not JSON (torn or corrupted)' }
  }
  if (header.format !== FORMAT) return { problem: `it is in another format (${JSON.stringify(header.format ?? null)}, this klp-verify writes ${FORMAT})` }
  if (header.key !== key) return { problem: 'it records another key (copied from another proof)' }
  const payload = text.slice(nl + 1)
  if (nl < 0 || header.sha256 !== seal(key, payload)) return { problem: 'its sha256 does not match its content (corrupted or edited)' }
  let report: ProofReport
  try {
    report = JSON.parse(payload) as ProofReport
  } catch {
    return { problem: 'its report is not JSON' }
  }
  if (!report || typeof report !== 'object' || EXIT_OF[report.verdict] === undefined || EXIT_OF[report.verdict] !== report.exitCode) {
    return { problem: 'its report has no valid verdict and exit code' }
  }
  return { report }
}

export interface CacheOptions {
  /** false: never read (--no-cache); results are still stored. */
  readonly read?: boolean
  /** Told why an entry was not served (torn, tampered, someone else's): a --verbose line. */
  readonly note?: (msg: string) => void
}

export function openCache(dir: string, opts: CacheOptions = {}): ResultCache {
  const file = (key: string) => path.join(dir, key.slice(0, 2), `${key.slice(2)}.json`)
  const ignore = (f: string, why: string): undefined => {
    opts.note?.(`cache entry ${f} ignored: ${why}; the proof runs again`)
    return undefined
  }
  return {
    dir,
    async get(key) {
      if (opts.read === false) return undefined
      const f = file(key)
      let st: Stats
      try {
        st = await lstat(f)
      } catch {
        return undefined // not cached
      }
      if (!st.isFile()) return ignore(f, 'it is not a regular file')
      for (const [what, s] of [['it', st], ['its folder', await lstat(path.dirname(f))]] as const) {
        const why = othersCanWrite(s, me(), false)
        if (why) return ignore(f, `${what}: ${why}`)
      }
      let text: string
      try {
        text = await readFile(f, 'utf8')
      } catch (err) {
        return ignore(f, `unreadable (${(err as NodeJS.ErrnoException).code ?? String(err)})`)
      }
      const entry = readEntry(text, key)
      return 'report' in entry ? entry.report : ignore(f, entry.problem)
    },
    async put(key, report) {
      const f = file(key)
      await mkdir(path.dirname(f), { recursive: true, mode: 0o700 })
      const tmp = `${f}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
      await writeFile(tmp, renderEntry(key, report), { mode: 0o600 })
      await rename(tmp, f)
    },
  }
}
