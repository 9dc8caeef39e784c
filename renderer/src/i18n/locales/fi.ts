import type { Messages } from './en';

export const fi: Messages = {
  app: { title: 'Tessera', tagline: 'Kirjautumiskonsoli ja todennussovellus' },
  nav: {
    main: 'Päänavigointi',
    authenticator: 'Todennussovellus',
    admin: 'Hallinta',
    identityProviders: 'Identiteetintarjoajat',
    routingRules: 'Reitityssäännöt',
    attributeMapping: 'Attribuuttien määritys',
    mfaPolicy: 'MFA-käytäntö',
    certificates: 'Varmenteet',
    directory: 'Hakemisto',
    auditLog: 'Tapahtumaloki',
  },
  admin: {
    coming: 'Tulossa pian',
    comingBody: '{{section}} on työn alla. Todennussovellus toimii jo.',
  },
  header: {
    toggleNav: 'Näytä tai piilota navigointi',
    theme: 'Vaihda vaalean ja tumman teeman välillä',
    language: 'Kieli',
  },
  keychain: {
    title: 'Järjestelmän avainnippu ei ole käytettävissä',
    why: 'Tessera säilyttää kaikki salaisuudet järjestelmän avainnipussa eikä missään muualla, joten tilejä ei voi lisätä tai näyttää ennen kuin se on tavoitettavissa.',
    retry: 'Yritä uudelleen',
  },
  auth: {
    title: 'Todennussovellus',
    add: 'Lisää tili',
    search: 'Hae tilejä',
    empty: 'Ei vielä tilejä. Lisää tili palvelun näyttämästä asennuslinkistä tai avaimesta.',
    noMatch: 'Mikään tili ei vastaa hakua ”{{search}}”.',
    loading: 'Ladataan tilejä…',
    list: 'Tilit',
    code: 'Koodi: {{name}}',
    copy: 'Kopioi koodi',
    copied: 'Kopioitu',
    copiedToast: 'Koodi kopioitiin. Se tyhjennetään leikepöydältä {{seconds}} sekunnin kuluttua.',
    copyFailed: 'Koodia ei voitu kopioida leikepöydälle.',
    nextCode: 'Seuraava koodi',
    counter: 'Laskuri {{counter}}',
    secondsLeft: '{{count}} sekuntia jäljellä',
    delete: 'Poista {{name}}',
    deleteTitle: 'Poistetaanko tili?',
    deleteBody:
      '{{name}} ja sen salaisuus poistetaan Tesserasta ja avainnipusta. Varmista ensin, että voit yhä kirjautua: poista kaksivaiheinen vahvistus käytöstä palvelussa tai ota käyttöön toinen todennussovellus.',
    deleteConfirm: 'Poista tili',
    cancel: 'Peruuta',
    deleted: '{{name}} poistettiin.',
    noSecret: 'Salaisuus puuttuu avainnipusta',
  },
  add: {
    title: 'Lisää tili',
    tabUri: 'Liitä asennuslinkki',
    tabManual: 'Syötä avain',
    uri: 'Asennuslinkki',
    uriHint: 'QR-koodin takana oleva otpauth://-linkki sellaisena kuin palvelu sen näyttää.',
    issuer: 'Myöntäjä',
    issuerHint: 'Palvelu, esimerkiksi GitHub.',
    accountName: 'Tili',
    accountNameHint: 'Yleensä käyttäjätunnuksesi tai sähköpostiosoitteesi palvelussa.',
    secret: 'Salainen avain',
    secretHint: 'Base32-muotoinen asennusavain. Välilyönnit ja pienet kirjaimet käyvät.',
    type: 'Tyyppi',
    typeTotp: 'Aikaperusteinen (TOTP)',
    typeHotp: 'Laskuriperusteinen (HOTP)',
    algorithm: 'Algoritmi',
    digits: 'Numeroita',
    period: 'Jakso (sekuntia)',
    counter: 'Laskurin alkuarvo',
    advanced: 'Lisäasetukset',
    submit: 'Lisää tili',
    added: '{{name}} lisättiin.',
  },
  form: {
    required: 'Kenttä on pakollinen.',
    tooLong: 'Enintään {{max}} merkkiä.',
    range: 'Anna kokonaisluku väliltä {{min}}–{{max}}.',
  },
  errors: {
    BAD_REQUEST: 'Tessera hylkäsi virheellisen pyynnön. Mitään ei muutettu.',
    UNKNOWN_CHANNEL: 'Tessera ei tunne tätä toimintoa.',
    FORBIDDEN: 'Tällä ikkunalla ei ole lupaa keskustella Tesseran kanssa.',
    NOT_FOUND: 'Kohdetta ei enää ole.',
    INVALID_INPUT: 'Syötettä ei voi käyttää.',
    KEYCHAIN_UNAVAILABLE:
      'Järjestelmän avainnippu ei ole käytettävissä, joten Tessera ei tallenna eikä lue salaisuuksia.',
    INTERNAL: 'Tesserassa tapahtui virhe. Mitään ei muutettu.',
    session: {
      noToken: 'Sivu avattiin ilman istuntotunnistetta. Avaa osoite, jonka Tessera tulosti käynnistyessään.',
      expired: 'Sivu kuuluu aiempaan Tessera-istuntoon. Avaa osoite, jonka Tessera tulosti käynnistyessään.',
      unreachable: 'Tesseraa ei tavoiteta. Onko se yhä käynnissä?',
    },
    keychain: {
      noBus: 'Työpöydän istuntoväylä ei ole käynnissä, joten avainnippua ei tavoiteta.',
      noService:
        'Mikään Secret Service -palvelu (kuten GNOME Keyring, KWallet tai KeePassXC) ei ole käynnissä.',
      noCollection: 'Avainnipulla ei ole vielä oletuskokoelmaa: sitä ei ole koskaan luotu tai avattu.',
      locked: 'Avainnippu on lukittu. Avaa se (kirjaudu työpöytäistuntoon) ja yritä uudelleen.',
      noDbusSend: 'dbus-send puuttuu, joten avainnippua ei voi tarkistaa. Asenna dbus-paketti.',
      noAnswer: 'Secret Service ei vastannut.',
      failed: 'Avainnippu kieltäytyi toiminnosta: {{detail}}',
      databaseKeyMissing:
        'Tämän datakansion tietokannan avain ei ole tässä avainnipussa. Onko avainnippu nollattu, vai onko kansio toisen käyttäjän?',
      noPassword:
        'Työpöydän avainnippu ei ole käynnissä, eikä Tessera voi käynnistää omaansa ilman salasanaa: aseta TESSERA_KEYRING_PASSWORD tai käynnistä Tessera päätteessä, niin se kysyy salasanaa.',
      noPrivateBus:
        'Työpöydän avainnippu ei ole käynnissä, eikä Tessera saanut käynnistettyä omaa D-Bus-istuntoa. Asenna dbus-paketti.',
      keyringDidNotStart: 'Tesseran oma avainnippu ei käynnistynyt. Asenna gnome-keyring.',
      wrongPassword:
        'Tesseran oma avainnippu ei avautunut: salasana ei ole se, jolla tämän datakansion avainnippu luotiin.',
      storeFailed: 'Tessera ei voinut avata datakansiotaan: {{detail}}',
      dataFolderInUse:
        'Tämä datakansio on jo auki toisessa Tessera-ikkunassa tai -prosessissa. Sulje se ja yritä uudelleen.',
    },
    account: {
      notFound: 'Tiliä ei enää ole.',
      notHotp: 'Vain laskuriperusteisilla (HOTP) tileillä on seuraava koodi.',
      counterMax: 'Laskuri ei voi kasvaa enempää.',
      secretMissing: 'Tilin salaisuutta ei ole avainnipussa.',
    },
    otpauth: {
      tooLong: 'Linkki on yli {{max}} merkkiä pitkä; se ei ole asennuslinkki.',
      scheme: 'Tämä ei ole todennussovelluksen asennuslinkki: sen on alettava otpauth://.',
      malformed: 'Linkki ei ole kelvollinen otpauth://-linkki. Kopioi se uudelleen tarkasti.',
      type: '”{{value}}” ei ole Tesseran tuntema koodityyppi; odotettiin totp tai hotp.',
      duplicate: 'Parametri ”{{name}}” esiintyy useammin kuin kerran, joten linkki on monitulkintainen.',
      issuerMismatch:
        'Nimiössä myöntäjä on ”{{label}}”, mutta issuer-parametri sanoo ”{{param}}”. Aidossa asennuslinkissä on yksi myöntäjä; pyydä palvelulta uusi linkki.',
      issuerUnsafe:
        'Myöntäjässä on ohjaus- tai tekstinsuuntamerkkejä, jotka voivat naamioida sen. Poista ne.',
      accountNameUnsafe:
        'Tilin nimessä on ohjaus- tai tekstinsuuntamerkkejä, jotka voivat naamioida sen. Poista ne.',
      issuerTooLong: 'Myöntäjä on yli {{max}} merkkiä pitkä.',
      accountNameTooLong: 'Tilin nimi on yli {{max}} merkkiä pitkä.',
      label: 'Linkissä ei ole tiliä eikä myöntäjää; lisää jompikumpi, jotta erotat koodit toisistaan.',
      algorithm: 'Algoritmia ”{{value}}” ei tueta; käytä SHA1-, SHA256- tai SHA512-algoritmia.',
      digits: 'Koodissa on oltava {{min}}–{{max}} numeroa; linkki pyytää ”{{value}}”.',
      period: 'Koodin voimassaolon on oltava {{min}}–{{max}} sekuntia; linkki pyytää ”{{value}}”.',
      counter: 'Laskurin on oltava kokonaisluku, 0 tai suurempi.',
      secret: {
        missing: 'Linkissä ei ole salaisuutta, joten se ei voi tuottaa koodeja.',
        empty: 'Salaisuus on tyhjä. Kopioi palvelun koko asennusavain.',
        characters:
          'Salaisuus ei ole kelvollista base32-tekstiä: vain A–Z ja 2–7 ovat sallittuja (välilyönnit käyvät). Tarkista, onko 0, 1 tai 8 kirjoitettu väärin.',
        length:
          'Salaisuuden pituus on mahdoton base32-tekstille; osa puuttuu luultavasti. Kopioi se uudelleen.',
        tooShort: 'Salaisuus on lyhyempi kuin {{bits}} bittiä. Tarkista, että kopioit sen kokonaan.',
        tooLong:
          'Salaisuus on pidempi kuin mikään todellinen palvelu käyttää. Tarkista, että kopioit vain asennusavaimen.',
      },
    },
  },
};
