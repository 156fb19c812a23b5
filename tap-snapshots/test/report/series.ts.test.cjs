/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/report/series.ts > TAP > series JUnit: one test case per proof, failures, errors and skips counted > must match snapshot 1`] = `
<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="klp-verify series" tests="4" failures="1" errors="1" skipped="1" time="1.234">
  <testcase classname="patch 0: a/old.c → a/new.c" name="eq" time="2.400"></testcase>
  <testcase classname="patch 1: a/old.c → a/new.c" name="bad" time="3.650">
    <failure message="unintended: the patch changes behavior it does not claim (2 unintended differences)">UNINTENDED  msg_fill(): the patch changes behavior outside its claims
            the patch changes behavior it does not claim (2 unintended differences)
            old.c → new.c · 3 differences (2 unintended, 1 intended) · claims observed: 1 of 1

unintended  return  (not allowed by any claim)
  inputs   len = 8, m-&gt;type = 1, buf[0..7] = { 0, 0, 0, 0, 0, 0, 0, 0 }
  values   what   | old | new
           return | 0   | -22 (-EINVAL)
           m-&gt;len | 8   | 0
  run      equiv

intended  return  (allowed by claim reject-long-payload)
  inputs   len = 9, m-&gt;type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
  values   what   | old | new
           return | 0   | -22
  run      equiv

unintended  safety: array bounds in new  (not allowed by any claim)
  inputs   len = 0, m-&gt;type = 1
  at       new.c:19
  detail   introduced by the patch: dereference failure: pointer outside object bounds in buf[len -
           1] in msg_fill()
  run      safety-new

claims: 1 of 1 observed
  observed      reject-long-payload: when len &gt; MSG_PAYLOAD, then ret == -EINVAL
    differs  return, memory, safety
    witness  len = 9, m-&gt;type = 1, buf[0..8] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 }
    values   what   | old | new
             return | 0   | -22
             m-&gt;len | 9   | 0

bounds ("default": not chosen by you):
  unwinding bound                  auto (reached 16, max 64)                             default
  max buffer size (--max-size)     12 elements
  buffer buf                       len elements, 0 &lt;= len &lt;= 12
  pointer parameters               non-NULL, one object each unless --buffer/--nullable  default
  pointer fields of input objects  NULL or one fresh object (depth 1)                    default
  globals at entry                 any value, the same for both versions                 default
  signed overflow                  undefined (a safety violation)                        default

cbmc 6.6.0 (cbmc-6.6.0) · solver CaDiCaL (external, --external-sat-solver)
klp-verify 0.1.0 · exit 1 · runs: 5 (5 found)
unwinding: auto bound 16, complete
time: 3.6 s total (cbmc 3.3 s, own 340 ms)
</failure>
  </testcase>
  <testcase classname="patch 0: a/old.c → a/new.c" name="open (affected)" time="75.300">
    <skipped message="inconclusive: unwinding-bound"/>
  </testcase>
  <testcase classname="patch 0: a/old.c → a/new.c" name="broken" time="0.000">
    <error message="cannot preprocess x.c &lt;&amp; &quot;quoted&quot;&gt;">cannot preprocess x.c &lt;&amp; "quoted"&gt;</error>
  </testcase>
</testsuite>

`

exports[`test/report/series.ts > TAP > series Markdown: worst first, with counts > must match snapshot 1`] = `
### klp-verify series: FAIL (exit 3)

1 error · 1 unintended · 1 inconclusive · 1 equivalent

| verdict | function | patch | summary |
| --- | --- | --- | --- |
| **error** | \`broken()\` | 0 | cannot preprocess x.c <& "quoted"> |
| **unintended** | \`bad()\` | 1 | the patch changes behavior it does not claim (2 unintended differences) |
| **inconclusive** | \`open()\` (affected) | 0 | no unintended difference found, but the proof is incomplete (unwinding-bound) |
| **equivalent** | \`eq()\` | 0 | no behavioral difference |

`
