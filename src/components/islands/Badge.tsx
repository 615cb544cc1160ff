/** The React twin of StatusBadge.astro, for islands: a word and an icon; colour only repeats them. */
import { iconPaths } from '../../site/view/icons.ts';
import type { StatusView } from '../../site/view/status.ts';

export function Badge({ status }: { status: StatusView }) {
  return (
    <span className={`badge tone-${status.tone}`}>
      <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <path d={iconPaths[status.icon]} />
      </svg>
      {status.word}
    </span>
  );
}
