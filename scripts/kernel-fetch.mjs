#!/usr/bin/env node
// Real-kernel test data for klp-verify (issue #10): two Debian linux-source-6.12 trees plus Debian's amd64
// config, cached OUTSIDE the repository (no kernel code is committed), extracted only as far as the tests
// need, and prepared in scratch build folders (`make O=…`), never touching the source trees.
//
//   node scripts/kernel-fetch.mjs                 # download + extract both trees (idempotent)
//   node scripts/kernel-fetch.mjs --prepare       # … and `olddefconfig` + `prepare` each tree in build/<ver>
//   node scripts/kernel-fetch.mjs --dirs lib,net/ipv4 --prepare --json
//
// Options: --versions A,B (Debian versions of linux-source-6.12), --config VERSION (linux-config-6.12),
// --dirs D,… (source folders to extract besides what `make prepare` needs; default lib,fs,net,kernel,mm and
// drivers/{hwmon,net/can,nvme}),
// --target prepare|modules_prepare, --jobs N (make -j, default 2), --json (print the paths as JSON).
// Cache: $KLP_KERNEL_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/klp-verify/kernel:
//   debs/*.deb   src/6.12.N/ (partial tree + .klp-fetch.json)   config/<config ver>.amd64   build/6.12.N/ (O=)
// Downloads use the system's apt sources first, then a private bookworm-security sources list
// ($KLP_KERNEL_MIRROR, default http://deb.debian.org/debian-security). Needs apt-get, dpkg-deb, xz, tar,
// make, gcc, flex, bison, bc, libelf-dev (objtool) and libssl-dev (sign-file) for --prepare; a missing one is an
// error naming the apt-get line that installs it. Node builtins only.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const DEFAULT_VERSIONS = ['6.12.117-1~deb12u1', '6.12.118-1~deb12u1']
const CONFIG_VERSION = '6.12.118-1~deb12u1'
const CONFIG_FLAVOUR = 'config.amd64_none_amd64.xz'
/** What the real-kernel tests read (test/integration/kernel-*.ts): one extraction pass serves them all. */
const DEFAULT_DIRS = ['lib', 'fs', 'net', 'kernel', 'mm', 'drivers/hwmon', 'drivers/net/can', 'drivers/nvme']
/** What `make olddefconfig` + `make prepare` read (measured on 6.12.118 with Debian's amd64 config). */
const PREPARE_PATHS = [
  'Makefile', 'Kbuild', 'Kconfig', '*/Kconfig*', '*/Makefile*', '*/Kbuild*',
  'include', 'arch/x86', 'scripts', 'kernel', 'usr', 'certs', 'security/selinux/include',
  'tools/objtool', 'tools/lib', 'tools/include', 'tools/arch/x86', 'tools/build', 'tools/scripts',
]
const TOP = 'linux-source-6.12'
const MIRROR = process.env.KLP_KERNEL_MIRROR || 'http://deb.debian.org/debian-security'

const log = (msg) => console.error(`kernel-fetch: ${msg}`)
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`
class FetchError extends Error {}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20, ...opts })
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`
  const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`
  return { ok: !r.error && r.status === 0, out, why }
}

function must(what, r) {
  if (!r.ok) throw new FetchError(`${what} failed (${r.why}):\n    ${r.out.trim().split('\n').slice(-8).join('\n    ')}`)
  return r
}

function cacheRoot() {
  if (process.env.KLP_KERNEL_CACHE) return path.resolve(process.env.KLP_KERNEL_CACHE)
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache')
  return path.join(xdg, 'klp-verify', 'kernel')
}

/** Folder name of a tree: the upstream release (Kbuild dislikes odd characters such as `~` in paths). */
const treeName = (ver) => ver.replace(/-.*/, '')

const debName = (pkg, ver, arch) => `${pkg}_${ver.replace(/^\d+:/, '')}_${arch}.deb`

/** A deb is usable if dpkg-deb can read its control part (a truncated download cannot). */
const debOk = (file) => fs.existsSync(file) && run('dpkg-deb', ['--field', file, 'Version']).ok

/** `apt-get download` into debsDir: system sources first, then a private bookworm-security list. */
function download(debsDir, wanted) {
  const missing = wanted.filter((w) => !debOk(path.join(debsDir, w.file)))
  if (missing.length === 0) return
  const specs = missing.map((w) => `${w.pkg}=${w.ver}`)
  const t0 = Date.now()
  log(`downloading ${specs.join(' ')} …`)
  let r = run('apt-get', ['download', '-q', ...specs], { cwd: debsDir, timeout: 1_800_000 })
  if (!r.ok) {
    const apt = path.join(debsDir, '.apt')
    for (const d of ['lists/partial', 'cache/archives/partial']) fs.mkdirSync(path.join(apt, d), { recursive: true })
    const list = path.join(apt, 'sources.list')
    const key = '/usr/share/keyrings/debian-archive-keyring.gpg'
    fs.writeFileSync(list, `deb ${fs.existsSync(key) ? `[signed-by=${key}] ` : ''}${MIRROR} bookworm-security main\n`)
    const opts = ['-q', '-o', `Dir::Etc::SourceList=${list}`, '-o', 'Dir::Etc::SourceParts=/dev/null',
      '-o', `Dir::State::Lists=${path.join(apt, 'lists')}`, '-o', `Dir::Cache=${path.join(apt, 'cache')}`,
      '-o', 'Dir::State::status=/dev/null', '-o', 'Debug::NoLocking=1']
    must('apt-get update (bookworm-security)', run('apt-get', [...opts, 'update'], { timeout: 600_000 }))
    r = run('apt-get', [...opts, 'download', ...specs], { cwd: debsDir, timeout: 1_800_000 })
    fs.rmSync(apt, { recursive: true, force: true })
  }
  must(`apt-get download ${specs.join(' ')}`, r)
  for (const w of missing) {
    if (!debOk(path.join(debsDir, w.file))) throw new FetchError(`apt-get download did not leave ${w.file}`)
  }
  log(`downloaded ${missing.length} package(s) in ${seconds(t0)}`)
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** Extract `paths` (tar wildcards, relative to the tree) of the linux-source deb into dest; returns seconds. */
function extract(deb, dest, paths) {
  fs.mkdirSync(dest, { recursive: true })
  const script = 'set -o pipefail; dpkg-deb --fsys-tarfile "$1" | tar -xO ./usr/src/linux-source-6.12.tar.xz | ' +
    'xz -dc | tar -x -C "$2" --strip-components=1 --wildcards "${@:3}"'
  const t0 = Date.now()
  must(`extracting ${path.basename(deb)}`, run('bash', ['-c', script, 'sh', deb, dest, ...paths.map((p) => `${TOP}/${p}`)],
    { timeout: 1_800_000 }))
  return (Date.now() - t0) / 1000
}

/** The tree at src/<ver> holds PREPARE_PATHS + dirs; extracts only what an earlier run did not. */
function ensureTree(cache, deb, ver, dirs) {
  const dest = path.join(cache, 'src', treeName(ver))
  const markFile = path.join(dest, '.klp-fetch.json')
  let mark = readJson(markFile)
  if (mark?.version !== ver) {
    fs.rmSync(dest, { recursive: true, force: true }) // another Debian revision of the same upstream release
    mark = { version: ver, paths: [] }
  }
  const want = [...new Set([...PREPARE_PATHS, ...dirs])]
  // a folder an earlier run extracted covers everything under it (`net` covers `net/wireless`)
  const covered = (p) => mark.paths.some((m) => m === p || p.startsWith(`${m}/`))
  const todo = want.filter((p) => !covered(p))
  if (todo.length === 0) return { dest, took: 0 }
  log(`extracting ${todo.length} path(s) of linux-source ${ver} into ${dest} …`)
  const took = extract(deb, dest, todo)
  mark.paths = [...new Set([...mark.paths, ...todo])]
  fs.writeFileSync(markFile, `${JSON.stringify(mark, null, 2)}\n`)
  log(`extracted in ${took.toFixed(1)} s`)
  return { dest, took }
}

/**
 * Host tools this script runs, with the Debian package that provides each; `prepare` adds what
 * `make olddefconfig prepare` builds on the host with Debian's config (kconfig's parser: flex and
 * bison; include/generated/timeconst.h: bc; objtool: libelf; scripts/sign-file: OpenSSL).
 */
const FETCH_TOOLS = [
  { what: 'apt-get', pkg: 'apt', cmd: ['apt-get', '--version'] },
  { what: 'dpkg-deb', pkg: 'dpkg', cmd: ['dpkg-deb', '--version'] },
  { what: 'xz', pkg: 'xz-utils', cmd: ['xz', '--version'] },
  { what: 'tar', pkg: 'tar', cmd: ['tar', '--version'] },
]
const PREPARE_TOOLS = [
  { what: 'make', pkg: 'make', cmd: ['make', '--version'] },
  { what: 'gcc', pkg: 'gcc', cmd: ['gcc', '--version'] },
  { what: 'flex', pkg: 'flex', cmd: ['flex', '--version'] },
  { what: 'bison', pkg: 'bison', cmd: ['bison', '--version'] },
  { what: 'bc', pkg: 'bc', cmd: ['bc', '--version'] },
  { what: 'libelf headers (gelf.h, for objtool)', pkg: 'libelf-dev', header: 'gelf.h' },
  { what: 'OpenSSL headers (for scripts/sign-file)', pkg: 'libssl-dev', header: 'openssl/opensslv.h' },
]

/** Every missing tool in one error, with the apt-get line that installs them (never a silent skip). */
function checkHostTools(tools) {
  const present = (t) => t.header
    ? run('gcc', ['-E', '-x', 'c', '-o', '/dev/null', '-'], { input: `#include <${t.header}>\n` }).ok
    : run(t.cmd[0], t.cmd.slice(1)).ok
  const missing = tools.filter((t) => !present(t))
  if (missing.length === 0) return
  throw new FetchError(`missing on this host: ${missing.map((t) => t.what).join(', ')}\n` +
    `    install them: apt-get install ${[...new Set(missing.map((t) => t.pkg))].join(' ')}`)
}

function ensureConfig(cache, deb, ver) {
  const file = path.join(cache, 'config', `${ver}.amd64`)
  if (fs.existsSync(file)) return file
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const script = 'set -o pipefail; dpkg-deb --fsys-tarfile "$1" | tar -xO "./usr/src/linux-config-6.12/$2" | xz -dc > "$3.tmp"'
  must('extracting the Debian config', run('bash', ['-c', script, 'sh', deb, CONFIG_FLAVOUR, file]))
  fs.renameSync(`${file}.tmp`, file)
  return file
}

/** `make O=build/<ver> olddefconfig <target>` with Debian's config; skipped if done with the same inputs. */
function ensurePrepared(cache, src, ver, config, target, jobs) {
  const out = path.join(cache, 'build', treeName(ver))
  const markFile = path.join(out, '.klp-prepared.json')
  const configHash = crypto.createHash('sha256').update(fs.readFileSync(config)).digest('hex').slice(0, 16)
  const mark = readJson(markFile)
  if (mark && mark.configHash === configHash && mark.targets?.includes(target)) return { out, times: mark.times }
  fs.mkdirSync(out, { recursive: true })
  fs.copyFileSync(config, path.join(out, '.config'))
  const make = (args) => {
    const t0 = Date.now()
    must(`make ${args.join(' ')} (in ${out})`, run('make', ['-C', src, `O=${out}`, ...args], { timeout: 3_600_000 }))
    return (Date.now() - t0) / 1000
  }
  log(`configuring ${ver} in ${out} (olddefconfig, ${target}, -j${jobs}) …`)
  const times = { olddefconfig: make(['olddefconfig']) }
  times[target] = make([`-j${jobs}`, target])
  fs.writeFileSync(markFile, `${JSON.stringify({ version: ver, configHash, targets: [target], times }, null, 2)}\n`)
  log(`prepared ${ver}: ${Object.entries(times).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}`)
  return { out, times }
}

/**
 * One fetch at a time per cache (tests run in parallel and may both find the cache empty): a lock folder
 * holding the owner's pid; a lock whose owner is gone is taken over.
 */
function withLock(cache, fn) {
  const lock = path.join(cache, '.lock')
  const pidFile = path.join(lock, 'pid')
  const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
  const alive = (pid) => {
    try {
      process.kill(pid, 0)
      return true
    } catch (err) {
      return err.code === 'EPERM'
    }
  }
  fs.mkdirSync(cache, { recursive: true })
  const t0 = Date.now()
  let told = false
  for (;;) {
    try {
      fs.mkdirSync(lock)
      fs.writeFileSync(pidFile, String(process.pid))
      break
    } catch (err) {
      if (err.code !== 'EEXIST') throw err
      const pid = Number(readJson(pidFile))
      if (pid && !alive(pid)) {
        fs.rmSync(lock, { recursive: true, force: true })
        continue
      }
      if (Date.now() - t0 > 3_600_000) throw new FetchError(`${lock} is still held by process ${pid || '?'} after an hour`)
      if (!told) log(`waiting for another kernel-fetch (pid ${pid || '?'}) to finish …`)
      told = true
      sleep(500)
    }
  }
  try {
    return fn()
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}

function main() {
  const { values } = parseArgs({
    options: {
      versions: { type: 'string' }, config: { type: 'string' }, dirs: { type: 'string' },
      prepare: { type: 'boolean' }, target: { type: 'string' }, jobs: { type: 'string' }, json: { type: 'boolean' },
    },
  })
  const versions = values.versions ? values.versions.split(',') : DEFAULT_VERSIONS
  const configVersion = values.config ?? CONFIG_VERSION
  const dirs = values.dirs ? values.dirs.split(',').filter(Boolean) : DEFAULT_DIRS
  const target = values.target ?? 'prepare'
  const jobs = Number(values.jobs ?? 2)
  for (const v of [...versions, configVersion]) {
    if (!/^6\.12\.\d+-\d+(~deb\d+u\d+)?$/.test(v)) throw new FetchError(`not a linux-6.12 Debian version: ${v}`)
  }
  if (dirs.some((d) => d.startsWith('/') || d.split('/').includes('..'))) throw new FetchError('--dirs must be relative')
  if (!['prepare', 'modules_prepare'].includes(target)) throw new FetchError('--target is prepare or modules_prepare')
  if (!(jobs >= 1)) throw new FetchError('--jobs must be a positive number')

  checkHostTools(values.prepare ? [...FETCH_TOOLS, ...PREPARE_TOOLS] : FETCH_TOOLS)
  const cache = cacheRoot()
  withLock(cache, () => fetchAll(cache, { versions, configVersion, dirs, target, jobs, prepare: values.prepare, json: values.json }))
}

function fetchAll(cache, { versions, configVersion, dirs, target, jobs, prepare, json }) {
  const debsDir = path.join(cache, 'debs')
  fs.mkdirSync(debsDir, { recursive: true })
  const sources = versions.map((ver) => ({ pkg: 'linux-source-6.12', ver, file: debName('linux-source-6.12', ver, 'all') }))
  const cfg = { pkg: 'linux-config-6.12', ver: configVersion, file: debName('linux-config-6.12', configVersion, 'amd64') }
  download(debsDir, [...sources, cfg])
  const config = ensureConfig(cache, path.join(debsDir, cfg.file), configVersion)
  const result = { cache, config, trees: {} }
  for (const s of sources) {
    const { dest } = ensureTree(cache, path.join(debsDir, s.file), s.ver, dirs)
    result.trees[s.ver] = { src: dest }
    if (prepare) Object.assign(result.trees[s.ver], ensurePrepared(cache, dest, s.ver, config, target, jobs))
  }
  if (json) console.log(JSON.stringify(result, null, 2))
  else for (const [v, t] of Object.entries(result.trees)) log(`${v}: src ${t.src}${t.out ? `, build ${t.out}` : ''}`)
}

try {
  main()
} catch (err) {
  if (!(err instanceof FetchError)) throw err
  console.error(`error: ${err.message}`)
  console.error('hint: see the usage comment at the top of scripts/kernel-fetch.mjs (cache: $KLP_KERNEL_CACHE)')
  process.exitCode = 3
}
