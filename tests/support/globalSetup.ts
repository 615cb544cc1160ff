import { DEMO_BUILD_DATE, DEMO_SITE_DIR, runBuild } from './builtSite.ts';

/** Builds the demo site once before the tests that read it. */
export default function setup(): void {
  const result = runBuild(['--content', 'content', '--date', DEMO_BUILD_DATE, '--out', DEMO_SITE_DIR]);
  if (result.status !== 0) {
    throw new Error(`the demo site did not build:\n${result.stdout}\n${result.stderr}`);
  }
}
