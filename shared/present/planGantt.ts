import type { MigrationPlan, PlannedLink } from '../engine/waves.ts';

// Characters a gantt line may hold as they are. Everything else (":" ends a task name, "#" and ";" end a
// value, "%" starts a comment, line breaks end the line) becomes a Mermaid entity (#58;), which Mermaid
// swaps out before parsing and back after drawing, so the name is drawn as typed.
const SAFE = /[A-Za-z0-9 .,_()/+'-]/;
/** Most links drawn per wave: the rest are one "and N more" bar, so a wave of hundreds stays a drawing. */
export const GANTT_LINKS_PER_WAVE = 25;

/**
 * Text as one inert piece of a gantt line. The first character is always an entity, so a name can never
 * start with a keyword the gantt grammar knows at the start of a line (section, title, click, excludes…).
 */
export function ganttText(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim() || '(no name)';
  return [...flat].map((c, i) => (i > 0 && SAFE.test(c) ? c : `#${c.codePointAt(0)};`)).join('');
}

const STATE_TAG = { open: 'active, ', done: 'done, ', planned: '', none: '' } as const;

function linkLabel(link: PlannedLink): string {
  return `${link.name}${link.owner ? ` — ${link.owner}` : ''}`;
}

/** A Mermaid gantt of the dated waves: one section per window, one one-day bar per link; links with an order problem are marked crit. */
export function planGanttSource(plan: MigrationPlan, title = 'Migration waves'): string {
  const flagged = new Set(plan.problems.map((p) => p.linkId).filter(Boolean));
  // Room on the left for the wave names, and labels larger than Mermaid's 11 px.
  const lines = ['%%{init: {"gantt": {"leftPadding": 200, "fontSize": 13, "sectionFontSize": 13, "barHeight": 22, "barGap": 6}}}%%', 'gantt', `  title ${ganttText(title)}`, '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m-%d', '  todayMarker off'];
  let task = 0;
  for (const wave of plan.waves) {
    if (wave.window === null) continue;
    lines.push(`  section ${ganttText(`Wave ${wave.window} (${wave.counts.links} link${wave.counts.links === 1 ? '' : 's'})`)}`);
    for (const link of wave.links.slice(0, GANTT_LINKS_PER_WAVE)) {
      const tag = STATE_TAG[link.migration ?? 'none'] + (flagged.has(link.id) ? 'crit, ' : '');
      lines.push(`  ${ganttText(linkLabel(link))}:${tag}t${++task}, ${wave.window}, 1d`);
    }
    const more = wave.links.length - GANTT_LINKS_PER_WAVE;
    if (more > 0) lines.push(`  ${ganttText(`and ${more} more`)}:t${++task}, ${wave.window}, 1d`);
  }
  if (task === 0) lines.push(`  section ${ganttText('No dated waves yet')}`);
  return `${lines.join('\n')}\n`;
}
