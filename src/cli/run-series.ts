/** The series command's work, loaded lazily. */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { compareWithBaseline, type BaselineDiff, type ProofKey } from '../series/baseline.js'
import { ExtractError, UsageError, oneLine } from '../errors.js'
import { checkCacheDir, defaultCacheDir, openCache } from '../pipeline/cache/store.js'
import { planSeriesRun, probeSeries, runSeries } from '../pipeline/series.js'
import { checkProofArgs } from '../pipeline/resolve.js'
import { durationsOf, parseShard, shardFromEnv, type ShardSpec } from '../series/shard.js'
import { formatListing, formatSeries, type SeriesFormat } from '../report/series-format.js'
import { loadManifest, manifestSource } from '../series/manifest.js'
import { formatPlanOnly, planOnlyReport } from '../series/plan-report.js'
import { openGitRange } from '../series/git.js'
import { openPatchDir } from '../series/patches.js'
import type { SeriesReport, SeriesSource } from '../series/types.js'
import { resolveSeriesBuild, type FileBuildOf } from '../series/build-context.js'
import type { SpecDefaults } from '../series/claims.js'
import { cliLogger, type CliContext } from './context.js'
import { seriesProgress } from './progress.js'
import type { SeriesArgs } from './commands/series.js'

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const INTERRUPTED_EXIT = 130

async function openSource(argv: SeriesArgs): Promise<{ source: SeriesSource; defaults: SpecDefaults }> {
  if (argv.manifest !== undefined) {
    const m = await loadManifest(argv.manifest)
    return { source: manifestSource(m, argv.manifest), defaults: m.defaults }
  }
  const includes = argv.include ?? []
  if (argv.git !== undefined) return { source: await openGitRange({ repo: argv.git, range: argv.range!, includes }), defaults: {} }
  return { source: await openPatchDir({ tree: argv.tree!, patches: argv.patches!, includes }), defaults: {} }
}

/** --durations FILE: expected costs by proof id from a previous report (or a --list plan). */
async function readDurations(file: string): Promise<Map<string, number>> {
  let doc: unknown
  try {
    doc = JSON.parse(await readFile(file, 'utf8'))
  } catch (err) {
    throw new UsageError(`cannot read the durations ${file}: ${(err as Error).message.split('\n')[0]}`, { hint: 'pass a JSON report of an earlier run (klp-verify series or merge --format json)', cause: err })
  }
  const d = durationsOf(doc)
  if (!d) throw new UsageError(`${file} is not a klp-verify series JSON report`, { hint: 'pass a JSON report of an earlier run (klp-verify series or merge --format json)' })
  return d
}

/** The shard this process runs: --shard I/N, else what the CI engine's variables say. */
export function shardOf(argv: Pick<SeriesArgs, 'shard' | 'shards'>, env: Readonly<Record<string, string | undefined>>): ShardSpec | undefined {
  if (argv.shard !== undefined) {
    if (argv.shards !== undefined) throw new UsageError('--shard and --shards do not go together', { hint: '--shard I/N names the shard; --shards N is only for Kubernetes Indexed Jobs (with JOB_COMPLETION_INDEX)' })
    return parseShard(argv.shard)
  }
  return shardFromEnv(env, argv.shards)
}

/** Write the report to --output, or print it. */
export async function emit(text: string, output: string | undefined, ctx: CliContext, exitCode: number, what: string): Promise<void> {
  if (!output) return void ctx.stdout(text)
  // written whole, then renamed into place: a merge job polling a shared folder never reads half a report
  // (a device or pipe such as /dev/stdout is written as it is)
  const special = await stat(output).then(st => !st.isFile(), () => false)
  const tmp = special ? output : `${output}.${process.pid}.tmp`
  try {
    await writeFile(tmp, text)
    if (tmp !== output) await rename(tmp, output)
  } catch (err) {
    if (tmp !== output) await rm(tmp, { force: true })
    throw new UsageError(`cannot write ${output}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { hint: 'check the --output path', cause: err })
  }
  ctx.stderr(`klp-verify: ${what} exit ${exitCode} — report written to ${output}`)
}

export async function readBaseline(file: string): Promise<ProofKey[]> {
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
  if (argv.planOnly && argv.list) throw new UsageError('--plan-only and --list do not go together', { hint: '--list prints the proofs with their ids, shards and costs; --plan-only what changed in each file and the proofs planned for it' })
  const listing = argv.list ? '--list' : argv.planOnly ? '--plan-only' : undefined
  if (listing && format !== 'text' && format !== 'json') throw new UsageError(`${listing} prints text or json, not ${format}`, { hint: `use ${listing} --format json for the machine-readable plan` })
  // every proof option checked once, before any file is read, copied, preprocessed or proved
  const cli = checkProofArgs(argv)
  const shard = shardOf(argv, ctx.env)
  if (shard && shard.source !== '--shard') ctx.stderr(`klp-verify: shard ${shard.index}/${shard.total} (from ${shard.source})`)
  // read the baseline and durations first: a bad one should not cost a night of proofs
  const before = argv.baseline ? await readBaseline(argv.baseline) : undefined
  const durations = argv.durations ? await readDurations(argv.durations) : undefined
  const verbose = Boolean(argv.verbose || argv.debug)
  const { source, defaults } = await openSource(argv)
  const log = cliLogger({ ...ctx, isTTY: false }, verbose)
  // each changed file's compile command (--compile-commands, --kconfig, or the configured kernel tree), one make run for all
  let build: FileBuildOf
  try {
    build = await resolveSeriesBuild(source, argv, ctx.env, msg => log.info(msg), cli.cflags.length > 0)
  } catch (err) {
    await source.cleanup()
    throw err
  }
  if (argv.planOnly) {
    try {
      const plan = await planSeriesRun(source, cli, defaults, { env: ctx.env, log, preprocessMemo: new Map() }, { specs: argv.spec ?? [], build })
      const report = planOnlyReport(source, plan.digest, plan.patches, plan.files)
      await emit(formatPlanOnly(report, format === 'json' ? 'json' : 'text'), output, ctx, report.exitCode, 'plan')
      ctx.exitCode = report.exitCode
    } finally {
      await source.cleanup()
    }
    return
  }
  if (argv.list) {
    try {
      const penv = { env: ctx.env, log, preprocessMemo: new Map() }
      const plan = await planSeriesRun(source, cli, defaults, penv, { specs: argv.spec ?? [], build, ...(shard ? { shard } : {}), ...(durations ? { durations } : {}) })
      // an empty plan because patches failed is no plan to run (a CI job reading it would prove nothing and pass)
      const failed = plan.patches.filter(p => p.status !== 'applied')
      if (!plan.planned.length && failed.length) {
        throw new ExtractError(`no proof planned: ${failed.length} patch${failed.length === 1 ? '' : 'es'} could not be planned (${oneLine(failed[0]!.title)}: ${oneLine(failed[0]!.error ?? failed[0]!.status)})`, {
          hint: 'run the series without --list for a report of every patch',
        })
      }
      // the plan is still printed (each shard's run reports the failed patches and fails), but never silently
      if (failed.length) ctx.stderr(`klp-verify: warning: ${failed.length} patch${failed.length === 1 ? '' : 'es'} could not be planned (${oneLine(failed[0]!.title)}: ${oneLine(failed[0]!.error ?? failed[0]!.status)}); the listed proofs leave ${failed.length === 1 ? 'it' : 'them'} out, and a run of the series reports ${failed.length === 1 ? 'it' : 'them'} and exits 3`)
      // which results the cache already holds (--no-cache: not asked); never part of the split, which must not depend on one machine's cache
      const cacheDir = argv.cacheDir ? path.resolve(argv.cacheDir) : defaultCacheDir(ctx.env)
      const probed = argv.cache && !(await checkCacheDir(cacheDir)) ? await probeSeries(plan, source, cli.jobs, { ...penv, cache: openCache(cacheDir, { note: log.debug }) }) : new Map<string, { cached: boolean; ms?: number }>()
      const proofs = plan.planned.map(p => {
        const c = probed.get(p.id)
        return c ? { ...p, cached: c.cached, ...(c.ms ? { cachedMs: Math.round(c.ms) } : {}) } : p
      })
      const shards = shard ? Array.from({ length: shard.total }, (_, i) => {
        const own = proofs.filter(p => p.shard === i + 1)
        return { index: i + 1, proofs: own.length, costMs: Math.round(own.reduce((s, p) => s + (p.cost ?? 0), 0)), unknown: own.filter(p => p.cost === undefined).length, cached: own.filter(p => 'cached' in p && p.cached).length }
      }) : undefined
      const text = formatListing({ schemaVersion: 1, kind: 'series-plan', digest: plan.digest, ...(shard ? { shard: { index: shard.index, total: shard.total, source: shard.source } } : {}), proofs, ...(shards ? { shards } : {}) }, format === 'json' ? 'json' : 'text')
      await emit(text, output, ctx, 0, 'plan')
      ctx.exitCode = 0
    } finally {
      await source.cleanup()
    }
    return
  }
  // an HTML report links each proof to its harness: keep them next to the report unless told where
  const keepRoot = argv.keepHarness ?? (format === 'html' && output ? `${output.replace(/\.html?$/, '')}-harness` : undefined)
  const progress = seriesProgress({ isTTY: ctx.isTTY && Boolean(ctx.stderrRaw), write: t => (ctx.stderrRaw ?? ctx.stderr)(t) })
  let report: SeriesReport
  try {
    if (keepRoot) await mkdir(keepRoot, { recursive: true })
    const cacheDir = argv.cacheDir ? path.resolve(argv.cacheDir) : defaultCacheDir(ctx.env)
    const unusable = await checkCacheDir(cacheDir)
    if (unusable) ctx.stderr(`klp-verify: warning: cannot use the cache folder ${cacheDir} (${unusable}); every proof runs and nothing is stored (pass --cache-dir DIR)`)
    report = await runSeries(source, cli, defaults, {
      env: ctx.env,
      signal: ctx.signal,
      log,
      // --no-cache re-runs every proof and refreshes the cache with the results
      ...(unusable ? {} : { cache: openCache(cacheDir, { read: argv.cache, note: log.debug }) }),
    }, {
      onEvent: progress.onEvent,
      specs: argv.spec ?? [],
      build,
      object: argv.object ?? 'auto',
      ...(shard ? { shard } : {}),
      ...(durations ? { durations } : {}),
      ...(keepRoot ? { keep: { dir: path.resolve(keepRoot), relativeTo: path.resolve(output ? path.dirname(output) : '.') } } : {}),
    })
  } finally {
    progress.finish()
    await source.cleanup()
  }
  const diff: BaselineDiff | undefined = before ? compareWithBaseline(report.proofs, before) : undefined
  const text = formatSeries(report, format as SeriesFormat, diff)
  if (report.interrupted) ctx.stderr(`klp-verify: interrupted after ${report.proofs.length} proofs; finished proofs are cached, run the same command again to resume`)
  await emit(text, output, ctx, report.exitCode, report.shard ? `series shard ${report.shard.index}/${report.shard.total}` : 'series')
  ctx.exitCode = report.interrupted ? INTERRUPTED_EXIT : report.exitCode
}
