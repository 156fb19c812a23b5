/**
 * The harness program on disk: writing it, checking with cbmc that both versions really are in it
 * (and which functions have no body), and keeping it with its exact commands for the user.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { buildListFunctionsArgs } from '../cbmc/args.js'
import { parseCbmcJson, parseGotoFunctions } from '../cbmc/parse.js'
import { runCbmc } from '../cbmc/run.js'
import { signalCause } from '../classify/job.js'
import { ToolFailureError } from '../errors.js'
import type { FunctionPair } from '../extract/types.js'
import { modeLabel, modeName } from '../harness/render.js'
import { ENTRY, PREFIX } from '../harness/markers.js'
import type { Harness, HarnessMode } from '../harness/types.js'
import type { VerifyRequest } from './types.js'
import { argsFor, commandLine, invocation, timed, type Session } from './runs.js'

export async function writeHarness(dir: string, h: Harness): Promise<void> {
  await mkdir(dir, { recursive: true })
  await Promise.all(h.files.map(f => writeFile(path.join(dir, f.name), f.text)))
}


/** Both versions must really be in the program (a silently shadowed copy would prove old ≡ old). */
export async function checkProgram(s: Session, req: VerifyRequest, pair: FunctionPair, h: Harness, dir: string): Promise<string[] | 'timeout' | 'out-of-memory'> {
  const argv = buildListFunctionsArgs(h.files.map(f => f.name), h.entry)
  const run = await timed(s, () => runCbmc(invocation(s, req, dir, argv)))
  if (run.termination === 'timeout') return 'timeout'
  // under a --memory cap cbmc may not even load (the loader cannot map it) or parse the program
  if (req.memoryMb !== undefined && run.exitCode !== 0 && (!run.stdout.trim() || /out of memory|bad_alloc|cannot allocate memory/i.test(run.stdout + run.stderr))) return 'out-of-memory'
  // a cbmc that died of a signal did not judge the code: say what stopped it
  if (run.termination === 'exited' && run.signal && !/bad_alloc|out of memory/i.test(run.stderr)) {
    const { error, hint } = signalCause(run.signal)
    throw new ToolFailureError(`${error} while building the harness for ${pair.func}()`, { hint })
  }
  if (run.termination === 'spawn-failed' || run.termination === 'max-buffer') {
    throw new ToolFailureError(`cbmc could not run to build the harness for ${pair.func}() (${run.termination})${run.error ? `: ${run.error}` : ''}`, { hint: 'check that the cbmc klp-verify found (--cbmc, $KLP_CBMC) runs' })
  }
  const fns = parseGotoFunctions(run.stdout)
  if (!Array.isArray(fns)) {
    const parsed = parseCbmcJson(run.stdout)
    const errs = parsed.messages.filter(m => m.type === 'ERROR').map(m => `${m.location?.file ? `${path.basename(m.location.file)}:${m.location.line ?? '?'}: ` : ''}${m.text}`)
    throw new ToolFailureError(`cbmc cannot build the harness for ${pair.func}(): ${errs.slice(0, 3).join('; ') || fns.reason}`, {
      hint: errs.some(e => /klp-harness/.test(e)) ? 'this is likely a klp-verify bug: re-run with --keep-harness DIR and report it' : 'CBMC\'s C front end rejected the code; check -D/-I/--cflags, or simplify the construct',
    })
  }
  const has = (n: string) => fns.some(f => f.name === n && f.isBodyAvailable)
  const reached = new Set(pair.referenced)
  for (const e of [pair.old.entry, pair.new.entry]) {
    if (!has(e)) throw new ToolFailureError(`the harness program lacks ${e}; the two versions did not both get linked`, { hint: 'this is a klp-verify bug: re-run with --keep-harness DIR and report it' })
  }
  return fns
    .filter(f => !f.isBodyAvailable && !f.isInternal && !f.name.startsWith('__CPROVER') && f.name !== ENTRY)
    .map(f => f.name.replace(new RegExp(`^(${PREFIX.old}|${PREFIX.new})`), ''))
    .filter((n, i, a) => a.indexOf(n) === i)
    // only what the proved code can reach: the file's other functions may call anything
    .filter(n => reached.has(n))
    .sort()
}


export async function keepHarnesses(s: Session, req: VerifyRequest, hs: readonly { mode: HarnessMode; h: Harness }[]): Promise<void> {
  const root = path.resolve(req.keepHarness!)
  const lines: string[] = ['#!/bin/sh', '# Re-run every cbmc proof of this klp-verify run by hand.', 'set -x', 'cd "$(dirname "$0")"']
  for (const { mode, h } of hs) {
    const d = path.join(root, modeName(mode))
    await writeHarness(d, h)
    const unwind = req.unwind === 'auto' ? req.maxUnwind : req.unwind
    const cmd = commandLine(s, req, h, argsFor(s, req, h, unwind))
    await writeFile(path.join(d, 'cbmc-command.txt'), `# ${modeLabel(mode)}\ncd ${modeName(mode)} && ${cmd}\n`)
    lines.push(`(cd ${modeName(mode)} && ${cmd})`)
  }
  await writeFile(path.join(root, 'run-cbmc.sh'), lines.join('\n') + '\n', { mode: 0o755 })
}
