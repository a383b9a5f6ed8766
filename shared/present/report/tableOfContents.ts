import { escapeHtml } from '../escape.ts';

/** One line of a table of contents: the id of the heading it points to, its words and its depth. */
export interface TocEntry { id: string; title: string; level: 1 | 2 }

/**
 * A table of contents: links to the headings' anchors; in a PDF also the page of each, learnt from
 * a first printing (`pages`, by anchor id). The page column has a fixed width, so filling it in
 * moves nothing on the page and the numbers stay true in the second printing.
 */
export function tocHtml(entries: readonly TocEntry[], pages?: Readonly<Record<string, number>>): string {
  const items = entries.map((e) => `<li class="toc-${e.level}"><a href="#${escapeHtml(e.id)}">${escapeHtml(e.title)}</a>${pages ? `<span class="toc-page">${pages[e.id] ?? ''}</span>` : ''}</li>`).join('');
  return `<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">Contents</h2><ol>${items}</ol></nav>`;
}

export const TOC_CSS = `
.toc ol{list-style:none;padding:0;margin:0}.toc li{display:flex;align-items:baseline;gap:.4rem;padding:.1rem 0;break-inside:avoid}
.toc li.toc-2{padding-left:1.5rem;font-size:.9rem}.toc a{color:inherit;text-decoration:none}
.toc li::after{content:"";order:1;flex:1;border-bottom:1px dotted #8590a2}.toc .toc-page{order:2;width:3.5em;text-align:right;font-variant-numeric:tabular-nums}
.toc{break-after:page}
`;

/**
 * The per-link part on paper: links flow one after another (a link that had to start on a fresh page
 * left most pages half empty: 1,855 pages for 1,000 links), in a smaller type; a heading stays with its
 * table and no table row is split.
 */
export const LINK_PRINT_CSS = `
.path-links{font-size:.8rem;color:#44546f}
@media print{.link{break-inside:auto;font-size:10px;line-height:1.3;border-top:1px solid #dcdfe4;margin-top:.6rem}.link h3{margin:.5rem 0 .2rem;break-after:avoid}.link h3{font-size:12px}.link h4{margin:.3rem 0 .1rem;font-size:10px}
.link table{margin:.2rem 0}.link th,.link td{padding:.08rem .3rem}.link table:first-of-type{break-before:avoid}}
`;
