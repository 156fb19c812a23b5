import t from 'tap'
import { checkSeriesInput } from '../../../src/cli/commands/series.js'
import { main } from '../../../src/main.js'

t.test('exactly one series input', async t => {
  t.equal(checkSeriesInput({ manifest: 'm.yaml' }), true)
  t.equal(checkSeriesInput({ git: '.', range: 'a..b' }), true)
  t.equal(checkSeriesInput({ tree: 't', patches: 'p' }), true)
  t.throws(() => checkSeriesInput({}), { message: 'no series given', hint: /MANIFEST, or --git REPO --range BASE\.\.TIP, or --tree DIR --patches DIR/, exitCode: 3 })
  t.throws(() => checkSeriesInput({ manifest: 'm', git: '.', range: 'a..b' }), { message: 'give one series input, not MANIFEST and --git/--range' })
  t.throws(() => checkSeriesInput({ git: '.' }), { message: '--git and --range go together' })
  t.throws(() => checkSeriesInput({ patches: 'p' }), { message: '--tree and --patches go together' })
})

t.test('bad series usage: one error line, a hint, exit 3', async t => {
  const run = async (argv: string[]) => {
    let err = ''
    const code = await main(argv, { env: {}, stdout: () => {}, stderr: s => { err += s }, isTTY: false })
    return { code, err }
  }
  const none = await run(['series'])
  t.equal(none.code, 3)
  t.match(none.err, /^error: no series given\nhint: /)
  const html = await run(['series', '--tree', '.', '--patches', '.', '--format', 'html'])
  t.equal(html.code, 3)
  t.match(html.err, /^error: --format html needs --output FILE/)
})

t.test('--list, --shard and --shards: bad usage is caught before any work', async t => {
  const run = async (argv: string[], env: Record<string, string> = {}) => {
    let err = ''
    const code = await main(argv, { env, stdout: () => {}, stderr: s => { err += s }, isTTY: false })
    return { code, err }
  }
  const base = ['series', '--tree', '.', '--patches', '.']
  for (const [argv, env, msg] of [
    [[...base, '--list', '--format', 'junit'], {}, /^error: --list prints text or json, not junit\nhint: /],
    [[...base, '--shard', '0/2'], {}, /^error: --shard "0\/2" is not a shard I\/N\nhint: write --shard I\/N/],
    [[...base, '--shard', '1/2', '--shards', '2'], {}, /^error: --shard and --shards do not go together/],
    [[...base, '--shards', '2'], {}, /^error: --shards needs JOB_COMPLETION_INDEX/],
    [[...base], { CI_NODE_INDEX: '5', CI_NODE_TOTAL: '4' }, /^error: CI_NODE_INDEX=5 is above CI_NODE_TOTAL=4/],
    [[...base, '--durations', '/nonexistent/last.json'], {}, /^error: cannot read the durations \/nonexistent\/last\.json: ENOENT/],
  ] as const) {
    const r = await run([...argv], env)
    t.equal(r.code, 3, argv.join(' '))
    t.match(r.err, msg, argv.join(' '))
  }
})
