/** The few options every editor command shares, plus any a command adds. */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export interface CommonOptions {
  contentDir: string | undefined;
  buildDate: string | undefined;
  rest: string[];
  flags: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

export function parseCommonArgs(argv: string[], extra: ParseArgsOptionsConfig = {}): CommonOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { content: { type: 'string' }, date: { type: 'string' }, ...extra },
  });
  const flags = values as CommonOptions['flags'];
  const text = (name: string) => {
    const value = flags[name];
    return typeof value === 'string' ? value : undefined;
  };
  return { contentDir: text('content'), buildDate: text('date'), rest: positionals, flags };
}
