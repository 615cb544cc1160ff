// @effect-ts/system ships types that its package.json "exports" does not point to.
declare module '@effect-ts/system/Tracing' {
  export function disableTracing(): void;
}
