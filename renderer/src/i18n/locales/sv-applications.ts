import type { Messages } from './en';
export const svApplications: Pick<Messages, 'apps'> = {
  apps: {
    title: 'Program',
    intro:
      'Programmen som användarna loggar in i via Tessera. Vart och ett är en klient till Tesseras OpenID-leverantör: det skickar användaren till Tessera, som loggar in hen via identitetsleverantörerna och routningsreglerna, ber om MFA där policyn kräver det och ger programmet en ID-token.',
    mfaIdle:
      'Reglagen ”Kräv MFA” har ingen verkan så länge ”Obligatoriskt för valda program” är avstängt i MFA-policyn (eller MFA är avstängt).',
    mfaEveryone:
      'MFA är obligatoriskt för hela organisationen: alla program ber om en kod, vad deras reglage än säger.',
    list: 'Registrerade program',
    add: 'Lägg till program',
    none: 'Inga program än. Lägg till ett och konfigurera sedan programmet med discovery-URL:en nedan och dess klient-ID.',
    name: 'Namn',
    clientId: 'Klient-ID',
    type: 'Typ',
    types: { confidential: 'Konfidentiellt', public: 'Publikt' },
    typeHints: {
      confidential: 'En webbapp på en server som kan hålla en hemlighet.',
      public: 'En skrivbords-, mobil- eller enkelsidesapp: ingen hemlighet, PKCE krävs.',
    },
    requireMfa: 'Kräv MFA',
    requireMfaFor: 'Kräv MFA för {{name}}',
    actions: 'Åtgärder',
    noRedirect: 'Ingen omdirigerings-URI: det kan inte logga in än.',
    noSecret: 'Ingen klienthemlighet än.',
    createSecret: 'Skapa hemlighet',
    createSecretFor: 'Skapa en hemlighet för {{name}}',
    secretMade: 'Hemlighet skapad {{date}}',
    newSecret: 'Ny hemlighet',
    newSecretFor: 'Ny hemlighet för {{name}}',
    newSecretTitle: 'En ny hemlighet för {{name}}?',
    newSecretBody:
      'Tessera skapar en ny klienthemlighet och visar den en gång. Den nuvarande hemligheten slutar fungera direkt: tills programmet får den nya kan det inte logga in någon.',
    newSecretConfirm: 'Skapa en ny hemlighet',
    deleteBody:
      'Dess klient-ID slutar fungera direkt: programmet kan inte längre logga in någon. Ett konfidentiellt programs hemlighet tas bort ur nyckelringen.',
    copyNamed: 'Kopiera {{name}}',
    copiedNamed: '{{name}} kopierat',
    form: {
      keyHint:
        'Det som programmet skickar som sitt client_id, t.ex. payroll. Bokstäver, siffror, ".", "_" eller "-".',
      secretOnSave: 'När du sparar skapas en klienthemlighet, som visas en gång.',
      secretComes: 'När du sparar skapas en klienthemlighet för det, som visas en gång.',
      secretGoes: 'När du sparar tas dess klienthemlighet bort: därefter måste det använda PKCE.',
      redirectUris: 'Omdirigerings-URI:er',
      redirectUrisHint:
        'En per rad. Tessera skickar bara tillbaka användare till en URI i listan, och den måste stämma exakt: inga jokertecken, inga prefix. https, eller http på localhost eller 127.0.0.1.',
      logoutUris: 'Omdirigerings-URI:er efter utloggning',
      logoutUrisHint:
        'En per rad, exakt matchning: dit programmet får skicka användarna när de har loggat ut.',
      scopes: 'Omfång (scopes) som lämnas ut',
      scopesHint: 'Vad programmet får be att få veta om användaren.',
      firstParty: 'Eget program (first party)',
      firstPartyOn: 'Organisationens eget program: användarna loggar in utan att godkänna något.',
      firstPartyOff: 'Användarna ombeds tillåta att programmet ser det som omfången lämnar ut.',
      requireMfaHint: 'Gäller så länge ”Obligatoriskt för valda program” är påslaget i MFA-policyn.',
      fixFields: 'Rätta fälten som är markerade med rött och spara igen.',
    },
    scopes: {
      openid: 'Lämnas alltid ut: vem användaren är (hens ID).',
      profile: 'Namnet och de andra profilattributen i katalogen.',
      email: 'E-postadressen.',
      groups: 'Katalogens grupper som användaren är med i.',
      offline_access: 'Uppdateringstoken: programmet förblir inloggat utan att fråga igen.',
    },
    keyInvalid:
      'Använd bokstäver, siffror, ".", "_" eller "-" (högst 64), och börja med en bokstav eller en siffra.',
    uri: {
      notAbsolute: '”{{value}}” är inte en absolut URL (till exempel https://app.example.com/callback).',
      fragment: '”{{value}}” har ett fragment (#…); det får omdirigerings-URI:er inte ha.',
      userinfo: '”{{value}}” innehåller ett användarnamn eller lösenord.',
      http: '”{{value}}” använder http på {{host}}: använd https (vanlig http bara på localhost eller 127.0.0.1).',
      appScheme:
        '”{{value}}” använder ett appschema: det får bara ett publikt program (skrivbord eller mobil).',
      scheme:
        '”{{value}}” använder {{scheme}}: använd https, http på localhost eller ett appschema som com.example.app:/callback.',
      tooLong: 'En URI får ha högst {{max}} tecken.',
      tooMany: 'Högst {{max}} URI:er.',
      twice: '”{{value}}” står med två gånger.',
    },
    secret: {
      title: 'Klienthemlighet för {{name}}',
      intro: 'Konfigurera programmet med det här klient-ID:t och den här hemligheten.',
      label: 'Klienthemlighet',
      onceTitle: 'Visas bara den här gången',
      once: 'Kopiera hemligheten nu och lägg den där programmet läser den. Tessera förvarar den i systemets nyckelring och visar den aldrig igen; om den försvinner får du skapa en ny.',
      done: 'Jag har kopierat den',
    },
    op: {
      title: 'OpenID-leverantör',
      intro:
        'Ett program konfigureras med discovery-URL:en: där hittar programmet Tesseras slutpunkter och signeringsnycklar.',
      running: 'Körs',
      stopped: 'Körs inte',
      stoppedHint: 'Inloggningstjänsten körs inte, så inget program kan logga in just nu.',
      issuer: 'Utfärdare',
      discoveryUrl: 'Discovery-URL',
      keys: 'Signeringsnycklar',
      noKeys: 'Ingen signeringsnyckel än: Tessera skapar en när det första programmet loggar in.',
      kid: 'Nyckel-ID',
      alg: 'Algoritm',
      created: 'Skapad',
      status: 'Status',
      active: 'Signerar nya token',
      published: 'Publicerad',
      publishedUntil: 'Publicerad till {{date}}',
      rotate: 'Byt signeringsnyckel',
      rotateTitle: 'Byta signeringsnyckel?',
      rotateBody:
        'En ny nyckel signerar alla token från och med nu. Den nuvarande nyckeln förblir publicerad tills de token den har signerat har gått ut, så att programmen fortsätter att godta dem; sedan tas den bort.',
      rotateConfirm: 'Byt',
      rotated: 'En ny signeringsnyckel signerar token från och med nu.',
    },
  },
};
