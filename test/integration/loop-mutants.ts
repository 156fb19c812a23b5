/**
 * Mutants of the loop cases (issue #12): each mutation of a new.c is first shown to differ from old.c
 * by running both natively (gcc, random inputs), then klp-verify must call it `unintended` — never
 * `equivalent`, whatever the loop proof tries.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import type { ProofReport } from '../../src/report/types.js'
import { HARNESSES, requireCbmc, runCli } from '../fixtures/integration.js'

t.setTimeout(900_000)

t.before(async () => {
  await requireCbmc()
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' })
  } catch {
    throw new Error('these tests need gcc on PATH (apt-get install gcc)')
  }
})

interface Case {
  readonly name: string
  /** C that calls old_f and new_f on random inputs and exits 1 when they ever differ. */
  readonly driver: string
  readonly mutants: readonly (readonly [string, string])[]
}

const RAND = 'static unsigned long long x = 88172645463325252ull; static unsigned long long rnd(void) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; }'
const CASES: readonly Case[] = [
  {
    name: 'loop-pointer-walk',
    driver: `${RAND}
unsigned int old_f(const unsigned char *, unsigned int); unsigned int new_f(const unsigned char *, unsigned int);
int main(void) { unsigned char b[16]; for (int k = 0; k < 5000; k++) { unsigned n = rnd() % 17; for (int i = 0; i < 16; i++) b[i] = rnd() % 4 ? rnd() : 0; if (old_f(b, n) != new_f(b, n)) return 1; } return 0; }`,
    mutants: [
      ['while (p != end)', 'while (p + 1 < end)'],
      ['sum += *p++;', 'sum += *p++ + 1;'],
      ['unsigned int sum = 0;', 'unsigned int sum = 1;'],
      ['sum += *p++;', 'sum ^= *p++;'],
      ['sum += *p++;', 'sum += (unsigned char)(*p++ + 1) - 1;'],
    ],
  },
  {
    name: 'loop-exit-test-moved',
    driver: `${RAND}
unsigned int old_f(unsigned int); unsigned int new_f(unsigned int);
int main(void) { for (int k = 0; k < 5000; k++) { unsigned n = rnd() % 40; if (old_f(n) != new_f(n)) return 1; } return 0; }`,
    mutants: [
      ['if (i >= n)', 'if (i > n)'],
      ['s += i;', 's += i * 2;'],
      ['s += i;', 's += i ^ 1;'],
      ['if (i >= n)', 'if (i + 1 >= n)'],
    ],
  },
  {
    name: 'loop-unrolled-by-two',
    driver: `${RAND}
unsigned int old_f(const unsigned char *, unsigned long); unsigned int new_f(const unsigned char *, unsigned long);
int main(void) { unsigned char b[16]; for (int k = 0; k < 5000; k++) { unsigned long n = rnd() % 17; for (int i = 0; i < 16; i++) b[i] = rnd(); if (old_f(b, n) != new_f(b, n)) return 1; } return 0; }`,
    mutants: [
      ['if (i < len)', 'if (i + 2 < len)'],
      ['sum += buf[i] + buf[i + 1];', 'sum += buf[i] + buf[i];'],
      ['i += 2', 'i += 3'],
    ],
  },
  {
    name: 'loop-cond-side-effect',
    driver: `${RAND}
unsigned long old_f(const unsigned short *, unsigned long); unsigned long new_f(const unsigned short *, unsigned long);
int main(void) { unsigned short w[12]; for (int k = 0; k < 5000; k++) { unsigned long n = rnd() % 13; for (int i = 0; i < 12; i++) w[i] = rnd() % 3 ? rnd() : 0; if (old_f(w, n) != new_f(w, n)) return 1; } return 0; }`,
    mutants: [
      ['w[n] != 0', 'w[n] != 1'],
      ['n++;', 'n += 2;'],
      ['unsigned long n = 0;', 'unsigned long n = 0;\n\tif (max) max--;'],
    ],
  },
]

for (const c of CASES) {
  t.test(`${c.name}: every mutant that differs natively is unintended`, async t => {
    const dir = t.testdir({})
    const src = path.join(HARNESSES, c.name)
    const func = /^function: (\w+)/m.exec(readFileSync(path.join(src, 'spec.yaml'), 'utf8'))![1]!
    const base = readFileSync(path.join(src, 'new.c'), 'utf8')
    writeFileSync(path.join(dir, 'driver.c'), c.driver)
    for (const [k, [from, to]] of c.mutants.entries()) {
      t.ok(base.includes(from), `mutant ${k}: '${from}' is in new.c`)
      const file = path.join(dir, `mutant-${k}.c`)
      writeFileSync(file, base.replace(from, to))
      const exe = path.join(dir, `m${k}`)
      // old and the mutant, each under its own name, in one program
      execFileSync('gcc', ['-O0', '-w', '-c', '-o', path.join(dir, `o${k}.o`), `-D${func}=old_f`, path.join(src, 'old.c')])
      execFileSync('gcc', ['-O0', '-w', '-c', '-o', path.join(dir, `n${k}.o`), `-D${func}=new_f`, file])
      execFileSync('gcc', ['-O0', '-w', '-o', exe, path.join(dir, 'driver.c'), path.join(dir, `o${k}.o`), path.join(dir, `n${k}.o`)])
      let differs = false
      try {
        execFileSync(exe, { stdio: 'ignore' })
      } catch {
        differs = true
      }
      t.ok(differs, `mutant ${k} (${to.replace(/\n/g, ' ')}): differs from old natively`)
      const res = await runCli([path.join(src, 'old.c'), file, '--spec', path.join(src, 'spec.yaml'), '--format', 'json'])
      const report = JSON.parse(res.stdout) as ProofReport
      t.equal(report.verdict, 'unintended', `mutant ${k} (${to.replace(/\n/g, ' ')}): ${report.summary}`)
      t.not(report.unwinding.kind, 'unbounded')
    }
  })
}
