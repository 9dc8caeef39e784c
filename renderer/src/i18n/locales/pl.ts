import { plAdmin, plAdminErrors, plSsoErrors } from './pl-admin';
import { plSignin, plSigninErrors } from './pl-signin';
import type { Messages } from './en';

export const pl: Messages = {
  ...plAdmin,
  ...plSignin,
  app: { title: 'Tessera', tagline: 'Konsola logowania i uwierzytelniacz' },
  nav: {
    main: 'Nawigacja główna',
    authenticator: 'Uwierzytelniacz',
    admin: 'Administracja',
    organization: 'Organizacja',
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
    exportQr: 'Pokaż {{name}} jako kod QR',
    edit: 'Edytuj {{name}}',
    editTitle: 'Edytuj konto',
    save: 'Zapisz',
    moveUp: 'Przesuń {{name}} w górę',
    moveDown: 'Przesuń {{name}} w dół',
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
  scan: {
    camera: 'Użyj kamery',
    cameraPreview: 'Podgląd kamery',
    cameraHint: 'Przytrzymaj kod QR przed kamerą. Kamera wyłączy się, gdy tylko kod zostanie znaleziony.',
    tab: 'Zeskanuj kod QR',
    drop: 'Upuść tu obraz z kodem QR albo kliknij, aby go wybrać',
    dropHint: 'PNG, JPEG, GIF, WebP lub BMP. Możesz też wkleić obraz (Ctrl+V).',
    screen: 'Skanuj ekran',
    screenHint: 'Wyświetl kod QR na ekranie, a potem wybierz ekran do udostępnienia.',
    busy: 'Szukanie kodów QR…',
    noCode: 'Nie znaleziono kodu QR. Upewnij się, że cały kod jest widoczny i ostry; na ekranie powiększ go.',
    notAuthenticator: 'Ten kod QR nie jest kodem uwierzytelniacza. Zawiera:',
    choose: 'Znaleziono kilka kodów. Wybierz ten, który chcesz dodać:',
  },
  migration: {
    title: 'Import z Google Authenticator',
    unnamed: '(bez nazwy)',
    missing: 'Ten eksport ma {{total}} kody. Zeskanuj lub upuść także brakujące: {{parts}}.',
    more: 'Upuść tu pozostałe kody eksportu',
    duplicate: 'Już jest w Tesserze',
    import_one: 'Importuj {{count}} konto',
    import_few: 'Importuj {{count}} konta',
    import_many: 'Importuj {{count}} kont',
    import_other: 'Importuj {{count}} konta',
    importedName_one: '{{count}} konto z Google Authenticator',
    importedName_few: '{{count}} konta z Google Authenticator',
    importedName_many: '{{count}} kont z Google Authenticator',
    importedName_other: '{{count}} konta z Google Authenticator',
    problem: {
      algorithm: 'Nieobsługiwany algorytm (MD5)',
      digits: 'Nieobsługiwana liczba cyfr',
      type: 'Nieznany typ kodu',
      secret: 'Brak sekretu lub sekret nieprawidłowy',
      text: 'Nazwa z maskującymi znakami',
      counter: 'Nieprawidłowy licznik',
    },
  },
  backup: {
    menu: 'Kopia zapasowa',
    createTitle: 'Utwórz zaszyfrowaną kopię zapasową',
    createBody:
      'Wszystkie konta wraz z sekretami zostaną zapisane w pliku zaszyfrowanym tym hasłem. Bez hasła nikt nie otworzy pliku — także Ty. Przechowuj plik w bezpiecznym miejscu.',
    password: 'Hasło kopii zapasowej',
    repeat: 'Powtórz hasło',
    passwordShort: 'Co najmniej {{min}} znaków.',
    mismatch: 'Hasła się różnią.',
    create: 'Utwórz kopię',
    created: 'Kopię zapisano jako {{fileName}}.',
    restoreTitle: 'Importuj z pliku',
    restoreList: 'Konta w tym pliku',
    file: 'Plik',
    open: 'Otwórz plik',
    restored_one: 'Przywrócono {{count}} konto.',
    restored_few: 'Przywrócono {{count}} konta.',
    restored_many: 'Przywrócono {{count}} kont.',
    restored_other: 'Przywrócono {{count}} konta.',
    importBody:
      'Kopia zapasowa Tessery, eksport z Aegis lub 2FAS (zaszyfrowany lub nie) albo plik tekstowy z jednym linkiem otpauth:// w każdym wierszu.',
    importPassword: 'Hasło (do kopii zapasowej Tessery lub zaszyfrowanego eksportu)',
  },
  export: {
    title: 'Przenieś do innego uwierzytelniacza',
    warning:
      'Każdy, kto zobaczy ten kod QR, może na zawsze generować kody dla {{name}}. Pokaż go tylko telefonowi, na który przenosisz konto, gdy nikt nie patrzy na Twój ekran.',
    howTo:
      'Otwórz uwierzytelniacz na drugim urządzeniu, wybierz dodanie konta przez skanowanie, a potem pokaż tu kod.',
    reveal: 'Pokaż kod QR',
    done: 'Gotowe',
    imageAlt: 'Kod QR dla {{name}}',
  },
  form: {
    required: 'To pole jest wymagane.',
    tooLong: 'Najwyżej {{max}} znaków.',
    range: 'Podaj liczbę całkowitą od {{min}} do {{max}}.',
  },
  errors: {
    ...plAdminErrors,
    ...plSsoErrors,
    ...plSigninErrors,
    BAD_REQUEST: 'Tessera odrzuciła błędne żądanie. Nic nie zostało zmienione.',
    UNKNOWN_CHANNEL: 'Tessera nie zna tej operacji.',
    FORBIDDEN: 'To okno nie ma uprawnień do komunikacji z Tesserą.',
    NOT_FOUND: 'Ten element już nie istnieje.',
    INVALID_INPUT: 'Tych danych nie można użyć.',
    KEYCHAIN_UNAVAILABLE:
      'Systemowy pęk kluczy jest niedostępny, więc Tessera nie zapisuje ani nie odczytuje sekretów.',
    INTERNAL: 'W Tesserze wystąpił błąd. Nic nie zostało zmienione.',
    scan: {
      noCamera: 'Nie znaleziono kamery.',
      cameraDenied: 'Odmówiono dostępu do kamery lub jest ona niedostępna.',
      tooLarge:
        'Obraz ma {{width}} × {{height}} pikseli; Tessera czyta obrazy do {{maxSide}} pikseli na bok i {{maxMegapixels}} megapikseli. Przytnij go do kodu QR.',
      fileTooLarge: 'Plik jest większy niż {{maxMegabytes}} MB.',
      notImage: 'Ten plik nie jest obrazem, który Tessera potrafi odczytać (PNG, JPEG, GIF, WebP lub BMP).',
      damaged: 'Obraz jest uszkodzony i nie da się go odczytać.',
      timeout: 'Odczyt obrazu trwał zbyt długo i został przerwany. Spróbuj przyciąć obraz do kodu.',
      screenDenied: 'Przechwytywanie ekranu zostało anulowane lub jest niedozwolone.',
    },
    migration: {
      tooLong:
        'Ten kod eksportu zawiera więcej danych, niż mieści kod QR; to nie jest prawdziwy eksport z Google Authenticator.',
      malformed: 'Kod eksportu jest nieprawidłowy. Zeskanuj go ponownie.',
      damaged: 'Kod eksportu jest uszkodzony lub ucięty. Zeskanuj go ponownie.',
      empty: 'Ten kod eksportu nie zawiera kont.',
      tooMany:
        'Ten kod eksportu twierdzi, że ma {{count}} kont; żaden prawdziwy kod eksportu nie ma ich więcej niż {{max}}.',
      mixedBatches: 'Te kody pochodzą z różnych eksportów. Skanuj kody jednego eksportu naraz.',
      expired: 'Ten import wygasł. Zeskanuj kod eksportu ponownie.',
      badChoice: 'Jednego z wybranych kont nie można zaimportować.',
    },
    backup: {
      tooLarge: 'Ten plik jest za duży, by być kopią zapasową Tessery.',
      format:
        'Ten plik nie jest kopią zapasową Tessery albo jest uszkodzony lub pochodzi z wersji, której Tessera nie potrafi odczytać.',
      decrypt: 'Hasło jest nieprawidłowe albo plik kopii został zmieniony lub uszkodzony.',
    },
    import: {
      tooLarge: 'Ten plik jest za duży do importu.',
      unknown:
        'Tessera nie potrafi zaimportować tego pliku: obsługiwane są kopie zapasowe Tessery, eksporty z Aegis lub 2FAS i listy linków otpauth://.',
      passwordNeeded: 'Ta kopia zapasowa Tessery jest zaszyfrowana: podaj jej hasło.',
      exportPasswordNeeded: 'Ten eksport z {{app}} jest zaszyfrowany: podaj hasło, którym go wyeksportowano.',
      wrongPassword: 'Hasło jest nieprawidłowe: nie otwiera tego eksportu z {{app}}.',
      damaged:
        'Hasło jest prawidłowe, ale ten eksport z {{app}} został zmieniony lub uszkodzony: nie da się odszyfrować jego kont.',
      malformed:
        'Ten eksport z {{app}} jest zaszyfrowany, ale jest uszkodzony, ucięty albo pochodzi z wersji, której Tessera nie potrafi odczytać.',
      kdfLimits:
        'Ten eksport z {{app}} wymaga do wyprowadzenia klucza znacznie więcej pamięci lub czasu, niż używa sam {{app}}; Tessera odrzuca go, zamiast poświęcać na to gigabajty lub minuty.',
    },
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
      reorderStale:
        'Lista kont zmieniła się w międzyczasie; kolejność nie została zapisana. Spróbuj ponownie.',
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
