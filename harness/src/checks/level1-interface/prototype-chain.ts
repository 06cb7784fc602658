/** The prototypes a class's instances inherit from, the class's own first, `Object.prototype` left out. */
export function prototypeChain(cls: abstract new (...args: never[]) => unknown): object[] {
  const chain: object[] = [];
  for (let proto: unknown = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    chain.push(proto as object);
  }
  return chain;
}

/** The first definition of `name` on the chain: at the class or inherited from below it. */
export function findOnChain(chain: readonly object[], name: string): { owner: object; descriptor: PropertyDescriptor } | undefined {
  for (const owner of chain) {
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    if (descriptor) return { owner, descriptor };
  }
  return undefined;
}

/** Names of the methods defined along the chain (accessors and the constructor left out), each once. */
export function methodNames(chain: readonly object[]): string[] {
  const names = new Set<string>();
  for (const owner of chain) {
    for (const name of Object.getOwnPropertyNames(owner)) {
      const descriptor = Object.getOwnPropertyDescriptor(owner, name);
      if (name !== 'constructor' && typeof descriptor?.value === 'function') names.add(name);
    }
  }
  return [...names];
}
