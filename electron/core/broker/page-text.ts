/**
 * The sign-in pages' own words (their chrome) in the app's four languages. What the core puts in a
 * page — errors, notices, fixes, check titles — stays as the core wrote it.
 *
 * A sentence that embeds a value is a function taking the value as a ReactNode (or a plain string
 * for attributes), so React renders and escapes it: no entry ever builds HTML.
 */
import { createElement, Fragment, type ReactNode } from 'react';

export const PAGE_LANGUAGES = ['en', 'sv', 'fi', 'pl'] as const;
export type Lang = (typeof PAGE_LANGUAGES)[number];

/** Text parts and elements as one node (children of createElement need no keys). */
const parts = (...nodes: ReactNode[]): ReactNode => createElement(Fragment, null, ...nodes);

/** Non-English dates: the long form in the language, in UTC like the English sentence. */
const utcDate = (lang: Exclude<Lang, 'en'>, at: number): string =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(at);

const en = {
  documentTitle: (title: string): string => `${title} · Tessera sign-in`,
  startTitle: 'Sign in',
  startTitleFor: (app: string): string => `Sign in to ${app}`,
  opContinues: (app: string): string => `You continue to ${app} once you are signed in.`,
  cancelTo: (app: string): string => `Cancel and go back to ${app}`,
  consentTitle: (app: string): string => `Allow ${app}?`,
  consentAsks: (app: string): string => `${app} asks to know:`,
  scopeText: (scope: string): string =>
    ({
      openid: 'who you are (an identifier that stays the same)',
      profile: 'your name',
      email: 'your email address',
      groups: 'the groups you are in',
      offline_access: 'to keep you signed in while you are away',
    })[scope] ?? scope,
  allow: 'Allow',
  deny: 'Do not allow',
  opLogoutTitle: (app: string | null): string => (app ? `Sign out of ${app}?` : 'Sign out?'),
  opLogoutBody:
    'This signs you out of Tessera too, and of your identity provider where your organization allows it.',
  staySignedIn: 'Stay signed in',
  backToApplication: 'Continue',
  emailLabel: 'Email',
  applicationLabel: 'Application',
  noApplication: '(none)',
  next: 'Next',
  signedInTitle: 'Signed in',
  signedInAs: (email: ReactNode, application: string | null): ReactNode =>
    parts('You are signed in as ', email, application ? ` to ${application}` : '', '.'),
  sessionLasts: (expiresAt: number): string =>
    `This sign-in lasts until ${new Date(expiresAt).toUTCString()}.`,
  mfaState: (state: ReactNode): ReactNode => parts('Two-step verification is ', state, ' for your sign-ins.'),
  mfaOn: 'on',
  mfaOff: 'off',
  turnMfaOn: 'Turn two-step verification on',
  turnMfaOff: 'Turn two-step verification off',
  signOut: 'Sign out',
  signedOutTitle: 'Signed out',
  signedOutNone: 'You are signed out.',
  signedOutEnded: (idp: string): string => `You are signed out of Tessera and of ${idp}.`,
  signedOutNotAllowed: (idp: string): string =>
    `You are signed out of Tessera. Your organization does not sign you out of ${idp} automatically, so you may still be signed in there: sign out at ${idp} too, or close the browser.`,
  signedOutUnsupported: (idp: string): string =>
    `You are signed out of Tessera. ${idp} does not offer automatic sign-out, so you may still be signed in there: sign out at ${idp} too, or close the browser.`,
  signedOutFailed: (idp: string): string =>
    `You are signed out of Tessera, but ${idp} did not confirm that it signed you out.`,
  yourIdp: 'your identity provider',
  signInAgain: 'Sign in again',
  passwordTitle: 'Enter your password',
  passwordLabel: 'Password',
  signIn: 'Sign in',
  confirmTitle: 'Is this you?',
  confirmBody: (email: ReactNode, knownEmail: ReactNode): ReactNode =>
    parts(
      'You signed in as ',
      email,
      '. The directory knows a user linked to the same account as ',
      knownEmail,
      '.',
    ),
  confirmYes: 'Yes, that is me',
  confirmNo: 'No, I am someone else',
  enrollTitle: 'Set up two-step verification',
  enrollScan:
    'Scan this QR code with your authenticator app (for example Tessera), then enter the code it shows.',
  qrAlt: (email: string): string => `QR code to add ${email} to an authenticator`,
  cannotScan: 'Cannot scan? Enter this key in the app instead:',
  secretKey: 'Secret key',
  codeFromApp: 'Code from the app',
  verifyTitle: 'Two-step verification',
  codeFromAuthenticator: 'Code from your authenticator',
  submit: 'Submit',
  testSucceededTitle: 'Test SSO succeeded',
  testFailedTitle: 'Test SSO failed',
  testSummary: (idpName: string, succeeded: boolean): string =>
    `${idpName}: ${succeeded ? 'every check passed.' : 'a check failed.'} Return to Tessera to see the details and to ${
      succeeded ? 'activate the identity provider' : 'fix the settings'
    }.`,
  closeWindow: 'You can close this window.',
  startAgain: 'Start again',
  postFormTitle: 'Continue to your identity provider',
  continue: 'Continue',
};

/** English is the source: every language has exactly its keys, with the same signatures. */
export type PageText = typeof en;

const sv: PageText = {
  documentTitle: (title) => `${title} · Tessera-inloggning`,
  startTitle: 'Logga in',
  startTitleFor: (app) => `Logga in i ${app}`,
  opContinues: (app) => `Du fortsätter till ${app} när du har loggat in.`,
  cancelTo: (app) => `Avbryt och gå tillbaka till ${app}`,
  consentTitle: (app) => `Tillåta ${app}?`,
  consentAsks: (app) => `${app} vill få veta:`,
  scopeText: (scope) =>
    ({
      openid: 'vem du är (en identifierare som inte ändras)',
      profile: 'ditt namn',
      email: 'din e-postadress',
      groups: 'vilka grupper du tillhör',
      offline_access: 'att hålla dig inloggad medan du är borta',
    })[scope] ?? scope,
  allow: 'Tillåt',
  deny: 'Tillåt inte',
  opLogoutTitle: (app) => (app ? `Logga ut från ${app}?` : 'Logga ut?'),
  opLogoutBody:
    'Du loggas också ut från Tessera, och från din identitetsleverantör där din organisation tillåter det.',
  staySignedIn: 'Förbli inloggad',
  backToApplication: 'Fortsätt',
  emailLabel: 'E-post',
  applicationLabel: 'Program',
  noApplication: '(inget)',
  next: 'Nästa',
  signedInTitle: 'Inloggad',
  signedInAs: (email, application) =>
    parts('Du är inloggad som ', email, application ? ` i ${application}` : '', '.'),
  sessionLasts: (expiresAt) => `Inloggningen gäller till ${utcDate('sv', expiresAt)} (UTC).`,
  mfaState: (state) => parts('Tvåstegsverifiering är ', state, ' för dina inloggningar.'),
  mfaOn: 'på',
  mfaOff: 'av',
  turnMfaOn: 'Aktivera tvåstegsverifiering',
  turnMfaOff: 'Stäng av tvåstegsverifiering',
  signOut: 'Logga ut',
  signedOutTitle: 'Utloggad',
  signedOutNone: 'Du är utloggad.',
  signedOutEnded: (idp) => `Du är utloggad från Tessera och från ${idp}.`,
  signedOutNotAllowed: (idp) =>
    `Du är utloggad från Tessera. Din organisation loggar inte ut dig från ${idp} automatiskt, så du kan fortfarande vara inloggad där: logga ut från ${idp} också, eller stäng webbläsaren.`,
  signedOutUnsupported: (idp) =>
    `Du är utloggad från Tessera. ${idp} erbjuder inte automatisk utloggning, så du kan fortfarande vara inloggad där: logga ut från ${idp} också, eller stäng webbläsaren.`,
  signedOutFailed: (idp) => `Du är utloggad från Tessera, men ${idp} bekräftade inte att du loggades ut där.`,
  yourIdp: 'din identitetsleverantör',
  signInAgain: 'Logga in igen',
  passwordTitle: 'Ange ditt lösenord',
  passwordLabel: 'Lösenord',
  signIn: 'Logga in',
  confirmTitle: 'Är det här du?',
  confirmBody: (email, knownEmail) =>
    parts(
      'Du loggade in som ',
      email,
      '. Katalogen har en användare som är länkad till samma konto: ',
      knownEmail,
      '.',
    ),
  confirmYes: 'Ja, det är jag',
  confirmNo: 'Nej, jag är någon annan',
  enrollTitle: 'Konfigurera tvåstegsverifiering',
  enrollScan:
    'Skanna den här QR-koden med din autentiseringsapp (till exempel Tessera) och ange sedan koden som den visar.',
  qrAlt: (email) => `QR-kod för att lägga till ${email} i en autentiserare`,
  cannotScan: 'Går det inte att skanna? Ange den här nyckeln i appen i stället:',
  secretKey: 'Hemlig nyckel',
  codeFromApp: 'Kod från appen',
  verifyTitle: 'Tvåstegsverifiering',
  codeFromAuthenticator: 'Kod från din autentiserare',
  submit: 'Skicka',
  testSucceededTitle: 'SSO-testet lyckades',
  testFailedTitle: 'SSO-testet misslyckades',
  testSummary: (idpName, succeeded) =>
    `${idpName}: ${succeeded ? 'alla kontroller godkändes.' : 'en kontroll underkändes.'} Gå tillbaka till Tessera för att se detaljerna och ${
      succeeded ? 'aktivera identitetsleverantören' : 'åtgärda inställningarna'
    }.`,
  closeWindow: 'Du kan stänga det här fönstret.',
  startAgain: 'Börja om',
  postFormTitle: 'Fortsätt till din identitetsleverantör',
  continue: 'Fortsätt',
};

const fi: PageText = {
  documentTitle: (title) => `${title} · Tessera-kirjautuminen`,
  startTitle: 'Kirjaudu sisään',
  startTitleFor: (app) => `Kirjaudu sovellukseen ${app}`,
  opContinues: (app) => `Jatkat sovellukseen ${app}, kun olet kirjautunut.`,
  cancelTo: (app) => `Peruuta ja palaa sovellukseen ${app}`,
  consentTitle: (app) => `Sallitaanko ${app}?`,
  consentAsks: (app) => `${app} pyytää saada tietää:`,
  scopeText: (scope) =>
    ({
      openid: 'kuka olet (pysyvä tunniste)',
      profile: 'nimesi',
      email: 'sähköpostiosoitteesi',
      groups: 'ryhmät, joihin kuulut',
      offline_access: 'pitää sinut kirjautuneena poissa ollessasi',
    })[scope] ?? scope,
  allow: 'Salli',
  deny: 'Älä salli',
  opLogoutTitle: (app) => (app ? `Kirjaudutaanko ulos sovelluksesta ${app}?` : 'Kirjaudutaanko ulos?'),
  opLogoutBody:
    'Sinut kirjataan ulos myös Tesserasta ja identiteetin tarjoajaltasi, jos organisaatiosi sallii sen.',
  staySignedIn: 'Pysy kirjautuneena',
  backToApplication: 'Jatka',
  emailLabel: 'Sähköposti',
  applicationLabel: 'Sovellus',
  noApplication: '(ei mitään)',
  next: 'Seuraava',
  signedInTitle: 'Kirjautunut sisään',
  signedInAs: (email, application) =>
    parts(
      'Olet kirjautunut sisään käyttäjänä ',
      email,
      application ? ` sovellukseen ${application}` : '',
      '.',
    ),
  sessionLasts: (expiresAt) => `Kirjautuminen on voimassa ${utcDate('fi', expiresAt)} (UTC) asti.`,
  mfaState: (state) => parts('Kaksivaiheinen vahvistus on ', state, ' kirjautumisissasi.'),
  mfaOn: 'käytössä',
  mfaOff: 'pois käytöstä',
  turnMfaOn: 'Ota kaksivaiheinen vahvistus käyttöön',
  turnMfaOff: 'Poista kaksivaiheinen vahvistus käytöstä',
  signOut: 'Kirjaudu ulos',
  signedOutTitle: 'Kirjauduttu ulos',
  signedOutNone: 'Olet kirjautunut ulos.',
  signedOutEnded: (idp) => `Olet kirjautunut ulos Tesserasta ja palvelusta ${idp}.`,
  signedOutNotAllowed: (idp) =>
    `Olet kirjautunut ulos Tesserasta. Organisaatiosi ei kirjaa sinua automaattisesti ulos palvelusta ${idp}, joten saatat olla yhä kirjautuneena siellä: kirjaudu ulos myös palvelusta ${idp} tai sulje selain.`,
  signedOutUnsupported: (idp) =>
    `Olet kirjautunut ulos Tesserasta. ${idp} ei tue automaattista uloskirjautumista, joten saatat olla yhä kirjautuneena siellä: kirjaudu ulos myös palvelusta ${idp} tai sulje selain.`,
  signedOutFailed: (idp) =>
    `Olet kirjautunut ulos Tesserasta, mutta ${idp} ei vahvistanut, että sinut kirjattiin ulos sieltä.`,
  yourIdp: 'identiteetintarjoajasi',
  signInAgain: 'Kirjaudu uudelleen',
  passwordTitle: 'Anna salasanasi',
  passwordLabel: 'Salasana',
  signIn: 'Kirjaudu sisään',
  confirmTitle: 'Oletko se sinä?',
  confirmBody: (email, knownEmail) =>
    parts(
      'Kirjauduit sisään käyttäjänä ',
      email,
      '. Hakemistossa on samaan tiliin linkitetty käyttäjä: ',
      knownEmail,
      '.',
    ),
  confirmYes: 'Kyllä, se olen minä',
  confirmNo: 'En, olen joku muu',
  enrollTitle: 'Määritä kaksivaiheinen vahvistus',
  enrollScan:
    'Skannaa tämä QR-koodi todennussovelluksellasi (esimerkiksi Tesseralla) ja anna sitten sen näyttämä koodi.',
  qrAlt: (email) => `QR-koodi, jolla ${email} lisätään todennussovellukseen`,
  cannotScan: 'Etkö voi skannata? Anna sovellukseen sen sijaan tämä avain:',
  secretKey: 'Salainen avain',
  codeFromApp: 'Koodi sovelluksesta',
  verifyTitle: 'Kaksivaiheinen vahvistus',
  codeFromAuthenticator: 'Koodi todennussovelluksesta',
  submit: 'Lähetä',
  testSucceededTitle: 'SSO-testi onnistui',
  testFailedTitle: 'SSO-testi epäonnistui',
  testSummary: (idpName, succeeded) =>
    `${idpName}: ${succeeded ? 'kaikki tarkistukset onnistuivat.' : 'tarkistus epäonnistui.'} Palaa Tesseraan nähdäksesi tiedot ja ${
      succeeded ? 'aktivoidaksesi identiteetintarjoajan' : 'korjataksesi asetukset'
    }.`,
  closeWindow: 'Voit sulkea tämän ikkunan.',
  startAgain: 'Aloita alusta',
  postFormTitle: 'Jatka identiteetintarjoajallesi',
  continue: 'Jatka',
};

const pl: PageText = {
  documentTitle: (title) => `${title} · logowanie do Tessery`,
  startTitle: 'Zaloguj się',
  startTitleFor: (app) => `Zaloguj się do ${app}`,
  opContinues: (app) => `Po zalogowaniu przejdziesz do ${app}.`,
  cancelTo: (app) => `Anuluj i wróć do ${app}`,
  consentTitle: (app) => `Zezwolić aplikacji ${app}?`,
  consentAsks: (app) => `${app} prosi o dostęp do:`,
  scopeText: (scope) =>
    ({
      openid: 'tego, kim jesteś (niezmienny identyfikator)',
      profile: 'twojego imienia i nazwiska',
      email: 'twojego adresu e-mail',
      groups: 'grup, do których należysz',
      offline_access: 'utrzymywania zalogowania, gdy cię nie ma',
    })[scope] ?? scope,
  allow: 'Zezwól',
  deny: 'Nie zezwalaj',
  opLogoutTitle: (app) => (app ? `Wylogować się z ${app}?` : 'Wylogować się?'),
  opLogoutBody:
    'Nastąpi też wylogowanie z Tessery oraz od dostawcy tożsamości, jeśli twoja organizacja na to pozwala.',
  staySignedIn: 'Nie wylogowuj',
  backToApplication: 'Dalej',
  emailLabel: 'E-mail',
  applicationLabel: 'Aplikacja',
  noApplication: '(brak)',
  next: 'Dalej',
  signedInTitle: 'Zalogowano',
  signedInAs: (email, application) =>
    parts('Zalogowano jako ', email, application ? ` do aplikacji ${application}` : '', '.'),
  sessionLasts: (expiresAt) => `To logowanie jest ważne do ${utcDate('pl', expiresAt)} (UTC).`,
  mfaState: (state) => parts('Weryfikacja dwuetapowa jest ', state, ' dla Twoich logowań.'),
  mfaOn: 'włączona',
  mfaOff: 'wyłączona',
  turnMfaOn: 'Włącz weryfikację dwuetapową',
  turnMfaOff: 'Wyłącz weryfikację dwuetapową',
  signOut: 'Wyloguj się',
  signedOutTitle: 'Wylogowano',
  signedOutNone: 'Wylogowano Cię.',
  signedOutEnded: (idp) => `Wylogowano Cię z Tessery i z usługi ${idp}.`,
  signedOutNotAllowed: (idp) =>
    `Wylogowano Cię z Tessery. Twoja organizacja nie wylogowuje automatycznie z usługi ${idp}, więc możesz nadal być tam zalogowany: wyloguj się także z usługi ${idp} albo zamknij przeglądarkę.`,
  signedOutUnsupported: (idp) =>
    `Wylogowano Cię z Tessery. Usługa ${idp} nie obsługuje automatycznego wylogowania, więc możesz nadal być tam zalogowany: wyloguj się także z usługi ${idp} albo zamknij przeglądarkę.`,
  signedOutFailed: (idp) => `Wylogowano Cię z Tessery, ale ${idp} nie potwierdza wylogowania.`,
  yourIdp: 'Twój dostawca tożsamości',
  signInAgain: 'Zaloguj się ponownie',
  passwordTitle: 'Wpisz hasło',
  passwordLabel: 'Hasło',
  signIn: 'Zaloguj się',
  confirmTitle: 'Czy to Ty?',
  confirmBody: (email, knownEmail) =>
    parts(
      'Zalogowano jako ',
      email,
      '. Katalog zna użytkownika powiązanego z tym samym kontem: ',
      knownEmail,
      '.',
    ),
  confirmYes: 'Tak, to ja',
  confirmNo: 'Nie, jestem kimś innym',
  enrollTitle: 'Skonfiguruj weryfikację dwuetapową',
  enrollScan:
    'Zeskanuj ten kod QR aplikacją uwierzytelniającą (na przykład Tessera), a następnie wpisz kod, który się w niej wyświetli.',
  qrAlt: (email) => `Kod QR do dodania ${email} do uwierzytelniacza`,
  cannotScan: 'Nie możesz zeskanować? Zamiast tego wpisz w aplikacji ten klucz:',
  secretKey: 'Klucz tajny',
  codeFromApp: 'Kod z aplikacji',
  verifyTitle: 'Weryfikacja dwuetapowa',
  codeFromAuthenticator: 'Kod z uwierzytelniacza',
  submit: 'Wyślij',
  testSucceededTitle: 'Test SSO zakończony powodzeniem',
  testFailedTitle: 'Test SSO nie powiódł się',
  testSummary: (idpName, succeeded) =>
    `${idpName}: ${succeeded ? 'wszystkie kontrole zaliczone.' : 'jedna z kontroli nie została zaliczona.'} Wróć do Tessery, aby zobaczyć szczegóły i ${
      succeeded ? 'aktywować dostawcę tożsamości' : 'poprawić ustawienia'
    }.`,
  closeWindow: 'Możesz zamknąć to okno.',
  startAgain: 'Zacznij od nowa',
  postFormTitle: 'Przejdź do swojego dostawcy tożsamości',
  continue: 'Kontynuuj',
};

export const PAGE_TEXT: Readonly<Record<Lang, PageText>> = { en, sv, fi, pl };

/** How much of an Accept-Language header is read; real ones are well under this. */
const HEADER_MAX = 256;
const TAG = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/i;
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

const isLang = (value: string): value is Lang => (PAGE_LANGUAGES as readonly string[]).includes(value);

/**
 * The page language for an Accept-Language header (RFC 9110 §12.5.4): the supported language with
 * the highest q-value, the earlier one on a tie, by primary subtag only (sv-FI is Swedish). Tags
 * with q=0 or a malformed q are skipped; anything else (nb, da, *, garbage, none) means English.
 */
export function pickLanguage(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'en';
  let header = acceptLanguage;
  if (header.length > HEADER_MAX) {
    // Keep whole entries only: a tag cut in half ("fil" → "fi") must not count.
    header = header.slice(0, HEADER_MAX);
    header = header.slice(0, Math.max(0, header.lastIndexOf(',')));
  }
  let best: Lang = 'en';
  let bestQ = 0;
  for (const entry of header.split(',')) {
    const [rawTag = '', ...params] = entry.split(';').map((part) => part.trim());
    if (!TAG.test(rawTag)) continue;
    let q = 1;
    let valid = true;
    for (const param of params) {
      const [name = '', value = ''] = param.split('=').map((part) => part.trim());
      if (name.toLowerCase() !== 'q') continue;
      if (!QVALUE.test(value)) valid = false;
      else q = Number(value);
    }
    if (!valid || q <= 0) continue;
    const primary = rawTag.split('-')[0]!.toLowerCase();
    if (isLang(primary) && q > bestQ) {
      best = primary;
      bestQ = q;
    }
  }
  return best;
}
