import { useEffect, useRef, useState } from 'react';
import type { Verdict } from '../../../../shared/engine/assessLink.ts';
import { CHARTS } from '../../../../shared/guidance/flowcharts.ts';
import { describePath, flowchartSource } from '../../../../shared/present/flowchartMermaid.ts';
import { call } from '../../api.ts';
import { renderMermaid, svgElementFrom, svgToPngBase64 } from '../../lib/mermaidRenderer.ts';
import { useDarkMode } from '../../lib/useDarkMode.ts';
import { useUi } from '../../state/ui.ts';
import { messageOf } from '../../../../shared/model/messageOf.ts';
import { FlowchartLegend } from './FlowchartLegend.tsx';

/** Mermaid draws labels at 16 px; the drawing is never scaled below 13 px labels. */
const MIN_LABEL_SCALE = 13 / 16;

/** The flowchart drawn by Mermaid with the link's path highlighted, the path as text, and SVG/PNG export. */
export function FlowchartPanel({ verdict, fileStem }: { verdict: Verdict; fileStem: string }) {
  const chartId = useUi((s) => s.chart);
  const setChart = useUi((s) => s.setChart);
  const dark = useDarkMode();
  const chart = CHARTS[chartId];
  const walk = chartId === 'current' ? { path: verdict.path, steps: verdict.steps, pendingQuestion: verdict.pendingQuestion } : verdict.documented;
  const source = flowchartSource(chart, walk, `${chart.title}: the path of this link`);
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ kind: 'loading' | 'ready' | 'error'; message?: string }>({ kind: 'loading' });
  const [exportMessage, setExportMessage] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const started = performance.now();
    renderMermaid(source, dark)
      .then((svg) => {
        if (cancelled || !holder.current) return;
        const element = svgElementFrom(svg);
        element.setAttribute('role', 'img');
        // Mermaid would scale the drawing down to the panel's width, shrinking labels below a readable size
        // (#17): it is fitted to the panel and the window only down to 13 px labels, and scrolls beyond that.
        const box = element.viewBox.baseVal;
        if (box && box.width > 0) {
          const room = holder.current.clientWidth - 16;
          const sight = window.innerHeight * 0.8;
          const scale = Math.max(MIN_LABEL_SCALE, Math.min(1, room / box.width, sight / box.height));
          element.style.maxWidth = 'none';
          element.setAttribute('width', String(Math.ceil(box.width * scale)));
          element.setAttribute('height', String(Math.ceil(box.height * scale)));
        }
        holder.current.replaceChildren(element);
        holder.current.dataset.renderMs = String(Math.round(performance.now() - started));
        setState({ kind: 'ready' });
      })
      .catch((error: unknown) => !cancelled && setState({ kind: 'error', message: messageOf(error) }));
    return () => {
      cancelled = true;
    };
  }, [source, dark]);

  async function exportAs(format: 'svg' | 'png') {
    const svg = holder.current?.querySelector('svg');
    if (!svg) return;
    setExportMessage('Exporting…');
    try {
      const name = `${fileStem}-${chartId}-flowchart.${format}`;
      const result = format === 'svg'
        ? await call('export.save', { suggestedName: name, format, text: new XMLSerializer().serializeToString(svg) })
        : await call('export.save', { suggestedName: name, format, base64: await svgToPngBase64(svg) });
      setExportMessage(result.saved ? `Saved ${result.path}` : 'Export cancelled.');
    } catch (error) {
      setExportMessage(`Export failed: ${messageOf(error)}`);
    }
  }

  const pathLabels = walk.path.map((id) => {
    const node = chart.nodes.find((n) => n.id === id);
    const step = walk.steps.find((s) => s.node === id);
    return { id, label: node?.label ?? id, answer: step?.answer, pending: id === walk.pendingQuestion };
  });

  return (
    <section className="flowchart-panel" id="flowchart-panel" aria-labelledby="flowchart-heading">
      <div className="flowchart-head">
        <h2 id="flowchart-heading" tabIndex={-1}>Flowchart</h2>
        <div role="radiogroup" aria-label="Which flowchart" className="segmented">
          {(['current', 'documented'] as const).map((id) => (
            <label key={id} className={chartId === id ? 'on' : undefined}>
              <input type="radio" name="chart" checked={chartId === id} onChange={() => setChart(id)} />
              {id === 'current' ? 'Current (Applinks 5.2+, OAuth 2.0)' : 'Documented (Confluence 5.0)'}
            </label>
          ))}
        </div>
        <button type="button" onClick={() => void exportAs('svg')} disabled={state.kind !== 'ready'}>Export SVG</button>
        <button type="button" onClick={() => void exportAs('png')} disabled={state.kind !== 'ready'}>Export PNG</button>
      </div>
      {chart.inferredNote && <p className="field-hint">{chart.inferredNote} Dashed arrows are inferred, not documented.</p>}
      {!chart.inferredNote && <p className="field-hint">Reconstructed from the seed page's prose; dashed arrows are inferred.</p>}
      {exportMessage && <p role="status" className="muted">{exportMessage}</p>}
      <FlowchartLegend />
      <div className="flowchart-body">
        <figure>
          <div ref={holder} className="flowchart-svg" tabIndex={0} aria-label="Flowchart drawing (scrolls sideways when wider than the window)" data-chart={chartId} data-state={state.kind} aria-busy={state.kind === 'loading'} />
          {state.kind === 'loading' && <p role="status" className="muted">Drawing the flowchart…</p>}
          {state.kind === 'error' && <p role="alert" className="error">The flowchart could not be drawn: {state.message}</p>}
          <figcaption className="visually-hidden">{describePath(chart, walk)}</figcaption>
        </figure>
        <div className="path-text">
          <h3>Path taken</h3>
          <ol>
            {pathLabels.map((step) => (
              <li key={step.id} className={step.pending ? 'pending' : undefined}>
                <span className="node-id">{step.id}</span> {step.label}
                {step.answer && <strong> — {step.answer === 'yes' ? 'Yes' : 'No'}</strong>}
                {step.pending && <strong> — not answered yet</strong>}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}
