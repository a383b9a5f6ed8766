import type { Finding } from '../../engine/assessLink.ts';
import { escapeHtml } from '../escape.ts';
import type { Report } from './reportModel.ts';

/** One distinct explanation of a rule (its message), printed once in "Findings explained". */
interface Explanation { id: string; finding: Finding; links: number }

/**
 * Each distinct finding explanation of a report, once: the same rule fires on hundreds of links with
 * the same words, and printing them under every link made the HTML of 10,000 links 30 MB. Each link's
 * row keeps the finding's title, remedy and sources, and links to its explanation here.
 */
export class FindingExplanations {
  private readonly byText = new Map<string, Explanation>();

  constructor(report: Report) {
    for (const l of report.links) {
      for (const f of l.verdict.findings) {
        const key = `${f.rule}\u0000${f.message}`;
        let e = this.byText.get(key);
        if (!e) this.byText.set(key, (e = { id: `why-${f.rule}-${this.byText.size + 1}`, finding: f, links: 0 }));
        e.links++;
      }
    }
  }

  /** The link from a finding's row to its explanation. */
  linkHtml(f: Finding): string {
    const e = this.byText.get(`${f.rule}\u0000${f.message}`);
    return e ? ` <a href="#${e.id}">why</a>` : `<br>${escapeHtml(f.message)}`;
  }

  /** The "Findings explained" part: rule, severity, title, explanation, sources and how many links. */
  sectionHtml(sev: (s: string) => string): string {
    const rows = [...this.byText.values()].map(({ id, finding: f, links }) => `<tr id="${id}"><td>${escapeHtml(f.rule)}</td><td>${sev(f.severity)}</td><td><strong>${escapeHtml(f.title)}</strong><br>${escapeHtml(f.message)}</td><td>${escapeHtml(f.sources.join(', '))}</td><td class="num">${links.toLocaleString('en-GB')}</td></tr>`).join('');
    return `<h2 id="sec-findings">Findings explained</h2><p class="muted lead">Each finding's explanation once; every link's findings name their remedy and point here.</p>`
      + `<table class="compact"><thead><tr><th>Rule</th><th>Severity</th><th>Finding and why</th><th>Sources</th><th>Links</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
}
