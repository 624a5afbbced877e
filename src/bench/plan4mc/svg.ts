// Small dependency-free SVG bar charts for the Markdown reports (GitHub renders them inline).

export interface BarSeries {
  label: string;
  colour: string;
  values: readonly (number | null)[];
}

export interface BarChart {
  title: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Top of the value axis (default: the largest value, rounded up). */
  max?: number;
  /** How values are printed above the bars. */
  format?: (v: number) => string;
  unit?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A grouped bar chart: one group of bars per category, one bar per series, with a legend. */
export function barChartSvg(c: BarChart): string {
  const width = 640;
  const height = 320;
  const left = 48;
  const right = 16;
  const top = 44;
  const bottom = 48;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const all = c.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const max = c.max ?? niceMax(Math.max(1e-9, ...all));
  const fmt = c.format ?? ((v: number) => (v >= 10 ? v.toFixed(0) : v.toFixed(2)));
  const groupW = plotW / Math.max(1, c.categories.length);
  const barW = Math.min(40, (groupW * 0.8) / Math.max(1, c.series.length));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">${esc(c.title)}</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    const y = top + plotH - (plotH * i) / 4;
    out.push(`<line x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" stroke="#e0e0e0"/>`);
    out.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end" fill="#555">${esc(fmt(v))}</text>`);
  }
  if (c.unit) out.push(`<text x="12" y="${top - 10}" fill="#555">${esc(c.unit)}</text>`);
  c.categories.forEach((cat, ci) => {
    const gx = left + ci * groupW + (groupW - barW * c.series.length) / 2;
    c.series.forEach((s, si) => {
      const v = s.values[ci];
      const x = gx + si * barW;
      if (v === null || v === undefined || !Number.isFinite(v)) {
        out.push(`<text x="${x + barW / 2}" y="${top + plotH - 4}" text-anchor="middle" fill="#999">n/a</text>`);
        return;
      }
      const h = (Math.min(v, max) / max) * plotH;
      out.push(`<rect x="${x + 2}" y="${top + plotH - h}" width="${barW - 4}" height="${h}" fill="${s.colour}"><title>${esc(`${s.label}: ${fmt(v)}`)}</title></rect>`);
      out.push(`<text x="${x + barW / 2}" y="${top + plotH - h - 4}" text-anchor="middle" font-size="10">${esc(fmt(v))}</text>`);
    });
    out.push(`<text x="${left + ci * groupW + groupW / 2}" y="${top + plotH + 16}" text-anchor="middle">${esc(cat)}</text>`);
  });
  c.series.forEach((s, si) => {
    const x = left + si * 170;
    const y = height - 14;
    out.push(`<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${s.colour}"/><text x="${x + 18}" y="${y}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function niceMax(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
