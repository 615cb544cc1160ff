/**
 * Which incidents /incidents/ lists itself, and where the rest live: the choices of
 * src/site/view/archive.ts on small hand-made histories.
 */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/registry/types.ts';
import { paths } from '../../src/site/urls.ts';
import { incidentsOfYear, incidentYears, recentIncidents } from '../../src/site/view/archive.ts';

/** Incidents newest first, as the Registry orders them: [id, start, state]. */
function history(...rows: [string, string, Incident['state']?][]): Pick<Incident, 'id' | 'started' | 'state'>[] {
  return rows.map(([id, started, state = 'resolved']) => ({ id, started, state }));
}

const shown = (incidents: ReturnType<typeof history>, limit: number) =>
  recentIncidents({ incidents: incidents as Incident[], buildDate: '2026-11-22' }, limit);

describe('the recent history of /incidents/', () => {
  it('takes whole months, newest first, while they hold at most the limit', () => {
    const incidents = history(
      ['n1', '2026-11-20T10:00:00Z'],
      ['n2', '2026-11-02T10:00:00Z'],
      ['o1', '2026-10-30T10:00:00Z'],
      ['s1', '2026-09-30T10:00:00Z'],
      ['s2', '2026-09-01T10:00:00Z'],
    );
    expect(shown(incidents, 3)).toEqual({ incidents: incidents.slice(0, 3), since: '2026-10' });
    expect(shown(incidents, 4).incidents.map((incident) => incident.id)).toEqual(['n1', 'n2', 'o1']);
  });

  it('always shows the newest month, even when it alone holds more than the limit', () => {
    const incidents = history(
      ['n1', '2026-11-20T10:00:00Z'],
      ['n2', '2026-11-02T10:00:00Z'],
      ['o1', '2026-10-30T10:00:00Z'],
    );
    expect(shown(incidents, 1)).toEqual({ incidents: incidents.slice(0, 2), since: '2026-11' });
  });

  it('goes back no further than January of the previous year', () => {
    const incidents = history(
      ['a', '2026-03-01T10:00:00Z'],
      ['b', '2025-01-01T00:00:00Z'],
      ['c', '2024-12-31T23:59:00Z'],
    );
    expect(shown(incidents, 100)).toEqual({ incidents: incidents.slice(0, 2), since: '2025-01' });
  });

  it('lists an incident still open whatever its age', () => {
    const incidents = history(
      ['new', '2026-11-20T10:00:00Z'],
      ['old', '2026-10-01T10:00:00Z'],
      ['open', '2023-05-01T10:00:00Z', 'active'],
    );
    expect(shown(incidents, 1).incidents.map((incident) => incident.id)).toEqual(['new', 'open']);
  });

  it('lists nothing of the history, and says from no month, when nothing started in the last two years', () => {
    expect(shown(history(['old', '2022-06-01T10:00:00Z']), 100)).toEqual({ incidents: [], since: undefined });
  });
});

describe('the yearly archive of incidents', () => {
  const incidents = history(
    ['a', '2026-01-01T00:30:00+01:00'],
    ['b', '2025-12-31T23:30:00Z'],
    ['c', '2025-06-01T10:00:00Z'],
  ) as Incident[];

  it('files an incident under the UTC year it started in', () => {
    expect(incidentYears({ incidents })).toEqual([{ year: '2025', count: 3 }]);
    expect(incidentsOfYear({ incidents }, '2025').map((incident) => incident.id)).toEqual(['a', 'b', 'c']);
  });

  it('lives two folders below incidents/, where no incident page can be, whatever its id', () => {
    for (const id of ['archive', '2025', 'INC-2026-0008']) {
      expect(paths.incident(id).split('/').filter(Boolean)).toHaveLength(2);
    }
    expect(paths.incidentArchive('2025')).toBe('incidents/archive/2025/');
    expect(paths.advisoryArchive('2025')).toBe('advisories/archive/2025/');
  });
});
