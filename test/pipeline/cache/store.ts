import { createHash } from 'node:crypto'
import { chmodSync, chownSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import t from 'tap'
import { cacheKey, checkCacheDir, defaultCacheDir, openCache, othersCanWrite, readEntry, renderEntry, toolFingerprint } from '../../../src/pipeline/cache/store.js'
import * as f from '../../fixtures/reports.js'

const parts = { tool: '0.1.0', cbmc: { version: '6.6.0', cbmc: 'a'.repeat(64), solvers: {} }, harnesses: ['{"files":[]}'], options: { unwind: 'auto', timeoutSec: 300 } }
const uid = process.getuid!()
const entryFile = (dir: string, k: string) => path.join(dir, k.slice(0, 2), `${k.slice(2)}.json`)

t.test('the key covers the harness, the tools\' identity, the models and the options, not their order', async t => {
  const k = cacheKey(parts)
  t.match(k, /^[0-9a-f]{64}$/)
  t.equal(cacheKey({ ...parts, options: { timeoutSec: 300, unwind: 'auto' } }), k, 'key order does not matter')
  t.not(cacheKey({ ...parts, harnesses: ['{"files":[1]}'] }), k, 'a changed harness is a new key')
  t.not(cacheKey({ ...parts, cbmc: { ...parts.cbmc, cbmc: 'b'.repeat(64) } }), k, 'another cbmc binary with the same version is a new key')
  t.not(cacheKey({ ...parts, cbmc: { ...parts.cbmc, solvers: { z3: 'c'.repeat(64) } } }), k, 'another solver is a new key')
  t.not(cacheKey({ ...parts, models: { 'm.yaml': 'd' } }), k, 'models are a new key')
  t.not(cacheKey({ ...parts, options: { unwind: 4, timeoutSec: 300 } }), k, 'other options are a new key')
  t.equal(cacheKey({ ...parts, options: { ...parts.options, x: undefined } }), k, 'an unset option is no option')
})

t.test('stored reports come back; misses, torn, edited and foreign entries are not served', async t => {
  const dir = t.testdir()
  const notes: string[] = []
  const c = openCache(dir, { note: m => notes.push(m) })
  const k = cacheKey(parts)
  t.equal(await c.get(k), undefined)
  t.same(notes, [], 'a plain miss is no news')
  await c.put(k, f.unintended)
  t.same(await c.get(k), f.unintended)
  t.same((await readdir(path.join(dir, k.slice(0, 2)))).filter(n => n.endsWith('.tmp')), [], 'no temp files left')
  t.equal(statSync(entryFile(dir, k)).mode & 0o777, 0o600, 'entries are private')
  t.equal(statSync(path.dirname(entryFile(dir, k))).mode & 0o777, 0o700, 'so are their folders')
  t.equal(await openCache(dir, { read: false }).get(k), undefined, '--no-cache never reads')

  const good = readFileSync(entryFile(dir, k), 'utf8')
  const cases: [string, string, RegExp][] = [
    ['torn', good.slice(0, 40), /header is not JSON/],
    ['torn payload', good.slice(0, good.length - 10), /sha256 does not match/],
    ['the verdict edited', good.replace('"verdict":"unintended"', '"verdict":"equivalent"').replace('"exitCode":1', '"exitCode":0'), /sha256 does not match/],
    ['a byte flipped', good.replace('msg_fill', 'msg_film'), /sha256 does not match/],
    ['no payload', good.split('\n')[0]!, /sha256 does not match/],
    ['the old format', JSON.stringify({ format: 1, key: k, report: f.equivalent }), /another format \(1, this klp-verify writes 2\)/],
    ['copied from another key', renderEntry(cacheKey({ ...parts, tool: 'x' }), f.equivalent), /records another key/],
  ]
  for (const [name, text, why] of cases) {
    notes.length = 0
    writeFileSync(entryFile(dir, k), text)
    t.equal(await c.get(k), undefined, `${name}: not served`)
    t.match(notes, [why], `${name}: a verbose note says why`)
    t.match(notes[0], `cache entry ${entryFile(dir, k)} ignored: `)
  }
  writeFileSync(entryFile(dir, k), good)
  t.same(await c.get(k), f.unintended, 'the untouched entry is served again')
  writeFileSync(entryFile(dir, k), cases[2]![1])
  t.equal(await openCache(dir).get(k), undefined, 'not served without a note function either')
})

t.test('an entry is checked as a whole: seal, key, format and a verdict that matches its exit code', async t => {
  const k = cacheKey(parts)
  t.same(readEntry(renderEntry(k, f.equivalent), k), { report: f.equivalent })
  // a well-sealed entry whose report is not a report (what a bug, not an attacker, could write)
  const sealed = (payload: string) =>
    `${JSON.stringify({ format: 2, key: k, sha256: createHash('sha256').update(`klp-verify cache 2\n${k}\n${payload}`).digest('hex') })}\n${payload}`
  t.same(readEntry(sealed(JSON.stringify({ ...f.equivalent, exitCode: 1 })), k), { problem: 'its report has no valid verdict and exit code' })
  t.same(readEntry(sealed(JSON.stringify({ ...f.equivalent, verdict: 'proved' })), k), { problem: 'its report has no valid verdict and exit code' })
  t.same(readEntry(sealed('null'), k), { problem: 'its report has no valid verdict and exit code' })
  t.same(readEntry(sealed('{'), k), { problem: 'its report is not JSON' })
})

t.test('who may write where: only this user or root, and others only into a sticky folder', async t => {
  const cases: [string, { uid: number; mode: number }, boolean, string | undefined][] = [
    ['mine, private', { uid, mode: 0o40700 }, false, undefined],
    ['mine, readable by all', { uid, mode: 0o40755 }, false, undefined],
    ['root\'s', { uid: 0, mode: 0o40755 }, false, undefined],
    ['another user\'s', { uid: uid + 4242, mode: 0o40700 }, true, `it belongs to another user (uid ${uid + 4242})`],
    ['group-writable', { uid, mode: 0o40775 }, true, 'other users can write to it (mode 0775)'],
    ['world-writable', { uid, mode: 0o40777 }, true, 'other users can write to it (mode 0777)'],
    ['world-writable file', { uid, mode: 0o100666 }, false, 'other users can write to it (mode 0666)'],
    ['sticky and world-writable, where sticky is enough', { uid: 0, mode: 0o41777 }, true, undefined],
    ['sticky and world-writable, where it is not', { uid, mode: 0o41777 }, false, 'other users can write to it (mode 1777)'],
  ]
  for (const [name, st, sticky, want] of cases) t.equal(othersCanWrite(st, uid, sticky), want, name)
  t.equal(othersCanWrite({ uid: 1, mode: 0o777 }, undefined, false), undefined, 'no uids (Windows): no ownership rules')
})

t.test('a cache folder that cannot be used, or trusted, is found before any proof runs', async t => {
  const dir = t.testdir({ 'a-file': 'x', shared: {}, sticky: {}, open: {}, 'open-parent': { cache: {} }, 'sticky-parent': { cache: {} } })
  const at = (p: string) => path.join(dir, p)
  t.equal(await checkCacheDir(at('fresh/cache')), undefined, 'created when missing')
  t.equal(statSync(at('fresh/cache')).mode & 0o777, 0o700, 'and created private')
  t.equal(await checkCacheDir(at('a-file')), 'EEXIST')
  t.equal(await checkCacheDir(at('a-file/sub')), 'ENOTDIR')
  chmodSync(at('open'), 0o777)
  t.equal(await checkCacheDir(at('open')), `other users can write to it (mode 0777): another user could plant a verdict there; make it yours alone, e.g. chmod go-w ${at('open')}`)
  chmodSync(at('shared'), 0o775)
  t.match(await checkCacheDir(at('shared')), /^other users can write to it \(mode 0775\)/, 'group-writable too')
  chmodSync(at('sticky'), 0o1777)
  t.equal(await checkCacheDir(at('sticky')), undefined, 'a sticky folder: others cannot replace what is ours, and what they add is never served')
  chmodSync(at('open-parent'), 0o777)
  t.equal(await checkCacheDir(at('open-parent/cache')), `the folder above it, ${at('open-parent')}: other users can write to it (mode 0777), so another user could replace the cache`)
  chmodSync(at('sticky-parent'), 0o1777)
  t.equal(await checkCacheDir(at('sticky-parent/cache')), undefined, 'a sticky folder above it (like /tmp) is fine')
  symlinkSync(at('open'), at('link'))
  t.match(await checkCacheDir(at('link')), /^other users can write to it \(mode 0777\).*chmod go-w .*\/open$/, 'a symlink: the folder it points to counts')
  if (uid === 0) {
    mkdirSync(at('theirs'))
    chownSync(at('theirs'), 4242, 4242)
    t.match(await checkCacheDir(at('theirs')), /^it belongs to another user \(uid 4242\)/, 'a folder of another user')
  } else {
    t.comment('not root: a folder of another user is covered by the table above')
  }
})

t.test('entries and sub-folders others own or can write to are not served', async t => {
  const dir = t.testdir()
  const notes: string[] = []
  const c = openCache(dir, { note: m => notes.push(m) })
  const k = cacheKey(parts)
  await c.put(k, f.equivalent)
  chmodSync(entryFile(dir, k), 0o666)
  t.equal(await c.get(k), undefined, 'a world-writable entry')
  t.match(notes.pop(), /ignored: it: other users can write to it \(mode 0666\)/)
  chmodSync(entryFile(dir, k), 0o600)
  chmodSync(path.dirname(entryFile(dir, k)), 0o1777)
  t.equal(await c.get(k), undefined, 'an entry in a sub-folder others can write to (sticky or not)')
  t.match(notes.pop(), /ignored: its folder: other users can write to it \(mode 1777\)/)
  chmodSync(path.dirname(entryFile(dir, k)), 0o700)
  t.same(await c.get(k), f.equivalent)
  if (uid === 0) {
    chownSync(entryFile(dir, k), 4242, 4242)
    t.equal(await c.get(k), undefined, 'an entry another user made')
    t.match(notes.pop(), /ignored: it: it belongs to another user \(uid 4242\)/)
    chownSync(entryFile(dir, k), 0, 0)
  }
  const other = cacheKey({ ...parts, tool: 'y' })
  mkdirSync(path.dirname(entryFile(dir, other)), { recursive: true })
  symlinkSync(entryFile(dir, k), entryFile(dir, other))
  t.equal(await c.get(other), undefined, 'a symlink is no entry')
  t.match(notes.pop(), /ignored: it is not a regular file/)
})

t.test('where the cache lives', async t => {
  t.equal(defaultCacheDir({ KLP_CACHE_DIR: '/x/c' }), '/x/c')
  t.equal(defaultCacheDir({ XDG_CACHE_HOME: '/x/xdg' }), '/x/xdg/klp-verify')
  t.match(defaultCacheDir({}), /\.cache\/klp-verify$/)
})

t.test('the tool fingerprint follows the built code and the templates', async t => {
  const dir = t.testdir({ dist: { 'a.js': 'one', 'a.js.map': 'x' }, templates: { 'h.c.hbs': 'T' } })
  const a = await toolFingerprint(dir)
  t.match(a, /^[0-9a-f]{16}$/)
  const { writeFile: w } = await import('node:fs/promises')
  await w(path.join(dir, 'dist', 'a.js.map'), 'changed')
  t.equal(await toolFingerprint(dir), a, 'source maps do not count')
  await w(path.join(dir, 'dist', 'a.js'), 'two')
  t.not(await toolFingerprint(dir), a, 'new code, new fingerprint')
  await w(path.join(dir, 'templates', 'h.c.hbs'), 'T2')
  t.not(await toolFingerprint(dir), a, 'new templates (built-in models among them), new fingerprint')
  t.match(await toolFingerprint(path.join(dir, 'nowhere')), /^[0-9a-f]{16}$/, 'no build: still a fingerprint')
})
