// A stacked bar chart as plain SVG text: no chart library for one figure, and the file is
// byte-for-byte reproducible (the README shows it, a test regenerates it).

/** One bar segment: which bar (x), which series, how much. */
export interface ChartPoint {
  readonly x: string;
  readonly series: string;
  readonly value: number;
}

// Colour-blind safe (Okabe-Ito).
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A stacked bar chart: one bar per x (in order of first appearance), one colour per series. */
export function stackedBarChart(points: readonly ChartPoint[], title: string): string {
  const xs = [...new Set(points.map((p) => p.x))];
  const series = [...new Set(points.map((p) => p.series))].sort();
  const totals = xs.map((x) => points.filter((p) => p.x === x).reduce((a, p) => a + p.value, 0));
  const top = Math.max(1, ...totals);
  const step = top <= 10 ? 1 : top <= 50 ? 5 : top <= 100 ? 10 : Math.ceil(top / 10 / 10) * 10;
  const ceiling = Math.ceil(top / step) * step;
  const [left, right, upper, lower] = [48, 170, 40, 44];
  const barWidth = 38;
  const gap = 24;
  const plotWidth = xs.length * (barWidth + gap) + gap;
  const plotHeight = 260;
  const width = left + plotWidth + right;
  const height = upper + plotHeight + lower;
  const y = (value: number): number => upper + plotHeight - (value / ceiling) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="22" font-size="15" font-weight="bold">${escape(title)}</text>`,
  ];
  for (let tick = 0; tick <= ceiling; tick += step) {
    parts.push(
      `<line x1="${left}" x2="${left + plotWidth}" y1="${y(tick)}" y2="${y(tick)}" stroke="#dddddd"/>`,
      `<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end" fill="#444444">${tick}</text>`,
    );
  }
  xs.forEach((x, i) => {
    const barX = left + gap + i * (barWidth + gap);
    let base = 0;
    for (const [s, name] of series.entries()) {
      const value = points.find((p) => p.x === x && p.series === name)?.value ?? 0;
      if (value === 0) continue;
      parts.push(
        `<rect x="${barX}" y="${y(base + value)}" width="${barWidth}" height="${y(base) - y(base + value)}" fill="${COLOURS[s % COLOURS.length]}"><title>${escape(`${x} · ${name} : ${value}`)}</title></rect>`,
      );
      base += value;
    }
    parts.push(
      `<text x="${barX + barWidth / 2}" y="${upper + plotHeight + 16}" text-anchor="middle">${escape(x)}</text>`,
      `<text x="${barX + barWidth / 2}" y="${y(base) - 4}" text-anchor="middle" fill="#444444">${base}</text>`,
    );
  });
  series.forEach((name, s) => {
    const legendY = upper + 8 + s * 20;
    parts.push(
      `<rect x="${left + plotWidth + 16}" y="${legendY - 10}" width="12" height="12" fill="${COLOURS[s % COLOURS.length]}"/>`,
      `<text x="${left + plotWidth + 34}" y="${legendY}">${escape(name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
