/** The merge command's work, loaded lazily: read the shards' reports, merge, render. */
import { readFile } from 'node:fs/promises'
import { UsageError } from '../errors.js'
import { compareWithBaseline } from '../series/baseline.js'
import { mergeSeriesReports } from '../series/merge.js'
import { formatSeries } from '../report/series-format.js'
import type { CliContext } from './context.js'
import type { MergeArgs } from './commands/merge.js'
import { emit, readBaseline } from './run-series.js'

export async function runMergeCommand(argv: MergeArgs, ctx: CliContext): Promise<void> {
  if (argv.format === 'html' && !argv.output) throw new UsageError('--format html needs --output FILE', { hint: 'e.g. --format html --output report.html' })
  const before = argv.baseline ? await readBaseline(argv.baseline) : undefined
  const files = await Promise.all(argv.reports.map(async name => {
    let report: unknown
    try {
      report = JSON.parse(await readFile(name, 'utf8'))
    } catch (err) {
      throw new UsageError(`cannot read the report ${name}: ${(err as Error).message.split('\n')[0]}`, { hint: 'pass the JSON reports of klp-verify series --shard I/N --format json', cause: err })
    }
    return { name, report }
  }))
  const merged = mergeSeriesReports(files)
  if (argv.verbose || argv.debug) ctx.stderr(`klp-verify: merged ${files.length} shard reports: ${merged.proofs.length} proofs${merged.missing ? `, ${merged.missing.proofs.length} missing` : ''}`)
  if (merged.missing) ctx.stderr(`klp-verify: warning: ${merged.missing.shards.length ? `shard ${merged.missing.shards.join(', ')} missing` : 'a shard stopped early'}: ${merged.missing.proofs.length} proofs did not run (${merged.missing.proofs.slice(0, 5).map(p => `${p.function}()`).join(', ')}${merged.missing.proofs.length > 5 ? ', …' : ''})`)
  const text = formatSeries(merged, argv.format, before ? compareWithBaseline(merged.proofs, before) : undefined)
  await emit(text, argv.output, ctx, merged.exitCode, 'merge')
  ctx.exitCode = merged.exitCode
}
