import { useId } from 'react';
import { productName } from '../../../../shared/engine/oauth2Readiness.ts';
import { CURRENT_CHART, type DecisionNode } from '../../../../shared/guidance/flowcharts.ts';
import type { Directions, Link, LinkEnd } from '../../../../shared/model/link.ts';
import {
  ANSWER_KEYS, AUTH_TOKENS, ERROR_TYPES, FEATURES, PRODUCTS, VERSION_PATTERN, type AnswerKey, type AuthToken, type ErrorType,
} from '../../../../shared/model/vocabulary.ts';
import { ANSWER_QUESTIONS, lozengeFor, TOKEN_LABELS } from '../../../../shared/present/labels.ts';
import { ValidatedInput } from '../../components/ValidatedInput.tsx';
import { useWorkspace } from '../../state/workspace.ts';
import { PlanFields } from './PlanFields.tsx';

const validateVersion = (text: string) => (VERSION_PATTERN.test(text) ? null : 'Expected a version such as 11.2.0.');
const validateUrl = (text: string) => (/^https?:\/\/[^\s/?#]+/i.test(text) ? null : 'Expected a URL starting with https:// or http://.');
const FEATURE_LABELS: Record<(typeof FEATURES)[number], string> = {
  devPanel: 'Jira development panel', gadgets: 'Gadgets', jiraIssuesMacro: 'Jira Issues macro', other: 'Other integrations',
};

/** Edits one link; every change is applied at once and saved by the workspace store. */
export function LinkEditor({ link }: { link: Link }) {
  const updateLink = useWorkspace((s) => s.updateLink);
  const update = (next: Link, coalesceKey?: string) => updateLink(next, { coalesceKey });

  return (
    <form className="editor" aria-label="Link details" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Link</legend>
        <ValidatedInput draftKey={`${link.id}:name`} label="Name" value={link.name} required
          validate={(t) => (t.length > 200 ? 'At most 200 characters.' : null)} onCommit={(name) => name && update({ ...link, name }, 'name')} />
      </fieldset>
      <PlanFields link={link} onChange={(plan) => update({ ...link, plan }, 'plan')} />

      <div className="ends">
        {(['local', 'remote'] as const).map((side) => (
          <EndFields key={side} link={link} side={side} onChange={(end) => update({ ...link, [side]: end }, `${side}`)} />
        ))}
      </div>

      <fieldset>
        <legend>Current configuration</legend>
        <p className="field-hint">Outgoing authenticates requests this end sends; incoming authenticates requests it receives.</p>
        <DirectionToggles title="Local end" linkId={link.id} value={link.config.local}
          onChange={(local) => update({ ...link, config: { ...link.config, local } })} />
        <label className="inline-check">
          <input type="checkbox" checked={link.config.remote !== undefined}
            onChange={(e) => update({ ...link, config: { ...link.config, remote: e.target.checked ? { outgoing: [], incoming: [] } : undefined } })} />
          The remote end's configuration is known
        </label>
        {link.config.remote && (
          <DirectionToggles title="Remote end" linkId={link.id} value={link.config.remote}
            onChange={(remote) => update({ ...link, config: { ...link.config, remote } })} />
        )}
      </fieldset>

      <fieldset>
        <legend>Questions</legend>
        {ANSWER_KEYS.map((key) => <AnswerField key={key} link={link} answerKey={key} onChange={(answers) => update({ ...link, answers })} />)}
      </fieldset>

      <fieldset>
        <legend>Status and features</legend>
        <div className="field">
          <label htmlFor={`${link.id}-status`}>Atlassian status (error type)</label>
          <select id={`${link.id}-status`} value={link.status?.errorType ?? ''}
            onChange={(e) => update({ ...link, status: { ...link.status, errorType: (e.target.value || undefined) as ErrorType | undefined } })}>
            <option value="">None recorded</option>
            {ERROR_TYPES.map((type) => <option key={type} value={type}>{type} ({lozengeFor(type, undefined)})</option>)}
          </select>
          <p className="field-hint">Lozenge: <span className="lozenge">{lozengeFor(link.status?.errorType, link.status?.working)}</span></p>
        </div>
        <label className="inline-check">
          <input type="checkbox" checked={link.status?.working === true} onChange={(e) => update({ ...link, status: { ...link.status, working: e.target.checked || undefined } })} />
          Status shows the link working (CONNECTED)
        </label>
        <label className="inline-check">
          <input type="checkbox" checked={link.system === true} onChange={(e) => update({ ...link, system: e.target.checked || undefined })} />
          System link (created by the product, read-only)
        </label>
        <fieldset className="checks">
          <legend>Features in use</legend>
          {FEATURES.map((feature) => (
            <label key={feature} className="inline-check">
              <input type="checkbox" checked={link.features?.includes(feature) ?? false}
                onChange={(e) => update({ ...link, features: toggle(link.features ?? [], feature, e.target.checked) })} />
              {FEATURE_LABELS[feature]}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <details className="observations">
        <summary>Observations (optional facts some rules need)</summary>
        <ValidatedInput draftKey={`${link.id}:taIpPatterns`} label="Trusted Apps IP patterns (R17)" value={link.observations?.taIpPatterns}
          validate={() => null} onCommit={(taIpPatterns) => update({ ...link, observations: { ...link.observations, taIpPatterns } }, 'ip')} />
        {([
          ['clusteredOrProxied', 'Behind a cluster or proxy (R18)'],
          ['certificateTooOld', 'CertificateTooOldException in the logs (R19)'],
          ['usersRepeatedlyPrompted', 'Users are repeatedly asked to authenticate (R15)'],
          ['autoMigratedFromTrustedApps', 'Auto-migrated from Trusted Apps (R08)'],
        ] as const).map(([key, label]) => (
          <label key={key} className="inline-check">
            <input type="checkbox" checked={link.observations?.[key] === true}
              onChange={(e) => update({ ...link, observations: { ...link.observations, [key]: e.target.checked || undefined } })} />
            {label}
          </label>
        ))}
      </details>

      <fieldset>
        <legend>Notes</legend>
        <label className="visually-hidden" htmlFor={`${link.id}-notes`}>Notes</label>
        <textarea id={`${link.id}-notes`} rows={4} value={link.notes ?? ''} maxLength={20000}
          onChange={(e) => update({ ...link, notes: e.target.value || undefined }, 'notes')} />
      </fieldset>
    </form>
  );
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  const without = list.filter((x) => x !== item);
  return on ? [...without, item] : without;
}

function EndFields({ link, side, onChange }: { link: Link; side: 'local' | 'remote'; onChange(end: LinkEnd): void }) {
  const end = link[side];
  const id = useId();
  const where = side === 'local' ? 'Local end' : 'Remote end';
  return (
    <fieldset className="end">
      <legend>{side === 'local' ? 'Local end' : 'Remote end'}</legend>
      <div className="field">
        <label htmlFor={`${id}-product`}>Product</label>
        <select id={`${id}-product`} value={end.product} onChange={(e) => onChange({ ...end, product: e.target.value as LinkEnd['product'] })}>
          {PRODUCTS.map((p) => <option key={p} value={p}>{productName(p)}</option>)}
        </select>
      </div>
      <ValidatedInput draftKey={`${link.id}:${side}.version`} label="Version" fieldName={`${where} version`} value={end.version} placeholder="e.g. 11.2.0" validate={validateVersion}
        onCommit={(version) => onChange({ ...end, version })} />
      <ValidatedInput draftKey={`${link.id}:${side}.applinks`} label="Application Links version" fieldName={`${where} Application Links version`} value={end.applinksVersion} placeholder="e.g. 10.2.3"
        validate={validateVersion} onCommit={(applinksVersion) => onChange({ ...end, applinksVersion })} />
      <ValidatedInput draftKey={`${link.id}:${side}.url`} label="Base URL" fieldName={`${where} base URL`} value={end.baseUrl} placeholder="e.g. https://jira.example.com" validate={validateUrl}
        onCommit={(baseUrl) => onChange({ ...end, baseUrl })} />
    </fieldset>
  );
}

function DirectionToggles({ title, linkId, value, onChange }: { title: string; linkId: string; value: Directions; onChange(d: Directions): void }) {
  return (
    <div className="directions">
      <h3>{title}</h3>
      {(['outgoing', 'incoming'] as const).map((direction) => (
        <fieldset key={direction} className="checks" id={`${linkId}-${title}-${direction}`}>
          <legend>{direction === 'outgoing' ? 'Outgoing' : 'Incoming'}</legend>
          {AUTH_TOKENS.map((token: AuthToken) => (
            <label key={token} className="inline-check">
              <input type="checkbox" checked={value[direction].includes(token)}
                onChange={(e) => onChange({ ...value, [direction]: AUTH_TOKENS.filter((t) => (t === token ? e.target.checked : value[direction].includes(t))) })} />
              {TOKEN_LABELS[token]}
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

function AnswerField({ link, answerKey, onChange }: { link: Link; answerKey: AnswerKey; onChange(answers: Link['answers']): void }) {
  const meta = ANSWER_QUESTIONS[answerKey];
  const node = CURRENT_CHART.nodes.find((n): n is DecisionNode => n.id === meta.node && n.kind === 'decision');
  const current = link.answers[answerKey];
  const name = `${link.id}-${answerKey}`;
  const options: Array<[string, boolean | null]> = [['Yes', true], ['No', false], ['Not known', null]];
  return (
    <fieldset className="question" aria-describedby={`${name}-help`}>
      <legend>{meta.question}{node && <span className="node-id"> ({node.id})</span>}</legend>
      <div className="radio-row">
        {options.map(([label, value]) => (
          <label key={label} className="inline-check">
            <input type="radio" name={name} checked={current === value} onChange={() => onChange({ ...link.answers, [answerKey]: value })} />
            {label}
          </label>
        ))}
      </div>
      <p id={`${name}-help`} className="field-hint">{node?.help ?? meta.help}</p>
    </fieldset>
  );
}
