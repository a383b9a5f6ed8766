import type { Mermaid } from 'mermaid';

let loaded: Promise<Mermaid> | null = null;
let configuredTheme: string | null = null;
let counter = 0;
// A chart has only a handful of distinct paths, so each drawing is made once per theme and reused.
const drawings = new Map<string, string>();
const MAX_DRAWINGS = 64;

/** Mermaid is large: it is loaded the first time a flowchart is drawn, never at start-up. */
function loadMermaid(): Promise<Mermaid> {
  loaded ??= import('mermaid').then((module) => module.default);
  return loaded;
}

/** Renders Mermaid source to an SVG string with `securityLevel: 'strict'` and plain-text labels. */
export async function renderMermaid(source: string, dark: boolean): Promise<string> {
  const theme = dark ? 'dark' : 'default';
  const key = `${theme}\n${source}`;
  const cached = drawings.get(key);
  if (cached) return cached;
  const mermaid = await loadMermaid();
  if (configuredTheme !== theme) {
    // htmlLabels off: text-only labels (no foreignObject), so the SVG also converts to PNG on a canvas.
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme, htmlLabels: false, flowchart: { htmlLabels: false, useMaxWidth: true }, fontFamily: 'system-ui, sans-serif' });
    configuredTheme = theme;
  }
  counter += 1;
  const { svg } = await mermaid.render(`flowchart-svg-${counter}`, source);
  if (drawings.size >= MAX_DRAWINGS) drawings.delete(drawings.keys().next().value!);
  drawings.set(key, svg);
  return svg;
}

/** Turns an SVG string into a DOM node without innerHTML (a parsed SVG document runs no script). */
export function svgElementFrom(svg: string): SVGSVGElement {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = parsed.documentElement;
  if (!(root instanceof SVGSVGElement)) throw new Error('Mermaid did not produce an SVG.');
  return document.importNode(root, true);
}

/** Rasterises an SVG element to PNG (base64, without the data: prefix) at the given scale. */
export async function svgToPngBase64(svg: SVGSVGElement, scale = 2): Promise<string> {
  const text = new XMLSerializer().serializeToString(svg);
  const box = svg.viewBox.baseVal;
  const width = Math.ceil((box?.width || svg.getBoundingClientRect().width) * scale);
  const height = Math.ceil((box?.height || svg.getBoundingClientRect().height) * scale);
  const image = new Image(width, height);
  const url = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(text)))}`;
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The drawing could not be converted to PNG.'));
    image.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No canvas available.');
  context.fillStyle = getComputedStyle(document.body).backgroundColor || '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
