import type { Messages } from './en';

/** Varningar om certifikat, e-postservern och välkomstmejlet (svenska); sv.ts slår ihop dem. */
export const svAlerts: Pick<Messages, 'alerts' | 'newUserEmail'> = {
  alerts: {
    title: 'Varningar',
    centre: 'Varningscentral',
    centreHelp:
      'Alla varningar om certifikat som går ut, de nyaste först, levererade eller inte. Tessera kontrollerar certifikaten när det startar och minst en gång i timmen.',
    empty: 'Inga varningar än: inget certifikat går ut inom 60 dagar.',
    certificate: 'Certifikat',
    daysLeftColumn: 'Dagar kvar',
    raised: 'Utlöst',
    delivery: 'Leverans',
    acknowledgedColumn: 'Kvitterad',
    useSp: 'SP-certifikat',
    useIdp: 'IdP:s signeringscertifikat: {{names}}',
    expired: 'Utgånget',
    days_one: '{{count}} dag',
    days_other: '{{count}} dagar',
    threshold: 'Varning vid {{days}} dagar',
    thresholdExpiry: 'Varning när det går ut',
    acknowledge: 'Kvittera',
    acknowledgeNamed: 'Kvittera varningen om {{subject}}',
    unacknowledged: '{{count}} okvitterade',
    channel: {
      email: 'E-post',
      notification: 'Avisering',
    },
    status: {
      pending: 'väntar',
      delivered: 'levererad',
      failed: 'inte levererad',
      cancelled: 'inte skickad',
    },
    waitingForWindow: 'Visas när Tesseras fönster är öppet.',
    retryAt_one: 'Försökt en gång; nästa försök {{time}}.',
    retryAt_other: 'Försökt {{count}} gånger; nästa försök {{time}}.',
    deliveredAt: 'Levererad {{time}}.',
    rules: 'Varningsregler',
    rulesHelp:
      'Varningar skickas 60, 45, 30 och 15 dagar innan ett certifikat går ut, och samma dag som det går ut — varje en gång, och inte mer när det har förnyats.',
    rule: {
      'idp-certificate-expiry': 'IdP-certifikat går ut',
      'sp-certificate-expiry': 'SP-certifikat går ut',
    },
    ruleHelp: {
      'idp-certificate-expiry': 'Signeringscertifikaten som är fästa för dina SAML-identitetsleverantörer.',
      'sp-certificate-expiry': 'Tesseras eget SP-certifikat, som alla SAML-identitetsleverantörer litar på.',
    },
    enabled: 'På',
    byEmail: 'E-post',
    byNotification: 'Avisering i appen och på skrivbordet',
    recipients: 'Mottagare',
    recipientsHint: 'E-postadresser; tryck Enter efter varje.',
    recipientsInvalid: '”{{value}}” är ingen e-postadress.',
    ruleSaved: 'Varningsregeln sparades.',
    email: 'E-postserver (SMTP)',
    emailHelp:
      'Varningar och välkomstmejl skickas via den här servern. Lösenordet förvaras i systemets nyckelring.',
    host: 'Värd',
    port: 'Port',
    tls: 'Säkerhet',
    tlsMode: {
      implicit: 'TLS (oftast port 465)',
      starttls: 'STARTTLS, krävs (oftast port 587)',
      none: 'Ingen (bara en server på den här datorn)',
    },
    username: 'Användarnamn',
    usernameHint: 'Tomt: servern tar emot e-post utan inloggning.',
    password: 'Lösenord',
    passwordStored: 'Ett lösenord är sparat; lämna tomt för att behålla det.',
    clearPassword: 'Ta bort det sparade lösenordet',
    from: 'Avsändaradress',
    emailSaved: 'E-postservern sparades.',
    notConfigured: 'Ingen e-postserver än: e-postvarningar väntar tills en har konfigurerats.',
    testTo: 'Skicka ett testmejl till',
    sendTest: 'Skicka testmejl',
    testOk: 'Servern tog emot testmejlet.',
    testFailed: 'Testmejlet skickades inte',
    serverSaid: 'Servern svarade:',
    problem: {
      notConfigured: 'Ingen e-postserver är konfigurerad.',
      connection: 'Tessera kunde inte ansluta till servern.',
      timeout: 'Servern svarade inte i tid.',
      tls: 'Den säkra anslutningen misslyckades.',
      auth: 'Servern godtog inte användarnamnet eller lösenordet.',
      rejected: 'Servern avvisade meddelandet.',
      noPassword: 'Ett lösenord behövs.',
      keychain: 'Nyckelringen kunde inte läsas.',
      other: 'Det gick inte att skicka.',
    },
    browserNotifications: 'Skrivbordsaviseringar i den här webbläsaren',
    browserNotificationsHelp:
      'Medan den här sidan är öppen visas varningar också som aviseringar på skrivbordet.',
    allowNotifications: 'Tillåt aviseringar',
    notificationsAllowed: 'Aviseringar är tillåtna.',
    notificationsBlocked:
      'Webbläsaren blockerar aviseringar från Tessera; tillåt dem i webbplatsinställningarna.',
    newAlert: 'Certifikatvarning',
  },
  newUserEmail: {
    title: 'E-post till nya användare',
    help: 'När JIT skapar en användare vid första inloggningen skickar Tessera ett välkomstmejl på användarens språk (från profilen), annars på språket nedan.',
    suppress: 'Stäng av automatiska mejl till nya användare',
    language: 'Standardspråk för e-post',
    languageHint: 'Även språket i e-postvarningar om certifikat.',
    saved: 'Sparat.',
    status: '{{delivered}} skickade, {{waiting}} väntar.',
    lastError: 'Senaste problemet: {{error}}',
  },
};

export const svAlertsErrors: Pick<Messages['errors'], 'alerts' | 'mail'> = {
  alerts: {
    recipientsRequired: 'Leverans via e-post kräver minst en mottagare.',
    notFound: 'Varningen finns inte längre.',
  },
  mail: {
    tlsRequired:
      'E-post utan TLS tillåts bara till en server på den här datorn (127.0.0.1, ::1 eller localhost); välj STARTTLS eller TLS.',
    usernameRequired: 'Ett lösenord kräver ett användarnamn.',
    passwordRequiredForNewServer:
      'Servern har ändrats: ange lösenordet igen för att skicka det till den nya servern.',
  },
};
