/** Build the yargs parser, run it, and map errors and outcomes to an exit code. */
import yargs from 'yargs'
import { hideBin } from 'yargs/helpers'
import { commands } from './cli/commands/index.js'
import type { CliContext } from './cli/context.js'
import { EXIT, InternalError, KlpError, UsageError, formatError } from './errors.js'
import { SCHEMA_VERSION } from './report/types.js'
import { TOOL_VERSION } from './version.js'

export function buildParser(argv: readonly string[], ctx: CliContext) {
  return yargs([...argv])
    .scriptName('klp-verify')
    .usage('$0 <old.c> <new.c> --func NAME [options]\n\nProve, with CBMC, that a C patch changes a function exactly as its author claims.')
    .command([...commands(ctx)])
    // nargs options take their value even if it starts with '-': --cflags '-DX -fwrapv', --cbmc-arg --trace
    .parserConfiguration({ 'nargs-eats-options': true })
    .strict()
    .recommendCommands()
    .version(TOOL_VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Exit codes: 0 equivalent/as-claimed, 1 unintended/claim-unobserved, 2 inconclusive, 3 error.')
    .fail((msg, err) => {
      // errors from handlers pass through; yargs' own (a message, or a YError from its argument parser) are usage errors
      if (err && err.name !== 'YError') throw err
      // yargs reports some problems on several lines ("Invalid values:\n  Argument: …"); keep one error line
      throw new UsageError((err?.message ?? msg).replace(/\s*\n\s*/g, ' '), { hint: 'run klp-verify --help for the options', cause: err })
    })
    .exitProcess(false)
}

/** Run the CLI; returns the exit code (bin.ts sets process.exitCode). */
export async function main(argv: readonly string[], ctx: CliContext): Promise<number> {
  const debug = argv.includes('--debug')
  try {
    let helpOrVersion = false
    const parser = buildParser(argv, ctx).showHelpOnFail(false)
    await parser.parseAsync([...argv], {}, (err, _parsed, output) => {
      if (err) throw err
      if (output) {
        helpOrVersion = true
        ctx.stdout(`${output.replace(/\n$/, '')}\n`)
      }
    })
    if (helpOrVersion) return 0
    return ctx.exitCode ?? EXIT.error
  } catch (err) {
    ctx.stderr(formatError(err, debug))
    // only our own errors choose the code: a stray error with an `exitCode` (e.g. execa's) is still a bug → 3
    const code = err instanceof KlpError ? err.exitCode : EXIT.error
    // a JSON consumer gets JSON whatever happened (the lines above stay on stderr for people)
    if (formatOf(argv) === 'json') ctx.stdout(errorJson(err, code))
    return code
  }
}

/**
 * The --format the command line asks for, read from argv itself: a usage error is found before
 * yargs has parsed anything. The last `--format X` / `--format=X` before `--` counts (twice is
 * itself a usage error, reported as text).
 */
export function formatOf(argv: readonly string[]): string | undefined {
  let format: string | undefined
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i]!
    if (a === '--format') format = argv[++i]
    else if (a.startsWith('--format=')) format = a.slice('--format='.length)
  }
  return format
}

/** An error as a JSON document: `verdict: error`, the message and hint of the `error:`/`hint:` lines, the exit code. */
export function errorJson(err: unknown, exitCode: number): string {
  const ours = err instanceof KlpError && !(err instanceof InternalError)
  const message = ours ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`
  const hint = ours ? err.hint : 'this is a bug in klp-verify; please report it with the output of --debug'
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, verdict: 'error', exitCode, message, ...(hint ? { hint } : {}) }, null, 2)}\n`
}

export { hideBin }
