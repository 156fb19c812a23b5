/** The series command's work, loaded lazily. */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { compareWithBaseline, renderBaselineText, type BaselineDiff, type ProofKey } from '../series/baseline.js'
import { UsageError } from '../errors.js'
import { checkCacheDir, defaultCacheDir, openCache } from '../pipeline/cache.js'
import { runSeries } from '../pipeline/series.js'
import { loadManifest, manifestSource } from '../series/manifest.js'
import { openGitRange } from '../series/git.js'
import { openPatchDir } from '../series/patches.js'
import type { SeriesReport, SeriesSource } from '../series/types.js'
import { renderSeriesJunit, renderSeriesMarkdown, renderSeriesText } from '../report/series.js'
import { renderSeriesHtml } from '../report/series-html.js'
import { cliLogger, type CliContext } from './context.js'
import { seriesProgress } from './progress.js'
import type { SeriesArgs } from './commands/series.js'

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT = 130

async function openSource(argv: SeriesArgs): Promise<{ source: SeriesSource; defaults: Record<string, unknown> }> {
  if (argv.manifest !== undefined) {
    const m = await loadManifest(argv.manifest)
    return { source: manifestSource(m, argv.manifest), defaults: m.defaults }
  }
  const includes = argv.include ?? []
  if (argv.git !== undefined) return { source: await openGitRange({ repo: argv.git, range: argv.range!, includes }), defaults: {} }
  return { source: await openPatchDir({ tree: argv.tree!, patches: argv.patches!, includes }), defaults: {} }
}

async function readBaseline(file: string): Promise<ProofKey[]> {
  let before: { proofs?: ProofKey[] }
  try {
    before = JSON.parse(await readFile(file, 'utf8')) as { proofs?: ProofKey[] }
  } catch (err) {
    throw new UsageError(`cannot read the baseline ${file}: ${(err as Error).message.split('\n')[0]}`, { hint: 'pass a report written by klp-verify series --format json', cause: err })
  }
  if (!Array.isArray(before.proofs)) throw new UsageError(`${file} is not a klp-verify series JSON report`, { hint: 'pass a report written by klp-verify series --format json' })
  return before.proofs
}

export async function runSeriesCommand(argv: SeriesArgs, ctx: CliContext): Promise<void> {
  const { format, output } = argv
  if (format === 'html' && !output) throw new UsageError('--format html needs --output FILE', { hint: 'e.g. --format html --output report.html (proof harnesses are kept next to it)' })
  // read the baseline first: a bad one should not cost a night of proofs
  const before = argv.baseline ? await readBaseline(argv.baseline) : undefined
  const verbose = Boolean(argv.verbose || argv.debug)
  const { source, defaults } = await openSource(argv)
  const cli = Object.fromEntries(Object.entries(argv).filter(([k]) => !k.includes('-') && k !== '_' && k !== '$0')) as SeriesArgs
  // an HTML report links each proof to its harness: keep them next to the report unless told where
  const keepRoot = argv.keepHarness ?? (format === 'html' && output ? `${output.replace(/\.html?$/, '')}-harness` : undefined)
  const progress = seriesProgress({ isTTY: ctx.isTTY && Boolean(ctx.stderrRaw), write: t => (ctx.stderrRaw ?? ctx.stderr)(t) })
  let report: SeriesReport
  try {
    if (keepRoot) await mkdir(keepRoot, { recursive: true })
    const cacheDir = argv.cacheDir ? path.resolve(argv.cacheDir) : defaultCacheDir(ctx.env)
    const unusable = await checkCacheDir(cacheDir)
    if (unusable) ctx.stderr(`klp-verify: warning: cannot use the cache folder ${cacheDir} (${unusable}); every proof runs and nothing is stored (pass --cache-dir DIR)`)
    report = await runSeries(source, { ...cli, keepHarness: undefined }, defaults, {
      env: ctx.env,
      signal: ctx.signal,
      log: cliLogger({ ...ctx, isTTY: false }, verbose),
      // --no-cache re-runs every proof and refreshes the cache with the results
      ...(unusable ? {} : { cache: openCache(cacheDir, { read: argv.cache, note: cliLogger({ ...ctx, isTTY: false }, verbose).debug }) }),
    }, {
      onEvent: progress.onEvent,
      specs: argv.spec ?? [],
      ...(keepRoot ? { keep: { dir: path.resolve(keepRoot), relativeTo: path.resolve(output ? path.dirname(output) : '.') } } : {}),
    })
  } finally {
    progress.finish()
    await source.cleanup()
  }
  const diff: BaselineDiff | undefined = before ? compareWithBaseline(report.proofs, before) : undefined
  const withDiff = diff ? { ...report, baseline: diff } : report
  const text = format === 'json' ? `${JSON.stringify(withDiff, null, 2)}\n`
    : format === 'junit' ? renderSeriesJunit(report)
    : format === 'markdown' ? renderSeriesMarkdown(withDiff)
    : format === 'html' ? renderSeriesHtml(withDiff)
    : `${diff ? renderBaselineText(diff) : ''}${renderSeriesText(report)}`
  if (report.interrupted) ctx.stderr(`klp-verify: interrupted after ${report.proofs.length} proofs; finished proofs are cached, run the same command again to resume`)
  if (output) {
    try {
      await writeFile(output, text)
    } catch (err) {
      throw new UsageError(`cannot write ${output}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { hint: 'check the --output path', cause: err })
    }
    ctx.stderr(`klp-verify: series exit ${report.exitCode} — report written to ${output}`)
  } else {
    ctx.stdout(text)
  }
  ctx.exitCode = report.interrupted ? INTERRUPTED_EXIT : report.exitCode
}
