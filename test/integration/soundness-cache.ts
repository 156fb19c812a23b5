/**
 * Soundness, class 5 of issue #8: cache entries are not trusted blindly. An entry made with another
 * cbmc or solver (same version string, other bytes) is never served; an entry edited on disk is
 * re-proved; a cache folder other users can write to is not used (one warning line), and entries
 * others own or can write to are ignored. Every case runs `klp-verify series` through the real CLI on
 * a pair that differs natively and checks that the difference is found, not a cached `equivalent`.
 */
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import t, { type Test } from 'tap'
import { openCache } from '../../src/pipeline/cache/store.js'
import { requireCbmc } from '../fixtures/integration.js'
import { DIFFERING, assertNotForged, nativeDiffers, sandbox, type Box, type SandboxRun } from '../fixtures/soundness.js'

let CBMC = ''
t.before(async () => {
  CBMC = await requireCbmc()
})

const MANIFEST = 'entries:\n  - old: old.c\n    new: new.c\n    functions: [f]\n'
const SERIES = ['series', 'm.yaml', '--unwind', '1', '--format', 'json']
/** Differs for x == 7 only, without a signed overflow (so a solver that lies about the comparison hides it all). */
const DIFFERS_AT_7 = { old: DIFFERING.old, new: 'int f(int x)\n{\n\tif (x == 7)\n\t\treturn 0;\n\treturn x;\n}\n' }

/** The one proof of a series report, with its verdict and whether it came from the cache. */
function proof(r: SandboxRun): { verdict?: string; cached?: boolean } {
  return r.json?.proofs?.[0] ?? {}
}

/** A real difference, found by a proof that ran (not served from the cache). */
function assertFoundAgain(t: Test, r: SandboxRun): void {
  t.equal(r.code, 1, `exit 1 (unintended); stderr: ${r.stderr}`)
  t.equal(proof(r).verdict, 'unintended', 'the difference is found')
  t.equal(proof(r).cached, false, 'by a proof that ran, not a cached verdict')
  assertNotForged(t, r)
}

/** Every entry file in the cache folder. */
function entries(box: Box): string[] {
  const out: string[] = []
  for (const d of readdirSync(box.cache, { withFileTypes: true })) {
    if (!d.isDirectory()) continue
    for (const f of readdirSync(path.join(box.cache, d.name))) if (f.endsWith('.json')) out.push(path.join(box.cache, d.name, f))
  }
  return out
}

/** Write an executable script into the box's scratch space. */
function script(box: Box, rel: string, text: string): string {
  const file = path.join(box.scratch, rel)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text, { mode: 0o755 })
  return file
}

async function differingBox(t: Test, pair: { old: string; new: string } = DIFFERING, call = 'printf("%d\\n", f(7));'): Promise<Box> {
  const box = await sandbox(t, { 'old.c': pair.old, 'new.c': pair.new, 'm.yaml': MANIFEST })
  t.ok(await nativeDiffers(box, 'old.c', 'new.c', 'f', call), 'the pair differs when run natively')
  return box
}

/**
 * An honest proof fills the cache with `unintended`; then an attacker who can write to the cache
 * folder replaces the entry with a perfectly sealed `equivalent` under the same key (the key is
 * computable by anyone who runs the same proof). Only the folder's permissions stand in the way.
 */
async function plantForgedEntry(t: Test, box: Box): Promise<string> {
  const honest = await box.run(SERIES)
  t.equal(proof(honest).verdict, 'unintended', `the honest proof finds the difference; stderr: ${honest.stderr}`)
  const [file, ...more] = entries(box)
  t.same(more, [], 'one entry')
  const text = readFileSync(file!, 'utf8')
  const entry = JSON.parse(text.split('\n')[0]!) as { key: string; report?: Record<string, unknown> }
  const report = entry.report ?? (JSON.parse(text.slice(text.indexOf('\n') + 1)) as Record<string, unknown>)
  await openCache(box.cache).put(entry.key, { ...report, verdict: 'equivalent', exitCode: 0, differences: [], summary: 'no behavioral difference' } as never)
  return file!
}

t.test('the issue\'s example: an equivalent made by another cbmc (same version) is not served to the real one', async t => {
  const box = await differingBox(t)
  // a stand-in that runs the real cbmc and turns every result into SUCCESS but the entry-reachability
  // witness (a liar that knows klp-verify checks that one: a plain all-SUCCESS answer is an error now)
  const fake = script(box, 'fake/cbmc', `#!${process.execPath}
const { spawnSync } = require('node:child_process')
const r = spawnSync(${JSON.stringify(CBMC)}, process.argv.slice(2), { encoding: 'utf8', maxBuffer: 1 << 28 })
let out = r.stdout || ''
try {
  const items = JSON.parse(out)
  for (const it of items) for (const p of it.result || []) if (!/^KLP_ENTRY/.test(p.description)) { p.status = 'SUCCESS'; delete p.trace }
  out = JSON.stringify(items, null, 2)
} catch {}
process.stdout.write(out)
process.stderr.write(r.stderr || '')
process.exit(r.status ?? 1)
`)
  const forged = await box.run([...SERIES, '--cbmc', fake])
  t.equal(proof(forged).verdict, 'equivalent', `the fake cbmc makes the pair look equivalent; stderr: ${forged.stderr}`)
  t.equal(forged.json?.proofs?.[0]?.report?.cbmc?.version, '6.6.0 (cbmc-6.6.0)', 'and prints the real version')
  t.equal(entries(box).length, 1, 'its verdict is in the cache')
  await box.assertClean(t)

  const real = await box.run(SERIES)
  assertFoundAgain(t, real)
  await box.assertClean(t)
  const again = await box.run(SERIES)
  t.same([proof(again).verdict, proof(again).cached], ['unintended', true], 'the real verdict is cached and served (the cache still works)')

  const viaEnv = await box.run(SERIES, { env: { KLP_CBMC: fake } })
  t.same([proof(viaEnv).verdict, proof(viaEnv).cached], ['equivalent', true], 'the fake cbmc (here via KLP_CBMC) gets its own entry back, nobody else\'s')
  const realAgain = await box.run(SERIES)
  t.same([proof(realAgain).verdict, proof(realAgain).cached], ['unintended', true], 'and the real one its own')
  assertNotForged(t, realAgain)
  await box.assertClean(t)
})

t.test('another solver behind the same cbmc: an entry made with one cadical is not served to another', async t => {
  // (a cadical that simply lies no longer forges equivalent by itself: the entry witness must be
  // found, and a liar that answers once honestly cannot choose which property that answer decides)
  const box = await differingBox(t, DIFFERS_AT_7)
  // a cbmc folder of one's own: the cbmc wrapper and, next to it, the cadical it uses
  const cbmc = script(box, 'tools/cbmc', `#!/bin/sh\nexec ${CBMC} "$@"\n`)
  const cadical = (text: string) => script(box, 'tools/cadical', text)
  const real = path.join(path.dirname(CBMC), 'cadical')
  cadical(`#!/bin/sh\n# solver A\nexec ${real} "$@"\n`)
  const first = await box.run([...SERIES, '--cbmc', cbmc])
  assertFoundAgain(t, first)
  const served = await box.run([...SERIES, '--cbmc', cbmc])
  t.same([proof(served).verdict, proof(served).cached], ['unintended', true], 'the same solver gets its entry back')
  cadical(`#!/bin/sh\n# solver B, same size and version, other bytes\nexec ${real} "$@"\n`)
  const other = await box.run([...SERIES, '--cbmc', cbmc])
  assertFoundAgain(t, other)
  await box.assertClean(t)
})

t.test('--solver z3 with another z3, and another --cbmc-arg list: never the other entry', async t => {
  const box = await differingBox(t, DIFFERS_AT_7)
  const cbmc = script(box, 'tools/cbmc', `#!/bin/sh\nexec ${CBMC} "$@"\n`)
  script(box, 'tools/cadical', `#!/bin/sh\nexec ${path.join(path.dirname(CBMC), 'cadical')} "$@"\n`)
  const z3 = (text: string) => script(box, 'tools/z3', text)
  // z3 decides only the comparison runs (safety runs, where the entry witness lives, stay on SAT):
  // a z3 that always answers unsat hides every difference
  z3('#!/bin/sh\necho unsat\n')
  const lying = await box.run([...SERIES, '--cbmc', cbmc, '--solver', 'z3'])
  t.equal(proof(lying).verdict, 'equivalent', `a z3 that answers unsat makes the pair look equivalent; stderr: ${lying.stderr}`)
  z3(`#!/bin/sh\nexec ${path.join(path.dirname(CBMC), 'z3')} "$@"\n`)
  assertFoundAgain(t, await box.run([...SERIES, '--cbmc', cbmc, '--solver', 'z3']))
  await box.assertClean(t)

  const withArgs = await box.run([...SERIES, '--cbmc', cbmc, '--solver', 'z3', '--cbmc-arg', '--verbosity', '--cbmc-arg', '9'])
  assertFoundAgain(t, withArgs)
  const sat = await box.run([...SERIES, '--cbmc', cbmc, '--solver', 'sat'])
  assertFoundAgain(t, sat)
  await box.assertClean(t)
})

t.test('an entry edited on disk (verdict → equivalent) is re-proved, never served', async t => {
  const box = await differingBox(t)
  const first = await box.run(SERIES)
  t.equal(proof(first).verdict, 'unintended', first.stderr)
  const [file] = entries(box)
  const text = readFileSync(file!, 'utf8')
  const edited = text.replace(/"verdict":"unintended"/g, '"verdict":"equivalent"').replace(/"exitCode":1/g, '"exitCode":0')
  t.not(edited, text, 'the entry holds the verdict')
  writeFileSync(file!, edited)
  const r = await box.run([...SERIES, '--verbose'])
  assertFoundAgain(t, r)
  t.match(r.stderr, /cache entry .* ignored: its sha256 does not match its content \(corrupted or edited\); the proof runs again/, 'a verbose note says why')
  t.not(readFileSync(file!, 'utf8'), edited, 'the edited entry is replaced by the real result')
  const served = await box.run(SERIES)
  t.same([proof(served).verdict, proof(served).cached], ['unintended', true])

  // an entry copied over another proof's (a valid seal, another key): not served either
  const other = await box.run([...SERIES, '--max-size', '3'])
  t.equal(proof(other).cached, false)
  const files = entries(box)
  t.equal(files.length, 2)
  writeFileSync(file!, readFileSync(files.find(f => f !== file)!, 'utf8').replace(/"verdict":"unintended"/g, '"verdict":"equivalent"'))
  const copied = await box.run([...SERIES, '--verbose'])
  assertFoundAgain(t, copied)
  t.match(copied.stderr, /cache entry .* ignored: /)
  await box.assertClean(t)
})

t.test('a cache folder other users can write to is not used: one warning line, no entry served from it', async t => {
  const warning = (box: Box) => new RegExp(`^klp-verify: warning: cannot use the cache folder ${box.cache.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(other users can write to it \\(mode (0777|0775|1777)\\): another user could plant a verdict there; make it yours alone, e\\.g\\. chmod go-w .*\\); every proof runs and nothing is stored`, 'm')
  for (const mode of [0o777, 0o775]) {
    const box = await differingBox(t)
    const file = await plantForgedEntry(t, box)
    chmodSync(box.cache, mode)
    const r = await box.run(SERIES)
    assertFoundAgain(t, r)
    t.match(r.stderr, warning(box), `mode ${mode.toString(8)}: the warning names the folder and why`)
    t.equal(r.stderr.split('\n').filter(l => l.includes('warning:')).length, 1, 'once')
    t.match(readFileSync(file, 'utf8'), /"verdict":"equivalent"/, 'nothing is stored there either (the planted entry is left as it was)')
    await box.assertClean(t)
  }
})

t.test('entries another user owns or can write to are ignored, even in a usable (sticky) folder', async t => {
  const box = await differingBox(t)
  const file = await plantForgedEntry(t, box)
  chmodSync(path.dirname(file), 0o777)
  const r = await box.run([...SERIES, '--verbose'])
  assertFoundAgain(t, r)
  t.match(r.stderr, /cache entry .* ignored: its folder: other users can write to it \(mode 0777\)/)
  await box.assertClean(t)

  const sticky = await differingBox(t)
  const planted = await plantForgedEntry(t, sticky)
  chmodSync(sticky.cache, 0o1777)
  if (process.getuid?.() === 0) {
    // what another user would leave in a shared (sticky, world-writable) folder: their own files
    chownSync(planted, 4242, 4242)
    chownSync(path.dirname(planted), 4242, 4242)
  } else {
    chmodSync(planted, 0o666)
  }
  const s = await sticky.run([...SERIES, '--verbose'])
  assertFoundAgain(t, s)
  t.notMatch(s.stderr, /warning: cannot use the cache folder/, 'a sticky folder is used')
  t.match(s.stderr, /cache entry .* ignored: (it|its folder): (it belongs to another user \(uid 4242\)|other users can write to it)/)
  await sticky.assertClean(t)
})

t.test('a cache folder of another user is not used', async t => {
  if (process.getuid?.() !== 0) {
    t.comment('only root can give a folder to another user; the rule is tested in test/pipeline/cache/store.ts')
    return
  }
  const box = await differingBox(t)
  await plantForgedEntry(t, box)
  chownSync(box.cache, 4242, 4242)
  const r = await box.run(SERIES)
  assertFoundAgain(t, r)
  t.match(r.stderr, /^klp-verify: warning: cannot use the cache folder .* \(it belongs to another user \(uid 4242\): another user could plant a verdict there/m)
  await box.assertClean(t)
})
