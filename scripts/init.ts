/**
 * npm run init -- <folder> [flags] (trustline init <folder> in a vendor's portal)
 * Starts a vendor's trust portal in a new folder: content that passes check, the Astro project
 * that uses the engine, and the CI workflows. See docs/editor-guide.md.
 * Exit code: 0 when the portal was written and passes check, 1 when nothing could be written,
 * 2 on a usage error.
 */
import { main } from '../src/cli/init/main.ts';

process.exitCode = await main(process.argv.slice(2));
