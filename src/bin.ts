#!/usr/bin/env node
/** The executable: the only place that sets the process exit code. */
import { hideBin } from 'yargs/helpers'
import { InterruptedError, SIGNAL_NUMBER, type StopSignal } from './errors.js'
import { main } from './main.js'

const controller = new AbortController()
// `on`, not `once`: while execa runs a child, a second listener (signal-exit's) must never find
// itself alone and re-raise the signal, which would kill node before it stops its cbmc processes.
// SIGHUP (a dropped ssh session) stops cleanly too: cbmc runs in its own process group.
// The abort reason is an InterruptedError: whatever is running (gcc, cbmc, the extraction between
// its steps) stops and throws it, temp folders are removed on the way out, and the exit code is
// 128 + the signal's number (130, 143, 129). A second signal exits at once.
for (const sig of Object.keys(SIGNAL_NUMBER) as StopSignal[]) {
  process.on(sig, () => {
    if (controller.signal.aborted) process.exit(128 + SIGNAL_NUMBER[sig])
    controller.abort(new InterruptedError(sig))
  })
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
const reason: unknown = controller.signal.reason
process.exitCode = controller.signal.aborted && reason instanceof InterruptedError ? reason.exitCode : code
// stopped by a signal: nothing may keep node alive past its cleanup (a child that ignores SIGTERM
// gets SIGKILL from execa; this is the last resort)
if (controller.signal.aborted) setTimeout(() => process.exit(), 1000).unref()
