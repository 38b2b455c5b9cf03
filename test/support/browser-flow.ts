/**
 * A small HTTP "browser" for redirect flows: follows redirects by hand, keeps cookies per host,
 * and submits the OpenID provider's login form. Enough to drive SSO end to end without Chromium.
 */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  header(url: URL): string {
    const jar = this.byHost.get(url.host);
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
  }

  store(url: URL, response: Response): void {
    const jar = this.byHost.get(url.host) ?? new Map<string, string>();
    this.byHost.set(url.host, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  get(host: string, name: string): string | undefined {
    return this.byHost.get(host)?.get(name);
  }

  set(host: string, name: string, value: string): void {
    const jar = this.byHost.get(host) ?? new Map<string, string>();
    jar.set(name, value);
    this.byHost.set(host, jar);
  }
}

export interface Hop {
  url: URL;
  status: number;
  location: URL | null;
  body: string;
}

export async function request(
  jar: CookieJar,
  url: URL,
  init: { method?: string; form?: Record<string, string> } = {},
): Promise<Hop> {
  const headers: Record<string, string> = { cookie: jar.header(url) };
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
  jar.store(url, response);
  const location = response.headers.get('location');
  return {
    url,
    status: response.status,
    location: location ? new URL(location, url) : null,
    body: await response.text(),
  };
}

/**
 * Follows redirects from `start`, submitting the provider's login form as `login` when it shows,
 * until a redirect leaves for a host in `stopAtHosts` after the first hop (or a page without a form
 * is reached). Returns every hop.
 */
export async function followFlow(
  jar: CookieJar,
  start: URL,
  options: { login: string; stopWhen: (hop: Hop) => boolean; maxHops?: number },
): Promise<Hop[]> {
  const hops: Hop[] = [];
  let next: { url: URL; form?: Record<string, string> } | null = { url: start };
  while (next && hops.length < (options.maxHops ?? 20)) {
    const hop = await request(jar, next.url, next.form ? { method: 'POST', form: next.form } : {});
    hops.push(hop);
    if (options.stopWhen(hop)) break;
    if (hop.location) {
      next = { url: hop.location };
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(hop.body)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(hop.body)?.[1];
    if (!action || !prompt) break;
    next = {
      url: new URL(action.replaceAll('&amp;', '&'), hop.url),
      form: { prompt, login: options.login, password: 'any' },
    };
  }
  return hops;
}
