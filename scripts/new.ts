/**
 * npm run new -- <kind> [flags]
 * Scaffolding for vendor editors: product, release-line, end-of-support, incident,
 * incident-update, post-incident-report, advisory, advisory-revision. See docs/editor-guide.md.
 * Exit code: 0 when the written file passes check, 1 when it does not or nothing could be
 * written, 2 on a usage error.
 */
import { main } from '../src/cli/new/main.ts';

process.exitCode = await main(process.argv.slice(2));
