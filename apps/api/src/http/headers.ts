/**
 * A mutable copy of a response's headers, names in lower case. whatwg-node's
 * Headers copied from another Headers object can keep a name's original case
 * (`Content-Type`) where `get('content-type')` then misses it, so the copy is
 * made entry by entry.
 */
export function copyHeaders(response: Response, fetchAPI: { Headers: typeof Headers }): Headers {
  const headers = new fetchAPI.Headers();
  response.headers.forEach((value, name) => headers.append(name.toLowerCase(), value));
  const type = response.headers.get('content-type');
  if (type && !headers.has('content-type')) headers.set('content-type', type);
  return headers;
}
