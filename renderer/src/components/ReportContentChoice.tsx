import { REPORT_SECTIONS, type ReportFormat, type ReportSection } from '../../../shared/model/vocabulary.ts';

const SECTION_LABELS: Record<ReportSection, string> = {
  summary: 'Summary (the executive summary’s figures and charts)', links: 'Links: ends, configuration, answers, recommendation; the flowchart paths',
  findings: 'Findings of each link', checklists: 'Checklists of each link', history: 'Recent history of each link',
};

/** What a report holds: the executive summary alone, or the full report with the parts ticked. */
export interface ReportContent { summary: boolean; sections: ReportSection[] }

/** The report dialog's choice of content: summary or full report, and the full report's parts. */
export function ReportContentChoice({ id, format, value, onChange }: { id: string; format: ReportFormat; value: ReportContent; onChange(next: ReportContent): void }) {
  const summaryPossible = format !== 'csv';
  const toggle = (section: ReportSection, on: boolean) => onChange({ ...value, sections: REPORT_SECTIONS.filter((s) => (s === section ? on : value.sections.includes(s))) });
  return (
    <fieldset className="report-formats">
      <legend>Content</legend>
      <label><input type="radio" name={`${id}-content`} checked={value.summary && summaryPossible} disabled={!summaryPossible} onChange={() => onChange({ ...value, summary: true })} /> Executive summary — at most 15 pages for any estate{summaryPossible ? '' : ' (not for CSV)'}</label>
      <label><input type="radio" name={`${id}-content`} checked={!value.summary || !summaryPossible} onChange={() => onChange({ ...value, summary: false })} /> Full report, with these parts:</label>
      {(!value.summary || !summaryPossible) && (
        <div className="report-sections">
          {REPORT_SECTIONS.map((section) => (
            <label key={section}><input type="checkbox" checked={value.sections.includes(section)} disabled={value.sections.length === 1 && value.sections.includes(section)} onChange={(e) => toggle(section, e.target.checked)} /> {SECTION_LABELS[section]}</label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
