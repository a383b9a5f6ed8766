import type { AuthToken, ErrorType, Product } from '../model/vocabulary.ts';
import { ERROR_TYPES } from '../model/vocabulary.ts';
import { productOfType, tokensOfLevels, tokensOfProviders, type OAuthLevels } from './providerClasses.ts';
import { messageOf } from '../model/messageOf.ts';

/** A problem in one imported file, located by JSON path (or line), in plain words. */
export interface ImportProblem {
  file: string;
  path: string;
  message: string;
}

/** The server a set of files came from, as its manifest says. */
export interface ServerManifest {
  id: string | null;
  name: string | null;
  product: Product | null;
  type: string | null;
  version: string | null;
  applinksVersion: string | null;
  baseUrl: string | null;
}

/** One server's view of one of its links, gathered from any of its export files. */
export interface LinkView {
  /** The remote application's id as this server knows it (the Applinks link id). */
  appId: string;
  name: string | null;
  type: string | null;
  displayUrl: string | null;
  rpcUrl: string | null;
  system?: boolean;
  outgoing?: AuthToken[];
  incoming?: AuthToken[];
  /** OAuth levels from a status or OAuth resource: authoritative for the OAuth tokens. */
  oauthOutgoing?: OAuthLevels;
  oauthIncoming?: OAuthLevels;
  remoteOauthOutgoing?: OAuthLevels;
  remoteOauthIncoming?: OAuthLevels;
  other?: string[];
  working?: boolean;
  errorType?: ErrorType;
  errorTypeUnknown?: string;
  executingTwoLoUser?: string;
  files: string[];
}

export type Shape =
  | { kind: 'manifest'; manifest: ServerManifest }
  | { kind: 'links'; endpoint: string; views: LinkView[] }
  | { kind: 'status'; endpoint: string; view: LinkView }
  | { kind: 'oauth-levels'; endpoint: string; incoming: OAuthLevels; outgoing: OAuthLevels }
  | { kind: 'authentication'; endpoint: string; incoming: AuthToken[] | null; outgoing: AuthToken[]; other: string[]; executingTwoLoUser: string | null; consumerNames: string[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

class ShapeError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

function levels(value: unknown, path: string): OAuthLevels {
  if (!isObject(value)) throw new ShapeError(path, 'expected an object with enabled, twoLoEnabled and twoLoImpersonationEnabled');
  if (typeof value.enabled !== 'boolean') throw new ShapeError(`${path}.enabled`, 'expected true or false');
  return { enabled: value.enabled, twoLo: value.twoLoEnabled === true, twoLoImpersonation: value.twoLoImpersonationEnabled === true };
}

function stringList(value: unknown, path: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ShapeError(path, 'expected a list of class names');
  return value.map((v, i) => {
    if (typeof v !== 'string') throw new ShapeError(`${path}[${i}]`, 'expected a class name');
    return v;
  });
}

function requireId(value: unknown, path: string): string {
  const id = str(value);
  if (!id) throw new ShapeError(path, 'expected the link id (text)');
  return id;
}

/** `GET /rest/applinks/3.0/applinks`: an array, or wrapped in {applinks} / {list} / {applicationLinks}. */
function v3Link(value: unknown, path: string, file: string): LinkView {
  if (!isObject(value)) throw new ShapeError(path, 'expected a link object');
  return {
    appId: requireId(value.id, `${path}.id`), name: str(value.name), type: str(value.type) ?? str(value.typeId),
    displayUrl: str(value.displayUrl), rpcUrl: str(value.rpcUrl), ...(bool(value.system) !== undefined ? { system: bool(value.system) } : {}), files: [file],
  };
}

/** One entry of `GET /rest/applinks/1.0/listApplicationlinks`. */
function v1Entry(value: unknown, path: string, file: string): LinkView {
  if (!isObject(value)) throw new ShapeError(path, 'expected an entry with application and configured…Authenticators');
  const app = value.application;
  if (!isObject(app)) throw new ShapeError(`${path}.application`, 'expected the linked application (id, typeId, name, displayUrl, rpcUrl)');
  const out = tokensOfProviders(stringList(value.configuredOutboundAuthenticators, `${path}.configuredOutboundAuthenticators`));
  const inc = tokensOfProviders(stringList(value.configuredInboundAuthenticators, `${path}.configuredInboundAuthenticators`));
  return {
    appId: requireId(app.id, `${path}.application.id`), name: str(app.name), type: str(app.typeId) ?? str(app.type),
    displayUrl: str(app.displayUrl), rpcUrl: str(app.rpcUrl), ...(bool(value.isSystem) !== undefined ? { system: bool(value.isSystem) } : {}),
    outgoing: out.tokens, incoming: inc.tokens, other: [...out.other.map((o) => `${o} (outgoing)`), ...inc.other.map((o) => `${o} (incoming)`)], files: [file],
  };
}

function unwrapList(json: unknown): { list: unknown[]; at: string } | null {
  if (Array.isArray(json)) return { list: json, at: '' };
  if (isObject(json)) {
    for (const key of ['list', 'applinks', 'applicationLinks', 'applicationLink', 'links']) {
      if (Array.isArray(json[key])) return { list: json[key] as unknown[], at: key };
    }
  }
  return null;
}

const itemPath = (at: string, i: number) => (at ? `${at}[${i}]` : `[${i}]`);

/**
 * Recognises an Applinks REST export (domain §9) by its fields, and reads it. Throws a located
 * message for a file that is none of them, or that is one of them with a field of the wrong kind.
 */
export function readShape(json: unknown, file: string): Shape {
  if (isObject(json) && ('typeId' in json || 'applinksVersion' in json) && !('application' in json) && ('url' in json || 'baseUrl' in json || 'displayUrl' in json)) {
    return {
      kind: 'manifest',
      manifest: {
        id: str(json.id), name: str(json.name), type: str(json.typeId) ?? str(json.type), product: productOfType(str(json.typeId) ?? str(json.type) ?? ''),
        version: str(json.version), applinksVersion: str(json.applinksVersion), baseUrl: str(json.url) ?? str(json.baseUrl) ?? str(json.displayUrl),
      },
    };
  }
  if (isObject(json) && 'working' in json && ('localAuthentication' in json || 'link' in json || 'error' in json)) {
    if (typeof json.working !== 'boolean') throw new ShapeError('working', 'expected true or false');
    const link = isObject(json.link) ? json.link : null;
    if (!link) throw new ShapeError('link', 'expected the link this status is about (id, name, type, displayUrl)');
    const view = v3Link(link, 'link', file);
    view.working = json.working;
    if (json.localAuthentication !== undefined && json.localAuthentication !== null) {
      if (!isObject(json.localAuthentication)) throw new ShapeError('localAuthentication', 'expected {incoming, outgoing}');
      view.oauthIncoming = levels(json.localAuthentication.incoming, 'localAuthentication.incoming');
      view.oauthOutgoing = levels(json.localAuthentication.outgoing, 'localAuthentication.outgoing');
    }
    if (isObject(json.remoteAuthentication)) {
      view.remoteOauthIncoming = levels(json.remoteAuthentication.incoming, 'remoteAuthentication.incoming');
      view.remoteOauthOutgoing = levels(json.remoteAuthentication.outgoing, 'remoteAuthentication.outgoing');
    }
    if (json.error !== undefined && json.error !== null) {
      if (!isObject(json.error)) throw new ShapeError('error', 'expected {category, type} or null');
      const type = str(json.error.type);
      if (type && (ERROR_TYPES as readonly string[]).includes(type)) view.errorType = type as ErrorType;
      else if (type) view.errorTypeUnknown = type;
    }
    return { kind: 'status', endpoint: '/rest/applinks/3.0/status/{id}', view };
  }
  if (isObject(json) && Object.keys(json).length <= 3 && isObject(json.incoming) && isObject(json.outgoing) && 'enabled' in json.incoming) {
    return { kind: 'oauth-levels', endpoint: '/rest/applinks/3.0/status/{id}/oauth', incoming: levels(json.incoming, 'incoming'), outgoing: levels(json.outgoing, 'outgoing') };
  }
  if (isObject(json) && ('configuredAuthProviders' in json || 'consumers' in json)) {
    const providers = json.configuredAuthProviders ?? [];
    if (!Array.isArray(providers)) throw new ShapeError('configuredAuthProviders', 'expected a list of providers');
    const classes = providers.map((p, i) => {
      if (!isObject(p) || typeof p.provider !== 'string') throw new ShapeError(`configuredAuthProviders[${i}].provider`, 'expected a provider class name');
      return p.provider;
    });
    const outgoing = tokensOfProviders(classes);
    let incoming: AuthToken[] | null = null;
    let executingTwoLoUser: string | null = null;
    const consumerNames: string[] = [];
    if (json.consumers !== undefined) {
      if (!Array.isArray(json.consumers)) throw new ShapeError('consumers', 'expected a list of OAuth consumers');
      incoming = [];
      json.consumers.forEach((c, i) => {
        if (!isObject(c)) throw new ShapeError(`consumers[${i}]`, 'expected a consumer object');
        if (c.outgoing === true) return;
        const name = str(c.name);
        if (name) consumerNames.push(name);
        incoming = tokensOfLevels({ enabled: true, twoLo: c.twoLOAllowed === true, twoLoImpersonation: c.twoLOImpersonationAllowed === true });
        executingTwoLoUser = str(c.executingTwoLOUser) ?? executingTwoLoUser;
      });
    }
    return { kind: 'authentication', endpoint: '/rest/applinks/latest/applicationlink/{id}/authentication', incoming, outgoing: outgoing.tokens, other: outgoing.other, executingTwoLoUser, consumerNames };
  }
  const wrapped = unwrapList(json);
  if (wrapped) {
    const first = wrapped.list[0];
    if (wrapped.list.length === 0) return { kind: 'links', endpoint: 'an empty list of links', views: [] };
    if (isObject(first) && 'application' in first) {
      return { kind: 'links', endpoint: '/rest/applinks/1.0/listApplicationlinks', views: wrapped.list.map((e, i) => v1Entry(e, itemPath(wrapped.at, i), file)) };
    }
    if (isObject(first) && ('displayUrl' in first || 'rpcUrl' in first) && 'id' in first) {
      return { kind: 'links', endpoint: '/rest/applinks/3.0/applinks', views: wrapped.list.map((e, i) => v3Link(e, itemPath(wrapped.at, i), file)) };
    }
    throw new ShapeError(itemPath(wrapped.at, 0), 'expected a link: {id, name, type, displayUrl, rpcUrl} (3.0/applinks) or {application, configured…Authenticators} (1.0/listApplicationlinks)');
  }
  throw new ShapeError('(root)', 'not an Applinks export this app reads: expected a manifest, a list of links (3.0/applinks or 1.0/listApplicationlinks), a link status (3.0/status/{id}), OAuth levels (…/oauth) or an authentication summary (applicationlink/{id}/authentication)');
}

/** Runs `readShape`, turning its located error into an ImportProblem. */
export function readShapeSafely(json: unknown, file: string): { ok: true; shape: Shape } | { ok: false; problem: ImportProblem } {
  try {
    return { ok: true, shape: readShape(json, file) };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, problem: { file, path: error.path, message: error.message } };
    return { ok: false, problem: { file, path: '(root)', message: `could not be read: ${messageOf(error)}` } };
  }
}
