import type { Messages } from './en';

/** The admin console's words (Polish); pl.ts merges them. */
export const plAdmin: Pick<
  Messages,
  'common' | 'org' | 'idp' | 'saml' | 'oidc' | 'builtin' | 'rules' | 'sim' | 'mfa' | 'audit'
> = {
  common: {
    save: 'Zapisz',
    cancel: 'Anuluj',
    delete: 'Usuń',
    edit: 'Edytuj',
    editNamed: 'Edytuj {{name}}',
    deleteNamed: 'Usuń {{name}}',
    back: 'Wstecz',
    next: 'Dalej',
    copy: 'Kopiuj',
    copied: 'Skopiowano',
    close: 'Zamknij',
    skipToContent: 'Przejdź do głównej treści',
  },
  org: {
    title: 'Organizacja',
    name: 'Nazwa organizacji',
    id: 'Identyfikator organizacji',
    entityId: 'Identyfikator jednostki SP',
    signinPort: 'Port usługi logowania',
    signinPortHint: 'Na 127.0.0.1; dostawcy tożsamości otrzymują adresy URL z tym portem.',
    signinUrl: 'Adres logowania',
    signinStopped: 'Usługa logowania nie działa',
    resolver: 'Serwer DNS do weryfikacji',
    resolverHint: 'Adres IP, opcjonalnie z portem. Puste: systemowe serwery DNS.',
    saved: 'Zapisano ustawienia organizacji.',
    domains: 'Domeny',
    domainsHelp:
      'Zweryfikuj każdą domenę używaną w adresach e-mail Twoich użytkowników, a potem ją zastrzeż: przy logowaniu konta są tworzone tylko dla użytkowników z zastrzeżonych domen.',
    addDomain: 'Domena',
    addDomainButton: 'Dodaj domenę',
    domainInvalid: 'Podaj nazwę domeny, np. example.com.',
    noDomains: 'Nie ma jeszcze domen.',
    domain: 'Domena',
    status: 'Stan',
    claimed: 'Zastrzeżona',
    claimLabel: 'Zastrzeż domenę {{domain}}',
    verified: 'Zweryfikowana',
    pending: 'Niezweryfikowana',
    verify: 'Zweryfikuj',
    verifiedToast: 'Domena {{domain}} została zweryfikowana.',
    deleteDomain: 'Usuń domenę {{domain}}',
    deleteDomainBody:
      'Domena zostanie usunięta z organizacji; aby dodać ją ponownie, trzeba ją znowu zweryfikować.',
    addRecord: 'Dodaj ten rekord TXT u swojego dostawcy DNS, a następnie wybierz Zweryfikuj:',
    recordName: 'Nazwa',
  },
  idp: {
    title: 'Dostawcy tożsamości',
    add: 'Dodaj dostawcę tożsamości',
    addSaml: 'SAML 2.0',
    addOidc: 'OpenID Connect',
    addBuiltin: 'Wbudowana tożsamość',
    empty: 'Nie ma jeszcze dostawców tożsamości. Pierwszy dodany otrzyma domyślną regułę routingu.',
    ssoSwitch: 'Logowanie jednokrotne',
    ssoSwitchOff:
      'Wyłączone: nikt nie jest kierowany do dostawcy SAML ani OpenID Connect; wbudowana tożsamość nadal działa.',
    ssoSwitchOn:
      'Włączone: osoby są kierowane do aktywowanych dostawców SAML i OpenID Connect wskazanych przez ich reguły routingu.',
    ssoOnTitle: 'Włączyć logowanie jednokrotne?',
    ssoOnBody:
      'Aktywowani dostawcy tożsamości z aktywną regułą routingu zostaną użyci przy następnym logowaniu.',
    ssoOn: 'Włącz',
    ssoOffTitle: 'Wyłączyć logowanie jednokrotne dla wszystkich dostawców tożsamości?',
    ssoOffBody:
      'Nikt nie będzie mógł logować się przez dostawcę SAML ani OpenID Connect, dopóki ponownie go nie włączysz. Konfiguracja zostanie zachowana.',
    ssoOff: 'Wyłącz SSO',
    kind: { saml: 'SAML', oidc: 'OpenID Connect', builtin: 'Wbudowany' },
    status: {
      live: 'Aktywny',
      'not-activated': 'Nieaktywowany',
      'no-active-rule': 'Nieaktywny: brak aktywnej reguły',
      'sso-off': 'Nieaktywny: SSO wyłączone',
    },
    lessSecure: 'Mniej bezpieczne metadane',
    builtinDetail: 'Hasła przechowywane przez Tesserę',
    rulesCount_one: '{{count}} reguła routingu',
    rulesCount_few: '{{count}} reguły routingu',
    rulesCount_many: '{{count}} reguł routingu',
    rulesCount_other: '{{count}} reguły routingu',
    actions: 'Akcje dla {{name}}',
    activate: 'Aktywuj',
    activateTitle: 'Aktywować {{name}}?',
    activateBody:
      'Po aktywacji osoby, do których pasują jego reguły routingu, zostaną do niego skierowane przy następnym logowaniu. Przetestuj go przed aktywacją.',
    deactivate: 'Dezaktywuj',
    deactivateTitle: 'Dezaktywować {{name}}?',
    deactivateBody:
      'Nikt nie będzie już do niego kierowany; jego reguły pozostaną, a reguła domyślna zostanie pominięta.',
    downloadMetadata: 'Pobierz jego metadane',
    deleteTitle: 'Usunąć {{name}}?',
    deleteBody: 'Jego konfiguracja zostanie trwale usunięta, a klucz tajny klienta – usunięty z pęku kluczy.',
    deleteHasDefault:
      'Otrzymuje regułę domyślną. Najpierw skieruj regułę domyślną do innego dostawcy tożsamości (Reguły routingu), chyba że to jedyny dostawca.',
    deleteHasRules_one: 'Nadal ma {{count}} regułę routingu: {{rules}}.',
    deleteHasRules_few: 'Nadal ma {{count}} reguły routingu: {{rules}}.',
    deleteHasRules_many: 'Nadal ma {{count}} reguł routingu: {{rules}}.',
    deleteHasRules_other: 'Nadal ma {{count}} reguły routingu: {{rules}}.',
    deleteRulesToo: 'Usuń także te reguły',
    deleteBuiltinUsers: 'Jego lokalni użytkownicy i ich hasła również zostaną usunięci.',
    deleteConfirm: 'Usuń dostawcę tożsamości',
  },
  saml: {
    title: 'Dodaj dostawcę tożsamości SAML',
    editTitle: 'Edytuj {{name}}',
    stepCertificate: 'Certyfikat SP',
    stepSpMetadata: 'Metadane SP',
    stepIdpMetadata: 'Metadane IdP',
    stepSettings: 'Ustawienia',
    certificateHelp:
      'Tessera podpisuje swoje żądania tym certyfikatem. Zalecany jest certyfikat samopodpisany (ważny 5 lat); certyfikat podpisany przez CA trzeba przy każdym odnowieniu ponownie wysłać do każdego IdP.',
    certificateCurrent: 'Bieżący certyfikat SP',
    certificateNone: 'Nie ma jeszcze certyfikatu SP: utwórz lub zaimportuj certyfikat.',
    certKind: { 'self-signed': 'Samopodpisany', 'ca-signed': 'Podpisany przez CA' },
    validUntil: 'ważny do {{date}}',
    certGenerate: 'Samopodpisany',
    certImportPem: 'Podpisany przez CA (PEM)',
    certImportPkcs12: 'Podpisany przez CA (PKCS#12)',
    keyType: 'Typ klucza',
    keyTypes: { 'rsa-2048': 'RSA 2048', 'rsa-3072': 'RSA 3072', 'p-256': 'ECDSA P-256' },
    certGenerateButton: 'Utwórz certyfikat',
    certRegenerate: 'Zastąp nowym certyfikatem',
    certChainPem: 'Certyfikat i łańcuch (PEM)',
    certChainPemHint: 'Najpierw certyfikat, potem jego certyfikaty pośrednie.',
    privateKeyPem: 'Klucz prywatny (PEM)',
    keyPassphrase: 'Hasło klucza (jeśli jest zaszyfrowany)',
    pkcs12File: 'Plik PKCS#12 (.p12, .pfx)',
    pkcs12Password: 'Hasło pliku',
    pkcs12TooLarge: 'Ten plik jest za duży, by być certyfikatem.',
    certImportButton: 'Importuj certyfikat',
    spMetadataHelp:
      'Przekaż te metadane administratorowi dostawcy tożsamości albo wpisz tam ręcznie poniższe wartości.',
    spEntityId: 'Identyfikator jednostki (Entity ID)',
    acsUrl: 'Usługa odbioru asercji (Assertion Consumer Service, HTTP-POST)',
    signMetadata: 'Podpisz metadane',
    downloadSpMetadata: 'Pobierz metadane SP',
    upload: 'Prześlij metadane',
    manual: 'Wpisz ręcznie',
    keepCurrent: 'Bieżące metadane zostaną zachowane, chyba że prześlesz nowe.',
    dropMetadata: 'Upuść tu plik metadanych IdP albo kliknij, aby go wybrać',
    dropMetadataHint: 'Plik XML o rozmiarze do 1 MB.',
    chooseEntity: 'Dostawca tożsamości z tego pliku',
    chooseEntityHint:
      'Plik {{file}} opisuje kilku dostawców tożsamości ({{count}}; metadane federacji). Wybierz tego, którego dodajesz; sprawdzany jest podpis całego pliku.',
    chooseEntityPlaceholder: 'Wybierz dostawcę tożsamości',
    entityId: 'Identyfikator jednostki IdP',
    ssoUrl: 'Adres URL logowania jednokrotnego',
    binding: 'Powiązanie',
    sloUrl: 'Adres URL wylogowania jednokrotnego (opcjonalnie)',
    signingCertificate: 'Certyfikat podpisywania (PEM)',
    signingCertificateHint: 'Certyfikat, którym IdP podpisuje swoje asercje.',
    signingCertificateN: 'Certyfikat podpisywania {{n}}',
    name: 'Nazwa',
    userIdAttribute: 'Atrybut identyfikatora użytkownika',
    userIdAttributeHint: 'Atrybut SAML zawierający identyfikator użytkownika (np. uid, email lub upn).',
    acknowledge: 'Rozumiem, że ta konfiguracja jest mniej bezpieczna, i chcę jej używać.',
    notLiveYet: 'Zapisanie nie wprowadza go do użytku: zacznie działać dopiero po aktywacji.',
    trust: {
      'public-root': 'Bezpieczniej: podpisane przez publiczny urząd certyfikacji',
      'self-signed': 'Mniej bezpiecznie: podpisane certyfikatem samopodpisanym',
      unsigned: 'Mniej bezpiecznie: metadane nie są podpisane',
      manual: 'Mniej bezpiecznie: wpisane ręcznie',
    },
    trustBody: {
      'public-root': 'Podpis metadanych prowadzi do certyfikatu głównego, któremu ten komputer ufa.',
      'self-signed':
        'Podpis jest prawidłowy, ale taki certyfikat może utworzyć każdy; sprawdź, czy plik pochodzi od administratora Twojego IdP.',
      unsigned:
        'Nic nie potwierdza pochodzenia tego pliku; sprawdź, czy pochodzi od administratora Twojego IdP.',
      manual: 'Nic nie potwierdza pochodzenia tych wartości; sprawdź je z administratorem Twojego IdP.',
    },
  },
  oidc: {
    title: 'Dodaj dostawcę tożsamości OpenID Connect',
    editTitle: 'Edytuj {{name}}',
    name: 'Nazwa',
    redirectUri: 'Identyfikator URI przekierowania do zarejestrowania u dostawcy',
    postLogoutRedirectUri: 'Identyfikator URI przekierowania po wylogowaniu do zarejestrowania u dostawcy',
    clientId: 'Identyfikator klienta',
    clientSecret: 'Klucz tajny klienta',
    clientSecretHint: 'Przechowywany w systemowym pęku kluczy; Tessera nigdy go już nie pokaże.',
    clientSecretKeep: 'W pęku kluczy jest zapisany klucz tajny. Pozostaw puste, aby go zachować.',
    scopes: 'Zakresy',
    scopesHint: 'Musi zawierać openid. Naciśnij Enter po każdym.',
    discovery: 'Adres URL discovery',
    manual: 'Wpisz punkty końcowe ręcznie',
    discoveryUrl: 'Adres URL discovery lub wystawca',
    fetch: 'Pobierz',
    field: {
      issuer: 'Wystawca',
      authorizationEndpoint: 'Punkt końcowy autoryzacji',
      tokenEndpoint: 'Punkt końcowy tokenu',
      jwksUri: 'JWKS URI',
      userinfoEndpoint: 'Punkt końcowy userinfo',
      endSessionEndpoint: 'Punkt końcowy zakończenia sesji',
    },
    automaticLogout: 'Zezwalaj na automatyczne wylogowanie z sesji',
    automaticLogoutHint:
      'Wylogowanie z Tessery kończy też sesję u dostawcy (wymaga jego punktu końcowego zakończenia sesji).',
    noEndSession:
      'Ten dostawca nie udostępnia punktu końcowego zakończenia sesji, więc automatyczne wylogowanie nie może działać.',
    authMethod: 'Uwierzytelnianie w punkcie końcowym tokenów',
    authMethodHint:
      'Jak Tessera udowadnia, że jest tym klientem, gdy wymienia kod. Użyj metody, z którą klient jest zarejestrowany u dostawcy; lista pokazuje, co oferuje dostawca.',
    authMethods: {
      client_secret_basic: 'Klucz tajny klienta w nagłówku HTTP Basic (client_secret_basic)',
      client_secret_post: 'Klucz tajny klienta w treści żądania (client_secret_post)',
      private_key_jwt: 'JWT podpisany kluczem Tessery (private_key_jwt)',
    },
    keyOnSave:
      'Tessera utworzy swój klucz podczas zapisywania: klucz prywatny pozostaje w systemowym pęku kluczy. Następnie otwórz ponownie tego dostawcę tożsamości, aby skopiować klucz publiczny (JWKS) i zarejestrować go u dostawcy.',
    keyRegister:
      'Zarejestruj ten klucz publiczny (JWKS) dla klienta u dostawcy. Klucz prywatny pozostaje w systemowym pęku kluczy.',
    jwks: 'Klucz publiczny Tessery (JWKS)',
    copyJwks: 'Kopiuj JWKS',
    jwksCopied: 'Skopiowano JWKS',
    jwksUrl: 'Opublikowany również pod adresem',
  },
  builtin: {
    title: 'Dodaj wbudowaną tożsamość',
    intro: 'W przypadku wbudowanej tożsamości Tessera sama sprawdza hasła użytkowników:',
    point1: 'Tutaj tworzysz konto każdej osoby i przekazujesz jej hasło.',
    point2: 'Hasła są przechowywane wyłącznie jako skróty Argon2id w zaszyfrowanej bazie danych Tessery.',
    point3: 'Grupy nie są tu zarządzane; trafiają przez JIT od innych dostawców tożsamości.',
    acknowledge: 'Rozumiem, jak działa wbudowana tożsamość.',
    defaultRule: 'Jako pierwszy dostawca tożsamości otrzyma domyślną regułę routingu.',
    withRule: 'Dodaj teraz dla niej regułę routingu',
    ruleName: 'Wbudowana tożsamość',
    add: 'Dodaj wbudowaną tożsamość',
    users: 'Wbudowana tożsamość: użytkownicy',
    addUser: 'Dodaj użytkownika',
    addUserButton: 'Dodaj',
    noUsers: 'Nie ma jeszcze użytkowników.',
    email: 'E-mail',
    displayName: 'Nazwa wyświetlana',
    password: 'Hasło',
    passwordHint: 'Co najmniej {{min}} znaków.',
    passwordShort: 'Użyj co najmniej {{min}} znaków.',
    deleteUser: 'Usuń {{email}}',
    deleteUserBody: 'Konto i jego hasło zostaną usunięte; ta osoba nie będzie mogła się już nim logować.',
  },
  rules: {
    title: 'Reguły routingu',
    help: 'Reguły są sprawdzane od góry; pierwsza pasująca aktywna reguła wskazuje dostawcę tożsamości. Wszyscy pozostali trafiają do reguły domyślnej.',
    add: 'Dodaj regułę',
    addTitle: 'Dodaj regułę routingu',
    editTitle: 'Edytuj {{name}}',
    addButton: 'Dodaj',
    addedInactive: 'Nowe reguły są dodawane jako nieaktywne; aktywuj regułę na liście, gdy będzie gotowa.',
    noIdps: 'Najpierw dodaj dostawcę tożsamości.',
    table: 'Reguły routingu według priorytetu',
    name: 'Nazwa',
    type: 'Typ',
    typeDomain: 'Według domeny e-mail',
    typeGroup: 'Według grupy',
    typeDomainShort: 'Domeny',
    typeGroupShort: 'Grupy',
    domains: 'Domeny',
    groups: 'Grupy',
    valuesHint: 'Naciśnij Enter lub przecinek po każdej wartości.',
    matches: 'Dopasowanie',
    idp: 'Dostawca tożsamości',
    mfa: 'MFA',
    mfaChoice: {
      keep: 'Zachowaj bieżący stan MFA (obowiązują zasady organizacji)',
      override: 'Zastąp stan MFA dla tej reguły',
      enable: 'Włącz MFA tylko dla tej reguły',
    },
    mfaShort: { keep: 'Zasady', override: 'Zastąpione', enable: 'Wymagane' },
    mfaRequired: 'Wymagaj MFA od osób kierowanych przez tę regułę',
    on: 'wł.',
    off: 'wył.',
    active: 'Aktywna',
    activeLabel: '{{name}} jest aktywna',
    alwaysActive: 'Zawsze aktywna',
    defaultName: 'Reguła domyślna',
    defaultIdp: 'Dostawca tożsamości reguły domyślnej',
    everyoneElse: 'Wszyscy pozostali',
    moveUp: 'Przesuń {{name}} w górę',
    moveDown: 'Przesuń {{name}} w dół',
    edit: 'Edytuj {{name}}',
    deleteLabel: 'Usuń {{name}}',
    deactivate: 'Dezaktywuj',
    deactivateTitle: 'Dezaktywować {{name}}?',
    deactivateBody: 'Osoby, do których pasuje, trafią do następnej pasującej do nich reguły.',
    delete: 'Usuń',
    deleteTitle: 'Usunąć {{name}}?',
    deleteBody: 'Reguła zostanie trwale usunięta.',
    orphanTitle: 'Zostawić dostawcę tożsamości bez aktywnej reguły?',
    orphanConfirm: 'Kontynuuj',
    orphanWarning: 'Po tej zmianie bez aktywnej reguły zostanie: {{idps}}. Nikt nie będzie tam kierowany.',
  },
  sim: {
    title: 'Symulator routingu',
    email: 'E-mail',
    groups: 'Grupy',
    application: 'Aplikacja',
    noApplication: 'Brak',
    optedIn: 'Osoba włączyła MFA',
    run: 'Symuluj',
    matched: 'Reguła „{{rule}}” kieruje {{email}} do dostawcy {{idp}}.',
    noMatch:
      'Do {{email}} nie ma zastosowania żadna aktywna reguła z aktywnym dostawcą tożsamości: ta osoba nie może się zalogować.',
    mfaRequired: 'MFA wymagane',
    mfaNotRequired: 'Bez MFA',
    mfaReason: {
      'rule-enables': 'Reguła włącza MFA dla kierowanych przez nią osób.',
      'rule-override-on': 'Reguła zastępuje zasady i wymaga MFA.',
      'rule-override-off': 'Reguła zastępuje zasady i nie wymaga MFA.',
      'org-mandatory-beats-override':
        'Reguła wyłącza MFA, ale MFA jest obowiązkowe w całej organizacji, a tego reguła nie może zastąpić.',
      'org-off': 'MFA jest wyłączone w organizacji.',
      'org-mandatory': 'MFA jest obowiązkowe w całej organizacji.',
      'application-mandatory': 'Ta aplikacja wymaga MFA.',
      'user-opted-in': 'Osoba sama włączyła MFA.',
      'not-required': 'Nic w zasadach nie wymaga tu MFA.',
    },
    otherRule: 'Inna reguła',
    why: 'Dlaczego nie miała zastosowania',
    miss: {
      inactive: 'Nie jest aktywna.',
      'idp-not-live': 'Jej dostawca tożsamości nie jest aktywny (lub SSO jest wyłączone).',
      'domain-differs': 'Domena e-mail nie jest jedną z jej domen.',
      'no-group-in-common': 'Osoba nie należy do żadnej z jej grup.',
      'earlier-rule-matched': 'Też pasuje, ale wcześniejsza reguła była pierwsza.',
    },
  },
  mfa: {
    title: 'Zasady MFA',
    enabled: 'Uwierzytelnianie wieloskładnikowe',
    enabledHint:
      'Logowanie prosi o kod z aplikacji uwierzytelniającej tam, gdzie wymagają tego poniższe ustawienia.',
    allowPerUser: 'Zezwalaj na MFA dla poszczególnych użytkowników',
    allowPerUserHint: 'Użytkownicy mogą sami włączyć MFA w swoim profilu.',
    mandatoryForApplications: 'Obowiązkowe dla wybranych aplikacji',
    mandatoryForApplicationsHint: 'Aplikacje z włączonym przełącznikiem „Wymagaj MFA” zawsze proszą o kod.',
    mandatoryForOrganization: 'Obowiązkowe dla całej organizacji',
    mandatoryForOrganizationHint:
      'Wszyscy, we wszystkich aplikacjach; użytkownicy nie mogą już tego wyłączyć.',
    perApplication: 'To, które aplikacje wymagają MFA, ustawia się dla każdej aplikacji w sekcji Aplikacje.',
  },
  audit: {
    title: 'Dziennik audytu',
    filter: 'Filtr',
    filterHint: 'Akcja lub obiekt, np. idp lub example.com',
    empty: 'Brak zarejestrowanych zmian.',
    before: 'Przed',
    after: 'Po',
    more: 'Pokaż starsze zmiany',
    actor: 'Administrator tego komputera',
    outcome: 'Zastosowano',
    outcomeHint: 'Zapisywane są tylko zmiany, które zostały zachowane; odrzucona zmiana nie zostawia śladu.',
    actions: {
      application: {
        add: 'Dodano aplikację',
        update: 'Zmieniono aplikację',
        delete: 'Usunięto aplikację',
      },
      builtin: {
        user: {
          add: 'Dodano użytkownika lokalnego',
          delete: 'Usunięto użytkownika lokalnego',
        },
        users: {
          delete: 'Usunięto użytkowników lokalnych',
        },
      },
      directory: {
        settings: 'Zmieniono ustawienia katalogu',
        user: {
          'reset-mfa': 'Zresetowano MFA użytkownika',
        },
      },
      domain: {
        add: 'Dodano domenę',
        claim: 'Zmieniono przejęcie domeny',
        delete: 'Usunięto domenę',
        verify: 'Zweryfikowano domenę',
      },
      idp: {
        add: 'Dodano dostawcę tożsamości',
        update: 'Zmieniono dostawcę tożsamości',
        activate: 'Aktywowano dostawcę tożsamości',
        deactivate: 'Dezaktywowano dostawcę tożsamości',
        delete: 'Usunięto dostawcę tożsamości',
        jit: 'Zmieniono JIT i mapowanie atrybutów',
      },
      mfa: {
        policy: 'Zmieniono zasady MFA',
      },
      org: {
        update: 'Zmieniono ustawienia organizacji',
      },
      rule: {
        add: 'Dodano regułę routingu',
        update: 'Zmieniono regułę routingu',
        activate: 'Aktywowano regułę routingu',
        deactivate: 'Dezaktywowano regułę routingu',
        default: 'Przekierowano regułę domyślną',
        delete: 'Usunięto regułę routingu',
        reorder: 'Zmieniono kolejność reguł routingu',
      },
      sp: {
        certificate: 'Zmieniono certyfikat SP',
      },
      sso: {
        setEnabled: 'Przełączono logowanie jednokrotne',
      },
    },
  },
};

/** Reasons the admin services give (errors.<reason>), in Polish. */
export const plAdminErrors: Pick<
  Messages['errors'],
  'domain' | 'application' | 'idp' | 'saml' | 'oidc' | 'dns' | 'builtin' | 'sp' | 'rule'
> = {
  domain: {
    notFound: 'Domeny {{domain}} nie ma na liście.',
    duplicate: 'Domena {{domain}} jest już na liście.',
    notVerified:
      'Zweryfikuj domenę {{domain}}, zanim ją zastrzeżesz: dodaj pokazany rekord TXT, a następnie wybierz Zweryfikuj.',
  },
  application: {
    duplicateKey: 'Inna aplikacja używa już identyfikatora klienta „{{key}}”.',
    notFound: 'Ta aplikacja już nie istnieje.',
    unknown: 'Żadna aplikacja nie ma identyfikatora „{{key}}”.',
    publicHasNoSecret:
      '{{name}} to aplikacja publiczna: nie ma klucza tajnego (potwierdza swoją tożsamość przez PKCE).',
  },
  idp: {
    notFound: 'Ten dostawca tożsamości już nie istnieje.',
    wrongKind: 'Ten dostawca tożsamości jest innego rodzaju.',
    duplicateName: 'Inny dostawca tożsamości ma już nazwę „{{name}}”.',
    hasDefaultRule:
      '„{{name}}” otrzymuje regułę domyślną. Najpierw skieruj regułę domyślną do innego dostawcy tożsamości.',
    hasRules:
      '„{{name}}” nadal ma reguły routingu. Najpierw je dezaktywuj lub usuń albo usuń je razem z dostawcą tożsamości.',
    notSaml: 'Ten dostawca tożsamości nie używa SAML.',
    notOidc: 'Ten dostawca tożsamości nie używa OpenID Connect.',
  },
  saml: {
    acknowledgeLessSecure:
      'Te metadane nie są podpisane certyfikatem prowadzącym do publicznego certyfikatu głównego. Aby kontynuować, potwierdź, że ta konfiguracja jest mniej bezpieczna.',
    duplicateEntityId: '„{{name}}” używa już entity ID IdP {{entityId}}.',
    sourceRequired: 'Prześlij metadane IdP lub wypełnij formularz.',
    noMetadata: 'Ten dostawca tożsamości został wpisany ręcznie; nie ma pliku metadanych.',
  },
  oidc: {
    secretRequiredForNewEndpoint:
      'Zmienił się wystawca lub punkt końcowy tokenu: wpisz ponownie klucz tajny klienta, aby wysłać go pod nowy adres.',
    secretRequired: 'Podaj klucz tajny klienta wydany przez dostawcę dla Tessery.',
    endSessionRequired:
      'Automatyczne wylogowanie z sesji wymaga punktu końcowego zakończenia sesji dostawcy. Podaj go albo wyłącz przełącznik.',
    insecureUrl:
      'Adres URL discovery „{{url}}” musi zaczynać się od https:// (http:// jest dozwolone tylko dla 127.0.0.1 lub localhost).',
    badUrl:
      '„{{url}}” nie jest adresem discovery OpenID Connect. Podaj wystawcę, np. https://idp.example.com, lub jego adres /.well-known/openid-configuration.',
    unreachable:
      'Nie udało się pobrać konfiguracji OpenID z {{url}}. Sprawdź adres i to, czy ten komputer może połączyć się z dostawcą tożsamości.',
    timeout:
      'Serwer {{url}} nie odpowiedział w ciągu {{seconds}} s. Sprawdź adres lub spróbuj ponownie później.',
    notJson:
      'Serwer {{url}} nie zwrócił konfiguracji OpenID (obiektu JSON). Sprawdź, czy to adres discovery.',
    tooLarge:
      'Dokument pod adresem {{url}} jest większy niż {{maxKiB}} KiB, znacznie większy niż konfiguracja OpenID.',
    issuerMismatch:
      'Dostawca tożsamości podaje jako wystawcę „{{actual}}”, ale adres URL discovery wskazuje „{{expected}}”. Muszą być dokładnie takie same.',
    missingField: 'W konfiguracji OpenID brakuje pola „{{field}}”.',
    insecureEndpoint:
      'Punkt końcowy „{{field}}” nie jest adresem https:// (http:// jest dozwolone tylko dla 127.0.0.1 lub localhost).',
    noCodeFlow:
      'Dostawca tożsamości {{issuer}} nie oferuje przepływu kodu autoryzacji; Tessera loguje tylko przy użyciu tego przepływu.',
    noSupportedAlg:
      'Dostawca tożsamości {{issuer}} podpisuje tokeny ID algorytmem {{announced}}; Tessera akceptuje tylko podpisy RSA, RSA-PSS, ECDSA i EdDSA.',
    secretMissing:
      'W pęku kluczy brakuje klucza tajnego klienta tego dostawcy tożsamości; wpisz go ponownie w jego ustawieniach.',
    templatedIssuer:
      'Wystawca „{{issuer}}” to szablon dla wielu dzierżaw, a nie jeden dostawca tożsamości. Zamiast tego wpisz w adresie URL identyfikator swojej dzierżawy (tenant ID): {{suggestion}}.',
    noSupportedAuthMethod:
      'Dostawca tożsamości {{issuer}} pozwala klientom uwierzytelniać się w punkcie końcowym tokenów tylko metodami {{announced}}; Tessera obsługuje client_secret_basic, client_secret_post i private_key_jwt.',
    authMethodNotOffered:
      'Dostawca tożsamości nie oferuje metody {{method}} w punkcie końcowym tokenów; oferuje: {{offered}}. Wybierz jedną z nich.',
  },
  dns: {
    badResolver:
      '„{{value}}” nie jest adresem serwera DNS. Podaj adres IP, opcjonalnie z portem: 1.1.1.1, 192.0.2.53:5353 lub [::1]:53.',
    badDomain: '„{{domain}}” nie jest nazwą domeny.',
    noRecord:
      'Pod nazwą {{recordName}} nie ma rekordu TXT. Dodaj rekord TXT o nazwie {{recordName}} i wartości {{token}}, a następnie zweryfikuj ponownie (nowe rekordy mogą pojawić się z opóźnieniem).',
    tokenMismatch:
      'Liczba rekordów TXT pod nazwą {{recordName}}: {{found}}, ale żaden nie ma wartości {{token}}. Sprawdź, czy wartość została skopiowana dokładnie.',
    timeout:
      'Serwer DNS ({{resolver}}) nie odpowiedział w ciągu {{seconds}} s. Sprawdź ustawienie serwera DNS i sieć.',
    failed:
      'Wyszukiwanie {{recordName}} przez {{resolver}} nie powiodło się ({{code}}). Spróbuj ponownie lub użyj innego serwera DNS.',
  },
  builtin: {
    exists: 'Wbudowana tożsamość została już dodana.',
    missing: 'Najpierw dodaj wbudowaną tożsamość.',
    duplicateUser: '{{email}} ma już konto wbudowane.',
    userNotFound: 'Ten użytkownik już nie istnieje.',
  },
  sp: {
    noCertificate: 'Najpierw utwórz lub zaimportuj certyfikat SP; metadane go zawierają.',
    keyMissing: 'W pęku kluczy brakuje klucza prywatnego SP; utwórz nowy certyfikat SP.',
  },
  rule: {
    notFound: 'Ta reguła routingu już nie istnieje.',
    idpMissing: 'Dostawca tożsamości, na który wskazuje ta reguła, już nie istnieje; wybierz innego.',
    domainTaken:
      'Domena {{domain}} jest już kierowana przez regułę „{{rule}}”; domena może należeć tylko do jednej reguły.',
    defaultFixed:
      'Reguły domyślnej nie można dezaktywować ani usunąć; zamiast tego skieruj ją do innego dostawcy tożsamości.',
    leavesIdpWithoutRule:
      'Po tej zmianie bez aktywnej reguły routingu zostanie: {{idps}}. Nikt nie będzie tam kierowany.',
    tooMany: 'Istnieje już {{max}} reguł routingu – to najwięcej, ile Tessera przechowuje.',
    staleOrder:
      'Reguły zmieniły się podczas zmiany ich kolejności; kolejność nie została zapisana. Spróbuj ponownie.',
    noDefault: 'Nie ma jeszcze reguły domyślnej; najpierw dodaj dostawcę tożsamości.',
  },
};

/** Reasons the SAML metadata and certificate checks give, in Polish. */
export const plSsoErrors: Pick<Messages['errors'], 'metadata' | 'certificate' | 'spMetadata'> = {
  metadata: {
    tooLarge: 'Ten plik jest większy niż 1 MB, znacznie większy niż metadane jednego dostawcy tożsamości.',
    doctype:
      'Ten plik zawiera deklarację DOCTYPE lub ENTITY, której metadane SAML nigdy nie potrzebują i którą Tessera odrzuca ze względów bezpieczeństwa. Pobierz metadane ponownie od dostawcy tożsamości.',
    notXml:
      'Ten plik nie jest poprawnie sformułowanym dokumentem XML, więc nie może zawierać metadanych SAML.',
    notEntityDescriptor:
      'Ten dokument XML nie zawiera metadanych SAML (jego elementem głównym nie jest md:EntityDescriptor).',
    severalEntities:
      'Ten plik opisuje kilku dostawców tożsamości ({{count}}). Wybierz tego, którego dodajesz.',
    templatedEntityId:
      'Identyfikator jednostki „{{entityId}}” to szablon dla wielu dzierżaw, a nie jeden dostawca tożsamości. Zamiast tego wpisz w adresie URL identyfikator swojej dzierżawy (tenant ID): {{suggestion}} — pobierz metadane własnej dzierżawy albo wpisz ten identyfikator jednostki w formularzu.',
    entityNotFound:
      'Ten plik nie opisuje dostawcy tożsamości {{entityId}}. Wybierz jednego z wymienionych w nim dostawców tożsamości.',
    duplicateEntity:
      'Ten plik opisuje dostawcę tożsamości {{entityId}} więcej niż raz. Poproś federację o poprawione metadane.',
    noIdpDescriptor:
      'Te metadane nie opisują dostawcy tożsamości SAML 2.0 (brak IDPSSODescriptor). Sprawdź, czy to metadane dostawcy tożsamości, a nie dostawcy usług.',
    noEntityId: 'W metadanych brakuje entity ID.',
    invalidValidUntil: 'Data validUntil w metadanych („{{value}}”) nie jest prawidłową datą.',
    expired: 'Te metadane wygasły {{validUntil}}. Pobierz aktualne metadane od dostawcy tożsamości.',
    noSsoService:
      'W metadanych nie ma punktu końcowego logowania jednokrotnego z powiązaniem HTTP-Redirect lub HTTP-POST.',
    insecureEndpoint:
      'Punkt końcowy „{{location}}” nie jest adresem https:// (http:// tylko dla 127.0.0.1 i localhost).',
    noSigningCertificate:
      'W metadanych nie ma certyfikatu podpisywania; poproś dostawcę tożsamości o pełne metadane.',
    certificateMalformed:
      'Certyfikat podpisywania {{position}} z {{count}} nie jest prawidłowym certyfikatem X.509.',
    certificateExpired:
      'Certyfikat podpisywania {{position}} z {{count}} wygasł {{notAfter}}. Poproś dostawcę tożsamości o aktualne metadane.',
    certificateNotYetValid:
      'Certyfikat podpisywania {{position}} z {{count}} jest ważny dopiero od {{notBefore}}.',
    certificateWeakKey:
      'Certyfikat podpisywania {{position}} z {{count}} ma zbyt słaby klucz ({{keyAlgorithm}}).',
    signatureInvalid:
      'Podpis metadanych jest nieprawidłowy: plik mógł zostać zmieniony po podpisaniu. Pobierz go ponownie od dostawcy tożsamości.',
    weakSignature:
      'Metadane są podpisane algorytmem {{algorithm}}, którego Tessera nie akceptuje; poproś o RSA-SHA256 lub silniejszy.',
    signatureNoCertificate:
      'Metadane są podpisane, ale podpis nie zawiera certyfikatu, którym można go sprawdzić.',
    signerExpired: 'Certyfikat, którym podpisano te metadane, wygasł {{notAfter}}.',
    signerNotYetValid:
      'Certyfikat, którym podpisano te metadane, jest ważny dopiero od {{notBefore}}. Sprawdź zegar tego komputera.',
  },
  certificate: {
    malformed:
      'To nie jest prawidłowy certyfikat X.509. Wklej go w formacie PEM (-----BEGIN CERTIFICATE----- …).',
    several: 'Ten tekst zawiera więcej niż jeden certyfikat. Wklej tylko certyfikat podpisywania.',
    tooLarge: 'To jest za duże, by być certyfikatem.',
    expired: 'Ten certyfikat wygasł {{notAfter}}.',
    notYetValid: 'Ten certyfikat jest ważny dopiero od {{notBefore}}.',
    weakKey:
      'Klucz certyfikatu ({{keyAlgorithm}}) jest zbyt słaby lub nieobsługiwany: użyj klucza RSA o długości co najmniej 2048 bitów lub EC P-256.',
    commonName:
      'Nazwa certyfikatu musi mieć od 1 do 64 znaków, bez cudzysłowów, ukośników odwrotnych i znaków sterujących.',
    noCertificate: 'Nie znaleziono certyfikatu.',
    noKey: 'Nie znaleziono klucza prywatnego.',
    keyMalformed: 'Nie udało się odczytać klucza prywatnego.',
    passphraseRequired: 'Klucz prywatny jest zaszyfrowany. Podaj jego hasło.',
    wrongPassword: 'Hasło jest nieprawidłowe: nie udało się otworzyć klucza ani pliku.',
    keyMismatch: 'Klucz prywatny nie należy do tego certyfikatu.',
    weakSignature:
      'Certyfikat {{subject}} jest podpisany słabym skrótem. Poproś CA o certyfikat podpisany z użyciem SHA-256 lub silniejszego.',
    chainBroken: 'Łańcuch jest przerwany: podaj najpierw certyfikat, a potem kolejno każdego wystawcę.',
    chainExpired: 'Certyfikat pośredni {{subject}} nie jest obecnie ważny.',
    untrustedChain:
      'Łańcuch nie prowadzi do zaufanego publicznego certyfikatu głównego (ostatni certyfikat wystawił {{issuer}}). Dodaj brakujące certyfikaty pośrednie albo użyj certyfikatu od publicznego CA.',
  },
  spMetadata: {
    keyMalformed: 'Nie można odczytać klucza prywatnego SP.',
    keyMismatch: 'Klucz prywatny SP nie należy do certyfikatu SP.',
    unsupportedKey:
      'Klucz SP nie może podpisywać metadanych: musi to być RSA (co najmniej 2048 bitów) lub EC P-256.',
  },
};
