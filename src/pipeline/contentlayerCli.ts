/**
 * The contentlayer2 command line, with Effect-ts fiber tracing off. Its CLI switches tracing on
 * before Effect-ts builds its default runtime, so every fiber step records an execution and stack
 * trace (for readable errors); on large content folders that bookkeeping costs more than the
 * ingestion. Loading the runtime first fixes its settings with tracing off. The ingestion itself
 * is unchanged: the same CLI, command, arguments and cache; the process ends as soon as it is done.
 */
import '@effect-ts/system/Effect';
import { disableTracing } from '@effect-ts/system/Tracing';

const { run } = await import('@contentlayer2/cli');
disableTracing();
await run();
// The CLI has written its output and set its exit code when run() settles, but a handle it leaves
// open keeps the process alive for another half second or so (docs/benchmarks.md): on every shard
// of every build. End now, with the CLI's exit code.
process.exit();
