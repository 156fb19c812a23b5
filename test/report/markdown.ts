import t from 'tap'
import { code, escapeMarkdown, renderMarkdown } from '../../src/report/markdown.js'
import type { ProofReport } from '../../src/report/types.js'
import * as f from '../fixtures/reports.js'
import * as sz from '../fixtures/sizes-reports.js'
import * as lp from '../fixtures/livepatch-reports.js'

t.test('snapshot per fixture', async t => {
  for (const [name, r] of Object.entries(f.reports)) t.matchSnapshot(renderMarkdown(r), name)
})

t.test('heading: status word, verdict, function; no emoji', async t => {
  const rows: [ProofReport, string][] = [
    [f.equivalent, '### PASS · equivalent · `msg_fill()`\n'],
    [f.asClaimed, '### PASS · as-claimed · `msg_fill()`\n'],
    [f.unintended, '### FAIL · unintended · `msg_fill()`\n'],
    [f.claimUnobserved, '### FAIL · claim-unobserved · `msg_fill()`\n'],
    [f.inconclusiveUnwinding, '### INCONCLUSIVE · inconclusive (unwinding-bound) · `msg_fill()`\n'],
    [f.error, '### ERROR · error · `msg_fill()`\n'],
  ]
  for (const [r, heading] of rows) {
    const md = renderMarkdown(r)
    t.ok(md.startsWith(heading), r.verdict)
    t.notMatch(md, /\p{Extended_Pictographic}/u, `${r.verdict}: no emoji`)
  }
})

t.test('bounds: with the verdict when it holds within them, at the end after a run, else not', async t => {
  t.match(
    renderMarkdown(f.equivalent),
    [
      '`old.c` → `new.c` · no differences · exit code 0',
      '',
      '**Within bounds** (*default*: not chosen by you):',
      '',
      '- unwinding bound: auto (reached 16, max 64) *(default)*',
      '- max buffer size (--max-size): 12 elements',
      '- buffer buf: len elements, 0 \\<= len \\<= 12',
      '- pointer parameters: non-NULL, one object each unless --buffer/--nullable *(default)*',
    ].join('\n'),
  )
  t.notMatch(renderMarkdown(f.equivalent), '**Bounds**')
  t.match(
    renderMarkdown(f.inconclusiveUnwinding),
    '\n**Bounds** (*default*: not chosen by you):\n\n- unwinding bound: 8\n- max buffer size (--max-size): 16 elements *(default)*\n',
  )
  t.notMatch(renderMarkdown(f.inconclusiveUnwinding), 'Within bounds')
  t.notMatch(renderMarkdown(f.error), /\*\*(Within b|B)ounds/)
})

t.test('differences table', async t => {
  const md = renderMarkdown(f.unintended)
  t.match(md, '| classification | observable | claim | inputs | old → new |\n| --- | --- | --- | --- | --- |\n')
  t.match(
    md,
    '| **unintended** | `return` | — | `len = 8`, `m->type = 1`, `buf[0..7] = { 0, 0, 0, 0, 0, 0, 0, 0 }` | `return: 0 → -22 (-EINVAL)`<br>`m->len: 8 → 0` |\n',
  )
  t.match(md, '| intended | `return` | `reject-long-payload` |')
  t.match(
    md,
    '| **unintended** | `safety: array bounds in new` at `new.c:19` | — | `len = 0`, `m->type = 1` | introduced by the patch: dereference failure: pointer outside object bounds in buf\\[len - 1\\] in msg\\_fill() |\n',
  )
  const empty: ProofReport = { ...f.unintended, differences: [{ ...f.unintended.differences[2]!, inputs: [], detail: undefined }] }
  t.match(renderMarkdown(empty), '| — | — |\n', 'no inputs, no values')
  t.notMatch(renderMarkdown(f.equivalent), '#### Differences')
})

t.test('pipes and line breaks stay inside their cell', async t => {
  const r: ProofReport = {
    ...f.unintended,
    differences: [{ ...f.unintended.differences[0]!, values: [{ what: 'flags', old: 'A | B', new: 'A\nB' }] }],
  }
  t.match(renderMarkdown(r), '`flags: A \\| B → A<br>B` |\n')
})

t.test('claims table', async t => {
  const md = renderMarkdown(f.claimUnobserved)
  t.match(md, '#### Claims (1 of 2 observed)\n\n| claim | observed | when | then | witness |\n')
  t.match(md, '| `count-errors` | **no** | `m->type == 0` | `nr_errors == old_nr_errors + 1` | — |\n')
  t.match(md, '| `reject-long-payload` | yes | `len > MSG_PAYLOAD` | `ret == -EINVAL` | `len = 9`<br>`m->type = 1`<br>')
  t.match(renderMarkdown(f.inconclusiveUnwinding), '| `reject-long-payload` | unknown | `len > MSG_PAYLOAD` | — | — |\n')
  t.notMatch(renderMarkdown(f.equivalent), '#### Claims')
})

t.test('pre-existing findings, changes, errors, hints, footer', async t => {
  t.match(
    renderMarkdown(f.equivalent),
    "#### Pre-existing safety findings\n\nAlready in the old code; they do not change the verdict.\n\n- array bounds in `msg_fill()` at `old.c:19`: array 'm->payload' upper bound in m->payload\\[i\\]\n",
  )
  const noLoc: ProofReport = { ...f.equivalent, preExisting: [{ ...f.equivalent.preExisting[0]!, location: undefined }] }
  t.match(renderMarkdown(noLoc), "\n- array bounds in `msg_fill()`: array")
  t.match(
    renderMarkdown(f.inconclusiveTypeChanged),
    '#### Type and const changes\n\n- `struct msg`: field flags (u16) added after len; size 12 → 14\n- `MSG_PAYLOAD: 8 → 16`\n',
  )
  t.match(renderMarkdown({ ...f.inconclusiveTypeChanged, typeChanges: [] }), '#### Type and const changes\n\n- `MSG_PAYLOAD')
  t.match(renderMarkdown({ ...f.inconclusiveTypeChanged, constChanges: [] }), '14\n\n**Hints**')
  t.match(renderMarkdown(f.error), "#### Errors\n\n- cbmc failed on the harness (exit 6): new.c:14: conflicting types for 'msg\\_fill'\n")
  t.match(renderMarkdown(f.inconclusiveUnwinding), '**Hints**\n\n- bound 8 was too small for the loop at new.c:12; try --unwind 16\n')
  t.match(renderMarkdown(f.error), '#### Errors\n\n- cbmc failed')
  t.notMatch(renderMarkdown(f.asClaimed), '**Hints**')
  t.match(
    renderMarkdown(f.asClaimed),
    /\n<sub>cbmc 6\.6\.0 \(cbmc-6\.6\.0\), solver CaDiCaL \(external, --external-sat-solver\) · klp-verify 0\.1\.0 · runs: 4 \(1 complete, 3 found\) · 3\.6 s<\/sub>\n$/,
  )
})

t.test('detail and difference count', async t => {
  t.match(renderMarkdown(f.asClaimed), '\n\nonly intended differences, every claim observed\n\n`old.c` → `new.c` · 3 differences · exit code 0\n')
  t.match(renderMarkdown(f.equivalent), '\n`old.c` → `new.c` · no differences · exit code 0\n')
  t.match(renderMarkdown(f.error), '\n\n`old.c` → `new.c` · exit code 3\n', 'no count when the proof did not finish')
})

t.test('escapeMarkdown', async t => {
  t.equal(escapeMarkdown('a*b_c`d[e]f<g>h|i\\j'), 'a\\*b\\_c\\`d\\[e\\]f\\<g>h\\|i\\\\j')
  t.equal(escapeMarkdown('> quote'), '\\> quote')
  t.equal(escapeMarkdown('# head'), '\\# head')
  t.equal(escapeMarkdown('- item'), '\\- item')
  t.equal(escapeMarkdown('a - b # c > d'), 'a - b # c > d', 'only at the start')
})

t.test('code spans survive backticks', async t => {
  t.equal(code('x'), '`x`')
  t.equal(code(''), '``')
  t.equal(code('a`b'), '``a`b``')
  t.equal(code('`a``'), '``` `a`` ```')
})

t.test('a verdict reached at a smaller buffer bound states the bound', async t => {
  const md = renderMarkdown(sz.reducedBound)
  t.match(md, /^### INCONCLUSIVE · inconclusive \(reduced-bound\) · `ucs2_strnlen\(\)`\n\nEquivalent for buffers of up to 16 elements \(max-size 32 timed out after 1 min 33 s\)\.\n/)
  t.match(md, '**Within bounds**')
  t.match(renderMarkdown(sz.reducedAccepted), /^### PASS · equivalent · `ucs2_strnlen\(\)`\n\nOld and new behave the same for buffers of up to 16 elements \(max-size 32 timed out after 1 min 33 s; accepted by --min-size 16\)\.\n/)
  t.matchSnapshot(md, 'reduced bound')
})

t.test('live patch: a section under the verdict, functions table and hazards', async t => {
  for (const [name, r] of Object.entries(lp.livePatchReports)) t.matchSnapshot(renderMarkdown(r), `live patch: ${name}`)
  const md = renderMarkdown(lp.asClaimedWithLivePatch)
  t.ok(md.indexOf('#### Live patch') < md.indexOf('**Within bounds**'), 'before the bounds')
  t.match(md, '| `rx_weight` | `rx_weight()` | inlined-callee-changed | `scale` | **unintended**<br>proved in this run without claims: the patch changes behavior |')
  t.match(md, '| `caller` | `caller()` | codegen-only | — | equivalent<br>benign<br>')
  t.match(md, '- **data-changed** `limit` (error): limit (used by msg\\_fill) changed')
  t.match(md, '- ipa-ra (accepted) `callee` (warning): ')
  t.match(renderMarkdown(lp.equivalentNothingChanged), '#### Live patch\n\nNo function changed in the object code.\n\nNo hazards.')
  t.match(renderMarkdown(lp.equivalentObjectError), '#### Live patch\n\nNot analysed: gcc failed: old.c:3:1: error: expected declaration')
  t.notMatch(renderMarkdown(f.equivalent), /Live patch/)
})
