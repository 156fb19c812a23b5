/**
 * C for container input shapes (model/containers.ts): the parameter points at a member inside an
 * object of the container's type; the harness reaches the whole object back from it.
 */

/** The whole container a pointer to its `member` points into, as an lvalue. */
export function containerLvalue(ptr: string, type: string, member: string): string {
  return `(*(${type} *)((char *)(${ptr}) - __builtin_offsetof(${type}, ${member})))`
}

/** A fresh container's `member`: the pointer a parameter of this shape starts as. */
export function containerAlloc(type: string, member: string): string {
  return `((char *)__CPROVER_allocate(sizeof(${type}), 0) + __builtin_offsetof(${type}, ${member}))`
}
