import type { Messages } from './en';
export const fiApplications: Pick<Messages, 'apps'> = {
  apps: {
    title: 'Sovellukset',
    intro:
      'Sovellukset, joihin käyttäjät kirjautuvat Tesseran kautta. Jokainen on Tesseran OpenID-palveluntarjoajan asiakas: se ohjaa käyttäjän Tesseraan, joka kirjaa hänet sisään identiteetintarjoajien ja reitityssääntöjen kautta, kysyy MFA:ta, kun käytäntö sitä edellyttää, ja antaa sovellukselle ID-tunnisteen.',
    mfaIdle:
      '”Vaadi MFA” -valinnoilla ei ole vaikutusta, kun ”Pakollinen valituille sovelluksille” on pois päältä MFA-käytännössä (tai MFA on pois päältä).',
    mfaEveryone:
      'MFA on pakollinen koko organisaatiolle: jokainen sovellus kysyy koodia valinnasta riippumatta.',
    list: 'Rekisteröidyt sovellukset',
    add: 'Lisää sovellus',
    none: 'Ei vielä sovelluksia. Lisää sovellus ja määritä se sitten alla olevalla discovery-URL:llä ja sen asiakastunnuksella.',
    name: 'Nimi',
    clientId: 'Asiakastunnus',
    type: 'Tyyppi',
    types: { confidential: 'Luottamuksellinen', public: 'Julkinen' },
    typeHints: {
      confidential: 'Palvelimella toimiva verkkosovellus, joka pystyy pitämään salaisuuden.',
      public: 'Työpöytä-, mobiili- tai yhden sivun sovellus: ei salaisuutta, PKCE vaaditaan.',
    },
    requireMfa: 'Vaadi MFA',
    requireMfaFor: 'Vaadi MFA: {{name}}',
    actions: 'Toiminnot',
    noRedirect: 'Ei uudelleenohjaus-URI:a: se ei voi vielä kirjautua.',
    noSecret: 'Ei vielä asiakassalaisuutta.',
    createSecret: 'Luo salaisuus',
    createSecretFor: 'Luo salaisuus: {{name}}',
    secretMade: 'Salaisuus luotu {{date}}',
    newSecret: 'Uusi salaisuus',
    newSecretFor: 'Uusi salaisuus: {{name}}',
    newSecretTitle: 'Uusi salaisuus: {{name}}?',
    newSecretBody:
      'Tessera luo uuden asiakassalaisuuden ja näyttää sen kerran. Nykyinen salaisuus lakkaa toimimasta heti: ennen kuin sovellus saa uuden, se ei voi kirjata ketään sisään.',
    newSecretConfirm: 'Luo uusi salaisuus',
    deleteBody:
      'Sen asiakastunnus lakkaa toimimasta heti: sovellus ei voi enää kirjata ketään sisään. Luottamuksellisen sovelluksen salaisuus poistetaan avainnipusta.',
    copyNamed: 'Kopioi: {{name}}',
    copiedNamed: 'Kopioitu: {{name}}',
    form: {
      keyHint:
        'Se, minkä sovellus lähettää client_id-arvonaan, esim. payroll. Kirjaimia, numeroita, ".", "_" tai "-".',
      secretOnSave: 'Tallennettaessa luodaan asiakassalaisuus, joka näytetään kerran.',
      secretComes: 'Tallennettaessa sille luodaan asiakassalaisuus, joka näytetään kerran.',
      secretGoes: 'Tallennettaessa sen asiakassalaisuus poistetaan: sen jälkeen sen on käytettävä PKCE:tä.',
      redirectUris: 'Uudelleenohjaus-URI:t',
      redirectUrisHint:
        'Yksi riville. Tessera ohjaa käyttäjät takaisin vain tässä lueteltuun URI:in, ja sen on vastattava täsmälleen: ei jokerimerkkejä, ei etuliitteitä. https tai http osoitteessa localhost tai 127.0.0.1.',
      logoutUris: 'Uloskirjautumisen jälkeiset uudelleenohjaus-URI:t',
      logoutUrisHint:
        'Yksi riville, täsmällinen vastaavuus: minne sovellus saa ohjata käyttäjät heidän kirjauduttuaan ulos.',
      scopes: 'Luovutettavat käyttöalueet (scopes)',
      scopesHint: 'Mitä sovellus saa pyytää tietää käyttäjästä.',
      firstParty: 'Oma sovellus (first party)',
      firstPartyOn: 'Organisaation oma sovellus: käyttäjät kirjautuvat siihen ilman suostumusnäkymää.',
      firstPartyOff:
        'Käyttäjiltä kysytään, sallivatko he sovelluksen nähdä sen, mitä käyttöalueet luovuttavat.',
      requireMfaHint: 'Pätee, kun ”Pakollinen valituille sovelluksille” on päällä MFA-käytännössä.',
      fixFields: 'Korjaa punaisella merkityt kentät ja tallenna uudelleen.',
    },
    scopes: {
      openid: 'Luovutetaan aina: kuka käyttäjä on (hänen tunnuksensa).',
      profile: 'Nimi ja muut hakemiston profiilimääritteet.',
      email: 'Sähköpostiosoite.',
      groups: 'Hakemiston ryhmät, joihin käyttäjä kuuluu.',
      offline_access: 'Päivitystunnisteet: sovellus pysyy kirjautuneena kysymättä uudelleen.',
    },
    keyInvalid:
      'Käytä kirjaimia, numeroita, ".", "_" tai "-" (enintään 64), ja aloita kirjaimella tai numerolla.',
    uri: {
      notAbsolute: '”{{value}}” ei ole absoluuttinen URL (esimerkiksi https://app.example.com/callback).',
      fragment: '”{{value}}” sisältää fragmentin (#…); uudelleenohjaus-URI:ssa ei saa olla sitä.',
      userinfo: '”{{value}}” sisältää käyttäjänimen tai salasanan.',
      http: '”{{value}}” käyttää http:tä osoitteessa {{host}}: käytä https:ää (pelkkä http vain osoitteissa localhost tai 127.0.0.1).',
      appScheme:
        '”{{value}}” käyttää sovellusskeemaa: vain julkinen sovellus (työpöytä tai mobiili) saa käyttää sitä.',
      scheme:
        '”{{value}}” käyttää skeemaa {{scheme}}: käytä https:ää, http:tä osoitteessa localhost tai sovellusskeemaa kuten com.example.app:/callback.',
      tooLong: 'URI:ssa saa olla enintään {{max}} merkkiä.',
      tooMany: 'Enintään {{max}} URI:a.',
      twice: '”{{value}}” on luettelossa kahdesti.',
    },
    secret: {
      title: 'Asiakassalaisuus: {{name}}',
      intro: 'Määritä sovellukseen tämä asiakastunnus ja salaisuus.',
      label: 'Asiakassalaisuus',
      onceTitle: 'Näytetään vain tämän kerran',
      once: 'Kopioi salaisuus nyt ja vie se sinne, mistä sovellus sen lukee. Tessera säilyttää sen järjestelmän avainnipussa eikä näytä sitä enää koskaan; jos se katoaa, luo uusi.',
      done: 'Olen kopioinut sen',
    },
    op: {
      title: 'OpenID-palveluntarjoaja',
      intro:
        'Sovellus määritetään discovery-URL:llä: siitä sovellus löytää Tesseran päätepisteet ja allekirjoitusavaimet.',
      running: 'Käynnissä',
      stopped: 'Ei käynnissä',
      stoppedHint: 'Kirjautumispalvelu ei ole käynnissä, joten mikään sovellus ei voi nyt kirjautua.',
      issuer: 'Myöntäjä',
      discoveryUrl: 'Discovery-URL',
      keys: 'Allekirjoitusavaimet',
      noKeys: 'Ei vielä allekirjoitusavainta: Tessera luo sen, kun ensimmäinen sovellus kirjautuu.',
      kid: 'Avaimen tunnus',
      alg: 'Algoritmi',
      created: 'Luotu',
      status: 'Tila',
      active: 'Allekirjoittaa uudet tunnisteet',
      published: 'Julkaistu',
      publishedUntil: 'Julkaistu {{date}} asti',
      rotate: 'Vaihda allekirjoitusavain',
      rotateTitle: 'Vaihdetaanko allekirjoitusavain?',
      rotateBody:
        'Uusi avain allekirjoittaa tästä lähtien kaikki tunnisteet. Nykyinen avain pysyy julkaistuna, kunnes sillä allekirjoitetut tunnisteet ovat vanhentuneet, joten sovellukset hyväksyvät ne edelleen; sitten se poistetaan.',
      rotateConfirm: 'Vaihda',
      rotated: 'Uusi allekirjoitusavain allekirjoittaa tunnisteet tästä lähtien.',
    },
  },
};
