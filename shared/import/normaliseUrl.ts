/**
 * A URL reduced to what identifies a server: lower-case scheme and host, no default port, no query,
 * fragment or trailing slash (the context path, such as /jira, is kept as it is). Null if not a URL.
 */
export function normaliseUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const match = /^(https?):\/\/([^/?#\s:]+)(?::(\d+))?([^?#\s]*)/i.exec(url.trim());
  if (!match) return null;
  const scheme = match[1]!.toLowerCase();
  const host = match[2]!.toLowerCase();
  const port = match[3] && !((scheme === 'https' && match[3] === '443') || (scheme === 'http' && match[3] === '80')) ? `:${Number(match[3])}` : '';
  const pathname = (match[4] ?? '').replace(/\/+$/, '');
  return `${scheme}://${host}${port}${pathname}`;
}
