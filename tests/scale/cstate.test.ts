/**
 * The benchmark's converter to cState issues (scripts/bench/cstate.ts): one incident becomes one
 * issue with cState's front matter, its products as affected systems and its updates newest first.
 */
import { describe, expect, it } from 'vitest';
import { cstateIssue, cstateSystems } from '../../scripts/bench/cstate.ts';

const names: Record<string, string> = {
  'cloud-agent-46': 'Northwind Cloud Agent 46',
  'edge-gateway': 'Edge "Gateway"',
};

describe('the cState converter', () => {
  it('writes one incident as a cState issue', () => {
    const text = cstateIssue(
      {
        id: 'INC-2020-0001',
        title: 'Backup jobs: timing out',
        kind: 'incident',
        impact: 'critical',
        started: '2020-12-08T01:53:00Z',
        affects: [{ product: 'cloud-agent-46' }, { product: 'edge-gateway' }, { product: 'cloud-agent-46' }],
        updates: [
          { at: '2020-12-08T03:15:00Z', status: 'investigating', text: 'We are investigating.' },
          { at: '2020-12-08T09:44:00Z', status: 'resolved', text: 'This incident is resolved.' },
        ],
        body: '\nBackup jobs were affected.\n',
      },
      (slug) => names[slug] ?? slug,
    );
    expect(text).toBe(
      [
        '---',
        'title: "Backup jobs: timing out"',
        'date: 2020-12-08T01:53:00Z',
        'resolved: true',
        'resolvedWhen: 2020-12-08T09:44:00Z',
        'severity: down',
        'affected:',
        '  - "Northwind Cloud Agent 46"',
        '  - "Edge \\"Gateway\\""',
        'section: issue',
        '---',
        '',
        'Backup jobs were affected.',
        '',
        '*Resolved* - This incident is resolved. {{< track "2020-12-08T09:44:00Z" >}}',
        '',
        '*Investigating* - We are investigating. {{< track "2020-12-08T03:15:00Z" >}}',
        '',
      ].join('\n'),
    );
  });

  it('leaves an open maintenance unresolved, as a notice', () => {
    const text = cstateIssue(
      {
        id: 'INC-2021-0001',
        title: 'Upgrade',
        kind: 'maintenance',
        impact: 'major',
        started: '2021-04-28T01:18:00Z',
        affects: [{ product: 'edge-gateway' }],
        updates: [{ at: '2021-04-28T01:18:00Z', status: 'in-progress', text: 'Started.' }],
        body: '',
      },
      (slug) => slug,
    );
    expect(text).toContain('resolved: false\nseverity: notice\n');
    expect(text).not.toContain('resolvedWhen');
    expect(text).toContain('*In progress* - Started.');
  });

  it('lists one system per product, in a category per product category', () => {
    expect(
      cstateSystems([
        { slug: 'b', name: 'B', category: 'Networking' },
        { slug: 'a', name: 'A', category: 'Identity' },
      ]),
    ).toBe(
      [
        'params:',
        '  categories:',
        '    - name: "Identity"',
        '    - name: "Networking"',
        '  systems:',
        '    - name: "A"',
        '      category: "Identity"',
        '    - name: "B"',
        '      category: "Networking"',
        '',
      ].join('\n'),
    );
  });
});
