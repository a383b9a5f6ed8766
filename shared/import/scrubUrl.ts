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
function keptParameters(list: string, separator: string, removed: string[], where: string): string {
  const kept: string[] = [];
  for (const parameter of list.split(separator)) {
    const equals = parameter.indexOf('=');
    const name = decoded(equals < 0 ? parameter : parameter.slice(0, equals));
    const value = equals < 0 ? '' : decoded(parameter.slice(equals + 1));
    if (classifyToken(name)) removed.push(`a ${where} parameter named with a secret`);
    else if (isSecretParameter(name) && value !== '') removed.push(`the ${where} parameter "${name}"`);
    else if (classifyToken(value)) removed.push(`the value of the ${where} parameter "${name}" (a secret)`);
    else {
      kept.push(parameter);
      continue;
    }
  }
  return kept.join(separator);
}

/**
 * A URL without its secrets: user name and password (`https://user:pass@host`), and query, path
 * (`;jsessionid=…`) and fragment (`#access_token=…`) parameters that hold one. The rest of the URL stays
 * as it was. `removed` says what went, never the value.
 */
export function scrubUrl(url: string): { url: string; removed: string[] } {
  const removed: string[] = [];
  const scheme = url.indexOf('://');
  if (scheme < 0) return { url, removed };
  const hostStart = scheme + 3;
  let hostEnd = hostStart;
  while (hostEnd < url.length && !'/?#\\'.includes(url[hostEnd]!)) hostEnd++;
  let authority = url.slice(hostStart, hostEnd);
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    removed.push(authority.slice(0, at).includes(':') ? 'a user name and password in a URL' : 'a user name in a URL');
    authority = authority.slice(at + 1);
  }
  const rest = url.slice(hostEnd);
  const hash = rest.indexOf('#');
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash);
  const question = beforeHash.indexOf('?');
  const pathPart = question < 0 ? beforeHash : beforeHash.slice(0, question);
  const semicolon = pathPart.indexOf(';');
  let out = url.slice(0, hostStart) + authority;
  if (semicolon < 0) out += pathPart;
  else {
    const parameters = keptParameters(pathPart.slice(semicolon + 1), ';', removed, 'path');
    out += pathPart.slice(0, semicolon) + (parameters ? `;${parameters}` : '');
  }
  if (question >= 0) {
    const query = keptParameters(beforeHash.slice(question + 1), '&', removed, 'query');
    if (query) out += `?${query}`;
  }
  if (hash >= 0) {
    const fragment = rest.slice(hash + 1);
    // A fragment of name=value pairs carries tokens in OAuth's implicit flow (#access_token=…).
    const kept = fragment.includes('=') ? keptParameters(fragment, '&', removed, 'fragment') : fragment;
    if (kept) out += `#${kept}`;
  }
  return removed.length ? { url: out, removed } : { url, removed };
}
