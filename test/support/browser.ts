/**
 * Enough of a browser for the sign-in service's pages: one cookie jar, redirects followed by hand,
 * and forms posted with the Origin of the page they are on (the target's own unless given).
 */
export class Browser {
  private readonly jar = new Map<string, string>();

  async request(url: string, form?: Record<string, string>, origin?: string) {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form
          ? { 'content-type': 'application/x-www-form-urlencoded', origin: origin ?? new URL(url).origin }
          : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...rest] = pair!.split('=');
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(header)) this.jar.delete(name!);
      else this.jar.set(name!, rest.join('='));
    }
    return {
      status: response.status,
      location: response.headers.get('location'),
      html: await response.text(),
    };
  }

  async follow(url: string, form?: Record<string, string>, origin?: string) {
    let current = url;
    let page = await this.request(current, form, origin);
    for (let hops = 0; page.location && hops < 10; hops++) {
      current = new URL(page.location, current).href;
      page = await this.request(current);
    }
    return { ...page, url: current };
  }
}
