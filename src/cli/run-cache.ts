/** The cache command's work, loaded lazily. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { checkCacheDir, defaultCacheDir, openCache } from '../pipeline/cache/store.js'
import { exportCache, importCache } from '../pipeline/cache/transfer.js'
import type { CliContext } from './context.js'
import type { CacheArgs } from './commands/cache.js'

export async function runCacheCommand(what: 'export' | 'import', argv: CacheArgs, ctx: CliContext): Promise<void> {
  const dir = argv.cacheDir ? path.resolve(argv.cacheDir) : defaultCacheDir(ctx.env)
  const verbose = Boolean(argv.verbose || argv.debug)
  // the same rule as a series run: a folder others can write to holds nothing worth moving, and must not be filled
  const unusable = await checkCacheDir(dir)
  if (unusable) throw new UsageError(`cannot use the cache folder ${dir} (${unusable})`, { hint: 'pass --cache-dir DIR, a folder only you can write to' })
  const say = (skipped: readonly string[]) => {
    if (skipped.length && verbose) for (const s of skipped) ctx.stderr(`klp-verify: skipped ${s}`)
    return skipped.length ? `, ${skipped.length} skipped${verbose ? '' : ' (--verbose says why)'}` : ''
  }
  if (what === 'export') {
    let r
    try {
      r = await exportCache(dir, argv.output!)
    } catch (err) {
      throw new UsageError(`cannot write ${argv.output}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { hint: 'check the --output path', cause: err })
    }
    ctx.stderr(`klp-verify: exported ${r.entries} cache entries (${(r.bytes / 1024).toFixed(0)} KiB) to ${argv.output}${say(r.skipped)}`)
  } else {
    const cache = openCache(dir)
    for (const file of argv.archives ?? []) {
      let data: Buffer
      try {
        data = await readFile(file)
      } catch (err) {
        throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { hint: 'pass an archive written by klp-verify cache export', cause: err })
      }
      const r = await importCache(data, cache)
      // a damaged artifact costs time, not the night: a warning, and the proofs run
      if (r.unreadable) { ctx.stderr(`klp-verify: warning: ${file}: ${r.unreadable}; nothing imported`); continue }
      ctx.stderr(`klp-verify: ${file}: imported ${r.imported} cache entries, ${r.present} already there${say(r.skipped)}`)
    }
  }
  ctx.exitCode = 0
}
