/**
 * npm run audit: fails when a dependency has a known high or critical vulnerability. When the
 * package registry offers no audit service (some mirrors do not), it says so plainly and does
 * not pretend the dependencies were audited.
 */
import { spawnSync } from 'node:child_process';

interface AuditReport {
  statusCode?: number;
  message?: string;
  metadata?: { vulnerabilities?: Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number> };
}

const result = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report: AuditReport;
try {
  report = JSON.parse(result.stdout) as AuditReport;
} catch {
  console.error(`audit: npm audit gave no report:\n${result.stderr}`);
  process.exit(1);
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  console.warn(`audit: NOT AUDITED — the package registry has no audit service (HTTP ${report.statusCode ?? 'error'})`);
  process.exit(0);
}
const serious = counts.high + counts.critical;
console.log(`audit: ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low`);
process.exit(serious > 0 ? 1 : 0);
