import t from 'tap'
import { MIN_CBMC_MAJOR, meetsMinimum, parseCbmcVersion } from '../../src/cbmc/version.js'

t.test('parseCbmcVersion reads the first non-empty line', async (t) => {
  const cases: [string, string, ReturnType<typeof parseCbmcVersion>][] = [
    ['release', '6.6.0 (cbmc-6.6.0)\n', { major: 6, minor: 6, patch: 0, text: '6.6.0 (cbmc-6.6.0)' }],
    ['old 5.x', '5.95.1 (cbmc-5.95.1)\n', { major: 5, minor: 95, patch: 1, text: '5.95.1 (cbmc-5.95.1)' }],
    ['no patch', '5.10 (cbmc-5.10)', { major: 5, minor: 10, patch: 0, text: '5.10 (cbmc-5.10)' }],
    ['git build', '6.4.1 (cbmc-6.4.1-5-g3d9f9c5)', { major: 6, minor: 4, patch: 1, text: '6.4.1 (cbmc-6.4.1-5-g3d9f9c5)' }],
    ['banner', 'CBMC version 5.12 64-bit x86_64 linux', { major: 5, minor: 12, patch: 0, text: 'CBMC version 5.12 64-bit x86_64 linux' }],
    ['leading blank lines, v prefix', '\n  \n v7.0.2\nmore', { major: 7, minor: 0, patch: 2, text: 'v7.0.2' }],
    ['empty', '', null],
    ['only whitespace', ' \n\t\n', null],
    ['not a version', 'Usage: cbmc [-?] [-h] [--help]', null],
    ['version not on first line', 'hello\n6.6.0', null],
  ]
  for (const [name, stdout, want] of cases) t.same(parseCbmcVersion(stdout), want, name)
})

t.test('meetsMinimum compares major, then minor', async (t) => {
  const cases: [string, { major: number; minor: number }, number, number | undefined, boolean][] = [
    ['6.0 >= 6', { major: 6, minor: 0 }, 6, undefined, true],
    ['6.6 >= 6', { major: 6, minor: 6 }, 6, undefined, true],
    ['7.0 >= 6', { major: 7, minor: 0 }, 6, undefined, true],
    ['5.95 < 6', { major: 5, minor: 95 }, 6, undefined, false],
    ['6.3 < 6.4', { major: 6, minor: 3 }, 6, 4, false],
    ['6.4 >= 6.4', { major: 6, minor: 4 }, 6, 4, true],
    ['7.0 >= 6.4', { major: 7, minor: 0 }, 6, 4, true],
  ]
  for (const [name, v, major, minor, want] of cases) t.equal(meetsMinimum(v, major, minor), want, name)
})

t.test('the supported minimum is CBMC 6', async (t) => {
  t.equal(MIN_CBMC_MAJOR, 6)
})
