import type { Messages } from './en';

/** Varmennevaroitukset, sähköpostipalvelin ja tervetuloviesti (suomi); fi.ts yhdistää ne. */
export const fiAlerts: Pick<Messages, 'alerts' | 'newUserEmail'> = {
  alerts: {
    title: 'Varoitukset',
    centre: 'Varoituskeskus',
    centreHelp:
      'Kaikki varoitukset vanhenevista varmenteista, uusimmat ensin, toimitetut ja toimittamattomat. Tessera tarkistaa varmenteet käynnistyessään ja vähintään kerran tunnissa.',
    empty: 'Ei varoituksia: yksikään varmenne ei vanhene 60 päivän kuluessa.',
    certificate: 'Varmenne',
    daysLeftColumn: 'Päiviä jäljellä',
    raised: 'Annettu',
    delivery: 'Toimitus',
    acknowledgedColumn: 'Kuitattu',
    useSp: 'SP-varmenne',
    useIdp: 'IdP:n allekirjoitusvarmenne: {{names}}',
    expired: 'Vanhentunut',
    days_one: '{{count}} päivä',
    days_other: '{{count}} päivää',
    threshold: 'Varoitus {{days}} päivää ennen',
    thresholdExpiry: 'Varoitus vanhenemispäivänä',
    acknowledge: 'Kuittaa',
    acknowledgeNamed: 'Kuittaa varoitus varmenteesta {{subject}}',
    unacknowledged: '{{count}} kuittaamatonta',
    channel: {
      email: 'Sähköposti',
      notification: 'Ilmoitus',
    },
    status: {
      pending: 'odottaa',
      delivered: 'toimitettu',
      failed: 'ei toimitettu',
      cancelled: 'ei lähetetty',
    },
    waitingForWindow: 'Näytetään, kun Tesseran ikkuna on auki.',
    retryAt: 'Yritetty {{count}} kertaa; seuraava yritys {{time}}.',
    deliveredAt: 'Toimitettu {{time}}.',
    rules: 'Varoitussäännöt',
    rulesHelp:
      'Varoitukset lähtevät 60, 45, 30 ja 15 päivää ennen varmenteen vanhenemista sekä vanhenemispäivänä — kukin kerran, eikä enää, kun varmenne on uusittu.',
    rule: {
      'idp-certificate-expiry': 'IdP-varmenteen vanheneminen',
      'sp-certificate-expiry': 'SP-varmenteen vanheneminen',
    },
    ruleHelp: {
      'idp-certificate-expiry': 'SAML-identiteetintarjoajillesi kiinnitetyt allekirjoitusvarmenteet.',
      'sp-certificate-expiry': 'Tesseran oma SP-varmenne, johon jokainen SAML-identiteetintarjoaja luottaa.',
    },
    enabled: 'Käytössä',
    byEmail: 'Sähköposti',
    byNotification: 'Ilmoitus sovelluksessa ja työpöydällä',
    recipients: 'Vastaanottajat',
    recipientsHint: 'Sähköpostiosoitteet; paina Enter jokaisen jälkeen.',
    recipientsInvalid: '”{{value}}” ei ole sähköpostiosoite.',
    ruleSaved: 'Varoitussääntö tallennettu.',
    email: 'Sähköpostipalvelin (SMTP)',
    emailHelp:
      'Varoitukset ja tervetuloviestit lähetetään tämän palvelimen kautta. Salasana säilytetään järjestelmän avainnipussa.',
    host: 'Palvelin',
    port: 'Portti',
    tls: 'Suojaus',
    tlsMode: {
      implicit: 'TLS (yleensä portti 465)',
      starttls: 'STARTTLS, pakollinen (yleensä portti 587)',
      none: 'Ei mitään (vain tämän tietokoneen palvelin)',
    },
    username: 'Käyttäjätunnus',
    usernameHint: 'Tyhjä: palvelin ottaa postia vastaan ilman kirjautumista.',
    password: 'Salasana',
    passwordStored: 'Salasana on tallennettu; jätä tyhjäksi säilyttääksesi sen.',
    clearPassword: 'Poista tallennettu salasana',
    from: 'Lähettäjän osoite',
    emailSaved: 'Sähköpostipalvelin tallennettu.',
    notConfigured:
      'Sähköpostipalvelinta ei ole vielä: sähköpostivaroitukset odottavat, kunnes se on määritetty.',
    testTo: 'Lähetä testiviesti osoitteeseen',
    sendTest: 'Lähetä testiviesti',
    testOk: 'Palvelin hyväksyi testiviestin.',
    testFailed: 'Testiviestiä ei lähetetty',
    serverSaid: 'Palvelin vastasi:',
    problem: {
      notConfigured: 'Sähköpostipalvelinta ei ole määritetty.',
      connection: 'Tessera ei saanut yhteyttä palvelimeen.',
      timeout: 'Palvelin ei vastannut ajoissa.',
      tls: 'Suojattu yhteys epäonnistui.',
      auth: 'Palvelin ei hyväksynyt käyttäjätunnusta tai salasanaa.',
      rejected: 'Palvelin hylkäsi viestin.',
      noPassword: 'Salasana tarvitaan.',
      keychain: 'Avainnippua ei voitu lukea.',
      other: 'Lähettäminen epäonnistui.',
    },
    browserNotifications: 'Työpöytäilmoitukset tässä selaimessa',
    browserNotificationsHelp: 'Kun tämä sivu on auki, varoitukset näkyvät myös työpöydän ilmoituksina.',
    allowNotifications: 'Salli ilmoitukset',
    notificationsAllowed: 'Ilmoitukset on sallittu.',
    notificationsBlocked: 'Selain estää Tesseran ilmoitukset; salli ne sivuston asetuksista.',
    newAlert: 'Varmennevaroitus',
  },
  newUserEmail: {
    title: 'Sähköpostit uusille käyttäjille',
    help: 'Kun JIT luo käyttäjän ensimmäisellä kirjautumisella, Tessera lähettää tälle tervetuloviestin käyttäjän kielellä (profiilista), muuten alla valitulla kielellä.',
    suppress: 'Estä automaattiset sähköpostit uusille käyttäjille',
    language: 'Sähköpostien oletuskieli',
    languageHint: 'Myös varmennevaroitusten sähköpostien kieli.',
    saved: 'Tallennettu.',
    status: '{{delivered}} lähetetty, {{waiting}} odottaa.',
    lastError: 'Viimeisin ongelma: {{error}}',
  },
};

export const fiAlertsErrors: Pick<Messages['errors'], 'alerts' | 'mail'> = {
  alerts: {
    recipientsRequired: 'Sähköpostitoimitus tarvitsee vähintään yhden vastaanottajan.',
    notFound: 'Varoitusta ei enää ole.',
  },
  mail: {
    tlsRequired:
      'Sähköposti ilman TLS:ää sallitaan vain tämän tietokoneen palvelimelle (127.0.0.1, ::1 tai localhost); valitse STARTTLS tai TLS.',
    usernameRequired: 'Salasana tarvitsee käyttäjätunnuksen.',
    passwordRequiredForNewServer:
      'Palvelin vaihtui: anna salasana uudelleen, jotta se lähetetään uudelle palvelimelle.',
  },
};
