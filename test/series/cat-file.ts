import t from 'tap'
import { readBatch } from '../../src/series/cat-file.js'

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

const collect = async (bytes: Buffer, size: number) => {
  const out: Array<[string, string, string]> = []
  for await (const o of readBatch(chunked(bytes, size))) out.push([o.oid, o.type, o.data.toString('latin1')])
  return out
}

t.test('readBatch parses cat-file --batch output however it is chunked', async t => {
  const body = Buffer.from('line one\nline\ttwo\n\0bin\n')
  const stream = Buffer.concat([
    Buffer.from(`aaaa blob ${body.length}\n`), body, Buffer.from('\n'),
    Buffer.from('bbbb blob 0\n\n'),
    Buffer.from('cccc missing\n'),
    Buffer.from('dddd blob 3\nxyz\n'),
  ])
  const want = [['aaaa', 'blob', body.toString('latin1')], ['bbbb', 'blob', ''], ['cccc', 'missing', ''], ['dddd', 'blob', 'xyz']]
  for (const size of [1, 2, 3, 7, 64, stream.length]) t.same(await collect(stream, size), want, `chunks of ${size}`)
})
