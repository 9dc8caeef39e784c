import type { Messages } from './en';

/** The admin console's words (Swedish); sv.ts merges them. */
export const svAdmin: Pick<
  Messages,
  'common' | 'org' | 'idp' | 'saml' | 'oidc' | 'builtin' | 'rules' | 'sim' | 'mfa' | 'audit'
> = {
  common: {
    save: 'Spara',
    cancel: 'Avbryt',
    delete: 'Ta bort',
    edit: 'Redigera',
    editNamed: 'Redigera {{name}}',
    deleteNamed: 'Ta bort {{name}}',
    back: 'Tillbaka',
    next: 'Nästa',
    copy: 'Kopiera',
    copied: 'Kopierad',
    close: 'Stäng',
    skipToContent: 'Hoppa till huvudinnehållet',
  },
  org: {
    title: 'Organisation',
    name: 'Organisationens namn',
    id: 'Organisations-ID',
    entityId: 'SP:s entitets-ID',
    signinPort: 'Port för inloggningstjänsten',
    signinPortHint: 'På 127.0.0.1; identitetsleverantörerna får URL:er med den här porten.',
    signinUrl: 'Inloggningsadress',
    signinStopped: 'Inloggningstjänsten körs inte',
    resolver: 'DNS-server för verifiering',
    resolverHint: 'En IP-adress, eventuellt med port. Tomt: systemets DNS-servrar.',
    saved: 'Organisationsinställningarna har sparats.',
    domains: 'Domäner',
    domainsHelp:
      'Verifiera varje domän som användarnas e-postadresser använder och gör sedan anspråk på den: bara användare i domäner som organisationen gjort anspråk på etableras vid inloggning.',
    addDomain: 'Domän',
    addDomainButton: 'Lägg till domän',
    domainInvalid: 'Ange ett domännamn, till exempel example.com.',
    noDomains: 'Inga domäner än.',
    domain: 'Domän',
    status: 'Status',
    claimed: 'Anspråk',
    claimLabel: 'Gör anspråk på {{domain}}',
    verified: 'Verifierad',
    pending: 'Inte verifierad',
    verify: 'Verifiera',
    verifiedToast: '{{domain}} är verifierad.',
    deleteDomain: 'Ta bort {{domain}}',
    deleteDomainBody:
      'Domänen tas bort från organisationen; om du lägger till den igen måste den verifieras på nytt.',
    addRecord: 'Lägg till den här TXT-posten hos din DNS-leverantör och välj sedan Verifiera:',
    recordName: 'Namn',
  },
  idp: {
    title: 'Identitetsleverantörer',
    add: 'Lägg till identitetsleverantör',
    addSaml: 'SAML 2.0',
    addOidc: 'OpenID Connect',
    addBuiltin: 'Inbyggd identitet',
    empty: 'Inga identitetsleverantörer än. Den första du lägger till får standardregeln för routning.',
    ssoSwitch: 'Enkel inloggning',
    ssoSwitchOff:
      'Av: ingen skickas till en SAML- eller OpenID Connect-leverantör; den inbyggda identiteten fungerar fortfarande.',
    ssoSwitchOn:
      'På: personer skickas till de aktiverade SAML- och OpenID Connect-leverantörer som deras routningsregler anger.',
    ssoOnTitle: 'Aktivera enkel inloggning?',
    ssoOnBody: 'Aktiverade identitetsleverantörer med en aktiv routningsregel används vid nästa inloggning.',
    ssoOn: 'Aktivera',
    ssoOffTitle: 'Inaktivera enkel inloggning för alla identitetsleverantörer?',
    ssoOffBody:
      'Ingen kan längre logga in via en SAML- eller OpenID Connect-leverantör förrän du aktiverar det igen. Konfigurationen behålls.',
    ssoOff: 'Inaktivera SSO',
    kind: { saml: 'SAML', oidc: 'OpenID Connect', builtin: 'Inbyggd' },
    status: {
      live: 'Aktiv',
      'not-activated': 'Inte aktiverad',
      'no-active-rule': 'Inaktiv: ingen aktiv regel',
      'sso-off': 'Inaktiv: SSO är avstängt',
    },
    lessSecure: 'Mindre säker metadata',
    builtinDetail: 'Lösenord som Tessera förvarar',
    rulesCount_one: '{{count}} routningsregel',
    rulesCount_other: '{{count}} routningsregler',
    actions: 'Åtgärder för {{name}}',
    activate: 'Aktivera',
    activateTitle: 'Aktivera {{name}}?',
    activateBody:
      'När den är aktiverad skickas de som dess routningsregler matchar dit vid nästa inloggning. Testa den innan du aktiverar den.',
    deactivate: 'Inaktivera',
    deactivateTitle: 'Inaktivera {{name}}?',
    deactivateBody: 'Ingen skickas dit längre; dess regler finns kvar, och standardregeln hoppas över.',
    downloadMetadata: 'Ladda ned dess metadata',
    deleteTitle: 'Ta bort {{name}}?',
    deleteBody: 'Konfigurationen tas bort permanent, och klienthemligheten tas bort från nyckelringen.',
    deleteHasDefault:
      'Den får standardregeln. Peka först standardregeln mot en annan identitetsleverantör (Routningsregler), om det inte är den enda.',
    deleteHasRules_one: 'Den har fortfarande {{count}} routningsregel: {{rules}}.',
    deleteHasRules_other: 'Den har fortfarande {{count}} routningsregler: {{rules}}.',
    deleteRulesToo: 'Ta bort även dessa regler',
    deleteBuiltinUsers: 'Dess lokala användare och deras lösenord tas också bort.',
    deleteConfirm: 'Ta bort identitetsleverantör',
  },
  saml: {
    title: 'Lägg till en SAML-identitetsleverantör',
    editTitle: 'Redigera {{name}}',
    stepCertificate: 'SP-certifikat',
    stepSpMetadata: 'SP-metadata',
    stepIdpMetadata: 'IdP-metadata',
    stepSettings: 'Inställningar',
    certificateHelp:
      'Tessera signerar sina begäranden med det här certifikatet. Självsignerat rekommenderas (giltigt i 5 år); ett CA-signerat måste skickas till varje IdP igen vid varje förnyelse.',
    certificateCurrent: 'Aktuellt SP-certifikat',
    certificateNone: 'Det finns inget SP-certifikat än: skapa eller importera ett.',
    certKind: { 'self-signed': 'Självsignerat', 'ca-signed': 'CA-signerat' },
    validUntil: 'giltigt till {{date}}',
    certGenerate: 'Självsignerat',
    certImportPem: 'CA-signerat (PEM)',
    certImportPkcs12: 'CA-signerat (PKCS#12)',
    keyType: 'Nyckeltyp',
    keyTypes: { 'rsa-2048': 'RSA 2048', 'rsa-3072': 'RSA 3072', 'p-256': 'ECDSA P-256' },
    certGenerateButton: 'Skapa certifikat',
    certRegenerate: 'Ersätt med ett nytt certifikat',
    certChainPem: 'Certifikat och kedja (PEM)',
    certChainPemHint: 'Certifikatet först, sedan dess mellanliggande certifikat.',
    privateKeyPem: 'Privat nyckel (PEM)',
    keyPassphrase: 'Lösenfras för nyckeln (om den är krypterad)',
    pkcs12File: 'PKCS#12-fil (.p12, .pfx)',
    pkcs12Password: 'Filens lösenord',
    pkcs12TooLarge: 'Filen är för stor för att vara ett certifikat.',
    certImportButton: 'Importera certifikat',
    spMetadataHelp:
      'Ge den här metadatan till identitetsleverantörens administratör, eller ange värdena nedan där för hand.',
    spEntityId: 'Entitets-ID (Entity ID)',
    acsUrl: 'Mottagningstjänst för intyg (Assertion Consumer Service, HTTP-POST)',
    signMetadata: 'Signera metadatan',
    downloadSpMetadata: 'Ladda ned SP-metadata',
    upload: 'Ladda upp metadata',
    manual: 'Ange för hand',
    keepCurrent: 'Den aktuella metadatan behålls om du inte laddar upp ny metadata.',
    dropMetadata: 'Släpp IdP-metadatafilen här, eller klicka för att välja den',
    dropMetadataHint: 'En XML-fil på högst 1 MB.',
    chooseEntity: 'Identitetsleverantör i den här filen',
    chooseEntityHint:
      '{{file}} beskriver {{count}} identitetsleverantörer (en federations metadata). Välj den du lägger till; signaturen för hela filen kontrolleras.',
    chooseEntityPlaceholder: 'Välj en identitetsleverantör',
    entityId: 'IdP:s entitets-ID',
    ssoUrl: 'URL för enkel inloggning',
    binding: 'Bindning',
    sloUrl: 'URL för enkel utloggning (valfritt)',
    signingCertificate: 'Signeringscertifikat (PEM)',
    signingCertificateHint: 'Certifikatet som IdP:n signerar sina intyg med.',
    signingCertificateN: 'Signeringscertifikat {{n}}',
    name: 'Namn',
    userIdAttribute: 'Attribut för användar-ID',
    userIdAttributeHint: 'SAML-attributet som innehåller användar-ID:t (till exempel uid, email eller upn).',
    acknowledge: 'Jag förstår att den här konfigurationen är mindre säker och vill använda den.',
    notLiveYet: 'Att spara tar den inte i bruk: den gäller först när du aktiverar den.',
    trust: {
      'public-root': 'Säkrare: signerad av en offentlig certifikatutfärdare',
      'self-signed': 'Mindre säker: signerad med ett självsignerat certifikat',
      unsigned: 'Mindre säker: metadatan är inte signerad',
      manual: 'Mindre säker: angiven för hand',
    },
    trustBody: {
      'public-root': 'Metadatans signatur leder till ett rotcertifikat som den här datorn litar på.',
      'self-signed':
        'Signaturen är giltig, men vem som helst kan skapa ett sådant certifikat; kontrollera att filen kommer från din IdP:s administratör.',
      unsigned:
        'Inget bevisar var filen kommer ifrån; kontrollera att den kommer från din IdP:s administratör.',
      manual: 'Inget bevisar var värdena kommer ifrån; kontrollera dem med din IdP:s administratör.',
    },
  },
  oidc: {
    title: 'Lägg till en OpenID Connect-identitetsleverantör',
    editTitle: 'Redigera {{name}}',
    name: 'Namn',
    redirectUri: 'Omdirigerings-URI att registrera hos leverantören',
    postLogoutRedirectUri: 'Omdirigerings-URI efter utloggning att registrera hos leverantören',
    clientId: 'Klient-ID',
    clientSecret: 'Klienthemlighet',
    clientSecretHint: 'Förvaras i systemets nyckelring; Tessera visar den aldrig igen.',
    clientSecretKeep: 'En hemlighet finns sparad i nyckelringen. Lämna tomt för att behålla den.',
    scopes: 'Omfång (scopes)',
    scopesHint: 'Måste innehålla openid. Tryck på Retur efter varje.',
    discovery: 'Discovery-URL',
    manual: 'Ange slutpunkter för hand',
    discoveryUrl: 'Discovery-URL eller utfärdare',
    fetch: 'Hämta',
    field: {
      issuer: 'Utfärdare',
      authorizationEndpoint: 'Auktoriseringsslutpunkt',
      tokenEndpoint: 'Tokenslutpunkt',
      jwksUri: 'JWKS-URI',
      userinfoEndpoint: 'Userinfo-slutpunkt',
      endSessionEndpoint: 'Slutpunkt för sessionsavslut',
    },
    automaticLogout: 'Tillåt automatisk utloggning från sessionen',
    automaticLogoutHint:
      'När man loggar ut från Tessera avslutas även sessionen hos leverantören (kräver dess slutpunkt för sessionsavslut).',
    noEndSession:
      'Leverantören anger ingen slutpunkt för sessionsavslut, så automatisk utloggning kan inte fungera.',
    authMethod: 'Autentisering mot tokenslutpunkten',
    authMethodHint:
      'Hur Tessera visar att det är den här klienten när koden byts ut. Använd metoden som klienten är registrerad med hos leverantören; listan visar vad leverantören erbjuder.',
    authMethods: {
      client_secret_basic: 'Klienthemlighet i ett HTTP Basic-huvud (client_secret_basic)',
      client_secret_post: 'Klienthemlighet i begärans innehåll (client_secret_post)',
      private_key_jwt: 'Signerad JWT med Tesseras nyckel (private_key_jwt)',
    },
    keyOnSave:
      'Tessera skapar sin nyckel när du sparar: den privata nyckeln stannar i systemets nyckelring. Öppna sedan identitetsleverantören igen för att kopiera den publika nyckeln (JWKS) och registrera den hos leverantören.',
    keyRegister:
      'Registrera den här publika nyckeln (JWKS) för klienten hos leverantören. Den privata nyckeln stannar i systemets nyckelring.',
    jwks: 'Tesseras publika nyckel (JWKS)',
    copyJwks: 'Kopiera JWKS',
    jwksCopied: 'JWKS har kopierats',
    jwksUrl: 'Publiceras även på',
  },
  builtin: {
    title: 'Lägg till den inbyggda identiteten',
    intro: 'Med den inbyggda identiteten kontrollerar Tessera själv användarnas lösenord:',
    point1: 'Du skapar varje persons konto här och ger dem deras lösenord.',
    point2: 'Lösenorden lagras bara som Argon2id-hashar i Tesseras krypterade databas.',
    point3: 'Grupper hanteras inte här; de kommer via JIT från andra identitetsleverantörer.',
    acknowledge: 'Jag förstår hur den inbyggda identiteten fungerar.',
    defaultRule: 'Som första identitetsleverantör får den standardregeln för routning.',
    withRule: 'Lägg till en routningsregel för den nu',
    ruleName: 'Inbyggd identitet',
    add: 'Lägg till inbyggd identitet',
    users: 'Inbyggd identitet: användare',
    addUser: 'Lägg till användare',
    addUserButton: 'Lägg till',
    noUsers: 'Inga användare än.',
    email: 'E-post',
    displayName: 'Visningsnamn',
    password: 'Lösenord',
    passwordHint: 'Minst {{min}} tecken.',
    passwordShort: 'Använd minst {{min}} tecken.',
    deleteUser: 'Ta bort {{email}}',
    deleteUserBody: 'Kontot och dess lösenord tas bort; personen kan inte längre logga in med det.',
  },
  rules: {
    title: 'Routningsregler',
    help: 'Reglerna prövas uppifrån; den första aktiva regeln som matchar avgör identitetsleverantören. Alla andra går till standardregeln.',
    add: 'Lägg till regel',
    addTitle: 'Lägg till routningsregel',
    editTitle: 'Redigera {{name}}',
    addButton: 'Lägg till',
    addedInactive: 'Nya regler läggs till som inaktiva; aktivera en regel i listan när den är klar.',
    noIdps: 'Lägg först till en identitetsleverantör.',
    table: 'Routningsregler i prioritetsordning',
    name: 'Namn',
    type: 'Typ',
    typeDomain: 'Efter e-postdomän',
    typeGroup: 'Efter grupp',
    typeDomainShort: 'Domäner',
    typeGroupShort: 'Grupper',
    domains: 'Domäner',
    groups: 'Grupper',
    valuesHint: 'Tryck på Retur eller komma efter varje.',
    matches: 'Matchar',
    idp: 'Identitetsleverantör',
    mfa: 'MFA',
    mfaChoice: {
      keep: 'Behåll aktuellt MFA-läge (organisationens policy gäller)',
      override: 'Åsidosätt MFA-läget för den här regeln',
      enable: 'Aktivera MFA bara för den här regeln',
    },
    mfaShort: { keep: 'Policy', override: 'Åsidosatt', enable: 'Krävs' },
    mfaRequired: 'Kräv MFA för dem som regeln routar',
    on: 'på',
    off: 'av',
    active: 'Aktiv',
    activeLabel: '{{name}} är aktiv',
    alwaysActive: 'Alltid aktiv',
    defaultName: 'Standardregel',
    defaultIdp: 'Standardregelns identitetsleverantör',
    everyoneElse: 'Alla andra',
    moveUp: 'Flytta upp {{name}}',
    moveDown: 'Flytta ned {{name}}',
    edit: 'Redigera {{name}}',
    deleteLabel: 'Ta bort {{name}}',
    deactivate: 'Inaktivera',
    deactivateTitle: 'Inaktivera {{name}}?',
    deactivateBody: 'De som den matchar går till nästa regel som matchar dem.',
    delete: 'Ta bort',
    deleteTitle: 'Ta bort {{name}}?',
    deleteBody: 'Regeln tas bort permanent.',
    orphanTitle: 'Lämna en identitetsleverantör utan aktiv regel?',
    orphanConfirm: 'Fortsätt',
    orphanWarning: 'Därefter har {{idps}} ingen aktiv regel: ingen skickas dit.',
  },
  sim: {
    title: 'Routningssimulator',
    email: 'E-post',
    groups: 'Grupper',
    application: 'Program',
    noApplication: 'Inget',
    optedIn: 'Personen har aktiverat MFA',
    run: 'Simulera',
    matched: '{{email}} routas av ”{{rule}}” till {{idp}}.',
    noMatch:
      'Ingen aktiv regel med en aktiv identitetsleverantör gäller för {{email}}: personen kan inte logga in.',
    mfaRequired: 'MFA krävs',
    mfaNotRequired: 'Ingen MFA',
    mfaReason: {
      'rule-enables': 'Regeln aktiverar MFA för dem den routar.',
      'rule-override-on': 'Regeln åsidosätter policyn och kräver MFA.',
      'rule-override-off': 'Regeln åsidosätter policyn och kräver inte MFA.',
      'org-mandatory-beats-override':
        'Regeln stänger av MFA, men MFA är obligatoriskt för hela organisationen, vilket en regel inte kan åsidosätta.',
      'org-off': 'MFA är avstängt för organisationen.',
      'org-mandatory': 'MFA är obligatoriskt för hela organisationen.',
      'application-mandatory': 'Programmet kräver MFA.',
      'user-opted-in': 'Personen har själv aktiverat MFA.',
      'not-required': 'Inget i policyn kräver MFA här.',
    },
    otherRule: 'Annan regel',
    why: 'Varför den inte gällde',
    miss: {
      inactive: 'Den är inte aktiv.',
      'idp-not-live': 'Dess identitetsleverantör är inte aktiv (eller så är SSO avstängt).',
      'domain-differs': 'E-postdomänen är inte en av dess domäner.',
      'no-group-in-common': 'Personen är inte med i någon av dess grupper.',
      'earlier-rule-matched': 'Den matchar också, men en tidigare regel kom först.',
    },
  },
  mfa: {
    title: 'MFA-policy',
    enabled: 'Multifaktorautentisering',
    enabledHint: 'Inloggningen ber om en kod från en autentiseringsapp där inställningarna nedan kräver det.',
    allowPerUser: 'Tillåt MFA per användare',
    allowPerUserHint: 'Användare får själva aktivera MFA i sin profil.',
    mandatoryForApplications: 'Obligatoriskt för valda program',
    mandatoryForApplicationsHint: 'Program där ”Kräv MFA” är påslaget ber alltid om en kod.',
    mandatoryForOrganization: 'Obligatoriskt för hela organisationen',
    mandatoryForOrganizationHint: 'Alla, för alla program; användarna kan inte längre stänga av det.',
    perApplication: 'Vilka program som kräver MFA ställs in per program, i avsnittet Program.',
  },
  audit: {
    title: 'Granskningslogg',
    filter: 'Filter',
    filterHint: 'Åtgärd eller mål, t.ex. idp eller example.com',
    empty: 'Inga ändringar registrerade.',
    before: 'Före',
    after: 'Efter',
    more: 'Visa äldre ändringar',
    actor: 'Den här datorns administratör',
    outcome: 'Genomförd',
    outcomeHint: 'Bara ändringar som sparades registreras; en nekad ändring lämnar inga spår.',
    actions: {
      application: {
        add: 'Program tillagt',
        update: 'Program ändrat',
        delete: 'Program borttaget',
      },
      builtin: {
        user: {
          add: 'Lokal användare tillagd',
          delete: 'Lokal användare borttagen',
        },
        users: {
          delete: 'Lokala användare borttagna',
        },
      },
      directory: {
        settings: 'Kataloginställningar ändrade',
        user: {
          'reset-mfa': 'MFA återställd för en användare',
        },
      },
      domain: {
        add: 'Domän tillagd',
        claim: 'Domänanspråk ändrat',
        delete: 'Domän borttagen',
        verify: 'Domän verifierad',
      },
      idp: {
        add: 'Identitetsleverantör tillagd',
        update: 'Identitetsleverantör ändrad',
        activate: 'Identitetsleverantör aktiverad',
        deactivate: 'Identitetsleverantör inaktiverad',
        delete: 'Identitetsleverantör borttagen',
        jit: 'JIT och attributmappning ändrade',
      },
      mfa: {
        policy: 'MFA-policy ändrad',
      },
      org: {
        update: 'Organisationsinställningar ändrade',
      },
      rule: {
        add: 'Routningsregel tillagd',
        update: 'Routningsregel ändrad',
        activate: 'Routningsregel aktiverad',
        deactivate: 'Routningsregel inaktiverad',
        default: 'Standardregeln pekar om',
        delete: 'Routningsregel borttagen',
        reorder: 'Routningsregler omordnade',
      },
      sp: {
        certificate: 'SP-certifikat ändrat',
      },
      sso: {
        setEnabled: 'Enkel inloggning på/av',
      },
    },
  },
};

/** Reasons the admin services give (errors.<reason>), in Swedish. */
export const svAdminErrors: Pick<
  Messages['errors'],
  'domain' | 'application' | 'idp' | 'saml' | 'oidc' | 'dns' | 'builtin' | 'sp' | 'rule'
> = {
  domain: {
    notFound: 'Domänen {{domain}} finns inte i listan.',
    duplicate: '{{domain}} finns redan i listan.',
    notVerified:
      'Verifiera {{domain}} innan du gör anspråk på den: lägg till TXT-posten som visas och välj sedan Verifiera.',
  },
  application: {
    duplicateKey: 'Ett annat program använder redan klient-ID:t ”{{key}}”.',
    notFound: 'Programmet finns inte längre.',
    unknown: 'Inget program har ID:t ”{{key}}”.',
    publicHasNoSecret: '{{name}} är ett publikt program: det har ingen hemlighet (det styrker sig med PKCE).',
  },
  idp: {
    notFound: 'Identitetsleverantören finns inte längre.',
    wrongKind: 'Identitetsleverantören är av en annan typ.',
    duplicateName: 'En annan identitetsleverantör heter redan ”{{name}}”.',
    hasDefaultRule:
      '”{{name}}” får standardregeln. Peka först standardregeln mot en annan identitetsleverantör.',
    hasRules:
      '”{{name}}” har fortfarande routningsregler. Inaktivera eller ta bort dem först, eller ta bort dem tillsammans med identitetsleverantören.',
    notSaml: 'Identitetsleverantören använder inte SAML.',
    notOidc: 'Identitetsleverantören använder inte OpenID Connect.',
  },
  saml: {
    acknowledgeLessSecure:
      'Metadatan är inte signerad med ett certifikat som leder till en offentlig rot. Bekräfta att konfigurationen är mindre säker för att fortsätta.',
    duplicateEntityId: '”{{name}}” använder redan IdP entity ID {{entityId}}.',
    sourceRequired: 'Ladda upp IdP-metadatan eller fyll i formuläret.',
    noMetadata: 'Identitetsleverantören angavs för hand; det finns ingen metadatafil.',
  },
  oidc: {
    secretRequiredForNewEndpoint:
      'Utfärdaren eller tokenslutpunkten har ändrats: ange klienthemligheten igen för att skicka den till den nya adressen.',
    secretRequired: 'Ange klienthemligheten som leverantören utfärdade för Tessera.',
    endSessionRequired:
      'Automatisk utloggning från sessionen kräver leverantörens slutpunkt för sessionsavslut. Ange den, eller stäng av reglaget.',
    insecureUrl:
      'Discovery-URL:en ”{{url}}” måste börja med https:// (http:// tillåts bara för 127.0.0.1 eller localhost).',
    badUrl:
      '”{{url}}” är ingen discovery-adress för OpenID Connect. Ange utfärdaren, till exempel https://idp.example.com, eller dess /.well-known/openid-configuration-adress.',
    unreachable:
      'Det gick inte att hämta OpenID-konfigurationen från {{url}}. Kontrollera adressen och att den här datorn når identitetsleverantören.',
    timeout: '{{url}} svarade inte inom {{seconds}} sekunder. Kontrollera adressen eller försök igen senare.',
    notJson:
      '{{url}} returnerade ingen OpenID-konfiguration (ett JSON-objekt). Kontrollera att det är discovery-adressen.',
    tooLarge: 'Dokumentet på {{url}} är större än {{maxKiB}} KiB, mycket mer än en OpenID-konfiguration.',
    issuerMismatch:
      'Identitetsleverantören anger sin utfärdare som ”{{actual}}”, men discovery-URL:en anger ”{{expected}}”. De måste stämma exakt.',
    missingField: 'OpenID-konfigurationen saknar ”{{field}}”.',
    insecureEndpoint:
      'Slutpunkten ”{{field}}” är ingen https://-adress (http:// tillåts bara för 127.0.0.1 eller localhost).',
    noCodeFlow:
      'Identitetsleverantören {{issuer}} erbjuder inte auktoriseringskodflödet; Tessera loggar bara in med det flödet.',
    noSupportedAlg:
      'Identitetsleverantören {{issuer}} signerar ID-token med {{announced}}; Tessera godtar bara RSA-, RSA-PSS-, ECDSA- och EdDSA-signaturer.',
    secretMissing:
      'Identitetsleverantörens klienthemlighet saknas i nyckelringen; ange den igen i dess inställningar.',
    templatedIssuer:
      'Utfärdaren ”{{issuer}}” är en mall för många klientorganisationer, inte en identitetsleverantör. Ange ert klient-ID (tenant ID) i URL:en i stället: {{suggestion}}.',
    noSupportedAuthMethod:
      'Identitetsleverantören {{issuer}} låter klienter autentisera sig mot tokenslutpunkten endast med {{announced}}; Tessera stöder client_secret_basic, client_secret_post och private_key_jwt.',
    authMethodNotOffered:
      'Identitetsleverantören erbjuder inte {{method}} vid tokenslutpunkten; den erbjuder {{offered}}. Välj en av dem.',
  },
  dns: {
    badResolver:
      '”{{value}}” är ingen DNS-serveradress. Ange en IP-adress, eventuellt med port: 1.1.1.1, 192.0.2.53:5353 eller [::1]:53.',
    badDomain: '”{{domain}}” är inget domännamn.',
    noRecord:
      'Det finns ingen TXT-post på {{recordName}}. Lägg till en TXT-post med namnet {{recordName}} och värdet {{token}} och verifiera sedan igen (nya poster kan dröja innan de syns).',
    tokenMismatch:
      '{{recordName}} har {{found}} TXT-post(er), men ingen är {{token}}. Kontrollera att värdet kopierades exakt.',
    timeout:
      'DNS-servern ({{resolver}}) svarade inte inom {{seconds}} sekunder. Kontrollera DNS-serverinställningen och nätverket.',
    failed:
      'Uppslagningen av {{recordName}} med {{resolver}} misslyckades ({{code}}). Försök igen eller använd en annan DNS-server.',
  },
  builtin: {
    exists: 'Den inbyggda identiteten har redan lagts till.',
    missing: 'Lägg först till den inbyggda identiteten.',
    duplicateUser: '{{email}} har redan ett inbyggt konto.',
    userNotFound: 'Användaren finns inte längre.',
  },
  sp: {
    noCertificate: 'Skapa eller importera SP-certifikatet först; metadatan innehåller det.',
    keyMissing: 'SP:ns privata nyckel saknas i nyckelringen; skapa ett nytt SP-certifikat.',
  },
  rule: {
    notFound: 'Routningsregeln finns inte längre.',
    idpMissing: 'Identitetsleverantören som regeln pekar på finns inte längre; välj en annan.',
    domainTaken: '{{domain}} routas redan av regeln ”{{rule}}”; en domän kan bara finnas i en regel.',
    defaultFixed:
      'Standardregeln kan inte inaktiveras eller tas bort; peka den mot en annan identitetsleverantör i stället.',
    leavesIdpWithoutRule: 'Efter ändringen har {{idps}} ingen aktiv routningsregel och ingen skickas dit.',
    tooMany: 'Det finns redan {{max}} routningsregler, det största antal Tessera sparar.',
    staleOrder: 'Reglerna ändrades medan du ordnade om dem; ordningen sparades inte. Försök igen.',
    noDefault: 'Det finns ingen standardregel än; lägg först till en identitetsleverantör.',
  },
};

/** Reasons the SAML metadata and certificate checks give, in Swedish. */
export const svSsoErrors: Pick<Messages['errors'], 'metadata' | 'certificate' | 'spMetadata'> = {
  metadata: {
    tooLarge: 'Filen är större än 1 MB, mycket mer än en identitetsleverantörs metadata.',
    doctype:
      'Filen innehåller en DOCTYPE- eller ENTITY-deklaration, som SAML-metadata aldrig behöver och som Tessera av säkerhetsskäl inte godtar. Ladda ned metadatan igen från identitetsleverantören.',
    notXml: 'Filen är inte välformad XML, så den kan inte vara SAML-metadata.',
    notEntityDescriptor: 'Den här XML-filen är inte SAML-metadata (roten är inte md:EntityDescriptor).',
    severalEntities: 'Den här filen beskriver {{count}} identitetsleverantörer. Välj den du lägger till.',
    templatedEntityId:
      'Entitets-ID:t ”{{entityId}}” är en mall för många klientorganisationer, inte en identitetsleverantör. Ange ert klient-ID (tenant ID) i URL:en i stället: {{suggestion}} – ladda ner er egen klientorganisations metadata, eller ange det entitets-ID:t i formuläret.',
    entityNotFound:
      'Den här filen beskriver inte identitetsleverantören {{entityId}}. Välj en av identitetsleverantörerna som den listar.',
    duplicateEntity:
      'Den här filen beskriver identitetsleverantören {{entityId}} mer än en gång. Be federationen om rättad metadata.',
    noIdpDescriptor:
      'Metadatan beskriver ingen SAML 2.0-identitetsleverantör (ingen IDPSSODescriptor). Kontrollera att det är identitetsleverantörens metadata och inte en tjänsteleverantörs.',
    noEntityId: 'Metadatan saknar entity ID.',
    invalidValidUntil: 'Metadatans validUntil-datum ”{{value}}” är inget giltigt datum.',
    expired: 'Metadatan gick ut {{validUntil}}. Ladda ned aktuell metadata från identitetsleverantören.',
    noSsoService:
      'Metadatan saknar slutpunkt för enkel inloggning med bindningen HTTP-Redirect eller HTTP-POST.',
    insecureEndpoint:
      'Slutpunkten ”{{location}}” är ingen https://-adress (http:// bara för 127.0.0.1 och localhost).',
    noSigningCertificate:
      'Metadatan saknar signeringscertifikat; be identitetsleverantören om fullständig metadata.',
    certificateMalformed: 'Signeringscertifikat {{position}} av {{count}} är inget giltigt X.509-certifikat.',
    certificateExpired:
      'Signeringscertifikat {{position}} av {{count}} gick ut {{notAfter}}. Be identitetsleverantören om aktuell metadata.',
    certificateNotYetValid:
      'Signeringscertifikat {{position}} av {{count}} är inte giltigt förrän {{notBefore}}.',
    certificateWeakKey:
      'Signeringscertifikat {{position}} av {{count}} har en för svag nyckel ({{keyAlgorithm}}).',
    signatureInvalid:
      'Metadatans signatur är inte giltig: filen kan ha ändrats efter att den signerades. Ladda ned den igen från identitetsleverantören.',
    weakSignature:
      'Metadatan är signerad med {{algorithm}}, som Tessera inte godtar; be om RSA-SHA256 eller bättre.',
    signatureNoCertificate:
      'Metadatan är signerad, men signaturen innehåller inget certifikat att kontrollera den med.',
    signerExpired: 'Certifikatet som signerade metadatan gick ut {{notAfter}}.',
    signerNotYetValid:
      'Certifikatet som signerade metadatan är inte giltigt förrän {{notBefore}}. Kontrollera datorns klocka.',
  },
  certificate: {
    malformed:
      'Det här är inget giltigt X.509-certifikat. Klistra in det i PEM-format (-----BEGIN CERTIFICATE----- …).',
    several: 'Texten innehåller mer än ett certifikat. Klistra bara in signeringscertifikatet.',
    tooLarge: 'Det här är för stort för att vara ett certifikat.',
    expired: 'Certifikatet gick ut {{notAfter}}.',
    notYetValid: 'Certifikatet är inte giltigt förrän {{notBefore}}.',
    weakKey:
      'Certifikatets nyckel ({{keyAlgorithm}}) är för svag eller stöds inte: använd RSA på minst 2048 bitar eller EC P-256.',
    commonName:
      'Certifikatets namn måste vara 1 till 64 tecken långt, utan citattecken, omvända snedstreck eller styrtecken.',
    noCertificate: 'Inget certifikat hittades.',
    noKey: 'Ingen privat nyckel hittades.',
    keyMalformed: 'Den privata nyckeln kunde inte läsas.',
    passphraseRequired: 'Den privata nyckeln är krypterad. Ange dess lösenfras.',
    wrongPassword: 'Lösenordet är fel: nyckeln eller filen kunde inte öppnas.',
    keyMismatch: 'Den privata nyckeln hör inte till certifikatet.',
    weakSignature:
      'Certifikatet {{subject}} är signerat med en svag hash. Be certifikatutfärdaren om ett som är signerat med SHA-256 eller bättre.',
    chainBroken: 'Kedjan är bruten: ange certifikatet först och sedan varje utfärdare i ordning.',
    chainExpired: 'Det mellanliggande certifikatet {{subject}} är inte giltigt nu.',
    untrustedChain:
      'Kedjan leder inte till en betrodd offentlig rot (det sista certifikatet utfärdades av {{issuer}}). Lägg till de mellanliggande certifikat som saknas, eller använd ett certifikat från en offentlig CA.',
  },
  spMetadata: {
    keyMalformed: 'SP:ns privata nyckel kan inte läsas.',
    keyMismatch: 'SP:ns privata nyckel hör inte till SP-certifikatet.',
    unsupportedKey:
      'SP-nyckeln kan inte signera metadata: den måste vara RSA (minst 2048 bitar) eller EC P-256.',
  },
};
