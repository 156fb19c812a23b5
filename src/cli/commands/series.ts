/** `klp-verify series MANIFEST [options]`: prove every function of a patch series. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs'
import { checkSingleValued, proofOptions } from '../options.js'
import type { ProofArgs } from '../request.js'
import type { CliContext } from '../context.js'

export interface SeriesArgs extends Omit<ProofArgs, 'old' | 'new'> {
  readonly manifest: string
  readonly format: 'text' | 'json' | 'junit' | 'markdown'
  readonly output?: string
  readonly baseline?: string
  readonly verbose?: boolean
  readonly debug?: boolean
}

const { func, intended, assume, nullable, buffer, spec, format, 'keep-harness': keep, ...shared } = proofOptions
void func, intended, assume, nullable, buffer, spec, format, keep

export function seriesCommand(ctx: CliContext): CommandModule<object, SeriesArgs> {
  return {
    command: 'series <manifest>',
    describe: 'prove every function a series of patches changed (manifest: defaults + entries of old, new, functions, spec)',
    builder: (y: Argv) =>
      y
        .positional('manifest', { type: 'string', describe: 'the series manifest (YAML)', demandOption: true })
        .options({ ...shared, baseline: { type: 'string', nargs: 1, describe: 'a previous JSON report: show what changed since (new unintended differences, fixed ones, moved verdicts) first' }, format: { type: 'string', choices: ['text', 'json', 'junit', 'markdown'] as const, default: 'text', nargs: 1, describe: 'report format' } })
        .check(checkSingleValued)
        .example('$0 series nightly.yaml --format json --output report.json', 'the nightly run') as unknown as Argv<SeriesArgs>,
    handler: async (argv: ArgumentsCamelCase<SeriesArgs>) => {
      const { runSeriesCommand } = await import('../run-series.js')
      await runSeriesCommand(argv, ctx)
    },
  }
}
