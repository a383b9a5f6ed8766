/** What the drawing's marks mean: the path is told by fill, outline weight, bold text and arrow weight, not by colour alone. */
export function FlowchartLegend() {
  return (
    <ul className="flowchart-legend" aria-label="Legend">
      <li><svg width="44" height="22" aria-hidden="true"><rect x="2" y="2" width="40" height="18" rx="2" fill="#cfe1ff" stroke="#1f6feb" strokeWidth="4" /></svg>
        <span><strong>On this link's path</strong>: filled, thick blue outline, bold label</span></li>
      <li><svg width="44" height="22" aria-hidden="true"><line x1="2" y1="11" x2="42" y2="11" stroke="#1f6feb" strokeWidth="4.5" /></svg>
        <span>Arrow taken (thick, blue)</span></li>
      <li><svg width="44" height="22" aria-hidden="true"><line x1="2" y1="11" x2="42" y2="11" stroke="#8590a2" strokeWidth="1.5" /></svg>
        <span>Arrow not taken (thin, grey)</span></li>
      <li><svg width="44" height="22" aria-hidden="true"><rect x="2" y="2" width="40" height="18" rx="2" fill="#fff1c2" stroke="#bf8700" strokeWidth="4" strokeDasharray="6 3" /></svg>
        <span>Unanswered question: dashed amber outline</span></li>
      <li><svg width="44" height="22" aria-hidden="true"><line x1="2" y1="11" x2="42" y2="11" stroke="#8590a2" strokeWidth="1.5" strokeDasharray="4 3" /></svg>
        <span>Dashed arrow: inferred, not documented</span></li>
    </ul>
  );
}
