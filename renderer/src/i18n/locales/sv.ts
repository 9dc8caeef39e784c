import type { Messages } from './en';

export const sv: Messages = {
  app: { title: 'Tessera', tagline: 'Inloggningskonsol och autentiserare' },
  nav: {
    main: 'Huvudnavigering',
    authenticator: 'Autentiserare',
    admin: 'Administration',
    identityProviders: 'Identitetsleverantörer',
    routingRules: 'Routningsregler',
    attributeMapping: 'Attributmappning',
    mfaPolicy: 'MFA-policy',
    certificates: 'Certifikat',
    directory: 'Katalog',
    auditLog: 'Granskningslogg',
  },
  admin: {
    coming: 'Kommer snart',
    comingBody: '{{section}} håller på att byggas. Autentiseraren fungerar redan.',
  },
  header: {
    toggleNav: 'Visa eller dölj navigeringen',
    theme: 'Växla mellan ljust och mörkt tema',
    language: 'Språk',
  },
  keychain: {
    title: 'Systemets nyckelring är inte tillgänglig',
    why: 'Tessera förvarar alla hemligheter i systemets nyckelring och ingen annanstans, så konton kan inte läggas till eller visas förrän den går att nå.',
    retry: 'Försök igen',
  },
  auth: {
    title: 'Autentiserare',
    add: 'Lägg till konto',
    search: 'Sök konton',
    empty: 'Inga konton än. Lägg till ett från installationslänken eller nyckeln som tjänsten visar.',
    noMatch: 'Inga konton matchar ”{{search}}”.',
    loading: 'Läser in konton…',
    list: 'Konton',
    code: 'Kod för {{name}}',
    copy: 'Kopiera kod',
    copied: 'Kopierad',
    copiedToast: 'Koden är kopierad. Den rensas från urklipp om {{seconds}} sekunder.',
    copyFailed: 'Koden kunde inte kopieras till urklipp.',
    nextCode: 'Nästa kod',
    counter: 'Räknare {{counter}}',
    secondsLeft: '{{count}} sekunder kvar',
    delete: 'Ta bort {{name}}',
    deleteTitle: 'Ta bort kontot?',
    deleteBody:
      '{{name}} och dess hemlighet tas bort från Tessera och nyckelringen. Se först till att du fortfarande kan logga in: stäng av tvåstegsverifieringen hos tjänsten eller ha en annan autentiserare konfigurerad.',
    deleteConfirm: 'Ta bort kontot',
    cancel: 'Avbryt',
    deleted: '{{name}} togs bort.',
    noSecret: 'Hemligheten saknas i nyckelringen',
  },
  add: {
    title: 'Lägg till ett konto',
    tabUri: 'Klistra in en länk',
    tabManual: 'Ange en nyckel',
    uri: 'Installationslänk',
    uriHint: 'otpauth://-länken bakom QR-koden, så som tjänsten visar den.',
    issuer: 'Utfärdare',
    issuerHint: 'Tjänsten, till exempel GitHub.',
    accountName: 'Konto',
    accountNameHint: 'Oftast ditt användarnamn eller din e-postadress hos tjänsten.',
    secret: 'Hemlig nyckel',
    secretHint: 'Installationsnyckeln i base32. Mellanslag och gemener går bra.',
    type: 'Typ',
    typeTotp: 'Tidsbaserad (TOTP)',
    typeHotp: 'Räknarbaserad (HOTP)',
    algorithm: 'Algoritm',
    digits: 'Siffror',
    period: 'Period (sekunder)',
    counter: 'Startvärde för räknaren',
    advanced: 'Avancerade inställningar',
    submit: 'Lägg till konto',
    added: '{{name}} lades till.',
  },
  form: {
    required: 'Fältet är obligatoriskt.',
    tooLong: 'Högst {{max}} tecken.',
    range: 'Ange ett heltal från {{min}} till {{max}}.',
  },
  errors: {
    BAD_REQUEST: 'Tessera avvisade en felaktig begäran. Inget ändrades.',
    UNKNOWN_CHANNEL: 'Tessera känner inte till den här åtgärden.',
    FORBIDDEN: 'Det här fönstret får inte prata med Tessera.',
    NOT_FOUND: 'Objektet finns inte längre.',
    INVALID_INPUT: 'Uppgifterna kan inte användas.',
    KEYCHAIN_UNAVAILABLE:
      'Systemets nyckelring är inte tillgänglig, så Tessera varken sparar eller läser hemligheter.',
    INTERNAL: 'Något gick fel i Tessera. Inget ändrades.',
    session: {
      noToken: 'Sidan öppnades utan sin sessionstoken. Öppna adressen som Tessera skrev ut när det startade.',
      expired:
        'Sidan hör till en tidigare Tessera-session. Öppna adressen som Tessera skrev ut när det startade.',
      unreachable: 'Tessera går inte att nå. Körs det fortfarande?',
    },
    keychain: {
      noBus: 'Ingen sessionsbuss för skrivbordet körs, så det finns ingen nyckelring att prata med.',
      noService: 'Ingen Secret Service (till exempel GNOME Keyring, KWallet eller KeePassXC) körs.',
      noCollection: 'Nyckelringen har ingen standardsamling än: den har aldrig skapats eller låsts upp.',
      locked: 'Nyckelringen är låst. Lås upp den (logga in i skrivbordssessionen) och försök igen.',
      noDbusSend:
        'dbus-send är inte installerat, så nyckelringen kan inte kontrolleras. Installera paketet dbus.',
      noAnswer: 'Secret Service svarade inte.',
      failed: 'Nyckelringen vägrade åtgärden: {{detail}}',
      databaseKeyMissing:
        'Nyckeln till datamappens databas finns inte i den här nyckelringen. Har nyckelringen återställts, eller är det en annan användares mapp?',
      noPassword:
        'Ingen nyckelring för skrivbordet körs, och Tessera kan inte starta en egen utan lösenord: ange TESSERA_KEYRING_PASSWORD eller starta Tessera i en terminal för att bli tillfrågad.',
      noPrivateBus:
        'Ingen nyckelring för skrivbordet körs, och Tessera kunde inte starta en egen D-Bus-session för sin egen. Installera paketet dbus.',
      keyringDidNotStart: 'Tesseras egen nyckelring startade inte. Installera gnome-keyring.',
      wrongPassword:
        'Tesseras egen nyckelring låstes inte upp: lösenordet är inte det som datamappens nyckelring skapades med.',
      storeFailed: 'Tessera kunde inte öppna sin datamapp: {{detail}}',
      dataFolderInUse:
        'Datamappen är redan öppen i ett annat Tessera-fönster eller en annan process. Stäng det och försök igen.',
    },
    account: {
      notFound: 'Kontot finns inte längre.',
      notHotp: 'Bara räknarbaserade (HOTP) konton har en nästa kod.',
      counterMax: 'Räknaren kan inte gå högre.',
      secretMissing: 'Kontot har ingen hemlighet i nyckelringen.',
    },
    otpauth: {
      tooLong: 'Länken är längre än {{max}} tecken; det är ingen installationslänk.',
      scheme: 'Det här är ingen installationslänk för autentiserare: den måste börja med otpauth://.',
      malformed: 'Länken är inte en korrekt otpauth://-länk. Kopiera den igen exakt.',
      type: '”{{value}}” är ingen kodtyp som Tessera känner till; totp eller hotp väntades.',
      duplicate: 'Parametern ”{{name}}” förekommer mer än en gång, så länken är tvetydig.',
      issuerMismatch:
        'Etiketten anger utfärdaren ”{{label}}” men parametern issuer säger ”{{param}}”. En äkta installationslänk anger en utfärdare; be tjänsten om en ny.',
      issuerUnsafe:
        'Utfärdaren innehåller styr- eller textriktningstecken som kan dölja vad den är. Ta bort dem.',
      accountNameUnsafe:
        'Kontonamnet innehåller styr- eller textriktningstecken som kan dölja vad det är. Ta bort dem.',
      issuerTooLong: 'Utfärdaren är längre än {{max}} tecken.',
      accountNameTooLong: 'Kontonamnet är längre än {{max}} tecken.',
      label: 'Länken anger varken konto eller utfärdare; lägg till något så att du kan skilja koderna åt.',
      algorithm: 'Algoritmen ”{{value}}” stöds inte; använd SHA1, SHA256 eller SHA512.',
      digits: 'Koder måste ha {{min}} till {{max}} siffror; länken begär ”{{value}}”.',
      period: 'En kod måste gälla mellan {{min}} och {{max}} sekunder; länken begär ”{{value}}”.',
      counter: 'Räknaren måste vara ett heltal, 0 eller större.',
      secret: {
        missing: 'Länken saknar hemlighet och kan inte ge några koder.',
        empty: 'Hemligheten är tom. Kopiera hela installationsnyckeln från tjänsten.',
        characters:
          'Hemligheten är inte giltig base32: bara A–Z och 2–7 får förekomma (mellanslag går bra). Kontrollera om 0, 1 eller 8 skrivits fel.',
        length:
          'Hemligheten har en längd som ingen base32-text kan ha; troligen saknas en del. Kopiera den igen.',
        tooShort: 'Hemligheten är kortare än {{bits}} bitar. Kontrollera att du kopierade hela.',
        tooLong:
          'Hemligheten är längre än någon riktig tjänst använder. Kontrollera att du bara kopierade installationsnyckeln.',
      },
    },
  },
};
