/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/report/markdown.ts > TAP > a verdict reached at a smaller buffer bound states the bound > reduced bound 1`] = `
### INCONCLUSIVE · inconclusive (reduced-bound) · \`ucs2_strnlen()\`

Equivalent for buffers of up to 16 elements (max-size 32 timed out after 1 min 33 s).

no behavioral difference only for buffers of up to 16 elements (max-size 32 timed out after 1 min 33 s), not up to the 32 asked

\`old/lib/ucs2_string.c\` → \`new/lib/ucs2_string.c\` · no differences · exit code 2

**Within bounds** (*default*: not chosen by you):

- unwinding bound: auto (reached 32, max 64) *(default)*
- max buffer size (--max-size): 16 elements (asked 32; max-size 32 timed out after 1 min 33 s) *(default)*
- buffer s: maxlength elements, 0 \\<= maxlength \\<= 16
- time per proof (--proof-timeout): 100 s
- pointer parameters: non-NULL, one object each unless --buffer/--nullable *(default)*

**Hints**

- the verdict holds only for buffers of up to 16 elements: raise --timeout / --proof-timeout to reach --max-size 32, or pass --min-size 16 (spec min-size:) to accept this bound as the verdict
- a cbmc run hit the 100 s timeout or the proof's 100 s budget; raise --timeout / --proof-timeout, or lower --max-size / --max-unwind

<sub>cbmc 6.6.0 (cbmc-6.6.0), solver CaDiCaL (SAT, external) · klp-verify 0.1.0 · runs: 5 (3 complete, 1 bound-too-small, 1 timeout) · 1 min 56 s</sub>

`

exports[`test/report/markdown.ts > TAP > live patch: a section under the verdict, functions table and hazards > live patch: as-claimed with a live patch 1`] = `
### PASS · as-claimed · \`msg_fill()\`

The patch changes only what its claims allow.

only intended differences, every claim observed

\`old.c\` → \`new.c\` · 3 differences · exit code 1

#### Live patch

| symbol | function | reason | via | verdict |
| --- | --- | --- | --- | --- |
| \`msg_fill\` | \`msg_fill()\` | source-changed | — | as-claimed |
| \`msg_fill.cold\` | \`msg_fill()\` | ipa-clone | — | as-claimed |
| \`rx_weight\` | \`rx_weight()\` | inlined-callee-changed | \`scale\` | **unintended**<br>proved in this run without claims: the patch changes behavior |
| \`scale.constprop.0\` | \`scale()\` | ipa-clone | — | not-proved<br>a clone or part of scale(), whose source did not change: its code changed with what its callers pass |
| \`caller\` | \`caller()\` | codegen-only | — | equivalent<br>benign<br>benign: its object code changed, though neither its source nor anything inlined into it did, and it behaves the same (no behavioral difference) |

**Hazards**

- **data-changed** \`limit\` (error): limit (used by msg\\_fill) changed initial value 4 → 8: a live patch cannot change data the running kernel already holds, so the running value stays; set the new value in a pre-patch callback, or leave the initialiser unchanged
- ipa-ra (accepted) \`callee\` (warning): callee now writes rdx: callers caller keep values there across the call (IPA-RA); patch the callers too

**Within bounds** (*default*: not chosen by you):

- unwinding bound: auto (reached 16, max 64) *(default)*
- max buffer size (--max-size): 12 elements
- buffer buf: len elements, 0 \\<= len \\<= 12
- pointer parameters: non-NULL, one object each unless --buffer/--nullable *(default)*
- pointer fields of input objects: NULL or one fresh object (depth 1) *(default)*
- globals at entry: any value, the same for both versions *(default)*
- signed overflow: undefined (a safety violation) *(default)*

#### Differences

| classification | observable | claim | inputs | old → new |
| --- | --- | --- | --- | --- |
| intended | \`return\` | \`reject-long-payload\` | \`len = 9\`, \`m->type = 1\`, \`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\` | \`return: 0 → -22\` |
| intended | \`memory *m\` | \`reject-long-payload\` | \`len = 9\`, \`m->type = 1\`, \`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\` | \`m->len: 9 → 0\`<br>\`m->payload[0]: 0 → 17\` |
| intended | \`safety: array bounds in old\` at \`old.c:19\` | \`reject-long-payload\` | \`len = 9\`, \`m->type = 1\`, \`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\` | fixed by the patch: array 'm->payload' upper bound in m->payload\\[i\\] in msg\\_fill() |

#### Claims (1 of 1 observed)

| claim | observed | when | then | witness |
| --- | --- | --- | --- | --- |
| \`reject-long-payload\` | yes | \`len > MSG_PAYLOAD\` | \`ret == -EINVAL\` | \`len = 9\`<br>\`m->type = 1\`<br>\`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\`<br>\`return: 0 → -22\`<br>\`m->len: 9 → 0\` |

<sub>cbmc 6.6.0 (cbmc-6.6.0), solver CaDiCaL (external, --external-sat-solver) · klp-verify 0.1.0 · runs: 4 (1 complete, 3 found) · 3.6 s</sub>

`

exports[`test/report/markdown.ts > TAP > live patch: a section under the verdict, functions table and hazards > live patch: nothing changed in the objects 1`] = `
### PASS · equivalent · \`msg_fill()\`

Old and new behave the same.

no behavioral difference

\`old.c\` → \`new.c\` · no differences · exit code 0

#### Live patch

No function changed in the object code.

No hazards.

**Within bounds** (*default*: not chosen by you):

- unwinding bound: auto (reached 16, max 64) *(default)*
- max buffer size (--max-size): 12 elements
- buffer buf: len elements, 0 \\<= len \\<= 12
- pointer parameters: non-NULL, one object each unless --buffer/--nullable *(default)*
- pointer fields of input objects: NULL or one fresh object (depth 1) *(default)*
- globals at entry: any value, the same for both versions *(default)*
- signed overflow: undefined (a safety violation) *(default)*

#### Pre-existing safety findings

Already in the old code; they do not change the verdict.

- array bounds in \`msg_fill()\` at \`old.c:19\`: array 'm->payload' upper bound in m->payload\\[i\\]

<sub>cbmc 6.6.0 (cbmc-6.6.0), solver CaDiCaL (external, --external-sat-solver) · klp-verify 0.1.0 · runs: 3 (1 complete, 2 found) · 2.4 s</sub>

`

exports[`test/report/markdown.ts > TAP > live patch: a section under the verdict, functions table and hazards > live patch: object step failed 1`] = `
### PASS · equivalent · \`msg_fill()\`

Old and new behave the same.

no behavioral difference

\`old.c\` → \`new.c\` · no differences · exit code 0

#### Live patch

Not analysed: gcc failed: old.c:3:1: error: expected declaration

**Within bounds** (*default*: not chosen by you):

- unwinding bound: auto (reached 16, max 64) *(default)*
- max buffer size (--max-size): 12 elements
- buffer buf: len elements, 0 \\<= len \\<= 12
- pointer parameters: non-NULL, one object each unless --buffer/--nullable *(default)*
- pointer fields of input objects: NULL or one fresh object (depth 1) *(default)*
- globals at entry: any value, the same for both versions *(default)*
- signed overflow: undefined (a safety violation) *(default)*

#### Pre-existing safety findings

Already in the old code; they do not change the verdict.

- array bounds in \`msg_fill()\` at \`old.c:19\`: array 'm->payload' upper bound in m->payload\\[i\\]

<sub>cbmc 6.6.0 (cbmc-6.6.0), solver CaDiCaL (external, --external-sat-solver) · klp-verify 0.1.0 · runs: 3 (1 complete, 2 found) · 2.4 s</sub>

`

exports[`test/report/markdown.ts > TAP > snapshot per fixture > as-claimed 1`] = `
### PASS · as-claimed · \`msg_fill()\`

The patch changes only what its claims allow.

only intended differences, every claim observed

\`old.c\` → \`new.c\` · 3 differences · exit code 0

**Within bounds** (*default*: not chosen by you):

- unwinding bound: auto (reached 16, max 64) *(default)*
- max buffer size (--max-size): 12 elements
- buffer buf: len elements, 0 \\<= len \\<= 12
- pointer parameters: non-NULL, one object each unless --buffer/--nullable *(default)*
- pointer fields of input objects: NULL or one fresh object (depth 1) *(default)*
- globals at entry: any value, the same for both versions *(default)*
- signed overflow: undefined (a safety violation) *(default)*

#### Differences

| classification | observable | claim | inputs | old → new |
| --- | --- | --- | --- | --- |
| intended | \`return\` | \`reject-long-payload\` | \`len = 9\`, \`m->type = 1\`, \`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\` | \`return: 0 → -22\` |
| intended | \`memory *m\` | \`reject-long-payload\` | \`len = 9\`, \`m->type = 1\`, \`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\` | \`m->len: 9 → 0\`<br>\`m->payload[0]: 0 → 17\` |
| intended | \`safety: array bounds in old\` at \`old.c:19\` | \`reject-long-payload\` | \`len = 9\`, \`m->type = 1\`, \`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\` | fixed by the patch: array 'm->payload' upper bound in m->payload\\[i\\] in msg\\_fill() |

#### Claims (1 of 1 observed)

| claim | observed | when | then | witness |
| --- | --- | --- | --- | --- |
| \`reject-long-payload\` | yes | \`len > MSG_PAYLOAD\` | \`ret == -EINVAL\` | \`len = 9\`<br>\`m->type = 1\`<br>\`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\`<br>\`return: 0 → -22\`<br>\`m->len: 9 → 0\` |

<sub>cbmc 6.6.0 (cbmc-6.6.0), solver CaDiCaL (external, --external-sat-solver) · klp-verify 0.1.0 · runs: 4 (1 complete, 3 found) · 3.6 s</sub>

`

exports[`test/report/markdown.ts > TAP > snapshot per fixture > claim-unobserved 1`] = `
### FAIL · claim-unobserved · \`msg_fill()\`

Claim count-errors never observed.

no unintended difference, but count-errors never showed a difference

\`old.c\` → \`new.c\` · 3 differences · exit code 1

**Within bounds** (*default*: not chosen by you):

- unwinding bound: auto (reached 16, max 64) *(default)*
- max buffer size (--max-size): 12 elements
- buffer buf: len elements, 0 \\<= len \\<= 12
- pointer parameters: non-NULL, one object each unless --buffer/--nullable *(default)*
- pointer fields of input objects: NULL or one fresh object (depth 1) *(default)*
- globals at entry: any value, the same for both versions *(default)*
- signed overflow: undefined (a safety violation) *(default)*

#### Differences

| classification | observable | claim | inputs | old → new |
| --- | --- | --- | --- | --- |
| intended | \`return\` | \`reject-long-payload\` | \`len = 9\`, \`m->type = 1\`, \`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\` | \`return: 0 → -22\` |
| intended | \`memory *m\` | \`reject-long-payload\` | \`len = 9\`, \`m->type = 1\`, \`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\` | \`m->len: 9 → 0\`<br>\`m->payload[0]: 0 → 17\` |
| intended | \`safety: array bounds in old\` at \`old.c:19\` | \`reject-long-payload\` | \`len = 9\`, \`m->type = 1\`, \`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\` | fixed by the patch: array 'm->payload' upper bound in m->payload\\[i\\] in msg\\_fill() |

#### Claims (1 of 2 observed)

| claim | observed | when | then | witness |
| --- | --- | --- | --- | --- |
| \`reject-long-payload\` | yes | \`len > MSG_PAYLOAD\` | \`ret == -EINVAL\` | \`len = 9\`<br>\`m->type = 1\`<br>\`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\`<br>\`return: 0 → -22\`<br>\`m->len: 9 → 0\` |
| \`count-errors\` | **no** | \`m->type == 0\` | \`nr_errors == old_nr_errors + 1\` | — |

**Hints**

- claim count-errors was never observed: the versions agree wherever its WHEN holds (or WHEN is unsatisfiable under the assumptions)

<sub>cbmc 6.6.0 (cbmc-6.6.0), solver CaDiCaL (external, --external-sat-solver) · klp-verify 0.1.0 · runs: 5 (2 complete, 3 found) · 3.6 s</sub>

`

exports[`test/report/markdown.ts > TAP > snapshot per fixture > equivalent 1`] = `
### PASS · equivalent · \`msg_fill()\`

Old and new behave the same.

no behavioral difference

\`old.c\` → \`new.c\` · no differences · exit code 0

**Within bounds** (*default*: not chosen by you):

- unwinding bound: auto (reached 16, max 64) *(default)*
- max buffer size (--max-size): 12 elements
- buffer buf: len elements, 0 \\<= len \\<= 12
- pointer parameters: non-NULL, one object each unless --buffer/--nullable *(default)*
- pointer fields of input objects: NULL or one fresh object (depth 1) *(default)*
- globals at entry: any value, the same for both versions *(default)*
- signed overflow: undefined (a safety violation) *(default)*

#### Pre-existing safety findings

Already in the old code; they do not change the verdict.

- array bounds in \`msg_fill()\` at \`old.c:19\`: array 'm->payload' upper bound in m->payload\\[i\\]

<sub>cbmc 6.6.0 (cbmc-6.6.0), solver CaDiCaL (external, --external-sat-solver) · klp-verify 0.1.0 · runs: 3 (1 complete, 2 found) · 2.4 s</sub>

`

exports[`test/report/markdown.ts > TAP > snapshot per fixture > error 1`] = `
### ERROR · error · \`msg_fill()\`

The proof could not be run.

cbmc could not check this proof

\`old.c\` → \`new.c\` · exit code 3

#### Errors

- cbmc failed on the harness (exit 6): new.c:14: conflicting types for 'msg\\_fill'

**Hints**

- re-run with --keep-harness DIR to inspect the generated harness and the cbmc command

<sub>cbmc 6.6.0 (cbmc-6.6.0), solver MiniSat (built into cbmc) · klp-verify 0.1.0 · runs: 1 (1 error) · 310 ms</sub>

`

exports[`test/report/markdown.ts > TAP > snapshot per fixture > inconclusive type-changed 1`] = `
### INCONCLUSIVE · inconclusive (type-changed) · \`msg_fill()\`

No verdict (type-changed): a type the function uses changed.

the patch changes type definitions (struct msg); old and new cannot be compared on shared types

\`old.c\` → \`new.c\` · exit code 2

#### Claims (0 of 1 observed)

| claim | observed | when | then | witness |
| --- | --- | --- | --- | --- |
| \`reject-long-payload\` | unknown | \`len > MSG_PAYLOAD\` | \`ret == -EINVAL\` | — |

#### Type and const changes

- \`struct msg\`: field flags (u16) added after len; size 12 → 14
- \`MSG_PAYLOAD: 8 → 16\`

**Hints**

- a live patch cannot change the layout of a type that running code already uses; keep the old layout (e.g. use shadow variables) or prove each caller

<sub>cbmc 6.6.0 (cbmc-6.6.0), solver CaDiCaL (external, --external-sat-solver) · klp-verify 0.1.0 · runs: none · 180 ms</sub>

`

exports[`test/report/markdown.ts > TAP > snapshot per fixture > inconclusive unwinding-bound 1`] = `
### INCONCLUSIVE · inconclusive (unwinding-bound) · \`msg_fill()\`

No verdict (unwinding-bound): a loop needs a higher bound.

no unintended difference found, but the proof is incomplete (unwinding-bound)

\`old.c\` → \`new.c\` · exit code 2

#### Claims (0 of 1 observed)

| claim | observed | when | then | witness |
| --- | --- | --- | --- | --- |
| \`reject-long-payload\` | unknown | \`len > MSG_PAYLOAD\` | — | — |

**Bounds** (*default*: not chosen by you):

- unwinding bound: 8
- max buffer size (--max-size): 16 elements *(default)*
- buffer buf: len elements, 0 \\<= len \\<= 12
- pointer parameters: non-NULL, one object each unless --buffer/--nullable *(default)*
- pointer fields of input objects: NULL or one fresh object (depth 1) *(default)*
- globals at entry: any value, the same for both versions *(default)*
- signed overflow: undefined (a safety violation) *(default)*

**Hints**

- bound 8 was too small for the loop at new.c:12; try --unwind 16

<sub>cbmc 6.6.0 (cbmc-6.6.0), solver CaDiCaL (external, --external-sat-solver) · klp-verify 0.1.0 · runs: 2 (2 bound-too-small) · 1 min 15 s</sub>

`

exports[`test/report/markdown.ts > TAP > snapshot per fixture > unintended 1`] = `
### FAIL · unintended · \`msg_fill()\`

The patch changes behavior outside its claims.

the patch changes behavior it does not claim (2 unintended differences)

\`old.c\` → \`new.c\` · 3 differences · exit code 1

#### Differences

| classification | observable | claim | inputs | old → new |
| --- | --- | --- | --- | --- |
| **unintended** | \`return\` | — | \`len = 8\`, \`m->type = 1\`, \`buf[0..7] = { 0, 0, 0, 0, 0, 0, 0, 0 }\` | \`return: 0 → -22 (-EINVAL)\`<br>\`m->len: 8 → 0\` |
| intended | \`return\` | \`reject-long-payload\` | \`len = 9\`, \`m->type = 1\`, \`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\` | \`return: 0 → -22\` |
| **unintended** | \`safety: array bounds in new\` at \`new.c:19\` | — | \`len = 0\`, \`m->type = 1\` | introduced by the patch: dereference failure: pointer outside object bounds in buf\\[len - 1\\] in msg\\_fill() |

#### Claims (1 of 1 observed)

| claim | observed | when | then | witness |
| --- | --- | --- | --- | --- |
| \`reject-long-payload\` | yes | \`len > MSG_PAYLOAD\` | \`ret == -EINVAL\` | \`len = 9\`<br>\`m->type = 1\`<br>\`buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }\`<br>\`return: 0 → -22\`<br>\`m->len: 9 → 0\` |

**Bounds** (*default*: not chosen by you):

- unwinding bound: auto (reached 16, max 64) *(default)*
- max buffer size (--max-size): 12 elements
- buffer buf: len elements, 0 \\<= len \\<= 12
- pointer parameters: non-NULL, one object each unless --buffer/--nullable *(default)*
- pointer fields of input objects: NULL or one fresh object (depth 1) *(default)*
- globals at entry: any value, the same for both versions *(default)*
- signed overflow: undefined (a safety violation) *(default)*

<sub>cbmc 6.6.0 (cbmc-6.6.0), solver CaDiCaL (external, --external-sat-solver) · klp-verify 0.1.0 · runs: 5 (5 found) · 3.6 s</sub>

`
