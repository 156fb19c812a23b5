/**
 * Moving result-cache entries between machines as one .tar.gz (a CI artifact): export the sealed
 * entries as they are; import checks each one exactly as a local read does (its name is a key, its
 * seal matches its key and report, its report has a valid verdict) and stores it with the cache's own
 * atomic write, so readers never see half an entry.
 */
import { lstat, readdir, readFile, writeFile, rename } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { readEntry, type ResultCache } from './cache.js'
import { readTar, writeTar } from '../series/tar.js'

/** An entry's place in the cache folder: `ab/cdef….json` for the key `abcdef…`. */
const ENTRY = /^([0-9a-f]{2})\/([0-9a-f]{62})\.json$/
/** Far above any real report; a larger "entry" is not read into memory. */
const MAX_ENTRY = 64 << 20

export interface ExportResult {
  readonly entries: number
  readonly bytes: number
  /** Entries left out, and why (not sealed, torn, not ours to read). */
  readonly skipped: readonly string[]
}

/** Every sound entry of the cache folder as a gzipped tar, in key order (the same entries give the same bytes). */
export async function exportCache(dir: string, output: string): Promise<ExportResult> {
  const names: string[] = []
  for (const sub of (await readdir(dir, { withFileTypes: true })).filter(d => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name))) {
    for (const f of await readdir(path.join(dir, sub.name))) if (ENTRY.test(`${sub.name}/${f}`)) names.push(`${sub.name}/${f}`)
  }
  const files = []
  const skipped: string[] = []
  for (const name of names.sort()) {
    const file = path.join(dir, name)
    const st = await lstat(file)
    if (!st.isFile() || st.size > MAX_ENTRY) { skipped.push(`${name}: not a plain file of a sane size`); continue }
    const data = await readFile(file)
    const [, a, b] = ENTRY.exec(name)!
    const e = readEntry(data.toString('utf8'), `${a}${b}`)
    if ('problem' in e) { skipped.push(`${name}: ${e.problem}`); continue }
    files.push({ name, data })
  }
  const gz = gzipSync(writeTar(files))
  // written whole, then renamed: a reader of the artifact never sees half of it
  const tmp = `${output}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  await writeFile(tmp, gz)
  await rename(tmp, output)
  return { entries: files.length, bytes: gz.length, skipped }
}

export interface ImportResult {
  readonly imported: number
  /** Entries the cache already held (left as they are). */
  readonly present: number
  readonly skipped: readonly string[]
  /** The whole archive could not be read: why (nothing was imported). */
  readonly unreadable?: string
}

/** Store the archive's sound entries in the cache; every other record is skipped and said why. */
export async function importCache(archive: Buffer, cache: ResultCache): Promise<ImportResult> {
  let tar: Buffer
  try {
    tar = gunzipSync(archive, { maxOutputLength: 2 ** 32 })
  } catch (err) {
    return { imported: 0, present: 0, skipped: [], unreadable: `not a gzip archive (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }
  }
  const { files, skipped: bad } = readTar(tar, MAX_ENTRY)
  const skipped = [...bad]
  let imported = 0
  let present = 0
  for (const f of files) {
    const m = ENTRY.exec(f.name)
    if (!m) { skipped.push(`${f.name}: not a cache entry name`); continue }
    const key = `${m[1]}${m[2]}`
    const e = readEntry(f.data.toString('utf8'), key)
    if ('problem' in e) { skipped.push(`${f.name}: ${e.problem}`); continue }
    if (await cache.get(key)) { present++; continue }
    await cache.put(key, e.report)
    imported++
  }
  return { imported, present, skipped }
}
