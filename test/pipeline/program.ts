/**
 * The harness program on disk: written, loaded by a shell stand-in for cbmc (what the load gives
 * the classifier; the readings themselves are tabled in test/classify/precheck.ts), and kept with
 * the exact commands.
 */
import { chmodSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import t, { type Test } from 'tap'
import { ToolFailureError } from '../../src/errors.js'
import type { FunctionPair } from '../../src/extract/types.js'
import type { Harness } from '../../src/harness/types.js'
import type { HarnessMode } from '../../src/model/types.js'
import { keepHarnesses, loadProgram, writeHarness } from '../../src/pipeline/program.js'
import type { Session } from '../../src/pipeline/runs.js'
import type { VerifyRequest } from '../../src/pipeline/types.js'

const harness = (mode: HarnessMode = { kind: 'equiv' }): Harness => ({
  mode, entry: 'klp_harness', files: [{ name: 'klp-harness.c', text: 'void klp_harness(void) {}\n' }, { name: 'sub dir.c', text: 'int x;\n' }],
  unwindset: [], observables: [], inputs: [], checks: 'none', bounds: [], planted: [], entryAssumptions: [],
} as unknown as Harness)

const PAIR = { func: 'f', old: { entry: 'klp_old_f' }, new: { entry: 'klp_new_f' }, referenced: ['g'] } as unknown as FunctionPair
const REQ = { unwind: 3, maxUnwind: 64, timeoutSec: 60, fwrapv: false, extraCbmcArgs: [], solver: 'auto' } as unknown as VerifyRequest

/** A session whose cbmc is a shell script printing `stdout` (and exiting with `exit`), logging its arguments. */
function session(t: Test, stdout: string, exit = 0): { s: Session; args: () => string } {
  const dir = t.testdir({
    'out.json': stdout,
    cbmc: `#!/bin/sh\necho "$@" > "$(dirname "$0")/args"\ncat "$(dirname "$0")/out.json"\nexit ${exit}\n`,
    work: {},
  })
  chmodSync(path.join(dir, 'cbmc'), 0o755)
  const s: Session = {
    tool: { cbmc: path.join(dir, 'cbmc'), version: '6.6.0', source: 'flag' }, dir: path.join(dir, 'work'),
    log: { info: () => {}, debug: () => {} }, toolMs: 0, running: 0, busySince: 0, nonlinear: 0,
  }
  return { s, args: () => readFileSync(path.join(dir, 'args'), 'utf8').trim() }
}

const listing = (fns: readonly [string, boolean][]) => JSON.stringify([{ program: 'CBMC 6.6.0' }, { functions: fns.map(([name, body]) => ({ name, isBodyAvailable: body, isInternal: false })) }])

t.test('writeHarness: every file of the harness in its folder', async t => {
  const dir = path.join(t.testdir({}), 'a', 'equiv')
  await writeHarness(dir, harness())
  t.equal(readFileSync(path.join(dir, 'klp-harness.c'), 'utf8'), 'void klp_harness(void) {}\n')
  t.equal(readFileSync(path.join(dir, 'sub dir.c'), 'utf8'), 'int x;\n')
})

t.test('loadProgram: cbmc lists the functions; the facts come back, the time is counted', async t => {
  const { s, args } = session(t, listing([['klp_harness', true], ['klp_old_f', true], ['klp_new_f', true], ['klp_old_g', false], ['h', false]]))
  t.same(await loadProgram(s, REQ, PAIR, harness(), s.dir), { status: 'loaded', missingBodies: ['g'] })
  t.equal(args(), '--function klp_harness --list-goto-functions --json-ui klp-harness.c sub dir.c')
  t.ok(s.toolMs > 0, 'tool time measured')
  t.equal(s.running, 0)
})

t.test('loadProgram: a load that cannot finish throws the reading\'s error and hint', async t => {
  const { s } = session(t, listing([['klp_old_f', true]]))
  await t.rejects(loadProgram(s, REQ, PAIR, harness(), s.dir), { constructor: ToolFailureError, message: /^the harness program lacks klp_new_f; /, hint: /klp-verify bug/ })
})

t.test('loadProgram: out of memory under a cap is a fact, not an error', async t => {
  const { s } = session(t, '', 1)
  t.same(await loadProgram(s, { ...REQ, memoryMb: 64 } as VerifyRequest, PAIR, harness(), s.dir), { status: 'out-of-memory' })
})

t.test('keepHarnesses: each mode in its folder with its command, and one script for all', async t => {
  const { s } = session(t, '')
  const root = path.join(t.testdir({}), 'kept')
  const modes: HarnessMode[] = [{ kind: 'equiv' }, { kind: 'safety', version: 'new', restrict: 'all' }]
  await keepHarnesses(s, { ...REQ, keepHarness: root } as VerifyRequest, modes.map(m => ({ mode: m, h: harness(m) })))
  const cmd = readFileSync(path.join(root, 'equiv', 'cbmc-command.txt'), 'utf8')
  t.match(cmd, new RegExp(`^# .*\\ncd equiv && ${s.tool.cbmc} .*--unwind 3 .*klp-harness\\.c 'sub dir\\.c'\\n$`))
  t.equal(readFileSync(path.join(root, 'safety-new', 'klp-harness.c'), 'utf8'), 'void klp_harness(void) {}\n')
  const script = readFileSync(path.join(root, 'run-cbmc.sh'), 'utf8').split('\n')
  t.same(script.slice(0, 4), ['#!/bin/sh', '# Re-run every cbmc proof of this klp-verify run by hand.', 'set -x', 'cd "$(dirname "$0")"'])
  t.match(script[4], /^\(cd equiv && .*\)$/)
  t.match(script[5], /^\(cd safety-new && .*\)$/)
  t.equal(statSync(path.join(root, 'run-cbmc.sh')).mode & 0o111, 0o111, 'executable')
  const auto = path.join(t.testdir({}), 'auto')
  await keepHarnesses(s, { ...REQ, unwind: 'auto', maxUnwind: 16, keepHarness: auto } as VerifyRequest, [{ mode: modes[0]!, h: harness() }])
  t.match(readFileSync(path.join(auto, 'run-cbmc.sh'), 'utf8'), /--unwind 16 /, 'auto mode keeps the deepest bound')
})
