/**
 * The hot → cold ramp themes are coloured by, as in Leximancer: the most connected theme is red,
 * then orange, yellow, green, blue and violet. Shared by the viewer and the static renderer so
 * both draw the same map.
 */
const STOPS: readonly (readonly [number, number, number])[] = [
  [215, 48, 39],
  [244, 109, 67],
  [253, 174, 97],
  [166, 217, 106],
  [102, 189, 99],
  [67, 162, 202],
  [49, 104, 174],
  [117, 80, 160],
];

function hex(value: number): string {
  return Math.round(value).toString(16).padStart(2, '0');
}

/** Colour of the theme at `rank` (0 = hottest) among `count` themes, as `#rrggbb`. */
export function themeColour(rank: number, count: number): string {
  const t = count <= 1 ? 0 : Math.min(1, Math.max(0, rank / (count - 1)));
  const position = t * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(position));
  const f = position - i;
  const a = STOPS[i]!;
  const b = STOPS[i + 1]!;
  return `#${hex(a[0] + (b[0] - a[0]) * f)}${hex(a[1] + (b[1] - a[1]) * f)}${hex(a[2] + (b[2] - a[2]) * f)}`;
}
