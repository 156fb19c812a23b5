/** `klp-verify cache export|import`: move result-cache entries between machines as a .tar.gz (a CI artifact). */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs'
import type { CliContext } from '../context.js'

export interface CacheArgs {
  readonly archives?: readonly string[]
  readonly output?: string
  readonly cacheDir?: string
  readonly verbose?: boolean
  readonly debug?: boolean
}

const cacheDir = { type: 'string', nargs: 1, describe: 'the cache folder [default: $KLP_CACHE_DIR, $XDG_CACHE_HOME/klp-verify or ~/.cache/klp-verify]' } as const
const verbose = { alias: 'v', type: 'boolean', describe: 'say which entries were skipped and why' } as const

export function cacheCommand(ctx: CliContext): CommandModule<object, CacheArgs> {
  const run = (what: 'export' | 'import') => async (argv: ArgumentsCamelCase<CacheArgs>) => {
    const { runCacheCommand } = await import('../run-cache.js')
    await runCacheCommand(what, argv, ctx)
  }
  return {
    command: 'cache <command>',
    describe: 'move result-cache entries between machines: export to / import from a .tar.gz (e.g. a CI artifact)',
    builder: (y: Argv) =>
      y
        .command({
          command: 'export',
          describe: 'write every sound cache entry to a .tar.gz',
          builder: (z: Argv) => z.options({ output: { alias: 'o', type: 'string', nargs: 1, demandOption: true, describe: 'the archive to write (FILE.tar.gz)' }, 'cache-dir': cacheDir, verbose, debug: { type: 'boolean', describe: 'verbose, plus stack traces on errors' } }),
          handler: run('export'),
        })
        .command({
          command: 'import <archives..>',
          describe: 'add the entries of .tar.gz archives to the cache, each checked as a local entry is (sealed, valid verdict); others are skipped',
          builder: (z: Argv) => z.positional('archives', { type: 'string', array: true, describe: 'archives written by klp-verify cache export' }).options({ 'cache-dir': cacheDir, verbose, debug: { type: 'boolean', describe: 'verbose, plus stack traces on errors' } }),
          handler: run('import'),
        })
        .demandCommand(1, 'say what to do: klp-verify cache export -o FILE.tar.gz, or klp-verify cache import FILE.tar.gz')
        .example('$0 cache export -o klp-cache.tar.gz', 'after a CI job: the results as an artifact')
        .example('$0 cache import klp-cache.tar.gz', 'before the next night\'s run: yesterday\'s results') as unknown as Argv<CacheArgs>,
    handler: () => {},
  }
}
