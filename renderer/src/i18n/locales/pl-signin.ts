import type { Messages } from './en';

/** The live sign-in's words (Polish); pl.ts merges them. */
export const plSignin: Pick<Messages, 'test' | 'jit' | 'directory'> = {
  test: {
    title: 'Test logowania SSO: {{name}}',
    run: 'Testuj SSO',
    intro:
      'Zaloguj się u dostawcy tożsamości kontem testowym. Tessera przeprowadza prawdziwe logowanie i sprawdza każdy krok odpowiedzi. Błąd uwierzytelniania u dostawcy tożsamości oznacza błędne dane logowania; błąd aplikacji oznacza, że konfiguracja się nie zgadza.',
    open: 'Otwórz okno logowania',
    copyUrl: 'Kopiuj URL',
    copied: 'Skopiowano URL',
    copyHint:
      'Aby przetestować bez sesji, którą przeglądarka ma już u dostawcy tożsamości, wklej URL do okna prywatnego.',
    waiting:
      'Oczekiwanie na odpowiedź dostawcy tożsamości… (Tessera zrezygnuje po {{minutes}} min i poda przyczynę.)',
    goBack: 'Wróć',
    close: 'Zamknij',
    activate: 'Aktywuj tego dostawcę tożsamości',
    checks: 'Kontrole',
    status: { pass: 'zaliczona', fail: 'niezaliczona', skipped: 'pominięta' },
    fix: 'Jak naprawić',
    succeeded: 'Test zakończony powodzeniem',
    failed: 'Test nie powiódł się',
    subject: 'Zalogowano jako {{subject}}.',
    signedInAs: 'Zalogowano jako {{email}}.',
    signedInAsNamed: 'Zalogowano jako {{name}} ({{email}}).',
    subjectId: 'Podmiot u dostawcy tożsamości: {{subject}}',
    claims: 'Otrzymane oświadczenia',
    profile: 'Profil, który zapisałby JIT',
  },
  jit: {
    title: 'Mapowanie atrybutów',
    help: 'Aprowizacja just-in-time tworzy i aktualizuje użytkowników w katalogu na podstawie tego, co dostawca tożsamości wysyła przy każdym logowaniu.',
    idp: 'Dostawca tożsamości',
    noIdps:
      'Najpierw dodaj dostawcę tożsamości SAML lub OpenID Connect. Wbudowana tożsamość nie ma atrybutów do mapowania.',
    preconditions: 'Kiedy działa JIT',
    pre: {
      directorySyncOn:
        'Synchronizacja katalogu (DirSync / Azure AD) jest włączona: JIT nie tworzy ani nie aktualizuje użytkowników. Aby używać JIT, wyłącz ją w sekcji Katalog.',
      directorySyncOff:
        'Synchronizacja katalogu jest wyłączona, więc JIT może tworzyć i aktualizować użytkowników.',
      noClaimed:
        'Żadna domena nie jest zastrzeżona, więc nikt nie jest aprowizowany. Zweryfikuj i zastrzeż swoje domeny w sekcji Organizacja.',
      claimed: 'Aprowizowani są tylko użytkownicy z zastrzeżonych domen: {{domains}}.',
      userIdSaml:
        'Nazwa użytkownika i główny adres e-mail pochodzą z atrybutu SAML „{{attribute}}” (ustawianego w ustawieniach dostawcy tożsamości). Musi on zawierać adres e-mail, UPN lub eduPersonPrincipalName.',
      userIdOidc: 'Nazwa użytkownika i główny adres e-mail pochodzą z oświadczenia „email”.',
      notLive:
        '{{name}} nie jest jeszcze używany ({{status}}): nikt się przez niego nie loguje, dopóki nie będzie aktywny.',
      blockProfileUpdate:
        'Blokada aktualizacji profilu użytkownika jest włączona: użytkownicy nie mogą sami edytować swoich atrybutów, ale aktualizacje z logowań i zmiany administratora nadal są stosowane.',
    },
    settings: 'Aprowizacja',
    createUsers: 'Twórz lub aktywuj użytkowników',
    createUsersHint:
      'Gdy nie zostanie znaleziony aktywny użytkownik, utwórz go (lub aktywuj istniejącego), a następnie uzupełnij atrybuty.',
    updateUsers: 'Aktualizuj użytkowników atrybutami SAML',
    updateUsersOidc: 'Aktualizuj użytkowników oświadczeniami OpenID Connect',
    updateUsersHint:
      'Znany użytkownik jest aktualizowany atrybutami dostawcy tożsamości przy każdym logowaniu.',
    allowNewEmail:
      'Zezwalaj na logowanie innym, jeszcze nieznanym adresem e-mail (osoba potwierdza tożsamość)',
    allowNewEmailHint:
      'Gdy powiązany użytkownik ma inny adres e-mail, osoba potwierdza, że to ona; w przeciwnym razie tworzony jest nowy użytkownik.',
    linkBy: 'Łącz użytkowników według',
    linkByNone: 'Tylko adres e-mail',
    linkByHint:
      'Atrybut unikalny dla każdego użytkownika, który pozwala go znaleźć nawet po zmianie adresu e-mail. Tam, gdzie adres e-mail nie jest trwałym identyfikatorem (np. Azure AD), użyj externalId (np. user.objectid). employeeNumber nie zastępuje externalId: numery są używane ponownie.',
    linkByUnmapped: '{{attribute}} nie jest zmapowany poniżej, więc nikogo nie można według niego powiązać.',
    mapping: 'Atrybuty profilu',
    mappingHelp:
      'Dla każdego pola profilu: nazwa atrybutu SAML lub oświadczenia OpenID Connect, które je wypełnia. Pozostaw pole puste, aby go nie zmieniać.',
    field: 'Pole',
    attribute: 'Atrybut u dostawcy tożsamości',
    attributeFor: 'Atrybut dla {{field}}',
    phoneHint: 'Tylko E.164: + i najwyżej 15 cyfr.',
    alternateEmailHint:
      'Zmapuj jeden z nich na atrybut identyfikatora użytkownika, aby osoba mogła się nim logować.',
    groupAttribute: 'Atrybut grup',
    groupAttributeHint:
      'Jego wartości to nazwy grup (groupId lub externalId grupy). Członkostwo tylko rośnie: JIT nigdy nie usuwa nikogo z grupy ani nie usuwa użytkowników.',
    attributeInvalid: 'Nazwa atrybutu ma od 1 do {{max}} znaków.',
    saved: 'Zapisano ustawienia JIT dla {{name}}.',
    unsaved: 'Podgląd używa zapisanych ustawień: najpierw zapisz zmiany.',
    preview: {
      title: 'Podgląd mapowania',
      help: 'Co zrobiłby JIT z tymi atrybutami i zapisanymi ustawieniami, w porównaniu z użytkownikiem, którego by znalazł. Nic nie jest zapisywane.',
      lastTest: 'Podgląd z ostatnim testem',
      paste: 'Wklej asercję SAML lub atrybuty jako JSON ({"name": ["value"]})',
      run: 'Podgląd',
      notJson: 'To nie jest ani asercja SAML (XML), ani poprawny JSON.',
      notObject:
        'Podaj obiekt JSON, którego wartości są listami ciągów znaków, np. {"email": ["ada@example.com"], "groups": ["pracownicy"]}.',
    },
    action: {
      create: 'Utworzenie użytkownika',
      update: 'Aktualizacja użytkownika',
      unchanged: 'Bez zmian',
      none: 'Nic nie zostanie zapisane',
      'confirm-identity': 'Osoba musi potwierdzić tożsamość',
    },
    linkedBy: 'Powiązano według {{attribute}}',
    changes: 'Zmiany',
    before: 'Przed',
    after: 'Po',
    groupsAdded: 'Dodano do grup: {{groups}}',
    rejected: '{{field}}: odrzucono „{{value}}”: {{problem}}',
  },
  directory: {
    title: 'Katalog',
    settings: 'Ustawienia katalogu',
    directorySync: 'Synchronizacja katalogu (DirSync / Azure AD)',
    directorySyncHint:
      'Użytkownicy pochodzą z synchronizacji katalogu, więc aprowizacja JIT ani ich nie tworzy, ani nie aktualizuje.',
    blockProfileUpdate: 'Blokuj aktualizację profilu użytkownika',
    blockProfileUpdateHint:
      'Użytkownicy nie mogą sami edytować swoich atrybutów; aktualizacje z logowań i zmiany administratora nadal działają.',
    licenseTemplate: 'Automatyczny szablon licencji',
    licenseTemplateHint:
      'Licencje, które otrzymuje każdy nowy użytkownik. Puste: nowi użytkownicy nie otrzymują żadnych. Naciśnij Enter po każdej.',
    saved: 'Zapisano ustawienia katalogu.',
    users: 'Użytkownicy',
    search: 'Szukaj użytkowników',
    searchHint: 'Adres e-mail, atrybut profilu lub grupa',
    count_one: '{{count}} użytkownik',
    count_few: '{{count}} użytkowników',
    count_many: '{{count}} użytkowników',
    count_other: '{{count}} użytkownika',
    empty: 'W katalogu nie ma jeszcze użytkowników. Osoby są dodawane przy pierwszym logowaniu.',
    noMatch: 'Żaden użytkownik nie pasuje do „{{query}}”.',
    email: 'E-mail',
    displayName: 'Nazwa wyświetlana',
    groups: 'Grupy',
    mfa: 'MFA',
    lastSignIn: 'Ostatnie logowanie',
    never: 'Nigdy',
    inactive: 'Dezaktywowany',
    mfaStatus: {
      enrolled: 'Skonfigurowane',
      notEnrolled: 'Nieskonfigurowane',
      lockedUntil: 'Zablokowane do {{time}}',
      lockedUntilReset: 'Zablokowane do zresetowania MFA',
    },
    optedIn: 'MFA włączone przez samego użytkownika',
    resetMfa: 'Resetuj MFA',
    resetMfaFor: 'Resetuj MFA dla {{email}}',
    resetMfaBody:
      '{{email}} traci rejestrację w aplikacji uwierzytelniającej (i ewentualną blokadę) i zarejestruje się ponownie przy następnym logowaniu. Zrób to, gdy ta osoba zgubiła urządzenie lub ma nowy telefon.',
    resetMfaDone: 'Zresetowano MFA dla {{email}}.',
    details: 'Szczegóły',
    detailsFor: 'Szczegóły: {{email}}',
    profile: 'Atrybuty profilu',
    noProfile: 'Brak atrybutów profilu.',
    licenses: 'Licencje',
    noLicenses: 'Brak licencji.',
    noGroups: 'Brak grup.',
    close: 'Zamknij',
    created: 'Utworzone przez {{source}}, {{date}}',
    updated: 'Ostatnia zmiana: {{date}}',
  },
};

/** Reasons the sign-in broker, JIT, the directory and MFA give, in Polish. */
export const plSigninErrors: Pick<
  Messages['errors'],
  'mfa' | 'signin' | 'jit' | 'directory' | 'test' | 'preview'
> = {
  mfa: {
    alreadyEnrolled: 'MFA jest już skonfigurowane dla tego użytkownika.',
    notEnrolled: 'MFA nie jest skonfigurowane dla tego użytkownika.',
    secretMissing:
      'W pęku kluczy brakuje sekretu MFA tego użytkownika; administrator musi zresetować jego MFA.',
    wrongCode:
      'Kod jest nieprawidłowy (nieudane próby z rzędu: {{failures}}). Sprawdź, czy zegar urządzenia jest ustawiony poprawnie.',
    codeReused: 'Ten kod został już użyty. Poczekaj na następny kod i wpisz go.',
  },
  signin: {
    notRunning:
      'Usługa logowania nie działa. Sprawdź jej port w sekcji Organizacja (może go używać inny program) i spróbuj ponownie.',
    lockedOut:
      'Zablokowano po zbyt wielu nieudanych próbach z rzędu. Poproś administratora o zresetowanie blokady.',
    throttled: 'Zbyt wiele nieudanych prób. Spróbuj ponownie za {{seconds}} s.',
    busy: 'Trwa zbyt wiele logowań; spróbuj ponownie za kilka minut.',
  },
  jit: {
    builtin: 'Wbudowana tożsamość nie ma atrybutów do mapowania.',
    confirm: 'Ta osoba nie potwierdziła jeszcze swojej tożsamości.',
  },
  directory: {
    userNotFound: 'Ten użytkownik już nie istnieje.',
    userMissing: 'Tej osoby nie ma w katalogu, a JIT nie może jej utworzyć.',
    inactive: 'Ten użytkownik jest dezaktywowany w katalogu.',
  },
  test: {
    notFound: 'Ten test już nie istnieje. Rozpocznij nowy.',
  },
  preview: {
    notSaml:
      'Wklejony tekst nie jest asercją SAML, którą Tessera potrafi odczytać. Wklej jedną całą asercję albo odpowiedź z dokładnie jedną niezaszyfrowaną asercją, bez DOCTYPE.',
    noTest: 'Nie ma jeszcze udanego testu tego dostawcy tożsamości: uruchom test SSO lub wklej atrybuty.',
    missingUserId:
      'Brakuje atrybutu z identyfikatorem użytkownika, więc nikogo nie można aprowizować. Udostępnij go Tesserze u dostawcy tożsamości lub podaj w ustawieniach dostawcy tożsamości nazwę atrybutu, którego używa.',
    userIdNotEmail:
      'Atrybut identyfikatora użytkownika nie jest adresem e-mail. Użyj atrybutu zawierającego adres e-mail, UPN lub eduPersonPrincipalName.',
    emailNotVerified:
      'Dostawca tożsamości podaje, że ten adres e-mail nie jest zweryfikowany (email_verified: false); Tessera nie loguje przy użyciu niezweryfikowanego adresu.',
  },
};
