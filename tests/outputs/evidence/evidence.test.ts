/**
 * Code of Practice evidence: statuses computed from the demo content, and every evidence link
 * followed into the built site, where it must name a file the build produced.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { assessCodeOfPractice } from '../../../src/outputs/evidence/claims.ts';
import { DEMO_SITE_DIR } from '../../support/builtSite.ts';
import { checkFixture } from '../../support/checkFixture.ts';
import { createContent, incident, markdownFile, outsideGitWarning, product } from '../../support/contentFixture.ts';

interface Claim {
  id: string;
  text: string;
  status: string;
  finding: string;
  argument: string;
  evidence: string[];
}
interface SelfAssessment {
  vendor: string;
  assessment_date: string;
  principles: { id: string; statement: string; claims: Claim[] }[];
}

const SITE_URL = 'https://trust.kestrel.example/';
const assessment = JSON.parse(
  readFileSync(path.join(DEMO_SITE_DIR, 'code-of-practice', 'self-assessment.json'), 'utf8'),
) as SelfAssessment;
const claims = assessment.principles.flatMap((principle) => principle.claims);
const claim = (id: string) => claims.find((candidate) => candidate.id === id);

/** The built file an absolute URL is served from ("…/products/" → products/index.html). */
function builtFileOf(url: string): string | undefined {
  if (!url.startsWith(SITE_URL)) return undefined;
  const relative = decodeURIComponent(url.slice(SITE_URL.length));
  const file = path.join(DEMO_SITE_DIR, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

describe('the self-assessment', () => {
  it('covers every claim of principles 3.2, 3.4, 3.5, 4.1, 4.2 and 4.3', () => {
    expect(assessment.principles.map((principle) => principle.id)).toEqual(['3.2', '3.4', '3.5', '4.1', '4.2', '4.3']);
    expect(claims.map((entry) => entry.id)).toEqual([
      '3.2.1',
      '3.2.2',
      '3.4.1',
      '3.4.2',
      '3.5.1',
      '3.5.2',
      '4.1.1',
      '4.1.2',
      '4.1.3',
      '4.2.1',
      '4.3.1',
      '4.3.2',
    ]);
    expect(assessment.assessment_date).toBe('2026-11-22');
  });

  it('computes 4.1.1 from the release lines', () => {
    expect(claim('4.1.1')).toMatchObject({
      status: 'met',
      finding:
        'all 20 release lines have published end-of-support dates or a stated phase (14 dated, 6 to be announced)',
    });
  });

  it('computes 4.2.1 from the notices', () => {
    expect(claim('4.2.1')).toMatchObject({
      status: 'met',
      finding: 'every notice gave at least 12 months, shortest 12 months (14 notices)',
    });
  });

  it('says 4.2.1 is partly met, and why, when a notice gives no migration or risk guidance', () => {
    const fixture = createContent();
    const releases = product().releases.map((releaseLine, index) =>
      index === 1
        ? {
            ...releaseLine,
            endOfSupport: { date: '2027-12-31', announced: '2026-06-01', source: 'https://fixture.example/n' },
          }
        : releaseLine,
    );
    fixture.write('products/gateway.md', markdownFile(product({ releases })));
    const { result } = checkFixture(fixture);
    fixture.cleanup();
    const assessed = assessCodeOfPractice(result.registry!)
      .flatMap((principle) => principle.claims)
      .find((entry) => entry.id === '4.2.1');
    expect(assessed?.status).toBe('partly-met');
    expect(assessed?.argument).toMatch(
      / The end-of-support policy states the rule; 0 of 1 notice carry migration and risk guidance\.$/,
    );
    expect(claim('4.2.1')?.argument).toContain('each notice carries migration and risk guidance.');
  });

  it('tells the editor, not the customer, to add the post-incident report of a resolved major incident', () => {
    const fixture = createContent();
    fixture.write('incidents/INC-2026-0001.md', markdownFile({ ...incident, impact: 'major' }));
    const { result, warnings } = checkFixture(fixture);
    fixture.cleanup();
    expect(warnings).toEqual([
      outsideGitWarning(fixture.dir),
      'incidents/INC-2026-0001.md:2 postIncidentReport: is missing from this resolved major incident, so the Code of Practice page shows 4.3.2 (informing customers of incidents) as partly met: once the report is written, add it with its published date, rootCause and preventiveMeasures',
    ]);
    const assessed = assessCodeOfPractice(result.registry!)
      .flatMap((principle) => principle.claims)
      .find((entry) => entry.id === '4.3.2');
    expect(assessed).toMatchObject({
      status: 'partly-met',
      finding:
        '1 incident published with 2 timestamped updates; the first update came at most 10 minutes after the start; 0 of 1 resolved major or critical incidents have a post-incident report',
    });
  });

  it('names the CSAF provider as evidence of 4.3.2, as an incident concerns security', () => {
    expect(claim('4.3.2')?.evidence).toContain('https://trust.kestrel.example/.well-known/csaf/provider-metadata.json');
  });

  it('does not claim what the portal cannot show', () => {
    expect([claim('3.4.1')?.status, claim('3.5.2')?.status]).toEqual(['outside-portal', 'outside-portal']);
  });

  it('gives every claim a finding, an argument and at least one piece of evidence', () => {
    for (const entry of claims) {
      expect(entry.finding.length, entry.id).toBeGreaterThan(0);
      expect(entry.argument.length, entry.id).toBeGreaterThan(0);
      expect(entry.evidence.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('links only to files the build produced', () => {
    const evidence = [...new Set(claims.flatMap((entry) => entry.evidence))].sort();
    expect(evidence.filter((url) => builtFileOf(url) === undefined)).toEqual([]);
    expect(evidence.length).toBeGreaterThan(20);
  });
});

describe('the /code-of-practice/ page', () => {
  const page = readFileSync(path.join(DEMO_SITE_DIR, 'code-of-practice', 'index.html'), 'utf8');

  it('shows each claim with its status word and finding', () => {
    const tree = fromHtml(page);
    const headings = new Map<unknown, string>();
    visit(tree, 'element', (element) => {
      if (element.tagName === 'h3') headings.set(element.properties['id'], toText(element));
    });
    expect(claims.map((entry) => headings.get(`claim-${entry.id}`))).toEqual(
      claims.map((entry) => `${entry.id} ${entry.text}`),
    );
    expect(page).toContain('Met</span> every notice gave at least 12 months, shortest 12 months (14 notices)');
  });

  it('links every piece of evidence of the export', () => {
    for (const url of new Set(claims.flatMap((entry) => entry.evidence))) {
      expect(page).toContain(`href="${url}"`);
    }
  });
});
