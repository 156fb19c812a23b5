/**
 * The few tar (ustar) records a cache archive needs: regular files with short relative names
 * (pure). Reading is strict: an archive is untrusted input, so anything but a plain file record
 * is reported, never followed (no links, no absolute or `..` names, no devices).
 */
export interface TarFile {
  readonly name: string
  readonly data: Buffer
}

const BLOCK = 512

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`
}

function header(name: string, size: number, mtime: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: name too long: ${name}`)
  const h = Buffer.alloc(BLOCK)
  h.write(name, 0, 100, 'utf8')
  h.write(octal(0o600, 8), 100)
  h.write(octal(0, 8), 108)
  h.write(octal(0, 8), 116)
  h.write(octal(size, 12), 124)
  h.write(octal(mtime, 12), 136)
  h.write('        ', 148) // checksum field counts as spaces
  h.write('0', 156) // a regular file
  h.write('ustar\0', 257)
  h.write('00', 263)
  let sum = 0
  for (const b of h) sum += b
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
  return h
}

/** An archive of the files (in the order given), with a fixed mtime so the same files give the same bytes. */
export function writeTar(files: readonly TarFile[], mtime = 0): Buffer {
  const parts: Buffer[] = []
  for (const f of files) {
    parts.push(header(f.name, f.data.length, mtime), f.data)
    const pad = (BLOCK - (f.data.length % BLOCK)) % BLOCK
    if (pad) parts.push(Buffer.alloc(pad))
  }
  parts.push(Buffer.alloc(BLOCK * 2))
  return Buffer.concat(parts)
}

const field = (h: Buffer, at: number, len: number) => h.subarray(at, at + len).toString('utf8').replace(/\0.*$/s, '')

/**
 * The plain files of an archive, and what else it held (one line each: links, folders, bad
 * names or checksums). Stops at the end marker or at the first record it cannot read.
 */
export function readTar(buf: Buffer, maxFileBytes: number): { readonly files: TarFile[]; readonly skipped: string[] } {
  const files: TarFile[] = []
  const skipped: string[] = []
  for (let at = 0; at + BLOCK <= buf.length;) {
    const h = buf.subarray(at, at + BLOCK)
    if (h.every(b => b === 0)) break
    let sum = 0
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!
    const name = field(h, 0, 100)
    const size = parseInt(field(h, 124, 12).trim() || 'x', 8)
    if (parseInt(field(h, 148, 8).trim() || 'x', 8) !== sum || !Number.isFinite(size) || size < 0) {
      skipped.push(`a damaged record at byte ${at}: the rest of the archive is not read`)
      break
    }
    const type = field(h, 156, 1) || '0'
    const end = at + BLOCK + size
    if (end > buf.length) {
      skipped.push(`${name}: cut short (the archive is truncated)`)
      break
    }
    if (type !== '0') skipped.push(`${name}: not a plain file (type ${type})`)
    else if (size > maxFileBytes) skipped.push(`${name}: larger than ${maxFileBytes} bytes`)
    else files.push({ name, data: Buffer.from(buf.subarray(at + BLOCK, end)) })
    at = end + ((BLOCK - (size % BLOCK)) % BLOCK)
  }
  return { files, skipped }
}
