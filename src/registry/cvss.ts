/**
 * CVSS vectors: strict parsing of the base vector (the calculator library accepts missing
 * metrics silently), score from the FIRST formulas (ae-cvss-calculator), severity from the
 * score bands shared by CVSS 3.1 and 4.0.
 */
import calculator from 'ae-cvss-calculator';
import calculatorPackage from 'ae-cvss-calculator/package.json' with { type: 'json' };
import { cached } from './source/parseCache.ts';

export type CvssVersion = '3.1' | '4.0';
export type CvssSeverity = 'none' | 'low' | 'medium' | 'high' | 'critical';

const BASE_VECTORS: Record<CvssVersion, RegExp> = {
  '3.1': /^CVSS:3\.1\/AV:[NALP]\/AC:[LH]\/PR:[NLH]\/UI:[NR]\/S:[UC]\/C:[NLH]\/I:[NLH]\/A:[NLH](\/[A-Za-z]+:[A-Za-z])*$/,
  '4.0':
    /^CVSS:4\.0\/AV:[NALP]\/AC:[LH]\/AT:[NP]\/PR:[NLH]\/UI:[NPA]\/VC:[HLN]\/VI:[HLN]\/VA:[HLN]\/SC:[HLN]\/SI:[HLN]\/SA:[HLN](\/[A-Za-z]+:[A-Za-z])*$/,
};

const EXAMPLES: Record<CvssVersion, string> = {
  '3.1': 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  '4.0': 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
};

export type CvssResult =
  | { ok: true; version: CvssVersion; vector: string; score: number; severity: CvssSeverity }
  | { ok: false; message: string };

/** Vectors repeat across advisories and check and assembly both score them: score each once. */
const scored = new Map<string, CvssResult>();

export function scoreCvss(vector: string): CvssResult {
  let result = scored.get(vector);
  if (!result) {
    result = computeCvss(vector);
    scored.set(vector, result);
  }
  return result;
}

function computeCvss(vector: string): CvssResult {
  const version = vector.startsWith('CVSS:3.1/') ? '3.1' : vector.startsWith('CVSS:4.0/') ? '4.0' : undefined;
  if (!version) {
    return {
      ok: false,
      message: `"${vector}" is not a CVSS 3.1 or 4.0 vector: it must start with "CVSS:3.1/" or "CVSS:4.0/", e.g. "${EXAMPLES['3.1']}"`,
    };
  }
  const invalid = {
    ok: false as const,
    message: `"${vector}" is not a valid CVSS ${version} vector: give every base metric once, in the standard order, e.g. "${EXAMPLES[version]}"`,
  };
  if (!BASE_VECTORS[version].test(vector)) return invalid;
  // The calculator is most of the time a warm check spends on advisories (CVSS 4.0: ~0.5 ms a
  // vector), so its score is kept with the parse cache, keyed by vector and calculator version.
  const score = cached(`cvss ${calculatorPackage.version} ${vector}`, () => calculateScore(version, vector));
  if (score === undefined) return invalid;
  return { ok: true, version, vector, score, severity: severityOf(score) };
}

function calculateScore(version: CvssVersion, vector: string): number | undefined {
  try {
    const parsed = version === '3.1' ? new calculator.Cvss3P1(vector) : new calculator.Cvss4P0(vector);
    const scores = parsed.calculateScores() as { base?: number; overall?: number };
    const score = scores.base ?? scores.overall;
    return typeof score === 'number' && !Number.isNaN(score) ? score : undefined;
  } catch {
    return undefined;
  }
}

/** Qualitative severity rating scale (CVSS 3.1 §5, CVSS 4.0 §6): the same bands. */
export function severityOf(score: number): CvssSeverity {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}
