import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import t from 'tap'
import { openCache, renderEntry } from '../../src/pipeline/cache.js'
import { exportCache, importCache } from '../../src/pipeline/cache-transfer.js'
import { readTar, writeTar } from '../../src/series/tar.js'
import type { ProofReport } from '../../src/report/types.js'

const report = (verdict: 'equivalent' | 'unintended'): ProofReport => ({ verdict, exitCode: verdict === 'equivalent' ? 0 : 1, runs: [], summary: verdict } as unknown as ProofReport)
const key = (c: string) => c.repeat(64)

t.test('export → import: sound entries move, each checked as a local read is', async t => {
  const dir = t.testdir({ src: {}, dst: {} })
  const src = openCache(path.join(dir, 'src'))
  await src.put(key('a'), report('equivalent'))
  await src.put(key('b'), report('unintended'))
  // a tampered entry (the report edited, the seal not) and a stray file are left out of the archive
  mkdirSync(path.join(dir, 'src', 'cc'))
  writeFileSync(path.join(dir, 'src', 'cc', `${'c'.repeat(62)}.json`), renderEntry(key('c'), report('unintended')).replace('"unintended"', '"equivalent"').replace('"exitCode":1', '"exitCode":0'))
  writeFileSync(path.join(dir, 'src', 'cc', 'notes.txt'), 'x')
  const out = path.join(dir, 'c.tar.gz')
  const ex = await exportCache(path.join(dir, 'src'), out)
  t.equal(ex.entries, 2)
  t.match(ex.skipped, [/^cc\/c+\.json: its sha256 does not match/])
  t.same(readTar(gunzipSync(readFileSync(out)), 1 << 20).files.map(f => f.name), [`aa/${'a'.repeat(62)}.json`, `bb/${'b'.repeat(62)}.json`])
  const dst = openCache(path.join(dir, 'dst'))
  t.same(await importCache(readFileSync(out), dst), { imported: 2, present: 0, skipped: [] })
  t.same(await dst.get(key('a')), report('equivalent'))
  t.same(await importCache(readFileSync(out), dst), { imported: 0, present: 2, skipped: [] }, 'a second import changes nothing')
  t.same(readdirSync(path.join(dir, 'dst', 'aa')), [`${'a'.repeat(62)}.json`], 'no temp file left')
})

t.test('import refuses what a local read would: tampered, copied under another key, odd names, links', async t => {
  const dir = t.testdir()
  const cache = openCache(dir)
  const good = renderEntry(key('d'), report('unintended'))
  const archive = gzipSync(writeTar([
    { name: `dd/${'d'.repeat(62)}.json`, data: Buffer.from(good.replace('"unintended"', '"equivalent"').replace('"exitCode":1', '"exitCode":0')) },
    { name: `ee/${'e'.repeat(62)}.json`, data: Buffer.from(good) },
    { name: `../${'f'.repeat(62)}.json`, data: Buffer.from(good) },
    { name: '/etc/cron.d/x', data: Buffer.from('x') },
    { name: `ff/${'f'.repeat(62)}.json`, data: Buffer.from('{"format":2') },
  ]))
  const r = await importCache(archive, cache)
  t.equal(r.imported, 0)
  t.match(r.skipped, [/sha256 does not match/, /records another key/, /not a cache entry name/, /not a cache entry name/, /not JSON/])
  t.same(readdirSync(dir), [], 'nothing written')
  t.match(await importCache(Buffer.from('not gzip'), cache), { imported: 0, unreadable: /not a gzip archive/ })
})
