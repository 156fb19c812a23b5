/** Build the yargs parser, run it, and map errors and outcomes to an exit code. */
import yargs from 'yargs'
import { hideBin } from 'yargs/helpers'
import { commands } from './cli/commands/index.js'
import type { CliContext } from './cli/context.js'
import { EXIT, UsageError, formatError } from './errors.js'
import { TOOL_VERSION } from './version.js'

export function buildParser(argv: readonly string[], ctx: CliContext) {
  return yargs([...argv])
    .scriptName('klp-verify')
    .usage('$0 <old.c> <new.c> --func NAME [options]\n\nProve, with CBMC, that a C patch changes a function exactly as its author claims.')
    .command([...commands(ctx)])
    .strict()
    .recommendCommands()
    .version(TOOL_VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Exit codes: 0 equivalent/as-claimed, 1 unintended/claim-unobserved, 2 inconclusive, 3 error.')
    .fail((msg, err) => {
      throw err ?? new UsageError(msg, { hint: 'run klp-verify --help for the options' })
    })
    .exitProcess(false)
}

/** Run the CLI; returns the exit code (bin.ts sets process.exitCode). */
export async function main(argv: readonly string[], ctx: CliContext): Promise<number> {
  const debug = argv.includes('--debug')
  try {
    let helpOrVersion = false
    const parser = buildParser(argv, ctx).showHelpOnFail(false)
    const out = await parser.parseAsync([...argv], {}, (err, _parsed, output) => {
      if (err) throw err
      if (output) {
        helpOrVersion = true
        ctx.stdout(output.endsWith('\n') ? output : `${output}\n`)
      }
    })
    void out
    if (helpOrVersion) return 0
    return ctx.exitCode ?? EXIT.error
  } catch (err) {
    ctx.stderr(formatError(err, debug))
    return err instanceof Error && 'exitCode' in err && typeof err.exitCode === 'number' ? err.exitCode : EXIT.error
  }
}

export { hideBin }
