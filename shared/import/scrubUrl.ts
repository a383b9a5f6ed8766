import { isSecretParameter } from './secretNames.ts';
import { classifyToken } from './secretTokens.ts';

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

// A parameter is dropped when its name says secret (password, access_token, sig…) or its value, or
// its name, looks like one (a JWT, an Atlassian token, a long random string).
// `lastRemoved`: the last parameter went, so what follows its ? or # may be the rest of its value.
function keptParameters(list: string, separator: string, removed: string[], where: string): { kept: string; lastRemoved: boolean } {
  const kept: string[] = [];
  let lastRemoved = false;
  for (const parameter of list.split(separator)) {
    lastRemoved = true;
    const equals = parameter.indexOf('=');
    const name = decoded(equals < 0 ? parameter : parameter.slice(0, equals));
    const value = equals < 0 ? '' : decoded(parameter.slice(equals + 1));
    if (classifyToken(name)) removed.push(`a ${where} parameter named with a secret`);
    else if (isSecretParameter(name) && value !== '') removed.push(`the ${where} parameter "${name}"`);
    else if (classifyToken(value)) removed.push(`the value of the ${where} parameter "${name}" (a secret)`);
    else {
      kept.push(parameter);
      lastRemoved = false;
    }
  }
  return { kept: kept.join(separator), lastRemoved };
}

// Where user:password@ ends (the @), or -1. People type passwords with a raw # or ? in them, which a
// strict parser would take for the start of the fragment or query; so the last @ before the first /
// ends the user information, unless a ? or # comes first with no colon before it (host?mail=a@b).
// A port followed by such a query (host:8443?mail=a@b) is then taken for a password: losing that URL's
// host is the price of never keeping a password that starts with digits.
function userinfoEndOf(url: string, from: number): number {
  let slash = from;
  while (slash < url.length && url[slash] !== '/' && url[slash] !== '\\') slash++;
  const at = url.lastIndexOf('@', slash - 1);
  if (at < from) return -1;
  let mark = from;
  while (mark < at && url[mark] !== '?' && url[mark] !== '#') mark++;
  if (mark === at) return at;
  const colon = url.indexOf(':', from);
  return colon >= 0 && colon < mark ? at : -1;
}

/**
 * A URL without its secrets: user name and password (`user:pass@` before the host), and query, path
 * (`;jsessionid=…`) and fragment (`#access_token=…`) parameters that hold one. The rest of the URL stays
 * as it was. `removed` says what went, never the value.
 */
export function scrubUrl(url: string): { url: string; removed: string[] } {
  const removed: string[] = [];
  const scheme = url.indexOf('://');
  if (scheme < 0) return { url, removed };
  let hostStart = scheme + 3;
  const userinfoEnd = userinfoEndOf(url, hostStart);
  if (userinfoEnd >= 0) {
    removed.push(url.slice(hostStart, userinfoEnd).includes(':') ? 'a user name and password in a URL' : 'a user name in a URL');
    hostStart = userinfoEnd + 1;
  }
  let hostEnd = hostStart;
  while (hostEnd < url.length && !'/?#\\'.includes(url[hostEnd]!)) hostEnd++;
  const authority = url.slice(hostStart, hostEnd);
  const rest = url.slice(hostEnd);
  const hash = rest.indexOf('#');
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash);
  const question = beforeHash.indexOf('?');
  const pathPart = question < 0 ? beforeHash : beforeHash.slice(0, question);
  const semicolon = pathPart.indexOf(';');
  let out = url.slice(0, scheme + 3) + authority;
  // A secret value with a raw ? or # in it runs on past them: after a removed parameter, the start of
  // the query (up to its first &) or the whole fragment goes too.
  let continues = false;
  if (semicolon < 0) out += pathPart;
  else {
    const parameters = keptParameters(pathPart.slice(semicolon + 1), ';', removed, 'path');
    out += pathPart.slice(0, semicolon) + (parameters.kept ? `;${parameters.kept}` : '');
    continues = parameters.lastRemoved;
  }
  if (question >= 0) {
    let list = beforeHash.slice(question + 1);
    if (continues) list = list.includes('&') ? list.slice(list.indexOf('&') + 1) : '';
    const query = keptParameters(list, '&', removed, 'query');
    if (query.kept) out += `?${query.kept}`;
    continues = query.lastRemoved;
  }
  if (hash >= 0 && !continues) {
    const fragment = rest.slice(hash + 1);
    // A fragment of name=value pairs carries tokens in OAuth's implicit flow (#access_token=…).
    const kept = fragment.includes('=') ? keptParameters(fragment, '&', removed, 'fragment').kept : fragment;
    if (kept) out += `#${kept}`;
  }
  return removed.length ? { url: out, removed } : { url, removed };
}
