/**
 * Real stable fixes, proved from two real kernel trees: Debian's linux-source-6.12 6.12.117 (old) and
 * 6.12.118 (new), downloaded with `apt-get download`, extracted and prepared with Debian's amd64 config by
 * scripts/kernel-fetch.mjs (cached in ~/.cache/klp-verify/kernel; no kernel code is committed). Each proof is
 * what a live-patch author types: `KBUILD_OUTPUT=<old build> klp-verify OLD/path.c NEW/path.c --func f`
 * plus the fix's claim; klp-verify takes the file's flags from Kbuild (`make -n`) by itself.
 * Every case says why its verdict is the right one, and checks the evidence (the witness's values satisfy the
 * fix's condition and show the old and new results the C code gives for them), not only the verdict.
 * Other 6.12.117 → 6.12.118 fixes tried and not here yet (details in the session's blocker notes):
 * lib/stackdepot.c depot_init_pool (claim observed, but the equivalence run over stack_pools[8192] times out at
 * 300 s), net/batman-adv/tp_meter.c batadv_tp_batctl_notify (cbmc cannot parse the harness's definition of
 * jiffies: `unsigned long volatile __attribute__((aligned)) x;`), fs/verity/measure.c fsverity_ioctl_measure
 * (an incomplete-array global, fsverity_hash_algs[]), drivers/hwmon/corsair-cpro.c set_target (type-changed for
 * struct power_supply, reached only as a pointer),
 * drivers/hwmon/hp-wmi-sensors.c scale_numeric_sensor (equivalent by reading; 64-bit divisions time out).
 */
import t, { type Test } from 'tap'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { requireCbmc, ROOT, runCli } from '../fixtures/integration.js'
import type { ProofReport } from '../../src/report/types.js'

// the first run on a machine downloads ~310 MB and prepares both trees (~3 min); the proofs take the rest
t.setTimeout(25 * 60_000)

interface Tree { readonly src: string; readonly out: string }
interface Fetched { readonly trees: Record<string, Tree> }

/** scripts/kernel-fetch.mjs --prepare: fails (never skips) when a host tool is missing, naming it. */
function fetchKernel(): { trees: [Tree, Tree]; ms: number } {
  const t0 = Date.now()
  let out: string
  try {
    out = execFileSync('node', [path.join(ROOT, 'scripts/kernel-fetch.mjs'), '--prepare', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 << 20 })
  } catch (err) {
    const e = err as { stderr?: string; message: string }
    throw new Error(`scripts/kernel-fetch.mjs --prepare failed (the real-kernel test needs it; README "Quick start" lists the packages):\n${e.stderr ?? e.message}`)
  }
  const trees = Object.values((JSON.parse(out) as Fetched).trees).sort((a, b) => a.src.localeCompare(b.src, 'en', { numeric: true }))
  return { trees: [trees[0]!, trees[1]!], ms: Date.now() - t0 }
}

let OLD: Tree
let NEW: Tree

t.before(async () => {
  await requireCbmc()
  const first = fetchKernel()
  ;[OLD, NEW] = first.trees
  t.comment(`kernel trees: ${OLD.src} (old), ${NEW.src} (new), fetched in ${(first.ms / 1000).toFixed(1)} s`)
})

t.test('the trees are cached: a second fetch reuses the downloads, extraction and build folders', async t => {
  const again = fetchKernel()
  t.same(again.trees, [OLD, NEW], 'the same trees and build folders')
  t.ok(again.ms < 5000, `second fetch in ${again.ms} ms`)
  t.match(path.basename(OLD.src), '6.12.117')
  t.match(path.basename(NEW.src), '6.12.118')
})

/** One proof as a user types it, in the old tree's build context; the JSON report. */
async function prove(t: Test, file: string, func: string, args: readonly string[]): Promise<ProofReport> {
  const cache = mkdtempSync(path.join(tmpdir(), 'klp-kernel-fixes-'))
  t.teardown(() => rmSync(cache, { recursive: true, force: true }))
  const env = { ...process.env, KBUILD_OUTPUT: OLD.out, KLP_CACHE_DIR: cache }
  const started = Date.now()
  const r = await runCli([path.join(OLD.src, file), path.join(NEW.src, file), '--func', func, '--format', 'json', ...args], env)
  let report: ProofReport
  try {
    report = JSON.parse(r.stdout) as ProofReport
  } catch {
    throw new Error(`${file} ${func}(): no JSON report (exit ${r.code}):\n${r.stderr}`)
  }
  t.comment(`${func}(): ${report.verdict} in ${((Date.now() - started) / 1000).toFixed(1)} s (cbmc ${(report.timings.toolMs / 1000).toFixed(1)} s, ${report.runs.length} runs)`)
  t.equal(r.code, report.exitCode, 'exit code = the report\'s')
  t.same(report.errors, [], 'no errors')
  const ctx = report.bounds.find(b => b.what === 'build context')
  t.equal(ctx?.value, `make O=${OLD.out} V=1 -n ${file.replace(/\.c$/, '.o')}`, 'the old file\'s flags came from Kbuild (make -n), no flag written')
  return report
}

/** A spec file (YAML lines) in the test's folder: claims that name the observables they change. */
function specFile(t: Test, lines: readonly string[]): string {
  const dir = t.testdir({ 'spec.yaml': `${lines.join('\n')}\n` })
  return path.join(dir, 'spec.yaml')
}

/** The integers of a witness input (`pint[0..n)` = `{-5, 1, …}`, `size` = `5`). */
function ints(report: ProofReport['claims'][number]['witness'], name: string): number[] {
  const v = report?.inputs.find(i => i.name === name)?.value
  if (v === undefined) throw new Error(`the witness has no input ${name}: ${JSON.stringify(report?.inputs)}`)
  return [...v.matchAll(/-?\d+/g)].map(m => Number(m[0]))
}

const INT_MAX = 2 ** 31 - 1
const INT_MIN = -(2 ** 31)
/** int arithmetic as the kernel does it (-fno-strict-overflow: wraps). */
const wrap32 = (x: number) => Number(BigInt.asIntN(32, BigInt(x)))

t.test('lib/cmdline.c get_range(): signed overflow of upper_range - *pint now saturates (as-claimed)', async t => {
  // Fix "lib/cmdline: avoid overflow in get_range()": inc_counter = upper_range - *pint overflows int for a
  // range like "-2147483648-2147483647"; the kernel builds with -fno-strict-overflow, so old returns the
  // wrapped difference (a range count with the wrong sign) and new returns -1 or INT_MAX with the true sign.
  // Right verdict: AS-CLAIMED — the return value differs exactly when the subtraction overflows, and then
  // new returns INT_MAX when old's wrapped result is negative (the true difference was > INT_MAX), else -1.
  // Outside the overflow the versions are the same code. @simple_strtol(1) is what the parser returned
  // (upper_range is its int conversion). n >= 1: get_range reads *pint before checking n (pre-existing).
  const r = await prove(t, 'lib/cmdline.c', 'get_range', [
    '--buffer', 'pint:n', '--assume', 'n >= 1', '--max-size', '4', '--unwind', '5',
    '--intended', '(long long)(int)@simple_strtol(1) - *pint > INT_MAX || (long long)(int)@simple_strtol(1) - *pint < INT_MIN => ret == (old_ret < 0 ? INT_MAX : -1)',
  ])
  t.equal(r.verdict, 'as-claimed', r.summary)
  t.ok(r.bounds.some(b => b.what === 'compile flag' && /^-fno-strict-overflow → signed overflow wraps/.test(b.value)), 'the kernel\'s -fno-strict-overflow, from Kbuild: old wraps instead of UB')
  t.same(r.differences.map(d => [d.classification, d.observable]), [['intended', 'return']], 'only the return value differs, inside the claim')
  const w = r.claims[0]!.witness!
  const pint0 = ints(w, 'pint[0..n)')[0]!
  const ret = w.values.find(v => v.what === 'return')!
  const oldRet = Number(ret.old)
  // old returned wrap32(upper - pint0), so upper = wrap32(old + pint0); the true difference must overflow
  const upper = wrap32(oldRet + pint0)
  const exact = upper - pint0
  t.ok(exact > INT_MAX || exact < INT_MIN, `witness: upper_range ${upper} - *pint ${pint0} = ${exact} overflows int`)
  t.equal(Number(ret.new), exact > INT_MAX ? INT_MAX : -1, 'new saturates with the sign of the true difference')
  t.equal(r.differences[0]!.confirmed, true, 'the gcc-built replay shows the same difference')
})

t.test('net/wireless/reg.c valid_rule(): a rule must lie inside the regulatory database (as-claimed)', async t => {
  // Fix "wifi: cfg80211: check that a regdb rule lies within the database": valid_rule() checked only that the
  // rule's first byte (len) is inside data[0..size); a rule whose len reaches past the end was accepted and its
  // optional fields (wmm_ptr at offset 18) read out of bounds. New returns false when rule + len > data + size.
  // Right verdict: AS-CLAIMED — inside the claim (the len byte is in the buffer, the rule is not) new returns
  // false where old could return true, and old's out-of-bounds read of wmm_ptr is gone; everywhere else the
  // two functions run the same code. 4 bytes are enough for a rule at offset 0 whose len (16..19: mandatory
  // fields present, no wmm) ends past the buffer; larger buffers only add the wmm table, which both check alike.
  const r = await prove(t, 'net/wireless/reg.c', 'valid_rule', [
    '--buffer', 'data:size', '--max-size', '4',
    '--intended', '(rule_ptr << 2) < size && (rule_ptr << 2) + data[rule_ptr << 2] > size => !ret',
  ])
  t.equal(r.verdict, 'as-claimed', r.summary)
  t.ok(r.differences.length > 0 && r.differences.every(d => d.classification === 'intended'), 'every difference is inside the claim')
  t.ok(r.differences.some(d => d.observable === 'return'), 'the return value differs')
  const w = r.claims[0]!.witness!
  const size = ints(w, 'size')[0]!
  const at = ints(w, 'rule_ptr')[0]! * 4
  const len = ints(w, 'data[0..size)')[at]!
  t.ok(at < size && at + len > size, `witness: the rule at ${at} (len ${len}) ends past size ${size}`)
  const ret = w.values.find(v => v.what === 'return')!
  t.same([ret.old, ret.new], ['1', '0'], 'old accepted the rule, new rejects it')
  t.ok(len >= 16 && len < 20, 'old accepted it because its mandatory fields fit the length byte and it has no wmm part')
})

/** A calls observable's value (`f(a, b) → r, g(c), return ?`) as [name, arguments] in order. */
function callsOf(s: string): [string, string[]][] {
  const top = (text: string) => {
    const parts: string[] = []
    let depth = 0
    let cur = ''
    for (const ch of text) {
      if (ch === ',' && depth === 0) {
        parts.push(cur.trim())
        cur = ''
        continue
      }
      if ('({['.includes(ch)) depth++
      if (')}]'.includes(ch)) depth--
      cur += ch
    }
    if (cur.trim()) parts.push(cur.trim())
    return parts
  }
  return top(s).filter(c => !c.startsWith('return')).map(c => {
    const m = /^(\w+)\((.*)\)(?: → .*)?$/.exec(c)
    if (!m) throw new Error(`not a call: ${c}`)
    return [m[1]!, top(m[2]!)]
  })
}

t.test('fs/fat/inode.c fat_write_failed(): the block truncation now runs under truncate_lock (as-claimed, calls only)', async t => {
  // Fix "fat: fix data-race between fat_truncate_blocks() and fat_get_block()"-style locking: after a failed
  // write past EOF, fat_write_failed() truncates the blocks again without the inode's truncate_lock; new wraps
  // fat_truncate_blocks() in down_write()/up_write() of MSDOS_I(inode)->truncate_lock.
  // Right verdict: AS-CLAIMED with a claim on the calls observable only — where the write went past i_size the
  // external call sequence gains the lock pair around the same fat_truncate_blocks(inode, i_size); no return
  // value, memory or global differs, and where to <= i_size nothing is called in either version.
  // mapping->host is never NULL for a mapping being written (assumed).
  const r = await prove(t, 'fs/fat/inode.c', 'fat_write_failed', [
    '--assume', 'mapping->host != 0', '--spec', specFile(t, [
      'intended:',
      '  - id: truncate-under-lock',
      '    when: "to > mapping->host->i_size"',
      '    differs: [calls]',
    ]),
  ])
  t.equal(r.verdict, 'as-claimed', r.summary)
  t.same(r.differences.map(d => [d.classification, d.observable]), [['intended', 'calls']], 'only the external calls differ, inside the claim')
  const w = r.claims[0]!.witness!
  const to = BigInt(w.inputs.find(i => i.name === 'to')!.value)
  const calls = w.values.find(v => v.what === 'calls')!
  const before = callsOf(calls.old)
  const after = callsOf(calls.new)
  t.same(before.map(c => c[0]), ['truncate_pagecache', 'fat_truncate_blocks'], 'old: truncate the page cache, then the blocks')
  t.same(after.map(c => c[0]), ['truncate_pagecache', 'down_write', 'fat_truncate_blocks', 'up_write'], 'new: the same, the block truncation under the lock')
  t.same(after.filter(c => !['down_write', 'up_write'].includes(c[0])), before, 'with the same arguments')
  t.equal(after[1]![1][0], after[3]![1][0], 'down_write and up_write take the same lock')
  const iSize = BigInt(before[0]![1][1]!)
  t.ok(to > iSize, `witness: the write went to ${to}, past i_size ${iSize}`)
})

t.test('drivers/nvme/common/keyring.c nvme_tls_key_lookup(): a revoked key is put before the error return (as-claimed, calls only)', async t => {
  // Fix "nvme-keyring: fix a key reference leak": key_lookup() returns the key with a reference taken; when the
  // key is revoked or invalidated, old returned ERR_PTR(-EKEYREVOKED) without dropping that reference (a leak);
  // new calls key_put(key) first.
  // Right verdict: AS-CLAIMED — where the key key_lookup() returned has KEY_FLAG_REVOKED or KEY_FLAG_INVALIDATED
  // set, the call sequence gains key_put() of exactly that key and nothing else changes (both return
  // -EKEYREVOKED, the THEN); elsewhere the versions agree. Second claim: key_lookup() never returns NULL in the
  // kernel (a key or an ERR_PTR), so the stub's NULL answer is not a state of the running kernel — both versions
  // then dereference NULL in test_bit() (listed as pre-existing) and nothing after that is defined; the claim
  // says so instead of an assumption (assumptions cannot name what an external returned).
  const r = await prove(t, 'drivers/nvme/common/keyring.c', 'nvme_tls_key_lookup', ['--spec', specFile(t, [
    'intended:',
    '  - id: revoked-key-put',
    '    when: "@key_lookup(1) && (@key_lookup(1)->flags & (1UL << KEY_FLAG_REVOKED | 1UL << KEY_FLAG_INVALIDATED))"',
    '    then: "(long)ret == -EKEYREVOKED"',
    '    differs: [calls]',
    '  - id: lookup-never-null',
    '    when: "!@key_lookup(1)"',
  ])])
  t.equal(r.verdict, 'as-claimed', r.summary)
  t.ok(r.differences.every(d => d.classification === 'intended'), 'every difference is inside a claim')
  t.same(r.differences.filter(d => d.claim === 'revoked-key-put').map(d => d.observable), ['calls'], 'the revoked path differs in its calls only (same return)')
  t.ok(r.preExisting.some(p => /pointer NULL/.test(p.description)), 'the NULL answer: both versions dereference it (pre-existing)')
  const calls = r.claims.find(c => c.id === 'revoked-key-put')!.witness!.values.find(v => v.what === 'calls')!
  const before = callsOf(calls.old)
  const after = callsOf(calls.new)
  t.equal(before[0]?.[0], 'key_lookup', 'both look the key up')
  const key = /→ (key_lookup#\d+)/.exec(calls.old)?.[1]
  t.ok(key, `witness: key_lookup returned an object (${key}), not NULL`)
  t.same(after, [...before, ['key_put', [key]]], 'new: the same calls, then key_put() of the key key_lookup returned')
})

t.test('fs/notify/inotify/inotify_fsnotify.c event_compare(): move events are never merged (as-claimed, return only)', async t => {
  // Fix "inotify: do not merge IN_MOVED_FROM/IN_MOVED_TO events": event_compare() lets the notification queue
  // merge an event into the identical last one; two rename events with the same wd and name are not duplicates
  // (each carries its own cookie), but old merged them. New refuses to merge when the queued event has an
  // FS_MOVE bit, as it already did for IN_IGNORED.
  // Right verdict: AS-CLAIMED — the return differs exactly where the queued event (old_fsn, through
  // INOTIFY_E()'s container_of) has FS_MOVED_FROM or FS_MOVED_TO and not FS_IN_IGNORED, and there new returns
  // false; old returned true only for an identical event (same mask, wd, name). Elsewhere the code is the same.
  // klp-verify allocates the struct inotify_event_info around each fsnotify_event parameter by itself (it reads
  // the container_of in INOTIFY_E()); the claim reaches the mask with a cast (fse is the first member).
  const mask = '((struct inotify_event_info *)old_fsn)->mask'
  const r = await prove(t, 'fs/notify/inotify/inotify_fsnotify.c', 'event_compare', ['--spec', specFile(t, [
    'intended:',
    '  - id: move-events-not-merged',
    `    when: "(${mask} & FS_MOVE) && !(${mask} & FS_IN_IGNORED)"`,
    '    then: "!ret"',
    '    differs: [return]',
  ])])
  t.equal(r.verdict, 'as-claimed', r.summary)
  t.same(r.differences.map(d => [d.classification, d.observable]), [['intended', 'return']], 'only the return value differs, inside the claim')
  const w = r.claims[0]!.witness!
  const field = (param: string, name: string) => {
    const v = w.inputs.find(i => i.name === param)?.value ?? ''
    const m = new RegExp(`\\.${name} = (-?\\d+)`).exec(v)
    if (!m) throw new Error(`the witness has no ${param} .${name}: ${v}`)
    return Number(m[1])
  }
  const FS_MOVE = 0x40 | 0x80
  const FS_IN_IGNORED = 0x8000
  const m = field('*old_fsn', 'mask')
  t.ok((m & FS_MOVE) !== 0 && (m & FS_IN_IGNORED) === 0, `witness: the queued event's mask 0x${m.toString(16)} is a move, not IN_IGNORED (read through the container)`)
  for (const f of ['mask', 'wd', 'name_len']) t.equal(field('*new_fsn', f), field('*old_fsn', f), `the two events have the same ${f}: old merged them`)
  t.same(w.values.map(v => [v.what, v.old, v.new]), [['return', '1', '0']], 'old merged (true), new does not (false)')
  t.equal(r.differences[0]!.confirmed, true, 'the gcc-built replay shows the same difference')
})
