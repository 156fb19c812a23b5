/**
 * The object build's processes end with it: a gcc stand-in that starts a child holding the output open
 * (as cc1 does when it reads a FIFO) is ended, child and all, by an abort and by the timeout.
 */
import { chmodSync, existsSync, readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import t, { type Test } from 'tap'
import { compileObject, objectTools } from '../../src/object/build.js'

/** A "gcc" whose child sleeps for a minute and writes its pid where the test can find it. */
function stuckGcc(t: Test): { gcc: string; pidFile: string; dir: string } {
  const dir = t.testdir({ 'gcc.sh': '#!/bin/sh\nsleep 60 &\necho $! > "$(dirname "$0")/child.pid"\nwait\n', 'x.c': 'int x;\n' })
  const gcc = `${dir}/gcc.sh`
  chmodSync(gcc, 0o755)
  return { gcc, pidFile: `${dir}/child.pid`, dir }
}

async function childPid(pidFile: string): Promise<number> {
  for (let i = 0; i < 100 && !existsSync(pidFile); i++) await sleep(50)
  return Number(readFileSync(pidFile, 'utf8'))
}

/** Running: it exists and is not a zombie waiting for whoever adopted it to reap it. */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

t.test('an abort ends gcc and its children at once', async t => {
  const { gcc, pidFile, dir } = stuckGcc(t)
  const ac = new AbortController()
  const started = Date.now()
  const build = compileObject(objectTools(gcc, ac.signal), `${dir}/x.c`, `${dir}/x.o`)
  const pid = await childPid(pidFile)
  t.ok(alive(pid), 'the child runs')
  ac.abort(new Error('the proof failed'))
  await t.rejects(build, { message: 'the proof failed' })
  t.ok(Date.now() - started < 10_000, 'the build returned without waiting for the child')
  await sleep(100)
  t.notOk(alive(pid), 'the child is gone')
})

t.test('the time limit ends gcc and its children, and says so', async t => {
  const { gcc, pidFile, dir } = stuckGcc(t)
  const build = compileObject({ ...objectTools(gcc), compileMs: 500 }, `${dir}/x.c`, `${dir}/x.o`)
  const pid = await childPid(pidFile)
  await t.rejects(build, { message: /^gcc\.sh did not finish within 0\.5 s$/, hint: /fewer jobs/ })
  await sleep(100)
  t.notOk(alive(pid), 'the child is gone')
})
