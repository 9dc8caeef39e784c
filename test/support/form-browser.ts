/**
 * A browser, as far as cookies, redirects and forms go, for driving the sign-in service and its
 * peers over real HTTP: one cookie jar (cookies ignore ports, as browsers' do on 127.0.0.1), a
 * form posts with the Origin of the page it is on, redirects are followed by hand.
 */
export interface FormInit {
  method?: string;
  form?: Record<string, string>;
  origin?: string;
}

export interface FormPage {
  status: number;
  location: string | null;
  html: string;
  url: string;
}

export class FormBrowser {
  private readonly jar = new Map<string, string>();

  async request(url: string, init: FormInit = {}): Promise<FormPage> {
    const response = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        cookie: [...this.jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form
          ? {
              'content-type': 'application/x-www-form-urlencoded',
              origin: init.origin ?? new URL(url).origin,
            }
          : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/Expires=Thu, 01 Jan 1970|Max-Age=0/i.test(header) || value === '') this.jar.delete(name!.trim());
      else this.jar.set(name!.trim(), value);
    }
    return {
      status: response.status,
      location: response.headers.get('location'),
      html: await response.text(),
      url,
    };
  }

  /** Follows redirects (relative ones against the current URL) until a page; `visited` lists them. */
  async follow(url: string, init: FormInit = {}): Promise<FormPage & { visited: string[] }> {
    let current = url;
    const visited = [url];
    let page = await this.request(current, init);
    for (let hops = 0; page.location && hops < 12; hops++) {
      current = new URL(page.location, current).href;
      visited.push(current);
      page = await this.request(current);
    }
    return { ...page, url: current, visited };
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  set(name: string, value: string): void {
    this.jar.set(name, value);
  }

  drop(name: string): void {
    this.jar.delete(name);
  }
}

/** The first form of a page: its action (resolved against `base`) and its hidden fields. */
export function firstForm(html: string, base: string): { action: string; fields: Record<string, string> } {
  const unescape = (value: string) =>
    value.replace(
      /&#(\d+);|&#x([0-9a-f]+);|&(amp|lt|gt|quot);/gi,
      (_m, dec?: string, hex?: string, name?: string) =>
        dec
          ? String.fromCharCode(Number(dec))
          : hex
            ? String.fromCharCode(parseInt(hex, 16))
            : ({ amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[name!.toLowerCase()]!,
    );
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`No form in this page:\n${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<input[^>]*>/gi)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name && /type="hidden"/i.test(input[0])) fields[unescape(name)] = unescape(value);
  }
  return { action: new URL(unescape(form[1]!), base).href, fields };
}
