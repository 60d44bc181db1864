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

export interface Bar {
  /** YYYY-MM */
  month: string;
  count: number;
  x: number;
  y: number;
  height: number;
}

export interface BarChart {
  width: number;
  height: number;
  barWidth: number;
  bars: Bar[];
  /** January of each year, for the labels under the axis. */
  years: { year: string; x: number }[];
  max: number;
}

/** Every month from the first to the last, with its count (0 where none). */
export function monthlyCounts(dates: Iterable<string>, from?: string, to?: string): { month: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const date of dates) counts.set(date.slice(0, 7), (counts.get(date.slice(0, 7)) ?? 0) + 1);
  const months = [...counts.keys()].sort();
  const first = from ?? months[0];
  const last = to ?? months.at(-1);
  if (!first || !last) return [];
  const out: { month: string; count: number }[] = [];
  for (let [y, m] = first.split('-').map(Number) as [number, number]; `${y}-${String(m).padStart(2, '0')}` <= last; m === 12 ? ((m = 1), y++) : m++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month, count: counts.get(month) ?? 0 });
  }
  return out;
}

/**
 * Bars for papers per month, with room for year labels below (`labelHeight`). A short series gets
 * a narrower chart (16 units a month) rather than bars as wide as the page.
 */
export function barChart(series: readonly { month: string; count: number }[], maxWidth = 640, height = 120, labelHeight = 16): BarChart {
  const width = Math.min(maxWidth, Math.max(120, series.length * 16));
  const max = Math.max(1, ...series.map((s) => s.count));
  const slot = series.length ? width / series.length : width;
  const barWidth = Math.max(1, Math.round(slot * 0.8 * 10) / 10);
  const plot = height - labelHeight;
  const round = (n: number) => Math.round(n * 10) / 10;
  const bars = series.map((s, i) => {
    const h = round((s.count / max) * (plot - 2));
    return { month: s.month, count: s.count, x: round(i * slot), y: round(plot - h), height: h };
  });
  const years = bars.filter((b, i) => i === 0 || b.month.endsWith('-01')).map((b) => ({ year: b.month.slice(0, 4), x: b.x }));
  return { width, height, barWidth, bars, years, max };
}
