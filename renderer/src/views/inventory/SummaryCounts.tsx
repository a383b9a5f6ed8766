import { RECOMMENDATIONS, type Recommendation } from '../../../../shared/guidance/flowcharts.ts';
import { SEVERITIES } from '../../../../shared/guidance/rules.ts';
import { RECOMMENDATION_LABELS } from '../../../../shared/present/labels.ts';
import type { InventoryFilters } from '../../state/ui.ts';

/** The count chips by recommendation and by worst finding; pressing one filters the grid to it. */
export function SummaryCounts({ byRecommendation, bySeverity, filters, setFilters }: {
  byRecommendation: Map<string, number>;
  bySeverity: Map<string, number>;
  filters: InventoryFilters;
  setFilters(f: Partial<InventoryFilters>): void;
}) {
  return (
    <div className="summary" aria-label="Summary">
      <div className="summary-group">
        <h2>By recommendation</h2>
        <ul>
          {RECOMMENDATIONS.filter((r) => byRecommendation.has(r)).map((r) => (
            <li key={r}>
              <button type="button" className="count-chip" aria-pressed={filters.recommendation === r}
                onClick={() => setFilters({ recommendation: filters.recommendation === r ? '' : (r as Recommendation) })}>
                <span className="count">{byRecommendation.get(r)}</span> {RECOMMENDATION_LABELS[r]}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="summary-group">
        <h2>By worst finding</h2>
        <ul>
          {SEVERITIES.filter((s) => bySeverity.has(s)).map((s) => (
            <li key={s}>
              <button type="button" className={`count-chip severity-chip-${s}`} aria-pressed={filters.severity === s}
                onClick={() => setFilters({ severity: filters.severity === s ? '' : s })}>
                <span className="count">{bySeverity.get(s)}</span> {s}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
