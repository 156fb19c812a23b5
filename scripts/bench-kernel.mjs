#!/usr/bin/env node
// npm run bench (kernel part, issue #10): how often klp-verify's extraction reads a real kernel fix.
// Data: scripts/kernel-fetch.mjs (Debian linux-source-6.12 6.12.117 → 6.12.118, Debian's amd64 config,
// prepared O= build folders; downloaded and prepared on a fresh machine, 0.2 s when cached).
// Sample: the .c files of the extracted subset (SAMPLE_DIRS) that differ between the two trees with
// exactly one hunk in `diff -u`, sorted by path; of those N files, the ones at indices ⌊i·N/40⌋
// (i = 0…39). The hunk's function: the changed lines (blank and comment-only lines ignored) mapped to
// the kernel-style function spans of their file (old file for '-' lines, new file for '+' lines; a span
// runs from its header to the `}` in column 0). A hunk with no changed line inside a function both
// trees define (a table, an #include, a macro, a new function) is reported apart, as is a file this
// config does not build; neither counts. Each function is extracted as `klp-verify` does it
// (extractFunctionPair with the old file's Kbuild flags for both versions), one child process each.
// A function gcc -E never defines (compiled out by the config, e.g. an object Debian does not build,
// which Kbuild's single-target `make -n` still prints a command for) is reported apart, not counted.
// Compile commands: as verify finds them (findBuildContexts: one `make -k V=1 -n` for the sample; else
// findBuildContext per file, `make V=1 -n` each), kept as a compile_commands.json in the bench folder
// (<kernel cache>/bench, keyed by the config and the built kbuild code) and read back through findBuildContext.
// Output: a table, the rate (target ≥ 95 %), <kernel cache>/bench/results/<time>.json and latest.json.
// Exit 0 whatever the rate; 3 when the bench itself cannot run (no data, no build, a broken sample).
// Then the object step (live patch) of each counted file, target ≤ 2 s beyond compiling it (objectOne).
//   node scripts/bench-kernel.mjs [--sample 40] [--jobs 1] [--timeout 300] [--only path/x.c,…] [--list (the sample, no runs)] [--skip-object]
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { fmt, requireBuild, root } from './bench-lib.mjs'

export const SAMPLE_DIRS = ['arch/x86', 'drivers/hwmon', 'drivers/net/can', 'drivers/nvme', 'drivers/target', 'fs', 'kernel', 'lib', 'mm', 'net']
const FETCH_DIRS = SAMPLE_DIRS.filter(d => d !== 'arch/x86') // arch/x86 is always extracted (prepare needs it)
const TARGET_RATE = 0.95
const OBJECT_TARGET_MS = 2000
const dist = (m) => pathToFileURL(path.join(root, 'dist', m)).href
class BenchError extends Error {}

// ---- one extraction (child mode: `--one JSON`), so a crash or a runaway parse stays one row ----
async function extractOne({ oldPath, newPath, func, cflags, timeoutMs }) {
  const ticks = () => fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ').slice(13, 15).reduce((a, b) => a + Number(b), 0)
  const { extractFunctionPair } = await import(dist('extract/extract.js'))
  const { KlpError } = await import(dist('errors.js'))
  const t0 = performance.now(), c0 = process.cpuUsage(), k0 = ticks()
  let out
  try {
    const pair = await extractFunctionPair({ oldPath, newPath, func, includes: [], defines: [], cflags, exprs: [], timeoutMs })
    out = { ok: true, lines: { old: pair.old.text.split('\n').length, new: pair.new.text.split('\n').length }, typeChanges: pair.typeChanges.length }
  } catch (e) {
    out = { ok: false, error: { name: e?.constructor?.name ?? typeof e, message: String(e?.message ?? e), hint: e?.hint ?? null, klp: e instanceof KlpError,
      stack: e instanceof KlpError ? null : String(e?.stack ?? '').split('\n').slice(0, 6).join('\n') } }
  }
  const c = process.cpuUsage(c0)
  out.cpuMs = (c.user + c.system) / 1000 + (ticks() - k0) * 10 // children (gcc -E) in clock ticks of 10 ms
  out.wallMs = performance.now() - t0
  if (!out.ok && out.error.klp && /is not defined in/.test(out.error.message)) {
    // a function gcc -E never emits (an #ifdef on a CONFIG_ option, an object this config does not build) is not a miss
    const { preprocess } = await import(dist('extract/read.js'))
    const file = out.error.message.includes(newPath) ? newPath : oldPath
    const pp = await preprocess(file, { includes: [], defines: [], cflags, exprs: [], timeoutMs }).catch(() => undefined)
    out.compiledOut = pp !== undefined && !new RegExp(`\\b${func}\\s*\\([^;{}]*\\)[^;{}]*\\{`).test(pp.text) // no definition
  }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

// ---- the object step of one file (child mode: `--object JSON`): what it costs beyond compiling ----
// Phases as pipeline/livepatch.ts analyseObjects runs them, one after another here so each is timed
// alone: gcc -c of both versions (the build, counted apart), gcc -E of both (the proof's, which verify
// shares with the object step: counted apart too), then the rest: the changed-function index (the part
// of the two preprocessed units that differs, series/narrow.ts), readelf/objdump of both objects (at
// once, as verify reads them), and the diff. Target: the rest ≤ 2 s per file.
async function objectOne({ oldPath, newPath, func, cflags, timeoutMs }) {
  const { changedFunctions, objectCflags } = await import(dist('pipeline/livepatch.js'))
  const { compileObject, readObject, diffObjects, objectTools } = await import(dist('object/index.js'))
  const { findGcc } = await import(dist('pipeline/replay/native.js'))
  const { preprocess } = await import(dist('extract/read.js'))
  const gcc = await findGcc()
  if (!gcc) throw new BenchError('gcc not found on PATH')
  const tools = objectTools(gcc)
  const flags = objectCflags({ cflags, includes: [], defines: [] })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klp-bench-object-'))
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 + childTicks() * 10 }
  let out
  try {
    const w0 = performance.now(), c0 = cpu()
    await compileObject(tools, oldPath, path.join(dir, 'old.o'), flags, process.cwd())
    await compileObject(tools, newPath, path.join(dir, 'new.o'), flags, process.cwd())
    const w1 = performance.now(), c1 = cpu()
    // the proof has preprocessed both files by now (verify shares its memo with the object step): untimed
    const req = { oldPath, newPath, func, cflags, includes: [], defines: [], timeoutSec: timeoutMs / 1000, claims: [], assumes: [], buffers: {}, nullable: [], held: [] }
    const memo = new Map()
    await Promise.all([oldPath, newPath].map(f => preprocess(f, { includes: [], defines: [], cflags, exprs: [], timeoutMs, memo })))
    const w1x = performance.now(), c1x = cpu()
    const changed = await changedFunctions(req, undefined, memo)
    const wi = performance.now()
    // both objects at once, as analyseObjects reads them (object/index.ts diffSourceVersions)
    const [a, b] = await Promise.all([readObject(tools, path.join(dir, 'old.o')), readObject(tools, path.join(dir, 'new.o'))])
    const diff = diffObjects({ old: a, new: b, changed, cflags: flags })
    const w2 = performance.now(), c2 = cpu()
    out = { ok: true, compile: { wallMs: w1 - w0, cpuMs: c1 - c0 }, rest: { wallMs: w2 - w1x, cpuMs: c2 - c1x, indexWallMs: wi - w1x, objectsWallMs: w2 - wi }, preprocessWallMs: w1x - w1,
      functions: diff.functions.map(f => `${f.symbol} ${f.reason}`), hazards: diff.hazards.map(h => `${h.kind} ${h.symbol}`) }
  } catch (e) {
    out = { ok: false, error: String(e?.message ?? e).split('\n')[0] }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

/** CPU clock ticks of this process's waited-for children (/proc/self/stat cutime + cstime). */
function childTicks() {
  return fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ').slice(14, 16).reduce((a, b) => a + Number(b), 0)
}

// ---- data ----
export function fetchKernel() {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'kernel-fetch.mjs'), '--prepare', '--json', '--dirs', FETCH_DIRS.join(',')],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 << 20 })
  if (r.status !== 0) throw new BenchError(`scripts/kernel-fetch.mjs failed (exit ${r.status})`)
  const data = JSON.parse(r.stdout)
  const trees = Object.entries(data.trees).sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
  if (trees.length !== 2) throw new BenchError(`kernel-fetch gave ${trees.length} trees, the bench compares two`)
  const [oldT, newT] = trees.map(([version, t]) => ({ version, src: t.src, build: t.out }))
  return { cache: data.cache, old: oldT, new: newT }
}

function cFiles(dir, rel = '') {
  const out = []
  let entries
  try { entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true }) } catch { return out }
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name
    if (e.isDirectory()) out.push(...cFiles(dir, r))
    else if (e.isFile() && e.name.endsWith('.c')) out.push(r)
  }
  return out
}

/** Relative paths of the .c files under SAMPLE_DIRS that both trees have and whose contents differ. */
function changedFiles(oldSrc, newSrc) {
  const out = []
  for (const d of SAMPLE_DIRS) {
    for (const rel of cFiles(oldSrc, d)) {
      const a = path.join(oldSrc, rel), b = path.join(newSrc, rel)
      const sb = fs.statSync(b, { throwIfNoEntry: false })
      if (!sb) continue
      if (sb.size === fs.statSync(a).size && fs.readFileSync(a).equals(fs.readFileSync(b))) continue
      out.push(rel)
    }
  }
  return out.sort()
}

// ---- hunks and functions (unpreprocessed source, kernel coding style) ----
/** The hunks of `diff -u a b`: per hunk, the changed lines with their line number in their own file. */
export function parseHunks(diffText) {
  const hunks = []
  let h, o = 0, n = 0
  for (const line of diffText.split('\n')) {
    const m = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line)
    if (m) { h = []; hunks.push(h); o = Number(m[1]); n = Number(m[2]); continue }
    if (!h || line.startsWith('\\')) continue
    if (line.startsWith('-')) h.push({ side: 'old', line: o++, text: line.slice(1) })
    else if (line.startsWith('+')) h.push({ side: 'new', line: n++, text: line.slice(1) })
    else if (line.startsWith(' ') || line === '') { o++; n++ }
  }
  return hunks
}

const ATTRS = new Set(['__attribute__', '__attribute', '__printf', '__scanf', '__section', '__aligned', '__acquires', '__releases',
  '__must_hold', '__cond_acquires', '__cond_releases', '__alloc_size', '__realloc_size', '__diagnose_as', '__counted_by', '__free',
  '__cleanup', '__assume_aligned', '__malloc', 'asm', '__asm__', 'typeof', '__typeof__', 'int', 'void', 'char', 'long', 'short', 'unsigned', 'signed'])

/** The name a function header declares: the identifier before its first parenthesis that is not an attribute. */
export function declaredName(header) {
  const text = header.replace(/\/\*.*?\*\//g, ' ').replace(/\/\/.*$/, '')
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === ')') depth--
    if (ch !== '(') continue
    if (depth++ > 0) continue
    const id = /([A-Za-z_]\w*)\s*$/.exec(text.slice(0, i))?.[1]
    if (!id || ATTRS.has(id)) continue
    const sys = /^(COMPAT_)?SYSCALL_DEFINE\d$/.exec(id)
    if (sys) {
      const arg = /^\(\s*(\w+)/.exec(text.slice(i))?.[1]
      return arg ? { name: `${sys[1] ? '__do_compat_sys_' : '__do_sys_'}${arg}`, macro: id } : undefined
    }
    return /^[A-Z][A-Z0-9_]*$/.test(id) ? { name: id, macro: id, generated: true } : { name: id }
  }
  return undefined
}

/** Function definitions of a kernel-style file: { name, start, end } with 1-based inclusive lines. */
export function functionSpans(text) {
  const lines = text.split('\n')
  const spans = []
  const stop = (l) => /^\s*$/.test(l) || /^\s*#/.test(l) || /\*\/\s*$/.test(l) || /^\s*\/\//.test(l) || /[;}]\s*$/.test(l)
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    const alone = /^\{\s*(\/\*.*)?$/.test(l)
    const head = l.split('{')[0]
    // `int f(void) {` opens a body; `int f(void) { return 0; }` is a whole one-line function
    const trailing = !alone && /^[A-Za-z_].*\)\s*$/.test(head) && !head.includes('=') && /\{\s*$/.test(l)
    const oneLine = !alone && !trailing && /^[A-Za-z_].*\)\s*$/.test(head) && !head.includes('=') && /\}\s*$/.test(l)
    if (!alone && !trailing && !oneLine) continue
    let s = i
    while (alone && s > 0 && /^\s*$/.test(lines[s - 1])) s-- // a blank line between header and `{`
    while (s > 0 && !stop(lines[s - 1])) s--
    let e = oneLine ? i : i + 1
    while (e < lines.length && !/^\}/.test(lines[e]) && !oneLine) e++
    if (e >= lines.length) break
    const decl = declaredName([...lines.slice(s, i), head].join(' '))
    if (decl) spans.push({ ...decl, start: s + 1, end: e + 1 })
    i = e
  }
  return spans
}

const codeLine = (t) => !/^\s*$/.test(t) && !/^\s*(\/\*|\*|\/\/)/.test(t)

/**
 * What a hunk changes: `targets` (functions both versions define whose lines change), and why there is
 * none otherwise (`outside`: a changed line outside every function; `added`/`removed` functions;
 * `generated`: a function a macro defines).
 */
export function hunkTargets(hunk, oldSpans, newSpans) {
  const names = { old: new Set(oldSpans.map(s => s.name)), new: new Set(newSpans.map(s => s.name)) }
  const targets = new Set(), added = new Set(), removed = new Set(), generated = new Set(), outside = []
  for (const c of hunk.filter(x => codeLine(x.text))) {
    const span = (c.side === 'old' ? oldSpans : newSpans).find(s => s.start <= c.line && c.line <= s.end)
    if (!span) outside.push(`${c.side}:${c.line}: ${c.text.trim()}`)
    else if (span.generated) generated.add(span.name)
    else if (!names.old.has(span.name)) added.add(span.name)
    else if (!names.new.has(span.name)) removed.add(span.name)
    else targets.add(span.name)
  }
  return { targets: [...targets].sort(), outside, added: [...added], removed: [...removed], generated: [...generated] }
}

/** The files at indices ⌊i·N/k⌋ of the sorted list (all of them when there are at most k). */
export const spread = (list, k) => (list.length <= k ? [...list] : Array.from({ length: k }, (_, i) => list[Math.floor((i * list.length) / k)]))

/** A failure's class: what the lead fixes, one line (paths, numbers and quoted text left out). */
export function errorClass(err) {
  const m = err.message
  if (err.name === 'BenchTimeout') return 'timeout (bench limit)'
  if (/C that does not parse/.test(m)) return 'parse error (tree-sitter)'
  if (/is not defined in/.test(m)) return 'function not found'
  if (/^cannot preprocess/.test(m)) return 'preprocess error'
  if (/gcc -E (did not finish|produced more|ran out|was killed)/.test(m)) return 'preprocess limit'
  const gist = m.split('\n')[0].replace(/\/\S+/g, '<path>').replace(/'[^']*'/g, "'…'").replace(/\d+/g, 'N').slice(0, 70)
  return `${err.klp ? '' : 'crash: '}${err.name}: ${gist}`
}

// ---- compile commands (cached in the bench folder) ----
const readJson = (f) => { try { return JSON.parse(fs.readFileSync(f, 'utf8')) } catch { return undefined } }
const firstLine = (s) => String(s).split('\n')[0]

/** A digest of the built kbuild code: cached commands are found again only by the same code. */
function kbuildDigest() {
  const dir = path.join(root, 'dist', 'kbuild')
  const h = crypto.createHash('sha256')
  for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.js')).sort()) h.update(f).update(fs.readFileSync(path.join(dir, f)))
  return h.digest('hex').slice(0, 16)
}

/**
 * Each file's build context as verify finds it (findBuildContexts: one `make -k V=1 -n` for all, when
 * the build has it; else findBuildContext per file), cached as a compile_commands.json in the bench
 * folder and read back from there (a re-run needs no make). The cache is keyed by the config and the kbuild code.
 */
async function buildContexts(rels, tree, benchDir, newSrc) {
  const kbuild = await import(dist('kbuild/index.js'))
  const configHash = readJson(path.join(tree.build, '.klp-prepared.json'))?.configHash
  if (!configHash) throw new BenchError(`${tree.build} is not prepared (no .klp-prepared.json)`)
  const db = path.join(benchDir, `compile_commands-${path.basename(tree.src)}.json`)
  const metaFile = db.replace(/\.json$/, '.meta.json')
  const key = { configHash, src: tree.src, build: tree.build, kbuild: kbuildDigest() }
  let meta = readJson(metaFile), entries = readJson(db)
  if (JSON.stringify(meta?.key) !== JSON.stringify(key) || !Array.isArray(entries)) { meta = { key, failed: {} }; entries = [] }
  const have = new Set(entries.map(e => path.resolve(e.directory, e.file)))
  const todo = rels.map(f => path.join(tree.src, f)).filter(abs => !have.has(abs) && !(abs in meta.failed))
  if (todo.length) {
    const t0 = performance.now()
    const found = kbuild.findBuildContexts ? await kbuild.findBuildContexts(todo, { buildDir: tree.build })
      : new Map(await Promise.all(todo.map(async f => [f, await kbuild.findBuildContext(f, { buildDir: tree.build }).catch(e => e)])))
    console.error(`bench-kernel: compile commands of ${todo.length} file(s) (${kbuild.findBuildContexts ? 'findBuildContexts' : 'findBuildContext each'}): ${fmt(performance.now() - t0)}`)
    for (const abs of todo) {
      const c = found.get(abs)
      if (c instanceof Error) meta.failed[abs] = { name: c.constructor.name, message: firstLine(c.message) }
      else if (!c) meta.failed[abs] = { name: 'none', message: 'no build context (not in a configured kernel tree?)' }
      else entries.push({ directory: c.command.directory, file: abs, arguments: c.command.argv })
    }
    fs.mkdirSync(benchDir, { recursive: true })
    fs.writeFileSync(db, `${JSON.stringify(entries, null, 1)}\n`)
    fs.writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`)
  }
  const contexts = new Map()
  for (const f of rels) {
    const abs = path.join(tree.src, f)
    if (abs in meta.failed) contexts.set(f, { failed: meta.failed[abs] })
    else {
      // as verify does (kbuild/wire.ts): __FILE__ of the new tree's copy reads relative like the old one's
      const context = await kbuild.findBuildContext(abs, { compileCommands: db })
      const newFile = path.join(newSrc, f)
      contexts.set(f, { context, cflags: [...context.flags.kept, ...kbuild.prefixMapsFor(context.flags.kept, context.command.file, newFile)] })
    }
  }
  return contexts
}

// ---- extraction runs, one child process each ----
function runChild(job, limitSec, mode = '--one') {
  return new Promise((resolve) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), mode, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'], timeout: limitSec * 1000, killSignal: 'SIGKILL' })
    let stdout = '', stderr = ''
    child.stdout.on('data', d => { stdout += d })
    child.stderr.on('data', d => { stderr += d })
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - t0
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()))
      } catch {
        const timedOut = signal === 'SIGKILL' && wallMs >= limitSec * 1000
        const error = timedOut ? { name: 'BenchTimeout', message: `no result within ${limitSec} s` }
          : { name: 'ChildExit', message: `extraction process ended with ${signal ?? `exit code ${code}`}: ${stderr.split('\n').find(l => /\w*Error\b/.test(l)) ?? stderr.trim().split('\n')[0] ?? ''}`, stderr: stderr.slice(-4000) }
        resolve({ ok: false, error: { ...error, klp: false }, cpuMs: NaN, wallMs })
      }
    })
  })
}

async function pool(items, jobs, fn) {
  let next = 0
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, async () => {
    while (next < items.length) { const i = next++; await fn(items[i], i) }
  }))
}

// ---- the bench ----
export function sampleFiles(kernel, size, only) {
  const changed = changedFiles(kernel.old.src, kernel.new.src)
  const single = []
  for (const rel of changed) {
    const r = spawnSync('diff', ['-u', path.join(kernel.old.src, rel), path.join(kernel.new.src, rel)], { encoding: 'latin1', maxBuffer: 64 << 20 })
    if (r.status !== 1) throw new BenchError(`diff -u of ${rel} failed (exit ${r.status})`)
    const hunks = parseHunks(r.stdout)
    if (hunks.length === 1) single.push({ file: rel, hunk: hunks[0] })
  }
  const picked = only ? single.filter(s => only.includes(s.file)) : spread(single, size)
  return { changed: changed.length, single: single.length, picked, only: Boolean(only) }
}

async function main() {
  const { values } = parseArgs({ options: { one: { type: 'string' }, object: { type: 'string' }, 'skip-object': { type: 'boolean' }, sample: { type: 'string' }, jobs: { type: 'string' }, timeout: { type: 'string' }, only: { type: 'string' }, list: { type: 'boolean' } } })
  if (values.one) return extractOne(JSON.parse(values.one))
  if (values.object) return objectOne(JSON.parse(values.object))
  requireBuild()
  const size = Number(values.sample ?? 40), jobs = Number(values.jobs ?? 1), limitSec = Number(values.timeout ?? 300)
  if (!(size >= 1 && jobs >= 1 && limitSec >= 1)) throw new BenchError('--sample, --jobs and --timeout take positive numbers')
  const t0 = performance.now()
  const kernel = fetchKernel()
  const benchDir = path.join(kernel.cache, 'bench')
  const s = sampleFiles(kernel, size, values.only?.split(','))
  if (s.picked.length === 0) throw new BenchError('no single-hunk .c file to sample (is the kernel cache complete?)')
  const rows = s.picked.map(({ file, hunk }) => {
    const read = (t) => fs.readFileSync(path.join(t.src, file), 'latin1')
    return { file, ...hunkTargets(hunk, functionSpans(read(kernel.old)), functionSpans(read(kernel.new))) }
  })
  if (values.list) {
    for (const r of rows) console.log(`${r.file}: ${r.targets.join(', ') || '-'}${r.outside.length ? `  outside: ${r.outside[0]}` : ''}${[...r.added, ...r.removed, ...r.generated].map(n => `  other: ${n}`).join('')}`)
    return
  }
  const contexts = await buildContexts(rows.filter(r => r.targets.length).map(r => r.file), kernel.old, benchDir, kernel.new.src)
  const jobsList = []
  for (const r of rows) {
    const c = contexts.get(r.file)
    if (!r.targets.length) r.status = 'outside'
    else if (c.failed && /printed no command/.test(c.failed.message)) { r.status = 'not-built'; r.why = c.failed.message }
    else if (c.failed) {
      // verify would stop here too: a failure of the front door, counted
      r.status = 'counted'
      r.results = r.targets.map(func => ({ func, ok: false, error: { ...c.failed, klp: true }, class: `build context: ${c.failed.name}`, cpuMs: NaN, wallMs: NaN }))
    } else {
      r.status = 'counted'
      r.results = []
      for (const func of r.targets) jobsList.push({ r, func, cflags: c.cflags })
    }
  }
  const timeoutMs = Math.max(120_000, limitSec * 1000) // what verify gives gcc -E at its default --timeout
  await pool(jobsList, jobs, async ({ r, func, cflags }, i) => {
    const job = { oldPath: path.join(kernel.old.src, r.file), newPath: path.join(kernel.new.src, r.file), func, cflags, timeoutMs }
    let res = await runChild(job, limitSec)
    // a process that died without a result (e.g. dist/ rebuilt under it) runs once more; the JSON keeps the first death
    if (res.error?.name === 'ChildExit') res = { ...await runChild(job, limitSec), firstAttempt: res.error }
    r.results.push({ func, ...res, ...(res.ok ? {} : { class: errorClass(res.error) }) })
    console.error(`bench-kernel: [${i + 1}/${jobsList.length}] ${r.file} ${func}: ${res.ok ? 'ok' : res.compiledOut ? 'compiled out' : errorClass(res.error)} (${fmt(res.wallMs)})`)
  })
  // the object step, once per counted file (its first function names the proof; the step lists every changed one)
  if (!values['skip-object']) {
    const files = rows.filter(r => r.status === 'counted' && !contexts.get(r.file).failed)
    for (const [i, r] of files.entries()) {
      const job = { oldPath: path.join(kernel.old.src, r.file), newPath: path.join(kernel.new.src, r.file), func: r.targets[0], cflags: contexts.get(r.file).cflags, timeoutMs }
      r.object = await runChild(job, limitSec, '--object')
      console.error(`bench-kernel: object step [${i + 1}/${files.length}] ${r.file}: ${r.object.ok ? `build ${fmt(r.object.compile.wallMs)}, rest ${fmt(r.object.rest.wallMs)}` : r.object.error?.message ?? r.object.error}`)
    }
  }
  report(rows, s, kernel, benchDir, performance.now() - t0)
}

/** The object step's table and its target: ≤ OBJECT_TARGET_MS per file beyond compiling it. */
function objectReport(rows, cell) {
  const done = rows.filter(r => r.object)
  if (!done.length) return null
  const ok = done.filter(r => r.object.ok)
  const table = done.map(r => r.object.ok
    ? [r.file, fmt(r.object.compile.wallMs), fmt(r.object.rest.wallMs), fmt(r.object.rest.cpuMs), fmt(r.object.rest.indexWallMs), fmt(r.object.rest.objectsWallMs), cell(r.object.functions.join(', ') || '-', 70), String(r.object.hazards.length)]
    : [r.file, '-', '-', '-', '-', '-', cell(`FAILED: ${typeof r.object.error === 'string' ? r.object.error : r.object.error?.message}`, 70), '-'])
  // rest = source index (reading both preprocessed versions: which functions changed) + objects (readelf/objdump both, diff)
  const header = ['file', 'build (2 × gcc -c)', 'rest', 'rest CPU', 'of it: index', 'objects', 'functions listed', 'hazards']
  const widths = header.map((h, i) => Math.max(h.length, ...table.map(t => t[i].length)))
  const line = (cells) => cells.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd()
  console.log(`\nobject step (live patch: build both objects, then index, read and diff them), per file:`)
  console.log(line(header))
  console.log(widths.map(w => '-'.repeat(w)).join('  '))
  for (const t of table) console.log(line(t))
  const rest = ok.map(r => r.object.rest.wallMs).sort((a, b) => a - b)
  const over = ok.filter(r => r.object.rest.wallMs > OBJECT_TARGET_MS)
  const summary = { files: done.length, ok: ok.length, medianRestMs: rest[Math.floor(rest.length / 2)] ?? null, maxRestMs: rest.at(-1) ?? null, over: over.map(r => r.file), targetMs: OBJECT_TARGET_MS }
  console.log(`object step beyond the build: median ${summary.medianRestMs === null ? '-' : fmt(summary.medianRestMs)}, max ${summary.maxRestMs === null ? '-' : fmt(summary.maxRestMs)} (target ≤ ${fmt(OBJECT_TARGET_MS)} per file); ${ok.length}/${done.length} files built and compared`)
  if (over.length || ok.length < done.length) {
    const msg = `BELOW TARGET: object step ${over.length} file(s) over ${fmt(OBJECT_TARGET_MS)} beyond the build, ${done.length - ok.length} failed`
    console.log(`\n*** ${msg} ***`)
    console.error(`bench-kernel: ${msg}`)
  }
  return summary
}

/** Why a sampled file does not count. */
function apartReason(r, cell) {
  if (r.status === 'not-built') return `not built with this config: ${r.why}`
  if (r.status === 'compiled-out') return `compiled out by this config (gcc -E never defines ${r.targets.join(', ')})`
  if (r.generated.length) return `function defined by a macro: ${r.generated.join(', ')}`
  const renamed = [r.added.length ? `adds function ${r.added.join(', ')}` : '', r.removed.length ? `removes function ${r.removed.join(', ')}` : '']
  if (renamed.some(Boolean)) return renamed.filter(Boolean).join('; ')
  return `outside any function: ${cell(r.outside[0] ?? '(only blank or comment lines)', 90)}`
}

function report(rows, s, kernel, benchDir, totalMs) {
  for (const r of rows.filter(r => r.status === 'counted' && r.results.every(x => x.ok || x.compiledOut) && r.results.some(x => x.compiledOut))) r.status = 'compiled-out'
  const counted = rows.filter(r => r.status === 'counted')
  for (const r of counted) r.ok = r.results.every(x => x.ok)
  const ok = counted.filter(r => r.ok).length
  const rate = counted.length ? ok / counted.length : 0
  const srcRoot = `${path.dirname(kernel.old.src)}/`
  const cell = (x, n) => { const t = x.split(srcRoot).join(''); return t.length > n ? `${t.slice(0, n - 1)}…` : t }
  const table = counted.flatMap(r => r.results.map(x => [r.file, x.func, x.ok ? 'ok' : 'FAIL', x.ok ? `${x.lines.old}/${x.lines.new} lines` : cell(`${x.class} — ${firstLine(x.error.message)}`, 110), fmt(x.cpuMs), fmt(x.wallMs)]))
  const header = ['file', 'function', 'result', 'harness text (old/new) or error', 'CPU', 'wall']
  const widths = header.map((h, i) => Math.max(h.length, ...table.map(t => t[i].length)))
  const line = (cells) => cells.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd()
  console.log(`kernel extraction bench: ${kernel.old.version} → ${kernel.new.version}; ${s.changed} changed .c files in ${SAMPLE_DIRS.join(', ')}; ${s.single} single-hunk; ${s.only ? `--only: ${rows.length}` : `sampled ${rows.length} (sorted, indices ⌊i·${s.single}/${rows.length}⌋)`}`)
  console.log(line(header))
  console.log(widths.map(w => '-'.repeat(w)).join('  '))
  for (const t of table) console.log(line(t))
  const apart = rows.filter(r => r.status !== 'counted')
  if (apart.length) console.log('\nnot counted:')
  for (const r of apart) console.log(`  ${r.file}: ${apartReason(r, cell)}`)
  const classes = new Map()
  for (const r of counted) for (const x of r.results) if (!x.ok) (classes.get(x.class) ?? classes.set(x.class, []).get(x.class)).push({ file: r.file, func: x.func, error: firstLine(x.error.message) })
  if (classes.size) console.log('\nfailure classes:')
  for (const [c, list] of [...classes].sort((a, b) => b[1].length - a[1].length)) console.log(`  ${list.length} × ${c}\n      e.g. ${list[0].file} ${list[0].func}(): ${cell(list[0].error, 160)}`)
  const pct = (100 * rate).toFixed(1)
  console.log(`\nextraction rate: ${ok}/${counted.length} files = ${pct} % (target ≥ ${TARGET_RATE * 100} %); ${apart.length} not counted; bench ${fmt(totalMs)}`)
  if (rate < TARGET_RATE) {
    const msg = `BELOW TARGET: kernel extraction rate ${pct} % < ${TARGET_RATE * 100} %`
    console.log(`\n*** ${msg} ***`)
    console.error(`bench-kernel: ${msg}`)
  }
  const object = objectReport(rows, cell)
  const when = new Date().toISOString()
  const json = { when, object, old: kernel.old.version, new: kernel.new.version, sampleRule: `sorted single-hunk .c files under ${SAMPLE_DIRS.join(', ')}; indices floor(i*N/k)`, changed: s.changed, singleHunk: s.single, sampled: rows.length, counted: counted.length, ok, rate, target: TARGET_RATE, totalMs, classes: Object.fromEntries([...classes].map(([c, l]) => [c, l])), rows }
  const dir = path.join(benchDir, 'results')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${when.replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(file, `${JSON.stringify(json, null, 1)}\n`)
  if (!s.only) fs.copyFileSync(file, path.join(dir, 'latest.json'))
  console.log(`results: ${file}`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    if (!(err instanceof BenchError)) throw err
    console.error(`bench-kernel: error: ${err.message}`)
    process.exit(3)
  })
}
