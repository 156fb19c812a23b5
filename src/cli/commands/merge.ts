/** `klp-verify merge REPORT.json…`: the reports of a sharded series run as one report. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs'
import type { CliContext } from '../context.js'
import { SERIES_FORMATS } from './series.js'

export interface MergeArgs {
  readonly reports: readonly string[]
  readonly format: (typeof SERIES_FORMATS)[number]
  readonly output?: string
  readonly baseline?: string
  readonly verbose?: boolean
  readonly debug?: boolean
}

export function mergeCommand(ctx: CliContext): CommandModule<object, MergeArgs> {
  return {
    command: 'merge <reports..>',
    describe: 'merge the JSON reports of a sharded series run (series --shard I/N) into one report, as if one machine ran it all',
    builder: (y: Argv) =>
      y
        .positional('reports', { type: 'string', array: true, describe: 'the shards\' JSON reports (klp-verify series --shard I/N --format json)' })
        .options({
          format: { type: 'string', choices: SERIES_FORMATS, default: 'text', nargs: 1, describe: 'report format (html needs --output)' },
          output: { alias: 'o', type: 'string', nargs: 1, describe: 'write the report to FILE instead of stdout' },
          baseline: { type: 'string', nargs: 1, describe: 'a previous JSON report: show what changed since first' },
          verbose: { alias: 'v', type: 'boolean', describe: 'say which shards were merged' },
          debug: { type: 'boolean', describe: 'verbose, plus stack traces on errors' },
        })
        .example('$0 merge shard-*.json --format junit -o junit.xml', 'one JUnit file of every shard\'s proofs')
        .example('$0 merge shard-*.json --baseline last-night.json --format markdown', 'a pull-request comment') as unknown as Argv<MergeArgs>,
    handler: async (argv: ArgumentsCamelCase<MergeArgs>) => {
      const { runMergeCommand } = await import('../run-merge.js')
      await runMergeCommand(argv, ctx)
    },
  }
}
