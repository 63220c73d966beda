/**
 * Deferred loading for the SDK bundled into each deployable function (scripts/build-functions.ts). The build rewrites
 * every top-level `require("<package>")` of @cloudbase/node-sdk's own files into `lazyModule(() => require(…))`, so
 * a package loads when the SDK first reads one of its exports, not when the SDK loads: the AI, data-model, JWT, XML
 * and axios code that a function answering from the database never calls is never run.
 *
 * The SDK (TypeScript's CommonJS output) only ever reads its imports as properties — `x_1.default.get(…)`,
 * `(0, x_1.sign)(…)`, `new x_1.Agent(…)` — so a proxy that loads on the first property read behaves as the module
 * itself. A read at the SDK's top level simply loads the module then, as before.
 */
export function lazyModule<T extends object>(load: () => T): T {
  let loaded: T | undefined
  const real = (): T => (loaded ??= load())
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    // The proxy's own target is an empty extensible object: a descriptor reported for a property it lacks must be
    // configurable (proxy invariant), whatever the module's own is.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key)
      return descriptor && { ...descriptor, configurable: true }
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  })
}

/**
 * A call whose result is an object used only through its properties, made when one is first read. The SDK's
 * constructor builds its data-model client (`app.models`, @cloudbase/wx-cloud-client-sdk) at every `tcb.init()`;
 * deferred, that library loads only if `app.models` is used. The arguments are evaluated at once, as before.
 */
export function deferredCall<A extends unknown[], R extends object>(call: (...args: A) => R): (...args: A) => R {
  return (...args) => lazyModule(() => call(...args))
}
