/**
 * CVSS vectors: strict parsing per the specification (the calculator library accepts missing
 * metrics silently, and scores a repeated one from its last occurrence), score from the FIRST
 * formulas (ae-cvss-calculator), severity from the score bands shared by CVSS 3.1 and 4.0.
 */
import calculator from 'ae-cvss-calculator';
import calculatorPackage from 'ae-cvss-calculator/package.json' with { type: 'json' };
import { cached } from './source/parseCache.ts';

export type CvssVersion = '3.1' | '4.0';
export type CvssSeverity = 'none' | 'low' | 'medium' | 'high' | 'critical';

/**
 * The metrics of each version and their allowed values: CVSS 3.1 specification §6 Table 15,
 * CVSS 4.0 specification §7 Table 23. Base metrics come first, every one of them, in this order;
 * the others (temporal, threat, environmental, supplemental) are optional. Each metric may appear
 * once: the specifications forbid repeats, which calculators otherwise score from the last one.
 */
const METRICS: Record<CvssVersion, { base: Record<string, string[]>; optional: Record<string, string[]> }> = {
  '3.1': {
    base: {
      AV: ['N', 'A', 'L', 'P'],
      AC: ['L', 'H'],
      PR: ['N', 'L', 'H'],
      UI: ['N', 'R'],
      S: ['U', 'C'],
      C: ['H', 'L', 'N'],
      I: ['H', 'L', 'N'],
      A: ['H', 'L', 'N'],
    },
    optional: {
      E: ['X', 'H', 'F', 'P', 'U'],
      RL: ['X', 'U', 'W', 'T', 'O'],
      RC: ['X', 'C', 'R', 'U'],
      CR: ['X', 'H', 'M', 'L'],
      IR: ['X', 'H', 'M', 'L'],
      AR: ['X', 'H', 'M', 'L'],
      MAV: ['X', 'N', 'A', 'L', 'P'],
      MAC: ['X', 'L', 'H'],
      MPR: ['X', 'N', 'L', 'H'],
      MUI: ['X', 'N', 'R'],
      MS: ['X', 'U', 'C'],
      MC: ['X', 'H', 'L', 'N'],
      MI: ['X', 'H', 'L', 'N'],
      MA: ['X', 'H', 'L', 'N'],
    },
  },
  '4.0': {
    base: {
      AV: ['N', 'A', 'L', 'P'],
      AC: ['L', 'H'],
      AT: ['N', 'P'],
      PR: ['N', 'L', 'H'],
      UI: ['N', 'P', 'A'],
      VC: ['H', 'L', 'N'],
      VI: ['H', 'L', 'N'],
      VA: ['H', 'L', 'N'],
      SC: ['H', 'L', 'N'],
      SI: ['H', 'L', 'N'],
      SA: ['H', 'L', 'N'],
    },
    optional: {
      E: ['X', 'A', 'P', 'U'],
      CR: ['X', 'H', 'M', 'L'],
      IR: ['X', 'H', 'M', 'L'],
      AR: ['X', 'H', 'M', 'L'],
      MAV: ['X', 'N', 'A', 'L', 'P'],
      MAC: ['X', 'L', 'H'],
      MAT: ['X', 'N', 'P'],
      MPR: ['X', 'N', 'L', 'H'],
      MUI: ['X', 'N', 'P', 'A'],
      MVC: ['X', 'H', 'L', 'N'],
      MVI: ['X', 'H', 'L', 'N'],
      MVA: ['X', 'H', 'L', 'N'],
      MSC: ['X', 'H', 'L', 'N'],
      MSI: ['X', 'S', 'H', 'L', 'N'],
      MSA: ['X', 'S', 'H', 'L', 'N'],
      S: ['X', 'N', 'P'],
      AU: ['X', 'N', 'Y'],
      R: ['X', 'A', 'U', 'I'],
      V: ['X', 'D', 'C'],
      RE: ['X', 'L', 'M', 'H'],
      U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
    },
  },
};

const orList = (values: string[]) =>
  values.length === 1 ? values[0]! : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]!}`;

/** What is wrong with the metrics after the "CVSS:x.y/" prefix, or undefined when they follow the specification. */
function metricsProblem(version: CvssVersion, parts: string[]): string | undefined {
  const { base, optional } = METRICS[version];
  const baseNames = Object.keys(base);
  const seen = new Set<string>();
  for (const [index, part] of parts.entries()) {
    const [name = '', value, ...rest] = part.split(':');
    if (part === '') return 'it has an empty part (two "/" together, or one at the end): remove it';
    if (value === undefined || value === '' || rest.length > 0) {
      return `"${part}" is not a metric: write it as NAME:VALUE, e.g. "AV:N"`;
    }
    const allowed = base[name] ?? optional[name];
    if (!allowed) return `"${name}" is not a CVSS ${version} metric`;
    if (seen.has(name)) return `the metric ${name} is given more than once: give it once`;
    seen.add(name);
    if (index < baseNames.length && name !== baseNames[index]) {
      const missing = baseNames.slice(0, index + 1).find((baseName) => !seen.has(baseName));
      return missing && !base[name]
        ? `the base metric ${missing} is missing: give all of ${baseNames.join(', ')}, in that order`
        : `the base metric ${baseNames[index]} must come next: give all of ${baseNames.join(', ')}, in that order`;
    }
    if (!allowed.includes(value)) return `${name}:${value} is not allowed: ${name} takes ${orList(allowed)}`;
  }
  const missing = baseNames.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    return `the base metric${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing: give all of ${baseNames.join(', ')}, in that order`;
  }
  return undefined;
}

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

/** Every vector scored in this process: the build's check gives them to the loads after it. */
export const scoredVectors = (): Record<string, CvssResult> => Object.fromEntries(scored);

/** Vectors scored by another process (the build's check), not to be scored again (~1.5 ms each for 4.0). */
export function rememberScores(results: Readonly<Record<string, CvssResult>>): void {
  for (const [vector, result] of Object.entries(results)) scored.set(vector, result);
}

function computeCvss(vector: string): CvssResult {
  const version = vector.startsWith('CVSS:3.1/') ? '3.1' : vector.startsWith('CVSS:4.0/') ? '4.0' : undefined;
  if (!version) {
    return {
      ok: false,
      message: `"${vector}" is not a CVSS 3.1 or 4.0 vector: it must start with "CVSS:3.1/" or "CVSS:4.0/", e.g. "${EXAMPLES['3.1']}"`,
    };
  }
  const problem = metricsProblem(version, vector.slice(`CVSS:${version}/`.length).split('/'));
  if (problem) {
    return {
      ok: false,
      message: `"${vector}" is not a valid CVSS ${version} vector: ${problem}, e.g. "${EXAMPLES[version]}"`,
    };
  }
  const invalid = {
    ok: false as const,
    message: `"${vector}" is not a valid CVSS ${version} vector: give every base metric once, in the standard order, e.g. "${EXAMPLES[version]}"`,
  };
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
