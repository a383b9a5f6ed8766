import { escapeHtml } from '../escape.ts';

/** One row of a bar chart: its label, one value per series, and an optional class that colours its bars. */
export interface ChartRow { label: string; values: number[]; className?: string }

const LABEL_WIDTH = 210;
const BAR_WIDTH = 330;
const BAR = 13;

/**
 * A horizontal bar chart as inline SVG, readable without script or colour: a heading, each bar's value
 * as text beside it, a legend naming the series, and the same figures in the SVG's title for screen
 * readers. `series` names the bars of each row (one or two); a row's class overrides the series colour.
 */
export function barChartHtml(id: string, title: string, series: Array<{ name: string; className: string }>, rows: ChartRow[], heading: 'h3' | 'h4' = 'h3'): string {
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const rowHeight = series.length * (BAR + 3) + 9;
  const height = rows.length * rowHeight + 4;
  const width = LABEL_WIDTH + BAR_WIDTH + 70;
  const bars = rows.map((row, i) => {
    const top = i * rowHeight + 4;
    const label = `<text x="0" y="${top + (series.length * (BAR + 3)) / 2 + 4}" class="chart-label">${escapeHtml(row.label)}</text>`;
    return label + row.values.map((n, s) => {
      const w = n > 0 ? Math.max(2, Math.round((n / max) * BAR_WIDTH)) : 0;
      const y = top + s * (BAR + 3);
      return `<rect class="${escapeHtml(row.className ?? series[s]!.className)}" x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR}"/><text x="${LABEL_WIDTH + w + 5}" y="${y + BAR - 2}" class="chart-value">${n.toLocaleString('en-GB')}</text>`;
    }).join('');
  }).join('');
  const described = rows.map((r) => `${r.label}: ${r.values.map((n, s) => (series.length > 1 ? `${n} ${series[s]!.name}` : String(n))).join(', ')}`).join('; ');
  const legend = series.length > 1 || series[0]!.name
    ? `<ul class="legend">${series.map((s) => `<li><svg width="12" height="12" aria-hidden="true"><rect class="${escapeHtml(s.className)}" width="12" height="12"/></svg> ${escapeHtml(s.name)}</li>`).join('')}</ul>`
    : '';
  return `<figure class="chart-figure" aria-labelledby="${id}-h"><${heading} id="${id}-h">${escapeHtml(title)}</${heading}>`
    + `<svg class="chart" role="img" aria-labelledby="${id}-t" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title id="${id}-t">${escapeHtml(`${title}. ${described}.`)}</title>${bars}</svg>${legend}</figure>`;
}

/** The chart styles: bars that print (fills, not backgrounds) and stay distinct in greyscale. */
export const CHART_CSS = `
.chart-figure{break-inside:avoid;margin:.6rem 0 1rem}.chart-figure h3,.chart-figure h4{margin:.2rem 0 .4rem}
.chart{max-width:100%;height:auto}.chart-label,.chart-value{font-size:12px;fill:#172b4d}
.legend{list-style:none;display:flex;gap:1.2rem;padding:0;margin:.2rem 0 0;font-size:.85rem}.legend li{display:flex;align-items:center;gap:.35rem}
.s-main{fill:#0c66e4}.s-second{fill:#8f7ee7}.s-bad{fill:#ae2a19}.s-warn{fill:#b38600}.s-good{fill:#1f845a}.s-none{fill:#8590a2}
`;
