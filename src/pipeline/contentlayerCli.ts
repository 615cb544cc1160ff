/**
 * The contentlayer2 command line, with Effect-ts fiber tracing off. Its CLI switches tracing on
 * before Effect-ts builds its default runtime, so every fiber step records an execution and stack
 * trace (for readable errors); on large content folders that bookkeeping costs more than the
 * ingestion. Loading the runtime first fixes its settings with tracing off. The ingestion itself
 * is unchanged: the same CLI, command, arguments and cache.
 */
import '@effect-ts/system/Effect';
import { disableTracing } from '@effect-ts/system/Tracing';

const { run } = await import('@contentlayer2/cli');
disableTracing();
await run();
