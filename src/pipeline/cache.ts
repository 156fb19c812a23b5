/**
 * A content-addressed cache of proof reports. The key is a hash of everything that decides a
 * proof's outcome: the generated harnesses (every run's C), the cbmc version and solvers, and the
 * options that reach cbmc or the verdict. An unchanged proof is never re-run; entries are written
 * as each proof finishes (atomically), so an interrupted run resumes from them.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'
import type { ProofReport } from '../report/types.js'

export interface ResultCache {
  readonly dir: string
  get(key: string): Promise<ProofReport | undefined>
  put(key: string, report: ProofReport): Promise<void>
}

/** The cache format; bump it when what a cached report means changes. */
const FORMAT = 1

export interface CacheKeyParts {
  readonly tool: string
  readonly cbmc: string
  /** Every harness file of every run (name and text), in run order. */
  readonly harnesses: readonly (readonly { readonly name: string; readonly text: string }[])[]
  readonly options: Readonly<Record<string, unknown>>
}

/** A stable JSON text: object keys sorted, so the key does not depend on insertion order. */
function stable(v: unknown): string {
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

/** Can results be stored in `dir`? The reason (e.g. `ENOTDIR`) when not. */
export async function checkCacheDir(dir: string): Promise<string | undefined> {
  try {
    await mkdir(dir, { recursive: true })
    const probe = path.join(dir, `.probe-${process.pid}-${randomBytes(4).toString('hex')}`)
    await writeFile(probe, '')
    await rm(probe, { force: true })
    return undefined
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? (err as Error).message
  }
}

export function openCache(dir: string, opts: { readonly read?: boolean } = {}): ResultCache {
  const file = (key: string) => path.join(dir, key.slice(0, 2), `${key.slice(2)}.json`)
  return {
    dir,
    async get(key) {
      if (opts.read === false) return undefined
      try {
        const entry = JSON.parse(await readFile(file(key), 'utf8')) as { format?: number; key?: string; report?: ProofReport }
        return entry.format === FORMAT && entry.key === key && entry.report ? entry.report : undefined
      } catch {
        return undefined // missing or torn: a miss, the proof runs again
      }
    },
    async put(key, report) {
      const f = file(key)
      await mkdir(path.dirname(f), { recursive: true })
      const tmp = `${f}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
      await writeFile(tmp, JSON.stringify({ format: FORMAT, key, report }))
      await rename(tmp, f)
    },
  }
}
