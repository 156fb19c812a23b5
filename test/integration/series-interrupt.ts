/**
 * Ctrl-C during a series: the real command (dist/bin.js) is interrupted while cbmc proves; it must
 * stop at once, report what finished, exit 130 and leave no cbmc (or solver) process behind.
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { ROOT, requireCbmc } from '../fixtures/integration.js'

t.before(async () => {
  await requireCbmc()
})

/** Every process below `pid` (children, grandchildren, …), from /proc. */
function descendants(pid: number): Map<number, string> {
  const parent = new Map<number, number>()
  const name = new Map<number, string>()
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      const m = /^\d+ \((.*)\) \S+ (\d+)/s.exec(stat)
      if (m) {
        parent.set(Number(d), Number(m[2]))
        // the provisioned cbmc runs under its own loader: name processes by their command line
        const argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0')
        const prog = argv.find(a => /\/(cbmc|cadical|z3|gcc|cc1)$/.test(a)) ?? m[1]!
        name.set(Number(d), path.basename(prog))
      }
    } catch {
      // gone meanwhile
    }
  }
  const out = new Map<number, string>()
  const walk = (p: number) => {
    for (const [c, pp] of parent) if (pp === p && !out.has(c)) { out.set(c, name.get(c)!); walk(c) }
  }
  walk(pid)
  return out
}

/** Running (a zombie waiting for a parent that is gone is not running). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

interface Run {
  readonly child: ReturnType<typeof spawn>
  readonly out: { stdout: string; stderr: string }
  readonly exited: Promise<number | null>
}

function start(dir: string): Run {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'bin.js'), 'series', path.join(dir, 'm.yaml'), '--solver', 'sat', '--timeout', '600', '-j', '2', '--no-replay', '--format', 'json', '--cache-dir', path.join(dir, 'cache')], { stdio: ['ignore', 'pipe', 'pipe'] })
  const out = { stdout: '', stderr: '' }
  child.stdout!.on('data', d => { out.stdout += d })
  child.stderr!.on('data', d => { out.stderr += d })
  return { child, out, exited: new Promise(resolve => child.on('exit', code => resolve(code))) }
}

t.test('Ctrl-C stops the series cleanly: no cbmc left, exit 130, the report says interrupted; a re-run resumes', async t => {
  // add1 is quick; a*b vs b*a on 32 bits keeps CaDiCaL busy for minutes, so those proofs are surely
  // running when Ctrl-C comes
  const dir = t.testdir({
    'old.c': 'unsigned add1(unsigned a) { return a + 1; }\nunsigned mul(unsigned a, unsigned b) { return a * b; }\nunsigned mul2(unsigned a, unsigned b) { return (a + 1) * b; }\n',
    'new.c': 'unsigned add1(unsigned a) { return 1 + a; }\nunsigned mul(unsigned a, unsigned b) { return b * a; }\nunsigned mul2(unsigned a, unsigned b) { return b * (a + 1); }\n',
    'm.yaml': 'entries:\n  - {old: old.c, new: new.c, functions: auto}\n',
  })
  const first = start(dir)
  // wait until add1 is done and cbmc (with its solver) runs for both slow proofs
  const seen = new Map<number, string>()
  for (let i = 0; i < 600; i++) {
    for (const [p, n] of descendants(first.child.pid!)) seen.set(p, n)
    const now = [...descendants(first.child.pid!).values()]
    if (/\[1\/3\] equivalent: add1\(\)/.test(first.out.stderr) && now.filter(n => n === 'cbmc').length >= 2 && now.includes('cadical')) break
    await sleep(100)
  }
  t.match(first.out.stderr, /\[1\/3\] equivalent: add1\(\)/, 'the quick proof finished')
  t.ok([...seen.values()].filter(n => n === 'cbmc').length >= 2, `cbmc was running (${[...seen.values()].join(', ')})`)
  t.ok([...seen.values()].includes('cadical'), 'and its SAT solver, which cbmc starts through a shell')
  await sleep(500)
  for (const [p, n] of descendants(first.child.pid!)) seen.set(p, n)

  const t0 = Date.now()
  first.child.kill('SIGINT')
  const code = await first.exited
  t.ok(Date.now() - t0 < 15_000, `stopped within seconds (${Date.now() - t0} ms), not after the proofs`)
  t.equal(code, 130, 'exit 130, as after Ctrl-C')
  await sleep(300)
  const left = [...seen].filter(([p]) => alive(p))
  t.same(left.map(([p, n]) => `${p} ${n}`), [], 'no cbmc, solver or other child process is left behind')
  t.match(first.out.stderr, /interrupted after 1 proofs; finished proofs are cached, run the same command again to resume/)
  const report = JSON.parse(first.out.stdout)
  t.match(report, { interrupted: true, exitCode: 130 })
  t.same(report.proofs.map((p: { function: string; verdict: string }) => [p.function, p.verdict]), [['add1', 'equivalent']], 'finished proofs are reported; interrupted ones are not')

  // the same command again: the finished proof comes from the cache
  const again = start(dir)
  for (let i = 0; i < 300 && !/\(cached\): add1\(\)/.test(again.out.stderr); i++) await sleep(100)
  t.match(again.out.stderr, /\[1\/3\] equivalent \(cached\): add1\(\)/, 'resumed: add1 is not proved again')
  again.child.kill('SIGINT')
  t.equal(await again.exited, 130)
  t.match(JSON.parse(again.out.stdout).proofs, [{ function: 'add1', cached: true }])
})
