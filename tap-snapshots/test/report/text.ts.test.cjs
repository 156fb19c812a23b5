/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/report/text.ts > TAP > a verdict reached at a smaller buffer bound states the bound in its verdict line > reduced bound 1`] = `
INCONCLUSIVE  ucs2_strnlen(): equivalent for buffers of up to 16 elements (max-size 32 timed out after 1 min 33 s)
              no behavioral difference only for buffers of up to 16 elements (max-size 32 timed out
              after 1 min 33 s), not up to the 32 asked
              old/lib/ucs2_string.c → new/lib/ucs2_string.c · no differences

within bounds ("default": not chosen by you):
  unwinding bound                   auto (reached 32, max 64)                                       default
  max buffer size (--max-size)      16 elements (asked 32; max-size 32 timed out after 1 min 33 s)  default
  buffer s                          maxlength elements, 0 <= maxlength <= 16
  time per proof (--proof-timeout)  100 s
  pointer parameters                non-NULL, one object each unless --buffer/--nullable            default

hint: the verdict holds only for buffers of up to 16 elements: raise --timeout / --proof-timeout to
      reach --max-size 32, or pass --min-size 16 (spec min-size:) to accept this bound as the
      verdict
hint: a cbmc run hit the 100 s timeout or the proof's 100 s budget; raise --timeout /
      --proof-timeout, or lower --max-size / --max-unwind

cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (SAT, external)
klp-verify 0.1.0 · exit 2 · runs: 5 (3 complete, 1 bound-too-small, 1 timeout)
unwinding: auto bound 32, complete
time: 1 min 56 s total (cbmc 1 min 55 s, own 1.2 s)

`

exports[`test/report/text.ts > TAP > a verdict reached at a smaller buffer bound states the bound in its verdict line > reduced bound, accepted by --min-size 1`] = `
EQUIVALENT  ucs2_strnlen(): old and new behave the same for buffers of up to 16 elements (max-size 32 timed out after 1 min 33 s; accepted by --min-size 16)
            no behavioral difference, for buffers of up to 16 elements (max-size 32 timed out after
            1 min 33 s); --min-size 16 accepts that bound
            old/lib/ucs2_string.c → new/lib/ucs2_string.c · no differences

within bounds ("default": not chosen by you):
  unwinding bound                   auto (reached 32, max 64)                                                      default
  max buffer size (--max-size)      16 elements (asked 32; max-size 32 timed out after 1 min 33 s; --min-size 16)  default
  buffer s                          maxlength elements, 0 <= maxlength <= 16
  time per proof (--proof-timeout)  100 s
  pointer parameters                non-NULL, one object each unless --buffer/--nullable                           default

hint: a cbmc run hit the 100 s timeout or the proof's 100 s budget; raise --timeout /
      --proof-timeout, or lower --max-size / --max-unwind

cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (SAT, external)
klp-verify 0.1.0 · exit 0 · runs: 5 (3 complete, 1 bound-too-small, 1 timeout)
unwinding: auto bound 32, complete
time: 1 min 56 s total (cbmc 1 min 55 s, own 1.2 s)

`

exports[`test/report/text.ts > TAP > live patch: right under the verdict, each function with why and its verdict, then the hazards > live patch: as-claimed with a live patch 1`] = `
AS-CLAIMED  msg_fill(): the patch changes only what its claims allow (within the bounds below)
            only intended differences, every claim observed
            old.c → new.c · 3 intended differences · claims observed: 1 of 1

live patch: 5 functions to replace, 2 hazards (1 accepted)
  msg_fill           source-changed                    as-claimed
  msg_fill.cold      ipa-clone of msg_fill             as-claimed
  rx_weight          inlined-callee-changed via scale  unintended
      proved in this run without claims: the patch changes behavior
  scale.constprop.0  ipa-clone of scale                not-proved
      a clone or part of scale(), whose source did not change: its code changed with what its
      callers pass
  caller             codegen-only                      equivalent (benign)
      benign: its object code changed, though neither its source nor anything inlined into it did,
      and it behaves the same (no behavioral difference)
  hazard  data-changed  limit  (error)
      limit (used by msg_fill) changed initial value 4 → 8: a live patch cannot change data the
      running kernel already holds, so the running value stays; set the new value in a pre-patch
      callback, or leave the initialiser unchanged
  hazard  ipa-ra  callee  (warning, accepted)
      callee now writes rdx: callers caller keep values there across the call (IPA-RA); patch the
      callers too

within bounds ("default": not chosen by you):
  unwinding bound                  auto (reached 16, max 64)                             default
  max buffer size (--max-size)     12 elements
  buffer buf                       len elements, 0 <= len <= 12
  pointer parameters               non-NULL, one object each unless --buffer/--nullable  default
  pointer fields of input objects  NULL or one fresh object (depth 1)                    default
  globals at entry                 any value, the same for both versions                 default
  signed overflow                  undefined (a safety violation)                        default

intended  return  (allowed by claim reject-long-payload)
  inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  values   what   | old | new
           return | 0   | -22
  run      equiv

intended  memory *m  (allowed by claim reject-long-payload)
  inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  values   what          | old | new
           m->len        | 9   | 0
           m->payload[0] | 0   | 17
  run      equiv

intended  safety: array bounds in old  (allowed by claim reject-long-payload)
  inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  at       old.c:19
  detail   fixed by the patch: array 'm->payload' upper bound in m->payload[i] in msg_fill()
  run      safety-old-claim-0

claims: 1 of 1 observed
  observed      reject-long-payload: when len > MSG_PAYLOAD, then ret == -EINVAL
    differs  return, memory, safety
    witness  len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
    values   what   | old | new
             return | 0   | -22
             m->len | 9   | 0

cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (external, --external-sat-solver)
klp-verify 0.1.0 · exit 1 · runs: 4 (1 complete, 3 found)
unwinding: auto bound 16, complete
time: 3.6 s total (cbmc 3.3 s, own 340 ms)

`

exports[`test/report/text.ts > TAP > live patch: right under the verdict, each function with why and its verdict, then the hazards > live patch: nothing changed in the objects 1`] = `
EQUIVALENT  msg_fill(): old and new behave the same (within the bounds below)
            no behavioral difference
            old.c → new.c · no differences · 1 pre-existing finding

live patch: no function changed in the object code, no hazards

within bounds ("default": not chosen by you):
  unwinding bound                  auto (reached 16, max 64)                             default
  max buffer size (--max-size)     12 elements
  buffer buf                       len elements, 0 <= len <= 12
  pointer parameters               non-NULL, one object each unless --buffer/--nullable  default
  pointer fields of input objects  NULL or one fresh object (depth 1)                    default
  globals at entry                 any value, the same for both versions                 default
  signed overflow                  undefined (a safety violation)                        default

pre-existing safety findings: 1 (already in old; they do not change the verdict)
  array bounds in msg_fill() at old.c:19
    array 'm->payload' upper bound in m->payload[i]
    inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }

cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (external, --external-sat-solver)
klp-verify 0.1.0 · exit 0 · runs: 3 (1 complete, 2 found)
unwinding: auto bound 16, complete
time: 2.4 s total (cbmc 2.1 s, own 250 ms)

`

exports[`test/report/text.ts > TAP > live patch: right under the verdict, each function with why and its verdict, then the hazards > live patch: object step failed 1`] = `
EQUIVALENT  msg_fill(): old and new behave the same (within the bounds below)
            no behavioral difference
            old.c → new.c · no differences · 1 pre-existing finding

live patch: not analysed
  gcc failed: old.c:3:1: error: expected declaration

within bounds ("default": not chosen by you):
  unwinding bound                  auto (reached 16, max 64)                             default
  max buffer size (--max-size)     12 elements
  buffer buf                       len elements, 0 <= len <= 12
  pointer parameters               non-NULL, one object each unless --buffer/--nullable  default
  pointer fields of input objects  NULL or one fresh object (depth 1)                    default
  globals at entry                 any value, the same for both versions                 default
  signed overflow                  undefined (a safety violation)                        default

pre-existing safety findings: 1 (already in old; they do not change the verdict)
  array bounds in msg_fill() at old.c:19
    array 'm->payload' upper bound in m->payload[i]
    inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }

cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (external, --external-sat-solver)
klp-verify 0.1.0 · exit 0 · runs: 3 (1 complete, 2 found)
unwinding: auto bound 16, complete
time: 2.4 s total (cbmc 2.1 s, own 250 ms)

`

exports[`test/report/text.ts > TAP > snapshot per fixture > as-claimed 1`] = `
AS-CLAIMED  msg_fill(): the patch changes only what its claims allow (within the bounds below)
            only intended differences, every claim observed
            old.c → new.c · 3 intended differences · claims observed: 1 of 1

within bounds ("default": not chosen by you):
  unwinding bound                  auto (reached 16, max 64)                             default
  max buffer size (--max-size)     12 elements
  buffer buf                       len elements, 0 <= len <= 12
  pointer parameters               non-NULL, one object each unless --buffer/--nullable  default
  pointer fields of input objects  NULL or one fresh object (depth 1)                    default
  globals at entry                 any value, the same for both versions                 default
  signed overflow                  undefined (a safety violation)                        default

intended  return  (allowed by claim reject-long-payload)
  inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  values   what   | old | new
           return | 0   | -22
  run      equiv

intended  memory *m  (allowed by claim reject-long-payload)
  inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  values   what          | old | new
           m->len        | 9   | 0
           m->payload[0] | 0   | 17
  run      equiv

intended  safety: array bounds in old  (allowed by claim reject-long-payload)
  inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  at       old.c:19
  detail   fixed by the patch: array 'm->payload' upper bound in m->payload[i] in msg_fill()
  run      safety-old-claim-0

claims: 1 of 1 observed
  observed      reject-long-payload: when len > MSG_PAYLOAD, then ret == -EINVAL
    differs  return, memory, safety
    witness  len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
    values   what   | old | new
             return | 0   | -22
             m->len | 9   | 0

cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (external, --external-sat-solver)
klp-verify 0.1.0 · exit 0 · runs: 4 (1 complete, 3 found)
unwinding: auto bound 16, complete
time: 3.6 s total (cbmc 3.3 s, own 340 ms)

`

exports[`test/report/text.ts > TAP > snapshot per fixture > claim-unobserved 1`] = `
CLAIM-UNOBSERVED  msg_fill(): claim count-errors never observed (within the bounds below)
                  no unintended difference, but count-errors never showed a difference
                  old.c → new.c · 3 intended differences · claims observed: 1 of 2

within bounds ("default": not chosen by you):
  unwinding bound                  auto (reached 16, max 64)                             default
  max buffer size (--max-size)     12 elements
  buffer buf                       len elements, 0 <= len <= 12
  pointer parameters               non-NULL, one object each unless --buffer/--nullable  default
  pointer fields of input objects  NULL or one fresh object (depth 1)                    default
  globals at entry                 any value, the same for both versions                 default
  signed overflow                  undefined (a safety violation)                        default

intended  return  (allowed by claim reject-long-payload)
  inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  values   what   | old | new
           return | 0   | -22
  run      equiv

intended  memory *m  (allowed by claim reject-long-payload)
  inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  values   what          | old | new
           m->len        | 9   | 0
           m->payload[0] | 0   | 17
  run      equiv

intended  safety: array bounds in old  (allowed by claim reject-long-payload)
  inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  at       old.c:19
  detail   fixed by the patch: array 'm->payload' upper bound in m->payload[i] in msg_fill()
  run      safety-old-claim-0

claims: 1 of 2 observed
  observed      reject-long-payload: when len > MSG_PAYLOAD, then ret == -EINVAL
    differs  return, memory, safety
    witness  len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
    values   what   | old | new
             return | 0   | -22
             m->len | 9   | 0
  NOT observed  count-errors: when m->type == 0, then nr_errors == old_nr_errors + 1
    differs  globals

hint: claim count-errors was never observed: the versions agree wherever its WHEN holds (or WHEN is
      unsatisfiable under the assumptions)

cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (external, --external-sat-solver)
klp-verify 0.1.0 · exit 1 · runs: 5 (2 complete, 3 found)
unwinding: auto bound 16, complete
time: 3.6 s total (cbmc 3.3 s, own 340 ms)

`

exports[`test/report/text.ts > TAP > snapshot per fixture > equivalent 1`] = `
EQUIVALENT  msg_fill(): old and new behave the same (within the bounds below)
            no behavioral difference
            old.c → new.c · no differences · 1 pre-existing finding

within bounds ("default": not chosen by you):
  unwinding bound                  auto (reached 16, max 64)                             default
  max buffer size (--max-size)     12 elements
  buffer buf                       len elements, 0 <= len <= 12
  pointer parameters               non-NULL, one object each unless --buffer/--nullable  default
  pointer fields of input objects  NULL or one fresh object (depth 1)                    default
  globals at entry                 any value, the same for both versions                 default
  signed overflow                  undefined (a safety violation)                        default

pre-existing safety findings: 1 (already in old; they do not change the verdict)
  array bounds in msg_fill() at old.c:19
    array 'm->payload' upper bound in m->payload[i]
    inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }

cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (external, --external-sat-solver)
klp-verify 0.1.0 · exit 0 · runs: 3 (1 complete, 2 found)
unwinding: auto bound 16, complete
time: 2.4 s total (cbmc 2.1 s, own 250 ms)

`

exports[`test/report/text.ts > TAP > snapshot per fixture > error 1`] = `
ERROR  msg_fill(): the proof could not be run
       cbmc could not check this proof
       old.c → new.c

error: cbmc failed on the harness (exit 6): new.c:14: conflicting types for 'msg_fill'
hint: re-run with --keep-harness DIR to inspect the generated harness and the cbmc command

cbmc 6.6.0 (cbmc-6.6.0) · solver MiniSat (built into cbmc)
klp-verify 0.1.0 · exit 3 · runs: 1 (1 error)
unwinding: auto bound 16, incomplete
time: 310 ms total (cbmc 120 ms, own 190 ms)

`

exports[`test/report/text.ts > TAP > snapshot per fixture > inconclusive type-changed 1`] = `
INCONCLUSIVE  msg_fill(): no verdict (type-changed): a type the function uses changed
              the patch changes type definitions (struct msg); old and new cannot be compared on
              shared types
              old.c → new.c · claims observed: 0 of 1

claims: 0 of 1 observed, 1 unknown
  unknown       reject-long-payload: when len > MSG_PAYLOAD, then ret == -EINVAL
    differs  return

type changes:
  struct msg: field flags (u16) added after len; size 12 → 14
const changes:
  MSG_PAYLOAD: 8 → 16

hint: a live patch cannot change the layout of a type that running code already uses; keep the old
      layout (e.g. use shadow variables) or prove each caller

cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (external, --external-sat-solver)
klp-verify 0.1.0 · exit 2 · runs: none
time: 180 ms total (cbmc 0 ms, own 180 ms)

`

exports[`test/report/text.ts > TAP > snapshot per fixture > inconclusive unwinding-bound 1`] = `
INCONCLUSIVE  msg_fill(): no verdict (unwinding-bound): a loop needs a higher bound
              no unintended difference found, but the proof is incomplete (unwinding-bound)
              old.c → new.c · claims observed: 0 of 1

claims: 0 of 1 observed, 1 unknown
  unknown       reject-long-payload: when len > MSG_PAYLOAD
    differs  return

hint: bound 8 was too small for the loop at new.c:12; try --unwind 16

bounds ("default": not chosen by you):
  unwinding bound                  8
  max buffer size (--max-size)     16 elements                                           default
  buffer buf                       len elements, 0 <= len <= 12
  pointer parameters               non-NULL, one object each unless --buffer/--nullable  default
  pointer fields of input objects  NULL or one fresh object (depth 1)                    default
  globals at entry                 any value, the same for both versions                 default
  signed overflow                  undefined (a safety violation)                        default

cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (external, --external-sat-solver)
klp-verify 0.1.0 · exit 2 · runs: 2 (2 bound-too-small)
unwinding: fixed bound 8, incomplete (open loops: klp_new_msg_fill.0 (new.c:12))
time: 1 min 15 s total (cbmc 1 min 15 s, own 400 ms)

`

exports[`test/report/text.ts > TAP > snapshot per fixture > unintended 1`] = `
UNINTENDED  msg_fill(): the patch changes behavior outside its claims
            the patch changes behavior it does not claim (2 unintended differences)
            old.c → new.c · 3 differences (2 unintended, 1 intended) · claims observed: 1 of 1

unintended  return  (not allowed by any claim)
  inputs   len = 8, m->type = 1, buf[0..7] = { 0, 0, 0, 0, 0, 0, 0, 0 }
  values   what   | old | new
           return | 0   | -22 (-EINVAL)
           m->len | 8   | 0
  run      equiv

intended  return  (allowed by claim reject-long-payload)
  inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  values   what   | old | new
           return | 0   | -22
  run      equiv

unintended  safety: array bounds in new  (not allowed by any claim)
  inputs   len = 0, m->type = 1
  at       new.c:19
  detail   introduced by the patch: dereference failure: pointer outside object bounds in buf[len -
           1] in msg_fill()
  run      safety-new

claims: 1 of 1 observed
  observed      reject-long-payload: when len > MSG_PAYLOAD, then ret == -EINVAL
    differs  return, memory, safety
    witness  len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
    values   what   | old | new
             return | 0   | -22
             m->len | 9   | 0

bounds ("default": not chosen by you):
  unwinding bound                  auto (reached 16, max 64)                             default
  max buffer size (--max-size)     12 elements
  buffer buf                       len elements, 0 <= len <= 12
  pointer parameters               non-NULL, one object each unless --buffer/--nullable  default
  pointer fields of input objects  NULL or one fresh object (depth 1)                    default
  globals at entry                 any value, the same for both versions                 default
  signed overflow                  undefined (a safety violation)                        default

cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (external, --external-sat-solver)
klp-verify 0.1.0 · exit 1 · runs: 5 (5 found)
unwinding: auto bound 16, complete
time: 3.6 s total (cbmc 3.3 s, own 340 ms)

`

exports[`test/report/text.ts > TAP > snapshot with colour > unintended, coloured 1`] = `
[1m[31mUNINTENDED[39m[22m  msg_fill(): the patch changes behavior outside its claims
            the patch changes behavior it does not claim (2 unintended differences)
            old.c → new.c · 3 differences (2 unintended, 1 intended) · claims observed: 1 of 1

[1m[31munintended[39m[22m  return  (not allowed by any claim)
  inputs   len = 8, m->type = 1, buf[0..7] = { 0, 0, 0, 0, 0, 0, 0, 0 }
  values   what   | old | new
           return | 0   | -22 (-EINVAL)
           m->len | 8   | 0
[2m  run      equiv[22m

[1m[32mintended[39m[22m  return  (allowed by claim reject-long-payload)
  inputs   len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  values   what   | old | new
           return | 0   | -22
[2m  run      equiv[22m

[1m[31munintended[39m[22m  safety: array bounds in new  (not allowed by any claim)
  inputs   len = 0, m->type = 1
  at       new.c:19
  detail   introduced by the patch: dereference failure: pointer outside object bounds in buf[len -
           1] in msg_fill()
[2m  run      safety-new[22m

[1mclaims: 1 of 1 observed[22m
  [32mobserved    [39m  reject-long-payload: when len > MSG_PAYLOAD, then ret == -EINVAL
    differs  return, memory, safety
    witness  len = 9, m->type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
    values   what   | old | new
             return | 0   | -22
             m->len | 9   | 0

[1mbounds[22m ("default": not chosen by you):
  unwinding bound                  auto (reached 16, max 64)                             default
  max buffer size (--max-size)     12 elements
  buffer buf                       len elements, 0 <= len <= 12
  pointer parameters               non-NULL, one object each unless --buffer/--nullable  default
  pointer fields of input objects  NULL or one fresh object (depth 1)                    default
  globals at entry                 any value, the same for both versions                 default
  signed overflow                  undefined (a safety violation)                        default

[2mcbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (external, --external-sat-solver)[22m
[2mklp-verify 0.1.0 · exit 1 · runs: 5 (5 found)[22m
[2munwinding: auto bound 16, complete[22m
[2mtime: 3.6 s total (cbmc 3.3 s, own 340 ms)[22m

`
