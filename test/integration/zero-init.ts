/**
 * -ftrivial-auto-var-init=zero (CONFIG_INIT_STACK_ALL_ZERO) against the real cbmc: an infoleak fix
 * (harnesses/infoleak-auto-init: new memsets the struct it copies to user space) is a real
 * difference in a build without the flag, and no difference in a build with it, where gcc zeroes
 * old's uninitialised struct, padding included. goto-cc ignores the flag, so without the model the
 * proof would report a leak the shipped kernel does not have.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import t from 'tap'
import { requireCbmc, runCase } from '../fixtures/integration.js'

const CASE = 'infoleak-auto-init'

t.before(async () => {
  await requireCbmc()
})

/** Every file under `dir`, read. */
const allText = (dir: string): string =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter(e => e.isFile()).map(e => readFileSync(path.join(e.parentPath, e.name), 'utf8')).join('\n')

t.test('without the flag, the uninitialised padding and speed old copies out are a difference', async t => {
  const { res, report } = await runCase(CASE)
  t.equal(report.verdict, 'unintended', report.summary)
  t.equal(res.code, 1)
  t.same([...new Set(report.differences.map(d => d.observable))], ['calls'])
  t.ok(report.differences.some(d => d.values.some(v => v.what === 'calls (bytes passed or copied out differ)')), 'in the bytes copy_to_user copies out')
})

t.test('with -ftrivial-auto-var-init=zero, old\'s struct starts zeroed: equivalent', async t => {
  const keep = mkdtempSync(path.join(tmpdir(), 'klp-zero-init-'))
  t.teardown(() => rmSync(keep, { recursive: true, force: true }))
  const { res, report } = await runCase(CASE, ['--cflags', '-ftrivial-auto-var-init=zero', '--keep-harness', keep])
  t.equal(report.verdict, 'equivalent', `${report.summary} ${report.errors.join('; ')}`)
  t.equal(res.code, 0)
  t.ok(report.unwinding.complete, 'every unwinding assertion held')
  t.ok(report.bounds.some(b => b.value === '-ftrivial-auto-var-init=zero'), 'the report names the flag')
  // the harness text is what the proof cache keys on: the flag changes it
  const text = allText(keep)
  t.match(text, /struct link_info info = \{\};/, 'the local got a zero initializer')
  t.match(text, /long ret = \{0\};/, 'a scalar local too')
})

t.test('the last -ftrivial-auto-var-init wins, as in gcc', async t => {
  const { report } = await runCase(CASE, ['--cflags', '-ftrivial-auto-var-init=zero -ftrivial-auto-var-init=uninitialized'])
  t.equal(report.verdict, 'unintended', report.summary)
})
