/**
 * URL search (query string) handling for the router. Values stay plain strings in both
 * directions (`?code=79&q=ba+dinh`): the router's default would turn `79` into a number and
 * write strings that look like numbers as JSON (`?code=%2279%22`), but unit codes only look
 * numeric, and officers read and share these links. Each route's zod schema types the values.
 */
export function parseSearch(searchStr: string): Record<string, string> {
  const search: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(searchStr)) {
    // A repeated key keeps its first value, as a form post would for a single field.
    if (!(key in search)) search[key] = value;
  }
  return search;
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
