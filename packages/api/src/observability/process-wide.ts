/**
 * The one `T` of this process named `name`, made by the first caller. A bundler may load a module
 * more than once (Next.js loads the workspace packages again, once per layer, beside the custom
 * server's copy): the logger, the request scope and the metrics must still be one each, or
 * Next's side would count into a registry nobody reads.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`songbook.${name}`);
  const store = globalThis as { [key: symbol]: unknown };
  if (!(key in store)) store[key] = create();
  return store[key] as T;
}
