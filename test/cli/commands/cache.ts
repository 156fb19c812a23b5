import { chmodSync, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { main } from '../../../src/main.js'
import { openCache } from '../../../src/pipeline/cache/store.js'
import type { ProofReport } from '../../../src/report/types.js'

const run = async (argv: string[]) => {
  let err = ''
  const code = await main(argv, { env: {}, stdout: () => {}, stderr: s => { err += `${s}\n` }, isTTY: false })
  return { code, err }
}

t.test('cache export then import into another folder: the entries move, once', async t => {
  const dir = t.testdir({ a: {}, b: {} })
  chmodSync(dir, 0o700)
  await openCache(path.join(dir, 'a')).put('e'.repeat(64), { verdict: 'equivalent', exitCode: 0, runs: [] } as unknown as ProofReport)
  const out = path.join(dir, 'x.tar.gz')
  const ex = await run(['cache', 'export', '--cache-dir', path.join(dir, 'a'), '-o', out])
  t.equal(ex.code, 0, ex.err)
  t.match(ex.err, /exported 1 cache entries \(\d+ KiB\) to /)
  t.ok(existsSync(out) && readFileSync(out)[0] === 0x1f, 'a gzip file')
  const im = await run(['cache', 'import', out, '--cache-dir', path.join(dir, 'b')])
  t.equal(im.code, 0, im.err)
  t.match(im.err, /imported 1 cache entries, 0 already there/)
  t.match(await openCache(path.join(dir, 'b')).get('e'.repeat(64)), { verdict: 'equivalent' })
  const junk = await run(['cache', 'import', path.join(dir, 'a', 'ee', `${'e'.repeat(62)}.json`), '--cache-dir', path.join(dir, 'b')])
  t.equal(junk.code, 0, 'a damaged archive costs time, not the night')
  t.match(junk.err, /warning: .*not a tar\.gz archive of cache entries.*nothing imported/)
})

t.test('cache: usage errors and unusable folders (exit 3, error and hint)', async t => {
  const dir = t.testdir({ open: {}, file: 'x' })
  chmodSync(dir, 0o700)
  chmodSync(path.join(dir, 'open'), 0o777)
  for (const [argv, msg] of [
    [['cache'], /^error: /],
    [['cache', 'export'], /^error: Missing required argument: output/],
    [['cache', 'import'], /^error: Not enough non-option arguments/],
    [['cache', 'export', '-o', path.join(dir, 'x.tgz'), '--cache-dir', path.join(dir, 'open')], /^error: cannot use the cache folder .*open \(other users can write to it \(mode 0777\).*\nhint: pass --cache-dir DIR/],
    [['cache', 'import', path.join(dir, 'nope.tgz'), '--cache-dir', path.join(dir, 'c')], /^error: cannot read .*nope\.tgz: ENOENT\nhint: /],
    [['cache', 'export', '-o', path.join(dir, 'file', 'x.tgz'), '--cache-dir', path.join(dir, 'c')], /^error: cannot write .*: ENOTDIR\nhint: check the --output path/],
  ] as const) {
    const r = await run([...argv])
    t.equal(r.code, 3, argv.join(' '))
    t.match(r.err, msg, argv.join(' '))
  }
})
