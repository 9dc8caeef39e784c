import type { Messages } from './en';

/** The live sign-in's words (Finnish); fi.ts merges them. */
export const fiSignin: Pick<Messages, 'test' | 'jit' | 'directory'> = {
  test: {
    title: 'Testaa SSO: {{name}}',
    run: 'Testaa SSO',
    intro:
      'Kirjaudu identiteetintarjoajalla testitilillä. Tessera suorittaa todellisen kirjautumisen ja tarkistaa vastauksen jokaisen vaiheen. Identiteetintarjoajan todennusvirhe tarkoittaa, että tunnistetiedot ovat väärät; sovellusvirhe tarkoittaa, että määritykset eivät täsmää.',
    open: 'Avaa kirjautumisikkuna',
    copyUrl: 'Kopioi URL',
    copied: 'URL kopioitu',
    copyHint:
      'Jos haluat testata ilman istuntoa, joka selaimella jo on identiteetintarjoajalla, liitä URL yksityiseen ikkunaan.',
    waiting:
      'Odotetaan identiteetintarjoajan vastausta… (Tessera luovuttaa {{minutes}} minuutin kuluttua ja kertoo syyn.)',
    goBack: 'Palaa takaisin',
    close: 'Sulje',
    activate: 'Aktivoi tämä identiteetintarjoaja',
    checks: 'Tarkistukset',
    status: { pass: 'onnistui', fail: 'epäonnistui', skipped: 'ohitettiin' },
    fix: 'Korjaus',
    succeeded: 'Testi onnistui',
    failed: 'Testi epäonnistui',
    subject: 'Kirjautunut käyttäjänä {{subject}}.',
    signedInAs: 'Kirjautunut käyttäjänä {{email}}.',
    signedInAsNamed: 'Kirjautunut käyttäjänä {{name}} ({{email}}).',
    subjectId: 'Subjekti identiteetintarjoajalla: {{subject}}',
    claims: 'Vastaanotetut väitteet',
    profile: 'Profiili, jonka JIT kirjoittaisi',
  },
  jit: {
    title: 'Attribuuttien määritys',
    help: 'Just-in-time-provisiointi luo ja päivittää hakemiston käyttäjät sen perusteella, mitä identiteetintarjoaja lähettää jokaisessa kirjautumisessa.',
    idp: 'Identiteetintarjoaja',
    noIdps:
      'Lisää ensin SAML- tai OpenID Connect -identiteetintarjoaja. Sisäänrakennetulla identiteetillä ei ole määritettäviä attribuutteja.',
    preconditions: 'Milloin JIT toimii',
    pre: {
      directorySyncOn:
        'Hakemistosynkronointi (DirSync / Azure AD) on päällä: JIT ei luo eikä päivitä käyttäjiä. Kytke se pois kohdassa Hakemisto, jotta voit käyttää JIT:tä.',
      directorySyncOff: 'Hakemistosynkronointi on pois päältä, joten JIT voi luoda ja päivittää käyttäjiä.',
      noClaimed:
        'Yhtään verkkotunnusta ei ole lunastettu, joten ketään ei provisioida. Vahvista ja lunasta verkkotunnuksesi kohdassa Organisaatio.',
      claimed: 'Vain lunastettujen verkkotunnusten käyttäjät provisioidaan: {{domains}}.',
      userIdSaml:
        'Käyttäjänimi ja ensisijainen sähköpostiosoite saadaan SAML-attribuutista ”{{attribute}}” (asetetaan identiteetintarjoajan asetuksissa). Sen on sisällettävä sähköpostiosoite, UPN tai eduPersonPrincipalName.',
      userIdOidc: 'Käyttäjänimi ja ensisijainen sähköpostiosoite saadaan väitteestä ”email”.',
      notLive:
        '{{name}} ei ole vielä käytössä ({{status}}): kukaan ei kirjaudu sen kautta, ennen kuin se on aktiivinen.',
      blockProfileUpdate:
        'Estä käyttäjäprofiilin päivitys on päällä: käyttäjät eivät voi muokata omia attribuuttejaan, mutta kirjautumisten päivitykset ja ylläpitäjän muutokset tulevat yhä voimaan.',
    },
    settings: 'Provisiointi',
    createUsers: 'Luo tai aktivoi käyttäjät',
    createUsersHint:
      'Jos aktiivista käyttäjää ei löydy, luodaan uusi (tai aktivoidaan olemassa oleva) ja täytetään sitten attribuutit.',
    updateUsers: 'Päivitä käyttäjät SAML-attribuuteilla',
    updateUsersOidc: 'Päivitä käyttäjät OpenID Connect -väitteillä',
    updateUsersHint:
      'Tunnettu käyttäjä päivitetään identiteetintarjoajan attribuuteista jokaisessa kirjautumisessa.',
    allowNewEmail:
      'Salli kirjautuminen toisella, vielä tuntemattomalla sähköpostiosoitteella (henkilö vahvistaa henkilöllisyytensä)',
    allowNewEmailHint:
      'Jos linkitetyllä käyttäjällä on eri sähköpostiosoite, henkilö vahvistaa, että kyse on hänestä; muuten luodaan uusi käyttäjä.',
    linkBy: 'Linkitä käyttäjät attribuutilla',
    linkByNone: 'Vain sähköpostiosoite',
    linkByHint:
      'Käyttäjäkohtaisesti yksilöllinen attribuutti, jolla käyttäjä löytyy, vaikka sähköpostiosoite muuttuisi. Jos sähköpostiosoite ei ole pysyvä tunniste (kuten Azure AD:ssa), käytä externalId-attribuuttia (esim. user.objectid). employeeNumber ei korvaa externalId:tä: numeroita käytetään uudelleen.',
    linkByUnmapped: 'Attribuuttia {{attribute}} ei ole määritetty alla, joten sillä ei voi linkittää ketään.',
    mapping: 'Profiiliattribuutit',
    mappingHelp:
      'Kullekin profiilikentälle sen SAML-attribuutin tai OpenID Connect -väitteen nimi, josta kenttä täytetään. Jätä kenttä tyhjäksi, jos sitä ei muuteta.',
    field: 'Kenttä',
    attribute: 'Attribuutti identiteetintarjoajalla',
    attributeFor: 'Attribuutti kentälle {{field}}',
    phoneHint: 'Vain E.164: + ja enintään 15 numeroa.',
    alternateEmailHint:
      'Määritä yksi niistä käyttäjätunnuksen attribuuttiin, jotta henkilö voi kirjautua sillä.',
    groupAttribute: 'Ryhmäattribuutti',
    groupAttributeHint:
      'Sen arvot ovat ryhmien nimiä (groupId tai ryhmän externalId). Jäsenyydet vain lisääntyvät: JIT ei koskaan poista ketään ryhmästä eikä poista käyttäjiä.',
    attributeInvalid: 'Attribuutin nimessä on 1–{{max}} merkkiä.',
    saved: 'Identiteetintarjoajan {{name}} JIT-asetukset tallennettiin.',
    unsaved: 'Esikatselu käyttää tallennettuja asetuksia: tallenna muutoksesi ensin.',
    preview: {
      title: 'Määrityksen esikatselu',
      help: 'Mitä JIT tekisi näillä attribuuteilla ja tallennetuilla asetuksilla verrattuna käyttäjään, jonka se löytäisi. Mitään ei kirjoiteta.',
      lastTest: 'Esikatsele viimeisimmällä testillä',
      paste: 'Liitä SAML-väite tai attribuutit JSON-muodossa ({"name": ["value"]})',
      run: 'Esikatsele',
      notJson: 'Tämä ei ole SAML-väite (XML) eikä kelvollista JSONia.',
      notObject:
        'Anna JSON-objekti, jonka arvot ovat merkkijonojen luetteloita, esimerkiksi {"email": ["ada@example.com"], "groups": ["henkilosto"]}.',
    },
    action: {
      create: 'Luo käyttäjä',
      update: 'Päivitä käyttäjä',
      unchanged: 'Ei muutoksia',
      none: 'Mitään ei kirjoiteta',
      'confirm-identity': 'Henkilön on vahvistettava henkilöllisyytensä',
    },
    linkedBy: 'Linkitetty attribuutilla {{attribute}}',
    changes: 'Muutokset',
    before: 'Ennen',
    after: 'Jälkeen',
    groupsAdded: 'Lisätään ryhmiin: {{groups}}',
    rejected: '{{field}}: arvo ”{{value}}” hylättiin: {{problem}}',
  },
  directory: {
    title: 'Hakemisto',
    settings: 'Hakemiston asetukset',
    directorySync: 'Hakemistosynkronointi (DirSync / Azure AD)',
    directorySyncHint:
      'Käyttäjät tulevat hakemistosynkronoinnista, joten JIT-provisiointi ei luo eikä päivitä heitä.',
    blockProfileUpdate: 'Estä käyttäjäprofiilin päivitys',
    blockProfileUpdateHint:
      'Käyttäjät eivät voi muokata omia attribuuttejaan; kirjautumisten päivitykset ja ylläpitäjän muutokset toimivat yhä.',
    licenseTemplate: 'Automaattinen lisenssimalli',
    licenseTemplateHint:
      'Lisenssit, jotka jokainen uusi käyttäjä saa. Tyhjä: uudet käyttäjät eivät saa lisenssejä. Paina Enteriä jokaisen jälkeen.',
    saved: 'Hakemiston asetukset tallennettiin.',
    users: 'Käyttäjät',
    search: 'Hae käyttäjiä',
    searchHint: 'Sähköpostiosoite, profiiliattribuutti tai ryhmä',
    count_one: '{{count}} käyttäjä',
    count_other: '{{count}} käyttäjää',
    empty: 'Hakemistossa ei ole vielä käyttäjiä. Henkilöt lisätään heidän ensimmäisellä kirjautumisellaan.',
    noMatch: 'Hakua ”{{query}}” vastaavia käyttäjiä ei ole.',
    email: 'Sähköposti',
    displayName: 'Näyttönimi',
    groups: 'Ryhmät',
    mfa: 'MFA',
    lastSignIn: 'Viimeisin kirjautuminen',
    never: 'Ei koskaan',
    inactive: 'Poistettu käytöstä',
    mfaStatus: {
      enrolled: 'Käyttöönotettu',
      notEnrolled: 'Ei käyttöönotettu',
      lockedUntil: 'Lukittu {{time}} asti',
      lockedUntilReset: 'Lukittu, kunnes MFA nollataan',
    },
    optedIn: 'Otti MFA:n itse käyttöön',
    resetMfa: 'Nollaa MFA',
    resetMfaFor: 'Nollaa MFA: {{email}}',
    resetMfaBody:
      '{{email}} menettää todennussovelluksen käyttöönoton (ja mahdollisen lukituksen) ja ottaa sen uudelleen käyttöön seuraavalla kirjautumisella. Tee tämä, kun laite on kadonnut tai tilalle on tullut uusi puhelin.',
    resetMfaDone: 'Käyttäjän {{email}} MFA nollattiin.',
    details: 'Tiedot',
    detailsFor: 'Tiedot: {{email}}',
    profile: 'Profiiliattribuutit',
    noProfile: 'Ei profiiliattribuutteja.',
    licenses: 'Lisenssit',
    noLicenses: 'Ei lisenssejä.',
    noGroups: 'Ei ryhmiä.',
    close: 'Sulje',
    created: 'Luonut {{source}}, {{date}}',
    updated: 'Muutettu viimeksi {{date}}',
  },
};

/** Reasons the sign-in broker, JIT, the directory and MFA give, in Finnish. */
export const fiSigninErrors: Pick<
  Messages['errors'],
  'mfa' | 'signin' | 'jit' | 'directory' | 'test' | 'preview'
> = {
  mfa: {
    alreadyEnrolled: 'Tämän käyttäjän MFA on jo otettu käyttöön.',
    notEnrolled: 'Tämän käyttäjän MFA:ta ei ole otettu käyttöön.',
    secretMissing: 'Käyttäjän MFA-salaisuus puuttuu avainnipusta; ylläpitäjän on nollattava hänen MFA:nsa.',
    wrongCode:
      'Koodi ei ole oikein (epäonnistuneita peräkkäin: {{failures}}). Tarkista, että laitteen kello on oikeassa ajassa.',
    codeReused: 'Koodi on jo käytetty. Odota seuraavaa koodia ja anna se.',
  },
  signin: {
    notRunning:
      'Kirjautumispalvelu ei ole käynnissä. Tarkista sen portti kohdassa Organisaatio (toinen ohjelma voi käyttää sitä) ja yritä uudelleen.',
    lockedOut:
      'Lukittu liian monen peräkkäisen epäonnistuneen yrityksen jälkeen. Pyydä ylläpitäjää nollaamaan se.',
    throttled: 'Liian monta epäonnistunutta yritystä. Yritä uudelleen {{seconds}} s kuluttua.',
    busy: 'Liian monta kirjautumista on kesken; yritä uudelleen muutaman minuutin kuluttua.',
  },
  jit: {
    builtin: 'Sisäänrakennetulla identiteetillä ei ole määritettäviä attribuutteja.',
    confirm: 'Henkilö ei ole vielä vahvistanut henkilöllisyyttään.',
  },
  directory: {
    userNotFound: 'Käyttäjää ei enää ole.',
    userMissing: 'Henkilö ei ole hakemistossa, eikä JIT saa luoda häntä.',
    inactive: 'Käyttäjä on poistettu käytöstä hakemistossa.',
  },
  test: {
    notFound: 'Testiä ei enää ole. Aloita uusi.',
  },
  preview: {
    notSaml:
      'Liitetty teksti ei ole SAML-väite, jonka Tessera voi lukea. Liitä yksi kokonainen väite tai vastaus, jossa on täsmälleen yksi salaamaton väite, ilman DOCTYPE-määrittelyä.',
    noTest:
      'Tästä identiteetintarjoajasta ei ole vielä onnistunutta testiä: suorita Testaa SSO tai liitä attribuutit.',
    missingUserId:
      'Käyttäjätunnuksen sisältävä attribuutti puuttuu, joten ketään ei voida provisioida. Luovuta se Tesseralle identiteetintarjoajalla tai anna sen käyttämän attribuutin nimi identiteetintarjoajan asetuksissa.',
    userIdNotEmail:
      'Käyttäjätunnuksen attribuutti ei ole sähköpostiosoite. Käytä attribuuttia, joka sisältää sähköpostiosoitteen, UPN:n tai eduPersonPrincipalNamen.',
    emailNotVerified:
      'Identiteetintarjoajan mukaan tätä sähköpostiosoitetta ei ole vahvistettu (email_verified: false); Tessera ei kirjaudu vahvistamattomalla osoitteella.',
  },
};
