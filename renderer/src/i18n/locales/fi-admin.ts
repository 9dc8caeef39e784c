import type { Messages } from './en';

/** The admin console's words (Finnish); fi.ts merges them. */
export const fiAdmin: Pick<
  Messages,
  'common' | 'org' | 'idp' | 'saml' | 'oidc' | 'builtin' | 'rules' | 'sim' | 'mfa' | 'audit'
> = {
  common: {
    save: 'Tallenna',
    cancel: 'Peruuta',
    delete: 'Poista',
    edit: 'Muokkaa',
    editNamed: 'Muokkaa: {{name}}',
    deleteNamed: 'Poista {{name}}',
    back: 'Takaisin',
    next: 'Seuraava',
    copy: 'Kopioi',
    copied: 'Kopioitu',
    close: 'Sulje',
    skipToContent: 'Siirry pääsisältöön',
  },
  org: {
    title: 'Organisaatio',
    name: 'Organisaation nimi',
    id: 'Organisaation tunnus',
    entityId: 'SP:n entiteettitunnus',
    signinPort: 'Kirjautumispalvelun portti',
    signinPortHint:
      'Osoitteessa 127.0.0.1; identiteetintarjoajille annetaan tätä porttia käyttävät URL-osoitteet.',
    signinUrl: 'Kirjautumisosoite',
    signinStopped: 'Kirjautumispalvelu ei ole käynnissä',
    resolver: 'DNS-palvelin vahvistusta varten',
    resolverHint: 'IP-osoite, valinnaisesti portin kanssa. Tyhjä: järjestelmän DNS-palvelimet.',
    saved: 'Organisaation asetukset tallennettiin.',
    domains: 'Verkkotunnukset',
    domainsHelp:
      'Vahvista jokainen verkkotunnus, jota käyttäjiesi sähköpostiosoitteet käyttävät, ja lunasta se sitten: kirjautumisen yhteydessä käyttäjätili luodaan vain lunastettujen verkkotunnusten käyttäjille.',
    addDomain: 'Verkkotunnus',
    addDomainButton: 'Lisää verkkotunnus',
    domainInvalid: 'Anna verkkotunnus, esimerkiksi example.com.',
    noDomains: 'Ei vielä verkkotunnuksia.',
    domain: 'Verkkotunnus',
    status: 'Tila',
    claimed: 'Lunastettu',
    claimLabel: 'Lunasta {{domain}}',
    verified: 'Vahvistettu',
    pending: 'Ei vahvistettu',
    verify: 'Vahvista',
    verifiedToast: '{{domain}} on vahvistettu.',
    deleteDomain: 'Poista {{domain}}',
    deleteDomainBody:
      'Verkkotunnus poistetaan organisaatiosta; jos lisäät sen uudelleen, se on vahvistettava uudelleen.',
    addRecord: 'Lisää tämä TXT-tietue DNS-palveluntarjoajallasi ja valitse sitten Vahvista:',
    recordName: 'Nimi',
  },
  idp: {
    title: 'Identiteetintarjoajat',
    add: 'Lisää identiteetintarjoaja',
    addSaml: 'SAML 2.0',
    addOidc: 'OpenID Connect',
    addBuiltin: 'Sisäänrakennettu identiteetti',
    empty: 'Ei vielä identiteetintarjoajia. Ensimmäinen lisäämäsi saa oletusreitityssäännön.',
    ssoSwitch: 'Kertakirjautuminen',
    ssoSwitchOff:
      'Pois: ketään ei ohjata SAML- tai OpenID Connect -tarjoajalle; sisäänrakennettu identiteetti toimii edelleen.',
    ssoSwitchOn:
      'Päällä: henkilöt ohjataan niille aktivoiduille SAML- ja OpenID Connect -tarjoajille, jotka heidän reitityssääntönsä nimeävät.',
    ssoOnTitle: 'Otetaanko kertakirjautuminen käyttöön?',
    ssoOnBody:
      'Aktivoituja identiteetintarjoajia, joilla on aktiivinen reitityssääntö, käytetään seuraavassa kirjautumisessa.',
    ssoOn: 'Ota käyttöön',
    ssoOffTitle: 'Poistetaanko kertakirjautuminen käytöstä kaikilta identiteetintarjoajilta?',
    ssoOffBody:
      'Kukaan ei voi kirjautua minkään SAML- tai OpenID Connect -tarjoajan kautta, ennen kuin otat sen uudelleen käyttöön. Määritykset säilyvät.',
    ssoOff: 'Poista SSO käytöstä',
    kind: { saml: 'SAML', oidc: 'OpenID Connect', builtin: 'Sisäänrakennettu' },
    status: {
      live: 'Aktiivinen',
      'not-activated': 'Ei aktivoitu',
      'no-active-rule': 'Ei käytössä: ei aktiivista sääntöä',
      'sso-off': 'Ei käytössä: SSO on pois päältä',
    },
    lessSecure: 'Vähemmän turvallinen metadata',
    builtinDetail: 'Tesseran säilyttämät salasanat',
    rulesCount_one: '{{count}} reitityssääntö',
    rulesCount_other: '{{count}} reitityssääntöä',
    actions: 'Toiminnot: {{name}}',
    activate: 'Aktivoi',
    activateTitle: 'Aktivoidaanko {{name}}?',
    activateBody:
      'Aktivoinnin jälkeen henkilöt, joihin sen reitityssäännöt täsmäävät, ohjataan sille seuraavassa kirjautumisessa. Testaa se ennen aktivointia.',
    deactivate: 'Poista käytöstä',
    deactivateTitle: 'Poistetaanko {{name}} käytöstä?',
    deactivateBody: 'Sille ei enää ohjata ketään; sen säännöt säilyvät, ja oletussääntö ohitetaan.',
    downloadMetadata: 'Lataa sen metadata',
    deleteTitle: 'Poistetaanko {{name}}?',
    deleteBody: 'Sen määritykset poistetaan pysyvästi, ja sen asiakassalaisuus poistetaan avainnipusta.',
    deleteHasDefault:
      'Se saa oletussäännön. Kohdista oletussääntö ensin toiseen identiteetintarjoajaan (Reitityssäännöt), ellei tämä ole ainoa.',
    deleteHasRules_one: 'Sillä on vielä {{count}} reitityssääntö: {{rules}}.',
    deleteHasRules_other: 'Sillä on vielä {{count}} reitityssääntöä: {{rules}}.',
    deleteRulesToo: 'Poista myös nämä säännöt',
    deleteBuiltinUsers: 'Myös sen paikalliset käyttäjät ja heidän salasanansa poistetaan.',
    deleteConfirm: 'Poista identiteetintarjoaja',
  },
  saml: {
    title: 'Lisää SAML-identiteetintarjoaja',
    editTitle: 'Muokkaa: {{name}}',
    stepCertificate: 'SP-varmenne',
    stepSpMetadata: 'SP-metadata',
    stepIdpMetadata: 'IdP-metadata',
    stepSettings: 'Asetukset',
    certificateHelp:
      'Tessera allekirjoittaa pyyntönsä tällä varmenteella. Itse allekirjoitettua suositellaan (voimassa 5 vuotta); CA:n allekirjoittama on lähetettävä jokaiselle IdP:lle uudelleen aina, kun se uusitaan.',
    certificateCurrent: 'Nykyinen SP-varmenne',
    certificateNone: 'SP-varmennetta ei ole vielä: luo tai tuo varmenne.',
    certKind: { 'self-signed': 'Itse allekirjoitettu', 'ca-signed': 'CA:n allekirjoittama' },
    validUntil: 'voimassa {{date}} asti',
    certGenerate: 'Itse allekirjoitettu',
    certImportPem: 'CA:n allekirjoittama (PEM)',
    certImportPkcs12: 'CA:n allekirjoittama (PKCS#12)',
    keyType: 'Avaintyyppi',
    keyTypes: { 'rsa-2048': 'RSA 2048', 'rsa-3072': 'RSA 3072', 'p-256': 'ECDSA P-256' },
    certGenerateButton: 'Luo varmenne',
    certRegenerate: 'Korvaa uudella varmenteella',
    certChainPem: 'Varmenne ja ketju (PEM)',
    certChainPemHint: 'Ensin varmenne, sitten sen välivarmenteet.',
    privateKeyPem: 'Yksityinen avain (PEM)',
    keyPassphrase: 'Avaimen tunnuslause (jos avain on salattu)',
    pkcs12File: 'PKCS#12-tiedosto (.p12, .pfx)',
    pkcs12Password: 'Tiedoston salasana',
    pkcs12TooLarge: 'Tiedosto on liian suuri ollakseen varmenne.',
    certImportButton: 'Tuo varmenne',
    spMetadataHelp:
      'Anna tämä metadata identiteetintarjoajan ylläpitäjälle tai syötä alla olevat arvot sinne käsin.',
    spEntityId: 'Entiteettitunnus (Entity ID)',
    acsUrl: 'Väitteiden vastaanottopalvelu (Assertion Consumer Service, HTTP-POST)',
    signMetadata: 'Allekirjoita metadata',
    downloadSpMetadata: 'Lataa SP-metadata',
    upload: 'Tuo metadata',
    manual: 'Syötä käsin',
    keepCurrent: 'Nykyinen metadata säilyy, ellet tuo uutta metadataa.',
    dropMetadata: 'Pudota IdP-metadatatiedosto tähän tai valitse se napsauttamalla',
    dropMetadataHint: 'XML-tiedosto, enintään 1 Mt.',
    chooseEntity: 'Tämän tiedoston identiteetintarjoaja',
    chooseEntityHint:
      '{{file}} kuvaa {{count}} identiteetintarjoajaa (federaation metatiedot). Valitse se, jonka lisäät; koko tiedoston allekirjoitus tarkistetaan.',
    chooseEntityPlaceholder: 'Valitse identiteetintarjoaja',
    entityId: 'IdP:n entiteettitunnus',
    ssoUrl: 'Kertakirjautumisen URL-osoite',
    binding: 'Sidonta',
    sloUrl: 'Kertauloskirjautumisen URL-osoite (valinnainen)',
    signingCertificate: 'Allekirjoitusvarmenne (PEM)',
    signingCertificateHint: 'Varmenne, jolla IdP allekirjoittaa väitteensä.',
    signingCertificateN: 'Allekirjoitusvarmenne {{n}}',
    name: 'Nimi',
    userIdAttribute: 'Käyttäjätunnuksen attribuutti',
    userIdAttributeHint:
      'SAML-attribuutti, joka sisältää käyttäjätunnuksen (esimerkiksi uid, email tai upn).',
    acknowledge: 'Ymmärrän, että tämä määritys on vähemmän turvallinen, ja haluan käyttää sitä.',
    notLiveYet: 'Tallentaminen ei ota sitä käyttöön: se tulee voimaan vasta, kun aktivoit sen.',
    trust: {
      'public-root': 'Turvallisempi: julkisen varmentajan allekirjoittama',
      'self-signed': 'Vähemmän turvallinen: allekirjoitettu itse allekirjoitetulla varmenteella',
      unsigned: 'Vähemmän turvallinen: metadataa ei ole allekirjoitettu',
      manual: 'Vähemmän turvallinen: syötetty käsin',
    },
    trustBody: {
      'public-root': 'Metadatan allekirjoitus johtaa juurivarmenteeseen, johon tämä tietokone luottaa.',
      'self-signed':
        'Allekirjoitus on kelvollinen, mutta kuka tahansa voi luoda tällaisen varmenteen; varmista, että tiedosto on peräisin IdP:si ylläpitäjältä.',
      unsigned: 'Mikään ei todista, mistä tiedosto on peräisin; varmista, että se on IdP:si ylläpitäjältä.',
      manual: 'Mikään ei todista, mistä arvot ovat peräisin; tarkista ne IdP:si ylläpitäjältä.',
    },
  },
  oidc: {
    title: 'Lisää OpenID Connect -identiteetintarjoaja',
    editTitle: 'Muokkaa: {{name}}',
    name: 'Nimi',
    redirectUri: 'Tarjoajalle rekisteröitävä uudelleenohjaus-URI',
    postLogoutRedirectUri: 'Tarjoajalle rekisteröitävä uloskirjautumisen jälkeinen uudelleenohjaus-URI',
    clientId: 'Asiakastunnus (client ID)',
    clientSecret: 'Asiakassalaisuus (client secret)',
    clientSecretHint: 'Säilytetään järjestelmän avainnipussa; Tessera ei näytä sitä enää koskaan.',
    clientSecretKeep: 'Avainnipussa on tallennettu salaisuus. Jätä kenttä tyhjäksi, niin se säilyy.',
    scopes: 'Käyttöalueet (scopes)',
    scopesHint: 'Mukana on oltava openid. Paina Enter jokaisen jälkeen.',
    discovery: 'Discovery-URL',
    manual: 'Syötä päätepisteet käsin',
    discoveryUrl: 'Discovery-URL tai myöntäjä',
    fetch: 'Hae',
    field: {
      issuer: 'Myöntäjä',
      authorizationEndpoint: 'Valtuutuksen päätepiste',
      tokenEndpoint: 'Token-päätepiste',
      jwksUri: 'JWKS URI',
      userinfoEndpoint: 'Userinfo-päätepiste',
      endSessionEndpoint: 'Istunnon päättämisen päätepiste',
    },
    automaticLogout: 'Salli automaattinen uloskirjautuminen istunnosta',
    automaticLogoutHint:
      'Tesserasta uloskirjautuminen päättää myös istunnon tarjoajalla (edellyttää sen istunnon päättämisen päätepistettä).',
    noEndSession:
      'Tämä tarjoaja ei ilmoita istunnon päättämisen päätepistettä, joten automaattinen uloskirjautuminen ei voi toimia.',
    authMethod: 'Token-päätepisteen todennus',
    authMethodHint:
      'Miten Tessera todistaa olevansa tämä asiakas vaihtaessaan koodin. Käytä menetelmää, jolla asiakas on rekisteröity palveluntarjoajalle; luettelossa ovat palveluntarjoajan tarjoamat menetelmät.',
    authMethods: {
      client_secret_basic: 'Asiakassalaisuus HTTP Basic -otsakkeessa (client_secret_basic)',
      client_secret_post: 'Asiakassalaisuus pyynnön rungossa (client_secret_post)',
      private_key_jwt: 'Tesseran avaimella allekirjoitettu JWT (private_key_jwt)',
    },
    keyOnSave:
      'Tessera luo avaimensa, kun tallennat: yksityinen avain pysyy järjestelmän avainnipussa. Avaa sitten tämä identiteetintarjoaja uudelleen, kopioi julkinen avain (JWKS) ja rekisteröi se palveluntarjoajalle.',
    keyRegister:
      'Rekisteröi tämä julkinen avain (JWKS) asiakkaalle palveluntarjoajalla. Yksityinen avain pysyy järjestelmän avainnipussa.',
    jwks: 'Tesseran julkinen avain (JWKS)',
    copyJwks: 'Kopioi JWKS',
    jwksCopied: 'JWKS kopioitu',
    jwksUrl: 'Julkaistu myös osoitteessa',
  },
  builtin: {
    title: 'Lisää sisäänrakennettu identiteetti',
    intro: 'Sisäänrakennettua identiteettiä käytettäessä Tessera tarkistaa itse käyttäjien salasanat:',
    point1: 'Luot jokaisen henkilön tilin täällä ja annat hänelle salasanan.',
    point2: 'Salasanat tallennetaan vain Argon2id-tiivisteinä Tesseran salattuun tietokantaan.',
    point3: 'Ryhmiä ei hallita täällä; ne saadaan JIT:n kautta muilta identiteetintarjoajilta.',
    acknowledge: 'Ymmärrän, miten sisäänrakennettu identiteetti toimii.',
    defaultRule: 'Ensimmäisenä identiteetintarjoajana se saa oletusreitityssäännön.',
    withRule: 'Lisää sille reitityssääntö nyt',
    ruleName: 'Sisäänrakennettu identiteetti',
    add: 'Lisää sisäänrakennettu identiteetti',
    users: 'Sisäänrakennettu identiteetti: käyttäjät',
    addUser: 'Lisää käyttäjä',
    addUserButton: 'Lisää',
    noUsers: 'Ei vielä käyttäjiä.',
    email: 'Sähköposti',
    displayName: 'Näyttönimi',
    password: 'Salasana',
    passwordHint: 'Vähintään {{min}} merkkiä.',
    passwordShort: 'Käytä vähintään {{min}} merkkiä.',
    deleteUser: 'Poista {{email}}',
    deleteUserBody: 'Tili ja sen salasana poistetaan; henkilö ei voi enää kirjautua sillä.',
  },
  rules: {
    title: 'Reitityssäännöt',
    help: 'Sääntöjä kokeillaan ylhäältä alkaen; ensimmäinen täsmäävä aktiivinen sääntö ratkaisee identiteetintarjoajan. Kaikki muut ohjataan oletussäännölle.',
    add: 'Lisää sääntö',
    addTitle: 'Lisää reitityssääntö',
    editTitle: 'Muokkaa: {{name}}',
    addButton: 'Lisää',
    addedInactive: 'Uudet säännöt lisätään ei-aktiivisina; aktivoi sääntö luettelossa, kun se on valmis.',
    noIdps: 'Lisää ensin identiteetintarjoaja.',
    table: 'Reitityssäännöt tärkeysjärjestyksessä',
    name: 'Nimi',
    type: 'Tyyppi',
    typeDomain: 'Sähköpostin verkkotunnuksen mukaan',
    typeGroup: 'Ryhmän mukaan',
    typeDomainShort: 'Verkkotunnukset',
    typeGroupShort: 'Ryhmät',
    domains: 'Verkkotunnukset',
    groups: 'Ryhmät',
    valuesHint: 'Paina Enter tai pilkku jokaisen jälkeen.',
    matches: 'Ehto',
    idp: 'Identiteetintarjoaja',
    mfa: 'MFA',
    mfaChoice: {
      keep: 'Säilytä nykyinen MFA-tila (organisaation käytäntöä noudatetaan)',
      override: 'Ohita MFA-tila tälle säännölle',
      enable: 'Ota MFA käyttöön vain tälle säännölle',
    },
    mfaShort: { keep: 'Käytäntö', override: 'Ohitettu', enable: 'Pakollinen' },
    mfaRequired: 'Vaadi MFA tämän säännön reitittämiltä henkilöiltä',
    on: 'päällä',
    off: 'pois',
    active: 'Aktiivinen',
    activeLabel: '{{name}} on aktiivinen',
    alwaysActive: 'Aina aktiivinen',
    defaultName: 'Oletussääntö',
    defaultIdp: 'Oletussäännön identiteetintarjoaja',
    everyoneElse: 'Kaikki muut',
    moveUp: 'Siirrä ylös: {{name}}',
    moveDown: 'Siirrä alas: {{name}}',
    edit: 'Muokkaa: {{name}}',
    deleteLabel: 'Poista {{name}}',
    deactivate: 'Poista käytöstä',
    deactivateTitle: 'Poistetaanko {{name}} käytöstä?',
    deactivateBody: 'Henkilöt, joihin se täsmää, ohjataan seuraavaan heihin täsmäävään sääntöön.',
    delete: 'Poista',
    deleteTitle: 'Poistetaanko {{name}}?',
    deleteBody: 'Sääntö poistetaan pysyvästi.',
    orphanTitle: 'Jätetäänkö identiteetintarjoaja ilman aktiivista sääntöä?',
    orphanConfirm: 'Jatka',
    orphanWarning: 'Tämän jälkeen aktiivista sääntöä ei ole seuraavilla: {{idps}}. Niille ei ohjata ketään.',
  },
  sim: {
    title: 'Reitityssimulaattori',
    email: 'Sähköposti',
    groups: 'Ryhmät',
    application: 'Sovellus',
    noApplication: 'Ei mitään',
    optedIn: 'Henkilö on ottanut MFA:n käyttöön',
    run: 'Simuloi',
    matched: 'Sääntö ”{{rule}}” ohjaa käyttäjän {{email}} identiteetintarjoajalle {{idp}}.',
    noMatch:
      'Käyttäjään {{email}} ei sovellu mikään aktiivinen sääntö, jonka identiteetintarjoaja on käytössä: hän ei voi kirjautua.',
    mfaRequired: 'MFA vaaditaan',
    mfaNotRequired: 'Ei MFA:ta',
    mfaReason: {
      'rule-enables': 'Sääntö ottaa MFA:n käyttöön reitittämilleen henkilöille.',
      'rule-override-on': 'Sääntö ohittaa käytännön ja vaatii MFA:n.',
      'rule-override-off': 'Sääntö ohittaa käytännön eikä vaadi MFA:ta.',
      'org-mandatory-beats-override':
        'Sääntö poistaa MFA:n käytöstä, mutta MFA on pakollinen koko organisaatiolle, eikä sääntö voi ohittaa sitä.',
      'org-off': 'MFA ei ole käytössä organisaatiossa.',
      'org-mandatory': 'MFA on pakollinen koko organisaatiolle.',
      'application-mandatory': 'Tämä sovellus vaatii MFA:n.',
      'user-opted-in': 'Henkilö on itse ottanut MFA:n käyttöön.',
      'not-required': 'Mikään käytännössä ei vaadi MFA:ta tässä.',
    },
    otherRule: 'Muu sääntö',
    why: 'Miksi sitä ei sovellettu',
    miss: {
      inactive: 'Se ei ole aktiivinen.',
      'idp-not-live': 'Sen identiteetintarjoaja ei ole käytössä (tai SSO on pois päältä).',
      'domain-differs': 'Sähköpostin verkkotunnus ei ole mikään sen verkkotunnuksista.',
      'no-group-in-common': 'Henkilö ei kuulu mihinkään sen ryhmistä.',
      'earlier-rule-matched': 'Sekin täsmää, mutta aiempi sääntö oli ensin.',
    },
  },
  mfa: {
    title: 'MFA-käytäntö',
    enabled: 'Monivaiheinen todennus',
    enabledHint:
      'Kirjautuessa kysytään koodia todennussovelluksesta, kun alla olevat asetukset sitä edellyttävät.',
    allowPerUser: 'Salli käyttäjäkohtainen MFA',
    allowPerUserHint: 'Käyttäjät voivat itse ottaa MFA:n käyttöön profiilissaan.',
    mandatoryForApplications: 'Pakollinen valituille sovelluksille',
    mandatoryForApplicationsHint: 'Sovellukset, joissa ”Vaadi MFA” on päällä, kysyvät aina koodia.',
    mandatoryForOrganization: 'Pakollinen koko organisaatiolle',
    mandatoryForOrganizationHint:
      'Kaikille, kaikissa sovelluksissa; käyttäjät eivät voi enää poistaa sitä käytöstä.',
    perApplication:
      'Se, mitkä sovellukset vaativat MFA:n, asetetaan sovelluskohtaisesti Sovellukset-osiossa.',
  },
  audit: {
    title: 'Tapahtumaloki',
    filter: 'Suodata',
    filterHint: 'Toiminto tai kohde, esim. idp tai example.com',
    empty: 'Muutoksia ei ole kirjattu.',
    before: 'Ennen',
    after: 'Jälkeen',
    more: 'Näytä vanhemmat muutokset',
    actor: 'Tämän tietokoneen ylläpitäjä',
    outcome: 'Toteutettu',
    outcomeHint: 'Vain tallennetut muutokset kirjataan; hylätty muutos ei jätä jälkeä.',
    actions: {
      application: {
        add: 'Sovellus lisätty',
        update: 'Sovellusta muutettu',
        delete: 'Sovellus poistettu',
      },
      builtin: {
        user: {
          add: 'Paikallinen käyttäjä lisätty',
          delete: 'Paikallinen käyttäjä poistettu',
        },
        users: {
          delete: 'Paikalliset käyttäjät poistettu',
        },
      },
      directory: {
        settings: 'Hakemiston asetuksia muutettu',
        user: {
          'reset-mfa': 'Käyttäjän MFA nollattu',
        },
      },
      domain: {
        add: 'Verkkotunnus lisätty',
        claim: 'Verkkotunnuksen haltuunottoa muutettu',
        delete: 'Verkkotunnus poistettu',
        verify: 'Verkkotunnus vahvistettu',
      },
      idp: {
        add: 'Tunnistuspalvelu lisätty',
        update: 'Tunnistuspalvelua muutettu',
        activate: 'Tunnistuspalvelu aktivoitu',
        deactivate: 'Tunnistuspalvelu poistettu käytöstä',
        delete: 'Tunnistuspalvelu poistettu',
        jit: 'JIT ja attribuuttien vastaavuudet muutettu',
      },
      mfa: {
        policy: 'MFA-käytäntöä muutettu',
      },
      org: {
        update: 'Organisaation asetuksia muutettu',
      },
      rule: {
        add: 'Reitityssääntö lisätty',
        update: 'Reitityssääntöä muutettu',
        activate: 'Reitityssääntö aktivoitu',
        deactivate: 'Reitityssääntö poistettu käytöstä',
        default: 'Oletussääntö ohjattu uudelleen',
        delete: 'Reitityssääntö poistettu',
        reorder: 'Reitityssääntöjen järjestystä muutettu',
      },
      sp: {
        certificate: 'SP-varmennetta muutettu',
      },
      sso: {
        setEnabled: 'Kertakirjautuminen kytketty',
      },
    },
  },
};

/** Reasons the admin services give (errors.<reason>), in Finnish. */
export const fiAdminErrors: Pick<
  Messages['errors'],
  'domain' | 'application' | 'idp' | 'saml' | 'oidc' | 'dns' | 'builtin' | 'sp' | 'rule'
> = {
  domain: {
    notFound: 'Verkkotunnusta {{domain}} ei ole luettelossa.',
    duplicate: '{{domain}} on jo luettelossa.',
    notVerified:
      'Vahvista {{domain}} ennen kuin lunastat sen: lisää näytetty TXT-tietue ja valitse sitten Vahvista.',
  },
  application: {
    duplicateKey: 'Toinen sovellus käyttää jo asiakastunnusta ”{{key}}”.',
    notFound: 'Sovellusta ei enää ole.',
    unknown: 'Millään sovelluksella ei ole tunnusta ”{{key}}”.',
    publicHasNoSecret:
      '{{name}} on julkinen sovellus: sillä ei ole salaisuutta (se todistaa itsensä PKCE:llä).',
  },
  idp: {
    notFound: 'Identiteetintarjoajaa ei enää ole.',
    wrongKind: 'Identiteetintarjoaja on eri tyyppiä.',
    duplicateName: 'Toisen identiteetintarjoajan nimi on jo ”{{name}}”.',
    hasDefaultRule:
      '”{{name}}” saa oletussäännön. Kohdista oletussääntö ensin toiseen identiteetintarjoajaan.',
    hasRules:
      'Identiteetintarjoajalla ”{{name}}” on vielä reitityssääntöjä. Poista ne ensin käytöstä tai poista ne, tai poista ne yhdessä identiteetintarjoajan kanssa.',
    notSaml: 'Identiteetintarjoaja ei käytä SAML:ää.',
    notOidc: 'Identiteetintarjoaja ei käytä OpenID Connectia.',
  },
  saml: {
    acknowledgeLessSecure:
      'Tätä metadataa ei ole allekirjoitettu varmenteella, joka johtaa julkiseen juurivarmenteeseen. Jatka vahvistamalla, että ymmärrät määrityksen olevan vähemmän turvallinen.',
    duplicateEntityId: '”{{name}}” käyttää jo IdP:n entity ID:tä {{entityId}}.',
    sourceRequired: 'Tuo IdP-metadata tai täytä lomake.',
    noMetadata: 'Tämä identiteetintarjoaja syötettiin käsin; metadatatiedostoa ei ole.',
  },
  oidc: {
    secretRequiredForNewEndpoint:
      'Myöntäjä tai tunnuspäätepiste muuttui: anna asiakassalaisuus uudelleen, jotta se lähetetään uuteen osoitteeseen.',
    secretRequired: 'Anna asiakassalaisuus, jonka tarjoaja myönsi Tesseralle.',
    endSessionRequired:
      'Automaattinen uloskirjautuminen istunnosta edellyttää tarjoajan istunnon päättämisen päätepistettä. Anna se tai kytke valitsin pois.',
    insecureUrl:
      'Discovery-URL:n ”{{url}}” on alettava https:// (http:// sallitaan vain osoitteille 127.0.0.1 ja localhost).',
    badUrl:
      '”{{url}}” ei ole OpenID Connect -discovery-osoite. Anna myöntäjä, kuten https://idp.example.com, tai sen /.well-known/openid-configuration-osoite.',
    unreachable:
      'OpenID-määritystä ei saatu osoitteesta {{url}}. Tarkista osoite ja se, että tämä tietokone tavoittaa identiteetintarjoajan.',
    timeout: '{{url}} ei vastannut {{seconds}} sekunnissa. Tarkista osoite tai yritä myöhemmin uudelleen.',
    notJson:
      '{{url}} ei palauttanut OpenID-määritystä (JSON-objektia). Tarkista, että tämä on discovery-osoite.',
    tooLarge:
      'Osoitteessa {{url}} oleva asiakirja on suurempi kuin {{maxKiB}} KiB, paljon enemmän kuin OpenID-määritys.',
    issuerMismatch:
      'Identiteetintarjoaja ilmoittaa myöntäjäkseen ”{{actual}}”, mutta discovery-URL:ssa on ”{{expected}}”. Niiden on vastattava toisiaan täsmälleen.',
    missingField: 'OpenID-määrityksestä puuttuu ”{{field}}”.',
    insecureEndpoint:
      'Päätepiste ”{{field}}” ei ole https://-osoite (http:// sallitaan vain osoitteille 127.0.0.1 ja localhost).',
    noCodeFlow:
      'Identiteetintarjoaja {{issuer}} ei tarjoa valtuutuskoodin kulkua (authorization code flow); Tessera kirjautuu vain sillä.',
    noSupportedAlg:
      'Identiteetintarjoaja {{issuer}} allekirjoittaa ID-tunnukset algoritmilla {{announced}}; Tessera hyväksyy vain RSA-, RSA-PSS-, ECDSA- ja EdDSA-allekirjoitukset.',
    secretMissing:
      'Identiteetintarjoajan asiakassalaisuus puuttuu avainnipusta; anna se uudelleen sen asetuksissa.',
    templatedIssuer:
      'Myöntäjä ”{{issuer}}” on usean vuokraajan malli, ei yksi identiteetintarjoaja. Lisää URL-osoitteeseen oma vuokraajatunnuksesi (tenant ID): {{suggestion}}.',
    noSupportedAuthMethod:
      'Identiteetintarjoaja {{issuer}} sallii asiakkaiden tunnistautua token-päätepisteeseen vain menetelmillä {{announced}}; Tessera tukee menetelmiä client_secret_basic, client_secret_post ja private_key_jwt.',
    authMethodNotOffered:
      'Identiteetintarjoaja ei tarjoa menetelmää {{method}} token-päätepisteessään; se tarjoaa: {{offered}}. Valitse jokin niistä.',
  },
  dns: {
    badResolver:
      '”{{value}}” ei ole DNS-palvelimen osoite. Anna IP-osoite, valinnaisesti portin kanssa: 1.1.1.1, 192.0.2.53:5353 tai [::1]:53.',
    badDomain: '”{{domain}}” ei ole verkkotunnus.',
    noRecord:
      'Nimellä {{recordName}} ei ole TXT-tietuetta. Lisää TXT-tietue, jonka nimi on {{recordName}} ja arvo {{token}}, ja vahvista sitten uudelleen (uusien tietueiden näkyminen voi kestää hetken).',
    tokenMismatch:
      'Nimellä {{recordName}} on TXT-tietueita {{found}}, mutta mikään niistä ei ole {{token}}. Tarkista, että arvo kopioitiin täsmälleen.',
    timeout:
      'DNS-palvelin ({{resolver}}) ei vastannut {{seconds}} sekunnissa. Tarkista DNS-palvelimen asetus ja verkkoyhteys.',
    failed:
      'Nimen {{recordName}} haku palvelimelta {{resolver}} epäonnistui ({{code}}). Yritä uudelleen tai käytä toista DNS-palvelinta.',
  },
  builtin: {
    exists: 'Sisäänrakennettu identiteetti on jo lisätty.',
    missing: 'Lisää ensin sisäänrakennettu identiteetti.',
    duplicateUser: 'Käyttäjällä {{email}} on jo sisäänrakennettu tili.',
    userNotFound: 'Käyttäjää ei enää ole.',
  },
  sp: {
    noCertificate: 'Luo tai tuo ensin SP-varmenne; metadata sisältää sen.',
    keyMissing: 'SP:n yksityinen avain puuttuu avainnipusta; luo uusi SP-varmenne.',
  },
  rule: {
    notFound: 'Reitityssääntöä ei enää ole.',
    idpMissing: 'Identiteetintarjoajaa, johon sääntö viittaa, ei enää ole; valitse toinen.',
    domainTaken:
      '{{domain}} on jo säännön ”{{rule}}” reitittämä; verkkotunnus voi olla vain yhdessä säännössä.',
    defaultFixed:
      'Oletussääntöä ei voi poistaa käytöstä eikä poistaa; kohdista se sen sijaan toiseen identiteetintarjoajaan.',
    leavesIdpWithoutRule:
      'Tämän muutoksen jälkeen aktiivista reitityssääntöä ei ole seuraavilla: {{idps}}. Niille ei ohjata ketään.',
    tooMany: 'Reitityssääntöjä on jo {{max}}, mikä on enimmäismäärä, jonka Tessera säilyttää.',
    staleOrder: 'Säännöt muuttuivat, kun järjestit niitä; järjestystä ei tallennettu. Yritä uudelleen.',
    noDefault: 'Oletussääntöä ei vielä ole; lisää ensin identiteetintarjoaja.',
  },
};

/** Reasons the SAML metadata and certificate checks give, in Finnish. */
export const fiSsoErrors: Pick<Messages['errors'], 'metadata' | 'certificate' | 'spMetadata'> = {
  metadata: {
    tooLarge: 'Tiedosto on suurempi kuin 1 Mt, paljon suurempi kuin yhden identiteetintarjoajan metadata.',
    doctype:
      'Tiedostossa on DOCTYPE- tai ENTITY-määrittely, jota SAML-metadata ei koskaan tarvitse ja jonka Tessera hylkää turvallisuussyistä. Lataa metadata uudelleen identiteetintarjoajalta.',
    notXml: 'Tiedosto ei ole hyvin muodostettua XML:ää, joten se ei voi olla SAML-metadataa.',
    notEntityDescriptor: 'Tämä XML ei ole SAML-metadataa (sen juurielementti ei ole md:EntityDescriptor).',
    severalEntities: 'Tämä tiedosto kuvaa {{count}} identiteetintarjoajaa. Valitse se, jonka lisäät.',
    templatedEntityId:
      'Entiteettitunnus ”{{entityId}}” on usean vuokraajan malli, ei yksi identiteetintarjoaja. Lisää URL-osoitteeseen oma vuokraajatunnuksesi (tenant ID): {{suggestion}} – lataa oman vuokraajasi metatiedot tai syötä tämä entiteettitunnus lomakkeeseen.',
    entityNotFound:
      'Tämä tiedosto ei kuvaa identiteetintarjoajaa {{entityId}}. Valitse jokin sen luettelemista identiteetintarjoajista.',
    duplicateEntity:
      'Tämä tiedosto kuvaa identiteetintarjoajan {{entityId}} useammin kuin kerran. Pyydä federaatiolta korjatut metatiedot.',
    noIdpDescriptor:
      'Metadata ei kuvaa SAML 2.0 -identiteetintarjoajaa (IDPSSODescriptor puuttuu). Tarkista, että se on identiteetintarjoajan eikä palveluntarjoajan metadata.',
    noEntityId: 'Metadatasta puuttuu entity ID.',
    invalidValidUntil: 'Metadatan validUntil-päivämäärä ”{{value}}” ei ole kelvollinen päivämäärä.',
    expired: 'Metadata vanheni {{validUntil}}. Lataa ajantasainen metadata identiteetintarjoajalta.',
    noSsoService:
      'Metadatassa ei ole kertakirjautumisen päätepistettä, jonka sidonta on HTTP-Redirect tai HTTP-POST.',
    insecureEndpoint:
      'Päätepiste ”{{location}}” ei ole https://-osoite (http:// vain osoitteille 127.0.0.1 ja localhost).',
    noSigningCertificate:
      'Metadatassa ei ole allekirjoitusvarmennetta; pyydä identiteetintarjoajalta täydellinen metadata.',
    certificateMalformed: 'Allekirjoitusvarmenne {{position}}/{{count}} ei ole kelvollinen X.509-varmenne.',
    certificateExpired:
      'Allekirjoitusvarmenne {{position}}/{{count}} vanheni {{notAfter}}. Pyydä identiteetintarjoajalta ajantasainen metadata.',
    certificateNotYetValid:
      'Allekirjoitusvarmenne {{position}}/{{count}} on voimassa vasta {{notBefore}} alkaen.',
    certificateWeakKey:
      'Allekirjoitusvarmenteen {{position}}/{{count}} avain on liian heikko ({{keyAlgorithm}}).',
    signatureInvalid:
      'Metadatan allekirjoitus ei ole kelvollinen: tiedostoa on ehkä muutettu allekirjoittamisen jälkeen. Lataa se uudelleen identiteetintarjoajalta.',
    weakSignature:
      'Metadata on allekirjoitettu algoritmilla {{algorithm}}, jota Tessera ei hyväksy; pyydä RSA-SHA256 tai parempi.',
    signatureNoCertificate:
      'Metadata on allekirjoitettu, mutta allekirjoituksessa ei ole varmennetta, jolla sen voisi tarkistaa.',
    signerExpired: 'Metadatan allekirjoittanut varmenne vanheni {{notAfter}}.',
    signerNotYetValid:
      'Metadatan allekirjoittanut varmenne on voimassa vasta {{notBefore}} alkaen. Tarkista tämän tietokoneen kello.',
  },
  certificate: {
    malformed:
      'Tämä ei ole kelvollinen X.509-varmenne. Liitä se PEM-muodossa (-----BEGIN CERTIFICATE----- …).',
    several: 'Tekstissä on useampi kuin yksi varmenne. Liitä vain allekirjoitusvarmenne.',
    tooLarge: 'Tämä on liian suuri ollakseen varmenne.',
    expired: 'Varmenne vanheni {{notAfter}}.',
    notYetValid: 'Varmenne on voimassa vasta {{notBefore}} alkaen.',
    weakKey:
      'Varmenteen avain ({{keyAlgorithm}}) on liian heikko tai sitä ei tueta: käytä vähintään 2048-bittistä RSA-avainta tai EC P-256 -avainta.',
    commonName:
      'Varmenteen nimen on oltava 1–64 merkkiä pitkä, eikä siinä saa olla lainausmerkkejä, kenoviivoja tai ohjausmerkkejä.',
    noCertificate: 'Varmennetta ei löytynyt.',
    noKey: 'Yksityistä avainta ei löytynyt.',
    keyMalformed: 'Yksityistä avainta ei voitu lukea.',
    passphraseRequired: 'Yksityinen avain on salattu. Anna sen tunnuslause.',
    wrongPassword: 'Salasana on väärä: avainta tai tiedostoa ei voitu avata.',
    keyMismatch: 'Yksityinen avain ei kuulu varmenteeseen.',
    weakSignature:
      'Varmenne {{subject}} on allekirjoitettu heikolla tiivistealgoritmilla. Pyydä varmentajalta varmenne, joka on allekirjoitettu SHA-256:lla tai paremmalla.',
    chainBroken: 'Ketju on katkennut: anna ensin varmenne ja sitten kukin myöntäjä järjestyksessä.',
    chainExpired: 'Välivarmenne {{subject}} ei ole nyt voimassa.',
    untrustedChain:
      'Ketju ei johda luotettuun julkiseen juurivarmenteeseen (viimeisen varmenteen myönsi {{issuer}}). Lisää puuttuvat välivarmenteet tai käytä julkisen varmentajan varmennetta.',
  },
  spMetadata: {
    keyMalformed: 'SP:n yksityistä avainta ei voi lukea.',
    keyMismatch: 'SP:n yksityinen avain ei kuulu SP-varmenteeseen.',
    unsupportedKey:
      'SP-avaimella ei voi allekirjoittaa metadataa: sen on oltava RSA (vähintään 2048 bittiä) tai EC P-256.',
  },
};
