/** `klp-verify <old.c> <new.c> --func NAME [options]` (the default command). */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs'
import { buildContextOptions, checkSingleValued, proofOptions, type Format } from '../options.js'
import type { ProofArgs } from '../../pipeline/resolve.js'
import type { CliContext } from '../context.js'

export interface VerifyArgs extends ProofArgs {
  readonly spec?: string
  readonly format: Format
  readonly output?: string
  readonly verbose?: boolean
  readonly debug?: boolean
  readonly compileCommands?: string
  readonly kconfig?: string
}

export function verifyCommand(ctx: CliContext): CommandModule<object, VerifyArgs> {
  return {
    command: '$0 <old> <new>',
    describe: 'prove that new.c changes the function exactly as claimed relative to old.c',
    builder: (y: Argv) =>
      y
        .positional('old', { type: 'string', describe: 'the C file before the patch', demandOption: true })
        .positional('new', { type: 'string', describe: 'the C file after the patch', demandOption: true })
        .options(proofOptions)
        .options(buildContextOptions)
        .check(checkSingleValued)
        .example("$0 old.c new.c --func msg_fill --buffer buf:len --intended 'len > 8 => ret == -EINVAL'", 'prove a bounds fix')
        .example('$0 old.c new.c --spec spec.yaml --format json', 'claims from a spec file, JSON report') as unknown as Argv<VerifyArgs>,
    handler: async (argv: ArgumentsCamelCase<VerifyArgs>) => {
      const { runVerify } = await import('../run-verify.js')
      await runVerify(argv, ctx)
    },
  }
}
