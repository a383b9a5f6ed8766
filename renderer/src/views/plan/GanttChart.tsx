import { useEffect, useRef, useState } from 'react';
import { renderMermaid, svgElementFrom } from '../../lib/mermaidRenderer.ts';
import { useDarkMode } from '../../lib/useDarkMode.ts';
import { messageOf } from '../../../../shared/model/messageOf.ts';

// Mermaid's dark theme draws the names beside the bars in a dark grey; on the dark page they need light text.
const DARK_TEXT = '%%{init: {"themeVariables": {"taskTextOutsideColor": "#dee4ea", "taskTextDarkColor": "#dee4ea", "sectionBkgColor": "#2c333a", "altSectionBkgColor": "#22272b", "sectionBkgColor2": "#2c333a"}}}%%\n';

/** The waves as a Mermaid gantt, drawn by Mermaid (strict security level) like the flowchart. */
export function GanttChart({ source, description }: { source: string; description: string }) {
  const dark = useDarkMode();
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ kind: 'loading' | 'ready' | 'error'; message?: string }>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    renderMermaid(dark ? DARK_TEXT + source : source, dark)
      .then((svg) => {
        if (cancelled || !holder.current) return;
        const element = svgElementFrom(svg);
        element.setAttribute('role', 'img');
        element.setAttribute('aria-label', description);
        holder.current.replaceChildren(element);
        setState({ kind: 'ready' });
      })
      .catch((error: unknown) => !cancelled && setState({ kind: 'error', message: messageOf(error) }));
    return () => {
      cancelled = true;
    };
  }, [source, dark, description]);
  return (
    <figure className="gantt-figure">
      <div ref={holder} className="gantt-svg" data-state={state.kind} aria-busy={state.kind === 'loading'} />
      {state.kind === 'loading' && <p role="status" className="muted">Drawing the timeline…</p>}
      {state.kind === 'error' && <p role="alert" className="error">The timeline could not be drawn: {state.message}</p>}
    </figure>
  );
}
