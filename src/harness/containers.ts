/**
 * C for container input shapes (model/containers.ts): the parameter points at a member inside an
 * object of the container's type; the harness reaches the whole object back from it.
 */

/** The whole container a pointer to its `member` points into, as an lvalue. */
export function containerLvalue(ptr: string, type: string, member: string): string {
  return `(*(${type} *)((char *)(${ptr}) - __builtin_offsetof(${type}, ${member})))`
}

/** A fresh container's `member` (with `tail` bytes for a flexible array member): the pointer a parameter of this shape starts as. */
export function containerAlloc(type: string, member: string, tail = 0): string {
  return `((char *)__CPROVER_allocate(sizeof(${type})${tail ? ` + ${tail}` : ''}, 0) + __builtin_offsetof(${type}, ${member}))`
}

/** The old container's char tail ends in a 0 byte (C statement); null: no such tail. */
export function containerTailEnd(ptr: string, type: string, member: string, tail: number, nul: boolean): string | null {
  if (!tail || !nul) return null
  return `((char *)&${containerLvalue(ptr, type, member)} + sizeof(${type}))[${tail - 1}] = 0;`
}

/** The new container's flexible-array tail takes the old one's bytes (the same input); null: no tail. */
export function containerTailCopy(oldPtr: string, newPtr: string, type: string, member: string, tail: number): string | null {
  if (!tail) return null
  const end = (p: string) => `(char *)&${containerLvalue(p, type, member)} + sizeof(${type})`
  return `memcpy((void *)(${end(newPtr)}), (const void *)(${end(oldPtr)}), ${tail});`
}
