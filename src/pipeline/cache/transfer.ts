/**
 * Moving result-cache entries between machines as one .tar.gz (a CI artifact): export the sealed
 * entries as they are; import checks each one exactly as a local read does (its name is a key, its
 * seal matches its key and report, its report has a valid verdict) and stores it with the cache's own
 * atomic write, so readers never see half an entry.
 */
import { lstat, readdir, readFile, rename, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { Parser, create, type ReadEntry } from 'tar'
import { readEntry, type ResultCache } from './store.js'

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
  const files: string[] = []
  const skipped: string[] = []
  for (const name of names.sort()) {
    const file = path.join(dir, name)
    const st = await lstat(file)
    if (!st.isFile() || st.size > MAX_ENTRY) { skipped.push(`${name}: not a plain file of a sane size`); continue }
    const data = await readFile(file)
    const [, a, b] = ENTRY.exec(name)!
    const e = readEntry(data.toString('utf8'), `${a}${b}`)
    if ('problem' in e) { skipped.push(`${name}: ${e.problem}`); continue }
    files.push(name)
  }
  // written whole, then renamed: a reader of the artifact never sees half of it
  const tmp = `${output}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    // portable, with a fixed mtime: the same entries give the same archive
    await create({ gzip: true, cwd: dir, file: tmp, portable: true, mtime: new Date(0), noDirRecurse: true }, files)
    await rename(tmp, output)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
  return { entries: files.length, bytes: (await lstat(output)).size, skipped }
}

export interface ArchiveFile {
  readonly name: string
  readonly data: Buffer
}

/**
 * The plain files of a (gzipped) tar archive, read in memory with the `tar` package's parser —
 * nothing is extracted to disk. An archive is untrusted input: links, folders, devices, files over
 * `maxFileBytes` and damaged records are listed in `skipped` with the reason, never followed.
 */
export function readArchive(archive: Buffer, maxFileBytes: number): Promise<{ readonly files: ArchiveFile[]; readonly skipped: string[]; readonly unreadable?: string }> {
  return new Promise(resolve => {
    const files: ArchiveFile[] = []
    const skipped: string[] = []
    let unreadable: string | undefined
    let seen = 0
    const parser = new Parser({
      strict: false,
      maxMetaEntrySize: 1 << 16,
      // before the first record a warning means the archive as a whole cannot be read
      onwarn: (code: string, message: string | Error) => {
        const text = `${message instanceof Error ? message.message : message} (${code})`
        if (seen === 0) unreadable ??= text
        else skipped.push(`a damaged record after ${seen} entries: ${text}`)
      },
    })
    parser.on('entry', (e: ReadEntry) => {
      seen++
      if (e.type !== 'File' && e.type !== 'OldFile') {
        skipped.push(`${e.path}: not a plain file (${e.type})`)
        e.resume()
        return
      }
      if (e.size > maxFileBytes) {
        skipped.push(`${e.path}: larger than ${maxFileBytes} bytes`)
        e.resume()
        return
      }
      const chunks: Buffer[] = []
      e.on('data', (c: Buffer) => chunks.push(c))
      e.on('end', () => {
        const data = Buffer.concat(chunks)
        if (data.length === e.size) files.push({ name: e.path, data })
        else skipped.push(`${e.path}: cut short (${data.length} of ${e.size} bytes; the archive is truncated)`)
      })
    })
    parser.on('error', (err: Error) => { unreadable ??= err.message })
    parser.on('close', () => resolve(unreadable === undefined ? { files, skipped } : { files, skipped, unreadable }))
    parser.end(archive)
  })
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
  const { files, skipped: bad, unreadable } = await readArchive(archive, MAX_ENTRY)
  if (unreadable !== undefined) return { imported: 0, present: 0, skipped: bad, unreadable: `not a tar.gz archive of cache entries: ${unreadable}` }
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
