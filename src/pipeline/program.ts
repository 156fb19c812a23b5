/**
 * The harness program on disk: writing it, loading it with cbmc (the facts the classifier reads:
 * both versions linked, which functions have no body), and keeping it with its exact commands for the user.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { buildListFunctionsArgs } from '../cbmc/args.js'
import { runCbmc } from '../cbmc/run.js'
import { readProgramLoad, type LoadFacts } from '../classify/precheck.js'
import { ToolFailureError } from '../errors.js'
import type { FunctionPair } from '../extract/types.js'
import { modeLabel, modeName } from '../harness/render.js'
import type { Harness } from '../harness/types.js'
import type { HarnessMode } from '../model/types.js'
import type { VerifyRequest } from './types.js'
import { argsFor, commandLine, invocation, timed, type Session } from './runs.js'

export async function writeHarness(dir: string, h: Harness): Promise<void> {
  await mkdir(dir, { recursive: true })
  await Promise.all(h.files.map(f => writeFile(path.join(dir, f.name), f.text)))
}

/**
 * Load the harness program with cbmc (`--list-goto-functions`) and record what happened; the
 * classifier reads the run (both versions linked? which functions lack a body?). A load that
 * failed for reasons other than the code's size or time is an error, not a verdict.
 */
export async function loadProgram(s: Session, req: VerifyRequest, pair: FunctionPair, h: Harness, dir: string): Promise<LoadFacts> {
  const argv = buildListFunctionsArgs(h.files.map(f => f.name), h.entry, [], [], req.cbmcPlatform)
  const run = await timed(s, () => runCbmc(invocation(s, req, dir, argv)))
  // an abort (Ctrl-C, SIGTERM) that stopped cbmc is the reason, not the load cbmc could not finish
  s.signal?.throwIfAborted()
  const load = readProgramLoad(run, { func: pair.func, entries: [pair.old.entry, pair.new.entry], referenced: pair.referenced, capped: req.memoryMb !== undefined })
  if (load.status === 'failed') throw new ToolFailureError(load.error, { hint: load.hint })
  return load
}

export async function keepHarnesses(s: Session, req: VerifyRequest, hs: readonly { mode: HarnessMode; h: Harness }[]): Promise<void> {
  const root = path.resolve(req.keepHarness!)
  const lines: string[] = ['#!/bin/sh', '# Re-run every cbmc proof of this klp-verify run by hand.', 'set -x', 'cd "$(dirname "$0")"']
  for (const { mode, h } of hs) {
    const d = path.join(root, modeName(mode))
    await writeHarness(d, h)
    const unwind = req.unwind === 'auto' ? req.maxUnwind : req.unwind
    const cmd = commandLine(s, argsFor(s, req, h, unwind))
    await writeFile(path.join(d, 'cbmc-command.txt'), `# ${modeLabel(mode)}\ncd ${modeName(mode)} && ${cmd}\n`)
    lines.push(`(cd ${modeName(mode)} && ${cmd})`)
  }
  await writeFile(path.join(root, 'run-cbmc.sh'), lines.join('\n') + '\n', { mode: 0o755 })
}
