/**
 * Building and reading objects with execa replaced (no gcc or binutils here; test/integration/object-diff.ts
 * runs the real ones): the command lines, and every way a tool can fail.
 */
import { readFileSync } from 'node:fs'
import t, { type Test } from 'tap'

type Build = typeof import('../../src/object/build.js')
interface Call { readonly file: string; readonly args: readonly string[]; readonly opts: Record<string, unknown> }
type Answer = Partial<{ exitCode: number; stdout: string; stderr: string; timedOut: boolean; failed: boolean; code: string }>

const capture = (k: string) => readFileSync(new URL(`./captures/trace/new.${k}.txt`, import.meta.url), 'utf8')

async function withExeca(t: Test, answer: (file: string, args: readonly string[]) => Answer): Promise<{ mod: Build; calls: Call[] }> {
  const calls: Call[] = []
  const mod = await t.mockImport<Build>('../../src/object/build.js', {
    execa: {
      execa: async (file: string, args: readonly string[], opts: Record<string, unknown>) => {
        calls.push({ file, args, opts })
        return { exitCode: 0, stdout: '', stderr: '', timedOut: false, failed: false, ...answer(file, args) }
      },
    },
  })
  return { mod, calls }
}

const binutils = (file: string, args: readonly string[]): Answer => {
  if (file === 'readelf') return { stdout: capture(args[0] === '-SsrW' ? 'readelf' : 'dwarf') }
  if (file === 'objdump') return { stdout: capture(args[0] === '-s' ? 'contents' : 'insns') }
  return {}
}

t.test('compileObject: the file flags (default -O2), then -g and a section per function and object', async t => {
  const { mod, calls } = await withExeca(t, () => ({}))
  const dir = t.testdir({})
  await mod.compileObject(mod.objectTools('gcc'), `${dir}/x.c`, `${dir}/out/x.o`)
  await mod.compileObject(mod.objectTools('gcc'), `${dir}/x.c`, `${dir}/out/y.o`, ['-O1', '-pg', '-mfentry'])
  t.same(calls[0]!.args, ['-O2', '-g', '-ffunction-sections', '-fdata-sections', '-c', `${dir}/x.c`, '-o', `${dir}/out/x.o`])
  t.same(calls[1]!.args.slice(0, 4), ['-O1', '-pg', '-mfentry', '-g'])
  t.equal(calls[0]!.opts.cwd, dir, 'run in the file\'s folder')
  t.equal(calls[0]!.opts.reject, false)
  t.equal((calls[0]!.opts.env as Record<string, string>).TMPDIR, `${dir}/out`, 'gcc\'s temporary files beside the object')
  t.equal(calls[0]!.opts.detached, true, 'its own process group')
})

t.test('readObject: readelf once for headers, objdump for the allocated sections and the code, readelf for DWARF', async t => {
  const { mod, calls } = await withExeca(t, binutils)
  const facts = await mod.readObject(mod.objectTools('gcc'), 'x.o')
  t.same(calls.map(c => [c.file, c.args[0]]), [['readelf', '-SsrW'], ['objdump', '-s'], ['objdump', '-d'], ['readelf', '--debug-dump=info']])
  t.ok(calls[1]!.args.includes('.text.quiet') && !calls[1]!.args.includes('.debug_info'), 'only allocated sections are dumped')
  t.ok(calls[2]!.args.includes('--insn-width=16'))
  t.ok(facts.contents.has('.text.loud'))
  t.same(facts.insns.get('.text.quiet'), [0, 3])
  t.ok(facts.dwarf.inlined.has('loud'))
})

t.test('readObject: an object with no allocated sections runs no objdump', async t => {
  const { mod, calls } = await withExeca(t, (file, args) => ({ stdout: file === 'readelf' && args[0] === '-SsrW' ? 'Section Headers:\n' : '' }))
  const facts = await mod.readObject(mod.objectTools('gcc'), 'x.o')
  t.same(calls.map(c => c.file), ['readelf', 'readelf'])
  t.equal(facts.contents.size, 0)
})

t.test('failures: a missing tool, a compile error; an abort stops at once', async t => {
  const cases: [Answer, RegExp, RegExp][] = [
    [{ failed: true, code: 'ENOENT', exitCode: undefined as unknown as number }, /^gcc not found$/, /install binutils and gcc/],
    [{ exitCode: 1, stderr: 'x.c: In function f:\nx.c:1:1: error: expected ; before }\n' }, /^gcc failed: x\.c:1:1: error: expected ; before }$/, /run it by hand.*gcc -O2/],
    [{ exitCode: 1, stderr: 'something odd\n' }, /^gcc failed: something odd$/, /run it by hand/],
    [{ exitCode: 1, stderr: '/tmp/error-case/x.c: In function f:\nerror: bad flag\n' }, /^gcc failed: error: bad flag$/, /run it by hand/],
  ]
  for (const [answer, message, hint] of cases) {
    const { mod } = await withExeca(t, () => answer)
    await t.rejects(mod.compileObject(mod.objectTools('gcc'), 'x.c', `${t.testdir({})}/x.o`), { message, hint }, String(message))
  }
  const { mod } = await withExeca(t, () => ({}))
  const ac = new AbortController()
  ac.abort(new Error('stop'))
  await t.rejects(mod.readObject(mod.objectTools('gcc', ac.signal), 'x.o'), { message: 'stop' })
})
