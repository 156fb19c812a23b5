import { readdirSync, readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { Header } from 'tar'
import t from 'tap'
import { openCache, renderEntry } from '../../../src/pipeline/cache/store.js'
import { exportCache, importCache, readArchive } from '../../../src/pipeline/cache/transfer.js'

/** A hostile archive, record by record (headers encoded by the tar package), gzipped. */
function archiveOf(records: readonly { name: string; data?: string; type?: 'File' | 'SymbolicLink' | 'Directory'; linkpath?: string }[]): Buffer {
  const parts: Buffer[] = []
  for (const r of records) {
    const data = Buffer.from(r.data ?? '')
    const h = new Header({ path: r.name, type: r.type ?? 'File', size: r.type && r.type !== 'File' ? 0 : data.length, mode: 0o600, mtime: new Date(0), linkpath: r.linkpath })
    h.encode()
    parts.push(h.block!)
    if (!r.type || r.type === 'File') parts.push(data, Buffer.alloc((512 - (data.length % 512)) % 512))
  }
  parts.push(Buffer.alloc(1024))
  return gzipSync(Buffer.concat(parts))
}
import type { ProofReport } from '../../../src/report/types.js'

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
  t.same((await readArchive(readFileSync(out), 1 << 20)).files.map(f => f.name), [`aa/${'a'.repeat(62)}.json`, `bb/${'b'.repeat(62)}.json`])
  const again = path.join(dir, 'again.tar.gz')
  await exportCache(path.join(dir, 'src'), again)
  t.same(readFileSync(again), readFileSync(out), 'the same entries give the same archive')
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
  const archive = archiveOf([
    { name: `dd/${'d'.repeat(62)}.json`, data: good.replace('"unintended"', '"equivalent"').replace('"exitCode":1', '"exitCode":0') },
    { name: `ee/${'e'.repeat(62)}.json`, data: good },
    { name: `../${'f'.repeat(62)}.json`, data: good },
    { name: '/etc/cron.d/x', data: 'x' },
    { name: `ff/${'f'.repeat(62)}.json`, data: '{"format":2' },
    { name: `aa/${'a'.repeat(62)}.json`, type: 'SymbolicLink', linkpath: '/etc/passwd' },
    { name: 'bb', type: 'Directory' },
  ])
  const r = await importCache(archive, cache)
  t.equal(r.imported, 0)
  t.match(r.skipped, [/not a plain file \(SymbolicLink\)/, /not a plain file \(Directory\)/, /sha256 does not match/, /records another key/, /not a cache entry name/, /not a cache entry name/, /not JSON/])
  t.same(readdirSync(dir), [], 'nothing written')
  t.match(await importCache(Buffer.from('not gzip'), cache), { imported: 0, unreadable: /not a tar\.gz archive of cache entries/ })
})

t.test('readArchive: files over the limit are skipped, a truncated archive says so, nothing is extracted', async t => {
  const dir = t.testdir({ 'in': { 'a.json': 'x'.repeat(200), 'b.json': 'ok' } })
  symlinkSync('/etc/passwd', path.join(dir, 'in', 'link'))
  const big = archiveOf([{ name: 'a.json', data: 'x'.repeat(200) }, { name: 'b.json', data: 'ok' }])
  t.same(await readArchive(big, 100), { files: [{ name: 'b.json', data: Buffer.from('ok') }], skipped: ['a.json: larger than 100 bytes'] })
  const h = new Header({ path: 'c.json', type: 'File', size: 2000, mode: 0o600, mtime: new Date(0) })
  h.encode()
  const cut = gzipSync(Buffer.concat([h.block!, Buffer.alloc(100, 120)]))
  const r = await readArchive(cut, 4000)
  t.same(r.files, [], 'no partial file is returned')
  t.match([r.unreadable, ...r.skipped].join(' '), /truncated|unexpected end|damaged/i, `the archive is said to be cut short: ${JSON.stringify(r)}`)
  t.same(readdirSync(path.join(dir, 'in')).sort(), ['a.json', 'b.json', 'link'], 'nothing extracted next to the inputs')
})
