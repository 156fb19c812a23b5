/**
 * The ready-to-use CI files in docs/ci: valid YAML, the engine's own shape (matrix without
 * fail-fast, `parallel:`, an Indexed Job whose completions match --shards), and every klp-verify
 * command they run exists with the options they give it (parsed by the real yargs parser, stopped
 * before the handler).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import t, { type Test } from 'tap'
import { parseAllDocuments } from 'yaml'
import { buildParser } from '../../src/main.js'
import { checkSeriesInput } from '../../src/cli/commands/series.js'
import { shardOf } from '../../src/cli/run-series.js'
import { ROOT } from '../fixtures/integration.js'

const DOCS = path.join(ROOT, 'docs', 'ci')
const load = (f: string) => parseAllDocuments(readFileSync(path.join(DOCS, f), 'utf8')).map(d => {
  if (d.errors.length) throw new Error(`${f}: ${d.errors[0]!.message}`)
  return d.toJS() as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
})

class DryRun extends Error {
  constructor(readonly argv: Record<string, unknown>) { super('dry run') }
}

/** Every `klp-verify …` command in a shell script, its variables replaced by example values. */
function invocations(script: string, vars: Record<string, string>): string[][] {
  const out: string[][] = []
  for (const line of script.split('\n')) {
    for (const m of line.matchAll(/(?:^|[\s;(])klp-verify(?= )(.*?)(?=\|\||&&|;|>>|$)/g)) {
      if (/^\s*$/.test(m[1]!)) continue // `npm install --global klp-verify`
      let text = m[1]!
      text = text.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, v: string) => vars[v] ?? `<unknown ${v}>`)
      text = text.replace(/"?\$(\w+)"?/g, (_, v: string) => vars[v] ?? `<unknown $${v}>`)
      out.push(text.trim().split(/\s+/).map(w => w.replace(/^"|"$/g, '')))
    }
  }
  return out
}

async function dryParse(t: Test, args: string[], what: string): Promise<Record<string, unknown> | undefined> {
  const ctx = { env: {}, stdout: () => {}, stderr: () => {}, isTTY: false }
  try {
    await buildParser(args, ctx).middleware(argv => { throw new DryRun(argv as Record<string, unknown>) }).parseAsync(args)
    t.fail(`${what}: klp-verify ${args.join(' ')} was not stopped before its handler`)
  } catch (err) {
    if (err instanceof DryRun) {
      t.pass(`${what}: klp-verify ${args.join(' ')}`)
      return err.argv
    }
    t.fail(`${what}: klp-verify ${args.join(' ')}: ${(err as Error).message}`)
  }
  return undefined
}

const VARS = {
  DUR: '--durations last/report.json', BASE: '--baseline last/report.json', f: 'cache-1.tar.gz', code: '0',
  'matrix.shard': '2', CI_NODE_INDEX: '2', JOB_COMPLETION_INDEX: '1',
}

t.test('GitHub Actions: plan → matrix of shards (fail-fast off) → merge into the job summary', async t => {
  const [wf] = load('github-actions.yml')
  const { plan, prove, merge } = wf!.jobs
  t.ok(plan && prove && merge, 'plan, prove and merge jobs')
  t.equal(prove.strategy['fail-fast'], false)
  t.match(prove.strategy.matrix.shard, /fromJSON\(needs\.plan\.outputs\.shards\)/)
  t.same(prove.needs, 'plan')
  t.equal(merge.if, 'always()', 'the merge runs when a shard failed, and names it missing')
  const scripts = (job: { steps: { run?: string }[] }) => job.steps.flatMap(s => (s.run ? [s.run] : [])).join('\n')
  t.match(scripts(merge), /--format markdown >> "\$GITHUB_STEP_SUMMARY"/)
  const vars = { ...VARS, SERIES: wf!.env.SERIES, SHARDS: String(wf!.env.SHARDS) }
  const all = ['plan', 'prove', 'merge'].flatMap(j => invocations(scripts(wf!.jobs[j]), vars))
  t.ok(all.length >= 8, `${all.length} klp-verify commands`)
  const seen = new Set<string>()
  for (const args of all) {
    const argv = await dryParse(t, args, 'github-actions.yml')
    seen.add(args[0]!)
    if (argv && args[0] === 'series') {
      t.equal(checkSeriesInput(argv), true)
      t.match(shardOf(argv as { shard?: string; shards?: number }, {}), { total: 4, source: '--shard' }, 'every series command names its shard')
    }
  }
  t.same([...seen].sort(), ['cache', 'merge', 'series'])
})

t.test('GitLab CI: parallel shards from CI_NODE_INDEX/CI_NODE_TOTAL, then a merge with a JUnit report', async t => {
  const [ci] = load('gitlab-ci.yml')
  const prove = ci!['klp-verify:prove']
  const merge = ci!['klp-verify:merge']
  t.equal(typeof prove.parallel, 'number')
  t.ok(prove.parallel > 1)
  t.same(ci!.stages, ['prove', 'merge'])
  t.equal(merge.when, 'always')
  t.equal(merge.artifacts.reports.junit, 'junit.xml')
  const vars = { ...VARS, SERIES: ci!.variables.SERIES }
  const all = [...prove.script, ...merge.script].flatMap((s: string) => invocations(s, vars))
  t.ok(all.length >= 7, `${all.length} klp-verify commands`)
  for (const args of all) {
    const argv = await dryParse(t, args, 'gitlab-ci.yml')
    if (argv && args[0] === 'series') {
      t.equal(checkSeriesInput(argv), true)
      t.equal(argv.shard, undefined, 'no --shard: GitLab says which')
      t.match(shardOf(argv as { shard?: string }, { CI_NODE_INDEX: '2', CI_NODE_TOTAL: String(prove.parallel) }), { index: 2, total: prove.parallel, source: /GitLab/ })
    }
  }
})

t.test('Kubernetes: an Indexed Job whose completions are --shards, and a merge Job', async t => {
  const [shards, merge] = load('kubernetes-indexed-job.yaml')
  t.equal(shards!.kind, 'Job')
  t.equal(shards!.spec.completionMode, 'Indexed')
  const script = (job: Record<string, any>) => job.spec.template.spec.containers.map((c: { args: string[] }) => c.args.join('\n')).join('\n') // eslint-disable-line @typescript-eslint/no-explicit-any
  const prove = invocations(script(shards!), VARS)
  t.equal(prove.length, 1)
  const argv = await dryParse(t, prove[0]!, 'kubernetes-indexed-job.yaml')
  t.equal(argv?.shards, shards!.spec.completions, '--shards is the Job\'s completions')
  t.match(shardOf(argv as { shards?: number }, { JOB_COMPLETION_INDEX: String(shards!.spec.completions - 1) }), { index: shards!.spec.completions, source: /Kubernetes/ })
  t.equal(merge!.kind, 'Job')
  const merges = invocations(script(merge!), VARS)
  t.ok(merges.length >= 3)
  for (const args of merges) {
    t.equal(args[0], 'merge')
    await dryParse(t, args, 'kubernetes-indexed-job.yaml (merge)')
  }
  t.match(script(merge!), new RegExp(`-ge ${shards!.spec.completions} \\]`), 'the merge waits for as many reports as there are shards')
})

t.test('the dry parse catches what is wrong', async t => {
  const failures: string[] = []
  const fake = { ...t, pass: () => {}, fail: (m: string) => { failures.push(m) } } as unknown as Test
  await dryParse(fake, ['series', '--tree', 't', '--patches', 'p', '--shard-count', '4'], 'x')
  await dryParse(fake, ['merge', 'a.json', '--format', 'pdf'], 'x')
  await dryParse(fake, ['cache', 'export'], 'x')
  t.equal(failures.length, 3, failures.join('\n'))
  t.match(failures, [/Unknown arguments?: shard-count/, /Invalid values/, /Missing required argument: output/])
  t.same(invocations('klp-verify series $NOPE', {}), [['series', '<unknown', '$NOPE>']], 'an unknown variable stays visible (and fails the parse)')
})
