/** The verify command's work, loaded lazily (tree-sitter, cbmc) once arguments are valid. */
import { writeFile } from 'node:fs/promises'
import { loadProofSpec } from '../config/load.js'
import { UsageError, oneLine } from '../errors.js'
import { verify } from '../pipeline/verify.js'
import { renderReport } from '../report/index.js'
import { checkProofArgs, resolveProofOptions } from '../pipeline/resolve.js'
import { cliLogger, type CliContext } from './context.js'
import type { VerifyArgs } from './commands/verify.js'

export async function runVerify(argv: VerifyArgs, ctx: CliContext): Promise<void> {
  // the command line first, before the spec file is read
  const checked = checkProofArgs(argv)
  const spec = argv.spec ? await loadProofSpec(argv.spec, [argv.old, argv.new]) : undefined
  const log = cliLogger(ctx, Boolean(argv.verbose || argv.debug))
  // the old file's compile command (--compile-commands, --kconfig, or its configured kernel tree)
  const { contextPlatform, contextSummary, newTreeFlags, resolveBuildContext, withContextFlags } = await import('../kbuild/index.js')
  const build = await resolveBuildContext(argv, ctx.env, msg => log.info(msg), checked.cflags.length > 0)
  const cli = withContextFlags(checked, build)
  // the new file in its own tree's headers, to see type changes there (the proof reads it in the old tree's)
  const own = build && newTreeFlags(build, argv.new)
  const req = {
    oldPath: argv.old, newPath: argv.new, ...resolveProofOptions(cli, {}, spec), ...(build && { buildContext: contextSummary(build), cbmcPlatform: contextPlatform(build) }),
    ...(own && { newTypeCflags: [...own, ...checked.cflags] }),
  }
  // the object-level analysis (live patch contents and hazards) alongside the proof, unless --object off
  const { verifyWithLivePatch } = await import('../pipeline/livepatch.js')
  // one gcc -E per file for the proof and the object step's source index
  const preprocessMemo = new Map()
  const live = { mode: argv.object ?? 'auto', accept: spec?.['accept-hazards'] ?? [], memo: preprocessMemo, ...(ctx.signal ? { signal: ctx.signal } : {}) }
  const report = await verifyWithLivePatch(req, live, r => verify(r, {
    env: ctx.env,
    signal: ctx.signal,
    log,
    preprocessMemo,
  }))
  const rendered = renderReport(argv.format, report, { color: (ctx.stdoutTTY ?? ctx.isTTY) && !argv.output && argv.format === 'text' && !ctx.env.NO_COLOR })
  const text = `${rendered.replace(/\n$/, '')}\n`
  if (argv.output) {
    try {
      await writeFile(argv.output, text)
    } catch (err) {
      throw new UsageError(`cannot write the report: ${(err as Error).message}`, { hint: 'check the path given to --output (its directory must exist)', cause: err })
    }
    ctx.stderr(`klp-verify: ${report.verdict} — report written to ${oneLine(argv.output)}`)
  } else {
    ctx.stdout(text)
  }
  ctx.exitCode = report.exitCode
}
