// Chart geometry, pure: numbers in, SVG coordinates out. Small components draw them, so pages
// carry their charts as inline SVG with no JavaScript.

export interface Point {
  x: number;
  y: number;
}

export interface Sparkline {
  width: number;
  height: number;
  /** SVG polyline points, "x,y x,y …", oldest first. */
  points: string;
  /** The last point, marked with a dot. */
  last: Point;
}

/**
 * A sparkline of values over time: time along x (to scale, so a quiet week looks quiet), the
 * value along y from the smallest to the largest (the shape of the growth is the point), with
 * `pad` pixels kept free.
 */
export function sparkline(series: readonly { at: string; value: number }[], width = 240, height = 48, pad = 4): Sparkline | undefined {
  if (series.length < 2) return undefined;
  const times = series.map((point) => Date.parse(point.at));
  const t0 = Math.min(...times);
  const span = Math.max(...times) - t0 || 1;
  const values = series.map((point) => point.value);
  const low = Math.min(...values);
  const range = Math.max(...values) - low || 1;
  const round = (n: number) => Math.round(n * 10) / 10;
  const coords = series.map((point, i) => ({
    x: round(pad + ((times[i]! - t0) / span) * (width - 2 * pad)),
    y: round(height - pad - ((point.value - low) / range) * (height - 2 * pad)),
  }));
  return { width, height, points: coords.map((p) => `${p.x},${p.y}`).join(' '), last: coords.at(-1)! };
}
