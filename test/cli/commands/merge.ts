import t from 'tap'
import { main } from '../../../src/main.js'

const run = async (argv: string[]) => {
  let err = ''
  let out = ''
  const code = await main(argv, { env: {}, stdout: s => { out += s }, stderr: s => { err += `${s}\n` }, isTTY: false })
  return { code, err, out }
}

t.test('merge: bad usage and bad reports are one error line with a hint, exit 3', async t => {
  const dir = t.testdir({ 'junk.json': '{"kind":"series"', 'whole.json': JSON.stringify({ schemaVersion: 1, kind: 'series', proofs: [], patches: [] }) })
  for (const [argv, msg] of [
    [['merge'], /^error: Not enough non-option arguments/],
    [['merge', `${dir}/whole.json`, '--format', 'html'], /^error: --format html needs --output FILE\nhint: /],
    [['merge', `${dir}/nope.json`], /^error: cannot read the report .*nope\.json: ENOENT/],
    [['merge', `${dir}/junk.json`], /^error: cannot read the report .*junk\.json: .*JSON/],
    [['merge', `${dir}/whole.json`], /^error: .*whole\.json is the report of a whole run, not of a shard\nhint: merge the JSON reports of one sharded run/],
    [['merge', `${dir}/whole.json`, '--baseline', `${dir}/nope.json`], /^error: cannot read the baseline/],
  ] as const) {
    const r = await run([...argv])
    t.equal(r.code, 3, argv.join(' '))
    t.match(r.err, msg, argv.join(' '))
    t.equal(r.out, '')
  }
})
