/** Browser and operating system from a User-Agent header, e.g. "Chrome 126 · Windows". */
export function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = browserOf(userAgent);
  const system = systemOf(userAgent);
  if (browser && system) return `${browser} · ${system}`;
  if (browser || system) return browser ?? system;
  // An API client or tool: its own name, cut short.
  return userAgent.length > 40 ? `${userAgent.slice(0, 39)}…` : userAgent;
}

const major = (userAgent: string, pattern: RegExp) => userAgent.match(pattern)?.[1];

function browserOf(userAgent: string): string | null {
  // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
  const checks: [string, RegExp][] = [
    ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
    ['Opera', /OPR\/(\d+)/],
    ['Cốc Cốc', /coc_coc_browser\/(\d+)/],
    ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
    ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
    ['Safari', /Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//],
  ];
  for (const [name, pattern] of checks) {
    const version = major(userAgent, pattern);
    if (version) return `${name} ${version}`;
  }
  return null;
}

function systemOf(userAgent: string): string | null {
  if (/Windows NT/.test(userAgent)) return 'Windows';
  if (/Android/.test(userAgent)) return 'Android';
  if (/iPhone|iPad|iPod/.test(userAgent)) return 'iOS';
  if (/Mac OS X|Macintosh/.test(userAgent)) return 'macOS';
  if (/CrOS/.test(userAgent)) return 'ChromeOS';
  if (/Linux/.test(userAgent)) return 'Linux';
  return null;
}
