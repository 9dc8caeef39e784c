import type { Messages } from './en';

export const pl: Messages = {
  app: { title: 'Tessera', tagline: 'Konsola logowania i uwierzytelniacz' },
  nav: {
    main: 'Nawigacja główna',
    authenticator: 'Uwierzytelniacz',
    admin: 'Administracja',
    identityProviders: 'Dostawcy tożsamości',
    routingRules: 'Reguły routingu',
    attributeMapping: 'Mapowanie atrybutów',
    mfaPolicy: 'Zasady MFA',
    certificates: 'Certyfikaty',
    directory: 'Katalog',
    auditLog: 'Dziennik audytu',
  },
  admin: {
    coming: 'Wkrótce',
    comingBody: 'Trwają prace nad sekcją {{section}}. Uwierzytelniacz już działa.',
  },
  header: {
    toggleNav: 'Pokaż lub ukryj nawigację',
    theme: 'Przełącz między jasnym a ciemnym motywem',
    language: 'Język',
  },
  keychain: {
    title: 'Systemowy pęk kluczy jest niedostępny',
    why: 'Tessera przechowuje wszystkie sekrety wyłącznie w systemowym pęku kluczy, więc nie można dodawać ani wyświetlać kont, dopóki nie będzie on dostępny.',
    retry: 'Spróbuj ponownie',
  },
  auth: {
    title: 'Uwierzytelniacz',
    add: 'Dodaj konto',
    search: 'Szukaj kont',
    empty: 'Nie ma jeszcze kont. Dodaj konto z linku konfiguracyjnego lub klucza, który pokazuje usługa.',
    noMatch: 'Żadne konto nie pasuje do „{{search}}”.',
    loading: 'Wczytywanie kont…',
    list: 'Konta',
    code: 'Kod dla {{name}}',
    copy: 'Kopiuj kod',
    copied: 'Skopiowano',
    copiedToast: 'Kod skopiowano. Zostanie usunięty ze schowka za {{seconds}} s.',
    copyFailed: 'Nie udało się skopiować kodu do schowka.',
    nextCode: 'Następny kod',
    counter: 'Licznik {{counter}}',
    secondsLeft: 'Pozostało {{count}} s',
    delete: 'Usuń {{name}}',
    deleteTitle: 'Usunąć to konto?',
    deleteBody:
      '{{name}} i jego sekret zostaną usunięte z Tessery i z pęku kluczy. Najpierw upewnij się, że nadal możesz się zalogować: wyłącz weryfikację dwuetapową w usłudze albo skonfiguruj inny uwierzytelniacz.',
    deleteConfirm: 'Usuń konto',
    cancel: 'Anuluj',
    deleted: 'Usunięto {{name}}.',
    noSecret: 'Brak sekretu w pęku kluczy',
  },
  add: {
    title: 'Dodaj konto',
    tabUri: 'Wklej link',
    tabManual: 'Wpisz klucz',
    uri: 'Link konfiguracyjny',
    uriHint: 'Link otpauth:// zakodowany w kodzie QR, tak jak pokazuje go usługa.',
    issuer: 'Wystawca',
    issuerHint: 'Usługa, na przykład GitHub.',
    accountName: 'Konto',
    accountNameHint: 'Zwykle nazwa użytkownika lub adres e-mail w tej usłudze.',
    secret: 'Klucz tajny',
    secretHint: 'Klucz konfiguracyjny w base32. Spacje i małe litery są dozwolone.',
    type: 'Typ',
    typeTotp: 'Oparty na czasie (TOTP)',
    typeHotp: 'Oparty na liczniku (HOTP)',
    algorithm: 'Algorytm',
    digits: 'Liczba cyfr',
    period: 'Okres (sekundy)',
    counter: 'Początkowa wartość licznika',
    advanced: 'Ustawienia zaawansowane',
    submit: 'Dodaj konto',
    added: 'Dodano {{name}}.',
  },
  form: {
    required: 'To pole jest wymagane.',
    tooLong: 'Najwyżej {{max}} znaków.',
    range: 'Podaj liczbę całkowitą od {{min}} do {{max}}.',
  },
  errors: {
    BAD_REQUEST: 'Tessera odrzuciła błędne żądanie. Nic nie zostało zmienione.',
    UNKNOWN_CHANNEL: 'Tessera nie zna tej operacji.',
    FORBIDDEN: 'To okno nie ma uprawnień do komunikacji z Tesserą.',
    NOT_FOUND: 'Ten element już nie istnieje.',
    INVALID_INPUT: 'Tych danych nie można użyć.',
    KEYCHAIN_UNAVAILABLE:
      'Systemowy pęk kluczy jest niedostępny, więc Tessera nie zapisuje ani nie odczytuje sekretów.',
    INTERNAL: 'W Tesserze wystąpił błąd. Nic nie zostało zmienione.',
    session: {
      noToken:
        'Strona została otwarta bez tokenu sesji. Otwórz adres wypisany przez Tesserę przy uruchomieniu.',
      expired:
        'Ta strona należy do wcześniejszej sesji Tessery. Otwórz adres wypisany przez Tesserę przy uruchomieniu.',
      unreachable: 'Nie można połączyć się z Tesserą. Czy nadal działa?',
    },
    keychain: {
      noBus: 'Nie działa magistrala sesji pulpitu, więc nie ma pęku kluczy, z którym można się połączyć.',
      noService: 'Nie działa żadna usługa Secret Service (np. GNOME Keyring, KWallet lub KeePassXC).',
      noCollection:
        'Pęk kluczy nie ma jeszcze domyślnej kolekcji: nigdy nie został utworzony ani odblokowany.',
      locked: 'Pęk kluczy jest zablokowany. Odblokuj go (zaloguj się do sesji pulpitu) i spróbuj ponownie.',
      noDbusSend: 'Brak programu dbus-send, więc nie można sprawdzić pęku kluczy. Zainstaluj pakiet dbus.',
      noAnswer: 'Usługa Secret Service nie odpowiedziała.',
      failed: 'Pęk kluczy odmówił wykonania operacji: {{detail}}',
      databaseKeyMissing:
        'Klucza do bazy danych tego folderu nie ma w tym pęku kluczy. Czy pęk kluczy został zresetowany, czy to folder innego użytkownika?',
      noPassword:
        'Nie działa pęk kluczy pulpitu, a Tessera nie może uruchomić własnego bez hasła: ustaw TESSERA_KEYRING_PASSWORD lub uruchom Tesserę w terminalu, aby podać hasło.',
      noPrivateBus:
        'Nie działa pęk kluczy pulpitu, a Tessera nie mogła uruchomić własnej sesji D-Bus. Zainstaluj pakiet dbus.',
      keyringDidNotStart: 'Własny pęk kluczy Tessery nie uruchomił się. Zainstaluj gnome-keyring.',
      wrongPassword:
        'Własny pęk kluczy Tessery nie odblokował się: to nie jest hasło, z którym utworzono pęk kluczy tego folderu.',
      storeFailed: 'Tessera nie mogła otworzyć swojego folderu danych: {{detail}}',
      dataFolderInUse:
        'Ten folder danych jest już otwarty w innym oknie lub procesie Tessery. Zamknij go i spróbuj ponownie.',
    },
    account: {
      notFound: 'To konto już nie istnieje.',
      notHotp: 'Tylko konta oparte na liczniku (HOTP) mają następny kod.',
      counterMax: 'Licznik nie może być większy.',
      secretMissing: 'Tego konta nie ma sekretu w pęku kluczy.',
    },
    otpauth: {
      tooLong: 'Link ma więcej niż {{max}} znaków; to nie jest link konfiguracyjny.',
      scheme: 'To nie jest link konfiguracyjny uwierzytelniacza: musi zaczynać się od otpauth://.',
      malformed: 'To nie jest poprawny link otpauth://. Skopiuj go ponownie dokładnie.',
      type: '„{{value}}” nie jest typem kodu znanym Tesserze; oczekiwano totp lub hotp.',
      duplicate: 'Parametr „{{name}}” występuje więcej niż raz, więc link jest niejednoznaczny.',
      issuerMismatch:
        'Etykieta podaje wystawcę „{{label}}”, a parametr issuer mówi „{{param}}”. Prawdziwy link konfiguracyjny podaje jednego wystawcę; poproś usługę o nowy.',
      issuerUnsafe:
        'Wystawca zawiera znaki sterujące lub zmieniające kierunek tekstu, które mogą go zamaskować. Usuń je.',
      accountNameUnsafe:
        'Nazwa konta zawiera znaki sterujące lub zmieniające kierunek tekstu, które mogą ją zamaskować. Usuń je.',
      issuerTooLong: 'Wystawca ma więcej niż {{max}} znaków.',
      accountNameTooLong: 'Nazwa konta ma więcej niż {{max}} znaków.',
      label: 'Link nie podaje ani konta, ani wystawcy; dodaj któreś, aby odróżnić kody.',
      algorithm: 'Algorytm „{{value}}” nie jest obsługiwany; użyj SHA1, SHA256 lub SHA512.',
      digits: 'Kod musi mieć od {{min}} do {{max}} cyfr; link żąda „{{value}}”.',
      period: 'Kod musi być ważny od {{min}} do {{max}} sekund; link żąda „{{value}}”.',
      counter: 'Licznik musi być liczbą całkowitą równą 0 lub większą.',
      secret: {
        missing: 'Link nie zawiera sekretu, więc nie może generować kodów.',
        empty: 'Sekret jest pusty. Skopiuj cały klucz konfiguracyjny z usługi.',
        characters:
          'Sekret nie jest poprawnym tekstem base32: dozwolone są tylko A–Z i 2–7 (spacje są w porządku). Sprawdź, czy nie pomylono 0, 1 lub 8.',
        length:
          'Sekret ma długość niemożliwą dla tekstu base32; prawdopodobnie brakuje części. Skopiuj go ponownie.',
        tooShort: 'Sekret jest krótszy niż {{bits}} bitów. Sprawdź, czy skopiowano całość.',
        tooLong:
          'Sekret jest dłuższy niż w jakiejkolwiek prawdziwej usłudze. Sprawdź, czy skopiowano tylko klucz konfiguracyjny.',
      },
    },
  },
};
