/**
 * The sign-in broker's pages, rendered on the server with React (renderToStaticMarkup escapes every
 * value, so nothing an IdP or a person sent can become markup). Plain HTML forms, no script: the
 * pages work under the strictest CSP, and every control has a label.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Page } from './broker-service';

export const BROKER_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; color: CanvasText; }
main { box-sizing: border-box; width: min(28rem, 94vw); padding: 2rem; border: 1px solid #8884; border-radius: 12px; }
h1 { font-size: 1.35rem; margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin: 1rem 0 .35rem; }
input, select { width: 100%; box-sizing: border-box; padding: .55rem .6rem; font-size: 1rem; border-radius: 6px; border: 1px solid #8888; }
button { margin-top: 1.25rem; padding: .6rem 1.1rem; font-size: 1rem; border-radius: 6px; border: 0; background: #1c7ed6; color: white; cursor: pointer; }
button.secondary { background: transparent; color: inherit; border: 1px solid #8888; margin-left: .5rem; }
.error { color: #e03131; font-weight: 600; }
.muted { opacity: .75; font-size: .9rem; }
code.secret { display: block; word-break: break-all; padding: .5rem; background: #8882; border-radius: 6px; font-size: 1rem; letter-spacing: .05em; }
img.qr { display: block; margin: .5rem auto; image-rendering: pixelated; background: white; }
ol.checks { padding-left: 1.2rem; } ol.checks li { margin: .25rem 0; }
.pass { color: #2f9e44; } .fail { color: #e03131; } .skipped { opacity: .6; }
`;

function Layout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Tessera sign-in`}</title>
        <link rel="stylesheet" href="/broker.css" />
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

function ErrorLine({ error }: { error?: string | undefined }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}

function CodeForm({ flowId, label }: { flowId: string; label: string }) {
  return (
    <form method="post" action={`/flow/${flowId}/mfa`}>
      <label htmlFor="code">{label}</label>
      <input
        id="code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]{6,8}"
        required
        autoFocus
      />
      <button type="submit">Submit</button>
    </form>
  );
}

function body(page: Exclude<Page, { kind: 'redirect' }>): ReactNode {
  switch (page.kind) {
    case 'start':
      return (
        <Layout title="Sign in">
          <ErrorLine error={page.error} />
          <form method="post" action="/">
            <label htmlFor="email">Email</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              defaultValue={page.email ?? ''}
              required
              autoFocus
            />
            {page.applications.length > 0 && (
              <>
                <label htmlFor="application">Application</label>
                <select id="application" name="application" defaultValue="">
                  <option value="">(none)</option>
                  {page.applications.map((application) => (
                    <option key={application.id} value={application.key}>
                      {application.name}
                    </option>
                  ))}
                </select>
              </>
            )}
            <button type="submit">Next</button>
          </form>
        </Layout>
      );
    case 'signed-in':
      return (
        <Layout title="Signed in">
          <p>
            You are signed in as <strong>{page.email}</strong>
            {page.application ? ` to ${page.application}` : ''}.
          </p>
          <p className="muted">This sign-in lasts until {new Date(page.expiresAt).toUTCString()}.</p>
          {page.notice && <p role="status">{page.notice}</p>}
          {page.mfaChoice && (
            <form method="post" action="/account/mfa">
              <p>
                Two-step verification is <strong>{page.mfaChoice.optedIn ? 'on' : 'off'}</strong> for your
                sign-ins.
              </p>
              <button
                type="submit"
                name="enabled"
                value={page.mfaChoice.optedIn ? 'off' : 'on'}
                className="secondary"
              >
                {page.mfaChoice.optedIn ? 'Turn two-step verification off' : 'Turn two-step verification on'}
              </button>
            </form>
          )}
          <form method="post" action="/signout">
            <button type="submit" className="secondary">
              Sign out
            </button>
          </form>
        </Layout>
      );
    case 'password':
      return (
        <Layout title="Enter your password">
          <p>{page.email}</p>
          <ErrorLine error={page.error} />
          <form method="post" action={`/flow/${page.flowId}/password`}>
            <label htmlFor="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              autoFocus
            />
            <button type="submit">Sign in</button>
          </form>
        </Layout>
      );
    case 'confirm-identity':
      return (
        <Layout title="Is this you?">
          <p>
            You signed in as <strong>{page.email}</strong>. The directory knows a user linked to the same
            account as <strong>{page.knownEmail}</strong>.
          </p>
          <form method="post" action={`/flow/${page.flowId}/confirm`}>
            <button type="submit" name="answer" value="yes">
              Yes, that is me
            </button>
            <button type="submit" name="answer" value="no" className="secondary">
              No, I am someone else
            </button>
          </form>
        </Layout>
      );
    case 'mfa-enroll':
      return (
        <Layout title="Set up two-step verification">
          <p>
            Scan this QR code with your authenticator app (for example Tessera), then enter the code it shows.
          </p>
          <img
            className="qr"
            src={page.qrDataUrl}
            width={256}
            height={256}
            alt={`QR code to add ${page.email} to an authenticator`}
          />
          <p className="muted">Cannot scan? Enter this key in the app instead:</p>
          <code className="secret" aria-label="Secret key">
            {page.secret.replace(/(.{4})/g, '$1 ').trim()}
          </code>
          <ErrorLine error={page.error} />
          <CodeForm flowId={page.flowId} label="Code from the app" />
        </Layout>
      );
    case 'mfa-verify':
      return (
        <Layout title="Two-step verification">
          <p>{page.email}</p>
          <ErrorLine error={page.error} />
          <CodeForm flowId={page.flowId} label="Code from your authenticator" />
        </Layout>
      );
    case 'test-done':
      return (
        <Layout title={page.succeeded ? 'Test SSO succeeded' : 'Test SSO failed'}>
          <p>
            {page.idpName}: {page.succeeded ? 'every check passed.' : 'a check failed.'} Return to Tessera to
            see the details and to {page.succeeded ? 'activate the identity provider' : 'fix the settings'}.
          </p>
          <ol className="checks">
            {page.checks.map((check) => (
              <li key={check.id} className={check.status}>
                {check.status === 'pass' ? '✓' : check.status === 'fail' ? '✗' : '–'} {check.title}
                {check.detail && check.status === 'fail' ? `: ${check.detail}` : ''}
              </li>
            ))}
          </ol>
          <p className="muted">You can close this window.</p>
        </Layout>
      );
    case 'error':
      return (
        <Layout title={page.title}>
          <p className="error" role="alert">
            {page.message}
          </p>
          {page.fix && <p>{page.fix}</p>}
          <p>
            <a href="/">Start again</a>
          </p>
        </Layout>
      );
    case 'post-form':
      return (
        <Layout title="Continue to your identity provider">
          <form method="post" action={page.url}>
            {Object.entries(page.fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <button type="submit" autoFocus>
              Continue
            </button>
          </form>
        </Layout>
      );
  }
}

export function renderPage(page: Exclude<Page, { kind: 'redirect' }>): string {
  return `<!doctype html>${renderToStaticMarkup(body(page))}`;
}
