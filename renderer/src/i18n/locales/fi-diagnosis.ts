import type { Messages } from './en';

/** The Test SSO diagnosis (Finnish); fi.ts merges it. */
export const fiDiagnosis: Messages['diag'] = {
  title: {
    size: 'Vastauksen koko',
    xml: 'Hyvin muodostettu XML ilman DTD:tä',
    status: 'Tunnistuspalvelu ilmoittaa onnistumisesta',
    destination: 'Kohde on ACS-osoitteemme',
    issuer: 'Myöntäjä on tunnistuspalvelu',
    algorithms: 'SHA-256 tai parempi',
    'one-assertion': 'Täsmälleen yksi väite',
    encryption: 'Väite ei ole salattu',
    conditions: 'Väitteessä on Conditions (yleisö ja voimassaolo)',
    'idp-answer': 'IdP vastasi',
    'in-response-to': 'Vastaa pyyntöömme',
    signature: 'Väite on allekirjoitettu kiinnitetyllä varmenteella',
    time: 'Voimassaoloaikansa sisällä',
    audience: 'Yleisö on entiteettitunnuksemme',
    'subject-confirmation': 'Bearer-tyyppinen kohteen vahvistus',
    recipient: 'Vastaanottaja on ACS-osoitteemme',
    expiry: 'Väite vanhenee',
    replay: 'Ei nähty aiemmin',
    authorization: 'Tunnistuspalvelu hyväksyi kirjautumisen',
    state: 'State vastaa tätä kirjautumista',
    'issuer-parameter': 'Vastaus tulee tältä tunnistuspalvelulta (iss)',
    token: 'Koodi vaihdettiin tunnisteisiin',
    'id-token-signature': 'ID-tunniste allekirjoitettu kiinnitetyllä algoritmilla ja palvelun avaimella',
    'id-token-claims': 'ID-tunnisteen myöntäjä, yleisö, nonce ja elinaika',
    userinfo: 'Userinfo koskee samaa kohdetta',
  },
  detail: {
    'encrypted-assertion':
      'IdP salasi väitteen (EncryptedAssertion); Tessera ei pura väitteiden salausta, eikä sen SP-metatiedoissa ole salausavainta.',
    'no-conditions':
      'Väitteessä ei ole Conditions-elementtiä, joten siinä ei nimetä yleisöä eikä voimassaoloaikaa.',
    'not-our-request':
      'Vastaus ei vastaa mihinkään Tesseran viimeisten {{minutes}} minuutin aikana lähettämään pyyntöön ({{message}}).',
    'several-assertions': 'Vastauksessa on useampi kuin yksi väite.',
    'foreign-certificate': 'Vastaus on allekirjoitettu varmenteella, jota ei ole ladatussa metatiedossa.',
    'bad-signature':
      'Väitteen allekirjoitusta ei voi todentaa millään palvelun metatiedon varmenteella ({{message}}).',
    'no-not-on-or-after': 'Väite ei kerro, milloin se vanhenee (ei NotOnOrAfter-arvoa).',
    'outside-validity': 'Väite on voimassaoloaikansa ulkopuolella ({{message}}).',
    'wrong-audience': 'Väite on tarkoitettu toiselle palvelulle ({{message}}).',
    unprocessable: 'Vastausta ei voitu käsitellä ({{message}}).',
    'too-large': 'Vastaus on suurempi kuin {{kb}} kt.',
    'not-base64': 'SAMLResponse ei ole base64-muodossa.',
    'idp-status': 'Tunnistuspalvelu vastasi {{answer}}.',
    'wrong-destination': 'Vastaus on osoitettu kohteeseen {{destination}}, ei kohteeseen {{acsUrl}}.',
    'wrong-response-issuer': 'Vastaus tulee lähteestä ”{{issuer}}”, ei lähteestä ”{{expected}}”.',
    encrypted: 'Väite on salattu.',
    'no-assertion': 'Vastauksessa ei ole väitettä.',
    'other-request': 'Vastaus vastaa eri pyyntöön kuin tämän kirjautumisen lähettämään.',
    'no-in-response-to': 'Vastaus ei kerro, mihin pyyntöön se vastaa (ei InResponseTo-arvoa).',
    doctype: 'Vastauksessa on DOCTYPE- tai ENTITY-määrittely.',
    'not-well-formed': 'Vastaus ei ole hyvin muodostettua XML:ää ({{message}}).',
    'not-a-response': 'Viesti ei ole SAML-protokollan Response.',
    'weak-signature': 'Vastaus on allekirjoitettu algoritmilla {{algorithm}}.',
    'weak-digest': 'Vastaus käyttää tiivistettä {{algorithm}}.',
    'signed-not-assertion': 'Allekirjoitettu elementti ei ole väite.',
    'wrong-assertion-issuer': 'Väitteen myönsi ”{{issuer}}”, ei ”{{expected}}”.',
    'no-subject-confirmation': 'Väitteessä ei ole SubjectConfirmation-elementtiä.',
    'not-bearer': 'Väitteen kohteen vahvistus ei ole ”bearer”.',
    'wrong-recipient': 'Väite on tarkoitettu osoitteelle {{recipient}}, ei osoitteelle {{acsUrl}}.',
    'no-recipient': 'Väite ei nimeä vastaanottajaa (Recipient).',
    'assertion-other-request':
      'Allekirjoitettu väite ei kerro vastaavansa tämän kirjautumisen pyyntöön (SubjectConfirmationData InResponseTo).',
    'never-expires': 'Väite ei vanhene koskaan (ei NotOnOrAfter-arvoa).',
    expired: 'Väite on vanhentunut.',
    replayed: 'Tällä väitteellä on jo kirjauduttu.',
    'other-subject': 'Userinfo-vastaus ei koske kirjautunutta kohdetta ({{message}}).',
    'refused-authentication': 'Tunnistuspalvelu hylkäsi kirjautumisen: {{error}} {{description}}',
    'refused-configuration': 'Tunnistuspalvelu hylkäsi kirjautumisen: {{error}} {{description}}',
    'wrong-state': 'Vastauksessa ei ole tämän kirjautumisen lähettämää state-arvoa.',
    'mix-up': 'Valtuutusvastaus ei tule tältä tunnistuspalvelulta ({{message}}).',
    'bad-id-token-signature': 'ID-tunnisteen allekirjoitus tai algoritmi ei kelpaa ({{message}}).',
    'bad-id-token-claims': 'ID-tunnisteen väitteet eivät koske tätä kirjautumista ({{message}}).',
    'token-exchange-failed': 'Koodin vaihtaminen epäonnistui ({{message}}).',
    'no-id-token': 'ID-tunnistetta ei palautettu.',
  },
  fix: {
    'encrypted-assertion':
      'Poista väitteiden salaus käytöstä Tesseralle IdP:ssä (AD FS: poista salausvarmenne luottavan osapuolen luottamuksesta; Entra ID: poista sovelluksen tunnuksen salaus käytöstä). Vastaus kulkee silti vain tälle tietokoneelle, allekirjoitettuna.',
    'no-conditions':
      'Määritä IdP lähettämään Conditions, jossa AudienceRestriction nimeää Tesseran entiteettitunnuksen {{entityId}} (sekä NotBefore/NotOnOrAfter); Web Browser SSO vaatii yleisön.',
    'not-our-request':
      'Aloita kirjautuminen Tesserasta uudelleen; palvelun aloittamaa kirjautumista ei hyväksytä.',
    'several-assertions':
      'Aito tunnistuspalvelu lähettää täsmälleen yhden; tarkista palvelu, tai vastausta on peukaloitu.',
    'foreign-certificate':
      'Palvelu on ehkä vaihtanut varmenteensa: lataa sen uusi metatieto ja tuo se tämän palvelun asetuksiin.',
    'bad-signature':
      'Määritä palvelu allekirjoittamaan väite (ei vain vastausta) SHA-256:lla; jos se jo tekee niin, vastausta on muutettu matkalla.',
    'no-not-on-or-after': 'Määritä palvelu rajoittamaan väitteen elinaikaa.',
    'outside-validity':
      'Tarkista, että tämän tietokoneen ja palvelun kellot ovat oikeassa ({{seconds}} s ero sallitaan).',
    'wrong-audience':
      'Aseta palvelussa yleisöksi / SP:n entiteettitunnukseksi Tesseran entiteettitunnus (se on Tesseran SP-metatiedossa).',
    unprocessable: 'Tarkista tunnistuspalvelun määritykset.',
    'too-large': 'Aito vastaus on muutaman kilotavun kokoinen; tarkista, mitä palvelu lähettää.',
    'not-base64': 'Palvelun on lähetettävä vastaus HTTP-POST-sidonnalla.',
    'idp-status':
      'Tunnistusvirhe koskee tunnuksia (tai käyttäjän pääsyä sovellukseen palvelussa); kaikki muu on palvelun määritysvirhe.',
    'wrong-destination': 'Aseta palvelussa ACS-osoitteeksi {{acsUrl}}.',
    'wrong-response-issuer': 'Lataa tämän palvelun oma metatieto; vastaus on toiselta entiteetiltä.',
    encrypted: 'Poista väitteiden salaus Tesseralta palvelussa (yhteys on paikallinen).',
    'no-assertion':
      'Aito tunnistuspalvelu lähettää täsmälleen yhden; tarkista palvelu, tai vastausta on peukaloitu.',
    'other-request':
      'Aloita kirjautuminen Tesserasta uudelleen; palvelun aloittamaa kirjautumista ei hyväksytä.',
    'no-in-response-to':
      'Aloita kirjautuminen Tesserasta uudelleen; palvelun aloittamaa kirjautumista ei hyväksytä.',
    doctype: 'SAML ei koskaan tarvitse sellaista; Tessera hylkää sen (XXE, entiteettien laajennus).',
    'not-well-formed': 'Tarkista, mitä palvelu lähettää.',
    'not-a-response': 'Lähetä palvelun SAML Response tähän osoitteeseen.',
    'weak-signature': 'Määritä palvelu allekirjoittamaan RSA-SHA256:lla (SHA-1 on murrettu).',
    'weak-digest': 'Määritä palvelu käyttämään SHA-256-tiivisteitä (SHA-1 on murrettu).',
    'signed-not-assertion': 'Vastausta on peukaloitu.',
    'wrong-assertion-issuer': 'Lataa tämän palvelun oma metatieto; väite on toiselta entiteetiltä.',
    'no-subject-confirmation':
      'Web Browser SSO vaatii bearer-tyyppisen SubjectConfirmationin (SAML profiles §4.1.4.2); tarkista palvelun SAML-profiiliasetukset.',
    'not-bearer':
      'Web Browser SSO vaatii bearer-tyyppisen SubjectConfirmationin (SAML profiles §4.1.4.2); tarkista palvelun SAML-profiiliasetukset.',
    'wrong-recipient': 'Aseta palvelussa ACS-osoitteeksi {{acsUrl}}.',
    'no-recipient': 'Aseta palvelussa ACS-osoitteeksi {{acsUrl}}.',
    'assertion-other-request':
      'Aloita kirjautuminen Tesserasta uudelleen; palvelun aloittamaa kirjautumista ei hyväksytä.',
    'never-expires': 'Määritä palvelu rajoittamaan väitteen elinaikaa.',
    expired: 'Tarkista molemmat kellot ja kirjaudu sitten uudelleen.',
    replayed: 'Kirjaudu uudelleen; vastauksen voi käyttää vain kerran.',
    'other-subject':
      'Palvelu vastasi toisen käyttäjän tiedoilla; tarkista palvelu, tähän vastaukseen ei saa luottaa.',
    'refused-authentication': 'Tunnistusvirhe: tunnukset tai käyttäjän pääsy tähän asiakkaaseen palvelussa.',
    'refused-configuration':
      'Määritysvirhe: tarkista palveluun rekisteröidyt asiakastunnus, uudelleenohjausosoite ja scopet.',
    'wrong-state': 'Aloita kirjautuminen Tesserasta uudelleen (ja vie se loppuun samassa selaimessa).',
    'mix-up':
      'Toinen palvelu vastasi (sekaannus); kirjaudu uudelleen. Jos tämä toistuu, tarkista palvelulle tallennettu myöntäjä.',
    'bad-id-token-signature':
      'Palvelun on allekirjoitettava ID-tunnisteet sille tallennetulla algoritmilla ja JWKS:n avaimella. Jos se vaihtoi avaimia tai algoritmia, hae sen discovery-dokumentti uudelleen.',
    'bad-id-token-claims':
      'Tarkista palvelulle tallennetut myöntäjä ja asiakastunnus sekä tämän tietokoneen kello.',
    'token-exchange-failed':
      'Tarkista asiakastunnus ja -salaisuus sekä se, että uudelleenohjausosoite on rekisteröity palveluun.',
    'no-id-token': 'Pyydä openid-scopea.',
  },
};
