/** How a claim status reads on the page: a word first, icon and tone only repeat it. */
import type { StatusView } from '../../site/view/status.ts';
import type { ClaimStatus } from './claims.ts';

const views: Readonly<Record<ClaimStatus, StatusView>> = {
  met: { word: 'Met', icon: 'check', tone: 'ok' },
  'partly-met': { word: 'Partly met', icon: 'warning', tone: 'warn' },
  'not-met': { word: 'Not met', icon: 'stop', tone: 'bad' },
  'outside-portal': { word: 'Evidenced outside the portal', icon: 'info', tone: 'neutral' },
};

export function claimStatusView(status: ClaimStatus): StatusView {
  return views[status];
}
