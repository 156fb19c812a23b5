#!/usr/bin/env node
/** The executable: the only place that sets the process exit code. */
import { hideBin } from 'yargs/helpers'
import { main } from './main.js'

const controller = new AbortController()
// `on`, not `once`: while execa runs a child, a second listener (signal-exit's) must never find
// itself alone and re-raise the signal, which would kill node before it stops its cbmc processes.
// SIGHUP (a dropped ssh session) stops cleanly too: cbmc runs in its own process group.
for (const [sig, why] of [['SIGINT', 'interrupted'], ['SIGTERM', 'terminated'], ['SIGHUP', 'hung up']] as const) {
  process.on(sig, () => controller.abort(new Error(why)))
}

const code = await main(hideBin(process.argv), {
  env: process.env,
  stdout: t => process.stdout.write(t),
  stderr: t => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  stderrRaw: t => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
  stdoutTTY: Boolean(process.stdout.isTTY),
  signal: controller.signal,
})
process.exitCode = code
