/**
 * Whether a command runs in CI: CI set to anything but "", "false" or "0" (GitHub Actions, GitLab
 * and most services set CI=true), or GITHUB_ACTIONS=true. There the build publishes the portal.
 */
export function runsInCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env['CI'];
  return (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') || env['GITHUB_ACTIONS'] === 'true';
}
