// The part of the WebAssembly JS API that engine.ts uses. Node 20 has it at run time, but
// @types/node 20 does not declare it (only the DOM lib does, which this package does not load).
declare namespace WebAssembly {
  interface Instance {
    readonly exports: Record<string, unknown>;
  }
  function instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: Instance }>;
}
