/** The series command's work, loaded lazily. */
import { readFile, writeFile } from 'node:fs/promises'
import { compareWithBaseline, renderBaselineText, type BaselineDiff, type ProofKey } from '../series/baseline.js'
import { UsageError } from '../errors.js'
import { runSeries, renderSeriesText } from '../pipeline/series.js'
import { loadManifest } from '../series/manifest.js'
import { renderSeriesJunit, renderSeriesMarkdown } from '../report/series.js'
import { cliLogger, type CliContext } from './context.js'
import type { SeriesArgs } from './commands/series.js'

export async function runSeriesCommand(argv: SeriesArgs, ctx: CliContext): Promise<void> {
  const manifest = await loadManifest(argv.manifest)
  const verbose = Boolean(argv.verbose || argv.debug)
  const { manifest: _m, format, output, verbose: _v, debug: _d, ...cli } = argv as SeriesArgs & Record<string, unknown>
  void _m, _v, _d
  const picked = Object.fromEntries(Object.entries(cli).filter(([k]) => !k.includes('-') && k !== '_' && k !== '$0'))
  const report = await runSeries(manifest, picked, {
    env: ctx.env,
    signal: ctx.signal,
    log: cliLogger(ctx, verbose),
  })
  let diff: BaselineDiff | undefined
  if (argv.baseline) {
    let before: { proofs?: ProofKey[] }
    try {
      before = JSON.parse(await readFile(argv.baseline, 'utf8')) as { proofs?: ProofKey[] }
    } catch (err) {
      throw new UsageError(`cannot read the baseline ${argv.baseline}: ${(err as Error).message.split('\n')[0]}`, { hint: 'pass a report written by klp-verify series --format json', cause: err })
    }
    if (!Array.isArray(before.proofs)) throw new UsageError(`${argv.baseline} is not a klp-verify series JSON report`, { hint: 'pass a report written by klp-verify series --format json' })
    diff = compareWithBaseline(report.proofs, before.proofs)
  }
  const withDiff = diff ? { ...report, baseline: diff } : report
  const text = format === 'json' ? `${JSON.stringify(withDiff, null, 2)}\n`
    : format === 'junit' ? renderSeriesJunit(report)
    : format === 'markdown' ? renderSeriesMarkdown(report)
    : `${diff ? renderBaselineText(diff) : ''}${renderSeriesText(report)}`
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
  ctx.exitCode = report.exitCode
}
