import t from 'tap'
import { readTar, writeTar } from '../../src/series/tar.js'

t.test('round trip: names, contents, padding, end marker; the same files give the same bytes', async t => {
  const files = [{ name: 'ab/one.json', data: Buffer.from('x'.repeat(513)) }, { name: 'cd/two.json', data: Buffer.from('') }, { name: 'ef/3.json', data: Buffer.from('{"a":1}') }]
  const tar = writeTar(files)
  t.equal(tar.length % 512, 0)
  t.same(readTar(tar, 1 << 20), { files, skipped: [] })
  t.same(writeTar(files), tar)
  t.throws(() => writeTar([{ name: 'x'.repeat(101), data: Buffer.alloc(0) }]), /name too long/)
})

t.test('untrusted archives: links, folders, big files, bad checksums and truncation are skipped, said why', async t => {
  const one = writeTar([{ name: 'ab/link', data: Buffer.alloc(0) }])
  one.write('2', 156) // a symlink record
  // fix the checksum so only the type is wrong
  one.write('        ', 148)
  let sum = 0
  for (let i = 0; i < 512; i++) sum += one[i]!
  one.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
  t.same(readTar(one, 100), { files: [], skipped: ['ab/link: not a plain file (type 2)'] })
  t.same(readTar(writeTar([{ name: 'big', data: Buffer.alloc(200) }]), 100).skipped, ['big: larger than 100 bytes'])
  const bad = writeTar([{ name: 'a', data: Buffer.from('hi') }, { name: 'b', data: Buffer.from('ho') }])
  bad[0] = 'z'.charCodeAt(0)
  t.match(readTar(bad, 100), { files: [], skipped: [/damaged record at byte 0/] })
  const cut = writeTar([{ name: 'a', data: Buffer.alloc(2000) }]).subarray(0, 1024)
  t.same(readTar(cut, 4000).skipped, ['a: cut short (the archive is truncated)'])
  t.same(readTar(Buffer.alloc(0), 1), { files: [], skipped: [] })
})
