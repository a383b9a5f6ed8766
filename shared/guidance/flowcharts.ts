import type { AnswerKey } from '../model/link.ts';

import type { Recommendation } from '../model/vocabulary.ts';

export { RECOMMENDATIONS, type Recommendation } from '../model/vocabulary.ts';

/** Facts the engine derives from the link's data rather than asking the administrator. */
export type DerivedFact = 'bothEndsAtlassianWithApplinks' | 'oauth2ProductLinkPossible' | 'externalOAuth2Client';

export type NodeInput = { from: 'answer'; key: AnswerKey } | { from: 'derived'; key: DerivedFact };

export interface StartNode { id: string; kind: 'start'; label: string }
export interface DecisionNode {
  id: string;
  kind: 'decision';
  label: string;
  /** The question in plain words, as the link editor asks it. */
  question: string;
  help: string;
  input: NodeInput;
  sources: string[];
}
export interface OutcomeNode {
  id: string;
  kind: 'outcome';
  label: string;
  help: string;
  /** Only outcomes of the current chart recommend; the documented chart is history. */
  recommendation?: Exclude<Recommendation, 'UNDETERMINED'>;
  /** Set on a documented outcome that is no longer supported; the CLI, the chart and reports show it. */
  deprecation?: string;
  sources: string[];
}
export type FlowNode = StartNode | DecisionNode | OutcomeNode;

export interface FlowEdge {
  from: string;
  to: string;
  answer: 'yes' | 'no' | null;
  /** The domain file marks this edge as inferred, not read from an Atlassian source. */
  inferred?: boolean;
}

export interface Flowchart {
  id: 'current' | 'documented';
  title: string;
  caption: string;
  /** Set when the whole chart is a synthesis (domain §2.3); the UI says so. */
  inferredNote?: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

const Q_ADMIN_HELP =
  'Administrator (ideally system administrator) rights on the application you link to. Without them you can only create a one-way outgoing link that reaches anonymous data.';
const Q_TRUST_HELP =
  'Will the code in each application always behave, and will each application keep its private key secure? OAuth consumers and Trusted Applications can act as users, so a compromise of one server puts the other at risk.';
const Q_USERS_HELP =
  'The same people have the same usernames on both applications, typically from a shared LDAP directory or Crowd. Impersonation makes requests as the user with the same username on the other side.';

/** Domain §2.3: the modernised chart (Applinks 5.2 and later, plus OAuth 2.0). Recommendations follow it. */
export const CURRENT_CHART: Flowchart = {
  id: 'current',
  title: 'Current guidance (Applinks 5.2 and later, with OAuth 2.0)',
  caption: 'Determining what authentication to configure for an application link',
  inferredNote:
    'A synthesis of the Applinks 5.2+ and OAuth 2.0 documentation (domain §2.3), not a chart Atlassian published.',
  nodes: [
    { id: 'START', kind: 'start', label: 'Assess / create link' },
    {
      id: 'Q_ADMIN', kind: 'decision', label: 'Admin access on remote?',
      question: 'Do you have administrator access to the remote application?',
      help: Q_ADMIN_HELP, input: { from: 'answer', key: 'adminOnRemote' }, sources: ['seed', 'S18'],
    },
    {
      id: 'Q_TRUST', kind: 'decision', label: 'Mutual trust?',
      question: 'Do the two applications fully trust each other?',
      help: Q_TRUST_HELP, input: { from: 'answer', key: 'mutualTrust' }, sources: ['seed', 'S7'],
    },
    {
      id: 'Q_ATL', kind: 'decision', label: 'Both ends Atlassian apps with Application Links?',
      question: 'Are both ends Atlassian applications with Application Links (not a Generic application or a legacy-mode link)?',
      help: 'Worked out from the products of both ends. Impersonation and Trusted Applications exist only between Atlassian applications with Application Links.',
      input: { from: 'derived', key: 'bothEndsAtlassianWithApplinks' }, sources: ['S5', 'S49'],
    },
    {
      id: 'Q_O2', kind: 'decision', label: 'Both sides support Atlassian product via OAuth 2.0 and use HTTPS?',
      question: 'Do both products support "Atlassian product via OAuth 2.0", and do both use HTTPS base URLs?',
      help: 'Worked out from the versions and base URLs of both ends (domain §11.1). A version between the two published thresholds counts as not yet confirmed.',
      input: { from: 'derived', key: 'oauth2ProductLinkPossible' }, sources: ['S27', 'seed', 'S31', 'S33'],
    },
    {
      id: 'Q_USERS', kind: 'decision', label: 'Same user base? (shared LDAP / Crowd)',
      question: 'Do the two applications share the same user base?',
      help: Q_USERS_HELP, input: { from: 'answer', key: 'sharedUserBase' }, sources: ['S5', 'S6'],
    },
    {
      id: 'Q_EXT_O2', kind: 'decision', label: 'Outgoing OAuth 2.0 link to an external service?',
      question: 'Is this end an OAuth 2.0 client of an external, non-Atlassian service (an outgoing OAuth 2.0 link, e.g. to a Google or Microsoft mail server)?',
      help: 'Worked out from the link: the remote is a Generic application and this end has an outgoing OAuth 2.0 link. Such a link needs no administrator rights on, or trust from, the provider beyond registering this application with it, and is a supported configuration.',
      input: { from: 'derived', key: 'externalOAuth2Client' }, sources: ['S31'],
    },
    {
      id: 'O_NONE', kind: 'outcome', label: 'One-way outgoing link, no authentication', recommendation: 'NONE',
      help: 'Anonymous access only: hyperlinks and anonymously accessible APIs. Basic HTTP is no longer supported from Applinks 5.2.',
      sources: ['seed', 'S20'],
    },
    {
      id: 'O_EXT', kind: 'outcome', label: 'External app: OAuth 2.0 external-application link or OAuth 1.0a consumer, no impersonation', recommendation: 'EXTERNAL',
      help: 'For a non-Atlassian application: an OAuth 2.0 external-application incoming or outgoing link, or an OAuth 1.0a consumer with an RSA public key. Impersonation is Atlassian-only.',
      sources: ['S53', 'S30', 'S35', 'S5'],
    },
    {
      id: 'O_OAUTH2', kind: 'outcome', label: 'OAuth 2.0 link, incoming + outgoing, least-privilege scopes', recommendation: 'OAUTH2',
      help: '"Atlassian product via OAuth 2.0": incoming and outgoing links on both sides with least-privilege scopes.',
      sources: ['S27'],
    },
    {
      id: 'O_IMP', kind: 'outcome', label: 'OAuth (impersonation): 3LO + 2LO + 2LOi both directions', recommendation: 'OAUTH_IMPERSONATION',
      help: 'OAuth 1.0a with 3-legged, 2-legged and 2-legged-with-impersonation enabled in both directions on both ends.',
      sources: ['S5', 'S19'],
    },
    {
      id: 'O_OAUTH', kind: 'outcome', label: 'OAuth: 3LO + 2LO both directions', recommendation: 'OAUTH',
      help: 'OAuth 1.0a with 3-legged and 2-legged enabled in both directions on both ends, no impersonation.',
      sources: ['S5', 'S7', 'S19'],
    },
  ],
  // Domain §2.3 calls the whole chart an [INFERRED] synthesis: every placement is inferred except the
  // one-way outcome of a link without admin rights, the seed's third scenario (issue 15 point 15). Q_EXT_O2
  // (issue 15 point 12, [S31]) sits in front of it, so that an OAuth 2.0 client link is not called "no authentication".
  edges: [
    { from: 'START', to: 'Q_ADMIN', answer: null, inferred: true },
    { from: 'Q_ADMIN', to: 'Q_EXT_O2', answer: 'no', inferred: true },
    { from: 'Q_ADMIN', to: 'Q_TRUST', answer: 'yes', inferred: true },
    { from: 'Q_TRUST', to: 'Q_EXT_O2', answer: 'no', inferred: true },
    { from: 'Q_EXT_O2', to: 'O_EXT', answer: 'yes', inferred: true },
    { from: 'Q_EXT_O2', to: 'O_NONE', answer: 'no' },
    { from: 'Q_TRUST', to: 'Q_ATL', answer: 'yes', inferred: true },
    { from: 'Q_ATL', to: 'O_EXT', answer: 'no', inferred: true },
    { from: 'Q_ATL', to: 'Q_O2', answer: 'yes', inferred: true },
    { from: 'Q_O2', to: 'O_OAUTH2', answer: 'yes', inferred: true },
    { from: 'Q_O2', to: 'Q_USERS', answer: 'no', inferred: true },
    { from: 'Q_USERS', to: 'O_IMP', answer: 'yes', inferred: true },
    { from: 'Q_USERS', to: 'O_OAUTH', answer: 'no', inferred: true },
  ],
};

/** Domain §2.2: the chart of the Confluence 5.0 seed page, reconstructed from its prose (Applinks 5.1 and earlier). */
export const DOCUMENTED_CHART: Flowchart = {
  id: 'documented',
  title: 'Documented guidance (Confluence 5.0, Applinks 5.1 and earlier)',
  caption: 'Determining what authentication to configure for an Application Link',
  nodes: [
    { id: 'START', kind: 'start', label: 'Creating or reviewing an application link' },
    {
      id: 'Q_ADMIN', kind: 'decision', label: 'Admin access to remote application?',
      question: 'Do you have administrative access to the application you are linking to?',
      help: Q_ADMIN_HELP, input: { from: 'answer', key: 'adminOnRemote' }, sources: ['seed'],
    },
    {
      id: 'Q_TRUST', kind: 'decision', label: 'Apps fully trust each other? (code behaves, private key safe)',
      question: 'Do the two applications you are linking trust each other?',
      help: Q_TRUST_HELP, input: { from: 'answer', key: 'mutualTrust' }, sources: ['seed'],
    },
    {
      id: 'Q_USERS', kind: 'decision', label: 'Same user base?',
      question: 'Do the two applications you are linking share the same user base?',
      help: Q_USERS_HELP, input: { from: 'answer', key: 'sharedUserBase' }, sources: ['seed'],
    },
    {
      id: 'O_ONEWAY', kind: 'outcome', label: 'One-way OUTGOING link: Basic HTTP or no authentication',
      help: 'Linking to an application you do not administer, such as a public FishEye or a partner Confluence.', sources: ['seed'],
      deprecation: 'Basic HTTP is unsupported from Applinks 5.2 (links show DEPRECATED): keep the one-way link without authentication.',
    },
    {
      id: 'O_TA', kind: 'outcome', label: 'Two-way Trusted Applications, incoming + outgoing',
      help: 'For applications that trust each other and share a user base. Unsupported from Applinks 5.2.', sources: ['seed'],
      deprecation: 'Trusted Applications is unsupported from Applinks 5.2 (links show DEPRECATED): today this outcome is OAuth (impersonation).',
    },
    {
      id: 'O_OAUTH', kind: 'outcome', label: 'Two-way OAuth, incoming + outgoing',
      help: 'For applications that trust each other but do not share a user base.', sources: ['seed'],
    },
  ],
  edges: [
    { from: 'START', to: 'Q_ADMIN', answer: null, inferred: true },
    { from: 'Q_ADMIN', to: 'O_ONEWAY', answer: 'no' },
    { from: 'Q_ADMIN', to: 'Q_TRUST', answer: 'yes', inferred: true },
    { from: 'Q_TRUST', to: 'O_ONEWAY', answer: 'no', inferred: true },
    { from: 'Q_TRUST', to: 'Q_USERS', answer: 'yes' },
    { from: 'Q_USERS', to: 'O_TA', answer: 'yes' },
    { from: 'Q_USERS', to: 'O_OAUTH', answer: 'no' },
  ],
};

export const CHARTS = { current: CURRENT_CHART, documented: DOCUMENTED_CHART } as const;
