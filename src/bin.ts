#!/usr/bin/env node
/** The executable: the only place that sets the process exit code. */
import { hideBin } from 'yargs/helpers'
import { main } from './main.js'

const controller = new AbortController()
process.once('SIGINT', () => controller.abort(new Error('interrupted')))
process.once('SIGTERM', () => controller.abort(new Error('terminated')))

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
