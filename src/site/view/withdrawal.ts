/** How a withdrawn page names what it was, and where the rest of its kind are listed. */
import type { Withdrawal } from '../../registry/types.ts';
import { paths } from '../urls.ts';

export interface WithdrawalView {
  /** Above the title, as on the page it replaces: "Product", "Incident INC-2026-0001". */
  readonly label: string;
  /** In a sentence: "product", "incident", "security advisory". */
  readonly noun: string;
  readonly listPath: string;
  readonly listLabel: string;
}

export function withdrawalView(withdrawal: Withdrawal): WithdrawalView {
  switch (withdrawal.kind) {
    case 'product':
      return { label: 'Product', noun: 'product', listPath: paths.products(), listLabel: 'All products' };
    case 'incident':
      return {
        label: `Incident ${withdrawal.id}`,
        noun: 'incident',
        listPath: paths.incidents(),
        listLabel: 'Incident history',
      };
    case 'advisory':
      return {
        label: `Security advisory ${withdrawal.id}`,
        noun: 'security advisory',
        listPath: paths.advisories(),
        listLabel: 'All security advisories',
      };
  }
}
