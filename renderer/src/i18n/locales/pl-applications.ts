import type { Messages } from './en';
export const plApplications: Pick<Messages, 'apps'> = {
  apps: {
    title: 'Aplikacje',
    intro:
      'Aplikacje, do których użytkownicy logują się przez Tesserę. Każda jest klientem dostawcy OpenID Tessery: kieruje użytkownika do Tessery, która loguje go przez dostawców tożsamości i reguły routingu, prosi o MFA tam, gdzie wymagają tego zasady, i przekazuje aplikacji token ID.',
    mfaIdle:
      'Przełączniki „Wymagaj MFA” nie działają, dopóki opcja „Obowiązkowe dla wybranych aplikacji” jest wyłączona w zasadach MFA (lub MFA jest wyłączone).',
    mfaEveryone:
      'MFA jest obowiązkowe dla całej organizacji: każda aplikacja prosi o kod, niezależnie od swojego przełącznika.',
    list: 'Zarejestrowane aplikacje',
    add: 'Dodaj aplikację',
    none: 'Nie ma jeszcze aplikacji. Dodaj aplikację, a następnie skonfiguruj ją za pomocą poniższego adresu URL discovery i jej identyfikatora klienta.',
    name: 'Nazwa',
    clientId: 'Identyfikator klienta',
    type: 'Typ',
    types: { confidential: 'Poufna', public: 'Publiczna' },
    typeHints: {
      confidential: 'Aplikacja webowa działająca na serwerze, która potrafi chronić klucz tajny.',
      public: 'Aplikacja desktopowa, mobilna lub jednostronicowa: bez klucza tajnego, wymagane PKCE.',
    },
    requireMfa: 'Wymagaj MFA',
    requireMfaFor: 'Wymagaj MFA dla {{name}}',
    actions: 'Działania',
    noRedirect: 'Brak URI przekierowania: nie może jeszcze logować.',
    noSecret: 'Nie ma jeszcze klucza tajnego klienta.',
    createSecret: 'Utwórz klucz tajny',
    createSecretFor: 'Utwórz klucz tajny dla {{name}}',
    secretMade: 'Klucz tajny utworzony {{date}}',
    newSecret: 'Nowy klucz tajny',
    newSecretFor: 'Nowy klucz tajny dla {{name}}',
    newSecretTitle: 'Nowy klucz tajny dla {{name}}?',
    newSecretBody:
      'Tessera utworzy nowy klucz tajny klienta i pokaże go jeden raz. Obecny klucz tajny natychmiast przestanie działać: dopóki aplikacja nie otrzyma nowego, nie zaloguje nikogo.',
    newSecretConfirm: 'Utwórz nowy klucz tajny',
    deleteBody:
      'Jej identyfikator klienta natychmiast przestanie działać: aplikacja nie będzie już mogła nikogo zalogować. Klucz tajny aplikacji poufnej zostanie usunięty z pęku kluczy.',
    copyNamed: 'Kopiuj: {{name}}',
    copiedNamed: 'Skopiowano: {{name}}',
    form: {
      keyHint: 'To, co aplikacja wysyła jako swój client_id, np. payroll. Litery, cyfry, ".", "_" lub "-".',
      secretOnSave: 'Zapisanie utworzy klucz tajny klienta, pokazany jeden raz.',
      secretComes: 'Zapisanie utworzy dla niej klucz tajny klienta, pokazany jeden raz.',
      secretGoes: 'Zapisanie usunie jej klucz tajny klienta: od tej chwili musi używać PKCE.',
      redirectUris: 'URI przekierowania',
      redirectUrisHint:
        'Jeden w wierszu. Tessera odsyła użytkowników tylko do URI z tej listy, dopasowanego dokładnie: bez symboli wieloznacznych, bez prefiksów. https albo http na localhost lub 127.0.0.1.',
      logoutUris: 'URI przekierowania po wylogowaniu',
      logoutUrisHint:
        'Jeden w wierszu, dopasowanie dokładne: dokąd aplikacja może odesłać użytkowników po wylogowaniu.',
      scopes: 'Udostępniane zakresy',
      scopesHint: 'O co aplikacja może prosić, by dowiedzieć się o użytkowniku.',
      firstParty: 'Aplikacja własna (first party)',
      firstPartyOn: 'Własna aplikacja organizacji: użytkownicy logują się do niej bez ekranu zgody.',
      firstPartyOff: 'Użytkownicy są pytani, czy pozwalają aplikacji zobaczyć to, co udostępniają zakresy.',
      requireMfaHint:
        'Obowiązuje, gdy w zasadach MFA włączona jest opcja „Obowiązkowe dla wybranych aplikacji”.',
      fixFields: 'Popraw pola zaznaczone na czerwono i zapisz ponownie.',
    },
    scopes: {
      openid: 'Udostępniany zawsze: kim jest użytkownik (jego identyfikator).',
      profile: 'Imię i nazwisko oraz pozostałe atrybuty profilu z katalogu.',
      email: 'Adres e-mail.',
      groups: 'Grupy katalogu, do których należy użytkownik.',
      offline_access: 'Tokeny odświeżania: aplikacja pozostaje zalogowana, nie pytając ponownie.',
    },
    keyInvalid: 'Użyj liter, cyfr, ".", "_" lub "-" (najwyżej 64), zaczynając od litery lub cyfry.',
    uri: {
      notAbsolute:
        '„{{value}}” nie jest bezwzględnym adresem URL (na przykład https://app.example.com/callback).',
      fragment: '„{{value}}” zawiera fragment (#…); URI przekierowania nie może go mieć.',
      userinfo: '„{{value}}” zawiera nazwę użytkownika lub hasło.',
      http: '„{{value}}” używa http na {{host}}: użyj https (zwykłe http tylko na localhost lub 127.0.0.1).',
      appScheme:
        '„{{value}}” używa schematu aplikacji: może go używać tylko aplikacja publiczna (desktopowa lub mobilna).',
      scheme:
        '„{{value}}” używa {{scheme}}: użyj https, http na localhost lub schematu aplikacji, np. com.example.app:/callback.',
      tooLong: 'URI może mieć najwyżej {{max}} znaków.',
      tooMany: 'Najwyżej {{max}} URI.',
      twice: '„{{value}}” występuje na liście dwa razy.',
    },
    secret: {
      title: 'Klucz tajny klienta dla {{name}}',
      intro: 'Skonfiguruj aplikację z tym identyfikatorem klienta i kluczem tajnym.',
      label: 'Klucz tajny klienta',
      onceTitle: 'Pokazywany tylko ten jeden raz',
      once: 'Skopiuj klucz tajny teraz i umieść go tam, skąd odczytuje go aplikacja. Tessera przechowuje go w systemowym pęku kluczy i nigdy więcej go nie pokaże; jeśli go zgubisz, utwórz nowy.',
      done: 'Klucz skopiowany',
    },
    op: {
      title: 'Dostawca OpenID',
      intro:
        'Aplikację konfiguruje się adresem URL discovery: z niego aplikacja poznaje punkty końcowe i klucze podpisujące Tessery.',
      running: 'Działa',
      stopped: 'Nie działa',
      stoppedHint: 'Usługa logowania nie działa, więc żadna aplikacja nie może się teraz zalogować.',
      issuer: 'Wystawca',
      discoveryUrl: 'Adres URL discovery',
      keys: 'Klucze podpisujące',
      noKeys: 'Nie ma jeszcze klucza podpisującego: Tessera utworzy go przy pierwszym logowaniu aplikacji.',
      kid: 'Identyfikator klucza',
      alg: 'Algorytm',
      created: 'Utworzony',
      status: 'Stan',
      active: 'Podpisuje nowe tokeny',
      published: 'Opublikowany',
      publishedUntil: 'Opublikowany do {{date}}',
      rotate: 'Wymień klucz podpisujący',
      rotateTitle: 'Wymienić klucz podpisujący?',
      rotateBody:
        'Od teraz każdy token podpisuje nowy klucz. Obecny klucz pozostaje opublikowany, dopóki nie wygasną podpisane nim tokeny, więc aplikacje nadal je akceptują; potem zostanie usunięty.',
      rotateConfirm: 'Wymień',
      rotated: 'Od teraz tokeny podpisuje nowy klucz podpisujący.',
    },
  },
};
