import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { childrenCpuMs, runCbmc, withMemoryCap } from '../../src/cbmc/run.js'

const FAKE = fileURLToPath(new URL('../fixtures/bin/fake-cbmc.mjs', import.meta.url))
const JSON_DIR = fileURLToPath(new URL('../fixtures/cbmc-json/6.6/', import.meta.url))
const FAIL_JSON = join(JSON_DIR, 'assert-fail.json')

t.test('exit 10 with JSON on stdout is data, not an error', async t => {
  const argv = ['--exit', '10', '--emit', FAIL_JSON, '--stderr', 'warning: x\n']
  const run = await runCbmc({ cbmc: FAKE, argv })
  t.equal(run.termination, 'exited')
  t.equal(run.exitCode, 10)
  t.equal(run.signal, null)
  t.equal(run.stdout, readFileSync(FAIL_JSON, 'utf8'), 'stdout verbatim, final newline kept')
  t.equal(run.stderr, 'warning: x\n')
  t.same(run.argv, argv)
  t.equal(run.command, `${FAKE} --exit 10 --emit ${FAIL_JSON} --stderr 'warning: x\\n'`)
  t.equal(run.error, undefined)
  t.ok(run.durationMs >= 0)
})

t.test('exit 0 with no output', async t => {
  const run = await runCbmc({ cbmc: FAKE, argv: [] })
  t.match(run, { termination: 'exited', exitCode: 0, signal: null, stdout: '', stderr: '' })
})

t.test('cwd is passed to the process', async t => {
  const run = await runCbmc({ cbmc: FAKE, argv: ['--emit', 'pass.json'], cwd: JSON_DIR })
  t.equal(run.exitCode, 0)
  t.equal(run.stdout, readFileSync(join(JSON_DIR, 'pass.json'), 'utf8'))
})

t.test('timeout kills a hanging process', async t => {
  const run = await runCbmc({ cbmc: FAKE, argv: ['--hang'], timeoutMs: 300 })
  t.match(run, { termination: 'timeout', exitCode: null, signal: 'SIGTERM' })
})

t.test('abort signal cancels the process', async t => {
  const ac = new AbortController()
  const pending = runCbmc({ cbmc: FAKE, argv: ['--hang'], signal: ac.signal })
  ac.abort()
  const run = await pending
  t.match(run, { termination: 'cancelled', exitCode: null, signal: 'SIGTERM' })
})

t.test('death by signal is recorded as an exit with a signal', async t => {
  for (const sig of ['SIGKILL', 'SIGTERM', 'SIGSEGV']) {
    const run = await runCbmc({ cbmc: FAKE, argv: ['--emit', FAIL_JSON, '--kill-self', sig] })
    t.match(run, { termination: 'exited', exitCode: null, signal: sig }, sig)
    t.equal(run.stdout, readFileSync(FAIL_JSON, 'utf8'), `${sig}: output before death kept`)
  }
})

t.test('output larger than maxBuffer', async t => {
  const run = await runCbmc({ cbmc: FAKE, argv: ['--emit', FAIL_JSON] }, { maxBuffer: 100 })
  t.equal(run.termination, 'max-buffer')
  t.equal(run.stdout.length, 100, 'stdout cut at the limit')
  t.equal(run.error, 'cbmc wrote more than 0 MB of output, the cap klp-verify reads; a smaller --unwind or --max-size keeps traces shorter')
})

t.test('the environment: PATH with a solver folder first, TMPDIR for cbmc\'s temporary files', async t => {
  const probe = ['-c', 'echo "$PATH"; echo "$TMPDIR"']
  const run = await runCbmc({ cbmc: '/bin/sh', argv: probe, pathPrepend: '/opt/z3', tmpDir: '/tmp/klp-x' })
  const [pathVar, tmp] = run.stdout.split('\n')
  t.ok(pathVar!.startsWith('/opt/z3:'), pathVar)
  t.equal(tmp, '/tmp/klp-x')
  const plain = await runCbmc({ cbmc: '/bin/sh', argv: probe })
  t.equal(plain.stdout.split('\n')[0], process.env.PATH, 'PATH as it is')
})

t.test('spawn failures', async t => {
  t.test('missing executable', async t => {
    const run = await runCbmc({ cbmc: '/nonexistent/klp/cbmc', argv: ['x.c'] })
    t.match(run, { termination: 'spawn-failed', exitCode: null, signal: null, stdout: '', stderr: '' })
    t.match(run.error, /ENOENT/)
    t.equal(run.command, '/nonexistent/klp/cbmc x.c')
  })
  t.test('file without execute permission', async t => {
    const dir = t.testdir({ cbmc: '#!/bin/sh\nexit 0\n' })
    const run = await runCbmc({ cbmc: join(dir, 'cbmc'), argv: [] })
    t.equal(run.termination, 'spawn-failed')
    t.match(run.error, /EACCES/)
  })
})

t.test('a memory cap is an address-space limit on the process itself', async t => {
  const run = await runCbmc({ cbmc: '/bin/sh', argv: ['-c', 'ulimit -v; echo "$$"'], memoryMb: 64 })
  t.equal(run.exitCode, 0)
  t.equal(run.stdout.split('\n')[0], String(64 * 1024), 'limit in KiB')
  t.same(withMemoryCap({ cbmc: 'cbmc', argv: ['a.c'] }), ['cbmc', ['a.c']], 'no cap: cbmc is run directly')
  const [file, args] = withMemoryCap({ cbmc: '/p/cbmc', argv: ['a c.c', '--x'], memoryMb: 1.5 })
  t.equal(file, '/bin/sh')
  t.same(args.slice(2), ['sh', '1536', '/p/cbmc', 'a c.c', '--x'], 'arguments passed as they are, never through a shell line')
  const hang = await runCbmc({ cbmc: FAKE, argv: ['--hang'], timeoutMs: 300, memoryMb: 4096 })
  t.match(hang, { termination: 'timeout', signal: 'SIGTERM' }, 'the timeout still reaches cbmc (the shell execs it)')
})

t.test('CPU time of waited-for children, their own children included (/proc/self/stat cutime + cstime)', async t => {
  t.equal(childrenCpuMs('1 (a b) c) S 1 1 1 0 -1 0 0 0 0 0 5 6 150 25 20 0 1 0'), 1750, 'fields 16 and 17 after the last ), in 1/100 s')
  t.equal(childrenCpuMs('1 (x) S 1'), undefined, 'too short: not known')
  const before = childrenCpuMs()
  if (before === undefined) throw new Error('no /proc/self/stat on this system')
  // a grandchild that burns CPU and is waited for by its parent, as a solver is by cbmc
  const burn = 'while (process.cpuUsage().user < 300000);'
  await runCbmc({ cbmc: process.execPath, argv: ['-e', `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(burn)}])`] })
  const spent = childrenCpuMs()! - before
  t.ok(spent >= 250, `the grandchild's busy time is counted (${spent} ms)`)
})
