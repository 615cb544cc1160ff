/** 16×16 icon outlines, filled with currentColor, so they follow the colour scheme and print in black. */
export const iconPaths = {
  // A tick in a circle.
  check:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm3.3 4.6-4 5a.75.75 0 0 1-1.1.06l-2-2a.75.75 0 1 1 1.06-1.06l1.4 1.4 3.47-4.34a.75.75 0 1 1 1.17.94Z',
  // An hourglass: ending soon.
  clock:
    'M4 1h8v1.5c0 1.9-1.2 3.6-3 4.5 1.8.9 3 2.6 3 4.5V15H4v-3.5c0-1.9 1.2-3.6 3-4.5-1.8-.9-3-2.6-3-4.5V1Zm1.5 1.5v.1c0 1.5 1.1 2.8 2.5 3.2 1.4-.4 2.5-1.7 2.5-3.2v-.1h-5Z',
  // A circle with a bar: ended.
  stop: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1ZM4.5 7.25h7v1.5h-7v-1.5Z',
  // A triangle with an exclamation mark: warning, active incident.
  warning:
    'M8.9 1.6a1 1 0 0 0-1.8 0l-6.5 12A1 1 0 0 0 1.5 15h13a1 1 0 0 0 .9-1.4l-6.5-12ZM7.25 5.5h1.5v5h-1.5v-5Zm0 6h1.5V13h-1.5v-1.5Z',
  // A calendar: scheduled, not yet released.
  calendar: 'M4 1h1.5v1.5h5V1H12v1.5h2.5V15h-13V2.5H4V1ZM3 6v7.5h10V6H3Zm1.5 1.5h3v3h-3v-3Z',
  // A shield: security.
  shield: 'M8 1 2 3.5V7c0 3.9 2.6 6.9 6 8 3.4-1.1 6-4.1 6-8V3.5L8 1Zm0 1.6 4.5 1.9V7c0 3-1.9 5.4-4.5 6.4V2.6Z',
  // A circle with an "i": information.
  info: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm-.75 3h1.5v1.5h-1.5V4Zm0 3h1.5v5h-1.5V7Z',
  // Feed: a dot and two arcs.
  feed: 'M2 12a2 2 0 1 1 0 .01V12Zm0-5.5V5a9 9 0 0 1 9 9H9.5A7.5 7.5 0 0 0 2 6.5Zm0-4V1a13 13 0 0 1 13 13h-1.5A11.5 11.5 0 0 0 2 2.5Z',
} as const;

export type IconName = keyof typeof iconPaths;
