import t from 'tap'
import { formatPlanOnly, planOnlyReport } from '../../src/series/plan-report.js'
import type { FilePlan, SeriesPatchInfo } from '../../src/series/types.js'

const source = { kind: 'patches' as const, description: 'linux + patches/' }
const patch = (id: string, index: number, over: Partial<SeriesPatchInfo> = {}): SeriesPatchInfo => ({ id, index, title: `fix ${id}`, status: 'applied', files: [], added: [], removed: [], ...over })
const file = (p: string | null, key: string, over: Partial<FilePlan> = {}): FilePlan => ({ patch: p, file: key, old: `base:${key}`, new: `${p}:${key}`, planned: [], ...over })

const good = [
  file('1', 'lib/a.c', { changed: ['f'], affected: ['g'], added: ['h'], removed: [], common: ['f', 'g'], planned: ['f', 'g'] }),
  file(null, 'lib/a.c', { changed: ['f'], affected: [], added: [], removed: ['z'], common: ['f'], planned: ['f'] }),
]

// [what, patches, files, exit code, counts]
const rows: [string, SeriesPatchInfo[], FilePlan[], 0 | 2 | 3, Partial<ReturnType<typeof planOnlyReport>['counts']>][] = [
  ['every changed function planned', [patch('1', 0)], good, 0, { files: 2, notPlanned: 0, changed: 2, changedPlanned: 2, proofs: 3 }],
  ['a patch whose analysis left part out', [patch('1', 0, { incomplete: true })], good, 2, {}],
  ['a file that could not be planned', [patch('1', 0, { status: 'error', error: 'x.c: the old version does not parse' })], [...good, file('1', 'lib/x.c', { error: 'the old version does not parse' })], 3, { notPlanned: 1 }],
  ['a patch that does not apply (no file records)', [patch('1', 0), patch('2', 1, { status: 'not-applied', error: 'does not apply' })], good, 3, {}],
  ['a changed function without a proof', [patch('1', 0)], [file('1', 'lib/a.c', { changed: ['f', 'k'], planned: ['f'] })], 3, { changed: 2, changedPlanned: 1 }],
  ['changed files and no proof at all', [patch('1', 0)], [file('1', 'lib/a.c', { changed: [], planned: [] })], 3, { proofs: 0 }],
  ['nothing changed at all', [], [], 0, { files: 0, proofs: 0 }],
]

t.test('the exit code fails closed: 3 for anything not planned, 2 for an incomplete patch, else 0', async t => {
  for (const [what, patches, files, exit, counts] of rows) {
    const r = planOnlyReport(source, 'd1', patches, files)
    t.equal(r.exitCode, exit, what)
    t.match(r.counts, counts, `${what}: counts`)
  }
})

t.test('text: per patch and file what changed and what was planned; json: the whole report', async t => {
  const patches = [patch('1', 0, { notes: ['changed in headers: h (static inline)'] }), patch('2', 1, { status: 'error', error: 'lib/x.c: cannot preprocess' })]
  const files = [...good, file('2', 'lib/x.c', { error: 'lib/x.c: cannot preprocess' }), file('2', 'lib/n.c', { planned: ['named'] }), file('2', 'lib/m.c', { changed: ['k'], planned: [] })]
  const r = planOnlyReport(source, 'd1', patches, files)
  t.equal(formatPlanOnly(r, 'text'), [
    'klp-verify series --plan-only: linux + patches/ (plan d1)',
    '  5 changed files, 3 changed functions (2 planned), 4 proofs planned; 1 file not planned',
    'patch 1/2 1: fix 1',
    '  note: changed in headers: h (static inline)',
    '  lib/a.c: changed f · affected g · added h · 2 proofs: f, g',
    'patch 2/2 2: fix 2 — ERROR: lib/x.c: cannot preprocess',
    '  lib/x.c: NOT PLANNED: lib/x.c: cannot preprocess',
    '  lib/n.c: functions named · 1 proof: named',
    '  lib/m.c: changed k · NOT PLANNED k · no proof',
    'base → tip',
    '  lib/a.c: changed f · removed z · 1 proof: f',
    'NOT every changed file or function could be planned (exit 3)',
    '',
  ].join('\n'))
  t.same(JSON.parse(formatPlanOnly(r, 'json')), JSON.parse(JSON.stringify(r)))
  const one = planOnlyReport(source, 'd2', [patch('1', 0)], [good[0]!])
  t.match(formatPlanOnly(one, 'text'), /^ {2}1 changed file, 1 changed function \(1 planned\), 2 proofs planned; 0 files not planned$/m)
  t.match(formatPlanOnly(one, 'text'), /\nevery changed file planned\n$/)
  t.notMatch(formatPlanOnly(one, 'text'), /base → tip/, 'no base → tip section for a manifest')
  t.match(formatPlanOnly(planOnlyReport(source, 'd3', [patch('1', 0, { incomplete: true })], [good[1]!]), 'text'), /1 proof planned;.*\n[^]*part of a patch was not analysed \(exit 2\)\n$/)
})
