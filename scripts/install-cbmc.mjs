#!/usr/bin/env node
// postinstall: make sure a CBMC >= 6 (and, if possible, the CaDiCaL SAT solver) is usable after
// `npm install`. Node builtins only: this runs before the TypeScript is built. See docs/install.md.
//
// Order: KLP_SKIP_CBMC_INSTALL → $KLP_CBMC → <package>/.klp-tools/bin/cbmc → cbmc on PATH → provision
// from Debian trixie .debs into <package>/.klp-tools without touching the system's apt state.
// Never fails `npm install`: problems end in a warning and exit code 0.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const MIN_MAJOR = 6
const MIRROR = process.env.KLP_DEBIAN_MIRROR || 'http://deb.debian.org/debian'
const SUITE = 'trixie'
const TRIPLET = 'x86_64-linux-gnu'
const LOADER = 'ld-linux-x86-64.so.2'
const RUNTIME_DEBS = ['libc6', 'libstdc++6', 'libgcc-s1']
/** CaDiCaL for bit-level proofs; Z3 for proofs with multiplication/division (cbmc --z3). */
const SOLVER_DEBS = ['cadical', 'z3', 'libz3-4']
const CBMC_DEBS = ['cbmc', 'minisat', ...SOLVER_DEBS, ...RUNTIME_DEBS]
const SOLVERS_ONLY_DEBS = [...SOLVER_DEBS, ...RUNTIME_DEBS]
const WRAPPED = ['cbmc', 'goto-cc', 'goto-instrument', 'goto-harness', 'goto-diff', 'cadical', 'z3']
/** Keyrings tried with `[signed-by=…]` when apt's default trust store lacks trixie's key. */
const KEYRINGS = [
  '/usr/share/keyrings/debian-archive-trixie-stable.gpg',
  '/usr/share/keyrings/debian-archive-keyring.gpg',
  '/etc/apt/trusted.gpg.d/debian-archive-trixie-stable.asc',
]

const env = process.env
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const toolsDir = path.join(projectRoot, '.klp-tools')
const binDir = path.join(toolsDir, 'bin')
const rootDir = path.join(toolsDir, 'root')
const aptDir = path.join(toolsDir, 'apt')

const log = (msg) => console.log(`klp-verify: ${msg}`)
const rel = (p) => (p.startsWith(projectRoot + path.sep) ? path.relative(projectRoot, p) : p)
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`

class InstallError extends Error {}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000, maxBuffer: 64 << 20, ...opts })
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`
  const ok = !r.error && r.status === 0
  const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`
  return { ok, out, why, stdout: r.stdout ?? '' }
}

/** Same rule as src/cbmc/version.ts (kept in sync by hand: this script cannot import TypeScript). */
function parseCbmcVersion(stdout) {
  const line = stdout.split('\n').map((l) => l.trim()).find((l) => l !== '')
  const m = line && /^(?:cbmc\s+(?:version\s+)?)?v?(\d+)\.(\d+)(?:\.(\d+))?(?![\d.])/i.exec(line)
  return m ? { major: Number(m[1]), text: line } : null
}

function isExecutable(p) {
  try {
    if (!fs.statSync(p).isFile()) return false
    fs.accessSync(p, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** `{ path, version }` if `p` is a working CBMC >= 6, else `{ path, problem }`. */
function probeCbmc(p) {
  if (!isExecutable(p)) return { path: p, problem: 'is missing or not executable' }
  const r = run(p, ['--version'])
  if (!r.ok) return { path: p, problem: `failed to run \`--version\` (${r.why})` }
  const v = parseCbmcVersion(r.stdout)
  if (!v) return { path: p, problem: 'printed no version number for `--version`' }
  if (v.major < MIN_MAJOR) return { path: p, problem: `is CBMC ${v.text}, older than ${MIN_MAJOR}.0` }
  return { path: p, version: v.text }
}

function probeCadical(p) {
  if (!isExecutable(p)) return null
  const r = run(p, ['--version'])
  return r.ok ? { path: p, version: r.stdout.trim().split('\n')[0] } : null
}

function pathDirs() {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((d) => d !== '')
  return [...new Set(dirs.map((d) => path.resolve(d)))]
}

const onPath = (name) => pathDirs().map((d) => path.join(d, name)).filter(isExecutable)

/** Find a usable CBMC without downloading. Mirrors the implicit part of src/cbmc/locate.ts. */
function findCbmc() {
  if (env.KLP_CBMC) {
    // Like src/cbmc/locate.ts: a bare name is looked up on PATH.
    const named = env.KLP_CBMC.includes('/') ? path.resolve(env.KLP_CBMC) : (onPath(env.KLP_CBMC)[0] ?? env.KLP_CBMC)
    return { source: '$KLP_CBMC', ...probeCbmc(named) }
  }
  const local = probeCbmc(path.join(binDir, 'cbmc'))
  if (local.version) return { source: 'project-local', ...local }
  for (const p of onPath('cbmc')) {
    const c = probeCbmc(p)
    if (c.version) return { source: 'PATH', ...c }
    log(`ignoring ${p}: ${c.problem}`)
  }
  return null
}

/** Same order as src/cbmc/locate.ts: next to cbmc, project-local, PATH. */
function findCadical(cbmcPath, name = 'cadical') {
  const candidates = [
    ...(cbmcPath ? [path.join(path.dirname(cbmcPath), name)] : []),
    path.join(binDir, name),
    ...onPath(name),
  ]
  for (const p of candidates) {
    const c = probeCadical(p)
    if (c) return c
  }
  return null
}

function missingPrerequisite() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return `automatic install supports x86_64 Linux only, this is ${process.platform}/${process.arch}`
  }
  for (const tool of ['apt-get', 'dpkg-deb']) {
    if (onPath(tool).length === 0) return `\`${tool}\` is not available`
  }
  return null
}

function aptOptions(sourcesList) {
  return [
    '-q',
    '-o', `Dir::Etc::SourceList=${sourcesList}`,
    '-o', 'Dir::Etc::SourceParts=/dev/null',
    '-o', `Dir::State::Lists=${path.join(aptDir, 'lists')}`,
    '-o', `Dir::Cache=${path.join(aptDir, 'cache')}`,
    '-o', 'Dir::State::status=/dev/null',
    '-o', 'Debug::NoLocking=1',
  ]
}

const aptErrors = (out) =>
  out.split('\n').filter((l) => /^(E|W):/.test(l)).slice(-6).join('\n    ') || out.trim().split('\n').slice(-6).join('\n    ')

/** `apt-get update` against a private trixie sources list; returns the apt options that worked. */
function aptUpdate() {
  const sourcesList = path.join(aptDir, 'sources.list')
  const attempts = [
    { label: "apt's trusted keys", opt: '' },
    ...KEYRINGS.filter((k) => fs.existsSync(k)).map((k) => ({ label: k, opt: `[signed-by=${k}] ` })),
  ]
  // Unsigned indexes over plain HTTP would let anyone on the network swap the binaries: opt-in only.
  const unsigned = { label: 'nothing: UNVERIFIED, [trusted=yes]', opt: '[trusted=yes] ' }
  if (env.KLP_CBMC_ALLOW_UNSIGNED === '1') attempts.push(unsigned)
  let last = ''
  let keyProblem = false
  for (const a of attempts) {
    fs.writeFileSync(sourcesList, `deb ${a.opt}${MIRROR} ${SUITE} main\n`)
    const opts = aptOptions(sourcesList)
    const r = run('apt-get', [...opts, 'update'], { timeout: 300_000 })
    // A failed fetch is only a warning (exit 0) for apt-get update: look for the index itself.
    const gotIndex = fs.readdirSync(path.join(aptDir, 'lists')).some((f) => f.includes('_Packages'))
    keyProblem = /NO_PUBKEY|EXPKEYSIG|is not signed/.test(r.out)
    if (r.ok && gotIndex && (!keyProblem || a === unsigned)) return { opts, keys: a.label }
    last = r.out
    if (!keyProblem) break // network or mirror trouble: other keyrings will not help
  }
  const hint = keyProblem
    ? `\n    (no keyring here has Debian ${SUITE}'s signing key: install a newer debian-archive-keyring, or accept` +
      ' unverified downloads with KLP_CBMC_ALLOW_UNSIGNED=1)'
    : ''
  throw new InstallError(`apt-get update of Debian ${SUITE} failed:\n    ${aptErrors(last)}${hint}`)
}

function wrapperScript(tool) {
  return `#!/bin/sh
# Generated by klp-verify's scripts/install-cbmc.mjs (see docs/install.md).
# Runs Debian ${SUITE}'s ${tool} with its own dynamic loader and libraries, leaving the system's alone.
self=$(readlink -f "$0" 2>/dev/null) || self=$0
root=$(cd "$(dirname "$self")/../root" && pwd -P) || exit 127
lib=$root/usr/lib/${TRIPLET}
exec "$lib/${LOADER}" --library-path "$lib:$root/usr/lib" "$root/usr/bin/${tool}" "$@"
`
}

/** Download `packages` from trixie, unpack them into .klp-tools/root, write the wrappers. */
function provision(packages) {
  const t0 = Date.now()
  const debsDir = path.join(aptDir, 'debs')
  for (const d of [path.join(aptDir, 'lists', 'partial'), path.join(aptDir, 'cache', 'archives', 'partial')]) {
    fs.mkdirSync(d, { recursive: true })
  }
  fs.rmSync(debsDir, { recursive: true, force: true })
  fs.mkdirSync(debsDir, { recursive: true })
  try {
    log(`downloading ${packages.join(' ')} from Debian ${SUITE} (${MIRROR}) into ${rel(toolsDir)}/ …`)
    const { opts, keys } = aptUpdate()
    const dl = run('apt-get', [...opts, 'download', ...packages], { cwd: debsDir, timeout: 600_000 })
    const debs = fs.readdirSync(debsDir).filter((f) => f.endsWith('.deb'))
    if (!dl.ok || debs.length < packages.length) {
      throw new InstallError(`apt-get download failed:\n    ${aptErrors(dl.out)}`)
    }
    const staging = `${rootDir}.partial`
    fs.rmSync(staging, { recursive: true, force: true })
    const installed = []
    for (const deb of debs.sort()) {
      const file = path.join(debsDir, deb)
      const x = run('dpkg-deb', ['-x', file, staging], { timeout: 120_000 })
      if (!x.ok) throw new InstallError(`dpkg-deb -x ${deb} failed (${x.why}):\n    ${x.out.trim()}`)
      installed.push(run('dpkg-deb', ['--show', '--showformat=${Package} ${Version}', file]).stdout.trim() || deb)
    }
    fs.rmSync(rootDir, { recursive: true, force: true })
    fs.renameSync(staging, rootDir)
    fs.rmSync(binDir, { recursive: true, force: true })
    fs.mkdirSync(binDir, { recursive: true })
    for (const tool of WRAPPED.filter((t) => fs.existsSync(path.join(rootDir, 'usr', 'bin', t)))) {
      fs.writeFileSync(path.join(binDir, tool), wrapperScript(tool), { mode: 0o755 })
    }
    fs.writeFileSync(
      path.join(toolsDir, 'installed.txt'),
      `# Unpacked by klp-verify's scripts/install-cbmc.mjs; remove .klp-tools/ to uninstall.\n` +
        `# Source: deb ${MIRROR} ${SUITE} main (keys: ${keys})\n${installed.join('\n')}\n`,
    )
    log(`installed ${installed.join(', ')} in ${seconds(t0)} (signatures checked with ${keys})`)
  } finally {
    // Keep root/ and bin/; the .debs and apt indexes (~45 MB) are only needed during the download.
    for (const d of ['debs', 'lists', 'cache']) fs.rmSync(path.join(aptDir, d), { recursive: true, force: true })
  }
}

/** Prove a two-line program, so a broken loader or solver shows up now instead of in klp-verify. */
function checkSolve(cbmc, cadical) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klp-cbmc-check-'))
  try {
    const file = path.join(dir, 'check.c')
    fs.writeFileSync(file, 'int main(void) {\n  unsigned x;\n  __CPROVER_assume(x < 100u);\n  __CPROVER_assert(x * 3u < 300u, "x3");\n  return 0;\n}\n')
    const args = [file, ...(cadical ? ['--external-sat-solver', cadical] : [])]
    const t0 = Date.now()
    const r = run(cbmc, args, { cwd: dir, timeout: 120_000 })
    if (r.ok && r.out.includes('VERIFICATION SUCCESSFUL')) return { ok: true, took: seconds(t0) }
    return { ok: false, detail: `${r.why}; last output:\n    ${r.out.trim().split('\n').slice(-5).join('\n    ')}` }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function warnManual(reason) {
  console.warn(`klp-verify: WARNING: no CBMC >= ${MIN_MAJOR} is available: ${reason}
  klp-verify needs CBMC >= ${MIN_MAJOR}.0 and stops with "no CBMC >= 6 found" until it has one. Install it by hand:
    - Debian 13 (trixie) or newer:  sudo apt-get install cbmc cadical
    - macOS (Homebrew):             brew install cbmc
    - other systems: a release from https://github.com/diffblue/cbmc/releases
  then check that \`cbmc --version\` prints ${MIN_MAJOR}.x, or point klp-verify at it:
    export KLP_CBMC=/path/to/cbmc        (or pass --cbmc /path/to/cbmc)
  CaDiCaL (\`cadical\` on PATH or next to cbmc) is optional but makes proofs several times faster.
  Retry this step with: node scripts/install-cbmc.mjs   (KLP_SKIP_CBMC_INSTALL=1 skips it)`)
}

function main() {
  const skip = env.KLP_SKIP_CBMC_INSTALL
  if (skip && !['0', 'false', 'no'].includes(skip.toLowerCase())) {
    log('KLP_SKIP_CBMC_INSTALL is set; not looking for or installing CBMC')
    return
  }
  const t0 = Date.now()
  let cbmc = findCbmc()
  let cadical = findCadical(cbmc?.version ? cbmc.path : undefined)
  let z3 = findCadical(cbmc?.version ? cbmc.path : undefined, 'z3')
  if (cbmc && !cbmc.version) {
    console.warn(`klp-verify: WARNING: KLP_CBMC=${env.KLP_CBMC} ${cbmc.problem}; klp-verify will refuse it.` +
      ' Not downloading a CBMC because KLP_CBMC is set: fix or unset it.')
  }
  const needCbmc = !cbmc
  if (needCbmc || !cadical || !z3) {
    const missing = missingPrerequisite()
    // A project-local cbmc without its solvers means a damaged or older install: redo all of it.
    const packages = needCbmc || cbmc.source === 'project-local' ? CBMC_DEBS : SOLVERS_ONLY_DEBS
    if (missing) {
      if (needCbmc) return warnManual(missing)
      log(`CaDiCaL not found and not installable (${missing}); CBMC will use its built-in MiniSat`)
    } else {
      try {
        provision(packages)
      } catch (err) {
        if (!(err instanceof InstallError)) throw err
        if (needCbmc) return warnManual(err.message)
        console.warn(`klp-verify: WARNING: could not install CaDiCaL: ${err.message}`)
      }
      if (needCbmc) {
        cbmc = { source: 'installed', ...probeCbmc(path.join(binDir, 'cbmc')) }
        if (!cbmc.version) return warnManual(`the freshly installed ${rel(cbmc.path)} ${cbmc.problem}`)
      }
      cadical = findCadical(cbmc.version ? cbmc.path : undefined)
      z3 = findCadical(cbmc.version ? cbmc.path : undefined, 'z3')
    }
  } else if (cbmc.source === 'project-local') {
    log(`CBMC already installed in ${rel(toolsDir)}/ (remove it to reinstall)`)
  }
  log(`cbmc:   ${rel(cbmc.path)}  (${cbmc.source}, ${cbmc.version ? `version ${cbmc.version}` : `UNUSABLE: ${cbmc.problem}`})`)
  log(`solver: ${cadical ? `CaDiCaL ${cadical.version} at ${rel(cadical.path)} (klp-verify passes --external-sat-solver)` : "CBMC's built-in MiniSat (no cadical found; slower)"}`)
  log(`smt:    ${z3 ? `${z3.version} at ${rel(z3.path)} (for proofs with multiplication or division)` : 'no z3 found; proofs with variable multiplication may time out'}`)
  if (!cbmc.version) return
  const check = checkSolve(cbmc.path, cadical?.path)
  if (check.ok) log(`check:  proved a test program in ${check.took}; ready (${seconds(t0)} in total)`)
  else console.warn(`klp-verify: WARNING: ${rel(cbmc.path)} could not prove a test program: ${check.detail}`)
}

try {
  main()
} catch (err) {
  // Our own bug or an unexpected filesystem error: say so, but never fail `npm install`.
  console.warn(`klp-verify: WARNING: CBMC install step crashed: ${err?.stack ?? err}`)
  warnManual('the install step crashed')
}
