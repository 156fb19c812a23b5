/** `git cat-file --batch` output, parsed as it streams (pure). */
/** Parse `git cat-file --batch` output as it streams: `<oid> <type> <size>\n<bytes>\n` or `<oid> missing\n`. */
export async function* readBatch(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<{ oid: string; type: string; data: Buffer }> {
  let pending = Buffer.alloc(0)
  let cur: { oid: string; type: string; size: number; parts: Buffer[]; got: number } | null = null
  for await (const chunk of chunks) {
    let buf = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk)
    pending = Buffer.alloc(0)
    while (buf.length) {
      if (!cur) {
        const nl = buf.indexOf(10)
        if (nl < 0) {
          pending = buf
          break
        }
        const [oid = '', type = 'missing', size] = buf.subarray(0, nl).toString('latin1').split(' ')
        buf = buf.subarray(nl + 1)
        if (size === undefined) {
          yield { oid, type, data: Buffer.alloc(0) }
          continue
        }
        cur = { oid, type, size: Number(size), parts: [], got: 0 }
      }
      const take = buf.subarray(0, cur.size + 1 - cur.got) // the content plus its trailing newline
      cur.parts.push(take)
      cur.got += take.length
      buf = buf.subarray(take.length)
      if (cur.got === cur.size + 1) {
        yield { oid: cur.oid, type: cur.type, data: Buffer.concat(cur.parts).subarray(0, cur.size) }
        cur = null
      }
    }
  }
}
