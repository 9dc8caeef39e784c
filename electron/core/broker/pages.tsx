/**
 * The sign-in broker's pages, rendered on the server with React (renderToStaticMarkup escapes every
 * value, so nothing an IdP or a person sent can become markup). Plain HTML forms, no script: the
 * pages work under the strictest CSP, and every control has a label.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Page } from './broker-service';
import { PAGE_TEXT, type Lang, type PageText } from './page-text';

/** Colours meet WCAG 2 AA (4.5:1) on the browser's light and dark canvas alike. */
export const BROKER_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; color: CanvasText; }
main { box-sizing: border-box; width: min(28rem, 94vw); padding: 2rem; border: 1px solid #8884; border-radius: 12px; }
h1 { font-size: 1.35rem; margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin: 1rem 0 .35rem; }
input, select { width: 100%; box-sizing: border-box; padding: .55rem .6rem; font-size: 1rem; border-radius: 6px; border: 1px solid #8888; }
button { margin-top: 1.25rem; padding: .6rem 1.1rem; font-size: 1rem; border-radius: 6px; border: 0; background: #1971c2; color: white; cursor: pointer; }
button.secondary { background: transparent; color: inherit; border: 1px solid #8888; }
button + button.secondary { margin-left: .5rem; }
.error { color: light-dark(#c92a2a, #ff8787); font-weight: 600; }
.muted { opacity: .75; font-size: .9rem; }
code.secret { display: block; word-break: break-all; padding: .5rem; background: #8882; border-radius: 6px; font-size: 1rem; letter-spacing: .05em; }
img.qr { display: block; margin: .5rem auto; image-rendering: pixelated; background: white; }
ol.checks { padding-left: 1.2rem; } ol.checks li { margin: .25rem 0; }
.pass { color: light-dark(#1e7b34, #69db7c); } .fail { color: light-dark(#c92a2a, #ff8787); } .skipped { opacity: .7; }
`;

function Layout({ lang, title, children }: { lang: Lang; title: string; children: ReactNode }) {
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{PAGE_TEXT[lang].documentTitle(title)}</title>
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

function CodeForm({ t, flowId, label }: { t: PageText; flowId: string; label: string }) {
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
      <button type="submit">{t.submit}</button>
    </form>
  );
}

function body(page: Exclude<Page, { kind: 'redirect' }>, lang: Lang): ReactNode {
  const t = PAGE_TEXT[lang];
  switch (page.kind) {
    case 'start':
      return (
        <Layout lang={lang} title={page.op ? t.startTitleFor(page.op.appName) : t.startTitle}>
          {page.op && <p className="muted">{t.opContinues(page.op.appName)}</p>}
          <ErrorLine error={page.error} />
          <form
            method="post"
            action={page.op ? `/op/interaction/${encodeURIComponent(page.op.uid)}/login` : '/'}
          >
            <label htmlFor="email">{t.emailLabel}</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              defaultValue={page.email ?? ''}
              required
              autoFocus
            />
            {!page.op && page.applications.length > 0 && (
              <>
                <label htmlFor="application">{t.applicationLabel}</label>
                <select id="application" name="application" defaultValue="">
                  <option value="">{t.noApplication}</option>
                  {page.applications.map((application) => (
                    <option key={application.id} value={application.key}>
                      {application.name}
                    </option>
                  ))}
                </select>
              </>
            )}
            <button type="submit">{t.next}</button>
          </form>
          {page.op && (
            <form method="post" action={`/op/interaction/${encodeURIComponent(page.op.uid)}/abort`}>
              <button type="submit" className="secondary">
                {t.cancelTo(page.op.appName)}
              </button>
            </form>
          )}
        </Layout>
      );
    case 'consent':
      return (
        <Layout lang={lang} title={t.consentTitle(page.appName)}>
          <p>{t.consentAsks(page.appName)}</p>
          <ul>
            {page.scopes.map((scope) => (
              <li key={scope}>{t.scopeText(scope)}</li>
            ))}
          </ul>
          <form method="post" action={`/op/interaction/${encodeURIComponent(page.uid)}/consent`}>
            <button type="submit" name="allow" value="yes" autoFocus>
              {t.allow}
            </button>
            <button type="submit" name="allow" value="no" className="secondary">
              {t.deny}
            </button>
          </form>
        </Layout>
      );
    case 'op-logout':
      return (
        <Layout lang={lang} title={t.opLogoutTitle(page.appName)}>
          <p>{t.opLogoutBody}</p>
          <form method="post" action={page.action}>
            <input type="hidden" name="xsrf" value={page.xsrf} />
            <input type="hidden" name="tessera" value="signout" />
            <button type="submit" name="logout" value="yes" autoFocus>
              {t.signOut}
            </button>
            <button type="submit" className="secondary">
              {t.staySignedIn}
            </button>
          </form>
        </Layout>
      );
    case 'signed-in':
      return (
        <Layout lang={lang} title={t.signedInTitle}>
          <p>{t.signedInAs(<strong>{page.email}</strong>, page.application)}</p>
          <p className="muted">{t.sessionLasts(page.expiresAt)}</p>
          {page.notice && <p role="status">{page.notice}</p>}
          {page.mfaChoice && (
            <form method="post" action="/account/mfa">
              <p>{t.mfaState(<strong>{page.mfaChoice.optedIn ? t.mfaOn : t.mfaOff}</strong>)}</p>
              <button
                type="submit"
                name="enabled"
                value={page.mfaChoice.optedIn ? 'off' : 'on'}
                className="secondary"
              >
                {page.mfaChoice.optedIn ? t.turnMfaOff : t.turnMfaOn}
              </button>
            </form>
          )}
          <form method="post" action="/signout">
            <button type="submit" className="secondary">
              {t.signOut}
            </button>
          </form>
        </Layout>
      );
    case 'signed-out': {
      const idp = page.idpName ?? t.yourIdp;
      const said = {
        none: t.signedOutNone,
        ended: t.signedOutEnded(idp),
        'not-allowed': t.signedOutNotAllowed(idp),
        unsupported: t.signedOutUnsupported(idp),
        failed: t.signedOutFailed(idp),
      }[page.upstream];
      return (
        <Layout lang={lang} title={t.signedOutTitle}>
          <p role="status">{said}</p>
          {page.detail && (
            <p className="error" role="alert">
              {page.detail}
            </p>
          )}
          {page.fix && <p>{page.fix}</p>}
          {page.resume ? (
            <form method="post" action={page.resume.action}>
              <input type="hidden" name="xsrf" value={page.resume.xsrf} />
              <input type="hidden" name="logout" value="yes" />
              <button type="submit" autoFocus>
                {t.backToApplication}
              </button>
            </form>
          ) : (
            <p>
              <a href="/">{t.signInAgain}</a>
            </p>
          )}
        </Layout>
      );
    }
    case 'password':
      return (
        <Layout lang={lang} title={t.passwordTitle}>
          <p>{page.email}</p>
          <ErrorLine error={page.error} />
          <form method="post" action={`/flow/${page.flowId}/password`}>
            <label htmlFor="password">{t.passwordLabel}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              autoFocus
            />
            <button type="submit">{t.signIn}</button>
          </form>
        </Layout>
      );
    case 'confirm-identity':
      return (
        <Layout lang={lang} title={t.confirmTitle}>
          <p>{t.confirmBody(<strong>{page.email}</strong>, <strong>{page.knownEmail}</strong>)}</p>
          <form method="post" action={`/flow/${page.flowId}/confirm`}>
            <button type="submit" name="answer" value="yes">
              {t.confirmYes}
            </button>
            <button type="submit" name="answer" value="no" className="secondary">
              {t.confirmNo}
            </button>
          </form>
        </Layout>
      );
    case 'mfa-enroll':
      return (
        <Layout lang={lang} title={t.enrollTitle}>
          <p>{t.enrollScan}</p>
          <img className="qr" src={page.qrDataUrl} width={256} height={256} alt={t.qrAlt(page.email)} />
          <p className="muted">{t.cannotScan}</p>
          <code className="secret" aria-label={t.secretKey}>
            {page.secret.replace(/(.{4})/g, '$1 ').trim()}
          </code>
          <ErrorLine error={page.error} />
          <CodeForm t={t} flowId={page.flowId} label={t.codeFromApp} />
        </Layout>
      );
    case 'mfa-verify':
      return (
        <Layout lang={lang} title={t.verifyTitle}>
          <p>{page.email}</p>
          <ErrorLine error={page.error} />
          <CodeForm t={t} flowId={page.flowId} label={t.codeFromAuthenticator} />
        </Layout>
      );
    case 'test-done':
      return (
        <Layout lang={lang} title={page.succeeded ? t.testSucceededTitle : t.testFailedTitle}>
          <p>{t.testSummary(page.idpName, page.succeeded)}</p>
          <ol className="checks">
            {page.checks.map((check) => (
              <li key={check.id} className={check.status}>
                {check.status === 'pass' ? '✓' : check.status === 'fail' ? '✗' : '–'} {check.title}
                {check.detail && check.status === 'fail' ? `: ${check.detail}` : ''}
              </li>
            ))}
          </ol>
          <p className="muted">{t.closeWindow}</p>
        </Layout>
      );
    case 'error':
      return (
        <Layout lang={lang} title={page.title}>
          <p className="error" role="alert">
            {page.message}
          </p>
          {page.fix && <p>{page.fix}</p>}
          <p>
            <a href="/">{t.startAgain}</a>
          </p>
        </Layout>
      );
    case 'post-form':
      return (
        <Layout lang={lang} title={t.postFormTitle}>
          <form method="post" action={page.url}>
            {Object.entries(page.fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <button type="submit" autoFocus>
              {t.continue}
            </button>
          </form>
        </Layout>
      );
  }
}

/** The page in `lang` (the chrome only: messages from the core inside `page` stay as written). */
export function renderPage(page: Exclude<Page, { kind: 'redirect' }>, lang: Lang = 'en'): string {
  return `<!doctype html>${renderToStaticMarkup(body(page, lang))}`;
}
