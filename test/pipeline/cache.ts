import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import t from 'tap'
import { cacheKey, checkCacheDir, defaultCacheDir, openCache, toolFingerprint } from '../../src/pipeline/cache.js'
import * as f from '../fixtures/reports.js'

const parts = { tool: '0.1.0', cbmc: '6.6.0', harnesses: [[{ name: 'h.c', text: 'int main(){}' }]], options: { unwind: 'auto', timeoutSec: 300 } }

t.test('the key covers the harness, cbmc and the options, not their order', async t => {
  const k = cacheKey(parts)
  t.match(k, /^[0-9a-f]{64}$/)
  t.equal(cacheKey({ ...parts, options: { timeoutSec: 300, unwind: 'auto' } }), k, 'key order does not matter')
  t.not(cacheKey({ ...parts, harnesses: [[{ name: 'h.c', text: 'int main(){ }' }]] }), k, 'a changed harness is a new key')
  t.not(cacheKey({ ...parts, cbmc: '6.7.0' }), k, 'another cbmc is a new key')
  t.not(cacheKey({ ...parts, options: { unwind: 4, timeoutSec: 300 } }), k, 'other options are a new key')
  t.equal(cacheKey({ ...parts, options: { ...parts.options, x: undefined } }), k, 'an unset option is no option')
})

t.test('stored reports come back; misses, torn and foreign entries are misses', async t => {
  const dir = t.testdir()
  const c = openCache(dir)
  const k = cacheKey(parts)
  t.equal(await c.get(k), undefined)
  await c.put(k, f.equivalent)
  t.same(await c.get(k), f.equivalent)
  t.same((await readdir(path.join(dir, k.slice(0, 2)))).filter(n => n.endsWith('.tmp')), [], 'no temp files left')
  t.equal(await openCache(dir, { read: false }).get(k), undefined, '--no-cache never reads')
  await writeFile(path.join(dir, k.slice(0, 2), `${k.slice(2)}.json`), '{"format":1,"key":"')
  t.equal(await c.get(k), undefined, 'a torn entry is a miss')
  const other = cacheKey({ ...parts, cbmc: 'x' })
  await c.put(other, f.unintended)
  await writeFile(path.join(dir, k.slice(0, 2), `${k.slice(2)}.json`), JSON.stringify({ format: 1, key: other, report: f.unintended }))
  t.equal(await c.get(k), undefined, 'an entry stored under another key is a miss')
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
  t.match(await toolFingerprint(path.join(dir, 'nowhere')), /^[0-9a-f]{16}$/, 'no build: still a fingerprint')
})

t.test('a cache folder that cannot be used is found before any proof runs', async t => {
  const dir = t.testdir({ 'a-file': 'x' })
  t.equal(await checkCacheDir(path.join(dir, 'fresh', 'cache')), undefined, 'created when missing')
  t.equal(await checkCacheDir(path.join(dir, 'a-file')), 'EEXIST')
  t.equal(await checkCacheDir(path.join(dir, 'a-file', 'sub')), 'ENOTDIR')
})
