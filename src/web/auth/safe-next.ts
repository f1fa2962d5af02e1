/**
 * Where to go after login: the `next` parameter when it is a path of this app, otherwise the
 * home page. Never an absolute or protocol-relative URL (`https://evil.example`, `//evil.example`,
 * `/\evil.example`), so a link to PCMT's login page cannot send the officer to another site.
 */
export function safeNext(next: string | undefined, origin: string = window.location.origin): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Browsers drop tabs and line breaks from URLs, which would turn "/\t/evil" into "//evil".
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin || url.pathname === '/login') return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
